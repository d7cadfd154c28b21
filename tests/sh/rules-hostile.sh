# rules-hostile.sh — the rules stay fast on a hostile application: five
# thousand members (all the same person, or all different) and three
# thousand guidance areas, alone and together.
. "$SRCDIR/tests/rules/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed"; exit 77; }
python3 - "$RULES/app-ok.xml" "$T" <<'P'
import re, sys
x = open(sys.argv[1]).read()
def members(same):
    return ''.join('<member><name>成员%d</name><staff-id>%d</staff-id><unit>单位%d</unit>'
                   '<post>专职辅导员</post><research>研究</research></member>'
                   % ((0, 1, 0) if same else (i, 100000 + i, i)) for i in range(5000))
for name, same in (('same', True), ('many', False)):
    y = re.sub(r'<members>.*</members>', '<members>' + members(same) + '</members>', x, flags=re.S)
    y = y.replace('<area>职业发展规划</area>', '<area>领导力培养</area>' * 3000)
    open(sys.argv[2] + '/' + name + '.xml', 'w').write(y)
P
start=$(date +%s%N)
timeout 10 "$WSDOC" check "$T/same.xml" "$T/many.xml" >"$T/out" 2>&1
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ $rc = 0 ] || fail "exit $rc"
grep -q 'W-APP-MEMBER-DUP' "$T/out" || fail "no duplicate member found"
grep -q 'W-APP-AREA-DUP' "$T/out" || fail "no duplicate area found"
echo "two hostile applications checked in $ms ms"
[ $ms -lt $(( ${WSDOC_MS_LIMIT:-1000} * 3 )) ] || fail "too slow: $ms ms"
exit 0
