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
  <!-- The text nodes on either side of a word-joining lb, found from the lb: a text template that looked
       at a text node's neighbour (preceding-sibling::node()[1] in a match pattern) walked all the siblings
       before it, so a paragraph of thousands of children rendered in quadratic time (issue 8 §4). -->
  <xsl:key name="text-before-joining-lb" match="tei:lb[@break = 'no']" use="generate-id(preceding-sibling::node()[1])"/>
  <xsl:key name="text-after-joining-lb" match="tei:lb[@break = 'no']" use="generate-id(following-sibling::node()[1])"/>
  <!-- Whether the document holds any word-joining lb, found once per transform: in the usual document
       (none) a text node then costs one variable test, not two key lookups and two generate-id()s. -->
  <xsl:variable name="joining-lbs-parts" select="boolean(//tei:lb[@break = 'no'])"/>

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
  <!-- One template for every text node, which looks its neighbours up in the keys above: a match
       pattern text()[key(…)] made libxslt count a text node's position among its siblings for each
       one, and text()[…][preceding-sibling::…] walked them: either was quadratic in a paragraph of
       thousands of children (tests/test_render_scaling.py). -->
  <xsl:template match="text()" mode="words">
    <xsl:choose>
      <xsl:when test="not($joining-lbs-parts)"><xsl:value-of select="concat(' ', ., ' ')"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="joins-next" select="key('text-before-joining-lb', generate-id())"/>
        <xsl:variable name="joins-previous" select="key('text-after-joining-lb', generate-id())"/>
        <xsl:choose>
          <xsl:when test="$joins-next and $joins-previous"><xsl:value-of select="normalize-space(.)"/></xsl:when>
          <xsl:when test="$joins-next"><xsl:value-of select="concat(' ', normalize-space(.))"/></xsl:when>
          <xsl:when test="$joins-previous"><xsl:value-of select="concat(normalize-space(.), ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(' ', ., ' ')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
