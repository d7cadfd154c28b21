# approve-office-standards.sh — approve follows forms/policy.ini [学工部标准]
# as check does: one leader for two workshops (一人主理一个工作坊) and the
# workshops per person (每人参加工作坊数) are the office's standards, not
# clauses of the measures, so approve refuses them only at 错误, admits with
# a warning worded as the office's at 警告 (the shipped default) and says
# nothing at 关闭.  The shipped level gives the same verdict in check and
# approve.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
cd "$SRCDIR" || exit 1
mkapp 2 心语心理健康工作坊 钱七 2011007 心理健康
mkapp 3 第二个启航工作坊 张三 2015012 社会实践	# the leader of app-ok
level() {	# KEY LEVEL > file
	sed "s/^$1 = 警告/$1 = $2/" forms/policy.ini > "$T/$1-$2.ini"
	grep -q "^$1 = $2\$" "$T/$1-$2.ini" || fail "policy.ini has no '$1 = 警告'"
	echo "$T/$1-$2.ini"
}
fresh() { rm -f "$T/r.xml" "$T/r.xml".[0-9]; "$WSDOC" approve --roster "$T/r.xml" "$RULES/app-ok.xml" >/dev/null 2>&1 || fail "app-ok"; }

# The shipped default: check and approve both pass with the office's warning.
"$WSDOC" check "$RULES/app-ok.xml" "$T/app3.xml" >"$T/out" 2>&1 || fail "check refused the default: $(cat "$T/out")"
grep -q '警告 W-APP-LEADS-TWO' "$T/out" || fail "check: no warning: $(cat "$T/out")"
fresh
"$WSDOC" approve --roster "$T/r.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" ||
	fail "approve refused a second workshop of one leader at the default 警告: $(cat "$T/err")"
grep -q '警告 W-ROSTER-LEADER-BUSY: “张三”已是名册中 HZNU-GZF-2026-01（启航学生领导力成长工作坊）的主理人.*学工部要求一人只主理一个工作坊（policy.ini \[学工部标准\] 一人主理一个工作坊）' "$T/err" ||
	fail "approve: no office warning: $(cat "$T/err")"
grep -q '规定\|条〕' "$T/err" && fail "the office's standard cited as the measures': $(cat "$T/err")"
[ "$(xpath "$T/r.xml" "//workshop[name='第二个启航工作坊']/@id")" = HZNU-GZF-2026-02 ] || fail "not admitted"
grep -q 'HZNU-GZF-2026-02 *第二个启航工作坊 *张三' "$T/out" || fail "table: $(cat "$T/out")"

# 错误: both refuse; approve leaves the roster as it was.
P=$(level 一人主理一个工作坊 错误)
WSDOC_POLICY=$P "$WSDOC" check "$RULES/app-ok.xml" "$T/app3.xml" >"$T/out" 2>&1 && fail "check passes at 错误"
fresh
cp "$T/r.xml" "$T/before"
"$WSDOC" approve --policy "$P" --roster "$T/r.xml" "$T/app3.xml" >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "approve at 错误: exit not 1"
grep -q '错误 W-ROSTER-LEADER-BUSY.*policy.ini \[学工部标准\] 一人主理一个工作坊' "$T/err" || fail "错误: $(cat "$T/err")"
grep -q 'E-ROSTER-APP-INVALID' "$T/err" || fail "错误: no refusal line: $(cat "$T/err")"
cmp -s "$T/r.xml" "$T/before" || fail "a refused approve changed the roster"

# 关闭: both pass without a word about it.
P=$(level 一人主理一个工作坊 关闭)
WSDOC_POLICY=$P "$WSDOC" check "$RULES/app-ok.xml" "$T/app3.xml" >"$T/out" 2>&1 || fail "check refuses at 关闭"
grep -q 'LEADS-TWO' "$T/out" && fail "check at 关闭: $(cat "$T/out")"
fresh
"$WSDOC" approve --policy "$P" --roster "$T/r.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" || fail "approve at 关闭: $(cat "$T/err")"
grep -q 'LEADER-BUSY\|主理' "$T/err" && fail "approve at 关闭 still speaks: $(cat "$T/err")"

# Both in one run: said once (the two inputs' W-APP-LEADS-TWO), not again
# for the roster the first was just admitted to.
rm -f "$T/r.xml" "$T/r.xml".[0-9]
"$WSDOC" approve --roster "$T/r.xml" "$RULES/app-ok.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" || fail "one run: $(cat "$T/err")"
[ "$(grep -c '一人只主理一个工作坊' "$T/err")" = 1 ] || fail "one run: said $(grep -c '一人只主理一个工作坊' "$T/err") times: $(cat "$T/err")"

# Workshops per person: 李四 and 王五 are members of all three.  All three
# in one run: said once each, by the rules across the inputs.
rm -f "$T/r.xml" "$T/r.xml".[0-9]
"$WSDOC" approve --roster "$T/r.xml" "$RULES/app-ok.xml" "$T/app2.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" || fail "three: $(cat "$T/err")"
[ "$(grep -c 'W-APP-TOO-MANY: “李四”' "$T/err")" = 1 ] || fail "three in one run: 李四 said $(grep -c 'W-APP-TOO-MANY: “李四”' "$T/err") times: $(cat "$T/err")"
fresh
"$WSDOC" approve --roster "$T/r.xml" "$T/app2.xml" >/dev/null 2>&1 || fail "app2"
cp "$T/r.xml" "$T/two"
"$WSDOC" approve --roster "$T/r.xml" --policy "$(level 一人主理一个工作坊 关闭)" "$T/app3.xml" >"$T/out" 2>"$T/err" || fail "too many at 警告: $(cat "$T/err")"
grep -q '警告 W-APP-TOO-MANY: “李四”参加了3个工作坊' "$T/err" || fail "too many at 警告: $(cat "$T/err")"
cp "$T/two" "$T/r.xml"
sed 's/^每人参加工作坊数 = 警告/每人参加工作坊数 = 关闭/' "$(level 一人主理一个工作坊 关闭)" > "$T/off.ini"
"$WSDOC" approve --roster "$T/r.xml" --policy "$T/off.ini" "$T/app3.xml" >"$T/out" 2>"$T/err" || fail "too many at 关闭: $(cat "$T/err")"
grep -q 'TOO-MANY' "$T/err" && fail "too many at 关闭 still speaks: $(cat "$T/err")"
cp "$T/two" "$T/r.xml"
sed 's/^每人参加工作坊数 = 警告/每人参加工作坊数 = 错误/' "$(level 一人主理一个工作坊 关闭)" > "$T/err.ini"
"$WSDOC" approve --roster "$T/r.xml" --policy "$T/err.ini" "$T/app3.xml" >"$T/out" 2>"$T/err" && fail "too many at 错误 admitted"
grep -q '错误 W-APP-TOO-MANY' "$T/err" || fail "too many at 错误: $(cat "$T/err")"
cmp -s "$T/r.xml" "$T/two" || fail "too many at 错误 changed the roster"
# -W warning makes a warning a failure: check fails, and approve admits
# nothing that failed (it admitted it and exited 1).
fresh
cp "$T/r.xml" "$T/before"
"$WSDOC" -W warning check "$RULES/app-ok.xml" "$T/app3.xml" >/dev/null 2>&1 && fail "-W warning: check passes"
"$WSDOC" -W warning approve --roster "$T/r.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" && fail "-W warning: approve exit 0"
grep -q 'W-ROSTER-LEADER-BUSY' "$T/err" || fail "-W warning: $(cat "$T/err")"
cmp -s "$T/r.xml" "$T/before" || fail "-W warning: approve admitted what failed"
rm -f "$T/r.xml" "$T/r.xml".[0-9]
"$WSDOC" -W warning approve --roster "$T/r.xml" "$RULES/app-ok.xml" "$T/app3.xml" >"$T/out" 2>"$T/err" && fail "-W warning, one run: exit 0"
[ "$(xpath "$T/r.xml" "count(//workshop)")" = 1 ] || fail "-W warning, one run: admitted $(xpath "$T/r.xml" "count(//workshop)")"
exit 0
