# memory-sweep.sh — every command under `ulimit -v` limits from the least
# the program loads in up to what it needs (issue 15, finding 2): each run
# ends as without a limit, or with exit 3 and F-SYS-MEMORY; never a signal
# (the publish crash was "double free or corruption", exit 134), never a
# temporary file left, never a roster or its generations changed.  The plain
# build only: the sanitizers reserve terabytes of address space.
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ -n "${SANITIZE:-}" ] && { echo "ulimit -v and AddressSanitizer do not mix"; exit 77; }
S=$SRCDIR/samples/2026
STEP=${STEP:-3072}	# KB
export SOURCE_DATE_EPOCH=1780000000
mkdir -p "$T/o"
runs=0 oom=0

lim() { ( ulimit -v "$1"; shift; exec "$@" ); }

# The least limit under which the program starts at all: below it the
# dynamic loader cannot map a library, or a library's constructor (GLib's)
# aborts before main(), out of any program's reach.
base=40960
while [ $base -lt 400000 ]; do
	lim $base "$WSDOC" --version >/dev/null 2>&1 && break
	base=$((base + 256))
done
[ $base -lt 400000 ] || fail "wsdoc --version never ran under ulimit -v"

# A roster to work on, and the decisions for its year.
"$WSDOC" approve --roster "$T/r0.xml" "$S"/申报/0[1-4]*.ini "$S"/申报/0[1-4]*.xml >/dev/null 2>&1
"$WSDOC" approve --roster "$T/r0.xml" "$S"/申报/0[56]*.* >/dev/null 2>&1
[ -f "$T/r0.xml" ] || fail "no roster to start from"
cat > "$T/dec.xml" <<'X'
<decisions year="2026" date="2026-12-15"></decisions>
X
mkdir -p "$T/ws"
cp "$S"/申报/*.ini "$S"/申报/*.xml "$S"/申报/*.txt "$T/ws/" 2>/dev/null

# sweep NAME CMD...: from base up, until the run ends as without a limit.
sweep() {
	name=$1; shift
	rm -rf "$T/o"; mkdir -p "$T/o"; cp "$T/r0.xml" "$T/o/roster.xml"
	( cd "$T/o" && "$@" ) >/dev/null 2>&1; want=$?
	[ $want -lt 128 ] || fail "$name without a limit: exit $want"
	# finely where the program has just loaded (the shared libraries
	# take most of the first 48 MB), then by STEP
	v=$base step=512 first=
	while :; do
		[ $v -ge $((base + 4096)) ] && step=$STEP
		rm -rf "$T/o"; mkdir -p "$T/o"; cp "$T/r0.xml" "$T/o/roster.xml"
		( cd "$T/o" && ulimit -v $v && exec "$@" ) >/dev/null 2>"$T/err"; rc=$?
		# 127: the dynamic loader could not map a library; not started
		if [ $rc = 127 ] && grep -q 'error while loading shared libraries' "$T/err"; then
			v=$((v + step)); continue
		fi
		first=${first:-$v}
		runs=$((runs + 1))
		[ $rc -lt 128 ] || fail "$name under ulimit -v $v: killed by signal $((rc - 128)): $(tail -3 "$T/err")"
		left=$(ls -A "$T/o" | grep '^\.' || true)
		[ -z "$left" ] || fail "$name under ulimit -v $v: left $left"
		[ $rc = $want ] && break
		[ $rc = 3 ] || fail "$name under ulimit -v $v: exit $rc, want $want or 3: $(tail -3 "$T/err")"
		grep -q 'F-SYS-MEMORY' "$T/err" || fail "$name under ulimit -v $v: exit 3 without F-SYS-MEMORY: $(tail -3 "$T/err")"
		cmp -s "$T/r0.xml" "$T/o/roster.xml" || fail "$name under ulimit -v $v: the roster changed"
		oom=$((oom + 1))
		v=$((v + step))
		[ $v -lt 1000000 ] || fail "$name never ran under 1 GB"
	done
	echo "$name: from $first KB, out of memory (exit 3) until $v KB"
}

sweep check "$WSDOC" check "$T/ws/05-医学院-冯晓岚.ini"
sweep render "$WSDOC" render -o a.pdf "$T/ws/05-医学院-冯晓岚.ini"
sweep convert "$WSDOC" convert "$T/ws/01-教育学院-沈若溪.ini" -o a.xml
sweep template "$WSDOC" template application
sweep fo "$WSDOC" fo "$SRCDIR/tests/bench/form3.fo" -o a.pdf
sweep fonts "$WSDOC" fonts
sweep approve "$WSDOC" approve --roster n.xml "$T/ws/05-医学院-冯晓岚.ini"
sweep evaluate "$WSDOC" evaluate --roster roster.xml --year 2026 --decisions "$T/dec.xml" \
	--apply -o report.pdf --outcomes out.xml
sweep publish "$WSDOC" publish --roster roster.xml -o l.pdf --html l.html --csv l.csv

# The finding itself: 20 000 workshops published under 48 MB.
sh "$SRCDIR/tests/bench/genroster.sh" 20000 > "$T/big.xml"
for v in 49152 53248; do
	rm -rf "$T/o"; mkdir -p "$T/o"
	lim $v "$WSDOC" publish --roster "$T/big.xml" --csv "$T/o/l.csv" --html "$T/o/l.html" \
		>/dev/null 2>"$T/err"; rc=$?
	[ $rc = 3 ] && grep -q F-SYS-MEMORY "$T/err" ||
		fail "publish of 20 000 under ulimit -v $v: exit $rc: $(tail -3 "$T/err")"
	[ -z "$(ls -A "$T/o")" ] || fail "publish of 20 000 under ulimit -v $v left $(ls -A "$T/o")"
done
echo "runs: $runs under limits from $base KB, $oom of them out of memory (exit 3, F-SYS-MEMORY)"
exit 0
