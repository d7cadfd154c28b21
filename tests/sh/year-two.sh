# year-two.sh — issue 11: two years of the office's work through wsdoc, every
# workshop's state checked after each step, the 2026 report made again at
# the end byte-identical to the one made at 2026's apply (tests/scenario.sh,
# which make demo runs too).
command -v xmllint >/dev/null || { echo "xmllint missing"; exit 77; }
cd "$SRCDIR" || exit 1
sh tests/scenario.sh "$WSDOC" "$T/两年" > "$T/log" 2>&1 || { cat "$T/log"; exit 1; }
exit 0
