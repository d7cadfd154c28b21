#!/bin/sh
# samples-check.sh — every valid sample passes `wsdoc check` silently, alone
# and all of one year together; the INI reader loses no word of any INI
# sample (sections, numbered keys, @file); and `wsdoc convert` of the INI
# application with an XML twin gives that twin.
export LC_ALL=C.UTF-8
cd "$SRCDIR" || exit 1
if "$WSDOC" check samples/2026/评估结论.xml 2>&1 | grep -q 'E-CLI-PENDING'; then
	echo "wsdoc check has not landed yet"; exit 77
fi
fail=0
bad() { echo "samples: $*"; fail=1; }
command -v xmllint >/dev/null || { echo "xmllint missing (apt-get install libxml2-utils)"; exit 77; }

all=$(find samples -path samples/invalid -prune -o \( -name '*.ini' -o -name '*.xml' \) -print | sort)
for f in $all; do
	out=$("$WSDOC" check "$f" 2>&1); rc=$?
	[ "$rc" -eq 0 ] && [ -z "$out" ] || bad "wsdoc check $f: exit $rc
$out"
done
# One year in one run, as the office would check it (the twin left out: it
# is the same application a second time).
year=$(printf '%s\n' $all | grep '^samples/2026/' | grep -v '/对照/')
out=$("$WSDOC" check $year 2>&1); rc=$?
[ "$rc" -eq 0 ] && [ -z "$out" ] || bad "wsdoc check (all of 2026): exit $rc
$out"

# Words: runs of non-ASCII text, list separators and XML markup taken out.
words() { sed 's/[、，；]/ /g' | grep -o '[^ -~]*' | grep -v '^$' | sort; }
for f in $(printf '%s\n' $all | grep '\.ini$'); do
	"$WSDOC" convert "$f" > "$T/conv.xml" 2> "$T/conv.err" || { bad "wsdoc convert $f failed"; cat "$T/conv.err"; continue; }
	{ sed -e '/^[;#[]/d' -e '/= *@/d' -e 's/^[^=]*= *//' "$f"
	  # an included file's lines join into paragraphs (blank lines between)
	  for inc in $(sed -n 's/^[^;=]*= *@\(.*\)$/\1/p' "$f"); do
		awk 'NF { printf "%s", $0; next } { print "" } END { print "" }' "$(dirname "$f")/$inc"
	  done
	} | words > "$T/ini.w"
	sed 's/[<>"=]/ /g' "$T/conv.xml" | words > "$T/xml.w"
	comm -23 "$T/ini.w" "$T/xml.w" > "$T/lost"
	[ -s "$T/lost" ] && bad "$f: wsdoc convert lost $(wc -l < "$T/lost") words, e.g. $(head -2 "$T/lost" | tr '\n' ' ')"
done

# The twin: the same tree from both readers (comments aside).
ini=samples/2026/申报/01-教育学院-沈若溪.ini xml=samples/2026/对照/01-教育学院-沈若溪.xml
"$WSDOC" convert "$ini" | xmllint --format - | grep -v '^<!--' > "$T/a.xml"
xmllint --format "$xml" | grep -v '^<!--' > "$T/b.xml"
cmp -s "$T/a.xml" "$T/b.xml" || { bad "wsdoc convert $ini differs from $xml"; diff "$T/a.xml" "$T/b.xml" | head -10; }
# Rendering: every form renders without a warning, and the twin gives the
# same PDF byte for byte from either reader (one vocabulary, one tree).
if "$WSDOC" render -h >/dev/null 2>&1; then
	export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
	forms=$(printf '%s\n' $all | grep -v '评估结论')
	mkdir -p "$T/pdf"
	"$WSDOC" render -o "$T/pdf" $forms > "$T/render.out" 2>&1 ||
		{ cat "$T/render.out"; bad "wsdoc render of the samples failed"; }
	grep '警告\|错误\|致命' "$T/render.out" && bad "wsdoc render warned on a sample"
	n=$(ls "$T/pdf" | grep -c '\.pdf$')
	[ "$n" -eq "$(printf '%s\n' $forms | wc -l)" ] || bad "$n PDFs for $(printf '%s\n' $forms | wc -l) forms"
	"$WSDOC" render -o "$T/a.pdf" "$ini" && "$WSDOC" render -o "$T/b.pdf" "$xml" &&
		cmp -s "$T/a.pdf" "$T/b.pdf" || bad "the twin's PDFs differ ($ini, $xml)"
fi
exit $fail
