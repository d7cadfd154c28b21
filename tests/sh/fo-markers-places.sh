#!/bin/sh
# fo-markers-places.sh — markers where XSL puts them, retrieved as Apache
# FOP retrieves them (against FOP on the corpus: markers_3, markers_10,
# table_in_marker_bug47101), each of which was lost without a word:
# - every one of a block's initial markers, written on lines of their own
#   (the white space between them ended the block's markers after the
#   first);
# - a table-cell's markers, and the flow's own (retrieved on every page
#   with first-including-carryover);
# - the space before a retrieve-marker in static content ("页：" + marker);
# - a marker in an inline, which the layout does not retrieve, is said
#   (W-LAY-MARKER).
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
MASTER='<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="100pt" margin="10pt"><fo:region-body margin-top="20pt"/><fo:region-before extent="20pt"/></fo:simple-page-master></fo:layout-master-set>'
HEAD='<fo:static-content flow-name="xsl-region-before"><fo:block>HEAD: <fo:retrieve-marker retrieve-class-name="A" retrieve-position="first-including-carryover"/> <fo:retrieve-marker retrieve-class-name="B" retrieve-position="first-including-carryover"/></fo:block></fo:static-content>'
doc() {
	printf '<fo:root %s>%s<fo:page-sequence master-reference="p">%s<fo:flow flow-name="xsl-region-body">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$MASTER" "$HEAD" "$2" > "$T/$1.fo"
	"$WSDOC" fo "$T/$1.fo" -o "$T/$1.pdf" 2> "$T/$1.err" || bad "$1" "exit $?"
}
# head NAME PAGE TEXT — the first line of that page is TEXT
head1() {
	got=$(pdftotext -f "$2" -l "$2" "$T/$1.pdf" - 2>/dev/null | head -1)
	[ "$got" = "$3" ] || bad "$1" "page $2 is headed \"$got\", not \"$3\""
}
silent() { [ ! -s "$T/$1.err" ] || bad "$1" "a warning: $(cat "$T/$1.err")"; }

# 1. Two markers on lines of their own at the start of a block.
doc two '<fo:block>
  <fo:marker marker-class-name="A">AAA</fo:marker>
  <fo:marker marker-class-name="B">BBB</fo:marker>
  text</fo:block>'
head1 two 1 "HEAD: AAA BBB"; silent two

# 2. A cell's markers, and the flow's on every page.
LINES=$(for i in 1 2 3 4 5 6 7 8; do printf '<fo:block>line%s</fo:block>' $i; done)
doc places "<fo:marker marker-class-name=\"A\">FLOW</fo:marker>
<fo:block>first</fo:block>
<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-body><fo:table-row><fo:table-cell>
  <fo:marker marker-class-name=\"B\">CELL</fo:marker>$LINES</fo:table-cell></fo:table-row></fo:table-body></fo:table>"
head1 places 1 "HEAD: FLOW CELL"
head1 places 2 "HEAD: FLOW CELL"
silent places

# 3. A marker in an inline: said.
doc inl '<fo:block><fo:inline><fo:marker marker-class-name="A">AAA</fo:marker>x</fo:inline></fo:block>'
grep -q W-LAY-MARKER "$T/inl.err" || bad inl "no W-LAY-MARKER: $(cat "$T/inl.err")"

[ "$fails" -eq 0 ] && echo "markers of blocks, cells and flows retrieved; in an inline said"
[ "$fails" -eq 0 ]
