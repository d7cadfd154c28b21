# images-hostile.sh — external-graphic images that must not hang, exhaust
# memory or lie (issue 15, findings 4, 5, 8, 10): a FIFO and a device are
# refused at once, a URL is not opened as a local path, a picture larger
# than the pixel limit is named as too large (not "not a PNG"), a
# decompression bomb is refused after inflating no more than the picture
# claims, a 25-megapixel picture drawn 60 times is read and decoded once.
set -u
fail() { echo "FAIL: $*"; exit 1; }
MKPNG=$SRCDIR/$BUILD/tools/mkpng
[ -x "$MKPNG" ] || { echo "tests/tools/mkpng not built"; exit 77; }
cd "$T" || exit 1

# fo SRC N: an FO document drawing SRC N times.
fo() {
	echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
	echo '<fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm">'
	echo '<fo:region-body margin="20mm"/></fo:simple-page-master></fo:layout-master-set>'
	echo '<fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">'
	i=0
	while [ $i -lt "$2" ]; do
		echo "<fo:block><fo:external-graphic src=\"$1\" content-width=\"20mm\" content-height=\"20mm\"/></fo:block>"
		i=$((i + 1))
	done
	echo '</fo:flow></fo:page-sequence></fo:root>'
}
run() {	# FO-file: wsdoc fo, at most 60 s
	timeout 60 "$WSDOC" fo "$1" -o "${1%.fo}.pdf" >"$T/out" 2>"$T/err"
}

# 1. A FIFO with no writer, and a device: refused at once.
mkfifo pipe.png
fo pipe.png 1 > fifo.fo
run fifo.fo; rc=$?
[ $rc = 124 ] && fail "a FIFO as an image blocks wsdoc fo"
grep -q 'W-LAY-GRAPHIC-BAD.*管道、设备或套接字' "$T/err" || fail "FIFO: $(cat "$T/err")"
fo /dev/zero 1 > zero.fo
zlim=400000
[ -n "${SANITIZE:-}" ] && zlim=unlimited	# ASan reserves terabytes
( ulimit -v $zlim; exec timeout 60 "$WSDOC" fo zero.fo -o zero.pdf ) >/dev/null 2>"$T/err"; rc=$?
[ $rc = 0 ] || fail "/dev/zero as an image: exit $rc: $(tail -3 "$T/err")"
grep -q 'W-LAY-GRAPHIC-BAD.*管道、设备或套接字' "$T/err" || fail "/dev/zero: $(cat "$T/err")"

# 2. A URL is not a local path.
fo 'url(http://example.com/seal.png)' 1 > url.fo
run url.fo || fail "url: exit $?: $(cat "$T/err")"
grep -q 'W-LAY-GRAPHIC-URL' "$T/err" || fail "url(http://…): $(cat "$T/err")"

# 3. Larger than the pixel limit: named as too large.
"$MKPNG" 6000 5000 huge.png || fail "mkpng huge"
fo huge.png 1 > huge.fo
run huge.fo || fail "huge: exit $?"
grep -q 'W-LAY-GRAPHIC-LARGE.*6000×5000' "$T/err" || fail "6000×5000: $(cat "$T/err")"
grep -q 'W-PDF-IMAGE\|不是可用的 PNG' "$T/err" && fail "a large picture called not a PNG: $(cat "$T/err")"
# the limit can be lowered
"$MKPNG" 2000 2000 mid.png || fail "mkpng mid"
fo mid.png 1 > mid.fo
WSDOC_IMAGE_MAX_PIXELS=1000000 timeout 60 "$WSDOC" fo mid.fo -o mid.pdf 2>"$T/err" || fail "mid: exit $?"
grep -q 'W-LAY-GRAPHIC-LARGE' "$T/err" || fail "WSDOC_IMAGE_MAX_PIXELS=1000000 let 4 megapixels through"
run mid.fo || fail "mid: exit $?"
[ -s "$T/err" ] && fail "a 2000×2000 picture: $(cat "$T/err")"

# 4. A 10×10 picture whose data inflates to 64 MB: refused, quickly.
"$MKPNG" -b 64 10 10 bomb.png || fail "mkpng bomb"
fo bomb.png 1 > bomb.fo
run bomb.fo || fail "bomb: exit $?"
grep -q 'W-LAY-GRAPHIC-BAD.*解压炸弹' "$T/err" || fail "bomb: $(cat "$T/err")"

# 5. 25 megapixels drawn 60 times: one read, one decoding, bounded memory.
"$MKPNG" 5000 5000 big.png || fail "mkpng big"
fo big.png 60 > big.fo
lim=600000
[ -n "${SANITIZE:-}" ] && lim=unlimited	# ASan reserves terabytes
if command -v strace >/dev/null 2>&1; then
	( ulimit -v $lim; ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	exec strace -f -o "$T/trace" -e trace=open,openat timeout 300 "$WSDOC" fo big.fo -o big.pdf ) 2>"$T/err" ||
		fail "25 megapixels drawn 60 times (ulimit -v $lim): exit $?: $(tail -3 "$T/err")"
	opens=$(grep -c 'big\.png' "$T/trace")
	# the layout once, the PDF writer once
	[ "$opens" -le 2 ] || fail "big.png opened $opens times for one document"
else
	( ulimit -v $lim; exec timeout 300 "$WSDOC" fo big.fo -o big.pdf ) 2>"$T/err" ||
		fail "25 megapixels drawn 60 times (ulimit -v $lim): exit $?: $(tail -3 "$T/err")"
fi
exit 0
