<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: wraps an extra page's HTML content (for example the validation
  report that `build` adds) in the edition's frame. Input: <page title="…">
  followed by the content as (namespace-free) HTML elements.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/page">
    <xsl:call-template name="shell">
      <xsl:with-param name="title" select="@title"/>
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="page-class" select="'page extra-page'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="page-content">
        <h1 class="page-title"><xsl:value-of select="@title"/></h1>
        <xsl:copy-of select="node()"/>
  </xsl:template>
</xsl:stylesheet>
