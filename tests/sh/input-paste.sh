# input-paste.sh — what a counsellor does with the template (issue 12):
# @file of a Word document (.docx) read as paragraphs, other formats named;
# UTF-16 without a mark named as UTF-16; the messages of a file in one
# round, in line order, each with its column; check says 通过 on a
# terminal; render says which PDF each input became; a folder that does
# not exist is named as such.
set -u
fail=0
S=samples/2026/申报/01-教育学院-沈若溪.ini
command -v python3 > /dev/null || { echo "no python3"; exit 77; }

# .docx: its paragraphs, in order; a .doc or a PDF: the format named.
python3 - "$T/计划.docx" <<'P'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w')
z.writestr('[Content_Types].xml', '<Types/>')
z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  '<w:p><w:r><w:t>第一年春季完成首期学员选拔，</w:t></w:r><w:r><w:t xml:space="preserve">秋季招收第二期。</w:t></w:r></w:p>'
  '<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格中的一段。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
  '<w:p><w:r><w:t>年底举办成果展示。</w:t></w:r></w:p></w:body></w:document>')
z.close()
P
printf '\320\317\021\340old word' > "$T/旧.doc"
sed -e 's/^第一年 = .*/第一年 = @计划.docx/' -e '/^第一年\.[0-9]/d' "$S" > "$T/a.ini"
"$WSDOC" convert "$T/a.ini" > "$T/a.xml" 2> "$T/out" || { echo "docx:"; cat "$T/out"; fail=1; }
grep -q '<p>第一年春季完成首期学员选拔，秋季招收第二期。</p>' "$T/a.xml" &&
    grep -q '<p>表格中的一段。</p>' "$T/a.xml" && grep -q '<p>年底举办成果展示。</p>' "$T/a.xml" ||
	{ echo "docx paragraphs:"; grep -A5 '<year n="1"' "$T/a.xml"; fail=1; }
sed -e 's/^第一年 = .*/第一年 = @旧.doc/' -e '/^第一年\.[0-9]/d' "$S" > "$T/b.ini"
"$WSDOC" check "$T/b.ini" > "$T/out" 2>&1 && { echo ".doc accepted"; fail=1; }
grep -q 'E-INI-INCLUDE-FORMAT: 引用的文件“旧.doc”是Word 97-2003 或 WPS 的旧格式文档.*\.txt.*\.docx' "$T/out" ||
	{ echo ".doc:"; cat "$T/out"; fail=1; }

# A lone CR is a line end, never text (issue 15): 单位 = 伪造学院 after a
# CR is a key of its own, not part of the name; a file with CR-only line
# ends is read, and said to be one.
printf '[成员申报表]\n年度 = 2026\n工作坊 = 启航学生领导力成长工作坊\n[申报人]\n姓名 = 冯晓岚\r单位 = 伪造学院\n' > "$T/cr.ini"
"$WSDOC" convert "$T/cr.ini" 2> "$T/out" | grep -q '<name>冯晓岚</name>' ||
	{ echo "lone CR:"; "$WSDOC" convert "$T/cr.ini"; cat "$T/out"; fail=1; }
grep -q 'cr.ini:5:9: 警告 W-INI-CR' "$T/out" || { echo "lone CR not said:"; cat "$T/out"; fail=1; }
tr '\n' '\r' < "$S" > "$T/mac.ini"
"$WSDOC" check "$T/mac.ini" > "$T/out" 2>&1 || { echo "CR-only file:"; cat "$T/out"; fail=1; }
grep -q 'W-INI-CR: 此处有单独的回车符（CR' "$T/out" || { echo "CR-only not named:"; cat "$T/out"; fail=1; }

# UTF-16 without a byte-order mark, XML and INI: named, then read.
for f in samples/2026/申报/03-人文学院-许清和.xml "$S"; do
	iconv -f UTF-8 -t UTF-16LE "$f" > "$T/u16.${f##*.}"
	"$WSDOC" check "$T/u16.${f##*.}" > "$T/out" 2>&1 || { echo "UTF-16 $f:"; cat "$T/out"; fail=1; }
	grep -q 'W-INPUT-UTF16-NOBOM: 文件是 UTF-16 编码（UTF-16LE）' "$T/out" || { echo "UTF-16 $f not named"; cat "$T/out"; fail=1; }
done

# One round in line order, every message with a column: reader, schema and
# rules messages of one file together.
sed -e 's/^简介 = .*/简介 = 这是一段超过一百个字的主理人简介。这是一段超过一百个字的主理人简介。这是一段超过一百个字的主理人简介。这是一段超过一百个字的主理人简介。这是一段超过一百个字的主理人简介。这是一段超过一百个字的主理人简介。/' \
    -e 's/^研究方向 = 朋辈教育.*/性别 = 女/' -e 's/^岗位 = 兼职辅导员/岗位 = 行政人员/' "$S" > "$T/mixed.ini"
"$WSDOC" check "$T/mixed.ini" > "$T/out" 2>&1
grep -q 'E-INI-KEY-UNKNOWN' "$T/out" && grep -q 'E-APP-INTRO-LONG' "$T/out" &&
    grep -q 'E-APP-MEMBER-POST' "$T/out" || { echo "not one round:"; cat "$T/out"; fail=1; }
sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: .*/\1/p' "$T/out" > "$T/lines"
sort -n -c "$T/lines" 2> /dev/null || { echo "out of line order:"; cat "$T/out"; fail=1; }
grep -v '^[^:]*:[0-9]*:[0-9]*: ' "$T/out" | grep . && { echo "a message without line and column"; fail=1; }

# check on a terminal: 通过 per good file and one line for the run.
if command -v script > /dev/null; then
	script -qec "$WSDOC check $S samples/invalid/标准-短于学工部标准.ini $T/mixed.ini" /dev/null > "$T/tty" 2>&1
	grep -q "通过  $S" "$T/tty" && grep -q '通过  samples/invalid/标准-短于学工部标准.ini（9 条警告）' "$T/tty" &&
	    grep -q '检查了 3 个文件：2 个通过，1 个有错误' "$T/tty" || { echo "terminal:"; cat "$T/tty"; fail=1; }
fi
"$WSDOC" check "$S" > "$T/out" 2>&1; [ -s "$T/out" ] && { echo "not silent off a terminal"; fail=1; }

# render says which PDF each input became; two of one leader are told apart.
cp "$S" "$T/一.ini"; cp "$S" "$T/二.ini"
"$WSDOC" render -o "$T/pdf" "$T/一.ini" "$T/二.ini" > "$T/out" 2> "$T/err" || { cat "$T/err"; fail=1; }
grep -q "^$T/一.ini → $T/pdf/申报表-沈若溪.pdf\$" "$T/out" &&
    grep -q "^$T/二.ini → $T/pdf/申报表-沈若溪-2.pdf\$" "$T/out" || { echo "render mapping:"; cat "$T/out"; fail=1; }
# A folder that does not exist is said to be that, not "file not found,
# check the disk space".
"$WSDOC" render -o /nonexistent/dir/x.pdf "$S" > "$T/out" 2>&1; rc=$?
[ $rc -eq 3 ] && grep -q '文件夹“/nonexistent/dir”不存在' "$T/out" && ! grep -q '磁盘空间' "$T/out" ||
	{ echo "missing folder: exit $rc"; cat "$T/out"; fail=1; }
exit $fail
