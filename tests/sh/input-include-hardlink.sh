#!/bin/sh
# input-include-hardlink.sh — an @file names only a file of the INI file's
# folder: a hard link there to a file elsewhere (root can link any file,
# e.g. /etc/shadow) is refused, and nothing of that file reaches the output
# (issue 15, finding 10).  A plain file beside it is still read.
set -u
fail=0
mkdir -p "$T/form" "$T/elsewhere"
echo 'SECRET-OUTSIDE-THE-FOLDER' > "$T/elsewhere/secret.txt"
ln "$T/elsewhere/secret.txt" "$T/form/plan.txt" || exit 77
printf '[申报表]\n年度 = 2026\n[建设方案]\n总体规划 = @plan.txt\n' > "$T/form/a.ini"
timeout 10 "$WSDOC" convert "$T/form/a.ini" > "$T/out" 2>&1 < /dev/null
st=$?
[ $st -eq 1 ] || { echo "FAIL: hard link include: exit $st, not 1"; fail=1; }
grep -q E-INI-INCLUDE-LINK "$T/out" || { echo "FAIL: hard link include not refused"; head -c 3000 "$T/out"; fail=1; }
grep -q SECRET-OUTSIDE "$T/out" && { echo "FAIL: the linked file reached the output"; fail=1; }
# The same text as a file of its own is read.
rm "$T/form/plan.txt"
echo 'INSIDE-THE-FOLDER' > "$T/form/plan.txt"
timeout 10 "$WSDOC" convert "$T/form/a.ini" > "$T/out" 2>&1 < /dev/null
grep -q INSIDE-THE-FOLDER "$T/out" || { echo "FAIL: a plain @file is no longer read"; head -c 3000 "$T/out"; fail=1; }
exit $fail
