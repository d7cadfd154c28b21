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
