<?xml version="1.0" encoding="UTF-8"?>
<!-- application.xsl — 附件1 杭州师范大学辅导员工作坊主理人申报表, from an
     <application> (docs/design.md "Input vocabulary") to XSL-FO. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:ws="urn:x-wsdoc:fo"
    exclude-result-prefixes="ws">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/application">
    <fo:root font-family="{$song}" font-size="{$size-body}" xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <fo:page-sequence master-reference="A4">
        <xsl:call-template name="page-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title">
            <xsl:with-param name="text">杭州师范大学辅导员工作坊主理人申报表</xsl:with-param>
          </xsl:call-template>
          <fo:block font-size="{$size-small}" text-align="end" space-after="2mm">申报年度：<xsl:value-of select="@year"/></fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <fo:table-column column-width="32mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">工作坊名称</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm" display-align="center">
                  <fo:block font-size="{$size-body}" line-height="1.5"><xsl:value-of select="normalize-space(workshop/name)"/></fo:block>
                  <xsl:if test="workshop/areas/area">
                    <fo:block font-size="{$size-small}" line-height="1.5">辅导方向：<xsl:call-template name="join-kept"><xsl:with-param name="items" select="workshop/areas/area"/></xsl:call-template></fo:block>
                  </xsl:if>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="30mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">主理人简介<fo:block>（100字以内）</fo:block></xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm">
                  <fo:block line-height="1.5">
                    <xsl:if test="normalize-space(leader/name) != ''">
                      <fo:block font-family="{$hei}"><xsl:call-template name="kept"><xsl:with-param name="text" select="leader/name"/></xsl:call-template>
                        <fo:inline font-family="{$song}">（<xsl:for-each select="leader/staff-id | leader/unit | leader/post"><xsl:if test="normalize-space(.) != ''"><xsl:if test="position() > 1">，</xsl:if><xsl:if test="self::staff-id">工号 </xsl:if><xsl:call-template name="kept"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:if></xsl:for-each>）</fo:inline></fo:block>
                    </xsl:if>
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="leader/intro"/></xsl:call-template>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="40mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">已有基础</xsl:with-param><xsl:with-param name="continued">已有基础（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="foundation"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="40mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">建设目标</xsl:with-param><xsl:with-param name="continued">建设目标（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="goals"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="90mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">建设方案</xsl:with-param><xsl:with-param name="continued">建设方案（续）</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm">
                  <fo:block line-height="1.5">
                    <fo:block font-family="{$kai}" font-size="{$size-small}" line-height="1.4" space-after="1.5mm" text-align="justify">包含但不限于：1.总体规划及近三年每年的实施计划，尤其重点阐述第一年工作计划和成效；2.对学生辅导和服务，以及工作坊成员的学习成长计划；3.工作平台、方式及预期效果等。（可附页）</fo:block>
                    <xsl:apply-templates select="plan"/>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="35mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">对成员要求</xsl:with-param><xsl:with-param name="continued">对成员要求（续）</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm">
                  <fo:block line-height="1.5">
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="member-requirements"/></xsl:call-template>
                    <xsl:apply-templates select="members[member]"/>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row keep-together.within-page="always">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">二级学院意见</xsl:with-param></xsl:call-template>
                <xsl:call-template name="signature-cell"/>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- 建设方案: the parts in the order of the form's guidance. -->
  <xsl:template match="plan">
    <xsl:call-template name="part-heading"><xsl:with-param name="text">一、总体规划</xsl:with-param></xsl:call-template>
    <xsl:call-template name="paras"><xsl:with-param name="field" select="overall"/></xsl:call-template>
    <xsl:call-template name="part-heading"><xsl:with-param name="text">二、近三年每年的实施计划</xsl:with-param></xsl:call-template>
    <xsl:for-each select="yearly/year">
      <xsl:sort select="@n" data-type="number"/>
      <fo:block font-family="{$hei}" keep-with-next="always">
        <xsl:choose>
          <xsl:when test="@n = 1">第一年工作计划和成效</xsl:when>
          <xsl:when test="@n = 2">第二年工作计划</xsl:when>
          <xsl:when test="@n = 3">第三年工作计划</xsl:when>
          <xsl:otherwise>第<xsl:value-of select="@n"/>年工作计划</xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <xsl:call-template name="paras"><xsl:with-param name="field" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="part-heading"><xsl:with-param name="text">三、对学生辅导和服务</xsl:with-param></xsl:call-template>
    <xsl:call-template name="paras"><xsl:with-param name="field" select="student-service"/></xsl:call-template>
    <xsl:call-template name="part-heading"><xsl:with-param name="text">四、工作坊成员的学习成长计划</xsl:with-param></xsl:call-template>
    <xsl:call-template name="paras"><xsl:with-param name="field" select="member-growth"/></xsl:call-template>
    <xsl:call-template name="part-heading"><xsl:with-param name="text">五、工作平台、方式及预期效果</xsl:with-param></xsl:call-template>
    <xsl:call-template name="paras"><xsl:with-param name="field" select="platform"/></xsl:call-template>
  </xsl:template>

  <!-- The intended members, in a small table under 对成员要求. -->
  <xsl:template match="members">
    <fo:block font-family="{$hei}" space-before="2mm" space-after="1mm" keep-with-next="always">拟吸收成员</fo:block>
    <!-- Columns sized to their content: name, unit and post each kept on
         one line, the research direction takes the rest. -->
    <fo:table table-layout="auto" width="100%" border-collapse="collapse" font-size="{$size-small}">
      <fo:table-column/>
      <fo:table-column/>
      <fo:table-column/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-header>
        <fo:table-row font-family="{$hei}">
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">姓名</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">单位</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">岗位</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">研究方向</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="member">
          <fo:table-row>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center"><xsl:call-template name="kept"><xsl:with-param name="text" select="name"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block><xsl:call-template name="kept"><xsl:with-param name="text" select="unit"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block><xsl:call-template name="kept"><xsl:with-param name="text" select="post"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block><xsl:value-of select="normalize-space(research)"/></fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>
</xsl:stylesheet>
