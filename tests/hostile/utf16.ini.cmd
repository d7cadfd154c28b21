convert $IN
