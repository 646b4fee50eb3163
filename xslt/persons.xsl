<?xml version="1.0" encoding="UTF-8"?>
<!--
  persons.xsl: every person of the edition, with the documents and turns in
  which they speak or are mentioned. Input: the corpus summary (see index.xsl);
  persons are sorted by id (the surname slug), documents by date.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="shell.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Links per document beyond this many are summarised by a count. -->
  <xsl:param name="max-links" select="12"/>

  <!-- render_site writes a large page in parts: part="frame" gives the page with a comment
       marking where the entries go (entry-count gives their number), part="entries" gives
       only the entries of the input; the default "page" gives the whole page at once. -->
  <xsl:param name="part" select="'page'"/>
  <xsl:param name="entry-count" select="''"/>

  <xsl:template match="/corpus">
    <xsl:choose>
      <xsl:when test="$part = 'entries'"><xsl:apply-templates select="person" mode="entry"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="shell">
          <xsl:with-param name="title" select="'Persons'"/>
          <xsl:with-param name="lang" select="'en'"/>
          <xsl:with-param name="page-class" select="'page page-persons'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="corpus" mode="page-content">
    <xsl:variable name="count">
      <xsl:choose>
        <xsl:when test="$entry-count != ''"><xsl:value-of select="$entry-count"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(person)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
        <h1 class="page-title">Persons</h1>
        <p class="lead">
          <xsl:value-of select="$count"/>
          <xsl:choose><xsl:when test="$count = 1"> person</xsl:when><xsl:otherwise> persons</xsl:otherwise></xsl:choose>
          <xsl:text>, with the documents in which they speak or are mentioned. People are identified within each record; the same id across records is taken to be the same person.</xsl:text>
        </p>
        <xsl:if test="letter">
          <nav class="alpha-nav" aria-label="Persons by letter">
            <xsl:for-each select="letter">
              <a href="#letter-{@id}"><xsl:value-of select="@label"/></a>
            </xsl:for-each>
          </nav>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$part = 'frame'"><xsl:comment>tei-encoder:entries</xsl:comment></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="person" mode="entry"/></xsl:otherwise>
        </xsl:choose>
  </xsl:template>

  <xsl:template match="person" mode="entry">
          <xsl:if test="@letter-id">
            <h2 class="year-heading" id="letter-{@letter-id}"><xsl:value-of select="@letter"/></h2>
          </xsl:if>
          <section class="person-entry" id="person-{@id}" aria-labelledby="name-{@id}">
            <h3 id="name-{@id}"><xsl:value-of select="name"/></h3>
            <p class="person-meta">
              <xsl:if test="life"><xsl:value-of select="life"/><xsl:text> · </xsl:text></xsl:if>
              <xsl:if test="occupation"><xsl:value-of select="occupation"/><xsl:text> · </xsl:text></xsl:if>
              <xsl:if test="variant">
                <xsl:text>also </xsl:text>
                <xsl:for-each select="variant"><xsl:if test="position() &gt; 1">, </xsl:if>“<xsl:value-of select="."/>”</xsl:for-each>
                <xsl:text> · </xsl:text>
              </xsl:if>
              <xsl:text>id </xsl:text><code><xsl:value-of select="@id"/></code>
            </p>
            <ul class="appearances">
              <xsl:for-each select="in">
                <li>
                  <a href="{@href}"><xsl:value-of select="@title"/></a>
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
                          <a href="{@href}" aria-label="turn {position()} of {count(../turn)} in {../@title}"><xsl:value-of select="position()"/></a>
                        </xsl:for-each>
                        <xsl:if test="count(turn) &gt; $max-links">…</xsl:if>
                        <xsl:if test="mention"> · </xsl:if>
                      </xsl:if>
                      <xsl:if test="mention">
                        <xsl:value-of select="concat('named ', count(mention), ' time')"/>
                        <xsl:if test="count(mention) != 1">s</xsl:if>
                        <xsl:text>: </xsl:text>
                        <xsl:for-each select="mention[position() &lt;= $max-links]">
                          <a href="{@href}" aria-label="mention {position()} of {count(../mention)} in {../@title}"><xsl:value-of select="position()"/></a>
                        </xsl:for-each>
                        <xsl:if test="count(mention) &gt; $max-links">…</xsl:if>
                      </xsl:if>
                    </span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </section>
  </xsl:template>
</xsl:stylesheet>
