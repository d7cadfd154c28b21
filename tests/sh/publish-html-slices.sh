# The web page of a long list is made PUBLISH_SLICE workshops at a time
# (issue 6): a generated roster of 200 workshops, four slices, gives one
# table holding every workshop once, in id order, numbered 1..200 across
# the slices' seams, with the body counting the whole list and the office
# and date after the table.  An empty list says so in the table.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v perl >/dev/null 2>&1 || { echo "perl is not installed"; exit 77; }
N=200
sh "$SRCDIR/tests/bench/genroster.sh" $N > "$T/roster.xml" || fail "genroster.sh"
"$WSDOC" publish --roster "$T/roster.xml" --date 2026-11-23 --html "$T/list.html" 2>"$T/err" ||
	{ cat "$T/err"; fail "publish"; }
[ -s "$T/err" ] && fail "diagnostics: $(head -3 "$T/err")"
# The serializer writes what is not ASCII as &#N;: read the characters back.
unref() { perl -CSD -pe 's/&#(\d+);/chr($1)/ge; s/&#x([0-9A-Fa-f]+);/chr(hex $1)/ge' "$1"; }
unref "$T/list.html" > "$T/page.html"

# One table, one header, one body; the header row and N rows, no more.
for tag in table thead tbody; do
	c=$(grep -o "<$tag[ >]" "$T/page.html" | wc -l)
	[ "$c" -eq 1 ] || fail "$c <$tag> in the page"
	c=$(grep -o "</$tag>" "$T/page.html" | wc -l)
	[ "$c" -eq 1 ] || fail "$c </$tag> in the page"
done
c=$(grep -o '<tr[ >]' "$T/page.html" | wc -l)
[ "$c" -eq $((N + 1)) ] || fail "$c rows in the table, not $((N + 1))"

# Every workshop exactly once, in id order, inside the one <tbody>.
grep -o '<workshop id="[^"]*"' "$T/roster.xml" | sed 's/.*id="//; s/"$//' | LC_ALL=C sort > "$T/want"
[ "$(wc -l < "$T/want")" -eq $N ] || fail "the generated roster has $(wc -l < "$T/want") workshops"
awk '/<tbody>/ { b = 1 } /<\/tbody>/ { b = 0 } b' "$T/page.html" |
	grep -o '<tr id="[^"]*"' | sed 's/.*id="//; s/"$//' > "$T/got"
cmp -s "$T/want" "$T/got" || { diff "$T/want" "$T/got" | head -10; fail "the rows are not the roster's workshops once each, in id order"; }

# 序号 runs 1..N across the slices.
grep -o 'data-label="序号">[^<]*<' "$T/page.html" | sed 's/.*">//; s/<$//' > "$T/nums"
seq 1 $N | cmp -s - "$T/nums" || { seq 1 $N | diff - "$T/nums" | head -10; fail "序号 is not 1..$N in order"; }

# The body counts the whole list; the office and the date close the page.
grep -q "确定2026年度杭州师范大学辅导员工作坊${N}个" "$T/page.html" || fail "the body does not count $N workshops"
awk '/<\/table>/ { t = 1 } t && /党委学生工作部/ && /2026年11月23日/ { ok = 1 } END { exit !ok }' "$T/page.html" ||
	fail "the office and the date do not follow the table"
[ "$(tail -n 1 "$T/page.html")" = "</html>" ] || fail "the page does not end with </html>"

# An empty list, asked for (--empty): a year with no workshop (the roster
# has 2025 and 2026).  No rows, but a table that says so, and a count of 0
# for that year.
sh "$SRCDIR/tests/bench/genroster.sh" 2 | awk '
	/<workshop id="HZNU-GZF-2026-01"/ { sub(/2026-01" year="2026"/, "2025-01\" year=\"2025\"") }
	/<workshop id="HZNU-GZF-2026-02"/ { w = 1 }
	w && /<status / { sub(/<status state="在建"\/>/, "<status state=\"已撤销\" date=\"2026-12-15\" cause=\"1\">无故不参加评估</status>"); w = 0 }
	{ print }' > "$T/empty.xml"
grep -q 'year="2025"' "$T/empty.xml" && grep -q '已撤销' "$T/empty.xml" || fail "could not make the empty list's roster"
"$WSDOC" publish --roster "$T/empty.xml" --year 2024 --empty --date 2026-11-23 --html "$T/empty.html" 2>"$T/err" ||
	{ cat "$T/err"; fail "publish of an empty list"; }
unref "$T/empty.html" > "$T/empty-page.html"
grep -q '<tbody><tr><td colspan="6"[^>]*>本年度暂无工作坊</td></tr></tbody>' "$T/empty-page.html" ||
	fail "the empty list's table does not say 本年度暂无工作坊"
grep -q '<tr id=' "$T/empty-page.html" && fail "the empty list has rows"
grep -q '确定2024年度杭州师范大学辅导员工作坊0个' "$T/empty-page.html" || fail "the empty list's count"
exit 0
