#!/bin/sh
# samples-wellformed.sh — the inputs under samples/ (but samples/invalid/) are
# well-formed XML, valid UTF-8, INI lines short enough for iniparser, every
# @file include present, every intro (主理人简介, 个人简介) at most 100
# characters (附件1), and the XML twin of an INI sample says the same words.
command -v xmllint >/dev/null || { echo "xmllint missing (apt-get install libxml2-utils)"; exit 77; }
export LC_ALL=C.UTF-8
cd "$SRCDIR" || exit 1
fail=0
bad() { echo "samples: $*"; fail=1; }

list=$(find samples -path samples/invalid -prune -o -type f \( -name '*.ini' -o -name '*.xml' -o -name '*.txt' \) -print | sort)
[ -n "$list" ] || { echo "samples: nothing found"; exit 1; }
n_xml=0 n_ini=0
for f in $list; do
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || bad "$f: not valid UTF-8"
	case $f in
	*.xml)
		n_xml=$((n_xml + 1))
		xmllint --noout --nonet "$f" || bad "$f: not well-formed"
		xmllint --xpath '//intro/text()' "$f" 2>/dev/null > "$T/intro" || : > "$T/intro"
		;;
	*.ini)
		n_ini=$((n_ini + 1))
		# iniparser 4.1 reads lines into a 1024-byte buffer: stay under 1000.
		LC_ALL=C awk -v f="$f" 'length($0) >= 1000 { printf "%s:%d: %d bytes\n", f, NR, length($0); bad = 1 }
			END { exit bad }' "$f" || bad "$f: line too long"
		sed -n 's/^\(简介\|个人简介\|intro\) *= *//p' "$f" > "$T/intro"
		for inc in $(sed -n 's/^[^;=]*= *@\(.*\)$/\1/p' "$f"); do
			[ -f "$(dirname "$f")/$inc" ] || bad "$f: include @$inc missing"
		done
		;;
	*) continue ;;
	esac
	while IFS= read -r intro; do
		c=$(printf '%s' "$intro" | wc -m)
		[ "$c" -le 100 ] || bad "$f: intro of $c characters (附件1: 100字以内)"
	done < "$T/intro"
done
[ "$n_xml" -ge 5 ] && [ "$n_ini" -ge 5 ] || bad "too few samples: $n_ini INI, $n_xml XML"

# The twin: same text in both files (ignoring markup, keys and comments).
words() { sed 's/、/ /g' "$1" | grep -o '[^ -~]*' | grep -v '^$' | sort; }
ini=samples/2026/申报/01-教育学院-沈若溪.ini xml=samples/2026/对照/01-教育学院-沈若溪.xml
sed -e '/^;/d' -e 's/^[^=]*= *//' "$ini" > "$T/ini.txt"
sed -e 's/<[^>]*>/ /g' -e '/<!--/d' "$xml" > "$T/xml.txt"
words "$T/ini.txt" > "$T/a"; words "$T/xml.txt" > "$T/b"
# The INI's section names are the only words the XML lacks.
sed -n 's/^\[\(.*\)\]$/\1/p' "$ini" | sed 's/[0-9]*$//' | sort > "$T/sections"
comm -23 "$T/a" "$T/b" | comm -23 - "$T/sections" > "$T/only-ini"
comm -13 "$T/a" "$T/b" > "$T/only-xml"
[ -s "$T/only-ini" ] && bad "$ini: words not in $xml: $(head -3 "$T/only-ini" | tr '\n' ' ')"
[ -s "$T/only-xml" ] && bad "$xml: words not in $ini: $(head -3 "$T/only-xml" | tr '\n' ' ')"
exit $fail
