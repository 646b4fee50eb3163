<?xml version="1.0" encoding="UTF-8"?>
<!--
  shell.xsl: the frame every page shares (head, skip link, site navigation,
  footer). Pages call the named template "shell" with their content.
  Nothing external is referenced: one stylesheet next to the pages.

  The footer states the edition: its title, publisher and licence. A document
  page takes them from its own header (the collection title, publicationStmt);
  the index, persons and extra pages, which have no TEI header, from the
  edition-* parameters render_site fills from the documents' headers. An
  explicit site-title (the command's title option) wins over the header's.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The edition's name; empty: the header's collection title, else "Digital edition". -->
  <xsl:param name="site-title" select="''"/>
  <xsl:param name="edition-title" select="''"/>
  <xsl:param name="edition-publisher-param" select="''"/>
  <xsl:param name="edition-licence-param" select="''"/>
  <xsl:param name="edition-licence-href-param" select="''"/>

  <xsl:variable name="shell-file-desc" select="/*/tei:teiHeader/tei:fileDesc"/>
  <xsl:variable name="shell-publication" select="$shell-file-desc/tei:publicationStmt"/>
  <!-- The edition's own name, or '' when nothing names it (a citation then leaves it out). -->
  <xsl:variable name="edition-name">
    <xsl:choose>
      <xsl:when test="$site-title != ''"><xsl:value-of select="$site-title"/></xsl:when>
      <xsl:when test="$shell-file-desc/tei:titleStmt/tei:title[@type = 'collection']">
        <xsl:value-of select="normalize-space($shell-file-desc/tei:titleStmt/tei:title[@type = 'collection'][1])"/>
      </xsl:when>
      <xsl:when test="$shell-file-desc/tei:seriesStmt/tei:title">
        <xsl:value-of select="normalize-space($shell-file-desc/tei:seriesStmt/tei:title[1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$edition-title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="site-name">
    <xsl:choose>
      <xsl:when test="$edition-name != ''"><xsl:value-of select="$edition-name"/></xsl:when>
      <xsl:otherwise>Digital edition</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="edition-publisher">
    <xsl:choose>
      <xsl:when test="$shell-publication/tei:publisher[normalize-space()]">
        <xsl:value-of select="normalize-space($shell-publication/tei:publisher[normalize-space()][1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$edition-publisher-param"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="shell-licence" select="($shell-publication/tei:availability/tei:licence[normalize-space() or @target])[1]"/>
  <xsl:variable name="edition-licence">
    <xsl:choose>
      <xsl:when test="normalize-space($shell-licence) != ''"><xsl:value-of select="normalize-space($shell-licence)"/></xsl:when>
      <xsl:when test="$shell-licence/@target"><xsl:value-of select="$shell-licence/@target"/></xsl:when>
      <xsl:when test="$shell-publication/tei:availability[normalize-space()]">
        <xsl:value-of select="normalize-space($shell-publication/tei:availability[normalize-space()][1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$edition-licence-param"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="edition-licence-href">
    <xsl:choose>
      <xsl:when test="$shell-publication"><xsl:value-of select="$shell-licence/@target"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$edition-licence-href-param"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- The way from this page to the site's top folder: '' for top-level pages, '../' for pages in
       a folder (years/, persons/, letters/, validation/). Every site link is relative to the top. -->
  <xsl:param name="root" select="''"/>
  <xsl:param name="css-href" select="concat($root, 'assets/edition.css')"/>
  <!-- Extra navigation entries, one per line, "label TAB href" (e.g. a validation report). -->
  <xsl:param name="nav-extra" select="''"/>
  <!-- Which entry is the current page: index, persons, or the href of an extra page. -->
  <xsl:param name="nav-current" select="''"/>
  <xsl:param name="generator" select="'tei-encoder'"/>

  <xsl:template name="shell">
    <xsl:param name="title"/>
    <xsl:param name="lang" select="'en'"/>
    <xsl:param name="page-class" select="'page'"/>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{$generator}"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$site-name"/></title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:apply-templates select="." mode="head-meta"/>
      </head>
      <body class="{$page-class}">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <nav class="site-nav" aria-label="Edition">
            <a class="site-title" href="{$root}index.html"><xsl:value-of select="$site-name"/></a>
            <ul>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="label" select="'Documents'"/>
                <xsl:with-param name="href" select="'index.html'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="label" select="'Persons'"/>
                <xsl:with-param name="href" select="'persons.html'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-extra">
                <xsl:with-param name="rest" select="$nav-extra"/>
              </xsl:call-template>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:apply-templates select="." mode="page-content"/>
        </main>
        <footer class="site-footer">
          <xsl:call-template name="edition-statement"/>
          <p class="generator">Generated by <xsl:value-of select="$generator"/> from TEI P5. Works offline: no scripts, fonts or images are loaded.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- A paged listing's way around (corpus pages): <pager up="…" up-label="…" prev="…" next="…"
       position="2" pages="5"/>, hrefs from the site's top folder. Plain links: no script. -->
  <xsl:template match="pager">
    <nav class="pager" aria-label="Pages">
      <xsl:if test="@up"><a class="pager-up" href="{$root}{@up}"><xsl:value-of select="@up-label"/></a></xsl:if>
      <xsl:if test="@prev"><a class="pager-prev" rel="prev" href="{$root}{@prev}">← <xsl:value-of select="@prev-label"/></a></xsl:if>
      <xsl:if test="@pages &gt; 1">
        <span class="pager-position"><xsl:value-of select="concat('page ', @position, ' of ', @pages)"/></span>
      </xsl:if>
      <xsl:if test="@next"><a class="pager-next" rel="next" href="{$root}{@next}"><xsl:value-of select="@next-label"/> →</a></xsl:if>
    </nav>
  </xsl:template>

  <!-- Pages other than documents add nothing to the head. -->
  <xsl:template match="/ | *" mode="head-meta"/>

  <!-- "Title. Published by P. Licence: L." with only what is known. -->
  <xsl:template name="edition-statement">
    <p class="edition-statement">
      <span class="edition-title"><xsl:value-of select="$site-name"/></span>
      <xsl:text>.</xsl:text>
      <xsl:if test="$edition-publisher != ''">
        <xsl:text> Published by </xsl:text>
        <span class="edition-publisher"><xsl:value-of select="$edition-publisher"/></span>
        <xsl:text>.</xsl:text>
      </xsl:if>
      <xsl:if test="$edition-licence != ''">
        <xsl:text> Licence: </xsl:text>
        <xsl:choose>
          <xsl:when test="$edition-licence-href != ''">
            <a class="edition-licence" rel="license" href="{$edition-licence-href}"><xsl:value-of select="$edition-licence"/></a>
          </xsl:when>
          <xsl:otherwise><span class="edition-licence"><xsl:value-of select="$edition-licence"/></span></xsl:otherwise>
        </xsl:choose>
        <xsl:text>.</xsl:text>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template name="nav-item">
    <xsl:param name="label"/>
    <xsl:param name="href"/>
    <li>
      <a href="{$root}{$href}">
        <xsl:if test="$href = $nav-current or concat($nav-current, '.html') = $href">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="nav-extra">
    <xsl:param name="rest"/>
    <xsl:variable name="line">
      <xsl:choose>
        <xsl:when test="contains($rest, '&#10;')"><xsl:value-of select="substring-before($rest, '&#10;')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="contains($line, '&#9;')">
      <xsl:call-template name="nav-item">
        <xsl:with-param name="label" select="substring-before($line, '&#9;')"/>
        <xsl:with-param name="href" select="substring-after($line, '&#9;')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="contains($rest, '&#10;')">
      <xsl:call-template name="nav-extra">
        <xsl:with-param name="rest" select="substring-after($rest, '&#10;')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- A person known only by a role or an office (Q's interviewer, THE PRESIDENT) has no name: the id in
       words, as a name ("president" → "President", "prime-minister" → "Prime minister"). -->
  <xsl:template name="id-in-words">
    <xsl:param name="id"/>
    <xsl:value-of select="concat(translate(substring($id, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
                                 translate(substring($id, 2), '-', ' '))"/>
  </xsl:template>
</xsl:stylesheet>
