#!/bin/sh
# fo-corpus.sh — every document of the public FO corpus (Apache FOP's own
# layout-engine test cases, ../shared/fo-corpus beside the project, or
# $FO_CORPUS) through `wsdoc fo`, each run from its own folder as its
# relative image paths need: no crash, no hang, no sanitizer report, a PDF
# for every document, and every PDF passes qpdf --check and pdftotext
# without a warning.  Prints how many documents give each diagnostic code,
# and fails if more documents than tests/fo-corpus/limits allows give
# W-FO-ELEMENT (an FO element wsdoc does not lay out): lower the number
# there when a change lays out more.
#
# Under the sanitizers (SANITIZE=1, ~10x slower) every third document is
# run; the plain pass runs them all.  Two at a time.
set -u
CORPUS=${FO_CORPUS:-$SRCDIR/../shared/fo-corpus}
[ -d "$CORPUS/cases" ] || { echo "no FO corpus at $CORPUS (CI has shared/ beside the clone)"; exit 77; }
for t in qpdf pdftotext xargs; do
	command -v $t >/dev/null || { echo "$t not installed (make deps)"; exit 77; }
done
LIMITS=$SRCDIR/tests/fo-corpus/limits
[ -f "$LIMITS" ] || { echo "missing $LIMITS"; exit 1; }
mkdir -p "$T/out"

# one NAME — lay out cases/NAME.fo; prints "NAME verdict [codes…]".
cat > "$T/one.sh" <<'SH'
name=$1
out=$T/out/$name
cd "$CORPUS/cases" || exit 1
timeout 20 "$WSDOC" fo "$name.fo" -o "$out.pdf" 2> "$out.err"
rc=$?
codes=$(grep -o ' [NWEF]-[A-Z0-9-]*:' "$out.err" | tr -d ' :' | sort -u | tr '\n' ' ')
if grep -q 'Sanitizer\|runtime error:' "$out.err"; then v=sanitizer
elif [ "$rc" -eq 124 ]; then v=hang
elif [ "$rc" -ge 128 ] || [ "$rc" -gt 3 ]; then v=crash
elif ! head -c 5 "$out.pdf" 2>/dev/null | grep -q '%PDF-'; then v=nopdf
elif ! qpdf --check "$out.pdf" > "$out.qpdf" 2>&1; then v=qpdf
elif ! pdftotext "$out.pdf" "$out.txt" 2> "$out.poppler" || [ -s "$out.poppler" ]; then v=pdftotext
else v=ok; rm -f "$out.pdf" "$out.txt" "$out.qpdf" "$out.poppler"
fi
echo "$name $v $codes"
SH
export CORPUS WSDOC T
step=1
[ -n "${SANITIZE:-}" ] && step=3
ls "$CORPUS/cases" | sed -n 's/\.fo$//p' | awk -v s=$step 'NR % s == 1 || s == 1' |
	xargs -P 2 -n 1 sh "$T/one.sh" > "$T/results"

n=$(wc -l < "$T/results")
fails=0
for v in crash hang sanitizer nopdf qpdf pdftotext; do
	k=$(awk -v v=$v '$2 == v' "$T/results" | wc -l)
	[ "$k" -eq 0 ] && continue
	fails=$((fails + k))
	echo "$k documents: $v"
	awk -v v=$v '$2 == v { print "  " $1 }' "$T/results" | head -20
	awk -v v=$v '$2 == v { print $1 }' "$T/results" | head -3 | while read -r d; do
		echo "  --- $d:"; head -5 "$T/out/$d.err" "$T/out/$d.qpdf" "$T/out/$d.poppler" 2>/dev/null | sed 's/^/    /'
	done
done
echo "$n documents, $((n - fails)) good; documents giving each code:"
awk '{ for (i = 3; i <= NF; i++) c[$i]++ } END { for (k in c) printf "  %5d %s\n", c[k], k }' "$T/results" | sort -k2
el=$(awk '/W-FO-ELEMENT/' "$T/results" | wc -l)
max=$(sed -n 's/^W-FO-ELEMENT[[:space:]]\{1,\}//p' "$LIMITS")
if [ -z "${SANITIZE:-}" ] && [ "$el" -gt "${max:-0}" ]; then
	echo "$el documents give W-FO-ELEMENT, more than the $max of $LIMITS"
	fails=$((fails + 1))
fi
[ "$fails" -eq 0 ]
