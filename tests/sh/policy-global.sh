#!/bin/sh
# policy-global.sh — --policy FILE is a global option: every command that
# applies the rules reads the same policy.ini, so check and render agree
# with approve and evaluate (check and render had no --policy; only the
# WSDOC_POLICY variable reached them).  Here the office sets its minimum
# lengths to 错误 and one far above the sample's text: check fails wherever
# --policy stands, render refuses to make the PDF, the default passes.
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
app=$(ls samples/2026/申报/*.ini | head -1)
sed -e 's/^已有基础最少字数 = .*/已有基础最少字数 = 5000/' \
    -e 's/^各栏最少字数 = .*/各栏最少字数 = 错误/' forms/policy.ini > "$T/strict.ini"
cmp -s forms/policy.ini "$T/strict.ini" && bad setup "the policy was not changed"

"$WSDOC" check "$app" > "$T/def.out" 2>&1 || bad default "the sample fails: $(cat "$T/def.out")"
for args in "--policy $T/strict.ini check" "check --policy $T/strict.ini" "check --policy=$T/strict.ini"; do
	# shellcheck disable=SC2086
	"$WSDOC" $args "$app" > "$T/c.out" 2>&1
	rc=$?
	[ "$rc" -eq 1 ] || bad "$args" "exit $rc, not 1"
	grep -q '已有基础' "$T/c.out" || bad "$args" "no message on 已有基础: $(cat "$T/c.out")"
done
"$WSDOC" render --policy "$T/strict.ini" -o "$T/x.pdf" "$app" > "$T/r.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || bad render "exit $rc, not 1: $(cat "$T/r.out")"
[ -e "$T/x.pdf" ] && bad render "a PDF was made although check fails"
"$WSDOC" render -o "$T/y.pdf" "$app" > /dev/null 2>&1 || bad render "the default policy refuses the sample"
# A missing value is a usage error, not a silent default.
"$WSDOC" check --policy > /dev/null 2>&1
[ $? -eq 2 ] || bad usage "--policy without a file is not exit 2"
# A file after -- named --policy is a file.
"$WSDOC" check -- --policy > "$T/dd.out" 2>&1
grep -q 'policy' "$T/dd.out" || bad dashdash "-- --policy was not read as a file: $(cat "$T/dd.out")"

[ "$fails" -eq 0 ]
