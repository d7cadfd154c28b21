# approve-identity.sh — issue 11, finding 5: a 工号 names one person across
# the inputs and the roster.  The same 工号 under another name, or one person
# (same name, same unit) under two 工号, is an error naming both places, and
# the application is not admitted; counts per person go by 工号.
. "$SRCDIR/tests/rules/lib.sh"
need_xmllint
cd "$SRCDIR" || exit 1
R=$T/roster.xml
apps=$(find samples/2026/申报 -name '*.ini' -o -name '*.xml' | sort)
"$WSDOC" approve --roster "$R" --date 2026-03-20 $apps >/dev/null 2>&1 || fail "approve"
cp "$R" "$T/r0"

# 周佳怡 given 王梓萌's 工号 (2022015, a member of 06 in the roster).
mkapp 7 星火朋辈互助工作坊 钱七 2011007 人际交往
sed -i 's|<name>李四</name>|<name>周佳怡</name>|; s|2018033|2022015|' "$T/app7.xml"
"$WSDOC" approve --roster "$R" "$T/app7.xml" >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "the same 工号 under another name was admitted: $(cat "$T/out")"
grep -q "app7.xml:[0-9]*:.*E-ID-NAME: 工号2022015在这里是“周佳怡”，而在名册的 HZNU-GZF-2026-06是“王梓萌”" "$T/err" ||
	fail "E-ID-NAME: $(cat "$T/err")"
cmp -s "$R" "$T/r0" || fail "the roster changed"
grep -q 'W-APP-TOO-MANY' "$T/err" && fail "周佳怡 counted with 王梓萌's workshops: $(cat "$T/err")"

# One person under two 工号 across two inputs of one run.
mkapp 8 晨曦学业支持工作坊 孙八 2012008 学业支持
mkapp 9 明德心理健康工作坊 周九 2013009 心理健康
sed -i 's|<name>李四</name>|<name>欧阳明</name>|; s|2018033|2099001|' "$T/app8.xml"
sed -i 's|<name>李四</name>|<name>欧阳明</name>|; s|2018033|2099002|' "$T/app9.xml"
"$WSDOC" approve --roster "$R" "$T/app8.xml" "$T/app9.xml" >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "one person under two 工号 was admitted"
l8=$(grep -n '<name>欧阳明' "$T/app8.xml" | cut -d: -f1)
grep -q "app9.xml:[0-9]*:.*E-ID-TWO: “欧阳明”（.*）在这里的工号是2099002，而在.*app8.xml:$l8是2099001" "$T/err" ||
	fail "E-ID-TWO: $(cat "$T/err")"
[ "$(xpath "$R" "count(//workshop[name='明德心理健康工作坊'])")" = 0 ] || fail "app9 admitted"
[ "$(xpath "$R" "count(//workshop[name='晨曦学业支持工作坊'])")" = 1 ] || fail "app8 not admitted"

# Two people of the same name in different units with their own 工号 are
# two people: no error, and neither is counted with the other.
cp "$T/r0" "$R"
sed -i 's|2099002</staff-id><unit>经济与管理学院|2099003</staff-id><unit>外国语学院|' "$T/app9.xml"
"$WSDOC" approve --roster "$R" "$T/app8.xml" "$T/app9.xml" >"$T/out" 2>"$T/err" ||
	fail "namesakes refused: $(cat "$T/err")"
exit 0
