# roster-probation.sh — 暂缓通过 across two years (第六条): a half-year of
# further building, decided again when it ends (pass or revoke); a second
# 暂缓 in a row is an error.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml

"$WSDOC" approve --roster "$R" "$RULES/app-ok.xml" >/dev/null 2>&1 || fail "approve"
mkeval 1 HZNU-GZF-2026-01 's/<self-assessment>通过/<self-assessment>暂缓通过/'
cat > "$T/d26.xml" <<'X'
<decisions year="2026" date="2026-12-15"><decision workshop="HZNU-GZF-2026-01" grade="暂缓通过"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/d26.xml" "$T/eval1.xml" --apply \
	>"$T/out" 2>"$T/err" || fail "2026: $(cat "$T/err")"
joined "$T/out" | grep -q '^HZNU-GZF-2026-01 .*暂缓通过 *暂缓至2027-06-15' || fail "2026 row: $(cat "$T/out")"
[ "$(xpath "$R" "//status/@state")" = 暂缓 ] || fail "state"
[ "$(xpath "$R" "//status/@until")" = 2027-06-15 ] || fail "until"
cp "$R" "$T/p"

# Before the half-year ends, its end cannot be decided.
cat > "$T/d-early.xml" <<'X'
<decisions year="2026" date="2027-03-01"><decision workshop="HZNU-GZF-2026-01" grade="通过"/></decisions>
X
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/d-early.xml" >"$T/out" 2>"$T/err" &&
	fail "early follow-up accepted"
grep -q 'E-FOLLOWUP-EARLY.*至2027-06-15' "$T/err" || fail "early: $(cat "$T/err")"

# 2027: a second 暂缓 in a row is an error that says when the first ends.
mkeval 2 HZNU-GZF-2026-01 's/year="2026"/year="2027"/'
cat > "$T/d27.xml" <<'X'
<decisions year="2027" date="2027-12-15"><decision workshop="HZNU-GZF-2026-01" grade="暂缓通过"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" "$T/eval2.xml" --apply \
	>"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "second probation accepted"
grep -q 'd27.xml:1:.*E-DEC-PROBATION-TWICE.*HZNU-GZF-2026-01.*至2027-06-15.*〔第六条〕' "$T/err" ||
	fail "message: $(cat "$T/err")"
cmp -s "$R" "$T/p" || fail "roster changed"

# Decided again: pass → 在建, with both years in the history.
sed -i 's/grade="暂缓通过"/grade="通过"/' "$T/d27.xml"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" "$T/eval2.xml" --apply \
	>"$T/out" 2>"$T/err" || fail "2027 pass: $(cat "$T/err")"
joined "$T/out" | grep -q '^HZNU-GZF-2026-01 .*通过 *在建 *暂缓期满，评估通过，继续建设' || fail "pass row: $(cat "$T/out")"
[ "$(xpath "$R" "//status/@state")" = 在建 ] || fail "state after pass"
[ "$(xpath "$R" "count(//history/evaluation)")" = 2 ] || fail "history"
valid_roster "$R" || fail "invalid roster"

# Or revoked at the end of the half-year: 已撤销 by the grade.
cp "$T/p" "$R"
sed -i 's/grade="通过"/grade="撤销"/' "$T/d27.xml"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" "$T/eval2.xml" --apply \
	>"$T/out" 2>"$T/err" || fail "2027 revoke: $(cat "$T/err")"
[ "$(xpath "$R" "//status/@state")" = 已撤销 ] || fail "state after revoke"
[ "$(xpath "$R" "//status/@cause")" = 评估 ] || fail "cause after revoke"

# The end of the half-year decided on its own (--follow-up): 在建 again.
cp "$T/p" "$R"
cat > "$T/d-mid.xml" <<'X'
<decisions year="2026" date="2027-06-20"><decision workshop="HZNU-GZF-2026-01" grade="通过"/></decisions>
X
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/d-mid.xml" --apply \
	>"$T/out" 2>"$T/err" || fail "follow-up: $(cat "$T/err")"
[ "$(xpath "$R" "//status/@state")" = 在建 ] || fail "state after the follow-up"
[ "$(xpath "$R" "//history/followup/@year")" = 2026 ] || fail "the follow-up's year"
# Deciding 2026 again for it is not the way: the year is done.
cp "$T/p" "$R"
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/d-mid.xml" "$T/eval1.xml" --apply \
	>"$T/out" 2>"$T/err" && fail "2026 decided twice"
grep -q 'E-ROSTER-DONE.*--follow-up' "$T/err" || fail "done: $(cat "$T/err")"
exit 0
