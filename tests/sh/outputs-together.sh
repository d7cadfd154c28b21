# outputs-together.sh — several outputs, one outcome (issue 15, findings 3,
# 7, 11): publish's PDF, web page and CSV, and evaluate's outcomes, report
# and roster, are renamed only when all are written, the roster last; a run
# interrupted (SIGTERM) leaves all old or all new, a killed one (SIGKILL)
# never a roster newer than its report; temporary files of killed runs are
# removed by the next run into the folder; CSV cells Excel or WPS would
# evaluate start with an apostrophe.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
N=${RUNS:-10}
rnd() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
sum() { if [ -f "$1" ]; then cksum < "$1" | cut -d' ' -f1; else echo -; fi; }

# 1. CSV injection: a workshop named =HYPERLINK(…), a leader named @…
mkapp 1 '=HYPERLINK("http:\/\/example.com","点击")' '@陈某' 2099001 心理健康
mkapp 2 '+1工作坊' 主理人二 2099002 心理健康
sed -i "s/李四/成员甲2/; s/2018033/2088002/; s/王五/-成员乙/; s/2020101/2077002/" "$T/app2.xml"
"$WSDOC" approve --roster "$T/r.xml" "$T/app1.xml" >/dev/null 2>"$T/err" || fail "approve 1: $(cat "$T/err")"
"$WSDOC" approve --roster "$T/r.xml" "$T/app2.xml" >/dev/null 2>"$T/err" || fail "approve 2: $(cat "$T/err")"
"$WSDOC" publish --roster "$T/r.xml" --csv "$T/l.csv" 2>"$T/err" || fail "publish: $(cat "$T/err")"
grep -q '"'"'"'=HYPERLINK(""http://example.com"",""点击"")"' "$T/l.csv" ||
	fail "the formula is not neutralised: $(cat "$T/l.csv")"
grep -q ",\"'@陈某\"," "$T/l.csv" || fail "a cell starting with @: $(cat "$T/l.csv")"
grep -q ",\"'+1工作坊\"," "$T/l.csv" || fail "a cell starting with +: $(cat "$T/l.csv")"
# a cell starting with a formula character anywhere in the row, none left bare
tr ',' '\n' < "$T/l.csv" | grep -q '^[=+@-]' && fail "a bare formula cell: $(cat "$T/l.csv")"
# members joined: the first one starts the cell
grep -q "\"'-成员乙" "$T/l.csv" && : 

# 2. publish interrupted: all three old, or all three new.
sh "$SRCDIR/tests/bench/genroster.sh" 400 > "$T/big.xml"
cp "$T/big.xml" "$T/big2.xml"
mkdir -p "$T/p"
pub() { "$WSDOC" publish --roster "$1" -o "$T/p/l.pdf" --html "$T/p/l.html" --csv "$T/p/l.csv" >/dev/null 2>&1; }
pub "$T/r.xml" || fail "publish old"
O="$(sum "$T/p/l.pdf") $(sum "$T/p/l.html") $(sum "$T/p/l.csv")"
mkdir -p "$T/keep"; cp "$T/p/"* "$T/keep/"
t0=$(date +%s%N); pub "$T/big.xml" || fail "publish new"; t1=$(date +%s%N)
NEW="$(sum "$T/p/l.pdf") $(sum "$T/p/l.html") $(sum "$T/p/l.csv")"
span=$(( (t1 - t0) / 1000 ))
k=0 old=0 new=0
while [ $k -lt $N ]; do
	cp "$T/keep/"* "$T/p/"
	us=$(( $(rnd) % (span + span / 4) ))
	"$WSDOC" publish --roster "$T/big.xml" -o "$T/p/l.pdf" --html "$T/p/l.html" --csv "$T/p/l.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
	kill -TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	got="$(sum "$T/p/l.pdf") $(sum "$T/p/l.html") $(sum "$T/p/l.csv")"
	if [ "$got" = "$O" ]; then old=$((old + 1))
	elif [ "$got" = "$NEW" ]; then new=$((new + 1))
	else fail "publish interrupted at ${us}µs: outputs of two runs: $got (old $O, new $NEW)"; fi
	k=$((k + 1))
done
echo "publish, SIGTERM at $N moments in ${span}µs: all old $old, all new $new"

# 3. A killed run's temporary files go with the next run into the folder.
mkdir -p "$T/q"
"$WSDOC" publish --roster "$T/big.xml" -o "$T/q/l.pdf" --csv "$T/q/l.csv" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 200 ] && ! ls -A "$T/q" | grep -q '^\.'; do sleep 0.01; i=$((i + 1)); done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
# (a pid that is gone; make one for certain, too)
: > "$T/q/.l.pdf.~999999999.AbCdEf"
"$WSDOC" publish --roster "$T/r.xml" --csv "$T/q/other.csv" >/dev/null 2>&1 || fail "publish into q"
left=$(ls -A "$T/q" | grep '^\.' || true)
[ -z "$left" ] || fail "temporary files of killed runs left: $left"

# 4. evaluate --apply -o report --outcomes: killed, the roster is never
#    newer than the report and outcomes written with it.
cp "$T/r.xml" "$T/e0.xml"
# (no forms: both absent, the office confirms both revocations)
cat > "$T/dec.xml" <<'X'
<decisions year="2026" date="2026-12-15"><decision workshop="HZNU-GZF-2026-01" grade="撤销"/>
<decision workshop="HZNU-GZF-2026-02" grade="撤销"/></decisions>
X
mkdir -p "$T/e"
ev() { "$WSDOC" evaluate --roster "$T/e/roster.xml" --year 2026 --decisions "$T/dec.xml" --apply \
	-o "$T/e/report.pdf" --outcomes "$T/e/out.xml" >/dev/null 2>&1; }
rm -f "$T/e/"*; cp "$T/e0.xml" "$T/e/roster.xml"
: > "$T/e/report.pdf"; : > "$T/e/out.xml"
t0=$(date +%s%N); ev; t1=$(date +%s%N)
RN=$(sum "$T/e/roster.xml") PN=$(sum "$T/e/report.pdf") ON=$(sum "$T/e/out.xml")
: > "$T/empty"; R0=$(sum "$T/e0.xml") E=$(sum "$T/empty")
span=$(( (t1 - t0) / 1000 ))
k=0
while [ $k -lt $N ]; do
	rm -f "$T/e/"* "$T/e/".[!.]*; cp "$T/e0.xml" "$T/e/roster.xml"
	: > "$T/e/report.pdf"; : > "$T/e/out.xml"
	us=$(( $(rnd) % (span + span / 4) ))
	for sig in TERM KILL; do
		"$WSDOC" evaluate --roster "$T/e/roster.xml" --year 2026 --decisions "$T/dec.xml" --apply \
			-o "$T/e/report.pdf" --outcomes "$T/e/out.xml" >/dev/null 2>&1 &
		pid=$!
		sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
		kill -$sig $pid 2>/dev/null
		wait $pid 2>/dev/null
		r=$(sum "$T/e/roster.xml") p=$(sum "$T/e/report.pdf") o=$(sum "$T/e/out.xml")
		[ "$p" = "$E" ] || [ "$p" = "$PN" ] || fail "evaluate, SIG$sig at ${us}µs: a report of neither run ($p; $E $PN) $(ls -la "$T/e")"
		[ "$r" = "$R0" ] || [ "$r" = "$RN" ] || fail "evaluate, SIG$sig: a roster of neither run"
		# the roster is renamed last
		[ "$r" = "$RN" ] && { [ "$p" = "$PN" ] && [ "$o" = "$ON" ] ||
			fail "evaluate, SIG$sig at ${us}µs: a new roster with old outputs"; }
		# held signals: SIGTERM never splits them
		if [ $sig = TERM ]; then
			left=$(ls -A "$T/e" | grep '^\.\(report\|out\)' || true)
			[ -z "$left" ] || fail "evaluate, SIGTERM at ${us}µs: left $left"
			[ "$r $p $o" = "$R0 $E $E" ] || [ "$r $p $o" = "$RN $PN $ON" ] ||
				fail "evaluate, SIGTERM at ${us}µs: $r $p $o"
		fi
		rm -f "$T/e/"* "$T/e/".[!.]*; cp "$T/e0.xml" "$T/e/roster.xml"
		: > "$T/e/report.pdf"; : > "$T/e/out.xml"
	done
	k=$((k + 1))
done
exit 0
