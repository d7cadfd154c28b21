# The annual report of the 2026 samples: its counts equal what --apply wrote
# into the roster, the bar chart's heights are proportional to the counts
# (from the area dump), and the revocation, probation and achievement
# sections say what the outcomes say.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=samples/2026
apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
evals=$(find $S/评估 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" approve --roster "$T/roster.xml" --date 2026-11-20 $apps >/dev/null 2>&1 || fail "approve"
"$WSDOC" evaluate --roster "$T/roster.xml" --year 2026 --decisions $S/评估结论.xml $evals \
	-o "$T/report.pdf" --apply >/dev/null 2>"$T/err" || { cat "$T/err"; fail "evaluate"; }
"$WSDOC" evaluate --roster "$T/roster.xml.1" --year 2026 --decisions $S/评估结论.xml $evals \
	--fo -o "$T/report.fo" >/dev/null 2>&1 || fail "evaluate --fo"
pdftotext -raw "$T/report.pdf" - 2>"$T/poppler" | tr -d ' \n' > "$T/text"
[ -s "$T/poppler" ] && fail "poppler: $(head -2 "$T/poppler")"

# Counts per grade: the roster's 2026 history against the report's text.
total=0 i=0
for g in 优秀通过 通过 暂缓通过 撤销; do
	i=$((i + 1))
	n=$(grep -o "<evaluation year=\"2026\"[^>]*result=\"$g\"" "$T/roster.xml" | wc -l)
	total=$((total + n))
	grep -q "${g}${n}个" "$T/text" || fail "the report does not say ${g}${n}个"
	eval "n_$i=$n"
done
[ "$total" -eq 6 ] || fail "the roster holds $total results for 2026"
grep -q "应参加评估的工作坊共${total}个" "$T/text" || fail "total $total not in the report"

# The chart: one bar per non-zero grade, height proportional to the count.
"$WSDOC" fo --areas "$T/report.fo" > "$T/areas" || fail "fo --areas"
ratio="" i=0
for pair in 优秀通过:2E7D32 通过:1565C0 暂缓通过:EF8F00 撤销:C62828; do
	g=${pair%%:*} c=${pair#*:}
	i=$((i + 1))
	eval "n=\$n_$i"
	h=$(grep "rect .*color=#$c" "$T/areas" | sed 's/.* h=\([0-9.]*\) .*/\1/' | head -1)
	if [ "$n" -eq 0 ]; then
		[ -z "$h" ] || fail "a bar of height $h for $g with no workshop"
		continue
	fi
	[ -n "$h" ] || fail "no bar for $g ($n)"
	r=$(awk -v h="$h" -v n="$n" 'BEGIN { printf "%.3f", h / n }')
	if [ -z "$ratio" ]; then ratio=$r
	else awk -v a="$ratio" -v b="$r" 'BEGIN { exit !(a - b < 0.05 && b - a < 0.05) }' ||
		fail "bar of $g: $h pt for $n, not proportional ($r vs $ratio pt per workshop)"
	fi
done

# Probation with its deadline; achievements in total.
grep -q '砺学学业支持工作坊.*继续建设期至2027年6月15日' "$T/text" || fail "probation deadline"
grep -q '五、年度建设成果' "$T/text" || fail "no achievements section"
ach=0
for f in $evals; do
	"$WSDOC" convert "$f" -o "$T/e.xml" 2>/dev/null || cp "$f" "$T/e.xml"
	ach=$((ach + $(grep -o '<achievement ' "$T/e.xml" | wc -l)))
done
pdftotext -raw "$T/report.pdf" - | grep '^合计 [0-9]' | awk '{print $NF}' | grep -qx "$ach" ||
	fail "the achievements' total is not $ach: $(pdftotext -raw "$T/report.pdf" - | grep '^合计')"
exit 0
