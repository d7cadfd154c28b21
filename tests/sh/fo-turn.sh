#!/bin/sh
# fo-turn.sh — reference-orientation (issue 14): a block-container or a
# page turned 90, 180 or 270 degrees is drawn turned, as a reader sees it
# on the PDF page: where each word is and which way it runs (pdftotext
# -bbox), the paper size unchanged, the text still extracted whole, a
# footnote cited inside a turned container not lost.
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'

# render NAME MASTER-ATTRS FLOW — one page 200×300pt, margin 20pt
render() {
	printf '<fo:root %s><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="300pt" margin="20pt" %s><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" font-size="10pt">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$2" "$3" > "$T/$1.fo"
	"$WSDOC" fo "$T/$1.fo" -o "$T/$1.pdf" 2> "$T/$1.err" ||
	    bad "$1" "exit $?: $(cat "$T/$1.err")"
	grep -q 'W-FO-PROPERTY' "$T/$1.err" &&
	    bad "$1" "reference-orientation refused: $(cat "$T/$1.err")"
	qpdf --check "$T/$1.pdf" > /dev/null 2>&1 || bad "$1" "qpdf --check fails"
	pdftotext -bbox "$T/$1.pdf" "$T/$1.html" 2> /dev/null ||
	    bad "$1" "pdftotext -bbox fails"
}
# box NAME WORD — "xMin yMin xMax yMax" of the word on the page (y down)
box() {
	sed -n "s/.*xMin=\"\([0-9.]*\)\" yMin=\"\([0-9.]*\)\" xMax=\"\([0-9.]*\)\" yMax=\"\([0-9.]*\)\">$2<.*/\1 \2 \3 \4/p" \
	    "$T/$1.html" | head -1
}
# check NAME WHAT AWK-CONDITION — on the boxes of AAA (a…) and ZZZ (z…)
check() {
	a=$(box "$1" AAA) z=$(box "$1" ZZZ)
	if [ -z "$a" ] || [ -z "$z" ]; then
		bad "$1" "AAA or ZZZ not found: $(cat "$T/$1.html" | grep word)"
		return
	fi
	echo "$a $z" | awk "{ ax1=\$1; ay1=\$2; ax2=\$3; ay2=\$4; zx1=\$5; zy1=\$6; zx2=\$7; zy2=\$8; exit !($3) }" ||
	    bad "$1" "$2 (AAA at $a, ZZZ at $z)"
}
LINE='<fo:block font-family="Liberation Sans">AAA ZZZ</fo:block>'

# 90: the line runs up the page at the container's left (its top is the
# page's left), width 100pt = the line's length.
render r90 '' "<fo:block>before</fo:block><fo:block-container reference-orientation=\"90\" width=\"100pt\" height=\"60pt\">$LINE</fo:block-container><fo:block>after</fo:block>"
check r90 "AAA and ZZZ are not upright glyph runs going up" \
    'ay2 - ay1 > ax2 - ax1 && ay1 > zy2 - 0.5'
check r90 "the turned line is not at the container's left" 'ax1 < 40 && zx1 < 40'
af=$(box r90 after)
echo "$af" | awk '{ exit !($2 > 20 + 12 + 100) }' ||
    bad r90 "the block after does not come below the 100pt tall container: $af"

# 270: the line runs down the page at the container's right.
render r270 '' "<fo:block-container reference-orientation=\"-90\" width=\"100pt\" height=\"60pt\">$LINE</fo:block-container>"
check r270 "not a run going down" 'ay2 - ay1 > ax2 - ax1 && zy1 > ay2 - 0.5'
check r270 "not at the container's right (x 80)" 'ax1 > 60 && ax2 <= 81'

# 180: upside down — ZZZ left of AAA, at the container's bottom.
render r180 '' "<fo:block-container reference-orientation=\"180\" height=\"60pt\">$LINE</fo:block-container>"
check r180 "not upside down" 'zx2 < ax1 + 0.5 && ay1 > 60'

# A page turned 90: the paper stays 200×300, the lines run up it.
render p90 'reference-orientation="90"' "$LINE"
size=$(pdfinfo "$T/p90.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
[ "$size" = 200x300 ] || bad p90 "paper size $size, not 200x300"
check p90 "the page's lines do not run up the paper from its bottom left" \
    'ay2 - ay1 > ax2 - ax1 && ay1 > zy2 - 0.5 && ax1 < 40 && ay2 > 270'

# Every word still extracted; a footnote cited inside a turned container
# is at the foot of the page.
render fn '' "<fo:block-container reference-orientation=\"180\"><fo:block>AAA<fo:footnote><fo:inline>1</fo:inline><fo:footnote-body><fo:block>NOTEZ</fo:block></fo:footnote-body></fo:footnote> ZZZ</fo:block></fo:block-container>"
pdftotext "$T/fn.pdf" - 2> /dev/null > "$T/fn.txt"
grep -q NOTEZ "$T/fn.txt" || bad fn "the footnote is lost: $(cat "$T/fn.txt")"
for w in AAA ZZZ; do
	grep -q "$w" "$T/fn.txt" || bad fn "$w not extracted"
done

# Regions are not turned: said, as before.
render reg '' '<fo:block>x</fo:block>'
sed 's/<fo:region-body\/>/<fo:region-body reference-orientation="90"\/>/' "$T/reg.fo" > "$T/reg2.fo"
"$WSDOC" fo "$T/reg2.fo" -o "$T/reg2.pdf" 2> "$T/reg2.err" || bad region "exit $?"
grep -q 'W-FO-PROPERTY.*reference-orientation' "$T/reg2.err" ||
    bad region "a turned region is not said: $(cat "$T/reg2.err")"

[ "$fails" -eq 0 ] || exit 1
