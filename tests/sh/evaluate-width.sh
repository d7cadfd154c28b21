# evaluate-width.sh — issue 11, finding 7: evaluate's table fits a
# 100-column terminal (long names and reasons wrap, no word dropped), and
# --csv gives the whole table, every 说明 in one cell.
. "$SRCDIR/tests/rules/lib.sh"
cd "$SRCDIR" || exit 1
R=$T/roster.xml
approve2026 "$R"
# 06 sends nothing: the longest reason; 03 renames itself: another.
mkdir "$T/e"
for f in $S/评估/*; do case $f in *06*) ;; *) cp "$f" "$T/e/";; esac; done
sed -i 's/^名称 = 文心雅韵文体素养工作坊/名称 = 文心雅韵美育与文体素养提升工作坊/' "$T/e/HZNU-GZF-2026-03.ini"
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions $S/评估结论.xml $T/e/* --csv "$T/t.csv" \
	>"$T/out" 2>"$T/err"
w=$(LC_ALL=C.UTF-8 wc -L < "$T/out")
[ "$w" -le 100 ] || fail "the table is $w columns wide: $(cat "$T/out")"
joined "$T/out" | grep -q '^HZNU-GZF-2026-06 .*有矛盾 *在建  没有2026年度评估表，也没有缺席说明：无故不参加评估（第六条第1项）' ||
	fail "06's reason is not whole: $(cat "$T/out")"
grep -q '^HZNU-GZF-2026-03,文心雅韵文体素养工作坊,许清和,.*工作坊名称由“文心雅韵文体素养工作坊”改为“文心雅韵美育与文体素养提升工作坊”，未经批准（第六条第2项）' "$T/t.csv" ||
	fail "the CSV lacks 03's whole row: $(cat "$T/t.csv")"
[ "$(grep -c '^HZNU-GZF-2026-0' "$T/t.csv")" = 6 ] || fail "the CSV has not six rows"
exit 0
