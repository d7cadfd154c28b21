#!/bin/sh
# fo-flow-name.sh — the flow goes to the region-body named by its
# flow-name (XSL 1.1 §6.4.18): a page whose master's body has another
# region-name is made without the flow, as Apache FOP does (corpus:
# simple-page-master_unmapped_flow-name, region-body_blank-page); wsdoc
# filled every page's body with it, without a word.  A flow-name that
# names no master's body still goes in every body (as before).
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
# doc NAME FLOW-NAME
doc() {
	printf '<fo:root %s><fo:layout-master-set>
<fo:simple-page-master master-name="main" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body region-name="main"/></fo:simple-page-master>
<fo:simple-page-master master-name="cover" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body region-name="cover"/></fo:simple-page-master>
<fo:page-sequence-master master-name="m"><fo:single-page-master-reference master-reference="main"/><fo:single-page-master-reference master-reference="cover"/><fo:repeatable-page-master-reference master-reference="main"/></fo:page-sequence-master>
</fo:layout-master-set><fo:page-sequence master-reference="m"><fo:flow flow-name="%s"><fo:block>FIRST</fo:block><fo:block break-before="page">SECOND</fo:block></fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$2" > "$T/$1.fo"
	"$WSDOC" fo "$T/$1.fo" -o "$T/$1.pdf" 2> "$T/$1.err" || bad "$1" "exit $?"
	[ ! -s "$T/$1.err" ] || bad "$1" "a warning: $(cat "$T/$1.err")"
}
page() { pdftotext -f "$2" -l "$2" "$T/$1.pdf" - 2>/dev/null | tr -d '\f' | tr '\n' ' ' | sed 's/ *$//'; }

# 1. Page 2's body is "cover": no flow there, SECOND on page 3.
doc mapped main
[ "$(pdfinfo "$T/mapped.pdf" | awk '/^Pages:/ {print $2}')" = 3 ] || bad mapped "not 3 pages"
[ "$(page mapped 1)" = FIRST ] || bad mapped "page 1: $(page mapped 1)"
[ -z "$(page mapped 2)" ] || bad mapped "page 2 is not empty: $(page mapped 2)"
[ "$(page mapped 3)" = SECOND ] || bad mapped "page 3: $(page mapped 3)"

# 2. A flow-name no body has: every body takes the flow, as before.
doc unmapped xsl-region-body
[ "$(page unmapped 2)" = SECOND ] || bad unmapped "page 2: $(page unmapped 2)"

# 3. A page-position="last" master whose body has another name is not
#    used for the last page (it made page after page without the flow).
sed 's|<fo:single-page-master-reference master-reference="main"/><fo:single-page-master-reference master-reference="cover"/><fo:repeatable-page-master-reference master-reference="main"/>|<fo:repeatable-page-master-alternatives><fo:conditional-page-master-reference master-reference="cover" page-position="last"/><fo:conditional-page-master-reference master-reference="main"/></fo:repeatable-page-master-alternatives>|' "$T/mapped.fo" > "$T/last.fo"
"$WSDOC" fo "$T/last.fo" -o "$T/last.pdf" 2> "$T/last.err" || bad last "exit $?"
[ ! -s "$T/last.err" ] || bad last "a warning: $(cat "$T/last.err")"
[ "$(pdfinfo "$T/last.pdf" | awk '/^Pages:/ {print $2}')" = 2 ] || bad last "not 2 pages"
[ "$(page last 2)" = SECOND ] || bad last "page 2: $(page last 2)"

[ "$fails" -eq 0 ] && echo "the flow goes to the body of its name"
[ "$fails" -eq 0 ]
