#!/bin/sh
# scenario.sh WSDOC OUT — two years of the office's work (issue 11), run
# by tests/sh/year-two.sh and by `make demo` (tests/demo.sh): approve 2026,
# publish, evaluate 2026 with every grade and the three causes of
# revocation, the 暂缓 follow-up in 2027-06, approve and evaluate 2027,
# publish 2027.  After each step the state of every workshop in the roster
# is checked; at the end the 2026 and 2027 reports made from the roster are
# the same bytes as the ones made at each year's --apply, the 2027 report
# lists the follow-up decided in 2027 (and the 2026 report does not), and
# the 2026 notice is the same as the one issued.  Inputs: samples/2026 and samples/两年.  Exit 1 at the
# first difference, saying which.
WSDOC=${1:-build/wsdoc}
OUT=${2:-out/两年}
S=samples/2026
Y=samples/两年
R=$OUT/roster.xml
mkdir -p "$OUT/2026评估"
rm -f "$R" "$R".[123]
step() { echo "== $*"; }
die() { echo "scenario: $*" >&2; exit 1; }
# states "01:在建 02:…": every workshop of the roster, in id order
states() {
	got=$(sed -n 's/.*<workshop id="HZNU-GZF-\([0-9-]*\)".*/\1/p' "$R" | while read -r id; do
		st=$(xmllint --xpath "string(//workshop[@id='HZNU-GZF-$id']/status/@state)" "$R")
		printf '%s:%s ' "$id" "$st"
	done)
	[ "$got" = "$1 " ] || die "after $2: the roster says '$got', want '$1 '"
	echo "   名册：$got"
}
run() { "$@" > "$OUT/last.out" 2> "$OUT/last.err" || { cat "$OUT/last.out" "$OUT/last.err" >&2; die "failed: $*"; }; }

step "2026 登记六个工作坊"
run "$WSDOC" approve --roster "$R" --date 2026-03-20 $(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
states "2026-01:在建 2026-02:在建 2026-03:在建 2026-04:在建 2026-05:在建 2026-06:在建" "approve 2026"

step "2026 公布名单"
run "$WSDOC" publish --roster "$R" --year 2026 -o "$OUT/2026名单.pdf" --csv "$OUT/2026名单.csv"
[ "$(grep -c '^[0-9]' "$OUT/2026名单.csv")" = 6 ] || die "the 2026 list has not six rows"

step "2026 年度评估：各等级，撤销的三种情形（03 擅自改名，05 学术不端，06 未交评估表）"
for f in $S/评估/*; do case $f in *06*) ;; *) cp "$f" "$OUT/2026评估/";; esac; done
sed -i 's/^名称 = 文心雅韵文体素养工作坊/名称 = 文心雅韵美育工作坊/' "$OUT/2026评估/HZNU-GZF-2026-03.ini"
run "$WSDOC" evaluate --roster "$R" --year 2026 --decisions $Y/2026评估结论.xml $OUT/2026评估/* \
	--apply -o "$OUT/2026年度评估报告.pdf"
states "2026-01:在建 2026-02:在建 2026-03:已撤销 2026-04:暂缓 2026-05:已撤销 2026-06:已撤销" "evaluate 2026"
for c in 03:2 05:3 06:1; do
	got=$(xmllint --xpath "string(//workshop[@id='HZNU-GZF-2026-${c%%:*}']/status/@cause)" "$R")
	[ "$got" = "${c#*:}" ] || die "HZNU-GZF-2026-${c%%:*} revoked for cause '$got', want ${c#*:}"
done
cp "$OUT/2026年度评估报告.pdf" "$OUT/.report2026"

step "2027-06 暂缓期满的确定（evaluate --follow-up）"
run "$WSDOC" evaluate --follow-up --roster "$R" --decisions $Y/2027暂缓期满评估结论.xml --apply
states "2026-01:在建 2026-02:在建 2026-03:已撤销 2026-04:在建 2026-05:已撤销 2026-06:已撤销" "the follow-up"

step "2027 登记新申报的工作坊"
run "$WSDOC" approve --roster "$R" --date 2027-03-20 $(find $Y/2027申报 -name '*.xml' | sort)
states "2026-01:在建 2026-02:在建 2026-03:已撤销 2026-04:在建 2026-05:已撤销 2026-06:已撤销 2027-01:在建" "approve 2027"

step "2027 年度评估"
run "$WSDOC" evaluate --roster "$R" --year 2027 --decisions $Y/2027评估结论.xml $Y/2027评估/* \
	--apply -o "$OUT/2027年度评估报告.pdf"
states "2026-01:在建 2026-02:在建 2026-03:已撤销 2026-04:在建 2026-05:已撤销 2026-06:已撤销 2027-01:在建" "evaluate 2027"
cp "$OUT/2027年度评估报告.pdf" "$OUT/.report2027"

step "2027 公布名单"
run "$WSDOC" publish --roster "$R" --year 2027 --date 2027-03-25 -o "$OUT/2027名单.pdf" --csv "$OUT/2027名单.csv"
[ "$(grep -c '^[0-9]' "$OUT/2027名单.csv")" = 1 ] || die "the 2027 list has not one row"

step "目前在建的工作坊（publish --current）"
run "$WSDOC" publish --roster "$R" --current --date 2027-12-20 -o "$OUT/在建名单.pdf" --csv "$OUT/在建名单.csv"
[ "$(tail -n +2 "$OUT/在建名单.csv" | cut -d, -f2 | tr '\n' ' ')" = \
  "HZNU-GZF-2026-01 HZNU-GZF-2026-02 HZNU-GZF-2026-04 HZNU-GZF-2027-01 " ] ||
	die "the list under construction: $(cat "$OUT/在建名单.csv")"

step "重新生成2026年度的立项通知：与发布时相同（日期、个数、编号）"
run "$WSDOC" publish --roster "$R" --year 2026 -o "$OUT/2026名单-重印.pdf" --csv "$OUT/2026名单-重印.csv"
cmp -s "$OUT/2026名单.pdf" "$OUT/2026名单-重印.pdf" && cmp -s "$OUT/2026名单.csv" "$OUT/2026名单-重印.csv" ||
	die "the 2026 notice made again differs from the one issued"
echo "   2026年度立项通知与发布时的逐字节相同"

step "由名册重新生成2026年度评估报告（wsdoc report）"
run "$WSDOC" report --roster "$R" --year 2026 -o "$OUT/2026年度评估报告-重印.pdf"
cmp -s "$OUT/.report2026" "$OUT/2026年度评估报告-重印.pdf" ||
	die "the 2026 report made again differs from the one made at 2026's --apply"
rm -f "$OUT/.report2026"
echo "   2026年度评估报告与写入名册时生成的逐字节相同"

step "2027年度评估报告列出本年度作出的暂缓期满确定，2026年度的不列；由名册重新生成与写入时相同"
run "$WSDOC" report --roster "$R" --year 2027 -o "$OUT/2027年度评估报告-重印.pdf"
cmp -s "$OUT/.report2027" "$OUT/2027年度评估报告-重印.pdf" ||
	die "the 2027 report made again differs from the one made at 2027's --apply"
rm -f "$OUT/.report2027"
run "$WSDOC" report --roster "$R" --year 2027 --fo -o "$OUT/.2027.fo"
# the workshop, its registered name, the decision and its date, in one item
tr -d '\n' < "$OUT/.2027.fo" | sed 's/<[^>]*>//g' |
	grep -q '本年度作出的暂缓期满确定.*砺学学业支持工作坊（HZNU-GZF-2026-04，主理人陈䶮）.*2027年6月20日确定：通过' ||
	die "the 2027 report does not list 04's follow-up of 2027-06-20"
run "$WSDOC" report --roster "$R" --year 2026 --fo -o "$OUT/.2026.fo"
tr -d '\n' < "$OUT/.2026.fo" | sed 's/<[^>]*>//g' | grep -q '本年度没有暂缓期满后作出的确定' ||
	die "the 2026 report lists a follow-up or does not say it has none"
rm -f "$OUT/.2027.fo" "$OUT/.2026.fo"
echo "   2027年度评估报告列出 HZNU-GZF-2026-04 的暂缓期满确定，与写入名册时生成的逐字节相同"
