#!/bin/sh
# bench-serve.sh BUILD — wsdoc serve under load (make bench; not a test),
# against 127.0.0.1 with tests/tools/httpc.c: keep-alive connections, each
# request timed from when it was due (open loop: a slow answer delays no
# later request's clock).  Targets from issue 13:
#   live check, 50 clients, p99 <= 20 ms, >= 500 checks/s;
#   render, 50 clients, p99 <= 80 ms;
#   peak RSS flat (+-2 MB) over 20 000 requests.
# The checks are a whole 附件1 (samples/2026/申报/01-…ini, 4 pages); the
# renders the same form.
BUILD=${1:-build}
WSDOC=$BUILD/wsdoc
HTTPC=$BUILD/tools/httpc
FORM=samples/2026/申报/01-教育学院-沈若溪.ini
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
for f in "$WSDOC" "$HTTPC"; do
	[ -x "$f" ] || { echo "bench-serve: $f is missing; run make bench"; exit 1; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/wsdoc-bench-serve.XXXXXX")
"$WSDOC" serve --listen 127.0.0.1:0 2>"$T/err" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$T"' EXIT INT TERM
PORT=
while [ -z "$PORT" ]; do
	sleep 0.1
	PORT=$(sed -n 's/.*N-SERVE-READY.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/err")
	kill -0 $PID 2>/dev/null || { cat "$T/err"; exit 1; }
done
# The workers (one a CPU) answer; the parent only watches them.
W=$(cat /proc/$PID/task/$PID/children)
# their CPU time so far, in ms (utime + stime of /proc/PID/stat)
cpu() { for w in $W; do cat /proc/$w/stat; done |
	awk -v t="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); s += $12 + $13 } END { print s * 1000 / t }'; }
per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (b - a) / n }'; }
# the largest of the workers' values of a /proc/PID/status line, in kB
kb() { for w in $W; do sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" /proc/$w/status; done | sort -n | tail -1; }
load() {	# PATH CLIENTS RATE TOTAL: httpc's line
	"$HTTPC" load "$PORT" "$1" "$FORM" "$2" "$3" "$4"
}
v() { printf '%s\n' "$1" | sed -n "s/.*$2 \([0-9.]*\).*/\1/p"; }
ok() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { print ((op == "le" ? a + 0 <= b + 0 : a + 0 >= b + 0) ? "ok" : "MISSED") }'; }

echo "wsdoc serve under load ($(echo $W | wc -w) workers, $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)); one form: $FORM"
load /api/check 8 0 500 >/dev/null	# warm: policy, schema, stylesheets, fonts
load /api/render 4 0 20 >/dev/null
rss0=$(kb VmRSS)

t0=$(cpu)
c=$(load /api/check 50 500 10000)
cpc=$(per "$t0" "$(cpu)" 10000)
echo "check, 50 clients at 500/s:   $c"
c99=$(v "$c" "p99")
m=$(load /api/check 50 0 5000)
echo "check, 50 clients flat out:   $m"
cps=$(printf '%s\n' "$m" | sed -n 's/.* s  \([0-9]*\)\/s .*/\1/p')
t0=$(cpu)
r=$(load /api/render 50 20 400)
cpr=$(per "$t0" "$(cpu)" 400)
echo "render, 50 clients at 20/s:   $r"
r99=$(v "$r" "p99")
# both at once: 50 clients typing (450 checks/s) while 50 render (10/s)
load /api/check 50 450 9000 > "$T/mc" &
mc=$!
mr=$(load /api/render 50 10 200)
wait $mc
echo "mixed, checks at 450/s:       $(cat "$T/mc")"
echo "mixed, renders at 10/s:       $mr"
mr99=$(v "$mr" "p99")
mc99=$(v "$(cat "$T/mc")" "p99")

# RSS over 20 000 more requests (19 000 checks, 1 000 renders)
hwm0=$(kb VmHWM)
load /api/check 50 0 19000 >/dev/null &
lc=$!
load /api/render 10 0 1000 >/dev/null
wait $lc
rss1=$(kb VmRSS)
hwm1=$(kb VmHWM)
echo "largest worker: RSS after warm-up $rss0 kB; peak before the 20 000 $hwm0 kB, after $hwm1 kB; RSS after $rss1 kB"
kill -TERM $PID
wait $PID
echo "server CPU time: $cpc ms a check, $cpr ms a render (on a shared machine the wall-clock"
echo "percentiles also count the time other processes hold the CPUs)"
echo
printf '%-44s %12s %12s  %s\n' measure wsdoc target verdict
printf '%-44s %12s %12s  %s\n' "check p99, 50 clients at 500/s" "$c99 ms" "20 ms" "$(ok "$c99" 20 le)"
printf '%-44s %12s %12s  %s\n' "checks/s, 50 clients" "$cps/s" "500/s" "$(ok "$cps" 500 ge)"
printf '%-44s %12s %12s  %s\n' "render p99, 50 clients at 20/s" "$r99 ms" "80 ms" "$(ok "$r99" 80 le)"
printf '%-44s %12s %12s  %s\n' "mixed: check p99 / render p99" "$mc99 / $mr99" "20 / 80" "$(ok "$mc99" 20 le) $(ok "$mr99" 80 le)"
printf '%-44s %12s %12s  %s\n' "peak RSS growth over 20 000 requests" "$(( hwm1 - hwm0 )) kB" "2048 kB" "$(ok "$((hwm1 - hwm0))" 2048 le)"
