<?xml version="1.0" encoding="UTF-8"?>
<!-- member.xsl — 杭州师范大学辅导员工作坊成员申报表 (第五条第3款), in the
     house style of the two attached forms, from a <member-application>. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/member-application">
    <fo:root font-family="{$song}" font-size="{$size-body}" xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <fo:page-sequence master-reference="A4">
        <xsl:call-template name="page-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title">
            <xsl:with-param name="text">杭州师范大学辅导员工作坊成员申报表</xsl:with-param>
          </xsl:call-template>
          <fo:block font-size="{$size-small}" text-align="end" space-after="2mm">申报年度：<xsl:value-of select="@year"/></fo:block>
          <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
            <fo:table-column column-width="32mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="24mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">申报工作坊</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="@workshop"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="12mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">姓　　名</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="name"/></xsl:call-template>
                <xsl:call-template name="label-cell"><xsl:with-param name="text">工　号</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="staff-id"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="12mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">所在单位</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="unit"/></xsl:call-template>
                <xsl:call-template name="label-cell"><xsl:with-param name="text">岗　位</xsl:with-param></xsl:call-template>
                <xsl:call-template name="value-cell"><xsl:with-param name="text" select="post"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="28mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">个人简介</xsl:with-param><xsl:with-param name="continued">个人简介（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="intro"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="14mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">研究方向</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="research"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="28mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">参与工作坊建设的意愿</xsl:with-param><xsl:with-param name="continued">参与意愿（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="motivation"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row block-progression-dimension.minimum="35mm">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">具体计划</xsl:with-param><xsl:with-param name="continued">具体计划（续）</xsl:with-param></xsl:call-template>
                <xsl:call-template name="body-cell"><xsl:with-param name="field" select="plan"/><xsl:with-param name="span" select="3"/></xsl:call-template>
              </fo:table-row>
              <fo:table-row keep-together.within-page="always">
                <xsl:call-template name="label-cell"><xsl:with-param name="text">主理人意见</xsl:with-param></xsl:call-template>
                <xsl:call-template name="signature-cell"><xsl:with-param name="span" select="3"/><xsl:with-param name="who" select="'主理人签名：'"/><xsl:with-param name="stamp" select="''"/><xsl:with-param name="room" select="'18mm'"/></xsl:call-template>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
