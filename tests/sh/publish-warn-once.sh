# A long list is laid out a slice at a time and the rows of a slice's last
# page are laid out again with the next slice: a warning about the list's
# text (a character no PDF font can draw) is still shown once, and names
# the roster it came from (issue 6).
set -u
fail() { echo "FAIL: $*"; exit 1; }
sh "$SRCDIR/tests/bench/genroster.sh" 200 | sed 's/<name>王/<name>𪨶/g' > "$T/roster.xml" || fail "genroster.sh"
n=$(grep -c '𪨶' "$T/roster.xml")
[ "$n" -ge 2 ] || fail "the roster has $n names with U+2AA36; the test needs several"
"$WSDOC" publish --roster "$T/roster.xml" --date 2026-11-23 -o "$T/list.pdf" 2>"$T/err" ||
	{ cat "$T/err"; fail "publish"; }
c=$(grep -c 'W-LAY-CHAR-ASTRAL' "$T/err")
[ "$c" -eq 1 ] || { cat "$T/err"; fail "$c W-LAY-CHAR-ASTRAL messages, want 1"; }
grep -q "^$T/roster.xml: 警告 W-LAY-CHAR-ASTRAL: 字符“𪨶”" "$T/err" ||
	fail "the warning does not name the roster: $(cat "$T/err")"
[ -s "$T/list.pdf" ] || fail "no PDF"
exit 0
