#!/bin/sh
# fo-page-only.sh — page-position="only" as a reader sees it (against
# Apache FOP on the corpus's page-position_only_2/_3/_4/_too-small):
# - a flow that overflows the "first" master's page but fits the taller
#   "only" master's is one page, by the "only" master (it made two);
# - a flow that fits the "first" page but not the smaller "only" page is
#   one page by the "first" master (it made two pages, the first of
#   them by the "only" master, which is then not the only page).
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
# doc NAME ONLY-MARGIN-TOP FIRST-MARGIN-TOP LINES
doc() {
	body=$(i=1; while [ $i -le "$4" ]; do printf '<fo:block>line%s</fo:block>' $i; i=$((i + 1)); done)
	printf '<fo:root %s><fo:layout-master-set>
<fo:simple-page-master master-name="only" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body margin-top="%s"/></fo:simple-page-master>
<fo:simple-page-master master-name="first" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body margin-top="%s"/></fo:simple-page-master>
<fo:simple-page-master master-name="rest" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master>
<fo:page-sequence-master master-name="m"><fo:repeatable-page-master-alternatives>
<fo:conditional-page-master-reference master-reference="only" page-position="only"/>
<fo:conditional-page-master-reference master-reference="first" page-position="first"/>
<fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
<fo:conditional-page-master-reference master-reference="rest" page-position="last"/>
</fo:repeatable-page-master-alternatives></fo:page-sequence-master></fo:layout-master-set>
<fo:page-sequence master-reference="m"><fo:flow flow-name="xsl-region-body">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$2" "$3" "$body" > "$T/$1.fo"
	"$WSDOC" fo "$T/$1.fo" -o "$T/$1.pdf" 2> "$T/$1.err" || bad "$1" "exit $?"
	[ ! -s "$T/$1.err" ] || bad "$1" "a warning: $(cat "$T/$1.err")"
}
pages() {
	got=$(pdfinfo "$T/$1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	[ "$got" = "$2" ] || bad "$1" "$got pages, not $2"
}
# top NAME WORD Y — the word's top is at Y (±1)
top() {
	y=$(pdftotext -bbox "$T/$1.pdf" - 2>/dev/null | sed -n "s/.*yMin=\"\([0-9.]*\)\".*>$2<.*/\1/p" | head -1)
	echo "$y" | awk -v w="$3" '{ exit !($1 > w - 1.5 && $1 < w + 1.5) }' ||
	    bad "$1" "$2 has its top at y=$y, not at $3 (another master)"
}

# 1. 10 lines of 14.4pt: 144pt; the first master's body is 180-60 =
#    120pt, the only master's 180-10 = 170pt.
doc taller 10pt 60pt 10
pages taller 1
top taller line1 20
top taller line10 149.6

# 2. 10 lines fit the first master's body (180-20 = 160pt) but not the
#    only master's (180-120 = 60pt).
doc smaller 120pt 20pt 10
pages smaller 1
top smaller line1 30

[ "$fails" -eq 0 ] && echo "page-position only: used when the flow fits it, else not"
[ "$fails" -eq 0 ]
