#!/bin/sh
# fo-hostile.sh — layout limits: a cell wider than the page, a word longer
# than the line, a missing and a fake image, absurd lengths, deep nesting,
# an empty flow, a row that cannot fit a page.  Each gives the layout's
# warning (W-LAY-…) and a PDF, fast; never a crash, a hang or lost text.
set -u
fails=0
bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
MASTER='<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
doc() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<fo:root %s>%s<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" font-family="宋体">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "$MASTER" "$2" > "$T/$1.fo"
}
# check NAME CODE TEXT — a PDF, the warning CODE (or - for none), TEXT in
# the area dump, all within a second each.
check() {
	name=$1 code=$2 text=$3
	start=$(date +%s%N)
	timeout 10 "$WSDOC" fo "$T/$name.fo" -o "$T/$name.pdf" 2> "$T/$name.err"
	rc=$?
	timeout 10 "$WSDOC" fo --areas "$T/$name.fo" > "$T/$name.areas" 2>/dev/null
	rc2=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	[ "$rc" -le 1 ] && [ "$rc2" -le 1 ] || { bad "$name" "exit $rc/$rc2: $(head -2 "$T/$name.err")"; return; }
	[ "$ms" -lt $(( ${WSDOC_MS_LIMIT:-1000} * 2 )) ] || bad "$name" "took $ms ms for two runs"
	head -c 5 "$T/$name.pdf" 2>/dev/null | grep -q '%PDF-' || bad "$name" "no PDF"
	if [ "$code" != - ]; then
		grep -qE " $code:" "$T/$name.err" || bad "$name" "no $code: $(head -2 "$T/$name.err")"
		grep -q "^$T/$name.fo:[0-9]" "$T/$name.err" || bad "$name" "warning without the FO line"
	fi
	if [ -n "$text" ]; then
		# every character of TEXT, in order, in the glyph runs
		got=$(sed -n 's/^ *text .* "\(.*\)"$/\1/p' "$T/$name.areas" | tr -d '\n ')
		case $got in *"$text"*) ;; *) bad "$name" "text lost: want $text" ;; esac
	fi
}

doc wide-cell '<fo:table table-layout="fixed"><fo:table-column column-width="400mm"/><fo:table-column column-width="300mm"/><fo:table-body><fo:table-row><fo:table-cell><fo:block>很宽的单元格</fo:block></fo:table-cell><fo:table-cell><fo:block>旁边</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'
check wide-cell W-LAY-TABLE-WIDE '很宽的单元格旁边'
# columns scaled to the body: nothing drawn beyond 20mm + 170mm
awk '/rule /{ split($2, a, ","); split($4, b, ","); if (a[1] > 538.6 || b[1] > 538.6) exit 1 }' "$T/wide-cell.areas" || bad wide-cell "a border beyond the page body"

long=$(printf 'Pneumonoultramicroscopicsilicovolcanoconiosis%.0s' 1 2 3 4 5 6)
doc long-word "<fo:block>开头${long}结尾</fo:block>"
check long-word - "开头${long}结尾"
awk '/ text /{ for (i = 1; i <= NF; i++) if ($i ~ /^x=/) x = substr($i, 3); else if ($i ~ /^w=/) w = substr($i, 3); if (x + w > 538.6) exit 1 }' "$T/long-word.areas" || bad long-word "a line runs past the margin"

doc missing-image '<fo:block>图：<fo:external-graphic src="nowhere/seal.png"/>完</fo:block>'
check missing-image W-LAY-GRAPHIC-MISSING '图：完'
printf 'GIF89a not a png' > "$T/fake.png"
doc fake-image "<fo:block>图：<fo:external-graphic src=\"$T/fake.png\"/>完</fo:block>"
check fake-image W-LAY-GRAPHIC-BAD '图：完'
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\002\000\000\000\000\000\000\000' > "$T/cut.png"
doc cut-image "<fo:block><fo:external-graphic src=\"$T/cut.png\"/></fo:block>"
check cut-image W-LAY-GRAPHIC-BAD ''

doc absurd '<fo:block space-before="5000mm" padding="3000mm" border-width="900pt" border-style="solid">长度</fo:block><fo:block-container height="90000mm"><fo:block>容器</fo:block></fo:block-container>'
check absurd "W-(FO-VALUE|LAY-LENGTH)" '长度容器'

open=$(printf '<fo:block>%.0s' $(seq 1 200)); close=$(printf '</fo:block>%.0s' $(seq 1 200))
doc deep "${open}深处的文字${close}"
check deep W-LAY-DEEP '深处的文字'

cat > "$T/empty-flow.fo" <<EOF2
<fo:root $FO>$MASTER<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"/></fo:page-sequence></fo:root>
EOF2
check empty-flow - ''
grep -q '^page 1 ' "$T/empty-flow.areas" || bad empty-flow "no page"

rows=$(printf '很长的一行文字，撑高这一行。%.0s' $(seq 1 400))
doc tall-row "<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-column column-width=\"100%\"/><fo:table-body><fo:table-row keep-together.within-page=\"always\"><fo:table-cell><fo:block>$rows</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>"
check tall-row - "$(printf '很长的一行文字，撑高这一行。%.0s' $(seq 1 400))"
[ "$(grep -c '^page ' "$T/tall-row.areas")" -ge 2 ] || bad tall-row "a row taller than a page was not continued"

doc tiny-box '<fo:block-container height="2mm"><fo:block>一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十</fo:block><fo:block>第二段</fo:block></fo:block-container>'
check tiny-box W-LAY-OVERFLOW '第二段'

doc astral '<fo:block>𠀀与&#xE000;字</fo:block>'
check astral W-LAY-CHAR-ASTRAL '与'
grep -q 'W-LAY-CHAR-MISSING' "$T/astral.err" || bad astral "private-use character not reported"

[ "$fails" -eq 0 ] || exit 1
echo "every hostile layout input handled"
