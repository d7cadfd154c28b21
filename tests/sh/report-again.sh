# report-again.sh — issue 11, findings 2 and 4: the year's report made again
# from the roster alone (wsdoc report) is byte-identical to the one made at
# evaluate --apply; re-running evaluate after --apply is refused instead of
# writing another, wrong report; the report names workshops as registered
# (an approved rename shown as such, a refused one nowhere), says each
# cause of a revocation once in one bracket style, and keeps dates whole.
. "$SRCDIR/tests/rules/lib.sh"
command -v pdftotext >/dev/null || { echo "pdftotext missing"; exit 77; }
cd "$SRCDIR" || exit 1
R=$T/roster.xml
approve2026 "$R"
# 03 renames itself without approval and is revoked for it; 06 sends nothing
# and is revoked for that.
mkdir "$T/e"
for f in $S/评估/*; do case $f in *06*) ;; *) cp "$f" "$T/e/";; esac; done
sed -i 's/^名称 = 文心雅韵文体素养工作坊/名称 = 文心雅韵美育工作坊/' "$T/e/HZNU-GZF-2026-03.ini"
sed 's/"HZNU-GZF-2026-03" grade="通过"/"HZNU-GZF-2026-03" grade="撤销"/; s/"HZNU-GZF-2026-06" grade="通过"/"HZNU-GZF-2026-06" grade="撤销"/' \
	$S/评估结论.xml > "$T/dec.xml"
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" $T/e/* --apply -o "$T/a.pdf" \
	>"$T/out" 2>"$T/err" || fail "apply: $(cat "$T/err")"
[ -s "$T/a.pdf" ] || fail "no report at --apply"

# Made again from the roster: the same bytes, and the same as its FO.
"$WSDOC" report --roster "$R" --year 2026 -o "$T/b.pdf" 2>"$T/err" || fail "report: $(cat "$T/err")"
cmp -s "$T/a.pdf" "$T/b.pdf" || fail "the report made again differs"
# The roster moved elsewhere gives the same report.
cp "$R" "$T/copy.xml"
"$WSDOC" report --roster "$T/copy.xml" --year 2026 -o "$T/c.pdf" 2>/dev/null && cmp -s "$T/a.pdf" "$T/c.pdf" ||
	fail "the report depends on the roster's path"
"$WSDOC" report --roster "$R" --year 2025 -o "$T/none.pdf" 2>"$T/err"
[ $? = 1 ] && grep -q 'E-REPORT-NONE' "$T/err" && [ ! -e "$T/none.pdf" ] || fail "a year with no outcome: $(cat "$T/err")"

# The same evaluate again: refused, pointing to report; no other report.
"$WSDOC" evaluate --roster "$R" --year 2026 --decisions "$T/dec.xml" $T/e/* -o "$T/again.pdf" \
	>"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "evaluating 2026 again exited $?"
grep -q 'E-ROSTER-DONE.*wsdoc report' "$T/err" || fail "no pointer to report: $(cat "$T/err")"
[ -e "$T/again.pdf" ] && fail "a second, different report was written"

# What the report says.
pdftotext -raw "$T/a.pdf" - | tr -d ' \n' > "$T/text"
grep -q '职引未来生涯发展与能力提升工作坊' "$T/text" || fail "the registered (renamed) name is missing"
grep -q '经批准更名（原名“职引未来生涯发展工作坊”，2026年9月8日）' "$T/text" || fail "the approved rename is not shown"
grep -q '文心雅韵美育工作坊' "$T/text" && ! grep -q '由“文心雅韵文体素养工作坊”改为“文心雅韵美育工作坊”' "$T/text" &&
	fail "the refused name is used as the workshop's"
sed -n 's/.*五、年度建设成果//p' "$T/text" | grep -q '文心雅韵美育工作坊' && fail "achievements under the refused name"
grep -q '〔' "$T/text" && fail "two bracket styles in the report"
rev=$(sed -n 's/.*三、撤销的工作坊\(.*\)四、暂缓通过.*/\1/p' "$T/text")
[ "$(printf '%s' "$rev" | grep -o '无故不参加评估' | wc -l)" = 1 ] || fail "cause 1 not said once: $rev"
[ "$(printf '%s' "$rev" | grep -o '第六条第2项' | wc -l)" = 1 ] || fail "cause 2 not said once: $rev"
# dates are kept within a line: as many whole dates line by line as in the
# text joined
pdftotext -raw "$T/a.pdf" - | tr -d ' ' > "$T/lines"
n1=$(grep -o '20[0-9][0-9]年[0-9]*月[0-9]*日' "$T/lines" | wc -l)
n2=$(tr -d '\n' < "$T/lines" | grep -o '20[0-9][0-9]年[0-9]*月[0-9]*日' | wc -l)
[ "$n1" = "$n2" ] && [ "$n1" -gt 10 ] || fail "a date split across lines ($n1 whole of $n2)"
# dates and short phrases are kept within a line
"$WSDOC" report --roster "$R" --year 2026 --fo -o "$T/r.fo" || fail "report --fo"
grep -q 'keep-together.within-line="always">2026年12月15日<' "$T/r.fo" || fail "the date may be split"
grep -q 'keep-together.within-line="always">（第六条第1项）<' "$T/r.fo" || fail "a clause may be split"
exit 0
