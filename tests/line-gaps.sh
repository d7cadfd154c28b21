#!/bin/sh
# line-gaps.sh [-t EM] FILE.areas… — how loose justified paragraphs are,
# from `wsdoc fo --areas` dumps.  For each file, over the blocks that have
# a line spread by justification (a text item with cs= or ws=): their
# lines; the lines spread; those whose widest added gap (cs or ws over the
# font size) exceeds EM (default 0.25); the lines set ragged inside them
# (short of the block's right edge and not its last line: the engine
# sets a line ragged rather than widen a gap past its limit); the widest
# added gap; the sum of squares of each spread line's widest gap.  Used by
# tests/sh/lb-optimal-fit.sh and to compare layouts; not a test itself.
t=0.25
[ "$1" = -t ] && { t=$2; shift 2; }
for f in "$@"; do
	awk -v t="$t" -v name="$f" '
	function num(k,   i) {
		for (i = 2; i <= NF; i++)
			if (index($i, k "=") == 1)
				return substr($i, length(k) + 2) + 0
		return 0
	}
	function endline() {
		if (!inline) return
		n++; G[n] = g; R[n] = rx; inline = 0; g = 0
	}
	function endblock(   i, any) {
		endline()
		any = 0
		for (i = 1; i <= n; i++) if (G[i] > 0) any = 1
		if (any) {
			lines += n
			for (i = 1; i <= n; i++) {
				if (G[i] > 0) { spread++; ss += G[i] * G[i]
					if (G[i] > t) over++; if (G[i] > max) max = G[i] }
				else if (i < n && R[i] < bright - 0.5) { ragged++
					if (R[i] - bleft < (bright - bleft) / 2) short++ }
			}
		}
		n = 0
	}
	$1 == "line" { endline(); inline = 1; rx = num("x") + num("w"); next }
	$1 == "text" && inline {
		size = num("size"); add = num("cs"); if (num("ws") > add) add = num("ws")
		if (size > 0 && add / size > g) g = add / size
		next
	}
	$1 == "box" || $1 == "page" { endblock(); bleft = num("x"); bright = num("x") + num("w") }
	END { endblock(); printf "%s: lines=%d justified=%d over_%s_em=%d ragged=%d short=%d max_em=%.3f sumsq=%.3f\n", name, lines, spread, t, over, ragged, short, max, ss }
	' "$f"
done
