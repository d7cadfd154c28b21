# publish on a roster of several years, written out of order, with revoked
# and probation workshops (issue 6: the roster is read as a stream): the
# latest year by default, --year picks another; a revoked workshop is left
# out of the PDF, the CSV and the web page, a workshop on probation (暂缓)
# is listed; the count in the notice's text is the listed ones'.  A --year
# that is not four digits is E-PUB-YEAR, a --date that is no date
# E-PUB-DATE (exit 2); a roster with a document type declaration, or one
# that breaks forms/roster.rng anywhere (even in a year not listed, even
# after hundreds of good workshops), is refused with E-ROSTER-READ (exit
# 1).  A refused run writes no file and leaves an earlier output as it was.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext is missing (make deps installs poppler-utils)"; exit 77; }
R=$T/roster.xml

# ws ID YEAR NAME LEADER STATUS-ELEMENT
ws() {
	cat <<X
  <workshop id="$1" year="$2">
    <name>$3</name>
    <leader><name>$4</name><staff-id>20150$(echo "$1" | tr -dc 0-9 | tail -c 3)</staff-id><unit>教育学院</unit><post>专职辅导员</post></leader>
    <members><member><name>成员$4</name><unit>理学院</unit></member></members>
    <areas><area>学业指导</area></areas>
    <plan digest="sha256:$(printf '%064d' 0)"/>
    $5
    <history><approved date="$2-06-01"/></history>
  </workshop>
X
}
ACTIVE='<status state="在建"/>'
PROB='<status state="暂缓" since="2026-12-15" until="2027-06-15"/>'
REV='<status state="已撤销" date="2026-12-15" cause="1">无故不参加评估</status>'
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<roster version="1" updated="2026-12-20">'
	ws HZNU-GZF-2025-02 2025 乙五撤销工作坊 钱五二 "$REV"
	ws HZNU-GZF-2026-04 2026 丁六工作坊 孙六四 "$ACTIVE"
	ws HZNU-GZF-2025-01 2025 甲五工作坊 赵五一 "$ACTIVE"
	ws HZNU-GZF-2026-02 2026 乙六撤销工作坊 周六二 "$REV"
	ws HZNU-GZF-2024-01 2024 甲四工作坊 吴四一 "$ACTIVE"
	ws HZNU-GZF-2026-01 2026 甲六工作坊 郑六一 "$ACTIVE"
	ws HZNU-GZF-2025-03 2025 丙五暂缓工作坊 王五三 "$PROB"
	ws HZNU-GZF-2026-03 2026 丙六暂缓工作坊 冯六三 "$PROB"
	echo '</roster>'
} > "$R"
xmllint --noout --relaxng "$SRCDIR/forms/roster.rng" "$R" 2>/dev/null ||
	{ command -v xmllint >/dev/null && fail "the test roster does not validate"; }

# publish YEAR-ARGS...: PDF, CSV and HTML into $T/out.*; the PDF's text
# in drawing order (-raw), without spaces and line breaks, in $T/out.txt.
publish() {
	rm -f "$T"/out.*
	"$WSDOC" publish --roster "$R" --date 2026-12-20 -o "$T/out.pdf" --csv "$T/out.csv" \
		--html "$T/out.html" "$@" 2>"$T/err" || fail "publish $* exit $?: $(cat "$T/err")"
	grep -v ' 提示 N-PUB-EMPTY: ' "$T/err" | grep -q . && fail "publish $* said: $(head -3 "$T/err")"
	pdftotext -raw "$T/out.pdf" - 2>"$T/poppler" | tr -d ' \n\f' > "$T/out.txt"
	[ -s "$T/poppler" ] && fail "poppler: $(head -2 "$T/poppler")"
	:
}
# listed YEAR "ID NAME"...: the list is those workshops, in this order.
listed() {
	y=$1; shift
	grep -q "关于公布${y}年度杭州师范大学辅导员工作坊名单的通知" "$T/out.txt" || fail "$y: title"
	grep -q "确定${y}年度杭州师范大学辅导员工作坊$#个" "$T/out.txt" ||
		fail "$y: the text does not say $# workshops: $(head -c 400 "$T/out.txt")"
	[ "$(tail -n +2 "$T/out.csv" | grep -c .)" -eq $# ] || fail "$y: CSV rows: $(cat "$T/out.csv")"
	i=0 prev=0
	for w in "$@"; do
		i=$((i + 1)) id=${w% *} name=${w#* }
		sed -n "$((i + 1))p" "$T/out.csv" | grep -q "^$i,$id,$name," ||
			fail "$y: CSV row $i is not $id $name: $(sed -n "$((i + 1))p" "$T/out.csv")"
		pos=$(awk -v s="$i$name" '{ print index($0, s) }' "$T/out.txt")
		[ "$pos" -gt "$prev" ] || fail "$y: $i $name missing or out of order in the PDF"
		prev=$pos
		grep -q "$id" "$T/out.html" || fail "$y: $id not in the web page"
	done
	# Nothing else: no other year's workshop (the page may write hanzi
	# as character references: by id there).
	for other in 甲四 甲五 乙五撤销 丙五暂缓 甲六 乙六撤销 丙六暂缓 丁六; do
		case " $* " in *"$other工作坊"*) continue;; esac
		for f in out.txt out.csv; do
			grep -q "$other工作坊" "$T/$f" && fail "$y: $other工作坊 is in $f"
		done
	done
	for id in $(grep -o 'HZNU-GZF-[0-9-]*' "$R"); do
		case " $* " in *" $id "*) continue;; esac
		for f in out.csv out.html; do
			grep -q "$id" "$T/$f" && fail "$y: $id is in $f"
		done
	done
	:
}

# The latest year, 2026, though its workshops are not the file's last.  A
# year's notice is made again as it was issued (issue 11): the workshops
# revoked since are still on it, with their numbers, and the count is the
# one published.
publish
listed 2026 "HZNU-GZF-2026-01 甲六工作坊" "HZNU-GZF-2026-02 乙六撤销工作坊" "HZNU-GZF-2026-03 丙六暂缓工作坊" "HZNU-GZF-2026-04 丁六工作坊"
publish --year 2025
listed 2025 "HZNU-GZF-2025-01 甲五工作坊" "HZNU-GZF-2025-02 乙五撤销工作坊" "HZNU-GZF-2025-03 丙五暂缓工作坊"
publish --year 2024
listed 2024 "HZNU-GZF-2024-01 甲四工作坊"
# A year with no workshop: an error, nothing written (issue 11) …
rm -f "$T"/out.*
"$WSDOC" publish --roster "$R" --year 2023 -o "$T/out.pdf" --csv "$T/out.csv" 2>"$T/err"
[ $? = 1 ] || fail "2023: an empty notice was made unasked"
grep -q "^$R: 错误 E-PUB-EMPTY: 名册中没有2023年度的立项工作坊" "$T/err" || fail "2023: $(cat "$T/err")"
[ -e "$T/out.pdf" ] || [ -e "$T/out.csv" ] && fail "2023: a file was written"
# … unless asked for: an empty list that says so.
publish --year 2023 --empty
listed 2023
grep -q '本年度暂无工作坊' "$T/out.txt" || fail "2023: no 本年度暂无工作坊"
grep -q "^$R: 提示 N-PUB-EMPTY: 名册中2023年度没有可公布的工作坊" "$T/err" ||
	fail "2023: no note that the list is empty: $(cat "$T/err")"
publish --year 2026
grep -q 'N-PUB-EMPTY' "$T/err" && fail "2026: N-PUB-EMPTY for a list of workshops"

# The workshops under construction now: every year's, revoked ones left
# out, worded as such a list and not as the notice of a year.
"$WSDOC" publish --roster "$R" --current --date 2026-12-20 -o "$T/cur.pdf" --csv "$T/cur.csv" 2>"$T/err" ||
	fail "--current: $(cat "$T/err")"
pdftotext -raw "$T/cur.pdf" - | tr -d ' \n\f' > "$T/cur.txt"
grep -q '杭州师范大学在建辅导员工作坊名单' "$T/cur.txt" || fail "--current: title"
grep -q '关于公布\|现予以公布' "$T/cur.txt" && fail "--current worded as a notice"
grep -q '目前在建的辅导员工作坊共6个' "$T/cur.txt" || fail "--current: count: $(head -c 300 "$T/cur.txt")"
grep -q '撤销工作坊' "$T/cur.csv" && fail "--current lists a revoked workshop"
[ "$(tail -n +2 "$T/cur.csv" | cut -d, -f2 | tr '\n' ' ')" = \
  "HZNU-GZF-2024-01 HZNU-GZF-2025-01 HZNU-GZF-2025-03 HZNU-GZF-2026-01 HZNU-GZF-2026-03 HZNU-GZF-2026-04 " ] ||
	fail "--current rows: $(cat "$T/cur.csv")"
grep -q '丙六暂缓工作坊2026年度立项，暂缓通过，继续建设期至2027年6月15日' "$T/cur.txt" ||
	fail "--current: the 暂缓 is not said"

# refused CODE STATUS ARGS...: the run fails with that diagnostic and
# status, and the earlier outputs are untouched.
refused() {
	code=$1 want=$2; shift 2
	for f in pdf csv html; do echo "earlier $f" > "$T/old.$f"; done
	"$WSDOC" publish --date 2026-12-20 -o "$T/old.pdf" --csv "$T/old.csv" --html "$T/old.html" \
		"$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq "$want" ] || fail "publish $* exit $rc, want $want: $(cat "$T/err")"
	grep -q "错误 $code: " "$T/err" || fail "publish $*: no $code: $(cat "$T/err")"
	for f in pdf csv html; do
		[ "$(cat "$T/old.$f")" = "earlier $f" ] || fail "publish $* wrote $f"
	done
	[ -s "$T/out" ] && fail "publish $* wrote to standard output"
	ls -a "$T" | grep -q '^\.old\.' && fail "publish $* left a temporary file: $(ls -a "$T")"
	:
}
for y in 20x6 226 20266 "" ' 2026' ２０２６ -2026; do
	refused E-PUB-YEAR 2 --roster "$R" --year "$y"
	grep -q "年度“$y”无效" "$T/err" || fail "E-PUB-YEAR does not name '$y': $(cat "$T/err")"
done
refused E-PUB-DATE 2 --roster "$R" --year 2026 --date 2026-02-30
# Without -o, --csv, --html the CSV goes to standard output; not on error.
"$WSDOC" publish --roster "$R" --year 20x6 >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" -eq 2 ] && [ ! -s "$T/out" ] || fail "--year 20x6 to standard output: exit $rc, $(wc -c < "$T/out") bytes"

# A document type declaration, even a harmless one, is refused: no entity
# of it is expanded, no file it names is read.
bad=$T/bad.xml
sed '1a <!DOCTYPE roster>' "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
grep -q 'DOCTYPE' "$T/err" || fail "the message does not name the DOCTYPE: $(cat "$T/err")"
sed -e '1a <!DOCTYPE roster [<!ENTITY x SYSTEM "/etc/passwd"><!ENTITY y "外部实体">]>' \
	-e 's/<name>甲六工作坊</<name>\&x;\&y;</' "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
refused E-ROSTER-READ 1 --roster "$bad" --year 2025

# Rosters that break roster.rng: in the year listed, in another year, and
# at the end of a long roster whose first 300 workshops are good.
sed 's/<status state="在建"\/>/<status state="冻结"\/>/' "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
grep -q 'roster.rng' "$T/err" || fail "the message does not name roster.rng: $(cat "$T/err")"
sed 's/id="HZNU-GZF-2024-01"/id="HZNU-GZF-24-01"/' "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
sed '/id="HZNU-GZF-2025-01"/,/<\/workshop>/{/<plan /d}' "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad" --year 2026
sh "$SRCDIR/tests/bench/genroster.sh" 301 > "$T/long.xml" || fail "genroster"
awk '/<workshop / { n++ } n == 301 && /<areas>/ { print "    <colour>红</colour>" } { print }' \
	"$T/long.xml" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
# Not a roster at all, or cut short.
printf '<?xml version="1.0"?>\n<application year="2026"/>\n' > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
head -c 2000 "$R" > "$bad"
refused E-ROSTER-READ 1 --roster "$bad"
exit 0
