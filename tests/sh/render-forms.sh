# The official forms from the samples: what a counsellor holding the paper
# form checks — every row in the paper form's order, labels in the label
# column, the tick in the chosen grade's box, long plans continued without a
# lost character, 草稿 on drafts, nothing written for invalid input.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=samples/2026
app=$S/申报/01-教育学院-沈若溪.ini
ev=$S/评估/HZNU-GZF-2026-04.xml
mem=$S/成员/启航-李堃.ini

# 1. Output named after the input's content, in -o's folder.
"$WSDOC" render -o "$T/out" "$app" "$ev" "$mem" 2>"$T/err" || { cat "$T/err"; fail "render exit $?"; }
ls "$T/out" > "$T/names"
grep -qx '申报表-沈若溪.pdf' "$T/names" || fail "no 申报表-沈若溪.pdf: $(cat "$T/names")"
grep -q '^评估表-.*\.pdf$' "$T/names" || fail "no 评估表-….pdf"
grep -qx '成员申报表-李堃.pdf' "$T/names" || fail "no 成员申报表-李堃.pdf"
[ "$(ls -a "$T/out" | grep -c '^\.')" -eq 2 ] || fail "temporary files left: $(ls -a "$T/out")"

# 2. The paper form's rows, in its order (pdftotext reading order).
order() {	# pdf label...
	pdf=$1; shift
	pdftotext -raw "$pdf" - 2>"$T/poppler" | tr -d ' \n' > "$T/text"
	[ -s "$T/poppler" ] && fail "poppler complains about $pdf: $(head -3 "$T/poppler")"
	prev=0
	for l in "$@"; do
		pos=$(awk -v s="$l" '{ i = index($0, s); print i }' "$T/text")
		[ "$pos" -gt 0 ] || fail "$pdf: label $l missing"
		[ "$pos" -gt "$prev" ] || fail "$pdf: label $l out of the form's order"
		prev=$pos
	done
}
order "$T/out/申报表-沈若溪.pdf" 杭州师范大学辅导员工作坊主理人申报表 工作坊名称 主理人简介 \
	（100字以内） 已有基础 建设目标 建设方案 包含但不限于 对成员要求 二级学院意见
# the signature area of the paper form: 签名, 盖章 and the date, on one line each
pdftotext -layout "$T/out/申报表-沈若溪.pdf" - | tr -d ' ' > "$T/layout"
grep -q '签名：.*盖章：' "$T/layout" || fail "no 签名 … 盖章 line"
grep -q '年月日' "$T/layout" || fail "no 年 月 日 line"
order "$T/out/"评估表-*.pdf 杭州师范大学辅导员工作坊评估表 工作坊名称 主理人 成员 自评情况 \
	优秀通过 通过 暂缓通过 撤销 根据既定建设方案开展工作情况 建设成效 下一阶段建设计划 \
	工作目标 工作重点 实施步骤 预期成果
order "$T/out/成员申报表-李堃.pdf" 杭州师范大学辅导员工作坊成员申报表 申报工作坊 姓名 工号 \
	所在单位 岗位 个人简介 研究方向 参与工作坊建设的意愿 具体计划 主理人意见

# 3. Labels sit in the label column (x from the area dump: the page's left
#    margin is 20 mm = 56.7 pt, the label column 32 mm wide → x < 147.4 pt).
"$WSDOC" render --fo -o "$T/app.fo" "$app" || fail "render --fo"
"$WSDOC" fo --areas "$T/app.fo" > "$T/app.areas" || fail "fo --areas"
for l in 工作坊名称 已有基础 建设目标 建设方案 对成员要求 二级学院意见; do
	x=$(grep "text .*\"$l\"" "$T/app.areas" | head -1 | sed 's/.* x=\([0-9.]*\) .*/\1/')
	[ -n "$x" ] || fail "label $l not found as one run in the area dump"
	awk -v x="$x" 'BEGIN { exit !(x > 56 && x < 147.4) }' || fail "label $l at x=$x, outside the label column"
done

# 4. The tick sits in the box of the chosen grade, and only there.
grade=$(sed -n 's:.*<self-assessment>\(.*\)</self-assessment>.*:\1:p' "$ev" | tr -d ' ')
"$WSDOC" render --fo -o "$T/ev.fo" "$ev" || fail "render --fo evaluation"
"$WSDOC" fo --areas "$T/ev.fo" > "$T/ev.areas" || fail "fo --areas evaluation"
[ "$(grep -c 'text .*"√"' "$T/ev.areas")" -eq 1 ] || fail "not exactly one tick"
tx=$(grep 'text .*"√"' "$T/ev.areas" | sed 's/.* x=\([0-9.]*\) .*/\1/')
ty=$(grep 'text .*"√"' "$T/ev.areas" | sed 's/.* y=\([0-9.]*\) .*/\1/')
gx=$(grep "text .*\"$grade\"" "$T/ev.areas" | head -1 | sed 's/.* x=\([0-9.]*\) .*/\1/')
gy=$(grep "text .*\"$grade\"" "$T/ev.areas" | head -1 | sed 's/.* y=\([0-9.]*\) .*/\1/')
[ -n "$gx" ] || fail "grade $grade not found"
# the box is 4.5 mm (12.76 pt) wide and ends 1.5 mm before its label
awk -v tx="$tx" -v gx="$gx" -v ty="$ty" -v gy="$gy" 'BEGIN {
	d = gx - tx; exit !(d > 4.25 && d < 17.5 && ty - gy < 6 && gy - ty < 6) }' ||
	fail "tick at $tx,$ty is not in the box before $grade at $gx,$gy"

# 5. A 6000-character plan: several pages, 建设方案（续） on the next page,
#    not one character lost.
big=$S/申报/05-医学院-冯晓岚.ini
"$WSDOC" convert "$big" -o "$T/big.xml" || fail "convert"
extra=$(grep -o '<p>[^<]*</p>' "$S/申报/03-人文学院-许清和.xml" | head -3 | sed 's/<[^>]*>//g' | tr -d '\n')
[ -n "$extra" ] || fail "no paragraphs in the second sample"
sed "s:</platform>:<p>另附：${extra}</p></platform>:" "$T/big.xml" > "$T/big6000.xml"
chars=$(sed -n '/<plan>/,/<\/plan>/p' "$T/big6000.xml" | sed 's/<[^>]*>//g' | tr -d ' \n\t' | wc -m)
[ "$chars" -ge 6000 ] || fail "test input has only $chars characters of plan"
"$WSDOC" render -o "$T/big.pdf" "$T/big6000.xml" 2>"$T/err" || { cat "$T/err"; fail "render big"; }
pages=$(pdfinfo "$T/big.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 3 ] || fail "a $chars-character plan on only $pages pages"
pdftotext "$T/big.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g; s/建设方案（续）//g; s/已有基础（续）//g; s/建设目标（续）//g; s/对成员要求（续）//g' > "$T/big.txt"
grep -q '建设方案（续）' "$T/big.txt" && fail "??"
pdftotext -raw "$T/big.pdf" - | tr -d ' \n' | grep -q '建设方案（续）' || fail "no 建设方案（续） on the continuation page"
sed -n '/<plan>/,/<\/plan>/p' "$T/big6000.xml" | grep -o '<p>[^<]*</p>\|<[a-z-]*\( n="[0-9]"\)\?>[^<][^<]*</' |
	sed 's/<[^>]*>//g; s/<\/$//' | tr -d ' \t' | while read -r para; do
	[ -z "$para" ] && continue
	grep -qF -- "$para" "$T/big.txt" || { echo "lost: $(printf '%s' "$para" | cut -c1-60)…"; exit 1; }
done || fail "some plan text is missing from the PDF"

# 6. --draft stamps 草稿; invalid input is refused with no PDF.
bad=$(grep -l '^exit 1$' samples/invalid/*.ini.expect 2>/dev/null | head -1 | sed 's/\.expect$//')
if [ -n "$bad" ]; then
	"$WSDOC" render -o "$T/bad.pdf" "$bad" 2>/dev/null && fail "invalid input rendered"
	[ ! -e "$T/bad.pdf" ] || fail "a PDF was written for invalid input"
	"$WSDOC" render --draft -o "$T/draft.pdf" "$bad" 2>/dev/null
	[ -s "$T/draft.pdf" ] || fail "--draft wrote nothing"
	# 草稿 is stamped across the page: compare with the same form undrafted
	"$WSDOC" render --draft -o "$T/draft2.pdf" "$app" 2>/dev/null || fail "--draft on a valid input"
	pdftoppm -r 20 -gray -png -f 1 -l 1 "$T/draft2.pdf" "$T/d"
	pdftoppm -r 20 -gray -png -f 1 -l 1 "$T/out/申报表-沈若溪.pdf" "$T/n"
	"$BUILD/tools/pngdiff" "$T"/d-1.png "$T"/n-1.png 2 16 >/dev/null && fail "no 草稿 stamp visible on the draft"
fi
exit 0
