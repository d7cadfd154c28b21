# lib.sh — helpers for tests/sh/roster-*.sh and rules-*.sh (sourced).
# Needs $WSDOC, $SRCDIR and $T as tests/run.sh sets them.
export SOURCE_DATE_EPOCH=1780000000	# 2026-05-28, the day of approval
RULES=$SRCDIR/tests/rules

fail() { echo "FAIL: $*" >&2; exit 1; }

# mkapp N NAME LEADER STAFFID AREA: an application for another workshop.
mkapp() {
	sed -e "s/启航学生领导力成长工作坊/$2/" -e "s/张三/$3/g" \
	    -e "s/2015012/$4/g" \
	    -e "s|<area>领导力培养</area><area>职业发展规划</area>|<area>$5</area>|" \
	    "$RULES/app-ok.xml" > "$T/app$1.xml"
}

# mkeval N ID [sed-expr]: the evaluation form of workshop ID.
mkeval() {
	sed -e "s/HZNU-GZF-2026-01/$2/" -e "${3:-s/^//}" "$RULES/eval-ok.xml" \
	    > "$T/eval$1.xml"
}

# Roster checks: it parses and validates against forms/roster.rng.
need_xmllint() {
	command -v xmllint >/dev/null 2>&1 || { echo "xmllint not installed"; exit 77; }
}
valid_roster() {
	xmllint --noout --relaxng "$SRCDIR/forms/roster.rng" "$1" 2>/dev/null
}
# xpath FILE EXPR: the string value of an XPath expression.
xpath() {
	xmllint --xpath "string($2)" "$1" 2>/dev/null
}
# joined FILE: evaluate's table with each row's 说明 (printed under the row,
# indented) joined to the row's line, two spaces between.
joined() {
	awk '/^ / { sub(/^ +/, ""); printf "%s%s", (first ? "  " : ""), $0; first = 0; next }
	     { if (NR > 1) print ""; printf "%s", $0; first = 1 } END { print "" }' "$1"
}

# approve2026 ROSTER [DATE]: the samples/2026 applications approved (on
# DATE, default 2026-03-20); run from $SRCDIR.  Sets S and apps.
approve2026() {
	S=samples/2026
	apps=$(find $S/申报 -name '*.ini' -o -name '*.xml' | sort)
	"$WSDOC" approve --roster "$1" --date "${2:-2026-03-20}" $apps >/dev/null 2>&1 ||
		fail "approve 2026"
}
# year2026 ROSTER: the samples/2026 applications approved (2026-03-20) and
# their 2026 evaluation applied (04 on 暂缓 until 2027-06-15); run from
# $SRCDIR.  Sets S, apps and evals.
year2026() {
	approve2026 "$1"
	evals=$(find $S/评估 -name '*.ini' -o -name '*.xml' | sort)
	"$WSDOC" evaluate --roster "$1" --year 2026 --decisions $S/评估结论.xml $evals --apply \
		>/dev/null 2>"$T/err" || fail "evaluate 2026: $(cat "$T/err")"
}
# forms2027: the 2026 forms of 01 02 04 05 06 made 2027's, as $T/eNN.*.
forms2027() {
	for n in 01 02 04 05 06; do
		f=$(ls samples/2026/评估/HZNU-GZF-2026-$n.*)
		case $f in
		*.ini) sed 's/^年度 *= *2026/年度 = 2027/' "$f" > "$T/e$n.ini" ;;
		*) sed 's/year="2026"/year="2027"/' "$f" > "$T/e$n.xml" ;;
		esac
	done
}
