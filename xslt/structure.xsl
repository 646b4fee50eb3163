<?xml version="1.0" encoding="UTF-8"?>
<!--
  structure.xsl: the text's architecture: front/body/back, divisions and
  their headings, paragraphs, lists, tables, verse, quotations, openers and
  closers. Headings run from h3 (top-level div) down, under the page's h1
  title and the h2 "Text".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:text">
    <div class="tei-text">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <div class="{local-name()}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:postscript">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">
        <xsl:text>div</xsl:text>
        <xsl:if test="@type"><xsl:value-of select="concat(' div-', translate(@type, ' ', '-'))"/></xsl:if>
        <xsl:if test="self::tei:postscript"> postscript</xsl:if>
      </xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:if test="@type = 'attachment' or @type = 'distribution'
                    or (@type = 'document' and count(../tei:div[@type = 'document']) &gt; 1)">
        <xsl:element name="{$tag}">
          <xsl:attribute name="class">div-label</xsl:attribute>
          <xsl:choose>
            <xsl:when test="@type = 'document'">Document</xsl:when>
            <xsl:when test="@type = 'attachment'">Attachment</xsl:when>
            <xsl:otherwise>Distribution</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@n and @type = 'document'"><xsl:value-of select="concat(' ', @n)"/></xsl:if>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A division heading; heads of lists, tables, verse and figures are captions, not headings. -->
  <xsl:template match="tei:head">
    <!-- Only divisions with a heading of their own take a level: a section headed under a document
         without one (a protocol's "SECRETARY OF THE CC") must not skip a level under the page's h2. -->
    <xsl:variable name="depth" select="count((ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3
                                            | ancestor::tei:div4 | ancestor::tei:div5 | ancestor::tei:div6
                                            | ancestor::tei:div7)[tei:head])"/>
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4
                       or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body or parent::tei:front
                       or parent::tei:back) and $tag = 'div'">
        <xsl:variable name="level">
          <xsl:choose>
            <xsl:when test="$depth + 2 &gt; 6">6</xsl:when>
            <xsl:when test="$depth = 0">3</xsl:when>
            <xsl:otherwise><xsl:value-of select="$depth + 2"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:element name="h{$level}">
          <xsl:attribute name="class">head</xsl:attribute>
          <xsl:call-template name="lang"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$tag}">
          <xsl:attribute name="class">caption</xsl:attribute>
          <xsl:call-template name="lang"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph: <p>, a <div> where it holds block content, a <span> inside phrase-level HTML. Three
       templates, told apart by their patterns (libxslt tests patterns in C) rather than a tag computed into
       variables per paragraph (an outer-tag call and two result-tree fragments: paragraphs took a sixth of
       the page's time). The span pattern names the ancestors the outer-tag mode names (document-plain.xsl);
       the two lists must stay the same. -->
  <xsl:template match="tei:p//tei:p | tei:ab//tei:p | tei:head//tei:p | tei:l//tei:p | tei:speaker//tei:p | tei:seg//tei:p
                       | tei:label//tei:p | tei:dateline//tei:p | tei:signed//tei:p | tei:salute//tei:p | tei:fw//tei:p
                       | tei:hi//tei:p | tei:title//tei:p | tei:docTitle//tei:p | tei:byline//tei:p
                       | tei:stage[not(parent::tei:sp or parent::tei:div or parent::tei:body)]//tei:p" priority="2">
    <span><xsl:call-template name="p-content"/></span>
  </xsl:template>

  <!-- A paragraph that holds a block, or an ellipsis before anything but space. "*" first: a paragraph of
       text alone is not asked for each kind of block. The ellipsis's place is asked in the template, for
       the paragraphs holding one, as no pattern walks siblings (tests/test_render_scaling.py). -->
  <xsl:template match="tei:p[* and (tei:list or tei:table or tei:lg or tei:quote or tei:floatingText or tei:figure or tei:sp
                             or tei:ellipsis or .//tei:p)]" priority="1">
    <xsl:choose>
      <xsl:when test="tei:ellipsis[not(preceding-sibling::node()[normalize-space()])] or tei:list or tei:table or tei:lg
                      or tei:quote or tei:floatingText or tei:figure or tei:sp or .//tei:p">
        <div><xsl:call-template name="p-content"/></div>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="p-content"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p">
    <p><xsl:call-template name="p-content"/></p>
  </xsl:template>

  <!-- A paragraph's attributes and content, whichever element holds them. -->
  <xsl:template name="p-content">
    <xsl:attribute name="class">
      <xsl:text>p</xsl:text>
      <xsl:if test="@n"> numbered</xsl:if>
      <!-- " only-gap" unless something beside its gaps has text or is an element. Elements are not asked
           for their text (normalize-space() builds it); text is looked at only when no such element is there. -->
      <xsl:choose>
        <xsl:when test="*[not(self::tei:gap)] or node()[not(self::*)][normalize-space()]"/>
        <xsl:otherwise> only-gap</xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
    <xsl:if test="@n"><xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
    <xsl:call-template name="lang"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:ab | tei:floatingText | tei:figure | tei:titlePage | tei:docTitle | tei:argument | tei:epigraph | tei:byline | tei:docImprint">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class"><xsl:value-of select="concat('tei-', local-name())"/></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:titlePart | tei:docAuthor | tei:docDate">
    <span class="{concat('tei-', local-name())}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Images are described, never loaded: the edition references nothing outside itself. -->
  <xsl:template match="tei:graphic">
    <span class="graphic">[image<xsl:if test="@url">: <xsl:value-of select="@url"/></xsl:if>]</span>
  </xsl:template>

  <!-- Lists. A label precedes its item (FRUS practice); both are kept. -->
  <xsl:template match="tei:list">
    <xsl:variable name="outer"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$outer = 'span'">
        <span class="list-inline"><xsl:apply-templates mode="inline-list"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="list-wrap">
          <xsl:call-template name="lang"/>
          <xsl:apply-templates select="tei:head"/>
          <ul>
            <xsl:attribute name="class">
              <xsl:text>list</xsl:text>
              <xsl:if test="tei:label"> labelled</xsl:if>
              <xsl:if test="@type"><xsl:value-of select="concat(' list-', translate(@type, ' ', '-'))"/></xsl:if>
            </xsl:attribute>
            <xsl:apply-templates select="tei:item"/>
          </ul>
          <!-- Anything else a list may hold (milestones, notes between items) stays visible. -->
          <xsl:apply-templates select="*[not(self::tei:head or self::tei:item or self::tei:label)]"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:list/tei:item">
    <li class="item">
      <xsl:call-template name="lang"/>
      <xsl:if test="preceding-sibling::*[1][self::tei:label]">
        <span class="label"><xsl:apply-templates select="preceding-sibling::*[1]/node()"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- A label with no item after it is still shown. -->
  <xsl:template match="tei:list/tei:label">
    <xsl:if test="not(following-sibling::*[1][self::tei:item])">
      <span class="label"><xsl:apply-templates/></span>
    </xsl:if>
  </xsl:template>

  <!-- A list inside phrase-level HTML (a list in a TEI paragraph) stays inline. -->
  <xsl:template match="tei:item" mode="inline-list">
    <span class="item"><xsl:apply-templates/></span><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:label" mode="inline-list">
    <span class="label"><xsl:apply-templates/></span><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="node()" mode="inline-list">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="tei:item">
    <span class="item"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Tables -->
  <xsl:template match="tei:table">
    <div class="table-wrap">
      <table class="table">
        <xsl:call-template name="lang"/>
        <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
        <tbody><xsl:apply-templates select="tei:row"/></tbody>
      </table>
      <xsl:apply-templates select="*[not(self::tei:head or self::tei:row)]"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="@role = 'label' or parent::tei:row/@role = 'label'">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:if test="@cols"><xsl:attribute name="colspan"><xsl:value-of select="@cols"/></xsl:attribute></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan"><xsl:value-of select="@rows"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Verse -->
  <xsl:template match="tei:lg">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">lg</xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">l</xsl:attribute>
      <xsl:if test="@n"><xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Quotations -->
  <xsl:template match="tei:quote | tei:cit">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$tag = 'div' and (tei:p or tei:lg or parent::tei:div or parent::tei:body or parent::tei:cit or self::tei:cit)">
        <blockquote class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:q">
    <q class="q"><xsl:call-template name="lang"/><xsl:apply-templates/></q>
  </xsl:template>

  <!-- Opening and closing matter: each typed line gets a small field label in the reading view. -->
  <xsl:template match="tei:opener | tei:closer">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <!-- "fields": the apparatus has typed lines, so the reading view keeps a label column. -->
      <xsl:attribute name="class">
        <xsl:value-of select="local-name()"/>
        <xsl:if test="tei:seg[@type]"> fields</xsl:if>
      </xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A typed line of the opening or closing apparatus carries its type as data-label, which the
       reading view's CSS shows in the margin; the label is not text, so copying the text or
       diffing it never picks it up. A run of lines of one type (three addressee lines) is labelled once. -->
  <xsl:template match="tei:seg">
    <span>
      <xsl:attribute name="class">
        <xsl:text>seg</xsl:text>
        <xsl:if test="@type"><xsl:value-of select="concat(' seg-', translate(@type, ' ', '-'))"/></xsl:if>
      </xsl:attribute>
      <xsl:if test="@type and (parent::tei:opener or parent::tei:closer) and not(preceding-sibling::tei:seg[1]/@type = @type)">
        <xsl:attribute name="data-label">
          <xsl:choose>
            <xsl:when test="@type = 'despatched'">sent</xsl:when>
            <xsl:otherwise><xsl:value-of select="translate(@type, '-_', '  ')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:trailer | tei:address | tei:addrLine">
    <xsl:variable name="outer"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="$outer = 'div' and not(parent::tei:opener or parent::tei:closer)">p</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
