# rules-office-standards.sh — an application written to the measures and the
# form but shorter than the office's standards passes with warnings, renders
# and is admitted; 辅导方向 beyond the eleven named is a note; forms/policy.ini
# makes each office standard an error, a warning or nothing (issue 12).
set -u
fail=0
A=samples/invalid/标准-短于学工部标准.ini
"$WSDOC" check "$A" > "$T/out" 2>&1 || { echo "check refused:"; cat "$T/out"; fail=1; }
grep -q '警告 W-APP-PART-SHORT: “建设目标”只有17字，学工部建议不少于30字（policy.ini \[申报表\] 建设目标最少字数）' "$T/out" ||
	{ echo "no office warning:"; cat "$T/out"; fail=1; }
grep -q '提示 N-APP-AREA-OTHER: 辅导方向“生命教育”' "$T/out" || { echo "no note for 生命教育"; fail=1; }
grep -q '规定' "$T/out" && { echo "an office standard called a 规定"; fail=1; }
"$WSDOC" render -o "$T/a.pdf" "$A" > "$T/out" 2>&1 && [ -s "$T/a.pdf" ] ||
	{ echo "render refused:"; cat "$T/out"; fail=1; }
"$WSDOC" approve --roster "$T/r.xml" "$A" > "$T/out" 2>&1 ||
	{ echo "approve refused:"; cat "$T/out"; fail=1; }
grep -q '<area>生命教育</area>' "$T/r.xml" || { echo "生命教育 not in the roster"; fail=1; }

# 错误: the same file fails, render writes nothing; 关闭: not a word.
sed 's/^各栏最少字数 = 警告/各栏最少字数 = 错误/' forms/policy.ini > "$T/err.ini"
WSDOC_POLICY=$T/err.ini "$WSDOC" check "$A" > "$T/out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q '错误 W-APP-PART-SHORT' "$T/out" || { echo "错误: exit $rc"; cat "$T/out"; fail=1; }
rm -f "$T/b.pdf"
WSDOC_POLICY=$T/err.ini "$WSDOC" render -o "$T/b.pdf" "$A" > /dev/null 2>&1
[ -e "$T/b.pdf" ] && { echo "错误: render wrote a PDF"; fail=1; }
sed 's/^各栏最少字数 = 警告/各栏最少字数 = 关闭/' forms/policy.ini > "$T/off.ini"
WSDOC_POLICY=$T/off.ini "$WSDOC" check "$A" > "$T/out" 2>&1 || { echo "关闭: refused"; fail=1; }
grep -q 'SHORT' "$T/out" && { echo "关闭: still checked"; cat "$T/out"; fail=1; }
# Two applications of one leader: the office's standard, a warning.
sed 's/^名称 = 心桥朋辈互助工作坊/名称 = 心桥二号工作坊/' "$A" > "$T/二.ini"
"$WSDOC" check "$A" "$T/二.ini" > "$T/out" 2>&1 || { echo "two leads refused"; cat "$T/out"; fail=1; }
grep -q '警告 W-APP-LEADS-TWO.*学工部要求一人只主理一个工作坊' "$T/out" || { echo "no LEADS-TWO warning"; fail=1; }
sed 's/^一人主理一个工作坊 = 警告/一人主理一个工作坊 = 错误/' forms/policy.ini > "$T/lead.ini"
WSDOC_POLICY=$T/lead.ini "$WSDOC" check "$A" "$T/二.ini" > "$T/out" 2>&1 && { echo "LEADS-TWO 错误 passes"; fail=1; }
# A bad level is the policy's error at its line.
sed 's/^填写辅导方向 = 警告/填写辅导方向 = 严重/' forms/policy.ini > "$T/bad.ini"
WSDOC_POLICY=$T/bad.ini "$WSDOC" check "$A" > "$T/out" 2>&1
grep -q 'bad.ini:[0-9]*:1: 错误 E-POL-LEVEL: 学工部标准“填写辅导方向”的处理方式“严重”无效' "$T/out" ||
	{ echo "bad level:"; cat "$T/out"; fail=1; }
exit $fail
