<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: the edition's front page. Input: the corpus summary that
  tei_encoder.render builds from every document's summary.xsl output, already
  sorted by date (undated last), then title, then file name.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- render_site writes a large page in parts: part="frame" gives the page with a comment
       marking where the entries go (entry-count gives their number), part="entries" gives
       only the entries of the input; the default "page" gives the whole page at once. -->
  <xsl:param name="part" select="'page'"/>
  <xsl:param name="entry-count" select="''"/>

  <xsl:template match="/corpus">
    <xsl:choose>
      <xsl:when test="$part = 'entries'"><xsl:apply-templates select="doc" mode="entry"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="shell">
          <xsl:with-param name="title" select="'Documents'"/>
          <xsl:with-param name="lang" select="'en'"/>
          <xsl:with-param name="page-class" select="'page page-index'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="corpus" mode="page-content">
    <xsl:variable name="count">
      <xsl:choose>
        <xsl:when test="$entry-count != ''"><xsl:value-of select="$entry-count"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(doc)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
        <h1 class="page-title">Documents</h1>
        <p class="lead">
          <xsl:value-of select="$count"/>
          <xsl:choose><xsl:when test="$count = 1"> document</xsl:when><xsl:otherwise> documents</xsl:otherwise></xsl:choose>
          <xsl:text>, in order of date. </xsl:text>
          <a href="persons.html">Persons</a>
          <xsl:text> lists everyone who speaks or is mentioned.</xsl:text>
        </p>
        <xsl:choose>
          <xsl:when test="$part = 'frame'"><xsl:comment>tei-encoder:entries</xsl:comment></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="doc" mode="entry"/></xsl:otherwise>
        </xsl:choose>
  </xsl:template>

  <xsl:template match="doc" mode="entry">
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
  </xsl:template>
</xsl:stylesheet>
