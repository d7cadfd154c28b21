# schema-datadir.sh — a missing or broken schema is a system error (exit 3)
# that names the file, never a crash and never "valid".
set -u
fail=0
mkdir -p "$T/data/forms"
cp -r "$SRCDIR"/forms/* "$T/data/forms/"
rm "$T/data/forms/evaluation.rng"
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>' \
    > "$T/data/forms/decisions.rng"
for f in samples/2026/评估/HZNU-GZF-2026-01.ini samples/2026/评估结论.xml; do
	WSDOC_DATADIR=$T/data "$WSDOC" check "$SRCDIR/$f" > "$T/out" 2>&1; rc=$?
	if [ $rc -ne 3 ] || ! grep -q 'F-SYS-SCHEMA.*forms/[a-z]*\.rng' "$T/out"; then
		echo "$f: exit $rc"; cat "$T/out"; fail=1
	fi
done
# The other kinds still work from the same data directory.
WSDOC_DATADIR=$T/data "$WSDOC" check "$SRCDIR/samples/2026/申报/04-理学院-陈䶮.xml" \
    > "$T/out" 2>&1 || { echo "application:"; cat "$T/out"; fail=1; }
exit $fail
