#!/bin/sh
# input-convert.sh — `wsdoc convert`: an INI sample and its XML twin are the
# same tree; -o writes the file whole, and not at all when the input has
# errors; "-" reads standard input and writes standard output.
set -u
command -v xmllint >/dev/null || { echo "xmllint (libxml2-utils) is not installed"; exit 77; }
fail=0
canon() {	# the tree without comments and blank text, one tag a line
	xmllint --noblanks "$1" | xmllint --c14n - | sed 's/<!--[^>]*-->//g; s/></>\n</g' | grep -v '^$'
}

ini=samples/2026/申报/01-教育学院-沈若溪.ini
xml=samples/2026/对照/01-教育学院-沈若溪.xml
if [ -f "$ini" ] && [ -f "$xml" ]; then
	"$WSDOC" convert "$ini" -o "$T/a.xml" || { echo "FAIL: convert $ini"; fail=1; }
	canon "$T/a.xml" > "$T/a.c14n"
	canon "$xml" > "$T/b.c14n"
	if ! cmp -s "$T/a.c14n" "$T/b.c14n"; then
		echo "FAIL: $ini and $xml differ"; diff "$T/a.c14n" "$T/b.c14n" | head -20; fail=1
	fi
	# every element of the converted file came from a line of the INI
	"$WSDOC" check "$T/a.xml" > "$T/out" 2>&1 || { echo "FAIL: converted sample does not check"; head -20 "$T/out"; fail=1; }
fi

# Standard input to standard output.
printf '[申报表]\n年度 = 2026\n[建设目标]\n内容 = 目标一\n内容.2 = 目标二\n' > "$T/in.ini"
"$WSDOC" convert - < "$T/in.ini" > "$T/out.xml" || { echo "FAIL: stdin"; fail=1; }
grep -q '<p>目标二</p>' "$T/out.xml" || { echo "FAIL: stdin output"; cat "$T/out.xml"; fail=1; }

# An input with errors leaves an existing output untouched, and no temporary.
echo "old" > "$T/keep.xml"
printf '[申报表]\n年度 = 2026\n这一行不对\n' > "$T/bad.ini"
"$WSDOC" convert "$T/bad.ini" -o "$T/keep.xml" > "$T/out" 2>&1; rc=$?
[ "$rc" = 1 ] || { echo "FAIL: convert of a bad file: exit $rc"; fail=1; }
grep -q E-INI-CONT-LINE "$T/out" || { echo "FAIL: no E-INI-CONT-LINE"; cat "$T/out"; fail=1; }
[ "$(cat "$T/keep.xml")" = old ] || { echo "FAIL: output overwritten"; fail=1; }
[ "$(ls -A "$T" | grep -c '^\.')" = 0 ] || { echo "FAIL: temporary left"; ls -A "$T"; fail=1; }

# Usage.
"$WSDOC" convert > /dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: no argument"; fail=1; }
"$WSDOC" convert -h | grep -q '用法' || { echo "FAIL: -h"; fail=1; }
"$WSDOC" check > /dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: check without files"; fail=1; }
exit $fail
