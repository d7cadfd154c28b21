# A roster that publish refuses says where, as every other input does: a
# malformed one gets the safe reader's E-XML-… message with line and
# column before E-ROSTER-READ; a <!DOCTYPE> is named; a break of
# forms/roster.rng past line 65535 (about 1 200 workshops) gives its real
# line, in the location and the text.
set -u
fail() { echo "FAIL: $*"; exit 1; }
printf '<roster version="1">\n<workshop id="x">\n</roster>\n' > "$T/bad.xml"
"$WSDOC" publish --roster "$T/bad.xml" --csv "$T/a.csv" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "malformed roster: exit $rc"
grep -q "^$T/bad.xml:3:[0-9]*: 错误 E-XML-MISMATCH" "$T/err" || fail "no E-XML-MISMATCH at 3:col: $(cat "$T/err")"
grep -q "E-ROSTER-READ" "$T/err" || fail "no E-ROSTER-READ"
[ -e "$T/a.csv" ] && fail "a CSV was written for a malformed roster"

printf '<!DOCTYPE roster [<!ENTITY a "b">]>\n<roster version="1"/>\n' > "$T/dtd.xml"
"$WSDOC" publish --roster "$T/dtd.xml" --csv "$T/a.csv" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "DOCTYPE roster: exit $rc"
grep -q "^$T/dtd.xml:1:[0-9]*: 错误 E-XML-ENTITY-DECL" "$T/err" || fail "the entity is not named: $(cat "$T/err")"

sh "$SRCDIR/tests/bench/genroster.sh" 1300 > "$T/big.xml" || fail "genroster.sh"
n=$(grep -n '<name>' "$T/big.xml" | awk -F: '$1 > 70000 { print $1; exit }')
[ -n "$n" ] || fail "the generated roster is shorter than 70000 lines"
sed "${n}s|<name>\\(.*\\)</name>|<nome>\\1</nome>|" "$T/big.xml" > "$T/big2.xml"
"$WSDOC" publish --roster "$T/big2.xml" --csv "$T/a.csv" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "invalid roster: exit $rc"
grep -q "^$T/big2.xml:$n: 错误 E-ROSTER-READ: .*第${n}行的nome不符合" "$T/err" ||
	fail "line $n not reported: $(cat "$T/err")"

# A bad attribute (an id of one digit) is the element's, on the element's
# line, not its first child's (libxml2 names the child).
sh "$SRCDIR/tests/bench/genroster.sh" 3 |
	sed '0,/id="HZNU-GZF-2026-02"/s//id="HZNU-GZF-2026-2"/' > "$T/badid.xml"
n=$(grep -n 'id="HZNU-GZF-2026-2"' "$T/badid.xml" | cut -d: -f1)
"$WSDOC" publish --roster "$T/badid.xml" --csv "$T/a.csv" 2>"$T/err"
grep -q "^$T/badid.xml:$n: 错误 E-ROSTER-READ: .*第${n}行的workshop的属性不符合" "$T/err" ||
	fail "the bad id is not placed at line $n: $(cat "$T/err")"
"$WSDOC" evaluate --roster "$T/badid.xml" --year 2026 2>"$T/err"
grep -q "第${n}行的workshop的属性不符合" "$T/err" ||
	fail "evaluate does not place the bad id at line $n: $(cat "$T/err")"
exit 0
