<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-joins.xsl: in the plain-text view, the text nodes on either side of a word-joining line
  break (lb break="no") lose the layout whitespace around the break (text-plain.xsl drops the lb).
  Imported last by text.xsl; see joins.xsl, its twin for the HTML page.
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
  <xsl:variable name="joining-lbs-text" select="boolean(//tei:lb[@break = 'no'])"/>

  <!-- One template for every text node, which looks its neighbours up in the keys above: a match
       pattern text()[key(…)] made libxslt count a text node's position among its siblings for each
       one, and text()[…][preceding-sibling::…] walked them: either was quadratic in a paragraph of
       thousands of children (tests/test_render_scaling.py). -->
  <xsl:template match="text()" mode="inline">
    <xsl:choose>
      <xsl:when test="not($joining-lbs-text)"><xsl:value-of select="."/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="joins-next" select="key('text-before-joining-lb', generate-id())"/>
        <xsl:variable name="joins-previous" select="key('text-after-joining-lb', generate-id())"/>
        <xsl:choose>
          <xsl:when test="$joins-next and $joins-previous"><xsl:value-of select="normalize-space(.)"/></xsl:when>
          <xsl:when test="$joins-next"><xsl:if test="normalize-space(substring(., 1, 1)) = '' and normalize-space(.) != ''"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:when>
          <xsl:when test="$joins-previous"><xsl:value-of select="normalize-space(.)"/><xsl:if test="normalize-space(substring(., string-length(.))) = '' and normalize-space(.) != ''"><xsl:text> </xsl:text></xsl:if></xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
