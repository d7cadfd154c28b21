# bench-publish.sh BUILD — `make bench`, issue 6 item 5: publish a generated
# roster (tests/bench/genroster.sh) of 500 and 5 000 workshops; wall time and
# peak RSS (GNU time) of PDF+HTML+CSV and of the PDF alone; the ratio
# 5000/500 (linear ≈ 10).  Each figure is the best of RUNS runs.
BUILD=${1:-build}
W=$PWD/$BUILD/wsdoc
RUNS=${RUNS:-2}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-publish: GNU time missing (apt-get install time)"; exit 0; }
D=$BUILD/bench/publish
mkdir -p "$D"
# best of RUNS: prints "seconds KB" (least time, least peak RSS).
best() {
	for k in $(seq "$RUNS"); do
		"$TIME" -f '%e %M' -o "$D/t" "$@" >/dev/null 2>"$D/err" ||
			{ echo "bench-publish: $* failed: $(head -3 "$D/err")" >&2; echo "0 0"; return; }
		cat "$D/t"
	done | sort -n | awk 'NR == 1 { t = $1 } { if (m == "" || $2 < m) m = $2 } END { print t, m }'
}
echo
echo "publish at scale (tests/bench-publish.sh): generated roster, year 2026, best of $RUNS"
printf '%-6s %7s %6s %10s %10s %10s %10s\n' N "roster" pages "all s" "all RSS" "PDF s" "PDF RSS"
for n in 500 5000; do
	r=$D/roster$n.xml
	[ -s "$r" ] && [ "$r" -nt tests/bench/genroster.sh ] || sh tests/bench/genroster.sh "$n" > "$r"
	set -- $(best "$W" publish --roster "$r" -o "$D/l$n.pdf" --html "$D/l$n.html" --csv "$D/l$n.csv")
	ta=$1 ma=$2
	set -- $(best "$W" publish --roster "$r" -o "$D/p$n.pdf")
	tp=$1 mp=$2
	pages=$(pdfinfo "$D/p$n.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	printf '%-6s %6sK %6s %10s %8sMB %10s %8sMB\n' "$n" "$(( $(wc -c < "$r") / 1024 ))" "${pages:-?}" \
		"$ta" "$(( ma / 1024 ))" "$tp" "$(( mp / 1024 ))"
	eval "ta$n=$ta ma$n=$ma tp$n=$tp mp$n=$mp"
done
awk -v a="$ta500" -v b="$ta5000" -v c="$ma500" -v d="$ma5000" -v e="$tp500" -v f="$tp5000" -v g="$mp500" -v h="$mp5000" 'BEGIN {
	printf "ratio 5000/500: time %.1f (all) %.1f (PDF), peak RSS %.1f (all) %.1f (PDF); linear time ≈ 10, bounded memory ≈ 1\n",
	    (a > 0 ? b / a : 0), (e > 0 ? f / e : 0), (c > 0 ? d / c : 0), (g > 0 ? h / g : 0)
}'
