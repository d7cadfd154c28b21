# A role whose families are not installed is a system error (exit 3) that
# names the package to install; fontconfig's substitute never sneaks in.
mkdir -p "$T/data/fonts"
cat > "$T/data/fonts/fonts.ini" <<'INI'
[宋体]
families = NoSuchFamilyAtAll, Times New Chinese
package = fonts-arphic-gbsn00lp
INI
WSDOC_DATADIR=$T/data "$WSDOC" fonts > "$T/out" 2> "$T/err"; rc=$?
[ "$rc" -eq 3 ] || { echo "exit $rc, expected 3"; exit 1; }
grep -q 'F-SYS-FONT-MISSING' "$T/err" || { cat "$T/err"; exit 1; }
grep -q 'apt-get install fonts-arphic-gbsn00lp' "$T/err" || { cat "$T/err"; exit 1; }
# No configuration at all: also exit 3.
mkdir -p "$T/empty"
WSDOC_DATADIR=$T/empty "$WSDOC" fonts > /dev/null 2> "$T/err2"; rc=$?
[ "$rc" -eq 3 ] || { echo "exit $rc without fonts.ini"; exit 1; }
grep -q 'F-SYS-FONT-CONF' "$T/err2" || { cat "$T/err2"; exit 1; }
