# serve-lib.sh — sourced by the tests of wsdoc serve (tests/sh/serve-*.sh):
# start a server on a free port of 127.0.0.1, and stop it.
#   serve_start [ARGS]   sets SERVE_PID and PORT; the server's stderr in $T/serve.err
#   serve_stop           SIGTERM; fails unless it stops cleanly (exit 0, and
#                        under the sanitizers no leak report)
HTTPC=$SRCDIR/$BUILD/tools/httpc
serve_start() {
	# the shell truncates serve.err in the child, which may come after the
	# loop below has read the port of the previous server from it: start afresh
	rm -f "$T/serve.err"
	"$WSDOC" serve --listen 127.0.0.1:0 "$@" 2>"$T/serve.err" &
	SERVE_PID=$!
	# a test that fails leaves no server behind
	trap '[ -n "$SERVE_PID" ] && kill $SERVE_PID 2>/dev/null' EXIT
	i=0
	PORT=
	while [ $i -lt 600 ]; do
		PORT=$(sed -n 's/.*N-SERVE-READY.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/serve.err" 2>/dev/null)
		[ -n "$PORT" ] && break
		kill -0 $SERVE_PID 2>/dev/null || { cat "$T/serve.err"; echo "FAIL: server did not start"; exit 1; }
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$PORT" ] || { echo "FAIL: server not ready"; exit 1; }
	URL=http://127.0.0.1:$PORT
}
serve_stop() {
	kill -TERM $SERVE_PID
	wait $SERVE_PID
	rc=$?
	SERVE_PID=
	[ $rc -eq 0 ] || { cat "$T/serve.err"; echo "FAIL: server exit $rc after SIGTERM"; exit 1; }
	grep -q 'N-SERVE-STOPPED' "$T/serve.err" || { cat "$T/serve.err"; echo "FAIL: no N-SERVE-STOPPED"; exit 1; }
	if grep -q 'Sanitizer\|LeakSanitizer' "$T/serve.err"; then
		cat "$T/serve.err"; echo "FAIL: sanitizer report"; exit 1
	fi
}
# serve_wait_connection: wait (up to 10 s) until a TCP connection to $PORT is
# established (/proc/net/tcp: state 01, the remote or local port is $PORT).
serve_wait_connection() {
	hex=$(printf '%04X' "$PORT")
	i=0
	while [ $i -lt 200 ]; do
		awk -v p="$hex" 'NR > 1 { split($2, l, ":"); split($3, r, ":")
			if ($4 == "01" && (l[2] == p || r[2] == p)) f = 1 }
			END { exit !f }' /proc/net/tcp && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# The codes of a JSON answer, one a line, in its order.
codes() { grep -o '"code":"[^"]*"' "$1" | sed 's/"code":"\(.*\)"/\1/'; }
