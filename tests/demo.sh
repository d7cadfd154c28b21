#!/bin/sh
# demo.sh WSDOC — what `make demo` does with samples/2026: check every input,
# render every form, admit the applications to a fresh roster, publish the
# list, evaluate the year and write its report — all into out/ — then two
# years of the office's work (tests/scenario.sh, into out/两年), and list
# what was written.
WSDOC=${1:-build/wsdoc}
S=samples/2026
OUT=out
set -e
rm -rf "$OUT"
mkdir -p "$OUT/表格"
apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
evals=$(find $S/评估 -name '*.ini' -o -name '*.xml' | sort)
members=$(find $S/成员 -name '*.ini' -o -name '*.xml' | sort)

echo "== 1. 检查输入（wsdoc check）"
for f in $apps $members $evals $S/评估结论.xml; do
	"$WSDOC" check "$f" && echo "   通过  $f"
done

echo "== 2. 排版申报表、成员申报表、评估表（wsdoc render）"
"$WSDOC" render -j 2 -o "$OUT/表格" $apps $members $evals

echo "== 3. 审核通过，登记名册（wsdoc approve）"
"$WSDOC" approve --roster "$OUT/roster.xml" $apps

echo "== 4. 公布名单（wsdoc publish）"
"$WSDOC" publish --roster "$OUT/roster.xml" -o "$OUT/工作坊名单.pdf" \
	--html "$OUT/工作坊名单.html" --csv "$OUT/工作坊名单.csv"

echo "== 5. 年度评估（wsdoc evaluate --apply）"
"$WSDOC" evaluate --roster "$OUT/roster.xml" --year 2026 \
	--decisions $S/评估结论.xml $evals -o "$OUT/2026年度评估报告.pdf" --apply

echo "== 6. 两年情景：评估、暂缓期满确定、次年立项与评估、由名册重印报告（tests/scenario.sh）"
sh tests/scenario.sh "$WSDOC" "$OUT/两年"

echo "== 写出的文件"
find "$OUT" -type f | sort | while read -r f; do
	printf '   %8s  %s\n' "$(wc -c < "$f")" "$f"
done
