# evaluate-followup.sh — issue 11, finding 1: the 暂缓 follow-up is its own
# act (evaluate --follow-up) that changes only the workshops it decides; a
# year's evaluation is refused for a year not yet held; a revocation is
# written only where the office's decisions confirm it.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
cd "$SRCDIR" || exit 1
R=$T/roster.xml
year2026 "$R"
state() { xpath "$R" "//workshop[@id='HZNU-GZF-2026-$1']/status/@state"; }
[ "$(state 04)" = 暂缓 ] || fail "04 not on probation"
cp "$R" "$T/after2026"

# Each workshop's 2027 form.
forms2027
# The follow-up written the obvious way, as a 2027 evaluation in June: the
# year 2027 has not been held; nothing is written.
cat > "$T/d04.xml" <<'X'
<decisions year="2027" date="2027-06-20"><decision workshop="HZNU-GZF-2026-04" grade="通过"/></decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d04.xml" "$T/e04.xml" \
	--apply >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "a 2027 evaluation in June was accepted: $(cat "$T/out")"
grep -q 'E-EVAL-NOT-HELD.*2027' "$T/err" || fail "no E-EVAL-NOT-HELD: $(cat "$T/err")"
grep -q -- '--follow-up' "$T/err" || fail "the message does not point to --follow-up: $(cat "$T/err")"
cmp -s "$R" "$T/after2026" || fail "the roster changed"

# The follow-up as its own act: 04 goes on, nothing else changes.
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/d04.xml" --apply >"$T/out" 2>"$T/err" ||
	fail "follow-up: $(cat "$T/err")"
grep -q '^HZNU-GZF-2026-04 .*通过 *在建' "$T/out" || fail "follow-up row: $(cat "$T/out")"
for n in 01 02 03 05 06; do
	grep -q "HZNU-GZF-2026-$n" "$T/out" && fail "the follow-up printed $n"
	[ "$(xpath "$R" "count(//workshop[@id='HZNU-GZF-2026-$n']/history/*)")" = \
	  "$(xpath "$T/after2026" "count(//workshop[@id='HZNU-GZF-2026-$n']/history/*)")" ] ||
		fail "the follow-up changed $n's history"
done
[ "$(state 01)$(state 02)$(state 03)$(state 04)$(state 05)$(state 06)" = 在建在建在建在建在建在建 ] ||
	fail "states after the follow-up: $(state 01) $(state 02) $(state 03) $(state 04) $(state 05) $(state 06)"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-04']/history/followup/@date")" = 2027-06-20 ] ||
	fail "the follow-up is not in 04's history"
valid_roster "$R" || fail "roster invalid after the follow-up"

# A follow-up before the half-year ends, or for a workshop not on 暂缓: refused.
cp "$T/after2026" "$R"
sed 's/2027-06-20/2027-05-01/' "$T/d04.xml" > "$T/early.xml"
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/early.xml" --apply >/dev/null 2>"$T/err"
[ $? = 1 ] || fail "an early follow-up was accepted"
grep -q 'early.xml:1:.*E-FOLLOWUP-EARLY.*HZNU-GZF-2026-04.*2027-06-15' "$T/err" || fail "early: $(cat "$T/err")"
sed 's/2026-04/2026-01/' "$T/d04.xml" > "$T/not.xml"
"$WSDOC" evaluate --follow-up --roster "$R" --decisions "$T/not.xml" --apply >/dev/null 2>"$T/err"
[ $? = 1 ] || fail "a follow-up of a workshop in 在建 was accepted"
grep -q 'not.xml:1:.*E-FOLLOWUP-STATE.*HZNU-GZF-2026-01' "$T/err" || fail "not on probation: $(cat "$T/err")"
cmp -s "$R" "$T/after2026" || fail "a refused follow-up changed the roster"

# The 2027 evaluation itself: 03 sends nothing and the office does not say
# 撤销: the revocation is proposed, --apply refuses and writes nothing.
cat > "$T/d27.xml" <<'X'
<decisions year="2027" date="2027-12-15">
  <decision workshop="HZNU-GZF-2026-01" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-02" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-04" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-05" grade="通过"/>
  <decision workshop="HZNU-GZF-2026-06" grade="通过"/>
  <approved-change workshop="HZNU-GZF-2026-02" field="name" date="2026-09-08">职引未来生涯发展与能力提升工作坊</approved-change>
</decisions>
X
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" $T/e0* >"$T/out" 2>"$T/err"
[ $? = 0 ] || fail "preview: $(cat "$T/err")"
joined "$T/out" | grep -q '^HZNU-GZF-2026-03 .*拟撤销 *在建.*无故不参加评估（第六条第1项）' || fail "03 proposed: $(cat "$T/out")"
grep -q 'W-DEC-REVOKE-PROPOSED.*HZNU-GZF-2026-03' "$T/err" || fail "no warning: $(cat "$T/err")"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27.xml" $T/e0* --apply >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "an unconfirmed revocation was applied"
grep -q 'd27.xml:1:.*E-DEC-REVOKE-UNCONFIRMED.*HZNU-GZF-2026-03.*第六条第1项' "$T/err" || fail "unconfirmed: $(cat "$T/err")"
cmp -s "$R" "$T/after2026" || fail "the refused --apply changed the roster"
# confirmed by the office: written.
sed 's|</decisions>|<decision workshop="HZNU-GZF-2026-03" grade="撤销"/></decisions>|' "$T/d27.xml" > "$T/d27c.xml"
"$WSDOC" evaluate --roster "$R" --year 2027 --decisions "$T/d27c.xml" $T/e0* --apply >"$T/out" 2>"$T/err" ||
	fail "confirmed: $(cat "$T/err")"
[ "$(state 03)" = 已撤销 ] || fail "03 not revoked"
[ "$(xpath "$R" "//workshop[@id='HZNU-GZF-2026-03']/status/@cause")" = 1 ] || fail "03's cause"
exit 0
