#!/bin/sh
# fuzz.sh FUZZBUILD SECONDS [KIND...] — link each libFuzzer harness
# (tests/fuzz/fuzz_KIND.c, KIND = ini xml fo roster) against the fuzz build's
# objects and run it for SECONDS with its dictionary, on a corpus seeded from
# samples/ and tests/ (kept in FUZZBUILD/corpus-KIND between runs; rosters
# are made: the samples' applications approved by FUZZBUILD/wsdoc, and two
# of tests/bench/genroster.sh).  $FUZZ_LIBS: the libraries to link (the
# Makefile passes its own).  Crashes, leaks, UBSan
# reports and hangs (-timeout) go to tests/fuzz/found/KIND-*; once fixed,
# keep each under tests/fuzz/regress/KIND/ (make check replays them).
B=$1 SECS=${2:-60}
shift 2 2>/dev/null
KINDS=${*:-ini xml fo roster}
FLAGS=$(sed 's/^[^ ]* //' "$B/.flags")
OBJS=$(find "$B/obj" -name '*.o' ! -path '*/cli/main.o' | sort)
[ -n "$FUZZ_LIBS" ] || FUZZ_LIBS="$(pkg-config --libs libxml-2.0 libxslt libexslt \
	harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak libpng libdeflate) -lhpdf -liniparser -lm"
F=tests/fuzz/found
mkdir -p $F
# UBSan must stop the run (the objects are built -fno-sanitize-recover=all);
# fontconfig's own leak is not ours (as in make check).
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
status=0
for t in $KINDS; do
	# -fsanitize=fuzzer supplies main(): the harness links every object but
	# cli/main.o.
	clang $FLAGS -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_$t.c \
		$OBJS -o "$B/fuzz_$t" $FUZZ_LIBS || exit 1
	c=$B/corpus-$t; mkdir -p "$c"
	if [ $t = roster ]; then
		rm -f "$B/seed-roster.xml"
		"$B/wsdoc" approve --roster "$B/seed-roster.xml" --date 2026-11-20 \
			$(find samples/2026/申报 -name '*.ini' -o -name '*.xml' | sort) \
			>/dev/null && cp "$B/seed-roster.xml" "$c/samples.xml" || exit 1
		sh tests/bench/genroster.sh 3 > "$c/genroster-3.xml" || exit 1
		# and one with each state and two years, so that what is
		# listed and what is not both have valid neighbours to mutate
		sh tests/bench/genroster.sh 4 2 | sed \
			-e '/HZNU-GZF-2026-02/s/year="2026"/year="2025"/' \
			-e '0,/<status state="在建"\/>/s//<status state="已撤销" date="2026-12-01" cause="1">无故不参加评估<\/status>/' \
			-e '0,/<status state="在建"\/>/s//<status state="暂缓" since="2026-12-01" until="2027-06-01"\/>/' \
			> "$c/genroster-states.xml" || exit 1
	else
		find samples tests forms -name "*.$t" -size -200k ! -path "$F/*" \
			-exec cp {} "$c/" \; 2>/dev/null
	fi
	cp tests/fuzz/regress/$t/* "$c/" 2>/dev/null
	before=$(ls $F | grep -c "^$t-")
	log=$B/fuzz_$t.log
	echo "== fuzz_$t: $SECS s, $(ls "$c" | wc -l) in corpus, log $log"
	"$B/fuzz_$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
		-dict=tests/fuzz/$t.dict -print_final_stats=1 \
		-artifact_prefix=$F/$t- "$c" >"$log" 2>&1
	grep -E '^#[0-9]+.*(DONE|INITED)|^stat::number_of_executed_units|^stat::peak_rss|ERROR: |^SUMMARY|^artifact_prefix|Test unit written' "$log" | tail -8
	after=$(ls $F | grep -c "^$t-")
	if [ "$after" -gt "$before" ]; then
		echo "fuzz_$t: found something; minimise with"
		echo "  $B/fuzz_$t -minimize_crash=1 -runs=10000 -exact_artifact_path=MIN $F/$t-..."
		status=1
	fi
done
ls $F | sed 's/^/found: /'
exit $status
