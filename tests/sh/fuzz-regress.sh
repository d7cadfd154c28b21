# What the fuzzers once found (tests/fuzz/regress/KIND/*) replayed through the
# program: a clear diagnostic and an exit status, never a crash or a hang
# (timeout's 124 fails too), and every message whole UTF-8.  Under the
# sanitizers a report may exit 1, as a refused input does: the report
# itself fails.
n=0
S_run() {
	timeout 5 "$WSDOC" "$@" >"$T/out" 2>&1; rc=$?
	[ $rc -le 3 ] || { echo "crash or hang ($rc) on $f"; exit 1; }
	grep -q '^SUMMARY: [A-Za-z]*Sanitizer' "$T/out" &&
		{ echo "sanitizer report on $f:"; grep -B2 -A8 'ERROR: ' "$T/out" | head -30; exit 1; }
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1 ||
		{ echo "a message is not whole UTF-8 on $f"; exit 1; }
	n=$((n + 1))
}
for kind in ini xml; do
	for f in tests/fuzz/regress/$kind/*; do
		[ -f "$f" ] || continue
		cp "$f" "$T/in.$kind"
		S_run check "$T/in.$kind"
	done
done
for f in tests/fuzz/regress/fo/*; do
	[ -f "$f" ] || continue
	S_run fo "$f" -o "$T/out.pdf"
done
for f in tests/fuzz/regress/roster/*; do
	[ -f "$f" ] || continue
	S_run publish --roster "$f" --csv "$T/out.csv"
	S_run publish --roster "$f" --year 2026 --csv "$T/out.csv"
	# The same file read whole, as approve and evaluate read it.
	S_run evaluate --roster "$f" --year 2026
done
[ $n -gt 0 ] || { echo "no regression inputs yet"; exit 77; }
