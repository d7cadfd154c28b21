# wsdoc serve over HTTP, as a browser and as a hostile client use it: the
# answers of check, render, xml and open are those of wsdoc check, render
# and convert on the same bytes; the headers every answer carries; what is
# malformed, too large, slow or not allowed is refused with a 4xx and a
# message, and disturbs nothing else; 1 000 requests in a row (under ASan in
# the sanitizer run, where a leak fails the stop); SIGTERM during a render
# lets the render finish, then stops cleanly.
set -u
fail() { echo "FAIL: $*"; exit 1; }
. "$SRCDIR/tests/serve-lib.sh"
S=samples/2026
app=$S/申报/01-教育学院-沈若溪.ini
bad=samples/invalid/结构-缺第三年和空项.ini
ev=$S/评估/HZNU-GZF-2026-01.ini
command -v curl >/dev/null || fail "curl missing (make deps installs it)"

# 0. Usage: a bad address is refused before anything starts.
"$WSDOC" serve --listen nowhere 2>"$T/e"; [ $? -eq 2 ] || fail "bad --listen not exit 2"
grep -q 'E-SERVE-LISTEN' "$T/e" || fail "no E-SERVE-LISTEN: $(cat "$T/e")"
"$WSDOC" serve --help | grep -q -- '--listen' || fail "serve --help says nothing of --listen"

serve_start
# 1. The address taken is refused with F-SYS-SERVE, exit 3.
"$WSDOC" serve --listen 127.0.0.1:$PORT 2>"$T/e"; [ $? -eq 3 ] || fail "port in use not exit 3"
grep -q 'F-SYS-SERVE' "$T/e" || fail "no F-SYS-SERVE: $(cat "$T/e")"

# 2. Pages, with the headers of every answer.
for p in / /form/application /form/evaluation /form/member; do
	curl -s -D "$T/h" -o "$T/page" "$URL$p" || fail "GET $p"
	grep -q '^HTTP/1.1 200' "$T/h" || fail "GET $p: $(head -1 "$T/h")"
	grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'sha256-" "$T/h" || fail "$p: no strict CSP"
	grep -qi '^X-Content-Type-Options: nosniff' "$T/h" || fail "$p: no nosniff"
	grep -qi '^Cache-Control: no-store' "$T/h" || fail "$p: cached"
	grep -q '<script src\|<link rel="stylesheet\|https\?://' "$T/page" && fail "$p fetches from elsewhere"
done
curl -s "$URL/form/application" > "$T/page"
grep -q '"key":"简介","label":"简介","form":"text","path":"leader/intro","hint":"100字以内","max":100' "$T/page" ||
	fail "the 附件1 page has no 简介 limited to policy.ini's 100"
curl -s "$URL/form/evaluation" | grep -q '"choices":\["优秀通过","通过","暂缓通过","撤销"\]' ||
	fail "the 附件2 page has not the four 自评 grades"

# 3. check: the verdict and the messages of wsdoc check, keyed by field.
curl -s -D "$T/h" -X POST --data-binary @"$app" "$URL/api/check" > "$T/ok.json"
grep -q '"errors":0' "$T/ok.json" || fail "a valid form has errors: $(cat "$T/ok.json")"
grep -qi '^Cache-Control: no-store' "$T/h" || fail "check's answer may be cached"
curl -s -X POST --data-binary @"$bad" "$URL/api/check" > "$T/bad.json"
"$WSDOC" check "$bad" 2>"$T/cli"; [ $? -eq 1 ] || fail "$bad should fail wsdoc check"
sed -n 's/^[^ ]*: [^ ]* \([A-Z0-9-]*\): .*/\1/p' "$T/cli" | sort > "$T/cli.codes"
codes "$T/bad.json" | sort > "$T/srv.codes"
cmp -s "$T/cli.codes" "$T/srv.codes" || { diff "$T/cli.codes" "$T/srv.codes"; fail "check: other codes than wsdoc check"; }
# the same words: each CLI message's text is in the answer
while IFS= read -r l; do
	txt=$(printf '%s\n' "$l" | sed 's/^[^ ]*: [^ ]* [A-Z0-9-]*: \(.*\)$/\1/; s/〔.*〕$//')
	grep -qF "\"text\":\"$txt\"" "$T/bad.json" || fail "not the CLI's words: $txt"
done < "$T/cli"
grep -q '"code":"E-RNG-EMPTY"[^}]*"field":"主理人/工号"' "$T/bad.json" || fail "no message keyed to 主理人/工号: $(cat "$T/bad.json")"
# in the form's (the INI's line) order
grep -o '"line":[0-9]*' "$T/bad.json" | sed 's/.*://' | awk '$1 > 0' > "$T/lines"
sort -n "$T/lines" | cmp -s - "$T/lines" || fail "messages not in form order"

# 4. A form names no file of the server's.
printf '[申报表]\n年度 = 2026\n[主理人]\n简介 = @/etc/passwd\n' > "$T/inc.ini"
curl -s -X POST --data-binary @"$T/inc.ini" "$URL/api/check" > "$T/inc.json"
grep -q '"code":"E-INI-INCLUDE-OFF".*"field":"主理人/简介"' "$T/inc.json" || fail "an @file include was not refused: $(cat "$T/inc.json")"
grep -q 'root:' "$T/inc.json" && fail "/etc/passwd was read"

# 5. render: the bytes of wsdoc render; a draft while errors remain.
curl -s -o "$T/srv.pdf" -D "$T/h" -X POST --data-binary @"$app" "$URL/api/render"
grep -qi '^Content-Type: application/pdf' "$T/h" || fail "render: $(head -1 "$T/h")"
"$WSDOC" render -o "$T/cli.pdf" "$app" || fail "wsdoc render"
cmp -s "$T/srv.pdf" "$T/cli.pdf" || fail "served PDF differs from wsdoc render's"
curl -s -o "$T/srvd.pdf" -X POST --data-binary @"$bad" "$URL/api/render"
"$WSDOC" render --draft -o "$T/clid.pdf" "$bad" 2>/dev/null
cmp -s "$T/srvd.pdf" "$T/clid.pdf" || fail "served draft differs from wsdoc render --draft's"

# 6. xml: what wsdoc convert writes.
curl -s -o "$T/srv.xml" -X POST --data-binary @"$ev" "$URL/api/xml"
"$WSDOC" convert "$ev" -o "$T/cli.xml"
cmp -s "$T/srv.xml" "$T/cli.xml" || fail "served XML differs from wsdoc convert's"

# 7. open: a GBK file read by the CLI's reader, its messages with it.
curl -s -X POST -H 'X-Wsdoc-Filename: gbk.ini' --data-binary @tests/hostile/gbk.ini "$URL/api/open" > "$T/open.json"
grep -q '"kind":"' "$T/open.json" && grep -q '"xml":"' "$T/open.json" || fail "open GBK: $(head -c 300 "$T/open.json")"
"$WSDOC" check tests/hostile/gbk.ini 2>&1 | sed -n 's/^[^ ]*: [^ ]* \([A-Z0-9-]*\): .*/\1/p' | grep -v '^E-RNG\|^E-APP\|^W-APP\|^E-EVAL\|^W-EVAL\|^E-MEM\|^W-MEM' | sort > "$T/cli.codes"
codes "$T/open.json" | sort > "$T/srv.codes"
cmp -s "$T/cli.codes" "$T/srv.codes" || { diff "$T/cli.codes" "$T/srv.codes"; fail "open: not the reader's messages"; }
printf '<?xml version="1.0"?>\n<application year="2026"><workshop>' > "$T/broken.xml"
curl -s -o "$T/broken.json" -w '%{http_code}' -X POST -H 'X-Wsdoc-Filename: %E7%A0%B4.xml' --data-binary @"$T/broken.xml" "$URL/api/open" > "$T/code"
[ "$(cat "$T/code")" = 422 ] || fail "open of a broken file: $(cat "$T/code")"
grep -q '"code":"E-XML-' "$T/broken.json" || fail "open of a broken file: $(cat "$T/broken.json")"

# 8. Refused: unknown path, wrong method, empty, too large (by its length
# or as it comes), malformed HTTP — each a 4xx, the server still answering.
st() { curl -s -o "$T/r" -w '%{http_code}' "$@"; }
[ "$(st "$URL/etc/passwd")" = 404 ] || fail "unknown path not 404"
grep -q 'E-SERVE-NOT-FOUND' "$T/r" || fail "404 without its message"
[ "$(st "$URL/../../etc/passwd" --path-as-is)" = 404 ] || fail "../ not 404"
[ "$(st -X POST "$URL/")" = 405 ] || fail "POST / not 405"
[ "$(st "$URL/api/check")" = 405 ] || fail "GET /api/check not 405"
grep -q 'E-SERVE-METHOD' "$T/r" || fail "405 without its message"
[ "$(st -X POST --data-binary '' "$URL/api/check")" = 400 ] || fail "empty body not 400"
grep -q 'E-SERVE-EMPTY' "$T/r" || fail "400 without its message"
head -c 1100000 /dev/zero | tr '\0' 'a' > "$T/big"
[ "$(st -X POST --data-binary @"$T/big" "$URL/api/check")" = 413 ] || fail "1.1 MB not 413"
grep -q 'E-SERVE-TOO-LARGE' "$T/r" || fail "413 without its message"
[ "$(st -X POST -H 'Transfer-Encoding: chunked' --data-binary @"$T/big" "$URL/api/check")" = 413 ] ||
	fail "1.1 MB chunked not 413"
printf 'POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n' | "$HTTPC" raw $PORT > "$T/raw"
grep -q '^HTTP/1.1 400' "$T/raw" || fail "a bad Content-Length: $(head -1 "$T/raw")"
printf 'POST /api/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n' | "$HTTPC" raw $PORT > "$T/raw"
grep -q '^HTTP/1.1 4' "$T/raw" || fail "a bad chunk: $(head -1 "$T/raw")"
printf 'GET / HTTP/7.0\r\nHost: x\r\n\r\n' | "$HTTPC" raw $PORT > "$T/raw"
grep -q '^HTTP/1.1 505' "$T/raw" || fail "HTTP/7.0: $(head -1 "$T/raw")"
# not JSON or INI at all: read as the CLI reads it, said so
printf '\001\002\003' > "$T/bin"
curl -s -X POST --data-binary @"$T/bin" "$URL/api/check" | grep -q '"errors":[1-9]' || fail "binary body not an error"

# 9. A slow client is cut, and meanwhile others are answered at once.
"$HTTPC" slow $PORT 30 > "$T/slow" &
slow=$!
sleep 1
[ "$(st -m 5 -X POST --data-binary @"$app" "$URL/api/check")" = 200 ] || fail "blocked by a slow client"
wait $slow || fail "slow client not cut"
s=$(tail -1 "$T/slow")
[ "$s" -le 15 ] || fail "slow client cut only after $s s"

# 10. 1 000 requests in a row (4 connections), all answered.
"$HTTPC" load $PORT /api/check "$app" 4 0 1000 > "$T/load" || { cat "$T/load"; fail "1000 checks"; }

# 11. A worker that dies is replaced, said by W-SERVE-WORKER; the server
# goes on answering.
kids=$(cat /proc/$SERVE_PID/task/$SERVE_PID/children 2>/dev/null)
if [ -n "$kids" ]; then
	set -- $kids
	kill -KILL "$1"
	i=0
	while ! grep -q 'W-SERVE-WORKER' "$T/serve.err" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q 'W-SERVE-WORKER' "$T/serve.err" || fail "a killed worker was not replaced"
	"$HTTPC" load $PORT /api/check "$app" 8 0 200 > "$T/load" || { cat "$T/load"; fail "checks after a worker died"; }
	[ "$(wc -w < /proc/$SERVE_PID/task/$SERVE_PID/children)" = "$#" ] || fail "not as many workers as before"
fi
serve_stop

# 12. SIGTERM during a render: the render is answered whole, then a clean stop.
serve_start
awk '{ print } /^总体规划 =/ { for (i = 20; i <= 2400; i++) printf "总体规划.%d = 第%d段：工作坊围绕立德树人根本任务，分阶段推进学生辅导、成员成长和平台建设，每一阶段都有可检验的目标和成果。\n", i, i }' "$app" > "$T/long.ini"
"$WSDOC" render -o "$T/long.pdf" "$T/long.ini" || fail "render of the long form"
# sent slowly (about a second), so the server has surely taken the request
# when SIGTERM comes: answered whole all the same
curl -s -o "$T/term.pdf" --limit-rate 600K -w '%{http_code}' -X POST --data-binary @"$T/long.ini" "$URL/api/render" > "$T/code" &
cpid=$!
# SIGTERM only once the connection is established (on a loaded machine curl
# may take longer than any fixed sleep to connect), then a moment for the
# server to take it; the upload itself lasts about a second
serve_wait_connection || fail "render under SIGTERM: curl never connected to port $PORT"
sleep 0.3
kill -TERM $SERVE_PID
wait $cpid
[ "$(cat "$T/code")" = 200 ] || fail "render under SIGTERM: $(cat "$T/code")"
cmp -s "$T/term.pdf" "$T/long.pdf" || fail "render under SIGTERM: not the whole PDF"
wait $SERVE_PID; rc=$?
SERVE_PID=
[ $rc -eq 0 ] || { cat "$T/serve.err"; fail "exit $rc after SIGTERM during a render"; }
grep -q 'Sanitizer' "$T/serve.err" && { cat "$T/serve.err"; fail "sanitizer report"; }
exit 0
