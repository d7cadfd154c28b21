<?xml version="1.0" encoding="UTF-8"?>
<!-- report.xsl — the annual evaluation report (第六条) from
       <report><outcomes year date>outcome…</outcomes></report>
     (a year's outcomes: as the roster records them once written, so that
     wsdoc report makes the same report again; each outcome holds its
     reasons, approved changes and the year's achievements) to XSL-FO:
     counts per grade with a bar chart, every workshop's result under its
     registered name, the revocations with their causes (each once), the
     probations with their deadlines, the follow-ups decided in the year
     (<followup> after the outcomes: name, id, decision and date), and the
     year's achievements.  Dates,
     names and the short phrases of a 说明 are kept within a line. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:ws="urn:x-wsdoc:fo"
    exclude-result-prefixes="ws">
  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="o" select="/report/outcomes/outcome"/>
  <!-- the 暂缓 follow-ups decided in the year (evaluate, follow-up mode) -->
  <xsl:variable name="fu" select="/report/outcomes/followup"/>
  <xsl:variable name="grades" select="document('')/*/ws:grades/ws:g"/>
  <ws:grades>
    <ws:g color="#2E7D32">优秀通过</ws:g><ws:g color="#1565C0">通过</ws:g>
    <ws:g color="#EF8F00">暂缓通过</ws:g><ws:g color="#C62828">撤销</ws:g>
  </ws:grades>
  <ws:types><ws:t>论文</ws:t><ws:t>课题</ws:t><ws:t>获奖</ws:t><ws:t>学历提升</ws:t><ws:t>学生辅导</ws:t><ws:t>其他</ws:t></ws:types>

  <!-- The tallest bar is 45 mm. -->
  <xsl:variable name="max">
    <xsl:for-each select="$grades">
      <xsl:sort select="count($o[@result = current()])" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="count($o[@result = current()])"/></xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <!-- A date in Chinese, never split across lines. -->
  <xsl:template name="cn-date">
    <xsl:param name="d"/>
    <xsl:if test="string-length($d) = 10"><fo:inline keep-together.within-line="always"><xsl:value-of select="substring($d, 1, 4)"/>年<xsl:value-of select="number(substring($d, 6, 2))"/>月<xsl:value-of select="number(substring($d, 9, 2))"/>日</fo:inline></xsl:if>
  </xsl:template>

  <!-- Text cut after ， ； ： 、 and before （ into phrases, each kept within
       a line when it is short enough (ten characters) to fit the narrowest
       column it is used in; a longer one may break. -->
  <xsl:template name="phrases">
    <xsl:param name="t"/>
    <xsl:if test="string-length($t) > 0">
      <xsl:variable name="cut">
        <xsl:call-template name="first-cut"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="n" select="number($cut)"/>
      <xsl:variable name="seg" select="substring($t, 1, $n)"/>
      <xsl:choose>
        <xsl:when test="string-length($seg) &lt;= 10"><fo:inline keep-together.within-line="always"><xsl:value-of select="$seg"/></fo:inline></xsl:when>
        <xsl:otherwise><xsl:value-of select="$seg"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="phrases"><xsl:with-param name="t" select="substring($t, $n + 1)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- The length of the first phrase of t: through the first ，；：、 or
       up to the first （ (through its ） when t starts with it); all of t
       when there is none. -->
  <xsl:template name="first-cut">
    <xsl:param name="t"/>
    <xsl:param name="ds" select="'，；：、（'"/>
    <xsl:param name="best" select="string-length($t)"/>
    <xsl:choose>
      <xsl:when test="starts-with($t, '（') and contains($t, '）')"><xsl:value-of select="string-length(substring-before($t, '）')) + 1"/></xsl:when>
      <xsl:when test="$ds = ''"><xsl:value-of select="$best"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="d" select="substring($ds, 1, 1)"/>
        <xsl:variable name="k">
          <xsl:choose>
            <xsl:when test="not(contains($t, $d))"><xsl:value-of select="$best"/></xsl:when>
            <xsl:when test="$d = '（'"><xsl:value-of select="string-length(substring-before($t, $d))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="string-length(substring-before($t, $d)) + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="first-cut">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="ds" select="substring($ds, 2)"/>
          <xsl:with-param name="best" select="$best * ($best &lt;= $k) + $k * ($k &lt; $best)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What an approved change was, in words. -->
  <xsl:template match="change">
    <xsl:choose>
      <xsl:when test="@field = 'name'">经批准更名（原名“<xsl:value-of select="@from"/>”<xsl:if test="@date">，<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@date"/></xsl:call-template></xsl:if>）</xsl:when>
      <xsl:when test="@field = 'leader'">经批准更换主理人（原为<xsl:value-of select="@from"/><xsl:if test="@date">，<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@date"/></xsl:call-template></xsl:if>）</xsl:when>
      <xsl:otherwise>经批准修订建设方案（第五条第4款<xsl:if test="@date">，<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@date"/></xsl:call-template></xsl:if>）<xsl:if test="normalize-space(.)">：<xsl:value-of select="normalize-space(.)"/></xsl:if></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An outcome's 说明: its reasons, then its approved changes. -->
  <xsl:template name="why">
    <xsl:param name="keep" select="true()"/>   <!-- phrases kept within a line: a narrow column -->
    <xsl:for-each select="reason | change">
      <xsl:if test="position() > 1">；</xsl:if>
      <xsl:choose>
        <xsl:when test="self::reason and not($keep)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
        <xsl:when test="self::reason"><xsl:call-template name="phrases"><xsl:with-param name="t" select="normalize-space(.)"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="h2">
    <xsl:param name="text"/>
    <fo:block font-family="{$hei}" font-size="14pt" space-before="6mm" space-after="3mm"
        keep-with-next="always"><xsl:value-of select="$text"/></fo:block>
  </xsl:template>

  <xsl:template name="h3">
    <xsl:param name="text"/>
    <fo:block font-family="{$hei}" space-before="2mm" space-after="1mm" keep-with-next="always"
        line-height="1.5"><xsl:value-of select="$text"/></fo:block>
  </xsl:template>

  <!-- A short value (a number, an id, a name, a grade) or a column head,
       kept whole on its line. -->
  <xsl:template name="cell">
    <xsl:param name="text"/>
    <xsl:param name="align" select="'start'"/>
    <fo:table-cell border="0.5pt solid black" padding="1.2mm 1mm" display-align="center">
      <fo:block text-align="{$align}"><xsl:call-template name="kept"><xsl:with-param name="text" select="$text"/></xsl:call-template></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="text"/>
    <fo:table-cell border="0.5pt solid black" padding="1.2mm 1mm" display-align="center" background-color="#F0F0F0">
      <fo:block text-align="center" font-family="{$hei}"><xsl:call-template name="kept"><xsl:with-param name="text" select="$text"/></xsl:call-template></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="/report">
    <xsl:variable name="y" select="outcomes/@year"/>
    <fo:root font-family="{$song}" font-size="{$size-body}" xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <fo:page-sequence master-reference="A4">
        <xsl:call-template name="page-footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title">
            <xsl:with-param name="text">杭州师范大学辅导员工作坊<xsl:value-of select="$y"/>年度评估报告</xsl:with-param>
          </xsl:call-template>
          <xsl:if test="outcomes/@date">
            <fo:block text-align="center" font-size="{$size-small}" space-after="4mm">（评估结论日期：<xsl:call-template name="cn-date"><xsl:with-param name="d" select="outcomes/@date"/></xsl:call-template>）</fo:block>
          </xsl:if>
          <xsl:if test="outcomes/@provisional = 'yes'">
            <fo:block text-align="center" font-family="{$hei}" color="#C62828" space-after="3mm">（预览：尚未收到学工部评估结论，以下按自评情况列出）</fo:block>
          </xsl:if>
          <fo:block line-height="1.5" text-indent="2em" text-align="justify">根据《杭州师范大学辅导员工作坊建设与管理办法（试行）》第六条，辅导员工作坊每年接受一次评估，评估内容主要为建设方案的实施情况和建设成效，以及下一阶段工作计划，结果分为优秀通过、通过、暂缓通过和撤销四个等级。<xsl:value-of select="$y"/>年度应参加评估的工作坊共<xsl:value-of select="count($o)"/>个，其中<xsl:for-each select="$grades"><xsl:if test="position() > 1">、</xsl:if><xsl:value-of select="."/><xsl:value-of select="count($o[@result = current()])"/>个</xsl:for-each>。<xsl:if test="$fu">本年度还对<xsl:value-of select="count($fu)"/>个暂缓通过的工作坊作出了期满确定（见第四部分）。</xsl:if></fo:block>

          <xsl:call-template name="h2"><xsl:with-param name="text">一、评估结果统计</xsl:with-param></xsl:call-template>
          <xsl:call-template name="chart"/>

          <xsl:call-template name="h2"><xsl:with-param name="text">二、各工作坊评估结果</xsl:with-param></xsl:call-template>
          <!-- Columns sized to their content: the values kept on one line;
               说明 takes the rest. -->
          <fo:table table-layout="auto" width="100%" border-collapse="collapse" font-size="{$size-small}">
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-header>
              <fo:table-row>
                <xsl:call-template name="head-cell"><xsl:with-param name="text">序号</xsl:with-param></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="text">工作坊</xsl:with-param></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="text">自评</xsl:with-param></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="text">结论</xsl:with-param></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="text">说明</xsl:with-param></xsl:call-template>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:for-each select="$o">
                <xsl:sort select="@workshop"/>
                <fo:table-row keep-together.within-page="always">
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="position()"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
                  <!-- the id under the name, not a column of its own: six columns of
                       unbreakable names, ids and dates were wider than the page -->
                  <fo:table-cell border="0.5pt solid black" padding="1.2mm 1mm" display-align="center">
                    <fo:block><xsl:call-template name="kept"><xsl:with-param name="text" select="@name"/></xsl:call-template></fo:block>
                    <fo:block>编号：<fo:inline keep-together.within-line="always"><xsl:value-of select="@workshop"/></fo:inline></fo:block>
                    <fo:block>主理人：<fo:inline keep-together.within-line="always"><xsl:value-of select="@leader"/></fo:inline></fo:block>
                  </fo:table-cell>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="@self"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
                  <xsl:call-template name="cell"><xsl:with-param name="text" select="@result"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
                  <fo:table-cell border="0.5pt solid black" padding="1.2mm 1mm" display-align="center">
                    <fo:block><xsl:call-template name="why"/></fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
              <xsl:if test="not($o)">
                <fo:table-row><fo:table-cell number-columns-spanned="5" border="0.5pt solid black" padding="1.2mm"><fo:block text-align="center">本年度没有应评估的工作坊</fo:block></fo:table-cell></fo:table-row>
              </xsl:if>
            </fo:table-body>
          </fo:table>

          <xsl:call-template name="h2"><xsl:with-param name="text">三、撤销的工作坊</xsl:with-param></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$o[@result = '撤销']">
              <xsl:for-each select="$o[@result = '撤销']">
                <xsl:sort select="@workshop"/>
                <fo:block line-height="1.5" text-indent="2em" text-align="justify" space-after="1mm"><xsl:value-of select="position()"/>. <xsl:value-of select="@name"/>（<xsl:value-of select="@workshop"/>，主理人<xsl:value-of select="@leader"/>）：<xsl:call-template name="why"><xsl:with-param name="keep" select="false()"/></xsl:call-template>。</fo:block>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise><fo:block text-indent="2em" line-height="1.5">本年度无撤销的工作坊。</fo:block></xsl:otherwise>
          </xsl:choose>

          <xsl:call-template name="h2"><xsl:with-param name="text">四、暂缓通过与期满确定</xsl:with-param></xsl:call-template>
          <xsl:call-template name="h3"><xsl:with-param name="text">（一）本年度暂缓通过的工作坊</xsl:with-param></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$o[@result = '暂缓通过']">
              <fo:block text-indent="2em" line-height="1.5" space-after="1mm">暂缓通过的工作坊给予半年继续建设期，期满根据建设情况再予以确定（第六条）：</fo:block>
              <xsl:for-each select="$o[@result = '暂缓通过']">
                <xsl:sort select="@workshop"/>
                <fo:block line-height="1.5" text-indent="2em" space-after="1mm"><xsl:value-of select="position()"/>. <xsl:value-of select="@name"/>（<xsl:value-of select="@workshop"/>，主理人<xsl:value-of select="@leader"/>），继续建设期至<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@until"/></xsl:call-template>。</fo:block>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise><fo:block text-indent="2em" line-height="1.5">本年度无暂缓通过的工作坊。</fo:block></xsl:otherwise>
          </xsl:choose>
          <!-- The half-years that ended this year: the office's decisions
               on them (第六条 根据建设情况再予以确定), each with its date. -->
          <xsl:call-template name="h3"><xsl:with-param name="text">（二）本年度作出的暂缓期满确定</xsl:with-param></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$fu">
              <xsl:for-each select="$fu">
                <xsl:sort select="@date"/>
                <xsl:sort select="@workshop"/>
                <fo:block line-height="1.5" text-indent="2em" text-align="justify" space-after="1mm"><xsl:value-of select="position()"/>. <xsl:value-of select="@name"/>（<xsl:value-of select="@workshop"/>，主理人<xsl:value-of select="@leader"/>）<xsl:if test="@year">，<xsl:value-of select="@year"/>年度评估暂缓通过</xsl:if><xsl:if test="@until">，继续建设期至<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@until"/></xsl:call-template></xsl:if>；<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@date"/></xsl:call-template>确定：<fo:inline font-family="{$hei}"><xsl:value-of select="@result"/></fo:inline><xsl:choose><xsl:when test="@state = '已撤销'">，作撤销处理</xsl:when><xsl:otherwise>，继续建设</xsl:otherwise></xsl:choose>。</fo:block>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise><fo:block text-indent="2em" line-height="1.5">本年度没有暂缓期满后作出的确定。</fo:block></xsl:otherwise>
          </xsl:choose>

          <xsl:call-template name="h2"><xsl:with-param name="text">五、年度建设成果</xsl:with-param></xsl:call-template>
          <xsl:call-template name="achievements"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The bar chart: one column per grade, each bar a coloured
       block-container whose height is proportional to the count; the count
       above it, the grade below the axis. -->
  <xsl:template name="chart">
    <fo:table table-layout="fixed" width="120mm" start-indent="25mm" keep-together.within-page="always">
      <fo:table-column column-width="12mm"/>
      <xsl:for-each select="$grades"><fo:table-column column-width="proportional-column-width(1)"/></xsl:for-each>
      <fo:table-body start-indent="0">
        <fo:table-row height="55mm">
          <fo:table-cell display-align="before" border-end-style="solid" border-end-width="0.75pt" border-end-color="black">
            <fo:block font-size="9pt" text-align="end" padding-end="1.5mm">个数</fo:block>
          </fo:table-cell>
          <xsl:for-each select="$grades">
            <xsl:variable name="n" select="count($o[@result = current()])"/>
            <fo:table-cell display-align="after" border-after-style="solid" border-after-width="0.75pt" border-after-color="black" padding-start="4mm" padding-end="4mm">
              <fo:block font-size="10.5pt" text-align="center" space-after="1mm"><xsl:value-of select="$n"/></fo:block>
              <xsl:if test="$n > 0">
                <fo:block-container height="{format-number($n * 45 div $max, '0.00')}mm" background-color="{@color}">
                  <fo:block/>
                </fo:block-container>
              </xsl:if>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
        <fo:table-row>
          <fo:table-cell><fo:block/></fo:table-cell>
          <xsl:for-each select="$grades">
            <fo:table-cell padding-before="1.5mm"><fo:block text-align="center" font-size="10.5pt"><xsl:value-of select="."/></fo:block></fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    <fo:block text-align="center" font-size="{$size-small}" space-before="2mm">图1　<xsl:value-of select="/report/outcomes/@year"/>年度工作坊评估结果分布（单位：个）</fo:block>
  </xsl:template>

  <!-- Achievements per workshop and in total, by type (附件2 建设成效). -->
  <xsl:template name="achievements">
    <xsl:variable name="types" select="document('')/*/ws:types/ws:t"/>
    <xsl:variable name="ev" select="$o[achievement]"/>
    <xsl:choose>
      <xsl:when test="not($ev)"><fo:block text-indent="2em" line-height="1.5">本年度的评估表中没有列出成果。</fo:block></xsl:when>
      <xsl:otherwise>
    <!-- Columns sized to their content: the workshop's name on one line. -->
    <fo:table table-layout="auto" width="100%" border-collapse="collapse" font-size="{$size-small}">
      <fo:table-column/>
      <xsl:for-each select="$types"><fo:table-column/></xsl:for-each>
      <fo:table-column/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="head-cell"><xsl:with-param name="text">工作坊</xsl:with-param></xsl:call-template>
          <xsl:for-each select="$types"><xsl:call-template name="head-cell"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
          <xsl:call-template name="head-cell"><xsl:with-param name="text">合计</xsl:with-param></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$ev">
          <xsl:sort select="@workshop"/>
          <xsl:variable name="e" select="."/>
          <fo:table-row keep-together.within-page="always">
            <xsl:call-template name="cell"><xsl:with-param name="text" select="@name"/></xsl:call-template>
            <xsl:for-each select="$types">
              <xsl:call-template name="cell"><xsl:with-param name="text" select="count($e/achievement[@type = current()])"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
            </xsl:for-each>
            <xsl:call-template name="cell"><xsl:with-param name="text" select="count($e/achievement)"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
          </fo:table-row>
        </xsl:for-each>
        <fo:table-row font-family="{$hei}">
          <xsl:call-template name="cell"><xsl:with-param name="text">合计</xsl:with-param><xsl:with-param name="align" select="'center'"/></xsl:call-template>
          <xsl:for-each select="$types">
            <xsl:call-template name="cell"><xsl:with-param name="text" select="count($ev/achievement[@type = current()])"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="cell"><xsl:with-param name="text" select="count($ev/achievement)"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    <xsl:for-each select="$ev">
      <xsl:sort select="@workshop"/>
      <fo:block font-family="{$hei}" space-before="3mm" keep-with-next="always" line-height="1.5"><xsl:value-of select="@name"/></fo:block>
      <xsl:for-each select="achievement">
        <fo:block line-height="1.5" start-indent="2em" text-indent="-1em" font-size="{$size-small}">·<xsl:value-of select="@type"/>：<xsl:value-of select="normalize-space(.)"/><xsl:if test="@date">（<xsl:call-template name="cn-date"><xsl:with-param name="d" select="@date"/></xsl:call-template>）</xsl:if></fo:block>
      </xsl:for-each>
    </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
