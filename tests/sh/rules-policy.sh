# rules-policy.sh — forms/policy.ini changes the rules with no rebuild
# (WSDOC_POLICY or --policy), and a bad one is an error naming its line.
. "$SRCDIR/tests/rules/lib.sh"
APP="samples/invalid/规则-主理人岗位与简介.xml"

# Shipped policy: the 115-character intro is too long.
"$WSDOC" check "$APP" >"$T/out" 2>&1
grep -q 'E-APP-INTRO-LONG.*实为115字' "$T/out" || fail "shipped policy: $(cat "$T/out")"

# Allow 120 characters and part-time leaders: both errors go.
sed -e 's/^主理人简介最多字数 = 100/主理人简介最多字数 = 120/' \
    -e 's/^主理人岗位 = 专职辅导员、分管学生工作副书记/主理人岗位 = 专职辅导员、分管学生工作副书记、专任教师/' \
    "$SRCDIR/forms/policy.ini" > "$T/p.ini"
cmp -s "$T/p.ini" "$SRCDIR/forms/policy.ini" && fail "sed changed nothing"
WSDOC_POLICY=$T/p.ini "$WSDOC" check "$APP" >"$T/out" 2>&1 || fail "edited policy: $(cat "$T/out")"
[ -s "$T/out" ] && fail "edited policy: not silent: $(cat "$T/out")"
# --policy on approve takes precedence over the environment
WSDOC_POLICY=/nonexistent "$WSDOC" approve --roster "$T/r.xml" --policy "$T/p.ini" "$APP" \
	>"$T/out" 2>&1 || fail "approve --policy: $(cat "$T/out")"

# A bad value: an error at its line, and no rules are run on a guess.
n=$(grep -n '^暂缓期月数' "$SRCDIR/forms/policy.ini" | cut -d: -f1)
sed 's/^暂缓期月数 = 6/暂缓期月数 = 半年/' "$SRCDIR/forms/policy.ini" > "$T/bad.ini"
WSDOC_POLICY=$T/bad.ini "$WSDOC" check "$APP" >"$T/out" 2>&1
[ $? = 1 ] || fail "bad policy: exit status"
grep -q "^$T/bad.ini:$n:1: 错误 E-POL-VALUE: 规则参数“暂缓期月数”的值“半年”无效" "$T/out" ||
	fail "bad value: $(cat "$T/out")"
grep -q 'E-APP-' "$T/out" && fail "rules ran with a bad policy"
# An unknown parameter and a missing one.
sed 's/^每年评估次数 = 1/每年评估 = 1/' "$SRCDIR/forms/policy.ini" > "$T/bad2.ini"
WSDOC_POLICY=$T/bad2.ini "$WSDOC" check "$APP" >"$T/out" 2>&1
grep -q 'bad2.ini:[0-9]*:1: 错误 E-POL-UNKNOWN: “\[评估\] 每年评估”' "$T/out" || fail "unknown: $(cat "$T/out")"
grep -q 'E-POL-MISSING: 规则参数文件缺少“\[评估\] 每年评估次数”' "$T/out" || fail "missing: $(cat "$T/out")"
# A missing file.
WSDOC_POLICY=$T/none.ini "$WSDOC" check "$APP" >"$T/out" 2>&1
grep -q 'E-POL-OPEN' "$T/out" || fail "no file: $(cat "$T/out")"
exit 0
