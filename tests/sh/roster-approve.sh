# roster-approve.sh — wsdoc approve: ids per year, the approved record, the
# digest, refusals with their diagnostics, backups.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml

mkapp 2 心语心理健康工作坊 钱七 2011007 心理健康
mkapp 3 第二个启航工作坊 张三 2015012 社会实践	# same leader as app-ok
sed 's/<post>专职辅导员<\/post>/<post>专任教师<\/post>/' "$RULES/app-ok.xml" |
	sed 's/启航学生领导力成长工作坊/不合格工作坊/; s/2015012/2099999/' > "$T/bad.xml"

"$WSDOC" approve --roster "$R" "$RULES/app-ok.xml" "$T/app2.xml" >"$T/out" 2>"$T/err" ||
	fail "approve of two good applications: exit $?: $(cat "$T/err")"
grep -q 'HZNU-GZF-2026-01 *启航学生领导力成长工作坊 *张三' "$T/out" || fail "table: $(cat "$T/out")"
grep -q 'HZNU-GZF-2026-02 *心语心理健康工作坊 *钱七' "$T/out" || fail "table: $(cat "$T/out")"
valid_roster "$R" || fail "roster does not validate"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-02']/leader/staff-id")" = 2011007 ] || fail "leader"
[ "$(xpath "$R" "count(//workshop[@id='HZNU-GZF-2026-01']/members/member)")" = 2 ] || fail "members"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-01']/status/@state")" = 在建 ] || fail "status"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-01']/history/approved/@date")" = 2026-05-28 ] || fail "date"
d1=$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-01']/plan/@digest")
echo "$d1" | grep -Eq '^sha256:[0-9a-f]{64}$' || fail "digest $d1"
cp "$R" "$T/v1"

# A leader of a workshop already on the roster where policy.ini makes the
# office's standard an error (approve-office-standards.sh: the levels), and
# an ineligible leader: refused, with the clause; the roster is untouched.
sed 's/^一人主理一个工作坊 = 警告/一人主理一个工作坊 = 错误/' "$SRCDIR/forms/policy.ini" > "$T/lead.ini"
"$WSDOC" approve --policy "$T/lead.ini" --roster "$R" "$T/app3.xml" "$T/bad.xml" >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "refusals should exit 1"
grep -q '错误 W-ROSTER-LEADER-BUSY.*HZNU-GZF-2026-01.*学工部要求一人只主理一个工作坊.*〔学工部标准〕' "$T/err" || fail "leader busy: $(cat "$T/err")"
grep -q 'bad.xml:.*E-APP-LEADER-POST.*专任教师.*〔第四条第1款〕' "$T/err" || fail "post: $(cat "$T/err")"
grep -q 'E-ROSTER-APP-INVALID' "$T/err" || fail "no refusal line"
cmp -s "$R" "$T/v1" || fail "a refused run changed the roster"

# The same workshop twice is refused by name.
"$WSDOC" approve --roster "$R" "$T/app2.xml" >"$T/out" 2>"$T/err" && fail "duplicate admitted"
grep -q 'E-ROSTER-NAME-TAKEN.*HZNU-GZF-2026-02' "$T/err" || fail "name taken: $(cat "$T/err")"

# Next ids continue; another year starts at 01; backups rotate.
mkapp 4 朋辈学业支持工作坊 孙八 2012008 学业支持
mkapp 5 就业领航工作坊 周九 2013009 就业创业指导
sed -i 's/year="2026"/year="2027"/' "$T/app5.xml"
"$WSDOC" approve --roster "$R" --date 2026-06-01 "$T/app4.xml" >/dev/null 2>&1 || fail "app4"
"$WSDOC" approve --roster "$R" --date 2027-06-01 "$T/app5.xml" >/dev/null 2>&1 || fail "app5"
[ "$(xpath "$R" "//workshop[name='朋辈学业支持工作坊']/@id")" = HZNU-GZF-2026-03 ] || fail "id 03"
[ "$(xpath "$R" "//workshop[name='就业领航工作坊']/@id")" = HZNU-GZF-2027-01 ] || fail "id 2027-01"
cmp -s "$R.2" "$T/v1" || fail "roster.xml.2 is not the version before the two last runs"
[ "$(xpath "$R.1" "count(//workshop)")" = 3 ] || fail "roster.xml.1"
"$WSDOC" approve --roster "$R" --date 2027-06-02 "$T/bad.xml" >/dev/null 2>&1	# refused: no write
mkapp 6 形象塑造工作坊 吴十 2014010 形象塑造
"$WSDOC" approve --roster "$R" "$T/app6.xml" >/dev/null 2>&1 || fail "app6"
mkapp 7 文体素养工作坊 郑一 2016011 文体素养
"$WSDOC" approve --roster "$R" "$T/app7.xml" >/dev/null 2>&1 || fail "app7"
[ -f "$R.3" ] && [ ! -f "$R.4" ] || fail "three backups, not more"
cmp -s "$R.3" "$T/v1" && fail "roster.xml.3 should have rotated past v1"
for f in "$R" "$R.1" "$R.2" "$R.3"; do valid_roster "$f" || fail "$f invalid"; done

# A year has 99 ids.
cp "$R" "$T/before-full"
sed -i 's/HZNU-GZF-2027-01/HZNU-GZF-2027-99/' "$R"
mkapp 9 第一百个工作坊 马九 2017099 人际交往
sed -i 's/year="2026"/year="2027"/' "$T/app9.xml"
"$WSDOC" approve --roster "$R" "$T/app9.xml" >/dev/null 2>"$T/err" && fail "a hundredth id"
grep -q 'E-ROSTER-FULL: 2027年度的工作坊编号已用完' "$T/err" || fail "full: $(cat "$T/err")"
cp "$T/before-full" "$R"

# Only applications are admitted.
"$WSDOC" approve --roster "$R" "$RULES/eval-ok.xml" >/dev/null 2>"$T/err" && fail "evaluation admitted"
grep -q 'eval-ok.xml:.*E-ROSTER-NOT-APP' "$T/err" || fail "not app: $(cat "$T/err")"

# A damaged roster is refused, named, with the backup to restore from.
cp "$R" "$T/good"
head -c 300 "$T/good" > "$R"
"$WSDOC" approve --roster "$R" "$T/app2.xml" >/dev/null 2>"$T/err" && fail "truncated roster used"
grep -q "E-ROSTER-READ: 名册 $R 无法读取.*可从 $R.1 恢复" "$T/err" || fail "truncated: $(cat "$T/err")"
sed 's/state="在建"/state="冻结"/' "$T/good" > "$R"
"$WSDOC" evaluate --roster "$R" --year 2026 >/dev/null 2>"$T/err" && fail "invalid roster used"
grep -q 'E-ROSTER-READ.*roster.rng' "$T/err" || fail "invalid: $(cat "$T/err")"
cp "$T/good" "$R"

# A workshop admitted after the year's decisions is not due that year.
mkapp 8 晚到工作坊 陈八 2017088 人际交往
"$WSDOC" approve --roster "$R" --date 2026-12-20 "$T/app8.xml" >/dev/null 2>&1 || fail "app8"
cat > "$T/dec.xml" <<'X'
<decisions year="2026" date="2026-12-15"></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" >"$T/out" 2>&1
grep -q '晚到工作坊' "$T/out" && fail "a workshop admitted after the decisions was evaluated"
grep -q '朋辈学业支持工作坊' "$T/out" || fail "an earlier workshop was not evaluated: $(cat "$T/out")"

# A missing roster is an error for evaluate (no silent empty roster).
"$WSDOC" evaluate --roster "$T/none.xml" --year 2026 >/dev/null 2>"$T/err" && fail "missing roster accepted"
grep -q 'F-IO-OPEN\|E-ROSTER-READ' "$T/err" || fail "missing roster: $(cat "$T/err")"
exit 0
