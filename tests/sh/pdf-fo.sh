# wsdoc fo end to end: the PDF a user gets is valid, deterministic, embeds
# subset fonts only, gives back its text exactly, and draws every role.
for t in qpdf pdftotext pdffonts pdftoppm; do
	command -v $t >/dev/null || { echo "$t not installed (make deps)"; exit 77; }
done
cat > "$T/a.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
        margin-top="25mm" margin-bottom="20mm" margin-left="20mm" margin-right="20mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body">
      <fo:block font-family="黑体" font-size="18pt" text-align="center">辅导员工作坊申报表</fo:block>
      <fo:block font-family="宋体" font-size="12pt">申报人王堃，“朋辈互助”；每学期≥4次。</fo:block>
      <fo:block font-family="楷体" font-size="12pt">楷体一行</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
"$WSDOC" fo "$T/a.fo" -o "$T/a.pdf" 2> "$T/err"; rc=$?
if grep -q 'E-CLI-PENDING' "$T/err"; then
	echo "wsdoc fo has not landed yet"; exit 77
fi
[ "$rc" -eq 0 ] || { cat "$T/err"; echo "wsdoc fo exit $rc"; exit 1; }
"$WSDOC" fo "$T/a.fo" -o "$T/b.pdf" 2>/dev/null || exit 1
cmp -s "$T/a.pdf" "$T/b.pdf" || { echo "two runs, two different files"; exit 1; }
qpdf --check "$T/a.pdf" > "$T/qpdf" 2>&1 || { cat "$T/qpdf"; exit 1; }
pdftotext "$T/a.pdf" "$T/a.txt" 2> "$T/poppler" || exit 1
[ -s "$T/poppler" ] && { cat "$T/poppler"; echo "poppler warns"; exit 1; }
for s in 辅导员工作坊申报表 申报人王堃，“朋辈互助”；每学期≥4次。 楷体一行; do
	grep -qF "$s" "$T/a.txt" || { cat "$T/a.txt"; echo "lost: $s"; exit 1; }
done
# Every font embedded as a subset (name+, emb yes, sub yes, uni yes).
pdffonts "$T/a.pdf" | tail -n +3 > "$T/fonts"
[ -s "$T/fonts" ] || { echo "no fonts"; exit 1; }
if grep -v '+.*yes yes yes' "$T/fonts"; then echo "font not an embedded subset"; exit 1; fi
# Small: one page of a few lines.
size=$(wc -c < "$T/a.pdf")
[ "$size" -lt 40000 ] || { echo "$size bytes for one page"; exit 1; }
# Writing where one cannot is exit 3 and leaves nothing behind.
"$WSDOC" fo "$T/a.fo" -o "$T/nodir/x.pdf" 2>/dev/null; rc=$?
[ "$rc" -eq 3 ] || { echo "unwritable output: exit $rc"; exit 1; }
[ ! -e "$T/nodir" ] || exit 1
exit 0
