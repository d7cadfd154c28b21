<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl — the house style of every wsdoc form: A4 page master, page
     numbers "— N —", fonts and sizes (docs/design.md "Typographic defaults"), the
     label and body cells, paragraphs.  Included by the form stylesheets.

     Chinese text (docs/fo-subset.md "Lines of Chinese text"): body
     paragraphs are justified; the engine compresses adjacent full-width
     punctuation (标点挤压) and puts a quarter em between a hanzi and a Latin
     letter or digit (ws:text-autospace="normal", the engine's default, which
     every form and the published list keep: 2026 年, 第 1 期); a line whose
     gaps would grow by more than half an em is set ragged.  Labels spread
     across their cell use text-align-last="justify" (分散对齐).  A field to
     be set without the quarter em takes ws:text-autospace="none" on its
     block or inline. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:ws="urn:x-wsdoc:fo"
    exclude-result-prefixes="ws">

  <!-- Set by wsdoc render. -->
  <xsl:param name="draft" select="0"/>

  <!-- 宋体 for body text, 黑体 for titles and labels (fonts/fonts.ini). -->
  <xsl:variable name="song">宋体, SimSun, serif</xsl:variable>
  <xsl:variable name="hei">黑体, SimHei, sans-serif</xsl:variable>
  <xsl:variable name="kai">楷体, KaiTi</xsl:variable>
  <!-- 小二 18pt, 四号 14pt, 小四 12pt, 五号 10.5pt -->
  <xsl:variable name="size-title">18pt</xsl:variable>
  <xsl:variable name="size-label">12pt</xsl:variable>
  <xsl:variable name="size-body">12pt</xsl:variable>
  <xsl:variable name="size-small">10.5pt</xsl:variable>
  <xsl:variable name="rule">0.75pt solid black</xsl:variable>

  <!-- The page: A4, 25 mm at the top, 20 mm elsewhere; the page number in
       the footer. -->
  <xsl:template name="page-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
          margin-top="25mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
        <fo:region-body margin-bottom="12mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <xsl:template name="page-footer">
    <fo:static-content flow-name="xsl-region-after">
      <fo:block text-align="center" font-family="{$song}" font-size="{$size-small}">— <fo:page-number/> —</fo:block>
    </fo:static-content>
  </xsl:template>

  <xsl:template name="title">
    <xsl:param name="text"/>
    <fo:block font-family="{$hei}" font-size="{$size-title}" text-align="center"
        space-after="6mm" keep-with-next="always"><xsl:value-of select="$text"/></fo:block>
  </xsl:template>

  <!-- A label cell: 黑体, centred both ways. -->
  <xsl:template name="label-cell">
    <xsl:param name="text"/>
    <xsl:param name="continued"/>
    <xsl:param name="rows" select="1"/>
    <fo:table-cell border="{$rule}" padding="2mm 1.5mm" display-align="center"
        number-rows-spanned="{$rows}">
      <xsl:if test="string($continued)">
        <xsl:attribute name="ws:continued-label"><xsl:value-of select="$continued"/></xsl:attribute>
      </xsl:if>
      <fo:block font-family="{$hei}" font-size="{$size-label}" text-align="center"
          line-height="1.4"><xsl:copy-of select="$text"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- Body paragraphs of a text field: each <p> a paragraph, else the text
       as one; first lines indented two characters. -->
  <xsl:template name="paras">
    <xsl:param name="field"/>
    <xsl:choose>
      <xsl:when test="$field/p">
        <xsl:for-each select="$field/p">
          <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="normalize-space(.)"/></fo:block>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="normalize-space($field) != ''">
        <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="normalize-space($field)"/></fo:block>
      </xsl:when>
      <xsl:otherwise><fo:block/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A body cell: 宋体 小四, line height 1.5.  (The rows carry the paper
       form's minimum heights, so an empty field can be completed by hand.) -->
  <xsl:template name="body-cell">
    <xsl:param name="field"/>
    <xsl:param name="span" select="1"/>
    <fo:table-cell border="{$rule}" padding="2mm 2.5mm" display-align="before"
        number-columns-spanned="{$span}">
      <fo:block font-family="{$song}" font-size="{$size-body}" line-height="1.5">
        <xsl:call-template name="paras"><xsl:with-param name="field" select="$field"/></xsl:call-template>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A name, a unit, a post or a term: never broken inside a line
       (keep-together.within-line); lines break around it. -->
  <xsl:template name="kept">
    <xsl:param name="text"/>
    <xsl:if test="normalize-space($text) != ''"><fo:inline keep-together.within-line="always"><xsl:value-of select="normalize-space($text)"/></fo:inline></xsl:if>
  </xsl:template>

  <!-- A short value cell (a name, a post): no indent, start-aligned, kept
       whole on its line. -->
  <xsl:template name="value-cell">
    <xsl:param name="text"/>
    <xsl:param name="span" select="1"/>
    <fo:table-cell border="{$rule}" padding="2mm 2.5mm" display-align="center"
        number-columns-spanned="{$span}">
      <fo:block font-family="{$song}" font-size="{$size-body}" line-height="1.5"><xsl:call-template name="kept"><xsl:with-param name="text" select="$text"/></xsl:call-template></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A sub-heading inside a body cell (the plan's parts). -->
  <xsl:template name="part-heading">
    <xsl:param name="text"/>
    <fo:block font-family="{$hei}" font-size="{$size-body}" space-before="1.5mm"
        keep-with-next="always"><xsl:value-of select="$text"/></fo:block>
  </xsl:template>

  <!-- The college's opinion: room to write, then 签名 and 盖章, then the date,
       as on the paper form. -->
  <xsl:template name="signature-cell">
    <xsl:param name="span" select="1"/>
    <xsl:param name="who" select="'签　名：'"/>
    <xsl:param name="stamp" select="'盖　章：'"/>
    <xsl:param name="room" select="'30mm'"/>
    <fo:table-cell border="{$rule}" padding="2mm 2.5mm" number-columns-spanned="{$span}">
      <fo:block font-family="{$song}" font-size="{$size-body}" line-height="1.5">
        <fo:block-container height="{$room}"><fo:block/></fo:block-container>
        <fo:block><fo:leader leader-pattern="space" leader-length="35%"/><xsl:value-of select="$who"/><fo:leader leader-pattern="space" leader-length="25%"/><xsl:value-of select="$stamp"/></fo:block>
        <fo:block space-before="8mm" space-after="3mm" text-align="end">年　　　月　　　日<fo:leader leader-pattern="space" leader-length="8mm"/></fo:block>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- □ and, when chosen, √ inside it: a 4.5 mm bordered cell. -->
  <xsl:template name="tick-box">
    <xsl:param name="checked"/>
    <fo:table-cell border="0.75pt solid black" display-align="center" padding="0">
      <fo:block font-family="{$song}" font-size="{$size-body}" text-align="center" line-height="1"><xsl:if test="$checked">√</xsl:if></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- Names joined by 、, each kept whole: a line breaks after a 、. -->
  <xsl:template name="join-members">
    <xsl:param name="members"/>
    <xsl:for-each select="$members">
      <xsl:if test="position() > 1">、</xsl:if>
      <xsl:call-template name="kept"><xsl:with-param name="text" select="name | self::member[not(name)]"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Terms (辅导方向) joined by 、, each kept whole. -->
  <xsl:template name="join-kept">
    <xsl:param name="items"/>
    <xsl:for-each select="$items">
      <xsl:if test="position() > 1">、</xsl:if>
      <xsl:call-template name="kept"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
