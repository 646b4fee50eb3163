<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: TEI → plain text (see text-plain.xsl), with text-joins.xsl for the text nodes on either
  side of a word-joining line break (lb break="no"). Renderer uses text-plain.xsl alone for a
  document without such a break: the same bytes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="text-plain.xsl"/>
  <xsl:import href="text-joins.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
</xsl:stylesheet>
