#!/bin/sh
# lb-hostile-fo.sh — hostile XSL-FO never crashes or hangs the engine: each
# input ends, within a time limit, either with a PDF (and, where the input
# is wrong, a warning) or with an error message; never a signal, a timeout,
# a half-written file or an English library message.
set -u
"$WSDOC" fo -h >/dev/null 2>&1 || true
if "$WSDOC" fo /dev/null 2>&1 | grep -q E-CLI-PENDING; then
	echo "wsdoc fo has not landed yet"; exit 77
fi

fails=0
FO='xmlns:fo="http://www.w3.org/1999/XSL/Format"'
MASTER='<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>'

# doc NAME BODY [ROOT-ATTRS] — a document whose flow holds BODY.
doc() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<fo:root %s %s>%s<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">%s</fo:flow></fo:page-sequence></fo:root>\n' \
	    "$FO" "${3:-}" "$MASTER" "$2" > "$T/$1.fo"
}

bad() { echo "FAIL $1: $2"; fails=$((fails + 1)); }

# run NAME EXPECT — EXPECT is "pdf" (a PDF must come out), "diag" (a PDF
# and at least one warning), "error" (no PDF, an error), or "any" (either,
# but something said when no PDF).
run() {
	name=$1 expect=$2 in="$T/$1.fo" out="$T/$1.pdf"
	rm -f "$out"
	start=$(date +%s%N)
	timeout 10 "$WSDOC" fo "$in" -o "$out" > "$T/$name.out" 2> "$T/$name.err"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ "$rc" -eq 124 ]; then bad "$name" "hangs (killed after 10 s)"; return; fi
	if [ "$rc" -ge 4 ]; then
		bad "$name" "exit $rc (crash?): $(tail -3 "$T/$name.err")"; return
	fi
	[ "$ms" -gt 3000 ] && echo "note: $name took $ms ms"
	if grep -qiE 'parser error|warning:|error:|segmentation|assert' "$T/$name.err"; then
		bad "$name" "raw library message: $(grep -iE 'parser error|warning:|error:' "$T/$name.err" | head -1)"
	fi
	if [ -f "$out" ] && ! head -c 5 "$out" | grep -q '%PDF-'; then
		bad "$name" "output is not a PDF"; return
	fi
	ls "$T" | grep -q "^$name.pdf.\|^\.$name.pdf" && bad "$name" "temporary file left behind"
	case $expect in
	pdf)
		[ "$rc" -le 1 ] && [ -s "$out" ] || bad "$name" "no PDF (exit $rc): $(head -2 "$T/$name.err")" ;;
	diag)
		[ "$rc" -le 1 ] && [ -s "$out" ] || bad "$name" "no PDF (exit $rc): $(head -2 "$T/$name.err")"
		grep -qE '(警告|错误) [WE]-' "$T/$name.err" || bad "$name" "no warning" ;;
	error)
		[ "$rc" -ge 1 ] || bad "$name" "exit 0"
		[ -f "$out" ] && bad "$name" "a PDF was written"
		grep -qE '(错误|致命) [EF]-' "$T/$name.err" || bad "$name" "no error message" ;;
	any)
		if [ ! -s "$out" ]; then
			grep -qE '(错误|致命) [EF]-' "$T/$name.err" || bad "$name" "no PDF and no error"
		fi ;;
	esac
	# The area dump must survive the same input.
	timeout 10 "$WSDOC" fo --areas "$in" > /dev/null 2>&1
	rc=$?
	[ "$rc" -eq 124 ] && bad "$name" "--areas hangs"
	[ "$rc" -ge 4 ] && bad "$name" "--areas exit $rc"
}

# fits NAME — no text of the area dump of NAME runs past the right edge of
# its page's body region: what cannot fit is broken or scaled, never drawn
# off the page.
fits() {
	timeout 10 "$WSDOC" fo --areas "$T/$1.fo" 2>/dev/null | awk -v name="$1" '
	function num(k,   m) { return match($0, " " k "=[-0-9.]+") ? substr($0, RSTART + length(k) + 2, RLENGTH - length(k) - 2) + 0 : 0 }
	/^ *box region-body / { right = num("x") + num("w") }
	/^ *text / { n++; if (num("x") + num("w") > right + 0.01) { bad++; if (bad == 1) print "FAIL " name ": text past the edge: " $0 } }
	END { if (n == 0) { print "FAIL " name ": no text in the area dump"; exit 1 } exit bad > 0 }' || fails=$((fails + 1))
}

# 1. XML that is not well formed, empty, not FO at all, truncated.
printf '<fo:root %s><fo:layout-master-set>\n<fo:block>unclosed' "$FO" > "$T/malformed.fo"
run malformed error
: > "$T/empty.fo"; run empty error
printf '<html><body>你好</body></html>\n' > "$T/notfo.fo"; run notfo error
head -c 300 "$SRCDIR/tests/bench/form3.fo" > "$T/truncated.fo"; run truncated error
printf '\377\376<\000f\000' > "$T/binary.fo"; run binary error

# 2. Unknown namespaces and elements: skipped with a warning.
doc unknown-ns '<x:widget xmlns:x="urn:example:bogus">你好</x:widget><fo:block>正文</fo:block>'
run unknown-ns pdf
doc unknown-el '<fo:bogus-element>你好</fo:bogus-element><fo:block>正文</fo:block>'
run unknown-el diag
doc unknown-prop '<fo:block fancy-property="7" font-size="12pt">正文</fo:block>'
run unknown-prop diag
doc svg '<fo:block><fo:instream-foreign-object><svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg></fo:instream-foreign-object></fo:block>'
run svg diag

# 3. Geometry that cannot fit: a cell wider than the page, a word longer
#    than the line, a row taller than the page that must stay together.
doc wide-cell '<fo:table table-layout="fixed" width="100%"><fo:table-column column-width="600mm"/><fo:table-column column-width="50mm"/><fo:table-body><fo:table-row><fo:table-cell><fo:block>很宽的单元格</fo:block></fo:table-cell><fo:table-cell><fo:block>旁边</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'
run wide-cell any
fits wide-cell
long=$(printf 'Pneumonoultramicroscopicsilicovolcanoconiosis%.0s' 1 2 3 4 5 6 7 8 9 10)
doc long-word "<fo:block>开头$long结尾</fo:block>"
run long-word pdf
fits long-word
digits=$(printf '1234567890%.0s' $(seq 1 40))
doc long-number "<fo:block>编号$digits。</fo:block>"
run long-number pdf
fits long-number
dashes=$(printf '——%.0s' $(seq 1 200))
doc long-dashes "<fo:block>甲$dashes乙</fo:block>"
run long-dashes pdf
fits long-dashes
rowtext=$(printf '这是一行很长的中文文字，用来把表格的一行撑得比一页还高。%.0s' $(seq 1 120))
doc tall-row "<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-column column-width=\"100%\"/><fo:table-body><fo:table-row keep-together.within-page=\"always\"><fo:table-cell><fo:block>$rowtext</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>"
run tall-row any
doc tiny-container "<fo:block-container height=\"1mm\"><fo:block>$rowtext</fo:block></fo:block-container>"
run tiny-container any
keeps=$(printf '<fo:block keep-with-next="always" keep-together="always">一段</fo:block>%.0s' $(seq 1 300))
doc all-keeps "$keeps"
run all-keeps pdf

# 4. Images: a file that claims to be a PNG and is not, a missing one, a
#    PNG header followed by garbage, a directory.
printf 'this is not a PNG image\n' > "$T/fake.png"
doc fake-png "<fo:block><fo:external-graphic src=\"url('$T/fake.png')\"/></fo:block>"
run fake-png diag
doc missing-png "<fo:block><fo:external-graphic src=\"$T/nonexistent.png\"/></fo:block>"
run missing-png diag
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\377\377\377\377\377\377\377\377' > "$T/trunc.png"
doc trunc-png "<fo:block><fo:external-graphic src=\"$T/trunc.png\"/></fo:block>"
run trunc-png diag
doc dir-png "<fo:block><fo:external-graphic src=\"$T\"/></fo:block>"
run dir-png diag

# 5. Negative and absurd lengths and numbers.
doc neg-font '<fo:block font-size="-12pt">负字号</fo:block><fo:block font-size="0pt">零字号</fo:block>'
run neg-font any
doc huge-font '<fo:block font-size="1e300pt">巨大</fo:block><fo:block font-size="99999999999999999999pt">大</fo:block>'
run huge-font any
doc nan-lengths '<fo:block space-before="nan" space-after="inf" start-indent="-1e308mm" text-indent="1e308em" line-height="-3">长度</fo:block>'
run nan-lengths any
doc neg-margins '<fo:block margin-left="-500mm" margin-right="900mm" padding="-4mm" border="-3pt solid black">边距</fo:block>'
run neg-margins any
doc bad-units '<fo:block font-size="12furlongs" space-before="mm" start-indent="3..5cm">单位</fo:block>'
run bad-units diag
doc bad-spans '<fo:table><fo:table-column column-width="-3cm"/><fo:table-column column-width="proportional-column-width(-1)"/><fo:table-body><fo:table-row><fo:table-cell number-columns-spanned="1000000" number-rows-spanned="-2"><fo:block>跨</fo:block></fo:table-cell></fo:table-row><fo:table-row><fo:table-cell number-rows-spanned="2147483648"><fo:block>行</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'
run bad-spans any
doc no-columns '<fo:table><fo:table-body><fo:table-row><fo:table-cell><fo:block>甲</fo:block></fo:table-cell><fo:table-cell><fo:block>乙</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'
run no-columns any
cat > "$T/huge-page.fo" <<EOF
<fo:root $FO><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="1e9mm" page-height="-297mm" margin="200mm"><fo:region-body margin="-1e9mm"/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p" initial-page-number="-99999999999"><fo:flow flow-name="xsl-region-body"><fo:block>页面</fo:block></fo:flow></fo:page-sequence></fo:root>
EOF
run huge-page any
cat > "$T/zero-body.fo" <<EOF
<fo:root $FO><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin-top="150mm" margin-bottom="150mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>没有空间的页面</fo:block></fo:flow></fo:page-sequence></fo:root>
EOF
run zero-body any
cat > "$T/no-master.fo" <<EOF
<fo:root $FO><fo:layout-master-set/><fo:page-sequence master-reference="missing"><fo:flow flow-name="xsl-region-body"><fo:block>无页面模板</fo:block></fo:flow></fo:page-sequence></fo:root>
EOF
run no-master diag	# issue 14: an unknown master is a warning, A4 pages

# 6. Deep nesting and sheer size.
open=$(printf '<fo:block>%.0s' $(seq 1 3000)); close=$(printf '</fo:block>%.0s' $(seq 1 3000))
doc deep-blocks "$open深$close"
run deep-blocks any
open=$(printf '<fo:inline font-size="12pt">%.0s' $(seq 1 3000)); close=$(printf '</fo:inline>%.0s' $(seq 1 3000))
doc deep-inlines "<fo:block>$open深$close</fo:block>"
run deep-inlines any
nest='<fo:block>内</fo:block>'
for i in $(seq 1 40); do
	nest="<fo:table><fo:table-column column-width=\"100%\"/><fo:table-body><fo:table-row><fo:table-cell padding=\"1mm\" border=\"0.5pt solid black\">$nest</fo:table-cell></fo:table-row></fo:table-body></fo:table>"
done
doc deep-tables "$nest"
run deep-tables any
breaks=$(printf '<fo:block break-before="page"/>%.0s' $(seq 1 500))
doc many-breaks "$breaks"
run many-breaks pdf
doc citations '<fo:block id="a">见第<fo:page-number-citation ref-id="nowhere"/>页，共<fo:page-number-citation-last ref-id="nothing"/>页</fo:block><fo:block id="a">重复的 id</fo:block>'
run citations any
doc astral '<fo:block>𠀀𠀁𪚥😀 与 U+FFFF：&#xFFFF;</fo:block>'
run astral any

if [ "$fails" -ne 0 ]; then
	echo "$fails hostile inputs mishandled"
	exit 1
fi
echo "every hostile input handled"
