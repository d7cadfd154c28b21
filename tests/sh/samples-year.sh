#!/bin/sh
# samples-year.sh — the year 2026 of samples/ as the office runs it: approve
# the six applications in sorted path order (ids 01…06 as samples/README.md
# lists them), evaluate with the decisions, and get the outcomes the README
# promises: the grades, the approved rename of 02, 04's probation to
# 2027-06-15, and one warning only (朱晨阳 left 04); then --apply.
export LC_ALL=C.UTF-8
cd "$SRCDIR" || exit 1
for c in approve evaluate; do
	"$WSDOC" "$c" -h >/dev/null 2>&1 || { echo "wsdoc $c has not landed yet"; exit 77; }
done
command -v xmllint >/dev/null || { echo "xmllint missing (apt-get install libxml2-utils)"; exit 77; }
fail=0
bad() { echo "samples-year: $*"; fail=1; }
R=$T/roster.xml

apps=$(find samples/2026/申报 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" approve --date 2026-03-20 --roster "$R" $apps > "$T/approve.out" 2>&1 ||
	{ cat "$T/approve.out"; bad "approve failed"; exit 1; }
i=0
for f in $apps; do
	i=$((i + 1))
	id=$(printf 'HZNU-GZF-2026-%02d' $i)
	case $f in
	*.xml) want=$(xmllint --xpath 'string(/application/workshop/name)' "$f") ;;
	*) want=$(sed -n 's/^名称 *= *//p' "$f" | head -1) ;;
	esac
	grep -q "$id *$want" "$T/approve.out" || bad "$f: not approved as $id ($want)"
done

evals=$(find samples/2026/评估 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions samples/2026/评估结论.xml \
	--outcomes "$T/out.xml" $evals > "$T/eval.out" 2> "$T/eval.err"; rc=$?
[ "$rc" -eq 0 ] || { cat "$T/eval.out" "$T/eval.err"; bad "evaluate exit $rc"; }
grep '警告\|错误' "$T/eval.err" > "$T/warn"
[ "$(wc -l < "$T/warn")" -eq 1 ] && grep -q 'HZNU-GZF-2026-04.*朱晨阳' "$T/warn" ||
	{ cat "$T/eval.err"; bad "expected exactly one warning, about 朱晨阳 leaving 04"; }

get() { xmllint --xpath "string(//outcome[@workshop='HZNU-GZF-2026-$1']/@$2)" "$T/out.xml" 2>/dev/null; }
for pair in 01:优秀通过 02:通过 03:通过 04:暂缓通过 05:优秀通过 06:通过; do
	n=${pair%%:*} g=${pair#*:}
	[ "$(get "$n" result)" = "$g" ] || bad "HZNU-GZF-2026-$n: result '$(get "$n" result)', want $g"
done
[ "$(get 04 until)" = 2027-06-15 ] || bad "04: probation until '$(get 04 until)', want 2027-06-15"
[ "$(xmllint --xpath "string(//outcome[@workshop='HZNU-GZF-2026-02']/change[@field='name'])" "$T/out.xml")" = \
	职引未来生涯发展与能力提升工作坊 ] || bad "02: the approved rename is not in the outcomes"

"$WSDOC" evaluate --roster "$R" --year 2026 --decisions samples/2026/评估结论.xml \
	--apply $evals > "$T/apply.out" 2>&1 || { cat "$T/apply.out"; bad "evaluate --apply failed"; }
if [ -f forms/roster.rng ]; then
	xmllint --noout --relaxng forms/roster.rng "$R" 2>&1 | grep -v ' validates$' && bad "roster does not validate"
fi
grep -q '2027-06-15' "$R" || bad "roster lacks 04's probation deadline"
exit $fail
