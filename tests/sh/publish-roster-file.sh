# publish reads the roster as a stream (roster_list_read), and must refuse
# what the other commands' reader (input_read_xml) refuses, the same way:
# a folder is F-IO-ISDIR (exit 3) with no libxml2 English on stderr; a
# gzip-compressed roster is not XML (libxml2 would inflate it unasked: a
# few KB could stream gigabytes); a refused roster or option leaves
# nothing allocated behind (the sanitizer build's leak check); --year
# means that year.
set -u
fail() { echo "FAIL: $*"; exit 1; }
sh "$SRCDIR/tests/bench/genroster.sh" 3 > "$T/roster.xml" || fail "genroster.sh"
"$WSDOC" publish --roster "$T/roster.xml" --csv "$T/ok.csv" 2>"$T/err" ||
	{ cat "$T/err"; fail "publish of a good roster"; }

mkdir "$T/dir.xml"
"$WSDOC" publish --roster "$T/dir.xml" --date 2026-12-20 --csv "$T/d.csv" 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || { cat "$T/err"; fail "a folder as the roster: exit $rc, not 3"; }
grep -q 'F-IO-ISDIR' "$T/err" || { cat "$T/err"; fail "a folder is not F-IO-ISDIR"; }
grep -q 'I/O error' "$T/err" && fail "libxml2's own message on stderr: $(cat "$T/err")"
[ -e "$T/d.csv" ] && fail "a CSV was written"

gzip -c "$T/roster.xml" > "$T/gz.xml"
"$WSDOC" publish --roster "$T/gz.xml" --csv "$T/gz.csv" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || { cat "$T/err"; fail "a gzip roster: exit $rc, not 1"; }
grep -q 'E-ROSTER-READ' "$T/err" || { cat "$T/err"; fail "a gzip roster is not E-ROSTER-READ"; }
[ -e "$T/gz.csv" ] && fail "a gzip roster was published"

# The year asked for is the year listed, even 0000 (not "the latest").
"$WSDOC" publish --roster "$T/roster.xml" --year 0000 --empty --csv "$T/y0.csv" 2>"$T/err" ||
	{ cat "$T/err"; fail "publish --year 0000"; }
[ "$(wc -l < "$T/y0.csv")" -eq 1 ] || fail "--year 0000 lists $(($(wc -l < "$T/y0.csv") - 1)) workshops"

# Refused before or at the roster, with --year and --date given.
"$WSDOC" publish --roster "$T/none.xml" --year 2026 --date 2026-12-20 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || { cat "$T/err"; fail "a missing roster: exit $rc, not 3"; }
"$WSDOC" publish --roster "$T/roster.xml" --year 26 --date 2026-12-20 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || { cat "$T/err"; fail "--year 26: exit $rc, not 2"; }
"$WSDOC" publish --roster "$T/roster.xml" --year 2026 --date 2026-13-01 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || { cat "$T/err"; fail "--date 2026-13-01: exit $rc, not 2"; }
exit 0
