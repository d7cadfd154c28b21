# A character above U+FFFF (a rare name character such as 𪨶, U+2AA36)
# cannot be drawn in the PDF (docs/design.md "Fonts").  check says so at the
# field where it is written, with file, line and column, for text and for
# attributes; render says it once, at the field, and puts 〓 in its place.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=$SRCDIR/samples/2026
sed '0,/^姓名 = 沈若溪/s//姓名 = 沈𪨶溪/' "$S/申报/01-教育学院-沈若溪.ini" > "$T/app.ini"
grep -q '沈𪨶溪' "$T/app.ini" || fail "could not put U+2AA36 into the application"
"$WSDOC" check "$T/app.ini" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || fail "check: exit $rc (a warning must not fail): $(cat "$T/err")"
line=$(grep -n '沈𪨶溪' "$T/app.ini" | cut -d: -f1)
grep -q "^$T/app.ini:$line:[0-9]*: 警告 W-TEXT-ASTRAL: 主理人姓名中的字符“𪨶”（U+2AA36）" "$T/err" ||
	fail "check: no W-TEXT-ASTRAL at line $line naming 主理人姓名: $(cat "$T/err")"
[ "$(grep -c . "$T/err")" -eq 1 ] || fail "check said more than one thing: $(cat "$T/err")"

"$WSDOC" render "$T/app.ini" -o "$T/app.pdf" 2>"$T/err" || fail "render: $(cat "$T/err")"
[ "$(grep -c 'W-TEXT-ASTRAL' "$T/err")" -eq 1 ] || fail "render: W-TEXT-ASTRAL not once: $(cat "$T/err")"
grep -q 'W-LAY-CHAR-ASTRAL' "$T/err" && fail "render warned twice of the character: $(cat "$T/err")"
pdftotext "$T/app.pdf" - 2>/dev/null | grep -q '沈〓溪' || fail "the PDF does not show 沈〓溪"

# In an attribute of an XML input: the member application's workshop.
sed 's/workshop="医心同行心理健康教育工作坊"/workshop="医心同行𪨶工作坊"/' "$S/成员/医心同行-韩静怡.xml" > "$T/m.xml"
"$WSDOC" check "$T/m.xml" 2>"$T/err"
grep -q "^$T/m.xml:3:[0-9]*: 警告 W-TEXT-ASTRAL: .*中的字符“𪨶”" "$T/err" ||
	fail "no W-TEXT-ASTRAL for the attribute at line 3: $(cat "$T/err")"
exit 0
