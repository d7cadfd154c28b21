# input-bounds.sh — inputs that must neither hang nor grow without bound
# (issue 15, findings 4 and 6): an application with 100 000 members is
# refused with E-RNG-TOO-MANY (check took 91 s for it, quadratic in the
# members, and said nothing), 5 000 members still check (a duplicate found
# once, linear); a roster that is a FIFO is refused at once, never waited
# on.  Times are make bench's business: here a generous timeout only says
# "does not hang".
. "$SRCDIR/tests/rules/lib.sh"
# members N OUT: the sample application with N members (the last two are
# one person, to see the duplicate check still work)
members() {
	awk -v n="$1" 'NR==29 { for (i = 0; i < n - 1; i++)
		printf "    <member><name>成员%d</name><staff-id>3%06d</staff-id><unit>教育学院</unit><post>专职辅导员</post><research>学生工作</research></member>\n", i, i
		printf "    <member><name>成员0</name><staff-id>3000000</staff-id><unit>教育学院</unit><post>专职辅导员</post><research>学生工作</research></member>\n"
		next }
	NR==30 { next } { print }' "$RULES/app-ok.xml" > "$2"
}
grep -q '<member><name>李四' "$RULES/app-ok.xml" || fail "app-ok.xml changed: line 29 is not a member"

members 100000 "$T/m100k.xml"
timeout 60 "$WSDOC" check "$T/m100k.xml" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] || fail "100 000 members: exit $rc: $(head -3 "$T/err")"
grep -q 'E-RNG-TOO-MANY: “members”下有100000项' "$T/err" || fail "100 000 members: $(head -3 "$T/err")"

members 5000 "$T/m5k.xml"
timeout 60 "$WSDOC" check "$T/m5k.xml" >/dev/null 2>"$T/err"; rc=$?
[ $rc -lt 2 ] || fail "5 000 members: exit $rc"
grep -q 'E-RNG-TOO-MANY' "$T/err" && fail "5 000 members refused"
[ "$(grep -c 'W-APP-MEMBER-DUP' "$T/err")" = 1 ] || fail "5 000 members: the duplicate not found once: $(grep -c W-APP-MEMBER-DUP "$T/err")"

mkfifo "$T/roster.xml"
timeout 20 "$WSDOC" publish --roster "$T/roster.xml" --csv "$T/l.csv" 2>"$T/err"; rc=$?
[ $rc = 3 ] && grep -q '管道、设备或套接字' "$T/err" || fail "a FIFO roster for publish: exit $rc: $(cat "$T/err")"
timeout 20 "$WSDOC" approve --roster "$T/roster.xml" "$RULES/app-ok.xml" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 124 ] && fail "approve waited on a FIFO roster"
grep -q '管道、设备或套接字' "$T/err" || fail "a FIFO roster for approve: exit $rc: $(cat "$T/err")"
exit 0
