<?xml version="1.0" encoding="UTF-8"?>
<!--
  notes.xsl: notes.

  Footnotes (place foot, bottom or end, or no place) leave a numbered call at
  their anchor, numbered with @n as printed, and are listed after the text; the
  call links to the note and the note's number links back (DPUB-ARIA roles
  doc-noteref, doc-footnote, doc-backlink). Inline notes (translator's,
  editor's, the source note) stay where they are, set off; marginal notes float
  into the margin.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:note">
    <xsl:choose>
      <xsl:when test="not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end'">
        <xsl:call-template name="note-call"/>
      </xsl:when>
      <xsl:when test="@place = 'margin' or @place = 'left' or @place = 'right' or @place = 'top'">
        <span class="note-margin" role="note" data-tip="Marginal note">
          <xsl:call-template name="lang"/>
          <xsl:text> </xsl:text>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="note-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A margin note's label: the transcriber's words for what stands in the margin ("Resolution"). -->
  <xsl:template match="tei:note/tei:label">
    <span class="note-label"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template name="note-call">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <xsl:variable name="mark"><xsl:call-template name="note-mark"/></xsl:variable>
    <a class="noteref" id="ref-{$id}" href="#{$id}" role="doc-noteref">
      <span class="sr-only">Note </span>
      <xsl:value-of select="$mark"/>
    </a>
  </xsl:template>

  <xsl:template name="note-inline">
    <xsl:variable name="outer"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="$outer = 'div' and not(parent::tei:p or parent::tei:seg)">div</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">
        <xsl:text>note-inline</xsl:text>
        <xsl:if test="@type"><xsl:value-of select="concat(' note-', translate(@type, ' ', '-'))"/></xsl:if>
      </xsl:attribute>
      <xsl:attribute name="role">note</xsl:attribute>
      <xsl:attribute name="data-tip">
        <xsl:choose>
          <xsl:when test="@type = 'source'">Source note: where the document is held and published</xsl:when>
          <xsl:when test="@type = 'translator'">Translator’s note in the source</xsl:when>
          <xsl:when test="@type = 'editorial'">Editor’s note in the source</xsl:when>
          <xsl:otherwise>Note</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The list of footnotes, in document order, after the text. -->
  <xsl:template name="footnotes">
    <xsl:param name="notes"/>
    <xsl:if test="$notes">
      <section class="footnotes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <xsl:for-each select="$notes">
          <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
          <xsl:variable name="mark"><xsl:call-template name="note-mark"/></xsl:variable>
          <aside class="footnote" id="{$id}" role="doc-footnote">
            <xsl:call-template name="lang"/>
            <a class="backlink" href="#ref-{$id}" role="doc-backlink" aria-label="Back to the text at note {$mark}">
              <xsl:value-of select="$mark"/>
            </a>
            <div class="footnote-body"><xsl:apply-templates/></div>
            <xsl:call-template name="proof-back"/>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
