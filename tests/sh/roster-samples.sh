# roster-samples.sh — the year of samples/2026 through the roster: the six
# applications admitted in order, the office's decisions applied, every
# outcome as the decisions file's comments explain it.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml
cd "$SRCDIR" || exit 1

"$WSDOC" approve --roster "$R" --date 2026-04-20 $(ls samples/2026/申报/*.ini samples/2026/申报/*.xml | sort) \
	>"$T/out" 2>"$T/err" || fail "approve: $(cat "$T/err")"
[ "$(xpath "$R" "count(//workshop)")" = 6 ] || fail "six workshops"
# the evaluation forms name the ids approve gave
for f in samples/2026/评估/*; do
	id=$(basename "$f" | sed 's/\.[a-z]*$//')
	[ -n "$(xpath "$R" "//workshop[@id='$id']/@id")" ] || fail "$id not on the roster"
done
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions samples/2026/评估结论.xml \
	samples/2026/评估/* --apply --outcomes "$T/o.xml" >"$T/out" 2>"$T/err" ||
	fail "evaluate: $(cat "$T/out" "$T/err")"
row() { joined "$T/out" | grep "^$1 " || fail "no row $1"; }
row HZNU-GZF-2026-01 | grep -q '优秀通过 *优秀通过 *在建' || fail "01: $(row HZNU-GZF-2026-01)"
row HZNU-GZF-2026-02 | grep -q '经批准变更名称为“职引未来生涯发展与能力提升工作坊”' || fail "02"
row HZNU-GZF-2026-03 | grep -q '优秀通过 *通过 *在建' || fail "03: self 优秀通过, graded 通过"
row HZNU-GZF-2026-04 | grep -q '暂缓通过 *暂缓至2027-06-15' || fail "04: $(row HZNU-GZF-2026-04)"
grep -q 'HZNU-GZF-2026-04.xml:.*W-EVAL-MEMBERS.*朱晨阳' "$T/err" || fail "04 lost a member: $(cat "$T/err")"
valid_roster "$R" || fail "roster invalid"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-02']/name")" = 职引未来生涯发展与能力提升工作坊 ] || fail "renamed"
[ "$(xpath "$R" "count(//history/evaluation[@year='2026'])")" = 6 ] || fail "history"
[ "$(xpath "$T/o.xml" "count(//outcome[@kind='decided'])")" = 6 ] || fail "outcomes.xml"
# the report's data: the achievements of every form, with type and date
n=$(cat samples/2026/评估/*.xml | grep -c '<achievement ')
[ "$(xpath "$T/o.xml" "count(//outcome[@workshop='HZNU-GZF-2026-02']/achievement[@type='论文'][@date='2026-10-20'])")" = 1 ] ||
	fail "achievements of 02"
[ "$(xpath "$T/o.xml" "count(//achievement)")" -ge "$n" ] || fail "achievements missing"
[ "$(xpath "$T/o.xml" "/outcomes/@provisional")" = no ] || fail "provisional"
exit 0
