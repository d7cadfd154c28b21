#!/bin/sh
# gentable.sh ROWS — print an FO document holding one table of ROWS rows
# (a repeated header, four columns of names, units, dates and a sentence),
# the shape of the published list of workshops.  For make bench: the time
# to render it should grow linearly with ROWS.
rows=${1:?usage: gentable.sh ROWS}
cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="宋体, SimSun, serif" font-size="10.5pt" xml:lang="zh-CN">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
        margin-top="25mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
      <fo:region-body margin-bottom="12mm"/>
      <fo:region-after extent="8mm"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:static-content flow-name="xsl-region-after">
      <fo:block text-align="center">— <fo:page-number/> —</fo:block>
    </fo:static-content>
    <fo:flow flow-name="xsl-region-body">
      <fo:block font-family="黑体, SimHei, sans-serif" font-size="18pt" text-align="center" space-after="6mm">杭州师范大学辅导员工作坊名单</fo:block>
      <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-column column-width="proportional-column-width(5)"/>
        <fo:table-column column-width="proportional-column-width(3)"/>
        <fo:table-column column-width="proportional-column-width(6)"/>
        <fo:table-header>
          <fo:table-row font-family="黑体, SimHei, sans-serif">
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">编号</fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">工作坊名称</fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">主理人（单位）</fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">辅导方向</fo:block></fo:table-cell>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
EOF
awk -v n="$rows" 'BEGIN {
	split("启航学生领导力成长 心灵港湾朋辈互助 职引未来生涯规划 学业导航 青春志愿 书香致远 创新创业孵化 网络思政先锋", name, " ");
	split("张三 李四 王芳 陈志远 赵雨桐 刘洋 周敏 吴昊", who, " ");
	split("教育学院 经济与管理学院 心理学院 人文学院 理学院 外国语学院 音乐学院 医学院", unit, " ");
	split("领导力培养、能力素质提升 心理健康、人际交往 职业发展规划、就业创业指导 学业支持 社会实践、文体素养 学业支持、形象塑造 就业创业指导 情感体验、心理健康", area, " ");
	for (i = 1; i <= n; i++) {
		k = (i - 1) % 8 + 1;
		printf "          <fo:table-row>\n";
		printf "            <fo:table-cell border=\"0.5pt solid black\" padding=\"1mm\"><fo:block text-align=\"center\">HZNU-GZF-%05d</fo:block></fo:table-cell>\n", i;
		printf "            <fo:table-cell border=\"0.5pt solid black\" padding=\"1mm\"><fo:block>%s工作坊（第%d期）</fo:block></fo:table-cell>\n", name[k], i;
		printf "            <fo:table-cell border=\"0.5pt solid black\" padding=\"1mm\"><fo:block>%s（%s）</fo:block></fo:table-cell>\n", who[k], unit[k];
		printf "            <fo:table-cell border=\"0.5pt solid black\" padding=\"1mm\"><fo:block text-align=\"justify\">%s；%d年立项，建设期三年。</fo:block></fo:table-cell>\n", area[k], 2020 + i % 7;
		printf "          </fo:table-row>\n";
	}
}'
cat <<'EOF'
        </fo:table-body>
      </fo:table>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
