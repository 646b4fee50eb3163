<?xml version="1.0" encoding="UTF-8"?>
<!--
  cite.xsl: how a document page is cited and fetched. A "Cite this" block
  (a citation built from the document and the edition), links to the TEI file
  and the plain-text view, and the citation_* (Highwire) and Dublin Core
  <meta> tags that reference managers such as Zotero read.

  The edition's facts come from the header itself (titleStmt/editor,
  publicationStmt/publisher, idno[@type='URI'], the collection title; see
  shell.xsl), so no configuration reaches the stylesheet. A fact the header
  lacks is left out of the citation, never invented.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Link to this document's TEI file (render_site copies it to tei/<name>.xml); empty for none. -->
  <xsl:param name="tei-href" select="''"/>

  <xsl:variable name="cite-header" select="/*/tei:teiHeader"/>
  <!-- The same precedence as the header card: the document's own date, the source's, the publication's. -->
  <xsl:variable name="cite-date" select="($cite-header/tei:profileDesc/tei:creation//tei:date)[1]
      | ($cite-header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:date)[1][not($cite-header/tei:profileDesc/tei:creation//tei:date)]"/>
  <xsl:variable name="cite-authors" select="($cite-header/tei:fileDesc/tei:titleStmt/tei:author
      | $cite-header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:author[not($cite-header/tei:fileDesc/tei:titleStmt/tei:author)])
      [normalize-space()]"/>
  <xsl:variable name="cite-editors" select="$cite-header/tei:fileDesc/tei:titleStmt/tei:editor[normalize-space()]"/>
  <xsl:variable name="cite-url" select="normalize-space(($cite-header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URI'])[1])"/>
  <xsl:variable name="cite-lang" select="($cite-header/tei:profileDesc/tei:langUsage/tei:language/@ident)[1]"/>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="head-meta">
    <xsl:variable name="title"><xsl:call-template name="doc-title"/></xsl:variable>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_title'"/><xsl:with-param name="content" select="$title"/></xsl:call-template>
    <xsl:for-each select="$cite-authors">
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_author'"/><xsl:with-param name="content"><xsl:call-template name="author-name"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$cite-date/@when">
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_date'"/><xsl:with-param name="content" select="translate($cite-date/@when, '-', '/')"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_publisher'"/><xsl:with-param name="content" select="$edition-publisher"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_inbook_title'"/><xsl:with-param name="content" select="$edition-name"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_public_url'"/><xsl:with-param name="content" select="$cite-url"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_language'"/><xsl:with-param name="content" select="$cite-lang"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.title'"/><xsl:with-param name="content" select="$title"/></xsl:call-template>
    <xsl:for-each select="$cite-authors">
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.creator'"/><xsl:with-param name="content"><xsl:call-template name="author-name"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$cite-editors">
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.contributor'"/><xsl:with-param name="content"><xsl:call-template name="author-name"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.date'"/><xsl:with-param name="content" select="$cite-date/@when"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.publisher'"/><xsl:with-param name="content" select="$edition-publisher"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.relation.ispartof'"/><xsl:with-param name="content" select="$edition-name"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.identifier'"/><xsl:with-param name="content" select="$cite-url"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.rights'"/><xsl:with-param name="content" select="$edition-licence"/></xsl:call-template>
    <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.language'"/><xsl:with-param name="content" select="$cite-lang"/></xsl:call-template>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
  </xsl:template>

  <!-- One <meta>, only when there is something to say. -->
  <xsl:template name="meta">
    <xsl:param name="name"/>
    <xsl:param name="content"/>
    <xsl:if test="normalize-space($content) != ''">
      <meta name="{$name}" content="{normalize-space($content)}"/>
    </xsl:if>
  </xsl:template>

  <!-- "Cite this", then the downloads: after the header card, before the view switch's toolbar. -->
  <xsl:template name="cite-this">
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading" class="card-label">Cite this</h2>
      <p class="citation" id="citation"><xsl:call-template name="citation"/></p>
      <xsl:if test="$tei-href != '' or $text-href != ''">
        <ul class="downloads">
          <xsl:if test="$tei-href != ''">
            <li><a class="tei-link" href="{$tei-href}" download="" type="application/tei+xml">Download TEI</a></li>
          </xsl:if>
          <xsl:if test="$text-href != ''">
            <li><a class="text-view-link" href="{$text-href}" type="text/plain">Plain text</a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Authors. “Title,” date. In Edition, edited by A and B. Publisher. URL. -->
  <xsl:template name="citation">
    <xsl:if test="$cite-authors">
      <xsl:call-template name="name-list"><xsl:with-param name="names" select="$cite-authors"/></xsl:call-template>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:text>“</xsl:text><xsl:call-template name="doc-title"/>
    <xsl:choose>
      <xsl:when test="$cite-date/@when">
        <xsl:text>,” </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="when" select="$cite-date/@when"/></xsl:call-template>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:when test="normalize-space($cite-date) != ''">
        <xsl:value-of select="concat(',” ', normalize-space($cite-date), '.')"/>
      </xsl:when>
      <xsl:otherwise>.”</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$edition-name != ''">
      <xsl:text> In </xsl:text><cite><xsl:value-of select="$edition-name"/></cite>
    </xsl:if>
    <xsl:if test="$cite-editors">
      <xsl:choose>
        <xsl:when test="$edition-name != ''">, edited by </xsl:when>
        <xsl:otherwise> Edited by </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="name-list"><xsl:with-param name="names" select="$cite-editors"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$edition-name != '' or $cite-editors">.</xsl:if>
    <xsl:if test="$edition-publisher != ''">
      <xsl:value-of select="concat(' ', $edition-publisher, '.')"/>
    </xsl:if>
    <xsl:if test="$cite-url != ''">
      <xsl:text> </xsl:text><a class="permalink-url" href="{$cite-url}"><xsl:value-of select="$cite-url"/></a><xsl:text>.</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C". -->
  <xsl:template name="name-list">
    <xsl:param name="names"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> and </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="author-name"/>
    </xsl:for-each>
  </xsl:template>

  <!-- An author's or editor's name without the authority numbers printed beside it
       (DraCor: <author><persName>…</persName><idno type="wikidata">Q219551</idno></author>). -->
  <xsl:template name="author-name">
    <xsl:choose>
      <xsl:when test="tei:persName | tei:name"><xsl:value-of select="normalize-space((tei:persName | tei:name)[1])"/></xsl:when>
      <xsl:when test="tei:idno"><xsl:value-of select="normalize-space(text()[normalize-space()][1])"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
