#!/bin/sh
# bench-fop.sh WSDOC BUILD — the same FO files through Apache FOP 2.8 and
# wsdoc in one run: cold time per document, warm-batch time per document,
# PDF bytes, peak RSS, page counts.  Prints ratios (FOP ÷ wsdoc).
WSDOC=${1:-build/wsdoc}
BUILD=${2:-build}
CONF=tests/fop/fop.xconf
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
if ! command -v fop >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
	echo "bench-fop: Apache FOP or javac is missing; as root run:"
	echo "  apt-get install fop default-jdk-headless time"
	exit 1
fi
W=$BUILD/fop
mkdir -p "$W"
CP=$(for j in fop batik-all commons-io commons-logging xmlgraphics-commons \
	xml-apis-ext fontbox2 serializer xalan2 xml-apis xercesImpl; do
	[ -f /usr/share/java/$j.jar ] && printf '/usr/share/java/%s.jar:' $j; done)
[ "$W/FopBatch.class" -nt tests/fop/FopBatch.java ] ||
	javac -nowarn -cp "$CP" -d "$W" tests/fop/FopBatch.java || exit 1

# The FO files: the bench form, and each sample form as wsdoc's stylesheets
# make it (render --fo).
FOS=""
[ -f tests/bench/form3.fo ] && FOS="tests/bench/form3.fo"
for f in $(find samples/2026 -name '*.xml' -o -name '*.ini' 2>/dev/null | sort | head -4); do
	out=$W/$(basename "$f" | sed 's/\.[a-z]*$//').fo
	"$WSDOC" render --fo "$f" -o "$out" 2>/dev/null && FOS="$FOS $out"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# cold: the median of 3 runs of one process each: "seconds kB"
cold() {
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1
	done | sort -n | sed -n 2p
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

printf '%-26s %10s %10s %8s %10s %10s %8s %8s %8s %s\n' FO "FOP冷(ms)" "wsdoc冷" 倍数 \
	"FOP批(ms)" "wsdoc批" 倍数 "FOP KB" "wsdoc KB" 页数
for fo in $FOS; do
	fc=$(cold fop -q -c $CONF -fo "$fo" -pdf "$W/fop.pdf")
	wc=$(cold "$WSDOC" fo "$fo" -o "$W/ws.pdf")
	fb=$(java -Djava.awt.headless=true -cp "$CP$W" FopBatch $CONF "$fo" 20 "$W/fopb.pdf" 2>/dev/null)
	wb=$("$BUILD/bench_fo" --median "$fo" 50 2>/dev/null || echo "?")
	fms=$(echo "$fc" | awk '{print $1*1000}'); wms=$(echo "$wc" | awk '{print $1*1000}')
	fkb=$(( $(stat -c %s "$W/fop.pdf") / 1024 )); wkb=$(( $(stat -c %s "$W/ws.pdf") / 1024 ))
	pf=$(pages "$W/fop.pdf"); pw=$(pages "$W/ws.pdf")
	printf '%-26s %10s %10s %8s %10s %10s %8s %8s %8s %s\n' "$(basename "$fo")" \
		"$fms" "$wms" "$(awk -v a="$fms" -v b="$wms" 'BEGIN{ r = (b > 0) ? a / b : 0; printf "%.0f×", r }')" \
		"$fb" "$wb" "$(awk -v a="$fb" -v b="$wb" 'BEGIN{ r = (b > 0) ? a / b : 0; printf "%.0f×", r }')" \
		"$fkb" "$wkb" "$pf/$pw$( [ "$pf" = "$pw" ] && echo ' 一致' || echo ' 不同')"
	echo "   峰值内存: FOP $(echo "$fc" | awk '{printf "%.0f MB", $2/1024}')，wsdoc $(echo "$wc" | awk '{printf "%.1f MB", $2/1024}')"
done
