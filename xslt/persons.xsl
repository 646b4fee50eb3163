<?xml version="1.0" encoding="UTF-8"?>
<!--
  persons.xsl: the persons of the edition. Input (tei_encoder/render/pages.py), one of
    <corpus kind="letters" total="N">: the A–Z index (persons.html): <letters> links, and the
        <group>s of persons when they all fit on the page;
    <corpus kind="letter" heading="A" total="N">: one letter's persons (letters/a.html, paged);
    <corpus kind="person">: one person's page (persons/ID.html, paged): names, life, and the
        documents and turns in which they speak or are mentioned, by date.
  Persons are sorted by id (the surname slug). Every href is relative to the site's top folder;
  $root leads there from this page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Links per document beyond this many are summarised by a count. -->
  <xsl:param name="max-links" select="12"/>

  <xsl:template match="/corpus">
    <xsl:call-template name="shell">
      <xsl:with-param name="title"><xsl:call-template name="heading"/></xsl:with-param>
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="page-class" select="concat('page page-persons page-', @kind)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:choose>
      <xsl:when test="@kind = 'person'"><xsl:value-of select="person/name"/></xsl:when>
      <xsl:when test="@heading"><xsl:value-of select="concat('Persons: ', @heading)"/></xsl:when>
      <xsl:otherwise>Persons</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="corpus" mode="page-content">
    <h1 class="page-title"><xsl:call-template name="heading"/></h1>
    <xsl:choose>
      <xsl:when test="@kind = 'person'">
        <xsl:apply-templates select="person" mode="page"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="lead">
          <xsl:value-of select="@total"/>
          <xsl:choose><xsl:when test="@total = 1"> person</xsl:when><xsl:otherwise> persons</xsl:otherwise></xsl:choose>
          <xsl:if test="@kind = 'letter'"> under this letter</xsl:if>
          <xsl:text>, each with a page of the documents in which they speak or are mentioned. People are identified within each record; the same id across records is taken to be the same person.</xsl:text>
        </p>
        <xsl:apply-templates select="letters"/>
        <xsl:apply-templates select="pager"/>
        <xsl:apply-templates select="group"/>
        <xsl:if test="group and pager"><xsl:apply-templates select="pager"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="letters">
    <nav class="alpha-nav" aria-label="Persons by letter">
      <xsl:for-each select="letter">
        <a href="{substring($root, 1, string-length($root) * not(starts-with(@href, '#')))}{@href}">
          <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
          <xsl:value-of select="@label"/>
        </a>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <xsl:template match="group">
    <h2 class="year-heading" id="letter-{@id}"><xsl:value-of select="@label"/></h2>
    <ul class="person-list">
      <xsl:for-each select="person">
        <li>
          <a href="{$root}{@href}"><xsl:value-of select="@name"/></a>
          <xsl:if test="@life"><xsl:value-of select="concat(' (', @life, ')')"/></xsl:if>
          <xsl:value-of select="concat(' · ', @docs, ' document')"/>
          <xsl:if test="@docs != 1">s</xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="person" mode="page">
          <section class="person-entry" id="person-{@id}" aria-labelledby="name-{@id}">
            <h2 class="sr-only" id="name-{@id}"><xsl:value-of select="name"/></h2>
            <p class="person-meta">
              <xsl:if test="life"><xsl:value-of select="life"/><xsl:text> · </xsl:text></xsl:if>
              <xsl:if test="occupation"><xsl:value-of select="occupation"/><xsl:text> · </xsl:text></xsl:if>
              <xsl:if test="variant">
                <xsl:text>also </xsl:text>
                <xsl:for-each select="variant"><xsl:if test="position() &gt; 1">, </xsl:if>“<xsl:value-of select="."/>”</xsl:for-each>
                <xsl:text> · </xsl:text>
              </xsl:if>
              <xsl:value-of select="concat(@docs, ' document')"/>
              <xsl:if test="@docs != 1">s</xsl:if>
              <xsl:text> · id </xsl:text><code><xsl:value-of select="@id"/></code>
            </p>
            <xsl:apply-templates select="../pager"/>
            <ul class="appearances">
              <xsl:for-each select="in">
                <li>
                  <a href="{$root}{@href}"><xsl:value-of select="@title"/></a>
                  <xsl:if test="@date"><xsl:value-of select="concat(' (', @date, ')')"/></xsl:if>
                  <xsl:if test="@role != ''"><xsl:value-of select="concat(' — ', @role)"/></xsl:if>
                  <xsl:if test="turn | mention">
                    <br/>
                    <span class="links">
                      <xsl:if test="turn">
                        <xsl:value-of select="concat('speaks in ', count(turn), ' turn')"/>
                        <xsl:if test="count(turn) != 1">s</xsl:if>
                        <xsl:text>: </xsl:text>
                        <xsl:for-each select="turn[position() &lt;= $max-links]">
                          <a href="{$root}{@href}" aria-label="turn {position()} of {count(../turn)} in {../@title}"><xsl:value-of select="position()"/></a>
                        </xsl:for-each>
                        <xsl:if test="count(turn) &gt; $max-links">…</xsl:if>
                        <xsl:if test="mention"> · </xsl:if>
                      </xsl:if>
                      <xsl:if test="mention">
                        <xsl:value-of select="concat('named ', count(mention), ' time')"/>
                        <xsl:if test="count(mention) != 1">s</xsl:if>
                        <xsl:text>: </xsl:text>
                        <xsl:for-each select="mention[position() &lt;= $max-links]">
                          <a href="{$root}{@href}" aria-label="mention {position()} of {count(../mention)} in {../@title}"><xsl:value-of select="position()"/></a>
                        </xsl:for-each>
                        <xsl:if test="count(mention) &gt; $max-links">…</xsl:if>
                      </xsl:if>
                    </span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
            <xsl:if test="../pager/@pages &gt; 1"><xsl:apply-templates select="../pager"/></xsl:if>
          </section>
  </xsl:template>
</xsl:stylesheet>
