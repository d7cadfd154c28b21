#!/bin/sh
# fo-parse-hostile-values.sh — absurd numbers in an FO (huge spans and
# repeats, enormous or negative sizes, overflowing numbers) are warnings,
# the document is still typeset, quickly and in bounded memory.
set -u
if "$WSDOC" fo /dev/null 2>&1 | grep -q E-CLI-PENDING; then
	echo "wsdoc fo has not landed yet"; exit 77
fi
cd "$T" || exit 1
# the data folder is found from the source tree when not installed
WSDOC_DATADIR=${WSDOC_DATADIR:-$SRCDIR}; export WSDOC_DATADIR
cat > h.fo <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="1e400mm" page-height="-297mm" margin="99999999999999999999pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p" initial-page-number="99999999999"><fo:flow flow-name="xsl-region-body">
<fo:table width="100%"><fo:table-column column-width="proportional-column-width(1e9)" number-columns-repeated="2000000000"/>
<fo:table-body><fo:table-row height="-5mm"><fo:table-cell number-columns-spanned="2147483648" number-rows-spanned="-1" padding="1e308pt"><fo:block font-size="100000pt" line-height="-2" widows="-1">正文</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>
</fo:flow></fo:page-sequence></fo:root>
FO
start=$(date +%s%N)
timeout 5 "$WSDOC" fo --areas h.fo > h.out 2> h.err
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
fails=0
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
[ "$rc" -le 1 ] || bad "exit $rc"
[ "$ms" -lt ${WSDOC_MS_LIMIT:-1000} ] || bad "took $ms ms"
n=$(grep -c 'W-FO-VALUE' h.err)
[ "$n" -ge 13 ] || bad "expected a W-FO-VALUE for each of the 13 absurd values, got $n"
grep -q '正文' h.out || bad "the text was not typeset"
[ "$fails" -eq 0 ] || { cat h.err; exit 1; }
exit 0
