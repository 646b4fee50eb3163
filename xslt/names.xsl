<?xml version="1.0" encoding="UTF-8"?>
<!--
  names.xsl: names, dates and phrase-level highlighting.

  A personal name that points to a person links to that person's entry on the
  persons page and carries the id (m-N, in document order) the persons page
  links back to.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Inside a link or a speaker label a name never links (the pattern walks the ancestors in C, without
       an XPath evaluation per name); a name without @ref there is the plain span the template below writes. -->
  <xsl:template match="tei:ref//tei:persName | tei:speaker//tei:persName" priority="1">
    <xsl:call-template name="unlinked-name"/>
  </xsl:template>

  <xsl:template match="tei:persName[@ref]">
    <xsl:variable name="who" select="substring-before(concat(substring-after(normalize-space(@ref), '#'), ' '), ' ')"/>
    <xsl:variable name="person" select="(key('id', $who)/parent::tei:person)[1]"/>
    <xsl:choose>
      <!-- "*" first: a name of text alone is not searched for notes, links and names. -->
      <xsl:when test="$person and not(* and (.//tei:note[not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end'] or .//tei:ref or .//tei:persName[@ref]))">
        <!-- The subject of a reporting clause: the next element (after a stage direction) is this person's said. -->
        <xsl:variable name="next" select="following-sibling::*[1]"/>
        <xsl:variable name="subject" select="normalize-space(($next[self::tei:said] | $next[self::tei:stage]/following-sibling::*[1][self::tei:said])/@who)
                                             = normalize-space(@ref)"/>
        <a class="persName who-{(count($person/preceding-sibling::tei:person) + count($person/../preceding-sibling::tei:listPerson/tei:person)) mod 8 + 1}{substring(' subject', 1, 8 * $subject)}">
          <xsl:if test="not(ancestor::tei:teiHeader)"><xsl:attribute name="id"><xsl:call-template name="mention-id"/></xsl:attribute></xsl:if>
          <xsl:attribute name="href"><xsl:value-of select="concat($person-href-before, $who, $person-href-after)"/></xsl:attribute>
          <xsl:call-template name="lang"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="unlinked-name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="unlinked-name">
    <span class="persName">
      <xsl:if test="@ref and not(ancestor::tei:teiHeader)"><xsl:attribute name="id"><xsl:call-template name="mention-id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName | tei:roleName
                       | tei:forename | tei:surname | tei:addName | tei:genName | tei:num | tei:measure">
    <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:date | tei:time">
    <xsl:variable name="value" select="(@when | @from | @notBefore)[1]"/>
    <xsl:choose>
      <xsl:when test="$value">
        <time class="{local-name()}" datetime="{$value}"><xsl:call-template name="lang"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- hi: the common renditions; anything else keeps its @rend as a class. -->
  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="contains($rend, ' bold ') or contains($rend, ' b ')">b</xsl:when>
        <xsl:when test="contains($rend, ' italic ') or contains($rend, ' i ') or contains($rend, ' italics ')">i</xsl:when>
        <xsl:when test="contains($rend, ' sup ') or contains($rend, ' superscript ')">sup</xsl:when>
        <xsl:when test="contains($rend, ' sub ') or contains($rend, ' subscript ')">sub</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">
        <xsl:text>hi</xsl:text>
        <xsl:if test="@rend"><xsl:value-of select="concat(' rend-', translate(normalize-space(@rend), ' ', '-'))"/></xsl:if>
      </xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:gloss | tei:title | tei:distinct">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="self::tei:emph">em</xsl:when>
        <xsl:otherwise>i</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Links: external URLs as links; pointers inside the document only where the target is rendered with an id. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="normalize-space(@target)"/>
    <xsl:variable name="local"><xsl:call-template name="local-id"><xsl:with-param name="pointer" select="$target"/></xsl:call-template></xsl:variable>
    <xsl:variable name="node" select="key('id', $local)/parent::*[ancestor::tei:text]"/>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="starts-with($target, 'http://') or starts-with($target, 'https://')"><xsl:value-of select="$target"/></xsl:when>
        <xsl:when test="$node[self::tei:note or self::tei:sp or self::tei:pb or self::tei:anchor]"><xsl:value-of select="$target"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="$href != '' and not(ancestor::tei:persName[@ref] or ancestor::tei:speaker or ancestor::tei:ref)">a</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:if test="$tag = 'a'"><xsl:attribute name="href"><xsl:value-of select="$href"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:choose>
        <xsl:when test="self::tei:ptr or not(node())"><xsl:value-of select="$target"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:idno | tei:bibl | tei:biblScope | tei:pubPlace | tei:publisher | tei:author | tei:editor">
    <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- desc inside gap is rendered by the gap; elsewhere it is text. -->
  <xsl:template match="tei:gap/tei:desc"/>
</xsl:stylesheet>
