<?xml version="1.0" encoding="UTF-8"?>
<!--
  fallback.xsl: what happens to TEI the other stylesheets do not know.

  Imported first, so it has the lowest precedence. An unknown element is never
  dropped: it becomes a span (or a div where it holds block content) with class
  "tei-NAME", and its text falls through. Elements outside the text that carry
  no reading text (facsimile, standOff) are left out of the body on purpose.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="*">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="tei:p or tei:div or tei:lg or tei:l or tei:list or tei:table or tei:ab or tei:sp
                        or tei:floatingText or tei:figure or tei:quote[tei:p] or tei:head">
          <xsl:apply-templates select="." mode="outer-tag"/>
        </xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('tei-', local-name())"/>
        <xsl:if test="@rend"><xsl:value-of select="concat(' rend-', translate(normalize-space(@rend), ' ', '-'))"/></xsl:if>
      </xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:facsimile | tei:standOff | tei:sourceDoc"/>
  <xsl:template match="processing-instruction() | comment()"/>
</xsl:stylesheet>
