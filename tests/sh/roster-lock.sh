# roster-lock.sh — a second wsdoc on the same roster waits for the lock,
# then fails clearly, leaving the roster as it was.
. "$SRCDIR/tests/rules/lib.sh"
command -v flock >/dev/null 2>&1 || { echo "flock(1) not installed"; exit 77; }
R=$T/roster.xml

"$WSDOC" approve --roster "$R" "$RULES/app-ok.xml" >/dev/null 2>&1 || fail "approve"
cp "$R" "$T/v1"
mkapp 2 心语心理健康工作坊 钱七 2011007 心理健康

# Someone holds the lock for 3 s; we wait 1 s and give up.
flock "$R.lock" sleep 3 &
holder=$!
sleep 0.3
start=$(date +%s%N)
WSDOC_LOCK_WAIT=1 "$WSDOC" approve --roster "$R" "$T/app2.xml" >"$T/out" 2>"$T/err"
rc=$? end=$(date +%s%N)
[ $rc = 1 ] || fail "locked roster: exit $rc"
grep -q "E-ROSTER-LOCKED: 名册 $R 正被另一个 wsdoc 使用，等待1秒后仍未释放" "$T/err" ||
	fail "message: $(cat "$T/err")"
ms=$(( (end - start) / 1000000 ))
[ $ms -ge 900 ] && [ $ms -lt 2500 ] || fail "waited $ms ms, not about 1 s"
cmp -s "$R" "$T/v1" || fail "roster changed while locked"
WSDOC_LOCK_WAIT=0.5 "$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$RULES/decisions-ok.xml" \
	--apply >/dev/null 2>"$T/err"
grep -q 'E-ROSTER-LOCKED' "$T/err" || fail "evaluate --apply ignored the lock"
# Reading without --apply needs no lock.
"$WSDOC" evaluate --roster "$R" --year 2026 >/dev/null 2>"$T/err"
grep -q 'E-ROSTER-LOCKED' "$T/err" && fail "a preview waited for the lock"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

# A holder that lets go within the wait: the second run goes ahead.
flock "$R.lock" sleep 0.6 &
holder=$!
sleep 0.2
WSDOC_LOCK_WAIT=3 "$WSDOC" approve --roster "$R" "$T/app2.xml" >"$T/out" 2>"$T/err" ||
	fail "did not wait for the lock: $(cat "$T/err")"
wait "$holder"
grep -q 'HZNU-GZF-2026-02' "$T/out" || fail "not admitted after waiting"
exit 0
