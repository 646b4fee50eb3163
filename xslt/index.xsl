<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: the edition's documents by date. Input (tei_encoder/render/pages.py): either
  <corpus kind="overview" total="N"> with one <year label href count> per year (and, in a year
  split by month, its <month label href count>), or <corpus kind="entries" heading="…" total="N">
  with a <pager> and the <doc> entries of one page, in index order (by date, undated last, then
  title, then page name). The first document of each year carries @year-start. Every href is
  relative to the site's top folder; $root leads there from this page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/corpus">
    <xsl:call-template name="shell">
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="@heading"><xsl:value-of select="concat('Documents: ', @heading)"/></xsl:when>
          <xsl:otherwise>Documents</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="page-class" select="'page page-index'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="corpus" mode="page-content">
    <h1 class="page-title">
      <xsl:choose>
        <xsl:when test="@heading"><xsl:value-of select="concat('Documents: ', @heading)"/></xsl:when>
        <xsl:otherwise>Documents</xsl:otherwise>
      </xsl:choose>
    </h1>
    <p class="lead">
      <xsl:value-of select="@total"/>
      <xsl:choose><xsl:when test="@total = 1"> document</xsl:when><xsl:otherwise> documents</xsl:otherwise></xsl:choose>
      <xsl:choose>
        <xsl:when test="@kind = 'overview'">, by year of their date. </xsl:when>
        <xsl:when test="@heading">, in order of date: this page lists <xsl:value-of select="count(doc)"/>. </xsl:when>
        <xsl:otherwise>, in order of date. </xsl:otherwise>
      </xsl:choose>
      <a href="{$root}persons.html">Persons</a>
      <xsl:text> lists everyone who speaks or is mentioned.</xsl:text>
    </p>
    <xsl:apply-templates select="pager"/>
    <xsl:if test="year">
      <ul class="years">
        <xsl:apply-templates select="year"/>
      </ul>
    </xsl:if>
    <xsl:apply-templates select="doc" mode="entry"/>
    <xsl:if test="doc"><xsl:apply-templates select="pager"/></xsl:if>
  </xsl:template>

  <xsl:template match="year | month">
    <li>
      <a href="{$root}{@href}"><xsl:value-of select="@label"/></a>
      <xsl:value-of select="concat(' (', @count, ')')"/>
      <xsl:if test="month">
        <ul class="months"><xsl:apply-templates select="month"/></ul>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="doc" mode="entry">
          <!-- The store marks the first document of each year (@year-start), so no document
               looks back at its predecessors: a page stays linear in its number of documents. -->
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
              <h3 class="doc-title"><a href="{$root}{@href}"><xsl:value-of select="title"/></a>
                <xsl:if test="@status">
                  <xsl:choose>
                    <xsl:when test="@status-href">
                      <a class="doc-status status-{@status-level}" href="{$root}{@status-href}"><xsl:value-of select="@status"/></a>
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
                    <a href="{$root}{@href}"><xsl:value-of select="@name"/></a>
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
