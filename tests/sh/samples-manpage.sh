#!/bin/sh
# samples-manpage.sh — docs/wsdoc.1 formats without a warning (groff -ww,
# and mandoc -Tlint when installed), documents every command of the
# program, and every option that a finished command's -h lists.
command -v groff >/dev/null || { echo "groff missing (apt-get install groff-base)"; exit 77; }
export LC_ALL=C.UTF-8
cd "$SRCDIR" || exit 1
man=docs/wsdoc.1 fail=0
bad() { echo "wsdoc.1: $*"; fail=1; }

groff -k -man -Tutf8 -ww "$man" > "$T/out" 2> "$T/err" || bad "groff failed"
[ -s "$T/err" ] && { cat "$T/err"; bad "groff warnings"; }
grep -q '检查辅导员工作坊' "$T/out" || bad "rendered text lacks the NAME line"
# groff 1.22.4 with zh.tmac loops for ever on a run it cannot break that is
# wider than the line (seen at 72 columns): every terminal width must finish
# (below about 30 columns nested indents leave room for no hanzi pair).
for w in 40 50 60 70 72 80 100 160; do
	timeout 10 groff -k -man -Tutf8 -rLL=${w}n "$man" > /dev/null 2>&1 ||
		bad "groff at ${w} columns did not finish (exit $?)"
done
if command -v mandoc >/dev/null; then
	mandoc -Tlint -W warning "$man" || bad "mandoc -Tlint warnings"
fi
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
	grep -q "^\.SH \"*$sec\"*\$" "$man" || bad "no section $sec"
done

# The man source with its escapes undone, to look for names in.
sed -e 's/\\-/-/g' -e 's/\\c$//' "$man" > "$T/src"
cmds=$(sed -n 's/^[[:space:]]*X(\([a-z]*\),.*/\1/p' src/cli/cli.h)
[ -n "$cmds" ] || bad "no commands found in src/cli/cli.h"
# Each command's entry in COMMANDS: from its .TP tag to the next command's.
awk -v dir="$T" -v cmds=" $(echo $cmds) " '
	/^\.SH/ { in_cmds = ($0 ~ /^\.SH COMMANDS/); cur = ""; next }
	in_cmds && prev == ".TP" && $1 ~ /^\.BI?$/ && index(cmds, " " $2 " ") { cur = $2 }
	in_cmds && cur != "" { print > (dir "/cmd-" cur) }
	{ prev = $0 }' "$T/src"
for c in $cmds; do
	[ -s "$T/cmd-$c" ] || { bad "command $c has no entry under COMMANDS"; continue; }
	sed -n "/^\.SH SYNOPSIS/,/^\.SH DESC/p" "$T/src" | grep -q "^\.B wsdoc $c\b" || bad "command $c not in SYNOPSIS"
	# Options of the finished commands (a pending one exits 2 on -h),
	# looked for in that command's own entry.
	"$WSDOC" "$c" -h > "$T/help" 2>&1 || continue
	for o in $(grep -o -- '--*[a-z][a-z-]*' "$T/help" | sort -u); do
		case $o in -h|--help) continue ;; esac
		grep -q -- "$o\b" "$T/cmd-$c" || bad "option $o of '$c' (wsdoc $c -h) not in its entry"
	done
done
for v in WSDOC_DATADIR SOURCE_DATE_EPOCH; do
	grep -q "$v" "$T/src" || bad "environment $v not documented"
done
for s in 0 1 2 3; do
	grep -A1 '^\.TP' "$T/src" | grep -q "^\.B $s\$" || bad "exit status $s not documented"
done
exit $fail
