#!/bin/sh
# fuzz.sh FUZZBUILD SECONDS — link each libFuzzer harness against the fuzz
# build's objects and run it for SECONDS on a corpus seeded from samples/ and
# tests/.  Crashes and hangs go to tests/fuzz/found/; keep each as a
# regression input under tests/fuzz/regress/KIND/ once fixed.
B=$1 SECS=${2:-60}
FLAGS=$(cat "$B/.flags" | sed 's/^[^ ]* //')
OBJS=$(find "$B/obj" -name '*.o' ! -path '*/cli/main.o' | sort)
LIBS="$(pkg-config --libs libxml-2.0 libxslt libexslt harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak) -lhpdf -liniparser -lm"
mkdir -p tests/fuzz/found
status=0
for t in ini xml fo; do
	clang $FLAGS -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_$t.c $OBJS \
		-o "$B/fuzz_$t" $LIBS || exit 1
	c=$B/corpus-$t; mkdir -p "$c"
	find samples tests -name "*.$t" -size -200k -exec cp {} "$c/" \; 2>/dev/null
	[ -d tests/fuzz/regress/$t ] && cp tests/fuzz/regress/$t/* "$c/" 2>/dev/null
	echo "== fuzz_$t: $SECS s, $(ls "$c" | wc -l) seeds"
	"$B/fuzz_$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix=tests/fuzz/found/$t- "$c" 2>&1 |
		grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)' 
	[ "$(ls tests/fuzz/found | grep "^$t-" | wc -l)" -eq 0 ] || status=1
done
ls tests/fuzz/found | sed 's/^/found: /'
exit $status
