# report-followups.sh — the annual report lists the 暂缓 follow-ups
# (evaluate --follow-up) of its year, and stays the same bytes once made:
# a follow-up recorded after the year's report was made, even one dated in
# that year, goes into the next year's report, never into the one issued.
# (tests/scenario.sh: the 2027 report lists the follow-up of 2027-06-20.)
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
cd "$SRCDIR" || exit 1
R=$T/roster.xml
year2026 "$R"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/status/@state")" = 暂缓 ] || fail "04 not on 暂缓"
text() { tr -d '\n' < "$1" | sed 's/<[^>]*>//g'; }

# 2027's evaluation while the office has not yet decided 04's half-year
# (04 待定), its report made at --apply.
forms2027
cat > "$T/d27.xml" <<'X'
<decisions year="2027" date="2027-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-02" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-03" grade="撤销"/>
  <decision workshop="HZNU-GZF-2026-05" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-06" grade="通过"/>
  <approved-change workshop="HZNU-GZF-2026-02" field="name" date="2026-09-08">职引未来生涯发展与能力提升工作坊</approved-change>
</decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" $T/e0* --apply \
	-o "$T/2027.pdf" >"$T/out" 2>"$T/err" || fail "2027: $(cat "$T/err")"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/status/@state")" = 暂缓 ] || fail "04 decided by 2027"
"$WSDOC" report --roster "$R" --year 2027 --fo -o "$T/2027.fo" || fail "report --fo"
text "$T/2027.fo" | grep -q '本年度没有暂缓期满后作出的确定' || fail "2027 lists a follow-up before any"

# The office then records 04's decision of 2027-06-20: 撤销.
cat > "$T/fu.xml" <<'X'
<decisions year="2026" date="2027-06-20"><decision workshop="HZNU-GZF-2026-04" grade="撤销"/></decisions>
X
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/fu.xml" --apply >"$T/out" 2>"$T/err" ||
	fail "follow-up: $(cat "$T/err")"
grep -q 'N-FOLLOWUP-REPORT: 工作坊 HZNU-GZF-2026-04 的暂缓期满确定日期为 2027-06-20，但2027年度的评估结论已写入名册.*列入2028年度的评估报告' "$T/err" ||
	fail "the office is not told where the follow-up goes: $(cat "$T/err")"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/history/followup/@report")" = 2028 ] ||
	fail "a follow-up recorded after the 2027 report is not given to 2028's: $(grep '<followup' "$R")"
valid_roster "$R" || fail "roster invalid"
# The 2027 report as issued.
"$WSDOC" report --roster "$R" --year 2027 -o "$T/2027-again.pdf" || fail "report 2027"
"$WSDOC" report --roster "$R" --year 2027 --fo -o "$T/2027-again.fo"; cmp -s "$T/2027.pdf" "$T/2027-again.pdf" || fail "the 2027 report changed after a later follow-up"
# 2028's report (a preview: the year's evaluation is not written) lists it,
# with the registered name, the decision and its date.
"$WSDOC" evaluate --roster "$R" --year 2028 --fo -o "$T/2028.fo" >/dev/null 2>&1
[ -s "$T/2028.fo" ] || fail "no 2028 preview"
text "$T/2028.fo" | grep -q '（二）本年度作出的暂缓期满确定1\. 砺学学业支持工作坊（HZNU-GZF-2026-04，主理人陈䶮），2026年度评估暂缓通过，继续建设期至2027年6月15日；2027年6月20日确定：撤销，作撤销处理。' ||
	fail "2028 preview: $(text "$T/2028.fo" | grep -o '本年度作出的暂缓期满确定.\{0,200\}')"
exit 0
