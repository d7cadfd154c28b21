#!/bin/sh
# lb-optimal-fit.sh — optimal-fit breaking of justified paragraphs
# (src/layout/lay_fit.c): the golden justify-optimal.fo has no gap wider
# than a quarter em (first-fit left two lines at 0.45 and 0.37 em and one
# at 0.33); no character is lost, a keep-together.within-line name is never
# broken, and long justified paragraphs stay fast (linear work: one at the
# optimal-fit bound, one far past it, left to first-fit).
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
GOLD=$SRCDIR/tests/golden/fo/justify-optimal.fo

"$WSDOC" fo --areas "$GOLD" > "$T/gold.areas" 2> "$T/gold.err" || bad golden "exit $?: $(head -2 "$T/gold.err")"
stats=$(sh "$SRCDIR/tests/line-gaps.sh" -t 0.25 "$T/gold.areas")
echo "$stats"
case $stats in *" over_0.25_em=0 "*) ;; *) bad golden "a justified line has a gap over 0.25 em" ;; esac
max=$(printf '%s\n' "$stats" | sed 's/.*max_em=\([0-9.]*\).*/\1/')
awk -v m="$max" 'BEGIN { exit !(m > 0 && m <= 0.25) }' || bad golden "widest gap $max em"
# every character of both blocks, in order
want=$(sed -n 's/^<fo:block[^>]*>\(.*\)<\/fo:block>$/\1/p' "$GOLD" | tr -d '\n ')
got=$(sed -n 's/^ *text .* "\(.*\)"$/\1/p' "$T/gold.areas" | tr -d '\n ')
[ "$got" = "$want" ] || bad golden "text changed: $got"

FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
MASTER='<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
doc() {
	{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<fo:root %s>%s<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" font-family="宋体"><fo:block text-align="justify">' "$FO" "$MASTER"
	  cat
	  printf '</fo:block></fo:flow></fo:page-sequence></fo:root>\n'; } > "$T/$1.fo"
}
# check NAME UNIT COUNT — the paragraph (COUNT times UNIT) is laid out in
# time, and UNIT comes out COUNT times whole.
check() {
	name=$1 unit=$2 count=$3
	start=$(date +%s%N)
	timeout 20 "$WSDOC" fo --areas "$T/$name.fo" > "$T/$name.areas" 2> "$T/$name.err"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	[ "$rc" -le 1 ] || { bad "$name" "exit $rc: $(head -2 "$T/$name.err")"; return; }
	echo "$name: $ms ms"
	[ "$ms" -lt "${WSDOC_MS_LIMIT:-1000}" ] || bad "$name" "took $ms ms"
	got=$(sed -n 's/^ *text .* "\(.*\)"$/\1/p' "$T/$name.areas" | tr -d '\n ' |
	    awk -v u="$unit" '{ print gsub(u, "") }')
	[ "$got" = "$count" ] || bad "$name" "$unit $got times, want $count"
}
# A name kept on one line, among Latin words and CJK text, 400 times
# (about 19 000 characters, within the optimal-fit bound).
unit='成员来自<fo:inline keep-together.within-line="always">经济与管理学院</fo:inline>和 School of Economics ，'
for i in $(seq 400); do printf '%s' "$unit"; done | doc keep
check keep '经济与管理学院' 400
# the name never broken: with its whole copies taken out of each line,
# none of its characters (found nowhere else in the text) is left
awk '/^    line /{ if (l != "") print l; l = ""; next }
    / text /{ sub(/^[^"]*"/, ""); sub(/"$/, ""); l = l $0 } END { print l }' "$T/keep.areas" |
    sed 's/经济与管理学院//g' | grep '[经济与管理学院]' > "$T/broken"
[ -s "$T/broken" ] && bad keep "a name broken: $(head -1 "$T/broken")"
# 1 MB of justified text: past the optimal-fit bound, first-fit, linear.
yes '工作坊每两周活动一次，成员带来各自学院的案例（case studies）。' | head -n 12000 | tr -d '\n' | doc huge
check huge '工作坊每两周活动一次' 12000
[ "$fails" -eq 0 ]
