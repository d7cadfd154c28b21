<?xml version="1.0" encoding="UTF-8"?>
<!-- list.xsl — 审核公布 (第五条第5款), from roster.xml to XSL-FO, in one of
     two modes: 'admitted', the notice publishing the workshops approved in
     one year, as it was issued (every workshop admitted that year, revoked
     later or not: wsdoc publish hands them with the name and leader they
     were admitted with), or 'current', the list of the workshops under
     construction now, of any year, revoked ones left out. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="year" select="''"/>   <!-- default: the latest year -->
  <xsl:param name="date" select="''"/>   <!-- the notice's date, YYYY-MM-DD -->
  <xsl:param name="office" select="'党委学生工作部'"/>
  <xsl:param name="mode" select="'admitted'"/>   <!-- or 'current' -->
  <!-- A long list is made a slice at a time (wsdoc publish): the slice's
       first 序号, its first page number, the whole list's count, and
       whether it opens the notice (title, text) or closes it (office,
       date).  By default one document holds the whole list. -->
  <xsl:param name="count" select="''"/>
  <xsl:param name="first" select="1"/>
  <xsl:param name="page" select="1"/>
  <xsl:param name="head" select="1"/>
  <xsl:param name="tail" select="1"/>

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

  <xsl:template name="cn-date">
    <xsl:param name="d"/>
    <xsl:value-of select="substring($d, 1, 4)"/>年<xsl:value-of select="number(substring($d, 6, 2))"/>月<xsl:value-of select="number(substring($d, 9, 2))"/>日</xsl:template>

  <xsl:template match="/roster">
    <xsl:variable name="listed" select="workshop[$mode = 'admitted' and @year = $y] |
        workshop[$mode = 'current' and not(status/@state = '已撤销')]"/>
    <xsl:variable name="total">
      <xsl:choose>
        <xsl:when test="string($count)"><xsl:value-of select="$count"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count($listed)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:root font-family="{$song}" font-size="{$size-body}" xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <fo:page-sequence master-reference="A4" initial-page-number="{$page}">
        <xsl:call-template name="page-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:if test="$head = 1">
          <xsl:choose>
            <xsl:when test="$mode = 'current'">
          <xsl:call-template name="title">
            <xsl:with-param name="text">杭州师范大学在建辅导员工作坊名单</xsl:with-param>
          </xsl:call-template>
          <fo:block line-height="1.5" text-indent="2em" text-align="justify" space-after="4mm">截至<xsl:if test="string($date)"><xsl:call-template name="cn-date"><xsl:with-param name="d" select="$date"/></xsl:call-template></xsl:if>，按《杭州师范大学辅导员工作坊建设与管理办法（试行）》立项、目前在建的辅导员工作坊共<xsl:value-of select="$total"/>个（含暂缓通过、处于半年继续建设期的工作坊；经评估撤销的不列入），名单如下。</fo:block>
            </xsl:when>
            <xsl:otherwise>
          <xsl:call-template name="title">
            <xsl:with-param name="text">关于公布<xsl:value-of select="$y"/>年度杭州师范大学辅导员工作坊名单的通知</xsl:with-param>
          </xsl:call-template>
          <fo:block line-height="1.5" space-after="1mm">各学院（部）：</fo:block>
          <fo:block line-height="1.5" text-indent="2em" text-align="justify">根据《杭州师范大学辅导员工作坊建设与管理办法（试行）》，经主理人申报、成员申报和选择、建设方案优化及学工部审核，确定<xsl:value-of select="$y"/>年度杭州师范大学辅导员工作坊<xsl:value-of select="$total"/>个，现予以公布（名单见下表）。</fo:block>
          <fo:block line-height="1.5" text-indent="2em" text-align="justify" space-after="4mm">请各工作坊主理人及成员根据工作坊建设目标有序开展工作。工作坊每年接受一次评估，评估内容为建设方案的实施情况和建设成效，以及下一阶段工作计划。</fo:block>
            </xsl:otherwise>
          </xsl:choose>
          </xsl:if>
          <!-- Columns sized to their content (table-layout auto): the name,
               the leader and the unit each on one line (kept whole), the
               members and the areas share what is left and break after 、. -->
          <fo:table table-layout="auto" width="100%" border-collapse="collapse" font-size="{$size-small}">
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column column-width="proportional-column-width(11)"/>
            <fo:table-column column-width="proportional-column-width(8)"/>
            <fo:table-header>
              <fo:table-row font-family="{$hei}">
                <xsl:for-each select="document('')/*/xsl:variable[@name='heads']/h">
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center">
                    <fo:block text-align="center"><xsl:value-of select="."/></fo:block>
                  </fo:table-cell>
                </xsl:for-each>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:for-each select="$listed">
                <xsl:sort select="@id"/>
                <!-- A workshop's row is not split over two pages (unless it is
                     taller than a page): its 序号 and name would stay behind. -->
                <fo:table-row id="row-{$first + position() - 1}" keep-together.within-page="always">
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block text-align="center"><xsl:value-of select="$first + position() - 1"/></fo:block></fo:table-cell>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block><xsl:call-template name="kept"><xsl:with-param name="text" select="name"/></xsl:call-template></fo:block><xsl:if test="$mode = 'current'"><fo:block font-size="9pt"><xsl:value-of select="@year"/>年度立项<xsl:if test="status/@state = '暂缓'">，暂缓通过，继续建设期至<xsl:call-template name="cn-date"><xsl:with-param name="d" select="status/@until"/></xsl:call-template></xsl:if></fo:block></xsl:if></fo:table-cell>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block text-align="center"><xsl:call-template name="kept"><xsl:with-param name="text" select="leader/name"/></xsl:call-template></fo:block></fo:table-cell>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block><xsl:call-template name="kept"><xsl:with-param name="text" select="leader/unit"/></xsl:call-template></fo:block></fo:table-cell>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block><xsl:call-template name="join-members"><xsl:with-param name="members" select="members/member"/></xsl:call-template></fo:block></fo:table-cell>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" display-align="center"><fo:block><xsl:call-template name="join-kept"><xsl:with-param name="items" select="areas/area"/></xsl:call-template></fo:block></fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
              <xsl:if test="$total = 0">
                <fo:table-row>
                  <fo:table-cell border="0.5pt solid black" padding="1.5mm 1mm" number-columns-spanned="6"><fo:block text-align="center"><xsl:choose><xsl:when test="$mode = 'current'">目前没有在建的工作坊</xsl:when><xsl:otherwise>本年度暂无工作坊</xsl:otherwise></xsl:choose></fo:block></fo:table-cell>
                </fo:table-row>
              </xsl:if>
            </fo:table-body>
          </fo:table>
          <xsl:if test="$tail = 1">
          <!-- The office and the date stay with the end of the table. -->
          <fo:block space-before="12mm" text-align="end" keep-with-previous.within-page="always" keep-with-next="always" line-height="1.5"><xsl:value-of select="$office"/><fo:leader leader-pattern="space" leader-length="12mm"/></fo:block>
          <fo:block text-align="end" line-height="1.5">
            <xsl:if test="string($date)"><xsl:call-template name="cn-date"><xsl:with-param name="d" select="$date"/></xsl:call-template></xsl:if>
            <fo:leader leader-pattern="space" leader-length="12mm"/></fo:block>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:variable name="heads"><h>序号</h><h>工作坊名称</h><h>主理人</h><h>所在单位</h><h>成员</h><h>辅导方向</h></xsl:variable>
</xsl:stylesheet>
