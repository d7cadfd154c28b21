# evaluate-plan.sh — issue 11, finding 3: a plan is compared with the
# approved one as text, part by part, and a change is told in Chinese with
# the words that changed, never as a digest; a revision the office approves
# (第五条第4款) becomes the reference the next year is compared with.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml
"$WSDOC" approve --roster "$R" "$RULES/app-ok.xml" >/dev/null 2>&1 || fail "approve"
[ "$(xpath "$R" "count(//plan/part)")" -ge 5 ] || fail "the roster does not keep the plan's text"
mkeval 1 HZNU-GZF-2026-01
# one word of 第二年 changed, as in the issue
sed 's/发表相关论文一篇/发表相关论文两篇/' "$RULES/app-ok.xml" > "$T/app-new.xml"
cat > "$T/dec.xml" <<'X'
<decisions year="2026" date="2026-12-15"><decision workshop="HZNU-GZF-2026-01" grade="撤销"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" "$T/eval1.xml" "$T/app-new.xml" \
	>"$T/out" 2>"$T/err" || fail "evaluate: $(cat "$T/err")"
joined "$T/out" | grep -q '建设方案与登记时不同（第二年实施计划：“……相关论文一篇。”改为“……相关论文两篇。”），未经批准（第六条第2项）' ||
	fail "the change is not told in words: $(cat "$T/out")"
grep -q 'sha256\|摘要\|≠' "$T/out" && fail "a digest in the table: $(cat "$T/out")"
# two parts changed: each named
sed 's/发表相关论文一篇/发表相关论文两篇/; s/组建由校内外专家/组建由校内专家/' "$RULES/app-ok.xml" > "$T/app-two.xml"
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" "$T/eval1.xml" "$T/app-two.xml" \
	>"$T/out" 2>"$T/err"
joined "$T/out" | grep -q '第一年实施计划：删去“……建由校内外专家和优……”中的“外”；第二年实施计划：' ||
	fail "two parts: $(cat "$T/out")"

# The office approves the revision (第五条第4款): no cause, and it becomes
# the reference.
cat > "$T/dec2.xml" <<'X'
<decisions year="2026" date="2026-12-15"><decision workshop="HZNU-GZF-2026-01" grade="通过"/>
<approved-change workshop="HZNU-GZF-2026-01" field="plan" date="2026-09-01"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec2.xml" "$T/eval1.xml" "$T/app-new.xml" \
	--apply >"$T/out" 2>"$T/err" || fail "approved revision: $(cat "$T/err")"
valid_roster "$R" || fail "roster invalid"
grep -q '发表相关论文两篇' "$R" || fail "the revised plan is not the reference"
grep -q '<change[^>]*field="plan"[^>]*>第二年实施计划' "$R" || fail "the revision is not in the history"
mkeval 2 HZNU-GZF-2026-01 's/year="2026"/year="2027"/'
cat > "$T/dec27.xml" <<'X'
<decisions year="2027" date="2027-12-15"><decision workshop="HZNU-GZF-2026-01" grade="通过"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval2.xml" "$T/app-new.xml" \
	>"$T/out" 2>"$T/err" || fail "2027 with the revised plan: $(cat "$T/err")"
grep -q '建设方案与登记时不同' "$T/out" && fail "the approved revision is reported as a change"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval2.xml" "$RULES/app-ok.xml" \
	>"$T/out" 2>"$T/err"
joined "$T/out" | grep -q '第二年实施计划：“……相关论文两篇。”改为“……相关论文一篇。”' ||
	fail "the old plan against the revised reference: $(cat "$T/out")"
exit 0
