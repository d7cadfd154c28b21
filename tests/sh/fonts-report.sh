# wsdoc fonts: every role resolves to a TrueType face covering GB2312.
out=$("$WSDOC" fonts) || { echo "wsdoc fonts failed"; exit 1; }
for role in 宋体 黑体 楷体 仿宋; do
	printf '%s\n' "$out" | grep -q "^$role" || { echo "no role $role"; exit 1; }
done
# The first face under each role (首选 or 替代) covers all 6763 hanzi.
n=$(printf '%s\n' "$out" | awk '/^  (首选|替代)/ { getline; print }' | grep -c 'TrueType 轮廓  GB2312 汉字 6763/6763')
[ "$n" -eq 4 ] || { printf '%s\n' "$out"; echo "expected 4 full faces, got $n"; exit 1; }
# Latin letters and digits: 宋体 takes them from the Times New Roman role,
# 黑体 from Arial's, each resolved to a proportional TrueType face.
for pair in 宋体:"Times New Roman" 黑体:Arial; do
	role=${pair%%:*} latin=${pair#*:}
	printf '%s\n' "$out" | awk -v r="$role" '/^[^ ]/ { cur = $0 } cur ~ "^" r && /西文字母和数字/' |
		grep -q "：$latin 角色的 " || { printf '%s\n' "$out"; echo "$role: no Latin role $latin"; exit 1; }
	printf '%s\n' "$out" | awk -v r="$latin" '/^[^ ]/ { cur = $0 } index(cur, r) == 1 && /ASCII 字符/' |
		grep -q 'TrueType 轮廓  ASCII 字符 94/94' || { printf '%s\n' "$out"; echo "$latin: not a full TrueType face"; exit 1; }
done
