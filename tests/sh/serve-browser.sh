# wsdoc serve in a real browser (Debian's Chromium over the DevTools
# protocol, tests/serve-browser.js): a counsellor opens the 附件1 page and a
# file, types a 简介 of 120 字 and sees E-APP-INTRO-LONG beside it, shortens
# it and sees it go, adds three members, renders the PDF and downloads the
# INI.  wsdoc check of that INI gives the page's verdict, wsdoc render of it
# the page's PDF bytes.  Screenshots (390 px and 1280 px) are left in
# $BUILD/serve-screens/ to be looked at.  Skips (77) without chromium or node.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v chromium >/dev/null || { echo "chromium missing (make deps installs it)"; exit 77; }
command -v node >/dev/null || { echo "node missing (make deps installs nodejs)"; exit 77; }
. "$SRCDIR/tests/serve-lib.sh"
app=samples/2026/申报/01-教育学院-沈若溪.ini
ev=samples/2026/评估/HZNU-GZF-2026-02.xml
mem=samples/2026/成员/启航-李堃.ini
serve_start
node "$SRCDIR/tests/serve-browser.js" "$URL" "$app" "$T" evaluation="$ev" member="$mem" > "$T/out" 2>&1
rc=$?
cat "$T/out"
[ $rc -eq 77 ] && { serve_stop; exit 77; }
[ $rc -eq 0 ] || { serve_stop; fail "browser run (exit $rc)"; }
serve_stop
mkdir -p "$SRCDIR/$BUILD/serve-screens"
cp "$T"/*.png "$SRCDIR/$BUILD/serve-screens/"

# The INI as wsdoc template writes it: Chinese sections and keys, the members.
grep -q '^\[主理人\]$' "$T/page.ini" && grep -q '^简介 = ' "$T/page.ini" || fail "not the template's INI"
grep -q '^姓名 = 郑怀瑾$' "$T/page.ini" || fail "the added members are not in the INI"
# The same verdict from wsdoc check.
errs=$(sed -n 's/^verdict: \([0-9]*\) errors.*/\1/p' "$T/out")
"$WSDOC" check "$T/page.ini" 2>"$T/check"; rc=$?
n=$(grep -c ' 错误 ' "$T/check")
[ "$n" = "$errs" ] || fail "the page said $errs errors, wsdoc check $n: $(cat "$T/check")"
[ $rc -eq $([ "$errs" = 0 ] && echo 0 || echo 1) ] || fail "wsdoc check exit $rc for $errs errors"
# The same PDF bytes from wsdoc render.
if [ "$errs" = 0 ]; then "$WSDOC" render -o "$T/cli.pdf" "$T/page.ini"
else "$WSDOC" render --draft -o "$T/cli.pdf" "$T/page.ini"; fi 2>/dev/null
cmp -s "$T/page.pdf" "$T/cli.pdf" || fail "the page's PDF differs from wsdoc render's"
pdftotext "$T/page.pdf" - | grep -q '郑怀瑾' || fail "the PDF lacks an added member"

# Never a word lost: a file opened on the page and written back as the
# page's INI is the same input tree (wsdoc convert), and the same PDF.
for f in evaluation="$ev" member="$mem"; do
	slug=${f%%=*} file=${f#*=}
	"$WSDOC" check "$T/page-$slug.ini" || fail "$slug: the page's INI of $file does not check clean"
	# (comments are the file's, not the form's)
	"$WSDOC" convert "$T/page-$slug.ini" 2>/dev/null | grep -v '^ *<!--.*--> *$' > "$T/page-$slug.xml"
	"$WSDOC" convert "$file" 2>/dev/null | grep -v '^ *<!--.*--> *$' > "$T/orig-$slug.xml"
	[ -s "$T/orig-$slug.xml" ] || fail "convert $file"
	cmp -s "$T/page-$slug.xml" "$T/orig-$slug.xml" || { diff "$T/orig-$slug.xml" "$T/page-$slug.xml" | head -20; fail "$slug: the page changed $file"; }
	"$WSDOC" render -o "$T/page-$slug.pdf" "$T/page-$slug.ini" && "$WSDOC" render -o "$T/orig-$slug.pdf" "$file" ||
		fail "$slug: render"
	cmp -s "$T/page-$slug.pdf" "$T/orig-$slug.pdf" || fail "$slug: the page's PDF of $file differs"
done
exit 0
