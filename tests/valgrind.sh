#!/bin/sh
# valgrind.sh BUILD — a leak check over a few end-to-end runs of the
# ordinary build: every command that reads, renders or writes.  A definite
# leak or a memory error fails the run.  Prints "valgrind: N passed, N failed".
BUILD=${1:-build}
W=$BUILD/wsdoc
T=$(mktemp -d "${TMPDIR:-/tmp}/wsdoc-vg.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600} LC_ALL=C.UTF-8
if ! command -v valgrind >/dev/null; then
	echo "valgrind: not installed (make deps installs it)"; exit 1
fi
S=samples/2026
pass=0 fail=0
vg() {	# name, then the command's arguments
	name=$1; shift
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --error-exitcode=99 \
		--suppressions=tests/valgrind.supp "$W" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -eq 99 ] || grep -q '^==[0-9]*== ' "$T/err"; then
		fail=$((fail + 1)); echo "FAIL: valgrind $name"; grep '^==' "$T/err" | head -30
	else
		pass=$((pass + 1))
	fi
}
apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
vg check check $apps $S/评估结论.xml
vg convert convert $S/申报/01-教育学院-沈若溪.ini -o "$T/a.xml"
vg render render -o "$T/r" $S/申报/04-理学院-陈䶮.xml $S/评估/HZNU-GZF-2026-01.ini
vg render-draft render --draft -o "$T/d.pdf" samples/invalid/结构-空白评估表.ini
vg fo fo tests/bench/form3.fo -o "$T/f.pdf"
vg approve approve --roster "$T/roster.xml" $apps
vg publish publish --roster "$T/roster.xml" -o "$T/l.pdf" --html "$T/l.html" --csv "$T/l.csv"
vg evaluate evaluate --roster "$T/roster.xml" --year 2026 --decisions $S/评估结论.xml \
	$(find $S/评估 -type f | sort) -o "$T/rep.pdf" --apply
vg template template application
vg fonts fonts
echo "$pass $fail 0" >> "$BUILD/.counts"
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
