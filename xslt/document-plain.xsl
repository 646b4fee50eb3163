<?xml version="1.0" encoding="UTF-8"?>
<!--
  document-plain.xsl: the document page for TEI without a word-joining line break (lb break="no");
  document.xsl is this and joins.xsl. Renderer picks one per document.

  Imports one stylesheet per concern; a later import wins, so fallback.xsl
  (unknown elements) comes first. The page holds the header card, the view
  switch (two radio inputs whose :checked state CSS reads; no JavaScript), the
  text with every editorial mark rendered for both views, and the footnotes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="fallback.xsl"/>
  <xsl:import href="common.xsl"/>
  <xsl:import href="shell.xsl"/>
  <xsl:import href="structure.xsl"/>
  <xsl:import href="speech.xsl"/>
  <xsl:import href="editorial.xsl"/>
  <xsl:import href="notes.xsl"/>
  <xsl:import href="names.xsl"/>
  <xsl:import href="header-card.xsl"/>
  <xsl:import href="cite.xsl"/>
  <xsl:import href="foreign.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Every xml:id, the element being its parent (common.xsl). The one key of the page (the order tables are
       found by it too): a walk per key at the first key() call, and a pattern without a predicate (@xml:id,
       not *[@xml:id]) is tested on each node without an XPath evaluation. -->
  <xsl:key name="id" match="@xml:id" use="."/>

  <!-- Elements inside phrase-level HTML (a p, a heading, a speaker label …): there a block
       becomes a span, so HTML parsers never close a paragraph early. Templates ask
         <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
       which gives "div" or "span". A match pattern, because libxslt tests patterns in C, walking
       the ancestors without building a node-set: asking the ancestor axis in XPath (in a key over
       every element, or per block) cost a third of the page's time; the pattern costs next to
       nothing, and only for the elements that ask. -->
  <xsl:template match="*" mode="outer-tag">div</xsl:template>
  <xsl:template mode="outer-tag" priority="1"
                match="tei:p//* | tei:ab//* | tei:head//* | tei:l//* | tei:speaker//* | tei:seg//* | tei:label//*
                       | tei:dateline//* | tei:signed//* | tei:salute//* | tei:fw//* | tei:hi//* | tei:title//*
                       | tei:docTitle//* | tei:byline//*
                       | tei:stage[not(parent::tei:sp or parent::tei:div or parent::tei:body)]//*">span</xsl:template>

  <!-- Text nodes copied by a template of the importing stylesheet: the same bytes as XSLT's built-in
       template, found at once; without it libxslt looked for a text template in each of the imported
       stylesheets before falling back to the built-in one (a text node is most of the nodes a page visits). -->
  <xsl:template match="text()"><xsl:copy/></xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus">
    <xsl:variable name="lang-ident" select="tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident"/>
    <xsl:variable name="lang">
      <xsl:choose>
        <xsl:when test="@xml:lang"><xsl:value-of select="@xml:lang"/></xsl:when>
        <xsl:when test="$lang-ident and $lang-ident != 'und'"><xsl:value-of select="$lang-ident"/></xsl:when>
        <xsl:otherwise>und</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="title"><xsl:call-template name="doc-title"/></xsl:variable>
    <xsl:call-template name="shell">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="lang" select="$lang"/>
      <xsl:with-param name="page-class" select="'page page-document'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="page-content">
        <article class="document" data-pagefind-body="">
          <xsl:call-template name="search-facets"/>
          <!-- The switch's state lives in these two inputs; everything they control follows them as siblings.
               The toolbar comes right after them, so the switch is on screen where the keyboard focus lands. -->
          <input type="radio" name="view" id="view-read" class="view-input" checked="checked" aria-describedby="view-help"/>
          <input type="radio" name="view" id="view-dipl" class="view-input" aria-describedby="view-help"/>
          <div class="toolbar">
            <div class="view-switch" aria-hidden="false">
              <span class="view-switch-title" id="view-switch-title">View</span>
              <label for="view-read" class="view-label view-label-read">Reading</label>
              <label for="view-dipl" class="view-label view-label-dipl">Diplomatic</label>
            </div>
            <p class="view-help" id="view-help">
              <span class="help-read"><strong>Reading view</strong><span class="help-more">: clean text; hover, tap or Tab to a mark for what the editors did.</span></span>
              <span class="help-dipl"><strong>Diplomatic view</strong><span class="help-more">: the source’s own notation (□ lost characters, [sic], [word?]).</span></span>
            </p>
            <xsl:if test="$text-href != ''">
              <a class="text-link" href="{$text-href}">Plain text</a>
            </xsl:if>
          </div>
          <xsl:apply-templates select="tei:teiHeader" mode="card"/>
          <xsl:call-template name="cite-this"/>
          <section class="text" aria-labelledby="text-heading">
            <h2 id="text-heading" class="sr-only">Text</h2>
            <xsl:apply-templates select="tei:text | tei:TEI"/>
          </section>
          <xsl:apply-templates select="." mode="outside-text"/>
          <xsl:call-template name="footnotes">
            <xsl:with-param name="notes" select=".//tei:text//tei:note[not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end']"/>
          </xsl:call-template>
        </article>
  </xsl:template>

  <!-- What the site's search (Pagefind, run by build) filters by: the year, the classification, the
       persons. Hidden, and ignored as text: the same words are on the page where a reader sees them. -->
  <xsl:template name="search-facets">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <xsl:variable name="when" select="(($profile/tei:creation//tei:date/@when | $profile/tei:creation//tei:date/@from
                                        | $profile/tei:creation//tei:date/@notBefore)[1]
                                       | ($header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:date/@when)[1][not($profile/tei:creation//tei:date)])[1]"/>
    <div class="search-facets" hidden="hidden" data-pagefind-ignore="">
      <span data-pagefind-filter="year">
        <xsl:choose>
          <xsl:when test="string-length($when) &gt;= 4"><xsl:value-of select="substring($when, 1, 4)"/></xsl:when>
          <xsl:otherwise>undated</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:for-each select="$profile/tei:textClass/tei:keywords/tei:term[@type = 'classification']">
        <span data-pagefind-filter="classification"><xsl:value-of select="normalize-space(.)"/></span>
      </xsl:for-each>
      <xsl:for-each select="$profile/tei:particDesc//tei:person[tei:persName]">
        <span data-pagefind-filter="person">
          <xsl:value-of select="normalize-space((tei:persName[not(@type = 'variant')] | tei:persName)[1])"/>
        </span>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- A nested TEI in a corpus renders its text only; its header is not a page card. -->
  <xsl:template match="tei:teiCorpus/tei:TEI">
    <div class="corpus-member">
      <h3><xsl:value-of select="normalize-space(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/></h3>
      <xsl:apply-templates select="tei:text"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
