# render-sweep-zombie.sh — a worker killed while its parent died too stays
# a zombie where no process reaps orphans (a container whose first process
# never calls wait): its pid answers kill(pid, 0), yet it writes nothing
# any more.  The next run into the folder removes its temporary PDF all the
# same (issue 15, finding 7: 8 of 20 kills left such files for good).
set -u
S=$SRCDIR/samples/2026/申报
mkdir -p "$T/out"
# A zombie: a child that exits while its parent sleeps and never waits.
command -v perl >/dev/null 2>&1 || { echo "perl not installed"; exit 77; }
perl -e '$SIG{CHLD} = "DEFAULT"; my $p = fork; exit 0 unless $p;
	open my $f, ">", $ARGV[0] or die; print $f "$p\n"; close $f; sleep 20' "$T/zpid" &
holder=$!
i=0
while [ ! -s "$T/zpid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
z=$(cat "$T/zpid")
i=0
while [ "$(cut -d' ' -f3 "/proc/$z/stat" 2>/dev/null)" != Z ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cut -d' ' -f3 "/proc/$z/stat" 2>/dev/null)" = Z ] || { kill "$holder"; echo "no zombie to test with"; exit 77; }
: > "$T/out/.申报表-x.pdf.~$z.AbCdEf"
"$WSDOC" render -o "$T/out" "$S"/01-*.ini "$S"/02-*.ini >/dev/null 2>&1
st=$?
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
[ $st -eq 0 ] || { echo "FAIL: render exit $st"; exit 1; }
[ -e "$T/out/.申报表-x.pdf.~$z.AbCdEf" ] && { echo "FAIL: a zombie's temporary PDF was kept"; exit 1; }
exit 0
