# docs-errors.sh — docs/errors.md names every error code of the catalogue with
# the text that justifies it, and its clause is the catalogue's; the office's
# own standards speak as the office (学工部要求/建议), never as a 规定
# (issue 12).
set -u
fail=0
D=src/diag/diag.def
for c in $(grep -o '"E-[A-Z0-9-]*", DL_ERROR' $D | cut -d'"' -f2); do
	row=$(grep "^| $c |" docs/errors.md)
	if [ -z "$row" ]; then
		echo "docs/errors.md: no row for $c"; fail=1; continue
	fi
	cl=$(grep -A0 "\"$c\", DL_ERROR" $D | sed 's/.*DL_ERROR, "\([^"]*\)".*/\1/')
	case $cl in
	"") ;;
	学工部标准) echo "$row" | grep -q '| 学工部标准 |' || { echo "$c: not classified as the office's"; fail=1; } ;;
	*) echo "$row" | grep -q "| $cl |" || { echo "$c: clause $cl not in its row: $row"; fail=1; } ;;
	esac
done
# Every office standard's message: 学工部, no 规定, and its policy.ini key.
grep -A1 'DL_[A-Z]*, "学工部标准"' $D | grep '^  "' > "$T/office"
[ -s "$T/office" ] || { echo "no office standards in the catalogue"; fail=1; }
while read -r m; do
	case $m in *规定*) echo "office standard worded as a 规定: $m"; fail=1;; esac
	case $m in *学工部*) ;; *) echo "office standard not the office's: $m"; fail=1;; esac
done < "$T/office"
# The warnings (the levels policy.ini sets) name their key.
grep -A1 '"W-[A-Z0-9-]*", DL_WARNING, "学工部标准"' $D | grep '^  "' > "$T/warn"
[ -s "$T/warn" ] || { echo "no office warnings"; fail=1; }
while read -r m; do
	case $m in *policy.ini*) ;; *) echo "office standard without its key: $m"; fail=1;; esac
done < "$T/warn"
exit $fail
