<?xml version="1.0" encoding="UTF-8"?>
<!-- list-html.xsl — the published list as one self-contained web page: no
     external resources, readable on a phone, prints cleanly, an accessible
     table (caption, scoped headers). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="year" select="''"/>
  <xsl:param name="date" select="''"/>
  <xsl:param name="office" select="'党委学生工作部'"/>
  <!-- 'admitted': a year's notice as issued (revoked ones included);
       'current': the workshops under construction now, of any year. -->
  <xsl:param name="mode" select="'admitted'"/>
  <!-- A long list is made a slice at a time (wsdoc publish): part 'frame'
       is the page with a comment "wsdoc:rows" where the rows go, part
       'rows' a tbody of one slice's rows, the first numbered first; count
       is the whole list's.  By default ('page') one document holds the
       page and the whole list.  The table of an empty list (count 0)
       says so. -->
  <xsl:param name="count" select="''"/>
  <xsl:param name="first" select="1"/>
  <xsl:param name="part" select="'page'"/>

  <xsl:variable name="y">
    <xsl:choose>
      <xsl:when test="string($year)"><xsl:value-of select="$year"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="/roster/workshop/@year">
          <xsl:sort data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$part = 'rows'">
        <tbody><xsl:apply-templates select="roster" mode="rows"/></tbody>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="roster"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/roster">
    <xsl:variable name="total">
      <xsl:choose>
        <xsl:when test="string($count)"><xsl:value-of select="$count"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(workshop[$mode = 'admitted' and @year = $y] | workshop[$mode = 'current' and not(status/@state = '已撤销')])"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="title"><xsl:choose><xsl:when test="$mode = 'current'">杭州师范大学在建辅导员工作坊名单</xsl:when><xsl:otherwise>关于公布<xsl:value-of select="$y"/>年度杭州师范大学辅导员工作坊名单的通知</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="cn-date"><xsl:if test="string($date)"><xsl:value-of select="substring($date, 1, 4)"/>年<xsl:value-of select="number(substring($date, 6, 2))"/>月<xsl:value-of select="number(substring($date, 9, 2))"/>日</xsl:if></xsl:variable>
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "AR PL SungtiL GB", serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.7; color: #111; }
h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 1.5rem; text-align: center; font-weight: normal; line-height: 1.4; }
p { text-indent: 2em; margin: .4rem 0; }
p.to { text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
caption { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; margin-bottom: .4rem; }
th, td { border: 1px solid #333; padding: .35rem .5rem; vertical-align: middle; }
th { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; font-weight: normal; background: #f2f2f2; }
td.n { text-align: center; }
.nw { white-space: nowrap; }  /* a name, a unit, a term: never broken; columns fit their content */
.sign { text-align: right; margin-top: 2rem; }
@media (max-width: 40rem) {
  thead { position: absolute; left: -9999px; }
  table, tbody, tr, td, tbody th { display: block; width: 100%; box-sizing: border-box; }
  tr { border: 1px solid #333; margin-bottom: .8rem; }
  td, tbody th { border: none; border-bottom: 1px solid #ddd; }
  caption { display: block; width: 100%; text-align: center; }
  td[data-label]::before, tbody th::before { content: attr(data-label) "\FF1A"; font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; }
  td.n { text-align: left; }
}
@media print {
  body { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
}
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:choose>
            <xsl:when test="$mode = 'current'">
          <p>截至<xsl:value-of select="$cn-date"/>，按《杭州师范大学辅导员工作坊建设与管理办法（试行）》立项、目前在建的辅导员工作坊共<xsl:value-of select="$total"/>个（含暂缓通过、处于半年继续建设期的工作坊；经评估撤销的不列入），名单如下。</p>
            </xsl:when>
            <xsl:otherwise>
          <p class="to">各学院（部）：</p>
          <p>根据《杭州师范大学辅导员工作坊建设与管理办法（试行）》，经主理人申报、成员申报和选择、建设方案优化及学工部审核，确定<xsl:value-of select="$y"/>年度杭州师范大学辅导员工作坊<xsl:value-of select="$total"/>个，现予以公布（名单见下表）。</p>
          <p>请各工作坊主理人及成员根据工作坊建设目标有序开展工作。工作坊每年接受一次评估，评估内容为建设方案的实施情况和建设成效，以及下一阶段工作计划。</p>
            </xsl:otherwise>
          </xsl:choose>
          <table>
            <caption><xsl:choose><xsl:when test="$mode = 'current'">在建辅导员工作坊名单</xsl:when><xsl:otherwise><xsl:value-of select="$y"/>年度杭州师范大学辅导员工作坊名单</xsl:otherwise></xsl:choose></caption>
            <thead>
              <tr><th scope="col" class="nw">序号</th><th scope="col">工作坊名称</th><th scope="col" class="nw">主理人</th><th scope="col">所在单位</th><th scope="col">成员</th><th scope="col">辅导方向</th></tr>
            </thead>
            <tbody>
              <xsl:choose>
                <xsl:when test="$total = 0">
                  <tr><td colspan="6" style="text-align: center"><xsl:choose><xsl:when test="$mode = 'current'">目前没有在建的工作坊</xsl:when><xsl:otherwise>本年度暂无工作坊</xsl:otherwise></xsl:choose></td></tr>
                </xsl:when>
                <xsl:when test="$part = 'frame'"><xsl:comment>wsdoc:rows</xsl:comment></xsl:when>
                <xsl:otherwise><xsl:apply-templates select="." mode="rows"/></xsl:otherwise>
              </xsl:choose>
            </tbody>
          </table>
          <p class="sign"><xsl:value-of select="$office"/><br/>
            <xsl:value-of select="$cn-date"/></p>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The rows of the workshops in this document, in id order. -->
  <xsl:template match="/roster" mode="rows">
    <xsl:for-each select="workshop[$mode = 'admitted' and @year = $y] | workshop[$mode = 'current' and not(status/@state = '已撤销')]">
      <xsl:sort select="@id"/>
      <tr id="{@id}">
        <td class="n nw" data-label="序号"><xsl:value-of select="$first + position() - 1"/></td>
        <th scope="row" data-label="工作坊名称" style="font-family: inherit; background: none; text-align: left"><span class="nw"><xsl:value-of select="normalize-space(name)"/></span></th>
        <td data-label="主理人"><span class="nw"><xsl:value-of select="normalize-space(leader/name)"/></span></td>
        <td data-label="所在单位"><span class="nw"><xsl:value-of select="normalize-space(leader/unit)"/></span></td>
        <td data-label="成员"><xsl:for-each select="members/member"><xsl:if test="position() > 1">、</xsl:if><span class="nw"><xsl:value-of select="normalize-space(name)"/></span></xsl:for-each></td>
        <td data-label="辅导方向"><xsl:for-each select="areas/area"><xsl:if test="position() > 1">、</xsl:if><span class="nw"><xsl:value-of select="normalize-space(.)"/></span></xsl:for-each></td>
      </tr>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
