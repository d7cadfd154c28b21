# check-render-agree.sh — `check` and `render` agree on every input: what check
# refuses (exit 1) render refuses with no PDF, whichever stage found the
# error (the INI reader's E-INI-SYNTAX and E-INI-LINE-LONG included); what
# check passes render draws (issue 12).  --draft draws a refused form anyway.
set -u
fail=0
for f in samples/invalid/*.ini samples/invalid/*.xml tests/hostile/*.ini \
    tests/hostile/*.xml samples/2026/申报/* samples/2026/成员/*; do
	[ -f "$f" ] || continue
	rm -f "$T/x.pdf"
	"$WSDOC" check "$f" > "$T/c" 2>&1; rc=$?
	"$WSDOC" render -o "$T/x.pdf" "$f" > "$T/r" 2>&1; rr=$?
	grep -q 'E-RENDER-KIND' "$T/r" && continue	# not a form
	if [ $rc -eq 0 ]; then
		if [ $rr -ne 0 ] || [ ! -s "$T/x.pdf" ]; then
			echo "$f: check passes, render exit $rr"; cat "$T/r"; fail=1
		fi
	elif [ $rc -ne $rr ] || [ -e "$T/x.pdf" ]; then
		echo "$f: check exit $rc, render exit $rr$( [ -e "$T/x.pdf" ] && echo ', PDF written')"
		cat "$T/r"; fail=1
	fi
done
# A reader error alone (the rest of the file is valid) stops render too.
f=$T/读不懂的行.ini
sed '/^\[建设目标\]/a 这一行没有等号' samples/2026/申报/01-教育学院-沈若溪.ini > "$f"
"$WSDOC" check "$f" > /dev/null 2>&1 && { echo "check passes a line it cannot read"; fail=1; }
rm -f "$T/x.pdf"
"$WSDOC" render -o "$T/x.pdf" "$f" > "$T/r" 2>&1; rr=$?
if [ $rr -ne 1 ] || [ -e "$T/x.pdf" ]; then
	echo "render of a reader error: exit $rr"; cat "$T/r"; fail=1
fi
"$WSDOC" render --draft -o "$T/x.pdf" "$f" > "$T/r" 2>&1
[ -s "$T/x.pdf" ] || { echo "--draft wrote no PDF"; cat "$T/r"; fail=1; }
exit $fail
