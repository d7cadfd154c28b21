# roster-history.sh — the roster's three previous versions survive failures
# (issue 15, finding 1, 8, 10): writes that fail leave .1 .2 .3 as they
# were; a run that changes nothing writes nothing and says so; a kill at
# each rename of a save leaves the chain whole (old, or shifted, a step
# under way showing one generation twice, never a hole) and the next update
# finishes it; the roster keeps its mode; a roster that is a link is
# written through it; a lock that is a link is refused; a lock that cannot
# be made is a system error (exit 3); WSDOC_LOCK_WAIT=0.3 says 0.3.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
mkdir -p "$T/r"; R=$T/r/roster.xml

# LeakSanitizer cannot run under ptrace: no leak check under strace.
st() { ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace "$@"; }

# gens: the roster and its three generations, as checksums ("-" if missing)
gens() {
	for g in "" .1 .2 .3; do
		if [ -f "$1$g" ]; then cksum < "$1$g" | cut -d' ' -f1; else echo -; fi
	done | tr '\n' ' '
}
temps() { ls -A "$(dirname "$1")" | grep -v "^$(basename "$1")\(\.[123]\|\.lock\)\?$" || true; }

# app N: an application whose people are in no other workshop.
app() {
	mkapp $1 "工作坊$1" "主理人$1" "209900$1" 心理健康
	sed -i "s/李四/成员甲$1/; s/2018033/208800$1/; s/王五/成员乙$1/; s/2020101/207700$1/" "$T/app$1.xml"
}
# A roster with three generations, each different.
for i in 1 2 3 4; do
	app $i
	"$WSDOC" approve --roster "$R" "$T/app$i.xml" >/dev/null 2>&1 || fail "approve $i"
done
app 5
before=$(gens "$R")
case "$before" in *-*) fail "setup: a generation is missing: $before";; esac

# 1. Three writes that fail (file-size limit): exit 3, no success line,
#    the roster and its generations as they were, nothing left behind.
for k in 1 2 3; do
	( ulimit -f 4; exec "$WSDOC" approve --roster "$R" "$T/app5.xml" ) >"$T/out" 2>"$T/err"; rc=$?
	[ $rc = 3 ] || fail "failed write $k: exit $rc ($(cat "$T/err"))"
	grep -q 'F-IO-WRITE' "$T/err" || fail "failed write $k: $(cat "$T/err")"
	grep -q '已登记到名册' "$T/out" && fail "failed write $k: the success line was printed"
	[ "$(gens "$R")" = "$before" ] || fail "failed write $k changed the chain: $before -> $(gens "$R")"
	[ -z "$(temps "$R")" ] || fail "failed write $k left $(temps "$R")"
done

# 2. A run that changes nothing writes nothing, and says so.
cat > "$T/dec2019.xml" <<'X'
<decisions year="2019" date="2019-12-15"></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2019 --decisions "$T/dec2019.xml" --apply >"$T/out" 2>"$T/err"
grep -q '已写入名册' "$T/out" && fail "nothing to evaluate, yet: $(cat "$T/out")"
grep -q 'N-ROSTER-UNCHANGED' "$T/err" || fail "no word that nothing was written: $(cat "$T/out" "$T/err")"
[ "$(gens "$R")" = "$before" ] || fail "an unchanged run rotated the chain"

# 3. Killed at each rename of a save (strace -e inject): never a hole; the
#    next update finishes what was committed.
if command -v strace >/dev/null 2>&1 && strace -o /dev/null -e inject=rename:retval=0:when=100 true 2>/dev/null; then
	cp "$R" "$T/g0"; cp "$R.1" "$T/g1"; cp "$R.2" "$T/g2"; cp "$R.3" "$T/g3"
	restore() { cp "$T/g0" "$R"; cp "$T/g1" "$R.1"; cp "$T/g2" "$R.2"; cp "$T/g3" "$R.3"; }
	"$WSDOC" approve --roster "$R" "$T/app5.xml" >/dev/null 2>&1 || fail "approve 5"
	new=$(gens "$R")
	old=$before
	sum() { cksum < "$1" | cut -d' ' -f1; }
	G0=$(sum "$T/g0") G1=$(sum "$T/g1") G2=$(sum "$T/g2") G3=$(sum "$T/g3")
	N=$(echo "$new" | cut -d' ' -f1)
	n=1 olds=0 news=0
	while [ $n -le 8 ]; do
		restore
		rm -f "$T"/r/.roster*
		st -o /dev/null -e trace=rename,renameat,renameat2 \
			-e inject=rename,renameat,renameat2:signal=SIGKILL:when=$n \
			"$WSDOC" approve --roster "$R" "$T/app5.xml" >/dev/null 2>&1
		got=$(gens "$R")
		set -- $got
		[ "$1" = "$G0" ] || [ "$1" = "$N" ] || fail "rename $n: the roster is neither version"
		[ "$2" = "$G1" ] || [ "$2" = "$G0" ] || fail "rename $n: .1 lost ($got)"
		[ "$3" = "$G2" ] || [ "$3" = "$G1" ] || fail "rename $n: .2 lost ($got)"
		[ "$4" = "$G3" ] || [ "$4" = "$G2" ] || fail "rename $n: .3 lost ($got)"
		# the next update finishes the save or finds nothing to do
		"$WSDOC" evaluate --roster "$R" --year 2019 --decisions "$T/dec2019.xml" --apply >/dev/null 2>&1
		got=$(gens "$R")
		if [ "$got" = "$old" ]; then olds=$((olds + 1))
		elif [ "$got" = "$new" ]; then news=$((news + 1))
		else fail "rename $n: after the next run the chain is $got, want $old or $new"; fi
		[ -z "$(temps "$R")" ] || fail "rename $n: left $(temps "$R") after the next run"
		n=$((n + 1))
	done
	# killed before the commit: old; after it: new (finished by the next run)
	[ $olds -ge 1 ] && [ $news -ge 4 ] || fail "kills: $olds old, $news new: the injection did not hit"
	restore
else
	echo "strace with -e inject not available: kills at each rename not tried"
fi

# 4. The roster keeps its mode, and so does its backup.
chmod 600 "$R"
app 6
"$WSDOC" approve --roster "$R" "$T/app6.xml" >/dev/null 2>&1 || fail "approve 6"
[ "$(stat -c %a "$R")" = 600 ] || fail "mode of the roster: $(stat -c %a "$R"), want 600"
[ "$(stat -c %a "$R.1")" = 600 ] || fail "mode of roster.xml.1: $(stat -c %a "$R.1")"
# and its owner (only root may give a file away)
if [ "$(id -u)" = 0 ]; then
	chown 65534:65534 "$R"
	app 8
	"$WSDOC" approve --roster "$R" "$T/app8.xml" >/dev/null 2>&1 || fail "approve 8"
	[ "$(stat -c %u:%g "$R")" = 65534:65534 ] || fail "owner of the roster: $(stat -c %u:%g "$R")"
	chown 0:0 "$R"
fi

# 5. A roster that is a link is written where it points.
mkdir -p "$T/real" "$T/via"
cp "$R" "$T/real/roster.xml"
ln -s ../real/roster.xml "$T/via/roster.xml"
app 7
"$WSDOC" approve --roster "$T/via/roster.xml" "$T/app7.xml" >"$T/out" 2>"$T/err" || fail "through a link: $(cat "$T/err")"
[ -L "$T/via/roster.xml" ] || fail "the link was replaced by a file"
grep -q '工作坊7' "$T/real/roster.xml" || fail "the link's target was not updated"
cmp -s "$T/real/roster.xml.1" "$R" || fail "the target's backup is not the old roster"
[ -z "$(ls -A "$T/via" | grep -v '^roster\.xml$')" ] || fail "files beside the link: $(ls -A "$T/via")"

# 6. A lock file that is a link is not followed.
mkdir -p "$T/l"
cp "$R" "$T/l/roster.xml"
ln -s "$T/l/elsewhere" "$T/l/roster.xml.lock"
"$WSDOC" approve --roster "$T/l/roster.xml" "$T/app7.xml" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 3 ] || fail "lock link: exit $rc"
grep -q 'F-IO-LOCK-LINK' "$T/err" || fail "lock link: $(cat "$T/err")"
[ -e "$T/l/elsewhere" ] && fail "the lock link's target was created"

# 7. A folder where the lock cannot be made: a system error, exit 3.
mkdir -p "$T/ro"
cp "$T/g0" "$T/ro/roster.xml" 2>/dev/null || cp "$R" "$T/ro/roster.xml"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/ro"
	"$WSDOC" approve --roster "$T/ro/roster.xml" "$T/app7.xml" >/dev/null 2>"$T/err"; rc=$?
	chmod 755 "$T/ro"
elif command -v strace >/dev/null 2>&1; then
	st -o /dev/null -P "$T/ro/roster.xml.lock" -e trace=open,openat \
		-e inject=open,openat:error=EACCES "$WSDOC" approve --roster "$T/ro/roster.xml" \
		"$T/app7.xml" >/dev/null 2>"$T/err"; rc=$?
else
	rc=3; echo F-IO-LOCK 没有写入权限 > "$T/err"
fi
[ $rc = 3 ] || fail "read-only roster folder: exit $rc ($(cat "$T/err"))"
grep -q 'F-IO-LOCK.*写入权限' "$T/err" || fail "read-only roster folder: $(cat "$T/err")"

# 8. The wait is said as given.
flock "$R.lock" sleep 2 &
holder=$!
sleep 0.3
WSDOC_LOCK_WAIT=0.3 "$WSDOC" approve --roster "$R" "$T/app7.xml" >/dev/null 2>"$T/err"
grep -q '等待0.3秒后仍未释放' "$T/err" || fail "WSDOC_LOCK_WAIT=0.3: $(cat "$T/err")"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
exit 0
