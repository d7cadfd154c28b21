# Every page of the three forms, rendered from fixed samples, against its
# golden image with a tolerant pixel difference (tests/tools/pngdiff: at
# most 0.5 % of pixels off by more than a quarter of the grey scale).  Any
# change of layout shows up here: look at the new pages, then accept them
# with UPDATE=1 sh tests/run.sh build.
set -u
G=tests/golden/forms
fail() { echo "FAIL: $*"; exit 1; }
for pair in 申报表:samples/2026/申报/01-教育学院-沈若溪.ini \
	评估表:samples/2026/评估/HZNU-GZF-2026-04.xml \
	成员申报表:samples/2026/成员/启航-李堃.ini; do
	name=${pair%%:*} in=${pair#*:}
	"$WSDOC" render -o "$T/$name.pdf" "$in" 2>/dev/null || fail "render $in"
	pdftoppm -r 30 -gray -png "$T/$name.pdf" "$T/$name"
	for png in "$T/$name"-*.png; do
		page=${png##*-}
		gold=$G/$name-$page
		if [ -n "${UPDATE:-}" ]; then cp "$png" "$gold"; continue; fi
		[ -f "$gold" ] || fail "no golden page $gold (make golden-update, then look at it)"
		"$BUILD/tools/pngdiff" "$gold" "$png" 0.5 64 >"$T/diff" ||
			fail "$name page ${page%.png} differs from $gold: $(cat "$T/diff")"
	done
	n=$(ls "$T/$name"-*.png | wc -l)
	[ -n "${UPDATE:-}" ] || [ "$(ls $G/$name-*.png | wc -l)" -eq "$n" ] ||
		fail "$name has $n pages, its golden $(ls $G/$name-*.png | wc -l)"
done
exit 0
