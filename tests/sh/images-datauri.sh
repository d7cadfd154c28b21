# images-datauri.sh — pictures carried in the FO document itself, RFC 2397
# data: URIs in external-graphic src (issue 14): a PNG (base64 wrapped
# over lines, or percent-encoded, "data:" in any case) is drawn, with no
# warning; a GIF or a JPEG is named as such (only PNG is supported), never
# as a 网址 or a missing file, and the PDF is still made; bad base64 says
# so; a URI that decodes to more than the 32 MB limit is refused at once,
# in bounded memory; a URI drawn many times is decoded once for checking.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v pdfimages >/dev/null 2>&1 || { echo "pdfimages (poppler-utils) missing"; exit 77; }
cd "$T" || exit 1

# A 4×4 red PNG (73 bytes).
RED='iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR42mP4z8AARwzEcQCukw/xOF6MEQAAAABJRU5ErkJggg=='
# fo N SRC…: an FO document drawing each SRC in a block of its own, N times.
fo() {
	n=$1; shift
	echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
	echo '<fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm">'
	echo '<fo:region-body margin="20mm"/></fo:simple-page-master></fo:layout-master-set>'
	echo '<fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">'
	for s in "$@"; do
		i=0
		while [ $i -lt "$n" ]; do
			echo "<fo:block><fo:external-graphic src=\"$s\" content-width=\"20mm\"/></fo:block>"
			i=$((i + 1))
		done
	done
	echo '</fo:flow></fo:page-sequence></fo:root>'
}
run() {	# NAME: wsdoc fo NAME.fo, at most 60 s
	timeout 60 "$WSDOC" fo "$1.fo" -o "$1.pdf" >"$T/out" 2>"$T/err"
}

# 1. A PNG: drawn, 4×4, no warning.  Base64 wrapped with &#10; (an FO
#    attribute's line break), in url('…'), "DATA:" in capitals.
wrapped=$(printf '%s' "$RED" | sed 's/.\{20\}/&\&#10;/g')
fo 1 "url('data:image/png;base64,$wrapped')" "DATA:IMAGE/PNG;BASE64,$RED" > png.fo
run png || fail "png: exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "a PNG data: URI warns: $(cat "$T/err")"
pdfimages -list png.pdf > list || fail "pdfimages png.pdf"
n=$(awk 'NR > 2 && $3 == "image" && $4 == 4 && $5 == 4' list | wc -l)
[ "$n" = 2 ] || fail "a PNG data: URI: not two 4×4 images in the PDF: $(cat list)"

# 2. The same PNG percent-encoded.
pct=$(printf '%s' "$RED" | base64 -d | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g')
fo 1 "data:image/png,$pct" > pct.fo
run pct || fail "pct: exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "a percent-encoded PNG warns: $(cat "$T/err")"
pdfimages -list pct.pdf | awk 'NR > 2 && $4 == 4 && $5 == 4' | grep -q image ||
	fail "a percent-encoded PNG is not drawn: $(pdfimages -list pct.pdf)"

# 3. A GIF and a JPEG: only PNG, said as such, the PDF made.
fo 1 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=' \
    'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==' > gif.fo
run gif || fail "gif: exit $?: $(cat "$T/err")"
[ -s gif.pdf ] || fail "no PDF for a GIF data: URI"
grep -q 'W-LAY-GRAPHIC-TYPE.*image/gif.*只支持 PNG' "$T/err" || fail "GIF: $(cat "$T/err")"
grep -q 'W-LAY-GRAPHIC-TYPE.*image/jpeg.*只支持 PNG' "$T/err" || fail "JPEG: $(cat "$T/err")"
grep -q '网址\|MISSING\|找不到' "$T/err" && fail "a data: URI called a 网址 or a missing file: $(cat "$T/err")"

# 4. Bad base64, and no comma: said so, nothing drawn.
fo 1 'data:image/png;base64,iVBORw0K!!!!GgoAAAANSUhEUg' 'data:image/png;base64' > bad.fo
run bad || fail "bad: exit $?: $(cat "$T/err")"
[ "$(grep -c 'W-LAY-GRAPHIC-DATA' "$T/err")" = 2 ] || fail "bad base64: $(cat "$T/err")"
grep -q 'W-LAY-GRAPHIC-DATA.*base64' "$T/err" || fail "bad base64 not named: $(cat "$T/err")"
grep -q 'W-LAY-GRAPHIC-DATA.*逗号' "$T/err" || fail "no comma not named: $(cat "$T/err")"
# each message quotes the URI in at most 80 characters, on one line
long="data:image/gif;base64,$(head -c 3000 /dev/zero | base64 | sed 's/.\{40\}/&\&#10;/g')"
fo 1 "$long" > long.fo
run long || fail "long: exit $?"
q=$(sed -n 's/.*图片 \(.*\) 是内嵌的.*/\1/p' "$T/err")
[ -n "$q" ] && [ "$(printf '%s' "$q" | wc -m)" -le 80 ] || fail "long URI quoted as: $(cat "$T/err")"
[ "$(wc -l < "$T/err")" = 1 ] || fail "a wrapped URI breaks the message over lines: $(cat "$T/err")"

# 5. Huge URIs, in bounded memory.  9 MB of base64 that is no PNG: said
#    so.  44 MB: libxml2 reads no attribute past ten million bytes, so the
#    document is refused as such (E-XML-HUGE-TEXT), no PDF left behind;
#    the 32 MB limit on what a URI decodes to, reached only by a document
#    built in memory, is tests/unit/test_datauri.c's.
lim=600000
[ -n "${SANITIZE:-}" ] && lim=unlimited	# ASan reserves terabytes
bigfo() {	# MB: a document with a data: URI of MB million base64 characters
	printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block><fo:external-graphic src="data:image/png;base64,'
	head -c $(($1 * 750000)) /dev/zero | base64 -w 76
	printf '"/></fo:block></fo:flow></fo:page-sequence></fo:root>\n'
}
bigfo 9 > nine.fo
( ulimit -v $lim; exec timeout 60 "$WSDOC" fo nine.fo -o nine.pdf ) >/dev/null 2>"$T/err" ||
	fail "9 MB data: URI: exit $?: $(tail -3 "$T/err")"
grep -q 'W-LAY-GRAPHIC-BAD.*文件头不是 PNG' "$T/err" || fail "9 MB of zeros: $(cat "$T/err")"
[ -s nine.pdf ] || fail "no PDF for a 9 MB data: URI"
bigfo 44 > huge.fo
( ulimit -v $lim; exec timeout 60 "$WSDOC" fo huge.fo -o huge.pdf ) >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "44 MB data: URI: exit $rc: $(tail -3 "$T/err")"
grep -q 'E-XML-HUGE-TEXT' "$T/err" || fail "44 MB data: URI: $(cat "$T/err")"
[ -e huge.pdf ] && fail "a PDF left for a document that was refused"
exit 0
