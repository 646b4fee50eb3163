<?xml version="1.0" encoding="UTF-8"?>
<!--
  document.xsl: entry stylesheet for one document page.

  document-plain.xsl holds the page (it imports one stylesheet per concern); joins.xsl, imported
  after it, writes the text nodes on either side of a word-joining line break (lb break="no").
  Renderer uses document-plain.xsl alone for a document without such a break: the same bytes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="document-plain.xsl"/>
  <xsl:import href="joins.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
