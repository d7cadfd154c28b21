# Latin letters and digits inside Chinese text are set in the Latin role's
# proportional face (fonts.ini latin =): Liberation Serif beside 宋体,
# Liberation Sans beside 黑体 (or Times New Roman and Arial where
# installed), bold from the Latin face's own bold; the name dot · and ×
# stay in the Chinese face.  Copy-paste stays exact: pdftotext gives back
# the text character for character.
set -u
fail() { echo "FAIL: $*"; exit 1; }
for t in pdftotext pdffonts; do
	command -v $t >/dev/null || { echo "$t is missing (make deps installs poppler-utils)"; exit 77; }
done
cat > "$T/mix.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="宋体" font-size="12pt">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="100mm" margin="20mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body">
      <fo:block>2026年度共12个，工号 2005123（Wang）</fo:block>
      <fo:block font-family="黑体">黑体 ABC abc 123</fo:block>
      <fo:block font-family="黑体" font-weight="bold">粗黑 Bold 7</fo:block>
      <fo:block>阿依古丽·买买提 3×4 Crème</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
"$WSDOC" fo --areas "$T/mix.fo" > "$T/areas" 2>&1 || fail "fo --areas"
"$WSDOC" fo "$T/mix.fo" -o "$T/mix.pdf" 2>"$T/err" || fail "fo: $(cat "$T/err")"
# The faces of each run.
grep -Eq 'font="(Liberation Serif|Times New Roman)" size=12.00[^"]* "2026"' "$T/areas" ||
	fail "digits in 宋体 text not in the serif Latin face: $(grep 2026 "$T/areas")"
grep -Eq 'font="(Liberation Sans|Arial)" size=12.00[^"]* " ?ABC abc 123"' "$T/areas" ||
	fail "Latin in 黑体 text not in the sans face"
grep -Eq 'font="(Liberation Sans|Arial)" size=12.00( [a-z]+=[0-9.]+)* " ?Bold 7"$' "$T/areas" ||
	fail "bold Latin should be the Latin bold face, not stroked: $(grep Bold "$T/areas")"
grep -q '"阿依古丽·买买提"' "$T/areas" || fail "the name dot left the Chinese face"
# Copy-paste: the same text back.
pdftotext "$T/mix.pdf" - 2>"$T/poppler" | sed '/^$/d; s/\f//' > "$T/text"
[ -s "$T/poppler" ] && fail "poppler: $(cat "$T/poppler")"
printf '%s\n' '2026年度共12个，工号 2005123（Wang）' '黑体 ABC abc 123' '粗黑 Bold 7' '阿依古丽·买买提 3×4 Crème' |
	cmp -s - "$T/text" || { cat "$T/text"; fail "copied text differs"; }
pdffonts "$T/mix.pdf" | grep -Eq 'Liberation(Serif|Sans)|TimesNewRoman|Arial' || fail "no Latin face embedded"
exit 0
