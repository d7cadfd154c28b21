#!/bin/sh
# fo-parse-diagnostics.sh — what the FO reader does not support is a warning
# that names the file, the line and the property or element, and the rest of
# the document is still typeset (exit 0: warnings only).
set -u
if "$WSDOC" fo /dev/null 2>&1 | grep -q E-CLI-PENDING; then
	echo "wsdoc fo has not landed yet"; exit 77
fi
cat > "$T/d.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:x="urn:example:x">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block width="99999cm" padding="-2pt">第一段</fo:block>
<fo:block bogus-property="1" font-variant="small-caps">第二段</fo:block>
<x:widget>外来</x:widget><x:gadget/>
<fo:multi-switch><fo:multi-case><fo:block>列表</fo:block></fo:multi-case></fo:multi-switch>
<fo:block color="#12" font-size="12pt">第三段</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
# run from the source tree (the data folder is found from there when the
# program is not installed)
cd "$SRCDIR" || exit 1
timeout 5 "$WSDOC" fo --areas "$T/d.fo" > "$T/d.out" 2> "$T/d.err"
rc=$?
fails=0
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
[ "$rc" -eq 0 ] || bad "exit $rc (warnings only should give 0)"
expect() {	# line code word
	grep -q "/d\.fo:$1:[0-9]*: 警告 $2: .*$3" "$T/d.err" || bad "no $2 at line $1 naming $3"
}
expect 5 W-FO-VALUE 'width="99999cm"'
expect 5 W-FO-VALUE 'padding="-2pt"'
expect 6 W-FO-PROPERTY bogus-property
expect 6 W-FO-PROPERTY font-variant
expect 7 W-FO-NAMESPACE urn:example:x
expect 8 W-FO-ELEMENT multi-switch
expect 9 W-FO-VALUE 'color="#12"'
[ "$(grep -c W-FO-NAMESPACE "$T/d.err")" -eq 1 ] || bad "W-FO-NAMESPACE should be said once per namespace"
[ "$(grep -c . "$T/d.err")" -eq 7 ] || bad "expected exactly 7 messages, got $(grep -c . "$T/d.err")"
for w in 第一段 第二段 第三段; do
	grep -q "$w" "$T/d.out" || bad "$w missing from the areas"
done
for w in 外来 列表; do
	grep -q "$w" "$T/d.out" && bad "$w (skipped content) was typeset"
done
[ "$fails" -eq 0 ] || { cat "$T/d.err"; exit 1; }
exit 0
