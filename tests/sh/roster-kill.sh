# roster-kill.sh — kill -9 at 100 random moments during evaluate --apply:
# the roster always parses, validates against forms/roster.rng and equals
# either the old version or the new one (never a mix, never nothing).
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml
N=${KILLS:-100}

# A roster of 40 workshops, so that a run takes a measurable time.
i=10
apps=""
while [ $i -lt 50 ]; do
	mkapp $i "工作坊$i" "主理人$i" "20990$i" 心理健康
	sed -i "s/李四/成员甲$i/; s/2018033/20880$i/; s/王五/成员乙$i/; s/2020101/20770$i/" "$T/app$i.xml"
	apps="$apps $T/app$i.xml"
	i=$((i + 1))
done
"$WSDOC" approve --roster "$R" $apps >/dev/null 2>"$T/err" || fail "approve: $(cat "$T/err")"
rm -f "$R".[123]
cp "$R" "$T/old"
# No forms: every workshop absent, each revocation confirmed by the office.
{ echo '<decisions year="2026" date="2026-12-15">'
  for n in $(seq -w 1 40); do echo "<decision workshop=\"HZNU-GZF-2026-$n\" grade=\"撤销\"/>"; done
  echo '</decisions>'; } > "$T/dec.xml"
run() {
	"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" --apply >/dev/null 2>&1
}
# The new version, and how long a run takes (ns).
t0=$(date +%s%N); run || fail "apply"; t1=$(date +%s%N)
cp "$R" "$T/new"
cmp -s "$T/old" "$T/new" && fail "the run changed nothing"
span=$(( (t1 - t0) / 1000 ))	# µs
[ $span -gt 0 ] || span=1000

rnd() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
old=0 new=0 k=0 dirty=0
while [ $k -lt $N ]; do
	cp "$T/old" "$R"
	rm -f "$R".[123]
	# a moment anywhere in the run, and a little past it
	us=$(( $(rnd) % (span + span / 4) ))
	# wsdoc itself in the background (a function would be a subshell)
	"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" --apply \
		>/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '0.%06d' "$us")"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	ls -a "$T" | grep -q '^\.roster\.xml\.' && dirty=$((dirty + 1))
	[ -s "$R" ] || fail "kill $k at ${us}µs: the roster is gone"
	valid_roster "$R" || fail "kill $k at ${us}µs: roster invalid"
	if cmp -s "$R" "$T/old"; then old=$((old + 1))
	elif cmp -s "$R" "$T/new"; then new=$((new + 1))
	else fail "kill $k at ${us}µs: roster is neither version"; fi
	# a backup, if one was made, is the old roster
	[ ! -f "$R.1" ] || cmp -s "$R.1" "$T/old" || { fail "kill $k: roster.xml.1 is not the old roster"; }
	k=$((k + 1))
done
# Killed runs may leave a temporary file; the next run under the lock
# sweeps them away.
cp "$T/old" "$R"
run || fail "run after the kills"
cmp -s "$R" "$T/new" || fail "run after the kills gave another roster"
left=$(ls -a "$T" | grep -c '^\.roster\.xml\.' || true)
[ "$left" = 0 ] || fail "$left temporary files left after a full run"
echo "kills: $N, run ${span}µs; old roster $old times, new $new times; a temporary file left by $dirty kills, swept by the next run"
exit 0
