<?xml version="1.0" encoding="UTF-8"?>
<!-- evaluation.xsl — 附件2 杭州师范大学辅导员工作坊评估表, from an
     <evaluation> (docs/design.md "Input vocabulary") to XSL-FO. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:ws="urn:x-wsdoc:fo"
    exclude-result-prefixes="ws">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/evaluation">
    <fo:root font-family="{$song}" font-size="{$size-body}" xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <fo:page-sequence master-reference="A4">
        <xsl:call-template name="page-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title">
            <xsl:with-param name="text">杭州师范大学辅导员工作坊评估表</xsl:with-param>
          </xsl:call-template>
          <fo:block font-size="{$size-small}" space-after="2mm" text-align-last="justify">工作坊编号：<xsl:value-of select="@workshop"/><fo:leader leader-pattern="space"/>评估年度：<xsl:value-of select="@year"/></fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <fo:table-column column-width="32mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="24mm"/>
            <fo:table-column column-width="38mm"/>
            <fo:table-body>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">工作坊名称</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="workshop-name"/></xsl:call-template>
                <xsl:call-template name="label-cell"><xsl:with-param name="text">主理人</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="leader"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">成　　员</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm" display-align="center" number-columns-spanned="3">
                  <fo:block line-height="1.5"><xsl:call-template name="join-members"><xsl:with-param name="members" select="members/member"/></xsl:call-template></fo:block>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">自评情况</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm" display-align="center" number-columns-spanned="3">
                  <xsl:call-template name="grades"><xsl:with-param name="chosen" select="normalize-space(self-assessment)"/></xsl:call-template>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="70mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">根据既定建设方案开展工作情况</xsl:with-param><xsl:with-param name="continued">开展工作情况（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="progress"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="60mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">建设成效</xsl:with-param><xsl:with-param name="continued">建设成效（续）</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm" number-columns-spanned="3">
                  <fo:block line-height="1.5">
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="outcomes"/></xsl:call-template>
                    <xsl:apply-templates select="outcomes[achievement]"/>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="60mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">下一阶段建设计划</xsl:with-param><xsl:with-param name="continued">下一阶段建设计划（续）</xsl:with-param></xsl:call-template>
                <fo:table-cell border="{$rule}" padding="2mm 2.5mm" number-columns-spanned="3">
                  <fo:block line-height="1.5">
                    <xsl:call-template name="part-heading"><xsl:with-param name="text">一、工作目标</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="next-plan/goals"/></xsl:call-template>
                    <xsl:call-template name="part-heading"><xsl:with-param name="text">二、工作重点</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="next-plan/focus"/></xsl:call-template>
                    <xsl:call-template name="part-heading"><xsl:with-param name="text">三、实施步骤</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="next-plan/steps"/></xsl:call-template>
                    <xsl:call-template name="part-heading"><xsl:with-param name="text">四、预期成果</xsl:with-param></xsl:call-template>
                    <xsl:call-template name="paras"><xsl:with-param name="field" select="next-plan/expected"/></xsl:call-template>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- 优秀通过 通过 暂缓通过 撤销, each after its box; the chosen one ticked. -->
  <xsl:template name="grades">
    <xsl:param name="chosen"/>
    <fo:table table-layout="fixed" width="100%">
      <fo:table-column column-width="4.5mm"/>
      <fo:table-column column-width="proportional-column-width(5)"/>
      <fo:table-column column-width="4.5mm"/>
      <fo:table-column column-width="proportional-column-width(4)"/>
      <fo:table-column column-width="4.5mm"/>
      <fo:table-column column-width="proportional-column-width(5)"/>
      <fo:table-column column-width="4.5mm"/>
      <fo:table-column column-width="proportional-column-width(4)"/>
      <fo:table-body>
        <fo:table-row height="4.5mm">
          <xsl:for-each select="document('')/*/ws:grades/ws:grade">
            <xsl:call-template name="tick-box"><xsl:with-param name="checked" select=". = $chosen"/></xsl:call-template>
            <fo:table-cell padding-left="1.5mm" display-align="center"><fo:block line-height="1"><xsl:value-of select="."/></fo:block></fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>
  <ws:grades><ws:grade>优秀通过</ws:grade><ws:grade>通过</ws:grade><ws:grade>暂缓通过</ws:grade><ws:grade>撤销</ws:grade></ws:grades>

  <!-- The listed achievements as a table under the text of 建设成效. -->
  <xsl:template match="outcomes">
    <fo:block font-family="{$hei}" space-before="2mm" space-after="1mm" keep-with-next="always">主要成果</fo:block>
    <!-- Columns sized to their content: 序号, the type and the date each on
         one line, the achievement takes the rest. -->
    <fo:table table-layout="auto" width="100%" border-collapse="collapse" font-size="{$size-small}">
      <fo:table-column/>
      <fo:table-column/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column/>
      <fo:table-header>
        <fo:table-row font-family="{$hei}">
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">序号</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">类型</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">成果</fo:block></fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center">日期</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="achievement">
          <fo:table-row>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center"><xsl:value-of select="position()"/></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center"><xsl:call-template name="kept"><xsl:with-param name="text" select="@type"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block><xsl:value-of select="normalize-space(.)"/></fo:block></fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="1mm"><fo:block text-align="center"><xsl:call-template name="kept"><xsl:with-param name="text" select="@date"/></xsl:call-template></fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>
</xsl:stylesheet>
