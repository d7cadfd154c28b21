# wsdoc fonts: every role resolves to a TrueType face covering GB2312.
out=$("$WSDOC" fonts) || { echo "wsdoc fonts failed"; exit 1; }
for role in 宋体 黑体 楷体 仿宋; do
	printf '%s\n' "$out" | grep -q "^$role" || { echo "no role $role"; exit 1; }
done
# The first face under each role (首选 or 替代) covers all 6763 hanzi.
n=$(printf '%s\n' "$out" | awk '/^  (首选|替代)/ { getline; print }' | grep -c 'TrueType 轮廓  GB2312 汉字 6763/6763')
[ "$n" -eq 4 ] || { printf '%s\n' "$out"; echo "expected 4 full faces, got $n"; exit 1; }
