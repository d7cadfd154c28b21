# roster-evaluate.sh — wsdoc evaluate: each revocation cause of 第六条, an
# excused absence, an approved change, a committee grade that contradicts a
# cause, preview versus --apply, and one evaluation a year.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml

mkapp 2 心语心理健康工作坊 钱七 2011007 心理健康
mkapp 3 朋辈学业支持工作坊 孙八 2012008 学业支持
mkapp 4 就业领航工作坊 周九 2013009 就业创业指导
mkapp 5 形象塑造工作坊 吴十 2014010 形象塑造
sed -i 's/李四/冯二/; s/2018033/2019002/' "$T/app5.xml"
"$WSDOC" approve --roster "$R" "$RULES/app-ok.xml" "$T/app2.xml" "$T/app3.xml" \
	"$T/app4.xml" "$T/app5.xml" >/dev/null 2>&1 || fail "approve"
cp "$R" "$T/v0"

mkeval 1 HZNU-GZF-2026-01
mkeval 2 HZNU-GZF-2026-02 's/启航学生领导力成长工作坊/心语工作坊/; s/<leader>张三/<leader>钱七/'
# 03 sends nothing.
mkeval 4 HZNU-GZF-2026-04 's/启航学生领导力成长工作坊/就业领航工作坊/; s/<leader>张三/<leader>周九/'
mkeval 5 HZNU-GZF-2026-05 's/启航学生领导力成长工作坊/形象塑造工作坊/; s/<leader>张三/<leader>吴十/; s/<member>李四/<member>冯二/'
cat > "$T/dec.xml" <<'X'
<decisions year="2026" date="2026-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="优秀通过"/>
  <decision workshop="HZNU-GZF-2026-02" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-04" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-05" grade="通过"/>
  <finding workshop="HZNU-GZF-2026-04" kind="学术不端">成果论文存在抄袭</finding>
</decisions>
X
ALL="$T/eval1.xml $T/eval2.xml $T/eval4.xml $T/eval5.xml"

# Preview: the table says every outcome and why; the roster is untouched.
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" $ALL >"$T/out" 2>"$T/err" ||
	fail "preview exit $?: $(cat "$T/err")"
row() { joined "$T/out" | grep "^$1 " || fail "no row for $1: $(cat "$T/out")"; }
row HZNU-GZF-2026-01 | grep -q '优秀通过 *在建' || fail "01: $(row HZNU-GZF-2026-01)"
row HZNU-GZF-2026-02 | grep -q '撤销 *已撤销 *工作坊名称由“心语心理健康工作坊”改为“心语工作坊”，未经批准（第六条第2项）' ||
	fail "02 cause 2: $(row HZNU-GZF-2026-02)"
# 03 sent nothing and the office did not say 撤销: proposed, not decided.
row HZNU-GZF-2026-03 | grep -q '拟撤销 *在建 *没有2026年度评估表.*无故不参加评估（第六条第1项）' ||
	fail "03 cause 1: $(row HZNU-GZF-2026-03)"
grep -q 'dec.xml:1:.*W-DEC-REVOKE-PROPOSED.*HZNU-GZF-2026-03' "$T/err" || fail "03 proposed: $(cat "$T/err")"
row HZNU-GZF-2026-04 | grep -q '撤销 .*学工部认定学术不端：成果论文存在抄袭（第六条第3项）' ||
	fail "04 cause 3: $(row HZNU-GZF-2026-04)"
row HZNU-GZF-2026-05 | grep -q '通过 *在建' || fail "05: $(row HZNU-GZF-2026-05)"
grep -q 'N-ROSTER-NOT-APPLIED' "$T/err" || fail "no note that nothing was written"
cmp -s "$R" "$T/v0" || fail "preview changed the roster"

# A committee grade that contradicts a cause: an error naming both.
sed 's/"HZNU-GZF-2026-02" grade="撤销"/"HZNU-GZF-2026-02" grade="通过"/' "$T/dec.xml" > "$T/dec-bad.xml"
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec-bad.xml" $ALL --apply >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "contradiction should exit 1"
grep -q 'dec-bad.xml:3:.*E-DEC-CONTRADICTS: 工作坊 HZNU-GZF-2026-02 的评估结论为“通过”，但工作坊名称由.*〔第六条〕' "$T/err" ||
	fail "contradiction message: $(cat "$T/err")"
grep -q '名册未改动' "$T/out" || fail "no word that the roster is untouched"
cmp -s "$R" "$T/v0" || fail "a refused --apply changed the roster"

# --apply needs the office's decisions.
"$WSDOC" evaluate --roster "$R" --year 2026 $ALL --apply >/dev/null 2>"$T/err" && fail "apply without decisions"
grep -q 'E-DEC-NEEDED' "$T/err" || fail "E-DEC-NEEDED: $(cat "$T/err")"

# The office has not graded one of them yet: it stays as it is, the others
# are written.
cp "$T/v0" "$T/rp.xml"
cat > "$T/dec-pend.xml" <<'X'
<decisions year="2026" date="2026-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-02" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-04" grade="撤销"/>
  <excused workshop="HZNU-GZF-2026-03" reason="延期"/>
</decisions>
X
"$WSDOC" evaluate --roster "$T/rp.xml" --year 2026 --decisions "$T/dec-pend.xml" $ALL --apply \
	>"$T/out" 2>"$T/err" || fail "pending: exit $?: $(cat "$T/err")"
grep -q 'eval5.xml:.*W-DEC-NO-GRADE: 评估结论中没有工作坊 HZNU-GZF-2026-05 的等级（自评“通过”）' "$T/err" ||
	fail "pending warning: $(cat "$T/err")"
row HZNU-GZF-2026-05 | grep -q '待定 *在建' || fail "05 pending: $(row HZNU-GZF-2026-05)"
[ "$(xpath "$T/rp.xml" "count(//workshop[@id='HZNU-GZF-2026-05']/history/evaluation)")" = 0 ] ||
	fail "an ungraded workshop was written"
[ "$(xpath "$T/rp.xml" "//workshop[@id='HZNU-GZF-2026-01']/history/evaluation/@result")" = 通过 ] ||
	fail "the graded ones were not written"

# An excused absence and an approved change are not revocations.
cat > "$T/dec2.xml" <<'X'
<decisions year="2026" date="2026-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="优秀通过"/>
  <decision workshop="HZNU-GZF-2026-02" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-04" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-05" grade="通过"/>
  <finding workshop="HZNU-GZF-2026-04" kind="违规">虚报成果</finding>
  <excused workshop="HZNU-GZF-2026-03" reason="主理人援疆，经学工部同意延期评估"/>
  <approved-change workshop="HZNU-GZF-2026-02" field="name" date="2026-09-01">心语工作坊</approved-change>
  <approved-change workshop="HZNU-GZF-2026-02" field="leader" date="2026-09-01">钱七</approved-change>
</decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec2.xml" $ALL --apply \
	--outcomes "$T/outcomes.xml" >"$T/out" 2>"$T/err" || fail "apply exit $?: $(cat "$T/err")"
row HZNU-GZF-2026-02 | grep -q '通过 *在建 *经批准变更名称为“心语工作坊”' || fail "02 approved: $(row HZNU-GZF-2026-02)"
row HZNU-GZF-2026-03 | grep -q '缓评 *在建 *缺席评估有正当理由：主理人援疆' || fail "03 excused: $(row HZNU-GZF-2026-03)"
valid_roster "$R" || fail "roster invalid after apply"
cmp -s "$R.1" "$T/v0" || fail "roster.xml.1 is not the previous roster"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-02']/name")" = 心语工作坊 ] || fail "name not updated"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-02']/history/change[@field='name']/@from")" = 心语心理健康工作坊 ] ||
	fail "change not in history"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-01']/history/evaluation[@year='2026']/@result")" = 优秀通过 ] ||
	fail "history of 01"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-03']/history/excused/@year")" = 2026 ] || fail "excused not recorded"
[ "$(xpath "$T/outcomes.xml" "count(/outcomes/outcome)")" = 5 ] || fail "outcomes.xml"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/status/@state")" = 已撤销 ] || fail "04 state"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/status/@cause")" = 3 ] || fail "04 cause"
# the evaluation named a member the roster does not have: a warning
grep -q 'eval5.xml:.*W-EVAL-MEMBERS.*冯二' "$T/err" && fail "冯二 is on the roster"
grep -q 'eval1.xml:.*W-EVAL-MEMBERS' "$T/err" && fail "01's members match"

# Once a year: deciding 2026 again is an error.
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec2.xml" $ALL --apply >/dev/null 2>"$T/err"
[ $? = 1 ] || fail "second evaluation of a year accepted"
grep -q 'E-ROSTER-DONE' "$T/err" || fail "E-ROSTER-DONE: $(cat "$T/err")"

# 2027: the leader changed without approval (cause 2), and a plan that is
# not the approved one (cause 2, through the application given with it).
mkeval 1b HZNU-GZF-2026-01 's/year="2026"/year="2027"/; s/<leader>张三/<leader>赵六/'
mkeval 5b HZNU-GZF-2026-05 's/year="2026"/year="2027"/; s/启航学生领导力成长工作坊/形象塑造工作坊/; s/<leader>张三/<leader>吴十/; s/<member>李四/<member>冯二/'
sed 's/依托线下工作室/依托线上平台/' "$T/app5.xml" > "$T/app5-new.xml"
cat > "$T/dec27.xml" <<'X'
<decisions year="2027" date="2027-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-05" grade="撤销"/>
  <excused workshop="HZNU-GZF-2026-02" reason="延期"/>
  <excused workshop="HZNU-GZF-2026-03" reason="延期"/>
</decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval1b.xml" \
	"$T/eval5b.xml" "$T/app5-new.xml" >"$T/out" 2>"$T/err" || fail "2027: $(cat "$T/err")"
row HZNU-GZF-2026-01 | grep -q '主理人由“张三”改为“赵六”，未经批准' || fail "leader change: $(row HZNU-GZF-2026-01)"
row HZNU-GZF-2026-05 | grep -q '建设方案与登记时不同' || fail "plan change: $(row HZNU-GZF-2026-05)"
# the same application unchanged is no cause
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval1b.xml" \
	"$T/eval5b.xml" "$T/app5.xml" >"$T/out" 2>"$T/err"
row HZNU-GZF-2026-05 | grep -q '建设方案与登记时不同' && fail "unchanged plan reported"
# revoked workshops are not evaluated again, and their forms are set aside
mkeval 4b HZNU-GZF-2026-04 's/year="2026"/year="2027"/'
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval1b.xml" \
	"$T/eval4b.xml" >"$T/out" 2>"$T/err"
grep -q 'HZNU-GZF-2026-04' "$T/out" && fail "a revoked workshop was evaluated"
grep -q 'eval4b.xml:.*W-EVAL-INACTIVE.*2026-12-15' "$T/err" || fail "inactive: $(cat "$T/err")"
# forms for unknown workshops and other years are errors
mkeval 9 HZNU-GZF-2026-09 's/year="2026"/year="2027"/'
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27.xml" "$T/eval9.xml" "$T/eval1.xml" \
	>/dev/null 2>"$T/err" && fail "unknown id accepted"
grep -q 'eval9.xml:.*E-EVAL-UNKNOWN.*HZNU-GZF-2026-09' "$T/err" || fail "unknown: $(cat "$T/err")"
grep -q 'eval1.xml:.*E-EVAL-YEAR' "$T/err" || fail "year: $(cat "$T/err")"
sed 's/HZNU-GZF-2026-03/HZNU-GZF-2026-09/' "$T/dec27.xml" > "$T/dec27b.xml"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/dec27b.xml" "$T/eval1b.xml" \
	>/dev/null 2>"$T/err" && fail "decision for an unknown id accepted"
grep -q 'dec27b.xml:[0-9]*:.*E-DEC-UNKNOWN.*HZNU-GZF-2026-09' "$T/err" || fail "dec unknown: $(cat "$T/err")"
exit 0
