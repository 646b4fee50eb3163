<?xml version="1.0" encoding="UTF-8"?>
<!--
  parts.xsl: a TEI document as the parts a reader should find on its page, with their words, for
  render/coverage.py, which checks that every word of each part is on the page (or the plain text).

  A part is a section of the header (fileDesc/titleStmt …), an entry list outside the text (standOff's
  lists, sourceDoc, facsimile, fsdDecl …) or a division of the text (front/body/back's children).
  Text nodes are joined with spaces, except across lb break="no", which joins the word as the page does.
  kind="text" parts come last: words missing from the page are charged to the other parts first.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <!-- The parents holding a word-joining lb, each under its own id. One text template below matches on
       this key alone and then looks at the node's two neighbours: a text node whose parent has none
       costs one key lookup, not a walk over its siblings (a paragraph of thousands of children made
       rendering quadratic, issue 8 §4). One template, not one per case: libxslt tests every text node
       against every text() pattern, and three keyed patterns cost 18 % of the page and 30 % of the text
       view. The key holds the parent, not its lbs: key() copies the node-set it returns, and a paragraph
       of thousands of joining lbs made every text node in it copy them all. The neighbour tests end in
       [1] (node()[1]/self::tei:lb), which libxml2 stops at the first sibling for; with a further
       predicate after the [1] it collects every sibling first (quadratic again). -->
  <xsl:key name="joining-parents" match="*[tei:lb[@break = 'no']]" use="generate-id()"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <parts>
      <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="parts"/>
    </parts>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="parts">
    <xsl:variable name="outside" select="*[not(self::tei:teiHeader or self::tei:text or self::tei:TEI)]"/>
    <xsl:apply-templates select="tei:teiHeader/*/* | tei:teiHeader/*[not(*)]" mode="part"/>
    <xsl:apply-templates select="$outside/* | $outside[not(*)]" mode="part"/>
    <xsl:apply-templates select="tei:text/*/* | tei:text/*[not(*)]" mode="part">
      <xsl:with-param name="kind" select="'text'"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="tei:TEI" mode="parts"/>
  </xsl:template>

  <xsl:template match="*" mode="part">
    <xsl:param name="kind" select="'other'"/>
    <xsl:if test=".//text()[normalize-space()]">
      <part kind="{$kind}">
        <xsl:attribute name="path">
          <xsl:for-each select="ancestor-or-self::*">
            <xsl:value-of select="concat('/', local-name(), '[', count(preceding-sibling::*[local-name() = local-name(current())]) + 1, ']')"/>
          </xsl:for-each>
        </xsl:attribute>
        <xsl:apply-templates select="." mode="words"/>
      </part>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="words"><xsl:apply-templates mode="words"/></xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="words"/>
  <xsl:template match="text()" mode="words"><xsl:value-of select="concat(' ', ., ' ')"/></xsl:template>
  <xsl:template match="text()[key('joining-parents', generate-id(..))]" mode="words" priority="1">
    <xsl:variable name="joins-before" select="boolean(preceding-sibling::node()[1]/self::tei:lb[@break = 'no'])"/>
    <xsl:variable name="joins-after" select="boolean(following-sibling::node()[1]/self::tei:lb[@break = 'no'])"/>
    <xsl:choose>
      <xsl:when test="$joins-before and $joins-after"><xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:when test="$joins-after"><xsl:value-of select="concat(' ', normalize-space(.))"/></xsl:when>
      <xsl:when test="$joins-before"><xsl:value-of select="concat(normalize-space(.), ' ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(' ', ., ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
