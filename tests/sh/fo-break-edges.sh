#!/bin/sh
# fo-break-edges.sh — a break or a keep on the first or last block-level
# child of something is that thing's own (XSL 1.1 §7.20), as a reader
# sees it: which page each word is on.  Found against Apache FOP on the FO
# corpus (block-inline-break-before, table_break-before,
# block_break-before_bug44412, block-level_break-after_bug44412,
# table-cell_break-after_last-block, table-cell_break-before_multicolumn,
# list-item_block_keep-with-previous): wsdoc dropped these breaks without a
# word.  A break it cannot make (between two blocks of a cell or of a list
# item's body, between rows a span joins) is W-LAY-CELL-BREAK.
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
MASTER='<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
doc() {
	printf '<fo:root %s>%s<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$MASTER" "$2" > "$T/$1.fo"
	"$WSDOC" fo "$T/$1.fo" -o "$T/$1.pdf" 2> "$T/$1.err" || bad "$1" "exit $?"
}
# on NAME PAGE WORD… — each word is on that page
on() {
	n=$1 p=$2
	shift 2
	txt=$(pdftotext -f "$p" -l "$p" "$T/$n.pdf" - 2>/dev/null)
	for w; do
		case $txt in *"$w"*) ;; *) bad "$n" "$w is not on page $p: $(echo $txt)" ;; esac
	done
}
pages() {
	got=$(pdfinfo "$T/$1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	[ "$got" = "$2" ] || bad "$1" "$got pages, not $2"
}
silent() { [ ! -s "$T/$1.err" ] || bad "$1" "a warning: $(cat "$T/$1.err")"; }

# 1. Blocks inside an inline, each with break-before="page".
doc inl '<fo:block>ONE</fo:block><fo:block><fo:inline><fo:block break-before="page">TWO</fo:block><fo:block break-before="page">THREE</fo:block></fo:inline></fo:block>'
pages inl 3; on inl 1 ONE; on inl 2 TWO; on inl 3 THREE; silent inl

# 2. A table with break-before, first in a block; a block's first child
#    with break-before inside a bordered block.
doc first '<fo:block>PAGEA</fo:block><fo:block><fo:table break-before="page" table-layout="fixed" width="100%"><fo:table-body><fo:table-row><fo:table-cell><fo:block>PAGEB</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table></fo:block><fo:block border="2pt solid black"><fo:block break-before="page">PAGEC</fo:block></fo:block>'
pages first 3; on first 1 PAGEA; on first 2 PAGEB; on first 3 PAGEC; silent first

# 3. The last list-item's break-after ends the page after the list; a
#    last child's break-after likewise after its parent.
LI='<fo:list-item-label end-indent="label-end()"><fo:block>*</fo:block></fo:list-item-label><fo:list-item-body start-indent="body-start()">'
doc last "<fo:list-block><fo:list-item break-after=\"page\">$LI<fo:block>ITEM</fo:block></fo:list-item-body></fo:list-item></fo:list-block><fo:block>AFTERLIST</fo:block><fo:block><fo:block break-after=\"page\">INNER</fo:block></fo:block><fo:block>AFTERBLOCK</fo:block>"
pages last 3; on last 1 ITEM; on last 2 AFTERLIST INNER; on last 3 AFTERBLOCK; silent last

# 4. A cell's last block's break-after is the row's; a cell's first
#    block's break-before is its row's.
ROW() { printf '<fo:table-row><fo:table-cell><fo:block>%s</fo:block></fo:table-cell><fo:table-cell>%s</fo:table-cell></fo:table-row>' "$1" "$2"; }
doc cell "<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-column/><fo:table-column/><fo:table-body>$(ROW R1A '<fo:block>R1B</fo:block><fo:block break-after="page">R1C</fo:block>')$(ROW R2A '<fo:block>R2B</fo:block>')$(ROW R3A '<fo:block break-before="page">R3B</fo:block>')</fo:table-body></fo:table><fo:block>TAIL</fo:block>"
pages cell 3; on cell 1 R1A R1C; on cell 2 R2A; on cell 3 R3A R3B TAIL; silent cell

# 5. keep-with-previous on the block of a list-item-label keeps the item
#    (and so its list, kept together) with what comes before: BEFORE goes
#    to page 2.
FILL=$(for i in 1 2 3 4 5 6 7 8 9; do printf '<fo:block>fill%s</fo:block>' $i; done)
doc keep "$FILL<fo:block>BEFORE</fo:block><fo:list-block provisional-distance-between-starts=\"80pt\"><fo:list-item keep-together.within-page=\"always\"><fo:list-item-label end-indent=\"label-end()\"><fo:block keep-with-previous.within-page=\"always\">LABEL</fo:block></fo:list-item-label><fo:list-item-body start-indent=\"body-start()\"><fo:block>BODY1</fo:block><fo:block>BODY2</fo:block><fo:block>BODY3</fo:block></fo:list-item-body></fo:list-item></fo:list-block>"
on keep 1 fill9; on keep 2 BEFORE LABEL BODY3; silent keep

# 6. Breaks that are not made are said: between two blocks of a cell,
#    between two blocks of a list item's body.
doc midcell "<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-column/><fo:table-column/><fo:table-body>$(ROW A '<fo:block break-after="page">B</fo:block><fo:block>C</fo:block>')</fo:table-body></fo:table>"
grep -q W-LAY-CELL-BREAK "$T/midcell.err" || bad midcell "no W-LAY-CELL-BREAK: $(cat "$T/midcell.err")"
doc midlist "<fo:list-block><fo:list-item>$LI<fo:block>B1</fo:block><fo:block break-before=\"page\">B2</fo:block></fo:list-item-body></fo:list-item></fo:list-block>"
grep -q W-LAY-CELL-BREAK "$T/midlist.err" || bad midlist "no W-LAY-CELL-BREAK: $(cat "$T/midlist.err")"

# 7. A break already made is not made again: after the page break before
#    an empty block, the block after it stays on that page (the rest of
#    the block cut there still counted the break, and ended the page
#    after its first kid: a page of its own for NEXT).
doc again '<fo:block><fo:block>AAA</fo:block><fo:block break-before="page"><fo:block/></fo:block></fo:block><fo:block>NEXT</fo:block>'
pages again 2; on again 1 AAA; on again 2 NEXT; silent again

# 8. The CSS shorthands page-break-before/after (always, left) and
#    page-break-inside are breaks and keeps (left: to an even page, a
#    blank page 3 before it) (they were W-FO-PROPERTY,
#    ignored).
doc css '<fo:block>P1</fo:block><fo:block page-break-before="always">P2</fo:block><fo:block page-break-after="always">P2B</fo:block><fo:block page-break-before="left">P4</fo:block>'
pages css 4; on css 1 P1; on css 2 P2 P2B; on css 4 P4; silent css
TEN=$(for i in 1 2 3 4 5 6 7 8 9 10; do printf '<fo:block>fill%s</fo:block>' $i; done)
doc inside "$TEN<fo:block page-break-inside=\"avoid\"><fo:block>INA</fo:block><fo:block>INB</fo:block><fo:block>INC</fo:block></fo:block>"
on inside 2 INA INC; silent inside

[ "$fails" -eq 0 ] && echo "breaks and keeps at the edges are their parents'"
[ "$fails" -eq 0 ]
