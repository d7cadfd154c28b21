# batch-kill.sh — render -j 2 killed with SIGKILL (parent and workers) at
# random moments (issue 15, finding 7): the PDFs in the folder are whole,
# and the hidden temporary PDFs the killed workers left are removed by the
# next run into that folder.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v setsid >/dev/null 2>&1 || { echo "setsid not installed"; exit 77; }
S=$SRCDIR/samples/2026/申报
N=${KILLS:-5}
rnd() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
mkdir -p "$T/in"
n=0
for i in 1 2 3 4; do
	for f in "$S"/*.ini "$S"/*.xml; do n=$((n + 1)); cp "$f" "$T/in/$n-$(basename "$f")"; done
done
cp "$S"/*.txt "$T/in/" 2>/dev/null
t0=$(date +%s%N)
"$WSDOC" render -j 2 -o "$T/ref" "$T"/in/*.ini "$T"/in/*.xml >/dev/null 2>&1
t1=$(date +%s%N)
span=$(( (t1 - t0) / 1000 ))
k=0 dirty=0
while [ $k -lt $N ]; do
	rm -rf "$T/out"
	us=$(( $(rnd) % span ))
	setsid "$WSDOC" render -j 2 -o "$T/out" "$T"/in/*.ini "$T"/in/*.xml >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
	kill -9 -- -$pid 2>/dev/null
	wait $pid 2>/dev/null
	sleep 0.1
	[ -d "$T/out" ] || { k=$((k + 1)); continue; }
	ls -A "$T/out" | grep -q '^\.' && dirty=$((dirty + 1))
	for p in "$T"/out/*.pdf; do
		[ -f "$p" ] || continue
		cmp -s "$p" "$T/ref/$(basename "$p")" || fail "kill $k at ${us}µs: $(basename "$p") is not whole"
	done
	# the next run into the folder, for any one file, removes the leftovers
	"$WSDOC" render -o "$T/out" "$T/in/1-$(basename "$(ls "$S"/*.ini | head -1)")" >/dev/null 2>&1 ||
		fail "the next run failed"
	left=$(ls -A "$T/out" | grep '^\.' || true)
	[ -z "$left" ] || fail "kill $k: the next run left $left"
	k=$((k + 1))
done
# For certain: a leftover of a pid that is gone is removed, the temporary
# file of a live run (this shell's pid) is not.
mkdir -p "$T/out"
: > "$T/out/.申报表-x.pdf.~999999999.AbCdEf"
: > "$T/out/.申报表-y.pdf.~$$.AbCdEf"
"$WSDOC" render -o "$T/out" "$T/in/1-$(basename "$(ls "$S"/*.ini | head -1)")" >/dev/null 2>&1 ||
	fail "the last run failed"
[ -e "$T/out/.申报表-x.pdf.~999999999.AbCdEf" ] && fail "a dead run's temporary file was kept"
[ -e "$T/out/.申报表-y.pdf.~$$.AbCdEf" ] || fail "a live run's temporary file was removed"
echo "render -j 2 killed $N times in ${span}µs: temporary PDFs left by $dirty, all removed by the next run"
exit 0
