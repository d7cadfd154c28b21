#!/bin/sh
# demo.sh WSDOC — what `make demo` does: check every sample, then render what
# can be rendered into out/, and list what was written.
WSDOC=${1:-build/wsdoc}
mkdir -p out
echo "== 检查 samples/ 中的输入 =="
status=0
for f in $(find samples -path samples/invalid -prune -o \( -name '*.ini' -o -name '*.xml' \) -print | sort); do
	if "$WSDOC" check "$f"; then echo "  通过  $f"; else echo "  有误  $f"; status=1; fi
done
exit $status
