# build-fresh-machine.sh — `make demo` succeeds on its first run on a machine
# where the libraries are not installed yet (issue 12): the compiler flags
# come from pkg-config only after `make deps` installed the packages.  A fake
# pkg-config, dpkg-query, apt-get and id stand for the bare Debian 12: until
# apt-get "installs", pkg-config knows nothing and every package is missing.
set -u
[ -n "${SANITIZE:-}" ] && { echo "the plain run tests the Makefile"; exit 77; }
command -v git > /dev/null || { echo "no git"; exit 77; }
mkdir -p "$T/bin" "$T/src"
cat > "$T/bin/pkg-config" <<SH
#!/bin/sh
[ -f "$T/installed" ] && exec /usr/bin/pkg-config "\$@"
exit 1
SH
cat > "$T/bin/dpkg-query" <<SH
#!/bin/sh
[ -f "$T/installed" ] && exec /usr/bin/dpkg-query "\$@"
exit 1
SH
cat > "$T/bin/apt-get" <<SH
#!/bin/sh
case "\$1" in install) echo "apt-get \$*" >> "$T/apt.log"; touch "$T/installed";; esac
exit 0
SH
printf '#!/bin/sh\n[ "$1" = -u ] && { echo 0; exit 0; }\nexec /usr/bin/id "$@"\n' > "$T/bin/id"
chmod +x "$T/bin/"*
# A fresh clone of what is committed and changed here (not build/ or out/).
(cd "$SRCDIR" && git ls-files -co --exclude-standard -z | xargs -0 tar cf -) |
    (cd "$T/src" && tar xf -)
cd "$T/src" || exit 1
PATH=$T/bin:$PATH make -s OPT=-O0 demo > "$T/out" 2>&1; rc=$?
fail=0
if [ $rc -ne 0 ]; then
	echo "first make demo: exit $rc"; tail -20 "$T/out"; fail=1
fi
[ -f "$T/apt.log" ] || { echo "deps did not install anything"; fail=1; }
[ -f out/roster.xml ] || { echo "demo wrote no roster"; fail=1; }
exit $fail
