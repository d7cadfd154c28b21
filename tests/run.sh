#!/bin/sh
# run.sh BUILD — every test: the unit binaries, the golden files, the scripts.
# Ends with the line "N passed, N failed, N skipped".  UPDATE=1 rewrites the
# golden files from what the program prints now (review the diff!).
#
# Golden files:   IN.expect beside an input IN (.ini .xml) holds what
#                 `wsdoc check IN` prints, then a line "exit N";
#                 IN.areas beside an FO file holds `wsdoc fo --areas IN`.
#                 IN.cmd, if present, holds other arguments ($IN = the input).
# Scripts:        tests/sh/*.sh, run with $WSDOC, $SRCDIR and a fresh $T;
#                 exit 0 pass, 77 skip, anything else fail.
BUILD=${1:-build}
SRCDIR=$(pwd)
WSDOC=$SRCDIR/$BUILD/wsdoc
export WSDOC SRCDIR BUILD
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
pass=0 fail=0 skip=0 failed=""
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/wsdoc-test.XXXXXX")
trap 'rm -rf "$TMPROOT"' EXIT INT TERM
# LABEL names the run in the summary ("asan: 3 passed, …").  Under the
# sanitizers (SANITIZE=1) everything is ~10x slower: time limits stretch.
LABEL=${LABEL:+$LABEL: }
if [ -n "${SANITIZE:-}" ]; then
	mkdir -p "$TMPROOT/bin"
	cat > "$TMPROOT/bin/timeout" <<'SH'
#!/bin/sh
t=$1; shift
case $t in *[!0-9]*) exec /usr/bin/timeout "$t" "$@";; esac
exec /usr/bin/timeout $((t * 20)) "$@"
SH
	chmod +x "$TMPROOT/bin/timeout"
	PATH=$TMPROOT/bin:$PATH
	WSDOC_MS_LIMIT=20000
	export PATH WSDOC_MS_LIMIT
fi
# The hostile-input tests bound their time by WSDOC_MS_LIMIT only to catch a
# quadratic blow-up (tens of seconds), not to measure speed (make bench does):
# 3 s leaves room for a shared, loaded machine (1 s failed there at 1.2 s).
WSDOC_MS_LIMIT=${WSDOC_MS_LIMIT:-3000}
export WSDOC_MS_LIMIT

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); failed="$failed
  $1"; echo "FAIL: $1"; }

# 1. unit tests (cmocka)
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *.d) continue;; esac
	out=$(cd "$SRCDIR" && timeout 60 "$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	pass=$((pass + ${p:-0}))
	if [ "$rc" -ne 0 ]; then
		fail=$((fail + ${f:-1}))
		failed="$failed
  $t"
		printf '%s\n' "$out" | grep -v '^\[ \(RUN\|       OK\) ' >&2
	fi
done

# 2. golden tests
golden() {	# input expectfile kind
	in=$1 exp=$2 kind=$3
	if [ -f "$in.cmd" ]; then args=$(sed "s|\$IN|$in|g" "$in.cmd")
	elif [ "$kind" = areas ]; then args="fo --areas $in"
	else args="check $in"; fi
	# shellcheck disable=SC2086
	got=$(cd "$SRCDIR" && timeout 20 "$WSDOC" $args 2>&1; echo "exit $?")
	[ "$kind" = areas ] && got=$(printf '%s\n' "$got" | sed '$d')
	if [ -n "$UPDATE" ]; then printf '%s\n' "$got" > "$exp"; ok; return; fi
	if printf '%s\n' "$got" | cmp -s - "$exp"; then ok
	else bad "$exp"; printf '%s\n' "$got" | diff -u "$exp" - | head -40 >&2; fi
}
for exp in $(find tests samples -name '*.expect' 2>/dev/null | sort); do
	golden "${exp%.expect}" "$exp" check
done
for exp in $(find tests -name '*.areas' 2>/dev/null | sort); do
	golden "${exp%.areas}" "$exp" areas
done

# 3. scripts
for s in tests/sh/*.sh; do
	[ -f "$s" ] || continue
	T=$(mktemp -d "$TMPROOT/t.XXXXXX"); export T
	out=$(cd "$SRCDIR" && timeout 300 sh "$s" 2>&1); rc=$?
	case $rc in
	0) ok ;;
	77) skip=$((skip + 1)); echo "skip: $s: $(printf '%s\n' "$out" | tail -1)" ;;
	*) bad "$s (exit $rc)"; printf '%s\n' "$out" | tail -30 >&2 ;;
	esac
done

[ -n "$failed" ] && printf 'failed:%s\n' "$failed"
echo "$pass $fail $skip" >> "$BUILD/.counts"
echo "$LABEL$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
