# decisions-ini-date.sh — the INI decisions say a decision's own date
# (日期 in [结论N]) as the XML's <decision date="…"> does: the date of a 暂缓
# follow-up decided on another day than the file's (issue 11, left alone in
# session 3).  The INI and the XML give the same roster.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
cd "$SRCDIR" || exit 1
R=$T/roster.xml
year2026 "$R"
cp "$R" "$T/after2026"
# The file is dated before 04's half-year ends (2027-06-15); the decision
# on 04 itself after it.
cat > "$T/fu.ini" <<'X'
[评估结论]
年度 = 2026
日期 = 2027-06-01

[结论1]
工作坊 = HZNU-GZF-2026-04
等级 = 通过
日期 = 2027-06-20
X
cat > "$T/fu.xml" <<'X'
<decisions year="2026" date="2027-06-01"><decision workshop="HZNU-GZF-2026-04" grade="通过" date="2027-06-20"/></decisions>
X
"$WSDOC" check "$T/fu.ini" >"$T/out" 2>&1 || fail "check: $(cat "$T/out")"
"$WSDOC" convert "$T/fu.ini" -o "$T/conv.xml" >"$T/out" 2>&1 || fail "convert: $(cat "$T/out")"
[ "$(xpath "$T/conv.xml" "/decisions/decision/@date")" = 2027-06-20 ] || fail "convert: $(cat "$T/conv.xml")"
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/fu.ini" --apply >"$T/out" 2>"$T/err" ||
	fail "follow-up from INI: $(cat "$T/err")"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/history/followup/@date")" = 2027-06-20 ] ||
	fail "the follow-up's date is not the decision's"
cp "$R" "$T/by-ini"
cp "$T/after2026" "$R"
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/fu.xml" --apply >/dev/null 2>"$T/err" ||
	fail "follow-up from XML: $(cat "$T/err")"
cmp -s "$R" "$T/by-ini" || fail "INI and XML decisions gave different rosters: $(diff "$R" "$T/by-ini")"
# Without it the decision has the file's date: early, refused.
cp "$T/after2026" "$R"
sed '$d' "$T/fu.ini" > "$T/nodate.ini"
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/nodate.ini" --apply >/dev/null 2>"$T/err"
[ $? = 1 ] || fail "a follow-up dated 2027-06-01 was accepted"
grep -q 'E-FOLLOWUP-EARLY' "$T/err" || fail "early: $(cat "$T/err")"
# A year's evaluation is decided on the file's date: a decision of its own
# date there would be dropped without a word; it is named as an error (INI
# and XML alike), and the same date as the file's is no conflict.
cp "$T/after2026" "$R"
forms2027
cat > "$T/d27.ini" <<'X'
[评估结论]
年度 = 2027
日期 = 2027-12-15

[结论1]
工作坊 = HZNU-GZF-2026-01
等级 = 通过
日期 = 2027-12-01
[结论2]
工作坊 = HZNU-GZF-2026-02
等级 = 通过
日期 = 2027-12-15
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.ini" $T/e0* >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "a decision dated apart in a year's evaluation passed"
grep -q 'd27.ini:[0-9]*:[0-9]*: 错误 E-DEC-DATE-ANNUAL: .*HZNU-GZF-2026-01.*2027-12-01.*2027-12-15' "$T/err" ||
	fail "INI: $(cat "$T/err")"
[ "$(grep -c 'E-DEC-DATE-ANNUAL' "$T/err")" = 1 ] || fail "the file's own date named: $(cat "$T/err")"
"$WSDOC" convert "$T/d27.ini" -o "$T/d27.xml" >/dev/null 2>&1 || fail "convert d27"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" $T/e0* >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "XML: a decision dated apart in a year's evaluation passed"
grep -q 'E-DEC-DATE-ANNUAL' "$T/err" || fail "XML: $(cat "$T/err")"
exit 0
