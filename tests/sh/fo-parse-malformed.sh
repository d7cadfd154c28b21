#!/bin/sh
# fo-parse-malformed.sh — an FO file that cannot be read (not XML, not FO, a
# DTD entity, too deep) is an error in Chinese with its line, exit 1, no
# output file; never a library message, a crash or a hang.
set -u
if "$WSDOC" fo /dev/null 2>&1 | grep -q E-CLI-PENDING; then
	echo "wsdoc fo has not landed yet"; exit 77
fi
cd "$T" || exit 1
# the data folder is found from the source tree when not installed
WSDOC_DATADIR=${WSDOC_DATADIR:-$SRCDIR}; export WSDOC_DATADIR
fails=0
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
printf '<fo:root %s>\n<fo:layout-master-set>\n<fo:block>未闭合\n' "$FO" > trunc.fo
printf '<?xml version="1.0"?>\n<html><body>你好</body></html>\n' > html.fo
printf '<?xml version="1.0"?>\n<root xmlns="http://www.w3.org/1999/XSL/Format/wrong"/>\n' > wrongns.fo
printf '<?xml version="1.0"?>\n<!DOCTYPE fo:root [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<fo:root %s><fo:block>&b;</fo:block></fo:root>\n' "$FO" > entity.fo
# deeper than the XML reader allows
{ printf '<fo:root %s>' "$FO"; i=0; while [ $i -lt 3000 ]; do printf '<fo:block>'; i=$((i + 1)); done; printf '\n'; } > deep.fo
for f in trunc html wrongns entity deep; do
	rm -f "$f.pdf"
	timeout 5 "$WSDOC" fo "$f.fo" -o "$f.pdf" > "$f.out" 2> "$f.err"
	rc=$?
	[ "$rc" -eq 1 ] || bad "$f: exit $rc, expected 1"
	[ -e "$f.pdf" ] && bad "$f: an output file was written"
	grep -q '^'"$f"'\.fo:[0-9]*:[0-9]*: 错误 E-' "$f.err" || bad "$f: no located error: $(head -1 "$f.err")"
	grep -qiE 'parser error|error:|warning:' "$f.err" && bad "$f: raw library message"
done
grep -q 'E-FO-ROOT' html.err || bad "html: expected E-FO-ROOT"
grep -q 'E-FO-ROOT' wrongns.err || bad "wrongns: expected E-FO-ROOT"
[ "$fails" -eq 0 ] || { head -3 ./*.err; exit 1; }
exit 0
