<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: the edition's front page. Input: the corpus summary that
  tei_encoder.render builds from every document's summary.xsl output, already
  sorted by date (undated last), then title, then file name.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/corpus">
    <xsl:call-template name="shell">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="page-class" select="'page page-index'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="corpus" mode="page-content">
        <h1 class="page-title">Documents</h1>
        <p class="lead">
          <xsl:value-of select="count(doc)"/>
          <xsl:choose><xsl:when test="count(doc) = 1"> document</xsl:when><xsl:otherwise> documents</xsl:otherwise></xsl:choose>
          <xsl:text>, in order of date. </xsl:text>
          <a href="persons.html">Persons</a>
          <xsl:text> lists everyone who speaks or is mentioned.</xsl:text>
        </p>
        <xsl:for-each select="doc">
          <!-- The corpus marks the first document of each year (@year-start), so no document
               looks back at its predecessors: the index stays linear in the number of documents. -->
          <xsl:if test="@year-start">
            <h2 class="year-heading"><xsl:value-of select="@year-start"/></h2>
          </xsl:if>
          <article class="doc-entry">
            <xsl:if test="@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
            <div class="doc-date">
              <xsl:choose>
                <xsl:when test="date/@when != ''">
                  <time datetime="{date/@when}"><xsl:value-of select="date/@label"/></time>
                  <xsl:if test="date/@kind = 'setting'"><br/><span class="date-kind">date of the conversation</span></xsl:if>
                </xsl:when>
                <xsl:when test="date"><xsl:value-of select="date/@label"/></xsl:when>
                <xsl:otherwise>undated</xsl:otherwise>
              </xsl:choose>
            </div>
            <div class="doc-body">
              <h3 class="doc-title"><a href="{@href}"><xsl:value-of select="title"/></a>
                <xsl:if test="@status">
                  <xsl:choose>
                    <xsl:when test="@status-href">
                      <a class="doc-status status-{@status-level}" href="{@status-href}"><xsl:value-of select="@status"/></a>
                    </xsl:when>
                    <xsl:otherwise><span class="doc-status status-{@status-level}"><xsl:value-of select="@status"/></span></xsl:otherwise>
                  </xsl:choose>
                </xsl:if>
              </h3>
              <p class="doc-meta">
                <xsl:for-each select="genre | classification">
                  <xsl:value-of select="."/><xsl:text> · </xsl:text>
                </xsl:for-each>
                <xsl:if test="participant">
                  <xsl:for-each select="participant">
                    <xsl:if test="position() &gt; 1">, </xsl:if>
                    <a href="{@href}"><xsl:value-of select="@name"/></a>
                  </xsl:for-each>
                  <xsl:text> · </xsl:text>
                </xsl:if>
                <xsl:value-of select="@file"/>
              </p>
              <xsl:if test="summary"><p class="doc-summary"><xsl:value-of select="summary"/></p></xsl:if>
            </div>
          </article>
        </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
