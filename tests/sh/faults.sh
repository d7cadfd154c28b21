# Faults while writing: the file-size limit reached (SIGXFSZ must not kill
# wsdoc), an output folder that cannot be written, SIGINT in the middle of a
# batch.  Each time: a clear error, the old file intact, no temporary file
# left, no half PDF.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=samples/2026
app=$S/申报/05-医学院-冯晓岚.ini

# 1. RLIMIT_FSIZE while writing a PDF over an older one.
mkdir -p "$T/o"
printf 'OLD PDF\n' > "$T/o/a.pdf"
( ulimit -f 8; exec "$WSDOC" render -o "$T/o/a.pdf" "$app" ) 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || fail "file-size limit on a PDF: exit $rc, want 3 ($(cat "$T/err"))"
grep -q 'F-IO-WRITE' "$T/err" || fail "no F-IO-WRITE: $(cat "$T/err")"
[ "$(cat "$T/o/a.pdf")" = "OLD PDF" ] || fail "the old PDF was touched"
[ "$(ls -A "$T/o")" = "a.pdf" ] || fail "left behind: $(ls -A "$T/o")"

# 2. RLIMIT_FSIZE while writing the roster: the old roster stays.
apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" approve --roster "$T/r/roster.xml" $(echo "$apps" | head -2) >/dev/null 2>&1 ||
	{ mkdir -p "$T/r"; "$WSDOC" approve --roster "$T/r/roster.xml" $(echo "$apps" | head -2) >/dev/null 2>&1 || fail "approve"; }
cp "$T/r/roster.xml" "$T/before.xml"
( ulimit -f 4; exec "$WSDOC" approve --roster "$T/r/roster.xml" $(echo "$apps" | tail -4) ) >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || fail "file-size limit on the roster: exit $rc ($(cat "$T/err"))"
cmp -s "$T/before.xml" "$T/r/roster.xml" || fail "the roster changed after a failed write"
ls -A "$T/r" | grep -v '^roster\.xml\(\.[123]\|\.lock\)\?$' && fail "temporary files left beside the roster"

# 3. An output folder that cannot be written (a file where a folder should be,
#    and a read-only file system).
: > "$T/plain"
"$WSDOC" render -o "$T/plain/a.pdf" "$app" 2>"$T/err"; rc=$?
[ $rc -eq 3 ] && grep -q 'F-IO-WRITE' "$T/err" || fail "unwritable folder: exit $rc ($(cat "$T/err"))"
if [ -d /proc/self ]; then
	"$WSDOC" render -o /proc/wsdoc-test.pdf "$app" 2>"$T/err"; rc=$?
	[ $rc -eq 3 ] || fail "read-only file system: exit $rc"
fi

# 4. SIGINT during a batch: what is finished is whole, nothing half-written.
mkdir -p "$T/b"
n=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	for f in $apps; do n=$((n + 1)); cp "$f" "$T/b/in$n.${f##*.}"; done
	[ -f "$S/申报/02-郑嘉禾-第一年实施计划.txt" ] && cp "$S/申报/02-郑嘉禾-第一年实施计划.txt" "$T/b/"
done
"$WSDOC" render -j 2 -o "$T/b/out" "$T"/b/in* >/dev/null 2>"$T/err" &
pid=$!
sleep 1
kill -INT $pid
wait $pid; rc=$?
[ $rc -eq 130 ] || [ $rc -eq 0 ] || fail "SIGINT: exit $rc ($(tail -3 "$T/err"))"
[ -d "$T/b/out" ] || fail "nothing rendered before SIGINT"
ls -A "$T/b/out" | grep '^\.' && fail "temporary files left after SIGINT"
for p in "$T"/b/out/*.pdf; do
	[ -f "$p" ] || continue
	qpdf --check "$p" >/dev/null 2>&1 || fail "a broken PDF after SIGINT: $p"
done
exit 0
