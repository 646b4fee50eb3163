<?xml version="1.0" encoding="UTF-8"?>
<!--
  foreign.xsl: TEI that other projects write, shown rather than lost (issue 13).

  Imported last by document.xsl, so its templates win:
  * registers held in standOff (listPerson, listPlace, listOrg, listBibl, listEvent, listRelation, any
    other list) as readable sections after the text, one entry per line;
  * sourceDoc (surface, zone, line) as the transcription by surface, line by line;
  * castList (castGroup, castItem, role, roleDesc) as a list;
  * a stage direction inside another keeps the one style;
  * lb break="no" joins the word it breaks (the whitespace the source put around it is dropped; the text
    nodes on either side are written by joins.xsl, which document.xsl imports after this).
  Whatever still has no view here is named on the page and as a warning by render/coverage.py.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ================================================================ outside the text -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="outside-text">
    <!-- The card shows what tei-encoder's own headers hold; anyone else's header may hold more (an
         edition statement, a source's bibliography, keywords): the whole header, folded, so nothing is lost. -->
    <xsl:if test="tei:teiHeader[not(tei:encodingDesc/tei:appInfo/tei:application[@ident = 'tei-encoder'
                                  or @xml:id = 'tei-encoder' or tei:label = 'tei-encoder'])]">
      <details class="full-header">
        <summary>The full TEI header</summary>
        <xsl:apply-templates select="tei:teiHeader/*" mode="header-full"/>
      </details>
    </xsl:if>
    <xsl:if test="tei:standOff[.//text()[normalize-space()] or .//@when]">
      <section class="registers" aria-labelledby="registers-heading">
        <h2 id="registers-heading">Registers</h2>
        <xsl:apply-templates select="tei:standOff/*" mode="register"/>
      </section>
    </xsl:if>
    <xsl:if test="tei:sourceDoc[.//text()[normalize-space()]]">
      <section class="source-doc" aria-labelledby="source-doc-heading">
        <h2 id="source-doc-heading">Source document, line by line</h2>
        <xsl:apply-templates select="tei:sourceDoc/node()"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A list of the register: its heading, then its entries. -->
  <xsl:template match="*" mode="register">
    <xsl:if test=".//text()[normalize-space()] or .//@when or .//@active">
      <div class="register register-{local-name()}">
        <h3>
          <xsl:choose>
            <xsl:when test="tei:head"><xsl:apply-templates select="tei:head[1]/node()"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="." mode="register-name"/></xsl:otherwise>
          </xsl:choose>
        </h3>
        <xsl:apply-templates select="tei:head[position() &gt; 1] | tei:desc | tei:p" />
        <ul class="register-entries">
          <xsl:apply-templates select="*[not(self::tei:head or self::tei:desc or self::tei:p)]" mode="register-entry"/>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPerson//tei:listPerson" mode="register-name">Persons</xsl:template>
  <xsl:template match="tei:listPlace" mode="register-name">Places</xsl:template>
  <xsl:template match="tei:listOrg" mode="register-name">Organisations</xsl:template>
  <xsl:template match="tei:listBibl" mode="register-name">Bibliography</xsl:template>
  <xsl:template match="tei:listEvent" mode="register-name">Events</xsl:template>
  <xsl:template match="tei:listRelation" mode="register-name">Relations</xsl:template>
  <xsl:template match="tei:listObject" mode="register-name">Objects</xsl:template>
  <xsl:template match="tei:listNym" mode="register-name">Names</xsl:template>
  <xsl:template match="*" mode="register-name">
    <xsl:value-of select="concat(translate(substring(local-name(), 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
                                 substring(local-name(), 2))"/>
  </xsl:template>

  <!-- A nested list (listPerson in listPerson, a listBibl of bibls …) is an entry holding a list. -->
  <xsl:template match="*[starts-with(local-name(), 'list')]" mode="register-entry">
    <li class="register-group">
      <xsl:if test="tei:head"><span class="register-group-head"><xsl:apply-templates select="tei:head/node()"/></span></xsl:if>
      <ul>
        <xsl:apply-templates select="*[not(self::tei:head)]" mode="register-entry"/>
      </ul>
    </li>
  </xsl:template>

  <!-- One entry: what kind and when (from its attributes), its parts one after another. -->
  <xsl:template match="*" mode="register-entry">
    <li class="register-entry entry-{local-name()}">
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="concat('reg-', @xml:id)"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:variable name="facts" select="@type | @subtype | @role | @sex | @when | @from | @to | @notBefore | @notAfter | @name | @active | @passive | @mutual"/>
      <xsl:if test="$facts">
        <span class="entry-facts">
          <xsl:for-each select="$facts">
            <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
            <xsl:value-of select="concat(local-name(), ': ', normalize-space(.))"/>
          </xsl:for-each>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:for-each select="node()[self::* or normalize-space()]">
        <xsl:if test="position() &gt; 1 and self::*"><span class="entry-sep" aria-hidden="true"> · </span></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!-- ================================================================ the full header -->
  <!-- A section (an element holding elements): its name, then its parts, indented. A leaf: its name and
       its content, rendered as in the text (names, dates, links). -->
  <xsl:template match="*" mode="header-full">
    <div class="hf-section">
      <span class="hf-label"><xsl:value-of select="local-name()"/></span>
      <xsl:for-each select="@type | @when | @ident | @target | @n">
        <span class="hf-attr"><xsl:value-of select="concat(' ', local-name(), '=', normalize-space(.))"/></span>
      </xsl:for-each>
      <xsl:apply-templates select="node()[self::* or normalize-space()]" mode="header-full"/>
    </div>
  </xsl:template>

  <xsl:template match="*[not(*)] | tei:p | tei:persName | tei:title | tei:bibl[not(tei:bibl)] | tei:date
                       | tei:name | tei:term | tei:change | tei:licence | tei:resp" mode="header-full">
    <div class="hf-leaf">
      <span class="hf-label"><xsl:value-of select="local-name()"/></span>
      <xsl:for-each select="@type | @when | @ident | @target | @n">
        <span class="hf-attr"><xsl:value-of select="concat(' ', local-name(), '=', normalize-space(.))"/></span>
      </xsl:for-each>
      <xsl:text> </xsl:text>
      <span class="hf-content"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
    </div>
  </xsl:template>

  <xsl:template match="text()" mode="header-full">
    <span class="hf-text"><xsl:value-of select="."/></span>
  </xsl:template>

  <!-- ================================================================ sourceDoc -->
  <xsl:template match="tei:sourceDoc//tei:surface | tei:sourceDoc//tei:surfaceGrp | tei:sourceDoc//tei:zone">
    <div class="sd-{local-name()}">
      <xsl:call-template name="lang"/>
      <xsl:if test="self::tei:surface">
        <h3 class="sd-surface-label">
          <xsl:choose>
            <xsl:when test="@n"><xsl:value-of select="concat('Surface ', @n)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('Surface ', count(preceding::tei:surface[ancestor::tei:sourceDoc]) + 1)"/></xsl:otherwise>
          </xsl:choose>
        </h3>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:line">
    <div class="sd-line"><xsl:call-template name="lang"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- ================================================================ castList -->
  <xsl:template match="tei:castList">
    <div class="cast-list">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates select="tei:head"/>
      <ul class="cast">
        <xsl:apply-templates select="*[not(self::tei:head)]" mode="cast"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:castGroup" mode="cast">
    <li class="cast-group">
      <xsl:if test="tei:head"><span class="cast-group-head"><xsl:apply-templates select="tei:head/node()"/></span></xsl:if>
      <ul>
        <xsl:apply-templates select="*[not(self::tei:head)]" mode="cast"/>
      </ul>
      <xsl:apply-templates select="text()[normalize-space()]"/>
    </li>
  </xsl:template>

  <xsl:template match="*" mode="cast">
    <li class="cast-item"><xsl:apply-templates select="."/></li>
  </xsl:template>

  <xsl:template match="tei:castItem">
    <span class="cast-item-text"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:role | tei:roleDesc | tei:actor">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ================================================================ a stage in a stage -->
  <xsl:template match="tei:stage//tei:stage">
    <span class="stage stage-nested"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ================================================================ lb break="no" -->
  <!-- The break is in the middle of a word: no line break, no space. The source's layout whitespace
       on both sides goes; a space the text had before its first word or after its last stays. -->
  <xsl:template match="tei:lb[@break = 'no']"/>

</xsl:stylesheet>
