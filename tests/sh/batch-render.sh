# render -j N over a batch: the progress bar on a terminal and only there,
# failures do not stop the batch, the summary counts, the exit status, and
# the same PDFs whatever the number of workers.
set -u
fail() { echo "FAIL: $*"; exit 1; }
S=samples/2026
valid=$(find $S/申报 $S/评估 -name '*.ini' -o -name '*.xml' | sort)
nvalid=$(echo "$valid" | wc -l)

# An invalid application (an intro far over 100 characters would do, but a
# missing section is simplest) and an unreadable one.
sed '/^\[建设目标\]/,/^\[/{/^\[建设目标\]/d;/^内容/d}' $S/申报/01-教育学院-沈若溪.ini > "$T/坏-无建设目标.ini"
"$WSDOC" check "$T/坏-无建设目标.ini" >/dev/null 2>&1 && fail "the invalid input is not invalid"
# Unreadable even for root: a folder where a file is expected.
mkdir "$T/unreadable.ini"

# 1. Stderr a pipe: no bar; the valid ones rendered; summary; exit 1 (refused only).
"$WSDOC" render -j 2 -o "$T/o1" $valid "$T/坏-无建设目标.ini" 2>"$T/err1"; rc=$?
[ $rc -eq 1 ] || fail "one refused input: exit $rc, want 1 ($(cat "$T/err1"))"
grep -q "$(printf '\r')" "$T/err1" && fail "a progress bar went to a pipe"
grep -q "完成 $nvalid 份，拒绝 1 份（输入有误），失败 0 份" "$T/err1" || fail "summary: $(tail -1 "$T/err1")"
[ "$(ls "$T/o1" | grep -c '\.pdf$')" -eq "$nvalid" ] || fail "rendered: $(ls "$T/o1")"

# 2. An unreadable input too: still every valid one; refused 1, failed 1
#    (an I/O error: exit 3 as docs/design.md says for system errors).
"$WSDOC" render -j 2 -o "$T/o2" "$T/unreadable.ini" $valid "$T/坏-无建设目标.ini" 2>"$T/err2"; rc=$?
[ $rc -eq 3 ] || fail "refused + unreadable: exit $rc, want 3"
grep -q "完成 $nvalid 份，拒绝 1 份（输入有误），失败 1 份" "$T/err2" || fail "summary: $(tail -1 "$T/err2")"
grep -q "F-IO-ISDIR" "$T/err2" || fail "the unreadable input is not named"
[ "$(ls "$T/o2" | grep -c '\.pdf$')" -eq "$nvalid" ] || fail "rendered: $(ls "$T/o2")"

# 3. -j 1 and -j 2 give the same PDFs, byte for byte.
"$WSDOC" render -j 1 -o "$T/j1" $valid 2>/dev/null || fail "-j 1 failed"
"$WSDOC" render -j 2 -o "$T/j2" $valid 2>/dev/null || fail "-j 2 failed"
for f in "$T"/j1/*.pdf; do
	cmp -s "$f" "$T/j2/${f##*/}" || fail "-j 1 and -j 2 differ: ${f##*/}"
done
[ "$(ls "$T/j2" | wc -l)" -eq "$nvalid" ] || fail "-j 2 wrote $(ls "$T/j2" | wc -l) files"

# 4. A worker killed mid-batch: its unreported inputs count as failed (exit
#    3), never as done, and the summary still adds up to the whole batch.
many=$(for k in 1 2 3 4 5 6 7 8 9 10; do echo "$valid"; done)
nmany=$(echo "$many" | wc -l)
"$WSDOC" render -j 2 -o "$T/o4" $many 2>"$T/err4" & pid=$!
w=
for k in $(seq 50); do w=$(pgrep -P $pid | head -1); [ -n "$w" ] && break; sleep 0.02; done
sleep 0.2; [ -n "$w" ] && kill -KILL "$w"
wait $pid; rc=$?
if [ -n "$w" ] && ! grep -q "完成 $nmany 份" "$T/err4"; then
	[ $rc -eq 3 ] || fail "a killed worker: exit $rc, want 3 ($(tail -1 "$T/err4"))"
	sum=$(tail -1 "$T/err4" | sed 's/[^0-9]\{1,\}/ /g' | awk '{print $1+$2+$3}')
	[ "$sum" -eq "$nmany" ] || fail "a killed worker: summary does not add up: $(tail -1 "$T/err4")"
fi

# 5. On a pseudo-terminal (script(1), util-linux): the bar with done/total,
#    rate and time left, then the summary.
command -v script >/dev/null || { echo "no script(1): pty part skipped"; exit 0; }
files=$(for f in $valid; do printf "'%s' " "$f"; done)
script -qec "'$WSDOC' render -j 2 -o '$T/o3' $files" /dev/null > "$T/tty" 2>&1 </dev/null
grep -q "\] $nvalid/$nvalid  [0-9.]* 份/秒" "$T/tty" || fail "no final bar on a terminal: $(cat -v "$T/tty" | head -5)"
grep -q "/$nvalid  [0-9.]* 份/秒  剩余约 [0-9]* 秒" "$T/tty" || fail "no time left shown: $(cat -v "$T/tty" | head -5)"
grep -q "完成 $nvalid 份" "$T/tty" || fail "no summary on the terminal"
exit 0
