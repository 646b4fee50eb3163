<?xml version="1.0" encoding="UTF-8"?>
<!--
  proof.xsl: the proof-reading page of one record (issue 14). Input (render/proof.py):
  <proof stem title source reading> with a <line n place [feed]> per decoded source line and a
  <decision kind rule first last produced target certain whole page> per decision of the trace.
  Each line shows its number (id Lnn), its text, where its words went, and the decisions made on it;
  each decision links to the element in the reading view, which links back here. Guesses are
  marked by a word and a symbol, not by colour alone. No script.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:key name="decisions-at" match="decision[@whole = 'no']" use="@first"/>

  <xsl:template match="/proof">
    <xsl:call-template name="shell">
      <xsl:with-param name="title" select="concat('Proof: ', @title)"/>
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="page-class" select="'page proof-page'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="proof" mode="page-content">
    <h1 class="page-title">Proof: <xsl:value-of select="@title"/></h1>
    <p class="proof-intro">
      <xsl:text>The source </xsl:text><code><xsl:value-of select="@source"/></code>
      <xsl:text> as decoded, line by line, beside </xsl:text>
      <a href="{@reading}">the reading</a>
      <xsl:text>. </xsl:text>
      <xsl:value-of select="count(line)"/><xsl:text> lines, </xsl:text>
      <xsl:value-of select="count(decision)"/><xsl:text> decisions, </xsl:text>
      <strong><xsl:value-of select="count(decision[@certain = 'no'])"/><xsl:text> guesses</xsl:text></strong>
      <xsl:text> (marked </xsl:text><span class="mark guess"><span aria-hidden="true">? </span>guess</span>
      <xsl:text>). Lines whose words left the body say where they went.</xsl:text>
    </p>
    <xsl:if test="decision[@whole = 'yes']">
      <section class="proof-whole" aria-labelledby="whole-heading">
        <h2 id="whole-heading">Decisions about the whole record</h2>
        <ul><xsl:for-each select="decision[@whole = 'yes']"><li><xsl:apply-templates select="."/></li></xsl:for-each></ul>
      </section>
    </xsl:if>
    <table class="proof-lines">
      <caption>Source lines, where their words went, and the decisions made on them</caption>
      <thead><tr><th scope="col">Line</th><th scope="col">Source</th><th scope="col">Went to</th><th scope="col">Decisions</th></tr></thead>
      <tbody>
        <xsl:apply-templates select="line"/>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="line">
    <xsl:variable name="away" select="@place != '' and @place != 'body'"/>
    <tr data-line="{@n}">
      <xsl:if test="not(@again)"><xsl:attribute name="id"><xsl:value-of select="concat('L', @n)"/></xsl:attribute></xsl:if>
      <xsl:attribute name="class">
        <xsl:text>pl</xsl:text>
        <xsl:if test="$away"> pl-away</xsl:if>
        <xsl:if test="key('decisions-at', @n)[@certain = 'no']"> pl-guess</xsl:if>
      </xsl:attribute>
      <th scope="row" class="pl-n"><a href="#L{@n}"><xsl:value-of select="@n"/></a></th>
      <td class="pl-text">
        <xsl:choose>
          <xsl:when test="@feed = 'yes'"><span class="pl-feed">[form feed: page break]</span></xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="pl-place">
        <xsl:if test="@place != ''">
          <xsl:if test="$away"><span aria-hidden="true">→ </span></xsl:if>
          <xsl:value-of select="@place"/>
        </xsl:if>
      </td>
      <td class="pl-marks">
        <xsl:for-each select="key('decisions-at', @n)[not(current()/@again)]">
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="decision">
    <xsl:variable name="class" select="concat('mark ', substring('guess', 1, 5 * (@certain = 'no')), substring('certain', 1, 7 * (@certain = 'yes')))"/>
    <xsl:variable name="span">
      <xsl:if test="@last != @first"><xsl:value-of select="concat(' (lines ', @first, '–', @last, ')')"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="label">
      <xsl:if test="@certain = 'no'"><span aria-hidden="true">? </span><span class="mark-guess">guess</span><xsl:text> · </xsl:text></xsl:if>
      <span class="mark-kind"><xsl:value-of select="@kind"/></span>
      <xsl:text> · </xsl:text>
      <span class="mark-rule"><xsl:value-of select="@rule"/></span>
      <xsl:text> → </xsl:text>
      <xsl:value-of select="@produced"/>
      <xsl:if test="@target"><xsl:value-of select="concat(' #', @target)"/></xsl:if>
      <xsl:value-of select="$span"/>
    </xsl:variable>
    <span class="{$class}" id="d-{@kind}-{@first}-{count(preceding-sibling::decision)}">
      <xsl:choose>
        <xsl:when test="@target and @first &gt; 0">
          <a href="{@page}#tr-{@target}"><xsl:copy-of select="$label"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:copy-of select="$label"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="normalize-space(.) != ''">
        <span class="mark-detail"><xsl:text>: </xsl:text><xsl:value-of select="."/></span>
      </xsl:if>
    </span>
  </xsl:template>
</xsl:stylesheet>
