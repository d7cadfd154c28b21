fo --areas --draft $IN
