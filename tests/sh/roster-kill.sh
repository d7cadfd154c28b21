# roster-kill.sh — kill -9 at random moments during evaluate --apply (100
# with KILLS=100; fewer by default, to keep make check short): the roster
# always parses, validates against forms/roster.rng and equals either the
# old version or the new one (never a mix, never nothing); its three
# generations are as they were or shifted by one (a step under way may show
# one generation twice, never a hole), and after the next update exactly
# as they were or exactly shifted, with no temporary file left.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
R=$T/roster.xml
N=${KILLS:-30}

# A roster of 40 workshops, so that a run takes a measurable time.
i=10
apps=""
while [ $i -lt 50 ]; do
	mkapp $i "工作坊$i" "主理人$i" "20990$i" 心理健康
	sed -i "s/李四/成员甲$i/; s/2018033/20880$i/; s/王五/成员乙$i/; s/2020101/20770$i/" "$T/app$i.xml"
	apps="$apps $T/app$i.xml"
	i=$((i + 1))
done
# Three generations before it, each different.
for a in $apps; do last=$a; done
"$WSDOC" approve --roster "$R" $(echo $apps | cut -d' ' -f1-37) >/dev/null 2>"$T/err" || fail "approve: $(cat "$T/err")"
for a in $(echo $apps | cut -d' ' -f38-40); do
	"$WSDOC" approve --roster "$R" $a >/dev/null 2>"$T/err" || fail "approve: $(cat "$T/err")"
done
for g in .1 .2 .3; do cp "$R$g" "$T/old$g"; done
cp "$R" "$T/old"
sum() { if [ -f "$1" ]; then cksum < "$1" | cut -d' ' -f1; else echo -; fi; }
G0=$(sum "$R") G1=$(sum "$R.1") G2=$(sum "$R.2") G3=$(sum "$R.3")
restore() { cp "$T/old" "$R"; for g in .1 .2 .3; do cp "$T/old$g" "$R$g"; done; }
cat > "$T/dec2019.xml" <<'X'
<decisions year="2019" date="2019-12-15"></decisions>
X
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
NEW=$(sum "$R")
cmp -s "$T/old" "$T/new" && fail "the run changed nothing"
restore
span=$(( (t1 - t0) / 1000 ))	# µs
[ $span -gt 0 ] || span=1000

rnd() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
old=0 new=0 k=0 dirty=0 twice=0 chain=0
while [ $k -lt $N ]; do
	restore
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
	# each generation as it was or shifted, never missing
	g1=$(sum "$R.1") g2=$(sum "$R.2") g3=$(sum "$R.3")
	[ "$g1" = "$G1" ] || [ "$g1" = "$G0" ] || fail "kill $k at ${us}µs: roster.xml.1 lost"
	[ "$g2" = "$G2" ] || [ "$g2" = "$G1" ] || fail "kill $k at ${us}µs: roster.xml.2 lost"
	[ "$g3" = "$G3" ] || [ "$g3" = "$G2" ] || fail "kill $k at ${us}µs: roster.xml.3 lost"
	case "$(sum "$R") $g1 $g2 $g3" in
	"$G0 $G1 $G2 $G3"|"$NEW $G0 $G1 $G2") ;;
	*) twice=$((twice + 1)) ;;
	esac
	# the next update (one that changes nothing) finishes a committed save
	"$WSDOC" evaluate --roster "$R" --year 2019 --decisions "$T/dec2019.xml" --apply >/dev/null 2>&1
	case "$(sum "$R") $(sum "$R.1") $(sum "$R.2") $(sum "$R.3")" in
	"$G0 $G1 $G2 $G3"|"$NEW $G0 $G1 $G2") chain=$((chain + 1)) ;;
	*) fail "kill $k at ${us}µs: after the next run the chain is $(sum "$R") $(sum "$R.1") $(sum "$R.2") $(sum "$R.3")" ;;
	esac
	ls -a "$T" | grep -q '^\.roster\.xml\.' && fail "kill $k: a temporary file outlived the next run"
	k=$((k + 1))
done
restore
run || fail "run after the kills"
cmp -s "$R" "$T/new" || fail "run after the kills gave another roster"
left=$(ls -a "$T" | grep -c '^\.roster\.xml\.' || true)
[ "$left" = 0 ] || fail "$left temporary files left after a full run"
echo "kills: $N, run ${span}µs; old roster $old times, new $new times; chain whole after the next run $chain times (a step under way seen $twice times); a temporary file left by $dirty kills, swept by the next run"
exit 0
