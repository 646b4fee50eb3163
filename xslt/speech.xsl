<?xml version="1.0" encoding="UTF-8"?>
<!--
  speech.xsl: labelled turns as dialogue, stage directions, reported speech.

  A turn (sp) is a two-column row: the speaker label (with anything the source
  put before it, such as lost characters) and the speech. Every turn has an id
  (turn-N in document order) and a visible link to itself; a turn without a
  speaker element shows its speaker's name from @who in brackets, so every turn
  names who speaks. Each speaker keeps one colour across the page.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:sp">
    <xsl:variable name="who" select="substring-before(concat(substring-after(normalize-space(@who), '#'), ' '), ' ')"/>
    <xsl:variable name="person" select="(key('id', $who)/parent::tei:person)[1]"/>
    <xsl:variable name="turn"><xsl:call-template name="turn-id"/></xsl:variable>
    <xsl:variable name="speaker" select="tei:speaker[1]"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="$speaker/* and $speaker//tei:note">
          <xsl:variable name="label"><xsl:apply-templates select="$speaker/node()" mode="label"/></xsl:variable>
          <xsl:value-of select="normalize-space($label)"/>
        </xsl:when>
        <xsl:when test="$speaker"><xsl:value-of select="normalize-space($speaker)"/></xsl:when>
        <xsl:when test="$who != ''"><xsl:call-template name="person-name"><xsl:with-param name="id" select="$who"/></xsl:call-template></xsl:when>
        <xsl:otherwise>Unnamed speaker</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div id="{$turn}">
      <xsl:attribute name="class">
        <xsl:text>sp</xsl:text>
        <xsl:if test="$person"><xsl:value-of select="concat(' who-', (count($person/preceding-sibling::tei:person) + count($person/../preceding-sibling::tei:listPerson/tei:person)) mod 8 + 1)"/></xsl:if>
      </xsl:attribute>
      <xsl:if test="$who != ''"><xsl:attribute name="data-who"><xsl:value-of select="$who"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <div class="sp-speaker">
        <xsl:call-template name="proof-back"/>
        <xsl:choose>
          <xsl:when test="$speaker">
            <xsl:apply-templates select="$speaker/preceding-sibling::node()"/>
            <xsl:apply-templates select="$speaker">
              <xsl:with-param name="who" select="$who"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <span class="speaker supplied-speaker" title="Speaker supplied from the encoding (@who); the source prints no label">
              <xsl:text>[</xsl:text><xsl:value-of select="$name"/><xsl:text>]</xsl:text>
            </span>
          </xsl:otherwise>
        </xsl:choose>
        <a class="permalink" href="#{$turn}">
          <span class="sr-only">Link to this turn by <xsl:value-of select="$name"/></span>
          <span aria-hidden="true">#</span>
        </a>
      </div>
      <div class="sp-speech">
        <xsl:choose>
          <xsl:when test="$speaker">
            <xsl:apply-templates select="$speaker/following-sibling::node()"/>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </div>
    </div>
  </xsl:template>

  <!-- The label's words without a note anchored in it (Khrushchev[footnoteRef:2]:). -->
  <xsl:template match="tei:note" mode="label"/>

  <xsl:template match="tei:speaker">
    <xsl:param name="who" select="''"/>
    <xsl:choose>
      <!-- "*" first: a label of text alone is not searched for notes, links and names. -->
      <xsl:when test="$who != '' and not(* and (.//tei:note or .//tei:ref or .//tei:ptr or .//tei:persName[@ref]))">
        <a class="speaker" href="{$person-href-before}{$who}{$person-href-after}"><xsl:call-template name="lang"/><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="speaker"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Stage directions: a line of their own between blocks, inline within a paragraph. -->
  <xsl:template match="tei:stage">
    <xsl:variable name="outer"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="$outer = 'div' and not(parent::tei:sp)">p</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">stage<xsl:if test="$tag = 'p'"> stage-block</xsl:if></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Reported or quoted speech, tinted with the speaker's colour in the reading view: a span inside
       phrase-level HTML, else a div. Told apart by pattern, as paragraphs are (structure.xsl); the ancestors
       are those the outer-tag mode names (document-plain.xsl). -->
  <xsl:template match="tei:p//tei:said | tei:ab//tei:said | tei:head//tei:said | tei:l//tei:said | tei:speaker//tei:said
                       | tei:seg//tei:said | tei:label//tei:said | tei:dateline//tei:said | tei:signed//tei:said
                       | tei:salute//tei:said | tei:fw//tei:said | tei:hi//tei:said | tei:title//tei:said
                       | tei:docTitle//tei:said | tei:byline//tei:said
                       | tei:stage[not(parent::tei:sp or parent::tei:div or parent::tei:body)]//tei:said" priority="1">
    <span><xsl:call-template name="said-content"/></span>
  </xsl:template>

  <xsl:template match="tei:said">
    <div><xsl:call-template name="said-content"/></div>
  </xsl:template>

  <xsl:template name="said-content">
    <xsl:variable name="who" select="substring-before(concat(substring-after(normalize-space(@who), '#'), ' '), ' ')"/>
    <xsl:variable name="person" select="(key('id', $who)/parent::tei:person)[1]"/>
    <xsl:variable name="indirect" select="@direct = 'false'"/>
    <xsl:attribute name="class">
      <xsl:text>said</xsl:text>
      <xsl:choose>
        <xsl:when test="$indirect"> said-indirect</xsl:when>
        <xsl:otherwise> said-direct</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$person"><xsl:value-of select="concat(' who-', (count($person/preceding-sibling::tei:person) + count($person/../preceding-sibling::tei:listPerson/tei:person)) mod 8 + 1)"/></xsl:if>
    </xsl:attribute>
    <xsl:attribute name="title">
      <xsl:choose>
        <xsl:when test="$indirect">Reported speech</xsl:when>
        <xsl:otherwise>Direct speech</xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="name" select="normalize-space(($person/tei:persName[not(@type = 'variant')] | $person/tei:persName)[1])"/>
      <xsl:if test="$name != ''"><xsl:value-of select="concat(' of ', $name)"/></xsl:if>
    </xsl:attribute>
    <xsl:call-template name="lang"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
