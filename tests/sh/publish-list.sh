# The published list from the samples' roster: the PDF notice's title, text
# order and table; the CSV (BOM, one row per workshop, quoting); the web page
# in headless Chromium (every workshop, no console errors, a screenshot);
# revoked workshops left out of the list of those under construction.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=samples/2026
apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" approve --roster "$T/roster.xml" --date 2026-11-20 $apps >/dev/null 2>"$T/err" || { cat "$T/err"; fail "approve"; }
"$WSDOC" publish --roster "$T/roster.xml" --date 2026-11-23 -o "$T/list.pdf" \
	--html "$T/list.html" --csv "$T/list.csv" 2>"$T/err" || { cat "$T/err"; fail "publish"; }
n=$(grep -c '<workshop ' "$T/roster.xml")
[ "$n" -eq 6 ] || fail "roster has $n workshops"

# PDF: title, body, the table in id order, the office and the date.
pdftotext "$T/list.pdf" - 2>"$T/poppler" | tr -d ' \n' > "$T/list.txt"
[ -s "$T/poppler" ] && fail "poppler: $(cat "$T/poppler")"
grep -q '关于公布2026年度杭州师范大学辅导员工作坊名单的通知' "$T/list.txt" || fail "title"
grep -q '确定2026年度杭州师范大学辅导员工作坊6个' "$T/list.txt" || fail "count in the body"
prev=0
for w in 启航学生领导力成长工作坊 职引未来生涯发展工作坊 文心雅韵文体素养工作坊 砺学学业支持工作坊 \
	医心同行心理健康教育工作坊 数智新农人创新创业工作坊 党委学生工作部 2026年11月23日; do
	pos=$(awk -v s="$w" '{ print index($0, s) }' "$T/list.txt")
	[ "$pos" -gt "$prev" ] || fail "$w missing or out of order in the PDF"
	prev=$pos
done
for h in 序号 工作坊名称 主理人 所在单位 成员 辅导方向; do
	grep -q "$h" "$T/list.txt" || fail "column $h"
done

# CSV: BOM, header, six rows, the names.
head -c 3 "$T/list.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM in the CSV"
[ "$(wc -l < "$T/list.csv")" -eq 7 ] || fail "CSV rows: $(wc -l < "$T/list.csv")"
grep -q '^1,HZNU-GZF-2026-01,启航学生领导力成长工作坊,沈若溪,教育学院,' "$T/list.csv" || fail "CSV first row: $(sed -n 2p "$T/list.csv")"

# A revoked workshop is not listed (第六条: revoked workshops are no longer
# published): revoke 03 in a copy of the roster.
awk '/id="HZNU-GZF-2026-03"/ { w = 1 }
     w && /<status / { sub(/<status state="在建"\/>/, "<status state=\"已撤销\" date=\"2026-12-15\" cause=\"1\">无故不参加评估</status>"); w = 0 }
     { print }' "$T/roster.xml" > "$T/revoked.xml"
grep -q '已撤销' "$T/revoked.xml" || fail "could not revoke 03 in the test roster"
# The year's notice is the one issued: 03 stays, with its number.
"$WSDOC" publish --roster "$T/revoked.xml" --csv "$T/rev.csv" 2>"$T/err" || { cat "$T/err"; fail "publish revoked"; }
grep -q '^3,HZNU-GZF-2026-03,' "$T/rev.csv" || fail "the notice as issued lost 03"
[ "$(wc -l < "$T/rev.csv")" -eq 7 ] || fail "notice rows: $(wc -l < "$T/rev.csv")"
# The list of those under construction leaves it out.
"$WSDOC" publish --roster "$T/revoked.xml" --current --csv "$T/rev.csv" 2>"$T/err" || { cat "$T/err"; fail "publish --current"; }
grep -q 'HZNU-GZF-2026-03' "$T/rev.csv" && fail "a revoked workshop is listed as under construction"
[ "$(wc -l < "$T/rev.csv")" -eq 6 ] || fail "current list rows: $(wc -l < "$T/rev.csv")"

# HTML: self-contained; in Chromium every workshop is in the table.
grep -qiE '<(link|script|img)[^>]+(src|href)=' "$T/list.html" && fail "the page loads external resources"
grep -q 'name="viewport"' "$T/list.html" || fail "no viewport: not readable on a phone"
grep -q '<th scope="col">' "$T/list.html" || fail "table headers are not scoped"
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "chromium is not installed (make deps installs it)"; exit 77; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir=$T/chrome --enable-logging=stderr --v=0"
timeout 60 "$CHROME" $flags --dump-dom "file://$T/list.html" > "$T/dom.html" 2> "$T/console" || fail "chromium --dump-dom"
grep -q 'CONSOLE' "$T/console" && fail "console messages: $(grep CONSOLE "$T/console" | head -3)"
for i in 01 02 03 04 05 06; do
	grep -q "id=\"HZNU-GZF-2026-$i\"" "$T/dom.html" || fail "HZNU-GZF-2026-$i not in the rendered table"
done
for width in 1200 390; do
	timeout 60 "$CHROME" $flags --window-size=$width,1600 --screenshot="$T/list-$width.png" \
		"file://$T/list.html" 2>/dev/null || fail "screenshot at $width px"
	[ -s "$T/list-$width.png" ] || fail "empty screenshot"
done
[ -n "${KEEP:-}" ] && cp "$T"/list-*.png "$KEEP"/
exit 0
