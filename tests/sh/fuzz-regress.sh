# What the fuzzers once found (tests/fuzz/regress/KIND/*) replayed through the
# program: a clear diagnostic and an exit status, never a crash or a hang.
n=0
for kind in ini xml; do
	for f in tests/fuzz/regress/$kind/*; do
		[ -f "$f" ] || continue
		cp "$f" "$T/in.$kind"
		timeout 5 "$WSDOC" check "$T/in.$kind" >/dev/null 2>&1; rc=$?
		[ $rc -le 3 ] || { echo "crash or hang ($rc) on $f"; exit 1; }
		n=$((n + 1))
	done
done
for f in tests/fuzz/regress/fo/*; do
	[ -f "$f" ] || continue
	timeout 5 "$WSDOC" fo "$f" -o "$T/out.pdf" >/dev/null 2>&1; rc=$?
	[ $rc -le 3 ] || { echo "crash or hang ($rc) on $f"; exit 1; }
	n=$((n + 1))
done
[ $n -gt 0 ] || { echo "no regression inputs yet"; exit 77; }
