#!/bin/sh
# bench.sh BUILD — the engine's performance figures (make bench; not a test):
# the 3-page form of tests/bench/form3.fo rendered 200 times in one process
# and cold as separate runs of `wsdoc fo`, then tables of 1 000, 5 000 and
# 10 000 rows to show that time grows linearly.  Targets from issue 3.
#
# Times are given twice: wall clock, and CPU time of the process.  On a
# shared machine (load above the number of CPUs) the wall clock counts the
# time other processes hold the CPU; the CPU time does not.
BUILD=${1:-build}
case $BUILD in */wsdoc) BUILD=${BUILD%/wsdoc} ;; esac	# old Makefile form
WSDOC=$BUILD/wsdoc
B=$BUILD/bench_fo
FORM=tests/bench/form3.fo
N=${BENCH_N:-200}
COLD=${BENCH_COLD:-9}
ROWS=${BENCH_ROWS:-1000 5000 10000}
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}

for f in "$WSDOC" "$B"; do
	[ -x "$f" ] || { echo "bench: $f is missing; run make bench"; exit 1; }
done

# kv KEY LINE — the value of KEY=value in a line of bench_fo output.
kv() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
# verdict VALUE LIMIT — "ok" when VALUE <= LIMIT.
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v != "" && v + 0 <= l + 0) ? "ok" : "MISSED" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
row() { printf '%-40s %12s %12s %10s  %s\n' "$@"; }

load=$(cut -d' ' -f1 /proc/loadavg)
echo "wsdoc bench — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')," \
	"$(nproc) CPU: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "load average $load on $(nproc) CPUs$(awk -v l="$load" -v n="$(nproc)" 'BEGIN { if (l > n) print ": the machine is busy, wall times are inflated; read the CPU column" }')"
echo

# 1. The form in a batch, in one process.
batch=$("$B" batch "$FORM" "$N") || { echo "bench: the batch failed"; exit 1; }
med=$(kv median_ms "$batch"); cmed=$(kv cpu_median_ms "$batch")
bytes=$(kv pdf_bytes "$batch"); floor=$(kv font_floor_bytes "$batch")
peak=$(kv peak_kb "$batch")
r0=$(kv rss_start_kb "$batch"); r1=$(kv rss_q1_kb "$batch")
r2=$(kv rss_half_kb "$batch"); r3=$(kv rss_end_kb "$batch")
growth=$(( r3 - r2 ))
# 1b. A batch of forms that differ: each another applicant's name and
#     other words, so the PDF writer's cache of the last font program of
#     each face does not help (a real year renders different forms).
vary=$("$B" vary "$FORM" "$N") || { echo "bench: the varied batch failed"; exit 1; }
vmed=$(kv median_ms "$vary"); vcpu=$(kv cpu_median_ms "$vary")
# 2. The form cold: whole processes of `wsdoc fo FORM -o FILE`.
cold=$("$B" cold "$COLD" "$WSDOC" "$FORM") || echo "bench: some cold runs failed"
kmed=$(kv median_ms "$cold"); kcpu=$(kv cpu_median_ms "$cold"); kpeak=$(kv peak_kb "$cold")

echo "$FORM: $(kv pages "$batch") pages, $(kv diags "$batch") diagnostics"
echo
row "measure" "wall" "CPU" "target" "verdict (wall / CPU)"
row "batch: median ms per document, $N docs" "$med" "$cmed" "≤ 5" "$(verdict "$med" 5) / $(verdict "$cmed" 5)"
row "batch: fastest / p90 / first document" "$(kv min_ms "$batch") / $(kv p90_ms "$batch") / $(kv first_ms "$batch")" "$(kv cpu_min_ms "$batch")" "" ""
row "batch of $N forms that differ: median" "$vmed" "$vcpu" "≤ 5" "$(verdict "$vmed" 5) / $(verdict "$vcpu" 5)"
row "  fastest / p90" "$(kv min_ms "$vary") / $(kv p90_ms "$vary")" "$(kv cpu_min_ms "$vary")" "" ""
row "cold: median ms of $COLD runs of wsdoc fo" "$kmed" "$kcpu" "≤ 60" "$(verdict "$kmed" 60) / $(verdict "$kcpu" 60)"
row "cold: fastest / slowest run" "$(kv min_ms "$cold") / $(kv max_ms "$cold")" "$(kv cpu_min_ms "$cold")" "" ""
echo
row "measure" "value" "" "target" "verdict"
row "PDF size" "$((bytes / 1024)) KB" "$bytes B" "≤ 30 KB" "$(verdict "$bytes" 30720)"
row "  glyphs alone (subsets, zlib -9: a floor)" "$((floor / 1024)) KB" "$floor B" "" ""
row "  the rest: pages, maps, looser deflate" "$(( (bytes - floor) / 1024 )) KB" "$((bytes - floor)) B" "" ""
row "peak RSS of the batch (getrusage)" "$(mb "$peak")" "" "≤ 30 MB" "$(verdict "$peak" 30720)"
row "peak RSS of a cold run" "$(mb "$kpeak")" "" "≤ 30 MB" "$(verdict "$kpeak" 30720)"
row "RSS at start / after $((N / 4)) / $((N / 2)) / $N docs" "$(mb "$r0") / $(mb "$r1") / $(mb "$r2") / $(mb "$r3")" "" "" ""
row "RSS growth from doc $((N / 2)) to doc $N" "$growth KB" "" "≤ 1 MB" "$(verdict "$growth" 1024)"
vg=$(( $(kv rss_end_kb "$vary") - $(kv rss_half_kb "$vary") ))
row "  the same, forms that differ" "$vg KB" "" "≤ 1 MB" "$(verdict "$vg" 1024)"
echo

# 2b. Why the PDF weighs what it does: the glyphs of the form's hanzi in
#     every Chinese face this machine has (TrueType or CFF), deflated.
#     30 KB holds 30720 / (bytes a glyph) glyphs, whatever the writer does.
faces=$(fc-list ':lang=zh' file index 2>/dev/null | sed -n 's/^\(.*\): *:index=\([0-9]*\).*/\1:\2/p;s/^\([^:]*\): *$/\1:0/p' | sort -u)
if [ -n "$faces" ]; then
	# shellcheck disable=SC2086
	"$B" glyphs "$FORM" $faces | awk -v lim=30720 '
		NR == 1 { print "glyph cost: " $0; next }
		NR == 2 { print; next }
		{ print; if ($NF > 0 && (best == "" || $NF < best)) best = $NF }
		END { if (best != "") printf "cheapest face: %d B a glyph, so 30 KB holds at most %d glyphs of outlines\n", best, lim / best }'
	echo
fi

# 3. Tables: rows against time, each size in its own process.
mkdir -p "$BUILD/bench"
echo "tables of N rows (tests/bench/gentable.sh), one process each; CPU ms per phase"
printf '%-6s %5s %8s %7s %6s %6s %6s %8s %7s %9s  %s\n' rows pages "wall ms" "CPU ms" parse layout PDF CPU/1000 "PDF KB" "peak RSS" "RSS added by parse/layout/PDF"
first=""
for r in $ROWS; do
	fo=$BUILD/bench/table$r.fo
	[ -s "$fo" ] && [ "$fo" -nt tests/bench/gentable.sh ] || sh tests/bench/gentable.sh "$r" > "$fo"
	line=$("$B" once "$fo") || { echo "bench: table $r failed"; continue; }
	tot=$(kv total_ms "$line")
	per=$(awk -v t="$tot" -v r="$r" 'BEGIN { printf "%.1f", t * 1000 / r }')
	[ -z "$first" ] && first=$per
	rss=$(kv rss_kb "$line" | awk -F, '{ printf "%.0f / %.0f / %.0f MB", ($2 - $1) / 1024, ($3 - $2) / 1024, ($4 - $3) / 1024 }')
	printf '%-6s %5s %8s %7s %6s %6s %6s %8s %7s %9s  %s\n' "$r" "$(kv pages "$line")" \
		"$(kv wall_ms "$line")" "$tot" "$(kv parse_ms "$line")" "$(kv layout_ms "$line")" \
		"$(kv pdf_ms "$line")" "$per" "$(( $(kv pdf_bytes "$line") / 1024 ))" \
		"$(mb "$(kv peak_kb "$line")")" "$rss"
	last=$per
done
if [ -n "$first" ]; then
	ratio=$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
	echo
	echo "CPU time per 1000 rows, largest table ÷ smallest: $ratio (linear ≈ 1; target ≤ 1.5): $(verdict "$ratio" 1.5)"
fi

# 4. The FO corpus (../shared/fo-corpus or $FO_CORPUS; tests/sh/fo-corpus.sh
#    checks it): every document through `wsdoc fo`, one after the other,
#    each from its own folder.  Target from issue 14: under 30 s.
CORPUS=${FO_CORPUS:-../shared/fo-corpus}
if [ -d "$CORPUS/cases" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/wsdoc-bench.XXXXXX")
	abs=$(cd "$(dirname "$WSDOC")" && pwd)/wsdoc
	t0=$(date +%s%N)
	cpu=$(cd "$CORPUS/cases" && sh -c '
		n=0 pdf=0
		for f in *.fo; do
			n=$((n + 1))
			timeout 60 "$1" fo "$f" -o "$2/x.pdf" 2>/dev/null && pdf=$((pdf + 1))
		done
		echo "$n $pdf"
		times' sh "$abs" "$out")
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	rm -rf "$out"
	set -- $cpu
	# times: the children's user and system time on its second line.
	cms=$(printf '%s\n' "$cpu" | sed -n 3p | awk '{ for (i = 1; i <= 2; i++) { split($i, a, "m"); s += a[1] * 60 + a[2] } printf "%.0f", s * 1000 }')
	echo
	echo "FO corpus: $1 documents from $CORPUS, $2 PDFs, one process each"
	row "measure" "wall" "CPU" "target" "verdict (wall / CPU)"
	row "whole corpus through wsdoc fo, ms" "$ms" "$cms" "< 30000" "$(verdict "$ms" 30000) / $(verdict "$cms" 30000)"
fi
