# schema-hostile.sh — inputs that make RelaxNG validators slow or chatty:
# each is judged in well under a second (libxml2 takes quadratic time on
# some content models; forms/*.rng avoid them) and told in few words.
set -u
fail=0
APP=$SRCDIR/samples/2026/申报/04-理学院-陈䶮.xml
EVAL=$SRCDIR/samples/2026/评估/HZNU-GZF-2026-04.xml
[ -f "$APP" ] && [ -f "$EVAL" ] || { echo "samples missing"; exit 77; }

# splice FILE TAG N TEXT: insert N times TEXT right after the first TAG
splice() {
	awk -v tag="$2" -v n="$3" -v s="$4" '
	!done && (i = index($0, tag)) {
		i += length(tag)
		printf "%s", substr($0, 1, i - 1)
		for (k = 0; k < n; k++)
			printf "%s", s
		$0 = substr($0, i)
		done = 1
	}
	{ print }' "$1"
}

# timed NAME valid|invalid FILE: check it within 2 s (1 s is the aim; the
# sanitizers stretch it by WSDOC_MS_LIMIT, as run.sh sets; the
# machine is shared); a valid one has no structure error (the rules may
# still say something), an invalid one has some and exit 1.
timed() {
	t0=$(date +%s%N)
	"$WSDOC" check "$3" > "$T/$1.out" 2>&1; rc=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	n=$(grep -c E-RNG- "$T/$1.out")
	echo "$1: exit $rc, ${ms} ms, $n structure errors"
	case $2 in
	valid)	[ "$n" -eq 0 ] && [ "$rc" -le 1 ] ;;
	invalid) [ "$n" -gt 0 ] && [ "$rc" -eq 1 ] ;;
	esac || { echo "  expected $2"; head -5 "$T/$1.out"; fail=1; }
	[ "$ms" -lt $(( ${WSDOC_MS_LIMIT:-1000} * 2 )) ] || { echo "  too slow"; fail=1; }
	if grep -q -i 'relax\|expect\|element .* failed' "$T/$1.out"; then
		echo "  libxml2's English leaked"; fail=1
	fi
}

splice "$APP" '<goals>' 100000 '<p>段落。</p>' > "$T/paras.xml"
timed paras valid "$T/paras.xml"
splice "$APP" '<members>' 2000 '<member><name>甲</name><unit>乙</unit></member>' > "$T/members.xml"
timed members valid "$T/members.xml"
splice "$EVAL" '<outcomes>' 3000 '<achievement type="论文" date="2026-13-01">文</achievement>' > "$T/dates.xml"
timed dates invalid "$T/dates.xml"
splice "$APP" '<goals>' 20000 '<x/>' > "$T/extra.xml"
timed extra invalid "$T/extra.xml"
splice "$APP" '<intro>' 500000 '很长的简介 ' > "$T/long.xml"
timed long valid "$T/long.xml"
# A hundred messages at most, then a note with the rest.
[ "$(wc -l < "$T/extra.out")" -le 101 ] && grep -q 'N-RNG-MORE.*19900' "$T/extra.out" ||
    { echo "extra: messages not capped"; fail=1; }
# One bad value, quoted short.
[ "$(wc -c < "$T/dates.out")" -lt 600000 ] || { echo "dates: messages too long"; fail=1; }
exit $fail
