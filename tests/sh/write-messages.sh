# write-messages.sh — a write refused for want of permission is named as the
# write permission (issue 15, finding 8: it said 没有读取权限), exit 3, and
# the old file stays.
set -u
fail() { echo "FAIL: $*"; exit 1; }
app=$SRCDIR/samples/2026/申报/05-医学院-冯晓岚.ini
mkdir -p "$T/o"
printf 'OLD\n' > "$T/o/a.pdf"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/o"
	"$WSDOC" render -o "$T/o/a.pdf" "$app" >/dev/null 2>"$T/err"; rc=$?
	chmod 755 "$T/o"
elif command -v strace >/dev/null 2>&1; then
	# root may write anywhere: make the rename into the folder fail as
	# it does in a folder without write permission
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	strace -o /dev/null -e trace=rename,renameat,renameat2 \
		-e inject=rename,renameat,renameat2:error=EACCES \
		"$WSDOC" render -o "$T/o/a.pdf" "$app" >/dev/null 2>"$T/err"; rc=$?
else
	echo "root without strace: cannot refuse a write"; exit 77
fi
[ $rc = 3 ] || fail "no write permission: exit $rc ($(cat "$T/err"))"
grep -q 'F-IO-WRITE.*没有写入权限' "$T/err" || fail "no write permission: $(cat "$T/err")"
grep -q '读取权限）' "$T/err" && fail "a write refused called a read permission: $(cat "$T/err")"
[ "$(cat "$T/o/a.pdf")" = OLD ] || fail "the old file was touched"
[ "$(ls -A "$T/o")" = a.pdf ] || fail "left behind: $(ls -A "$T/o")"
exit 0
