<?xml version="1.0" encoding="UTF-8"?>
<!--
  proof.xsl: the proof-reading page of one record (issue 14). Input (render/proof.py):
  <proof stem title source reading> with a <line n place [feed]> per decoded source line and a
  <decision kind rule first last produced target certain whole page> per decision of the trace.
  Each line shows its number (id Lnn), its text, where its words went, and the decisions made on it;
  each decision links to the element in the reading view, which links back here. Guesses are
  marked by a word and a symbol, not by colour alone. No script.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:key name="decisions-at" match="decision[@whole = 'no']" use="@first"/>
  <!-- The record's TEI is in the input (/proof/tei): each unit names the element it shows by its xml:id. -->
  <xsl:key name="tei-id" match="tei:*[@xml:id]" use="@xml:id"/>

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
      <xsl:value-of select="count(group/line[not(@again)])"/><xsl:text> lines, </xsl:text>
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
    <h2 id="rows-heading" class="proof-rows-heading">The source, line by line<xsl:if test="@has-reading = 'yes'">, beside its TEI reading</xsl:if></h2>
    <div class="proof-rows">
      <div class="pg pg-columns" aria-hidden="true">
        <p class="pg-lines">Source line · where its words went · decisions</p>
        <xsl:if test="@has-reading = 'yes'"><p class="pg-reading">The TEI reading of these lines</p></xsl:if>
      </div>
      <xsl:apply-templates select="group"/>
    </div>
  </xsl:template>

  <!-- Source lines and, beside them (below them on a narrow screen or in print), what they became. -->
  <xsl:template match="group">
    <div class="pg" data-lines="{@first}-{@last}">
      <div class="pg-lines">
        <xsl:apply-templates select="line"/>
      </div>
      <xsl:if test="/proof/@has-reading = 'yes'">
        <div class="pg-reading">
          <xsl:choose>
            <xsl:when test="unit">
              <xsl:apply-templates select="unit"/>
            </xsl:when>
            <xsl:when test="line[normalize-space(.) != ''][not(contains(@place, 'header'))]">
              <p class="pr-none">No unit of the reading was traced to these lines.</p>
            </xsl:when>
            <xsl:when test="line[normalize-space(.) != '']">
              <p class="pr-none"><span aria-hidden="true">→ </span>header: a field’s label, or words the header keeps in a field the trace does not point at.</p>
            </xsl:when>
          </xsl:choose>
        </div>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template match="line">
    <xsl:variable name="away" select="@place != '' and @place != 'body'"/>
    <div data-line="{@n}">
      <xsl:if test="not(@again)"><xsl:attribute name="id"><xsl:value-of select="concat('L', @n)"/></xsl:attribute></xsl:if>
      <xsl:attribute name="class">
        <xsl:text>pl</xsl:text>
        <xsl:if test="$away"> pl-away</xsl:if>
        <xsl:if test="key('decisions-at', @n)[@certain = 'no']"> pl-guess</xsl:if>
      </xsl:attribute>
      <a class="pl-n" href="#L{@n}"><span class="sr-only">Line </span><xsl:value-of select="@n"/></a>
      <span class="pl-text">
        <xsl:choose>
          <xsl:when test="@feed = 'yes'"><span class="pl-feed">[form feed: page break]</span></xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="@place != ''">
        <span class="pl-place">
          <xsl:if test="$away"><span aria-hidden="true">→ </span></xsl:if>
          <xsl:value-of select="@place"/>
        </span>
      </xsl:if>
      <xsl:variable name="marks" select="key('decisions-at', @n)[not(current()/@again)]"/>
      <xsl:if test="$marks">
        <span class="pl-marks"><xsl:apply-templates select="$marks"/></span>
      </xsl:if>
    </div>
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

  <!-- One unit of the reading column: what the TEI says these lines became, read from the TEI itself. -->
  <xsl:template match="unit">
    <xsl:variable name="element" select="key('tei-id', @ref)[1]"/>
    <xsl:if test="$element">
      <div class="pr-unit pr-{@kind}">
        <p class="pr-what">
          <xsl:choose>
            <xsl:when test="@kind = 'body'"><xsl:apply-templates select="$element" mode="what"/></xsl:when>
            <xsl:when test="@kind = 'note'">
              <span aria-hidden="true">→ </span><xsl:value-of select="concat('note ', @ref)"/>
              <xsl:if test="$element/@n"><xsl:value-of select="concat(' (mark ', $element/@n, ')')"/></xsl:if>
              <xsl:text>, at its anchor in the text</xsl:text>
            </xsl:when>
            <xsl:when test="@kind = 'boilerplate'"><span aria-hidden="true">→ </span>header: the site’s boilerplate</xsl:when>
            <xsl:otherwise><span aria-hidden="true">→ </span><xsl:value-of select="concat('header: ', @produced)"/></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@last != @first"><xsl:value-of select="concat(' · lines ', @first, '–', @last)"/></xsl:if>
        </p>
        <xsl:choose>
          <xsl:when test="@kind = 'header' or @kind = 'boilerplate'">
            <p class="pr-text"><xsl:value-of select="normalize-space($element)"/></p>
          </xsl:when>
          <xsl:when test="@kind = 'note'"><p class="pr-text"><xsl:apply-templates select="$element/node()" mode="read"/></p></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="$element" mode="read"/></xsl:otherwise>
        </xsl:choose>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- What kind of unit of the text it is, in words. -->
  <xsl:template match="tei:head" mode="what">heading</xsl:template>
  <xsl:template match="tei:p" mode="what">
    <xsl:text>paragraph</xsl:text><xsl:if test="@n"><xsl:value-of select="concat(' ', @n)"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:sp" mode="what">
    <xsl:variable name="who" select="substring-after(@who, '#')"/>
    <xsl:variable name="person" select="key('tei-id', $who)[self::tei:person]"/>
    <xsl:text>speech turn: </xsl:text>
    <xsl:choose>
      <xsl:when test="$person/tei:persName"><xsl:value-of select="normalize-space($person/tei:persName[1])"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="id-in-words"><xsl:with-param name="id" select="$who"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:opener" mode="what">opening</xsl:template>
  <xsl:template match="tei:closer" mode="what">closing</xsl:template>
  <xsl:template match="tei:list" mode="what">list</xsl:template>
  <xsl:template match="tei:ellipsis" mode="what">omission</xsl:template>
  <xsl:template match="tei:note" mode="what">source note</xsl:template>
  <xsl:template match="tei:pb" mode="what">page break</xsl:template>
  <xsl:template match="*" mode="what"><xsl:value-of select="local-name()"/></xsl:template>

  <!-- The reading: the TEI's text, each editorial element shown by what it says, not by colour alone. -->
  <xsl:template match="tei:p | tei:head | tei:opener | tei:closer | tei:note[@type = 'source'][parent::tei:div]" mode="read">
    <p class="pr-text"><xsl:apply-templates mode="read"/></p>
  </xsl:template>
  <xsl:template match="tei:sp" mode="read">
    <p class="pr-text pr-speaker"><strong><xsl:apply-templates select="tei:speaker/node()" mode="read"/></strong></p>
    <xsl:apply-templates select="*[not(self::tei:speaker)]" mode="read"/>
  </xsl:template>
  <xsl:template match="tei:sp/tei:stage" mode="read"><p class="pr-text pr-stage"><xsl:value-of select="."/></p></xsl:template>
  <xsl:template match="tei:list" mode="read">
    <xsl:if test="tei:head"><p class="pr-text"><xsl:apply-templates select="tei:head/node()" mode="read"/></p></xsl:if>
    <ul class="pr-list">
      <xsl:for-each select="tei:item">
        <li>
          <xsl:if test="preceding-sibling::*[1][self::tei:label]">
            <xsl:value-of select="concat(preceding-sibling::*[1], ' ')"/>
          </xsl:if>
          <xsl:apply-templates mode="read"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <xsl:template match="tei:ellipsis[parent::tei:div]" mode="read"><p class="pr-text"><xsl:value-of select="."/></p></xsl:template>
  <xsl:template match="tei:pb" mode="read">
    <span class="pr-pb">
      <xsl:text>[page break</xsl:text>
      <xsl:if test="@n"><xsl:value-of select="concat(': page ', @n)"/></xsl:if>
      <xsl:if test="@type = 'inferred'">, inferred</xsl:if>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>
  <xsl:template match="tei:fw" mode="read"><xsl:text> </xsl:text><span class="pr-fw"><xsl:value-of select="."/></span></xsl:template>
  <xsl:template match="tei:lb" mode="read"><br/></xsl:template>
  <xsl:template match="tei:note[@place = 'foot']" mode="read">
    <span class="pr-call"><xsl:value-of select="concat('[→ note ', @xml:id, ']')"/></span>
  </xsl:template>
  <xsl:template match="tei:note[@place = 'inline'][@type = 'translator' or @type = 'editorial']" mode="read">
    <span class="pr-inline-note"><xsl:value-of select="concat('[', @type, ' note: ')"/><xsl:apply-templates mode="read"/>]</span>
  </xsl:template>
  <xsl:template match="tei:gap" mode="read">
    <span class="pr-gap">
      <xsl:value-of select="concat('[gap: ', @reason)"/>
      <xsl:if test="@quantity"><xsl:value-of select="concat(', ', @quantity, ' ', @unit)"/></xsl:if>
      <xsl:if test="tei:desc"><xsl:value-of select="concat(': ', normalize-space(tei:desc))"/></xsl:if>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>
  <xsl:template match="tei:choice" mode="read">
    <del class="pr-sic"><xsl:value-of select="tei:sic"/></del><xsl:text> </xsl:text><ins class="pr-corr"><xsl:value-of select="tei:corr"/></ins>
  </xsl:template>
  <xsl:template match="tei:unclear" mode="read"><span class="pr-unclear"><xsl:value-of select="."/><span aria-hidden="true">?</span><span class="sr-only"> (doubtful)</span></span></xsl:template>
  <xsl:template match="tei:add" mode="read"><span class="pr-add">[added by hand: <xsl:value-of select="."/>]</span></xsl:template>
  <xsl:template match="tei:hi[@rend = 'italic']" mode="read"><em><xsl:apply-templates mode="read"/></em></xsl:template>
  <xsl:template match="tei:hi" mode="read"><strong><xsl:apply-templates mode="read"/></strong></xsl:template>
  <xsl:template match="tei:persName[@ref]" mode="read"><span class="pr-name"><xsl:apply-templates mode="read"/></span></xsl:template>
  <xsl:template match="*" mode="read"><xsl:apply-templates mode="read"/></xsl:template>
</xsl:stylesheet>
