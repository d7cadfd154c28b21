# publish lays a long list out PUBLISH_SLICE workshops at a time and carries
# the rows of a slice's last page into the next slice (issue 6).  What a
# reader of the notice sees must not show the seams: a generated roster of
# 300 workshops (several slices, rows split across pages) gives a PDF whose
# table, read column by column in page order, holds every row's cells
# exactly once and in id order (nothing lost or printed twice where a slice
# ended or a row was carried); the column header on every page; the title
# and salutation only on page 1; the office and date only at the end; page
# numbers — 1 — … — N — with N the page count; a clean file with embedded
# font subsets that copy as text.  Expected values come from the roster
# itself (genroster.sh's one-element-a-line format), not from wsdoc.
set -u
fail() { echo "FAIL: $*"; exit 1; }
for t in pdftotext pdfinfo pdffonts qpdf; do
	command -v $t >/dev/null || { echo "$t is missing (make deps installs poppler-utils, qpdf)"; exit 77; }
done
N=300
R=$T/roster.xml
sh "$SRCDIR/tests/bench/genroster.sh" $N 7 > "$R" || fail "genroster"
# Two workshops with more members than a page holds (400 and 250): rows
# are kept whole (list.xsl), so only such rows split across pages, and the
# slices must carry them.
awk '/id="HZNU-GZF-2026-40"/ { big = 400 } /id="HZNU-GZF-2025-10"/ { big = 250 }
     big && /<\/members>/ {
	for (i = 1; i <= big; i++)
		printf "      <member>\n        <name>增补%d</name>\n      </member>\n", i
	big = 0 }
     { print }' "$R" > "$T/r" && mv "$T/r" "$R"

"$WSDOC" publish --roster "$R" --date 2026-11-23 -o "$T/list.pdf" --csv "$T/list.csv" \
	2>"$T/err" || fail "publish exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "publish said: $(head -3 "$T/err")"

# The rows the list must show, in id order: 序号 id name leader unit
# members areas, tab-separated.
awk '
/<workshop / { match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5)
	sec = "w"; name = lead = unit = mem = areas = "" }
/<leader>/ { sec = "l" } /<\/leader>/ { sec = "w" }
/<member>/ { sec = "m" } /<\/member>/ { sec = "w" }
function val(tag,   s) { s = $0; sub(".*<" tag ">", "", s); sub("</" tag ">.*", "", s); return s }
/<name>/ { v = val("name")
	if (sec == "w") name = v; else if (sec == "l") lead = v
	else mem = mem (mem == "" ? "" : "、") v }
/<unit>/ && sec == "l" { unit = val("unit") }
/<area>/ { areas = areas (areas == "" ? "" : "、") val("area") }
/<\/workshop>/ { print id "\t" name "\t" lead "\t" unit "\t" mem "\t" areas }' "$R" |
	sort | awk '{ print NR "\t" $0 }' > "$T/want"
[ "$(wc -l < "$T/want")" -eq $N ] || fail "parsed $(wc -l < "$T/want") workshops from the roster"

# The CSV (no layout, no slices) is the same list.
tail -n +2 "$T/list.csv" | tr -d '\r' | tr ',' '\t' > "$T/csv"
cmp -s "$T/csv" "$T/want" || { diff "$T/want" "$T/csv" | head -5; fail "the CSV is not the roster's list"; }

# The PDF as words with boxes; poppler must not complain.
pages=$(pdfinfo "$T/list.pdf" 2>"$T/poppler" | awk '/^Pages:/ { print $2 }')
pdftotext -bbox "$T/list.pdf" "$T/bbox.html" 2>>"$T/poppler" || fail "pdftotext"
[ -s "$T/poppler" ] && fail "poppler: $(head -3 "$T/poppler")"
[ "${pages:-0}" -ge 10 ] || fail "only ${pages:-0} pages for $N workshops"

# Each word of the table gets its column, found from the column header of
# its page: the header words are centred in their columns and the table
# starts at the left margin (20 mm), so the column edges follow.  Words
# above the header (title, text), the footer line (the lowest) and the
# closing lines are reported apart.  Output: kind, page, y, x, column, text.
awk -v left=56.69 -v office='^(党委学生工作部|[0-9]+年[0-9]+月[0-9]+日)$' '
function attr(n,   s) { s = $0; sub(".*" n "=\"", "", s); sub("\".*", "", s); return s + 0 }
/<page / { p++; nw = 0; next }
/<word / { nw++; X0[nw] = attr("xMin"); Y0[nw] = attr("yMin"); X1[nw] = attr("xMax")
	Y1[nw] = attr("yMax"); s = $0; sub(/.*">/, "", s); sub(/<\/word>.*/, "", s); W[nw] = s; next }
/<\/page>/ {
	split("序号 工作坊名称 主理人 所在单位 成员 辅导方向", H, " ")
	hy = -1; bottom = 0
	for (i = 1; i <= nw; i++) if (Y0[i] > bottom) bottom = Y0[i]
	nh = 0
	for (k = 1; k <= 6; k++) {
		found = 0
		for (i = 1; i <= nw; i++)
			if (W[i] == H[k]) { found++; c[k] = (X0[i] + X1[i]) / 2; hy = Y0[i]; hb = Y1[i] }
		if (found > 1 || (found == 0 && nh > 0)) {
			print "E\t" p "\tcolumn header " H[k] " found " found " times"; next
		}
		nh += found
	}
	if (nh == 0) {	# no table on this page: say what it holds
		print "N\t" p "\t0\t0\t0\t"
		for (i = 1; i <= nw; i++) {
			kind = Y0[i] > bottom - 1 ? "F" : W[i] ~ office ? "Z" : "X"
			printf "%s\t%d\t%.2f\t%.2f\t0\t%s\n", kind, p, Y0[i], X0[i], W[i]
		}
		next
	}
	e[0] = left
	for (k = 1; k <= 6; k++) e[k] = 2 * c[k] - e[k - 1]
	for (i = 1; i <= nw; i++) {
		if (Y0[i] > bottom - 1) kind = "F"
		else if (Y1[i] <= hy) kind = "A"
		else if (Y0[i] < hb) continue	# the header itself
		else if (W[i] ~ office) kind = "Z"
		else kind = "T"
		col = 0
		for (k = 1; k <= 6; k++) if (X0[i] >= e[k - 1] && X0[i] < e[k]) col = k
		# A pause mark or closing bracket ending a line may be set at
		# half width (issue 16): its glyph box, not its ink, then
		# reaches half an em (10.5 pt text) past the line.
		over = W[i] ~ /(、|，|。|；|：|！|？|）|》|」|』|”|’)$/ ? 5.25 : 0
		if (kind == "T" && (col == 0 || X1[i] > e[col] + over + 0.01))
			print "E\t" p "\tword " W[i] " crosses a column edge"
		printf "%s\t%d\t%.2f\t%.2f\t%d\t%s\n", kind, p, Y0[i], X0[i], col, W[i]
	}
}' "$T/bbox.html" | sort -t "$(printf '\t')" -k1,1 -k2,2n -k3,3n -k4,4n > "$T/words"
grep '^E' "$T/words" | head -3 | grep . && fail "the table cannot be read column by column"
# The column header is on every page but a last one that holds only the
# closing lines (the office, the date) and the page number: the table may
# end at the foot of a page.
awk -F '\t' -v last="$pages" '$1 == "N" && $2 != last { print "page " $2 " has no column header" }
	$1 == "X" { print "page " $2 " has no column header and holds " $6 }' "$T/words" | head -3 | grep . &&
	fail "pages without the table"

# Page numbers: the lowest line of page p reads — p —, its words in x order
# (the digits, in the Latin face, have another top than the dashes).
awk -F '\t' '$1 == "F" { print $2 "\t" $4 "\t" $6 }' "$T/words" | sort -t "$(printf '\t')" -k1,1n -k2,2n |
	awk -F '\t' '{ f[$1] = f[$1] $3 } END { for (p in f) print p "\t" f[p] }' |
	sort -n > "$T/footers"
seq "$pages" | awk '{ print $1 "\t—" $1 "—" }' | cmp -s - "$T/footers" ||
	fail "page footers are not — 1 — … — $pages —: $(tr '\n\t' ' :' < "$T/footers" | head -c 300)"

# No page but the last of the table is left short: its lowest row ends
# near the foot, unless the row that opens the next page would not have
# fitted in the gap (rows are kept whole).  That row's height is judged
# from its 序号 and the next one's, both centred in their rows: the gap
# may be at most about twice their distance.  A slice whose last page
# were written as it is, not carried into the next slice, would leave a
# gap of several rows there.
awk -F '\t' '$1 == "T" && $3 > t[$2] { t[$2] = $3 } $1 == "F" { f[$2] = $3 }
	$1 == "T" && $5 == 1 { y1[$2, ++n1[$2]] = $3 }
	END { for (p in t) if ((p + 1) in t) {
		q = p + 1; lim = 90
		if (n1[q] >= 2) { d = y1[q, 2] - y1[q, 1]; if (2 * d + 20 > lim) lim = 2 * d + 20 }
		else lim = 1e9	# one row fills the next page
		if (f[p] - t[p] > lim)
			printf "page %d: table ends at %.0f, footer at %.0f (allowed gap %.0f)\n", p, t[p], f[p], lim
	} }' "$T/words" |
	head -3 | grep . && fail "a page left short"

# Above the header: the title and the text on page 1, nothing elsewhere.
awk -F '\t' '$1 == "A" && $2 != 1 { print "page " $2 ": " $6 }' "$T/words" | head -1 | grep . &&
	fail "text above the column header after page 1"
awk -F '\t' '$1 == "A" { printf "%s", $6 }' "$T/words" > "$T/above"
for s in 关于公布2026年度杭州师范大学辅导员工作坊名单的通知 各学院（部）： \
	确定2026年度杭州师范大学辅导员工作坊${N}个 下一阶段工作计划。; do
	grep -q "$s" "$T/above" || fail "page 1 lacks $s: $(head -c 300 "$T/above")"
done
[ "$(grep -o '各学院（部）' "$T/bbox.html" | wc -l)" -eq 1 ] || fail "各学院（部） more than once"
[ "$(grep -o '杭州师范大学辅导员工作坊名单的通知</word>' "$T/bbox.html" | wc -l)" -eq 1 ] ||
	fail "the title more than once"

# The office and the date: once, on the last page, below the table.
z=$(awk -F '\t' '$1 == "Z" { printf "%s@%s ", $6, $2 }' "$T/words")
[ "$z" = "党委学生工作部@$pages 2026年11月23日@$pages " ] || fail "office and date: '$z' (want them on page $pages)"
awk -F '\t' -v p="$pages" '$1 == "T" && $2 == p && $3 > m { m = $3 }
	$1 == "Z" && $3 <= m { bad = 1 } END { exit bad }' "$T/words" || fail "the office or date is not below the table"

# The table column by column in page order is the list: 序号 1..N once
# each and in order, and every other column the roster's values in id
# order, nothing lost or repeated.  Each word is a line of one cell, so
# its place in its column's text says whose row it is in: a row with
# words on two pages is split across them.  The roster must have some, or
# it does not test the carrying of split rows.
awk -F '\t' -v want="$T/want" '
BEGIN {
	while ((getline l < want) > 0) {
		n++; split(l, f, "\t")
		wnt[1] = wnt[1] (n > 1 ? "," : "") f[1]
		for (k = 2; k <= 6; k++) { wnt[k] = wnt[k] f[k + 1]; end[k, n] = length(wnt[k]) }
	}
	for (k = 2; k <= 6; k++) row[k] = 1
}
function seen(r, p) { if (!(r in lo) || p < lo[r]) lo[r] = p; if (p > hi[r]) hi[r] = p }
$1 == "T" {
	k = $5
	if (k == 1) { got[1] = got[1] (got[1] == "" ? "" : ",") $6; seen($6 + 0, $2); next }
	while (row[k] < n && length(got[k]) >= end[k, row[k]]) row[k]++
	seen(row[k], $2)
	got[k] = got[k] $6
}
END {
	name[1] = "序号"; name[2] = "工作坊名称"; name[3] = "主理人"; name[4] = "所在单位"
	name[5] = "成员"; name[6] = "辅导方向"
	for (k = 1; k <= 6; k++)
		if (got[k] != wnt[k]) {
			for (i = 1; substr(got[k], i, 1) == substr(wnt[k], i, 1); i++) ;
			printf "column %s differs at byte %d: got ...%s... want ...%s...\n", name[k], i,
			    substr(got[k], i > 30 ? i - 30 : 1, 90), substr(wnt[k], i > 30 ? i - 30 : 1, 90)
			bad = 1
		}
	for (r in lo) if (hi[r] > lo[r]) { splits++; list = list " " r }
	if (!bad) print "split " splits + 0 ":" list
	exit bad
}' "$T/words" > "$T/cols" || fail "$(cat "$T/cols")"
splits=$(sed -n 's/^split \([0-9]*\):.*/\1/p' "$T/cols")
[ "${splits:-0}" -ge 2 ] || fail "only ${splits:-0} rows split across pages: the roster no longer tests carried rows"

# The file: clean, every font an embedded subset with a ToUnicode map.
qpdf --check "$T/list.pdf" > "$T/qpdf" 2>&1 || fail "qpdf --check: $(tail -3 "$T/qpdf")"
grep -q 'No syntax or stream encoding errors' "$T/qpdf" || fail "qpdf: $(tail -3 "$T/qpdf")"
pdffonts "$T/list.pdf" | awk 'NR > 2' > "$T/fonts"
[ -s "$T/fonts" ] || fail "no fonts"
awk '!($1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ && / CID TrueType +Identity-H +yes +yes +yes /) { print; bad = 1 }
	END { exit bad }' "$T/fonts" || fail "a font that is not an embedded subset with ToUnicode: $(cat "$T/fonts")"
exit 0
