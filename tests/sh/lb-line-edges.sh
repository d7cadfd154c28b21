#!/bin/sh
# lb-line-edges.sh — the Chinese line-breaking rules hold in what the engine
# really sets: in the bench form and in one punctuation-heavy paragraph set
# at every measure from 6 to 30 characters, no line (but a paragraph's
# first) starts with ，。、；：？！, a closing bracket or quote, ·, — or …; no
# line (but a paragraph's last) ends with an opening bracket or quote; ——
# and …… are never split; no word or number is split (where it fits).
set -u
export LC_ALL=C.UTF-8

para='他说：“2026年的工作——包括《辅导员工作坊建设与管理办法》（试行）规定的三项任务——必须落实。”她问：“真的吗？”……答案是肯定的！第1.5版、第2版；见http://xgb.hznu.edu.cn/gzf，共30%的人（约150名）参加‘青禾’训练营。「甲」『乙』【丙】〔丁〕〖戊〗，阿沛·阿旺晋美说……好。'
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="宋体" font-size="10pt" xml:lang="zh-CN">'
	echo '<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="15mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
	echo '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
	# The URL's longest unbreakable part is 8 em: narrower lines must break
	# inside it (rather than overflow), so it is set from 10 em on only.
	short=$(printf '%s' "$para" | sed 's|http://xgb.hznu.edu.cn/gzf|学工部网站|')
	for w in $(seq 6 30); do
		for a in start justify; do
			p=$short
			[ "$w" -ge 10 ] && p=$para
			echo "<fo:block-container width=\"${w}em\"><fo:block text-align=\"$a\" space-after=\"2mm\">$p</fo:block></fo:block-container>"
		done
	done
	echo '</fo:flow></fo:page-sequence></fo:root>'
} > "$T/edges.fo"

fails=0
check() {	# FO
	"$WSDOC" fo --areas "$1" > "$T/areas" 2> "$T/err" || { echo "FAIL: wsdoc fo --areas $1: $(head -3 "$T/err")"; fails=$((fails + 1)); return; }
	# One line of output per line area: P (first of its block) or L, then
	# the text of its runs; a block's last line is marked by a following
	# E line.
	awk '
	function flush() { if (have) print (first ? "P" : "L") "\t" text; have = 0 }
	/^ *box block / { flush(); if (nlines) print "E"; first = 1; nlines = 0; next }
	/^ *box / { next }
	/^ *line / { if (have) { flush(); first = 0 } have = 1; text = ""; nlines++; next }
	/^ *text / && have { s = $0; sub(/^.* size=[0-9.]+( [a-z]+=[-0-9.]+)* "/, "", s); sub(/"$/, "", s); text = text s; next }
	/^page / { flush(); if (nlines) print "E"; nlines = 0 }
	END { flush(); print "E" }' "$T/areas" > "$T/lines"
	n=$(grep -c '^[PL]' "$T/lines")
	[ "$n" -ge 20 ] || { echo "FAIL: $1: only $n lines"; fails=$((fails + 1)); }
	bad=$(grep '^L' "$T/lines" | cut -f2- | grep -E '^[，。、；：？！,.;:?!”’」』）》〉】〕〗〙〛］｝)·・…—⸺～％%]')
	[ -z "$bad" ] || { echo "FAIL: $1: a line starts with a mark that never starts one:"; echo "$bad" | head -5; fails=$((fails + 1)); }
	# the last line of a block is followed by E; every other must not end
	# with an opening mark
	bad=$(awk -F '\t' '$1 == "E" { prev = ""; next } { if (prev != "") print prev; prev = $2 }' "$T/lines" |
	    grep -E '[“‘「『（《〈【〔〖〘〚［｛(]$')
	[ -z "$bad" ] || { echo "FAIL: $1: a line ends with a mark that never ends one:"; echo "$bad" | head -5; fails=$((fails + 1)); }
	# words and numbers whole: a line ending in a letter or digit is never
	# followed by one starting with one (inside a block)
	bad=$(awk -F '\t' '$1 == "E" { prev = ""; next } { if (prev ~ /[A-Za-z0-9]$/ && $2 ~ /^[A-Za-z0-9]/) print prev " / " $2; prev = $2 }' "$T/lines")
	[ -z "$bad" ] || { echo "FAIL: $1: a word or number split across lines:"; echo "$bad" | head -5; fails=$((fails + 1)); }
}

check "$T/edges.fo"
check "$SRCDIR/tests/bench/form3.fo"
# The checks can fail: a line that starts with ， is caught.
printf 'P\tx\nL\t，好\nE\n' > "$T/lines.bad"
grep '^L' "$T/lines.bad" | cut -f2- | grep -qE '^[，。]' || { echo "FAIL: the start check matches nothing"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] || exit 1
echo "line edges obey the rules ($(grep -c '^[PL]' "$T/lines") lines of the form, every measure 6–30 em)"
