<?xml version="1.0" encoding="UTF-8"?>
<!--
  editorial.xsl: editorial marks, each rendered twice.

  Every mark writes a diplomatic form (class v-dipl: the source's own notation,
  such as one □ per lost character or [sic]) and a reading form (class v-read:
  clean text with an unobtrusive sign). The page's view switch shows one of
  them with CSS only. Each mark carries its explanation in data-tip (shown on
  hover) and in a visually hidden span for screen readers.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The frame every mark shares. A mark takes the keyboard focus (tabindex), and a tap on a
       touch screen focuses it too, so its explanation is shown on focus as on hover (edition.css);
       not inside a link (a name, a speaker label), whose own focus it would split. -->
  <xsl:template name="mark">
    <xsl:param name="kind"/>
    <xsl:param name="tip"/>
    <xsl:param name="dipl"/>
    <xsl:param name="read"/>
    <span class="mark {$kind}" data-tip="{$tip}">
      <xsl:if test="not(ancestor::tei:persName[@ref] or ancestor::tei:speaker or ancestor::tei:ref)"><xsl:attribute name="tabindex">0</xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <span class="v-dipl"><xsl:copy-of select="$dipl"/></span>
      <span class="v-read"><xsl:copy-of select="$read"/></span>
      <span class="sr-only"><xsl:value-of select="concat(' [', $tip, '] ')"/></span>
    </span>
  </xsl:template>

  <!-- ============================================================ gap -->
  <!-- The commonest mark (one per run of □ in OCR'd telegrams), so it writes its frame directly
       and builds its explanation with concat(), without temporary result trees. -->
  <xsl:template match="tei:gap">
    <xsl:variable name="n" select="number(@quantity)"/>
    <xsl:variable name="chars" select="@unit = 'char' or @unit = 'chars' or @unit = 'character' or @unit = 'characters'"/>
    <xsl:variable name="unit" select="concat(substring('character', 1, 9 * $chars), substring(@unit, 1, string-length(@unit) * not($chars)))"/>
    <xsl:variable name="plural" select="$n != 1 and substring($unit, string-length($unit)) != 's'"/>
    <xsl:variable name="amount" select="substring(concat(@quantity, ' ', $unit, substring('s', 1, number($plural)), ' lost'), 1,
                                                  1000 * ($n = $n and $unit != ''))"/>
    <xsl:variable name="why">
      <xsl:choose>
        <xsl:when test="@reason = 'editorial'">not transcribed by the transcriber</xsl:when>
        <xsl:otherwise><xsl:value-of select="@reason"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="desc" select="normalize-space(tei:desc)"/>
    <xsl:variable name="tip" select="concat(substring('Gap', 1, 3 * ($amount = '')), $amount,
                                            substring(concat(': ', $why), 1, 1000 * ($why != '')),
                                            substring(' (lost in the OCR of the digital copy)', 1, 100 * (@agent = 'ocr')),
                                            substring(concat(' (cause: ', @agent, ')'), 1, 1000 * (@agent and @agent != 'ocr')),
                                            substring(concat('; the transcript says “', $desc, '”'), 1, 1000 * ($desc != '')))"/>
    <span class="mark gap{substring(' gap-ocr', 1, 8 * (@agent = 'ocr'))}" data-tip="{$tip}">
      <xsl:if test="not(ancestor::tei:persName[@ref] or ancestor::tei:speaker or ancestor::tei:ref)"><xsl:attribute name="tabindex">0</xsl:attribute></xsl:if>
      <span class="v-dipl">
        <xsl:choose>
          <xsl:when test="$desc != '' and (starts-with($desc, '(') or starts-with($desc, '['))"><xsl:value-of select="$desc"/></xsl:when>
          <xsl:when test="$desc != ''"><xsl:value-of select="concat('[', $desc, ']')"/></xsl:when>
          <xsl:when test="$chars and $n &gt;= 1 and $n &lt;= 60">
            <span class="boxes" aria-hidden="true">
              <xsl:value-of select="substring('□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□', 1, $n)"/>
            </span>
          </xsl:when>
          <xsl:when test="$chars and $n &gt; 60">
            <span class="boxes" aria-hidden="true"><xsl:value-of select="concat('□×', $n)"/></span>
          </xsl:when>
          <xsl:otherwise><span aria-hidden="true">[…]</span></xsl:otherwise>
        </xsl:choose>
      </span>
      <span class="v-read">
        <span class="sign" aria-hidden="true">
          <xsl:choose>
            <xsl:when test="@agent = 'ocr' or ($chars and $desc = '')">▫</xsl:when>
            <xsl:otherwise>[…]</xsl:otherwise>
          </xsl:choose>
        </span>
      </span>
      <span class="sr-only"><xsl:value-of select="concat(' [', $tip, '] ')"/></span>
    </span>
  </xsl:template>

  <!-- Fast path for the commonest gap of all, an OCR run of □ (ENCODING.md 2): same HTML, fewer steps. -->
  <xsl:template match="tei:gap[@agent = 'ocr'][@unit = 'char'][not(tei:desc)][@quantity &gt;= 1][@quantity &lt;= 60]" priority="2">
    <xsl:variable name="tip" select="concat(@quantity, substring(' character lost', 1, 15 * (@quantity = 1)),
                                            substring(' characters lost', 1, 16 * (@quantity != 1)),
                                            ': ', @reason, ' (lost in the OCR of the digital copy)')"/>
    <span class="mark gap gap-ocr" data-tip="{$tip}"><xsl:if test="not(ancestor::tei:persName[@ref] or ancestor::tei:speaker or ancestor::tei:ref)"><xsl:attribute name="tabindex">0</xsl:attribute></xsl:if><span class="v-dipl"><span class="boxes" aria-hidden="true"><xsl:value-of select="substring('□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□□', 1, @quantity)"/></span></span><span class="v-read"><span class="sign" aria-hidden="true">▫</span></span><span class="sr-only"><xsl:value-of select="concat(' [', $tip, '] ')"/></span></span>
  </xsl:template>

  <!-- ======================================================= ellipsis -->
  <!-- An omission the source itself marks: its characters are shown as printed in both views. -->
  <xsl:template match="tei:ellipsis">
    <xsl:variable name="outer"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:variable name="block" select="$outer = 'div' and (parent::tei:div or parent::tei:body or parent::tei:sp or parent::tei:postscript)"/>
    <xsl:variable name="mark">
      <xsl:call-template name="mark">
        <xsl:with-param name="kind" select="'ellipsis'"/>
        <xsl:with-param name="tip" select="'Omission marked in the source'"/>
        <xsl:with-param name="dipl"><xsl:apply-templates/></xsl:with-param>
        <xsl:with-param name="read"><span class="sign"><xsl:apply-templates/></span></xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block"><p class="ellipsis-block"><xsl:copy-of select="$mark"/></p></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$mark"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:metamark">
    <span class="metamark"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============================================================ sic -->
  <!-- Our encoder keeps the source's own "[sic]" as text after the element; add one only where it is missing. -->
  <xsl:template match="tei:sic">
    <xsl:variable name="next" select="normalize-space(substring(following-sibling::node()[1][self::text()], 1, 8))"/>
    <xsl:variable name="marked" select="starts-with($next, '[sic]') or starts-with($next, '(sic)')"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="tip" select="'sic: so in the source; the source marks this reading as erroneous'"/>
      <xsl:with-param name="dipl">
        <xsl:apply-templates/>
        <xsl:if test="not($marked)"><span class="sic-flag"> [sic]</span></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="read"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ========================================================= choice -->
  <xsl:template match="tei:choice">
    <xsl:variable name="source" select="(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:variable name="edited" select="(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:variable name="first" select="*[1]"/>
    <xsl:variable name="last" select="*[last()]"/>
    <xsl:variable name="dipl-node" select="$source | $first[not($source)]"/>
    <xsl:variable name="read-node" select="$edited | $last[not($edited)]"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="concat('choice choice-', local-name($read-node))"/>
      <xsl:with-param name="tip">
        <xsl:choose>
          <xsl:when test="tei:sic and tei:corr">
            <xsl:value-of select="concat('Corrected: the source reads “', normalize-space(tei:sic), '”, corrected to “', normalize-space(tei:corr), '”')"/>
          </xsl:when>
          <xsl:when test="tei:abbr and tei:expan">
            <xsl:value-of select="concat('Abbreviation “', normalize-space(tei:abbr), '”, expanded as “', normalize-space(tei:expan), '”')"/>
          </xsl:when>
          <xsl:when test="tei:orig and tei:reg">
            <xsl:value-of select="concat('Regularised: the source reads “', normalize-space(tei:orig), '”, regularised to “', normalize-space(tei:reg), '”')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Alternative readings:</xsl:text>
            <xsl:for-each select="*"><xsl:value-of select="concat(' “', normalize-space(.), '”')"/></xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="dipl"><xsl:apply-templates select="$dipl-node/node()"/></xsl:with-param>
      <xsl:with-param name="read"><xsl:apply-templates select="$read-node/node()"/></xsl:with-param>
    </xsl:call-template>
    <!-- Further alternatives (a third reading) stay in the DOM as the diplomatic alternative's siblings. -->
    <xsl:for-each select="*[count(. | $dipl-node) != count($dipl-node) and count(. | $read-node) != count($read-node)]">
      <span class="choice-alt"><xsl:apply-templates/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A correction, regularisation or expansion outside choice. -->
  <xsl:template match="tei:corr | tei:reg | tei:expan | tei:abbr | tei:orig">
    <span class="{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ======================================================== unclear -->
  <xsl:template match="tei:unclear">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="tip">
        <xsl:text>Uncertain reading</xsl:text>
        <xsl:if test="@cert"><xsl:value-of select="concat(' (certainty: ', @cert, ')')"/></xsl:if>
        <xsl:if test="@reason"><xsl:value-of select="concat('; ', @reason)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="dipl">[<xsl:apply-templates/>?]</xsl:with-param>
      <xsl:with-param name="read"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ add -->
  <xsl:template match="tei:add">
    <xsl:variable name="hand-id"><xsl:call-template name="local-id"><xsl:with-param name="pointer" select="@hand"/></xsl:call-template></xsl:variable>
    <xsl:variable name="hand" select="key('id', $hand-id)/parent::tei:handNote"/>
    <xsl:variable name="margin" select="@place = 'margin' or @place = 'left' or @place = 'right' or @place = 'top' or @place = 'bottom'"/>
    <xsl:variable name="mark">
      <xsl:call-template name="mark">
        <xsl:with-param name="kind" select="concat('add', substring(' marginal', 1, 9 * $margin))"/>
        <xsl:with-param name="tip">
          <xsl:choose>
            <xsl:when test="@hand">Added by hand</xsl:when>
            <xsl:otherwise>Addition</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@place"><xsl:value-of select="concat(' (', @place, ')')"/></xsl:if>
          <xsl:if test="$hand"><xsl:value-of select="concat(': ', normalize-space($hand))"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="dipl">
          <xsl:choose>
            <xsl:when test="@hand">[handwritten: <xsl:apply-templates/>]</xsl:when>
            <xsl:otherwise>⸌<xsl:apply-templates/>⸍</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="read"><span class="hand"><xsl:apply-templates/></span></xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:copy-of select="$mark"/>
  </xsl:template>

  <!-- ================================================ del, supplied … -->
  <xsl:template match="tei:del">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'del'"/>
      <xsl:with-param name="tip">
        <xsl:choose>
          <xsl:when test="@rend = 'strikethrough'">Crossed out in the source</xsl:when>
          <xsl:otherwise>Deleted in the source</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="dipl"><del><xsl:apply-templates/></del></xsl:with-param>
      <xsl:with-param name="read"><del><xsl:apply-templates/></del></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A stamp on the paper, as the transcript gives its words: boxed in the reading view. -->
  <xsl:template match="tei:stamp">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'stamp'"/>
      <xsl:with-param name="tip" select="'Stamp on the document, in the words of the transcript'"/>
      <xsl:with-param name="dipl">[Stamp: <xsl:apply-templates/>]</xsl:with-param>
      <xsl:with-param name="read"><span class="stamp-box"><xsl:apply-templates/></span></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="tip">
        <xsl:text>Supplied by the editor</xsl:text>
        <xsl:if test="@reason"><xsl:value-of select="concat(' (', @reason, ')')"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="dipl">[<xsl:apply-templates/>]</xsl:with-param>
      <xsl:with-param name="read"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:damage | tei:surplus | tei:secl | tei:restore | tei:subst | tei:mod">
    <span class="annot {local-name()}" data-tip="{concat(translate(substring(local-name(), 1, 1), 'dsrm', 'DSRM'), substring(local-name(), 2))}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:space">
    <span class="space" data-tip="Blank space in the source">
      <xsl:text> </xsl:text>
      <span class="v-dipl">
        <xsl:call-template name="repeat">
          <xsl:with-param name="text" select="'&#160;'"/>
          <xsl:with-param name="n">
            <xsl:choose>
              <xsl:when test="number(@quantity) &gt; 0 and number(@quantity) &lt;= 40"><xsl:value-of select="@quantity"/></xsl:when>
              <xsl:otherwise>3</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </span>
    </span>
  </xsl:template>

  <!-- ============================================= page and line breaks -->
  <!-- A page break is a mark in the margin; in the diplomatic view also a bar in the line. -->
  <xsl:template match="tei:pb">
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="concat('p. ', normalize-space(@n))"/></xsl:when>
        <xsl:when test="@type = 'inferred'">page?</xsl:when>
        <xsl:otherwise>page</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="tip">
      <xsl:choose>
        <xsl:when test="@type = 'inferred'">Inferred page break: the paragraph runs on across a block break of the source</xsl:when>
        <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="concat('Page break: page ', normalize-space(@n), ' begins')"/></xsl:when>
        <xsl:otherwise>Page break</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="pb{substring(' pb-inferred', 1, 12 * (@type = 'inferred'))}">
      <xsl:if test="not(ancestor::tei:persName[@ref] or ancestor::tei:speaker or ancestor::tei:ref)"><xsl:attribute name="tabindex">0</xsl:attribute></xsl:if>
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
      <span class="v-dipl pb-bar" aria-hidden="true">|</span>
      <span class="pb-label" aria-hidden="true" data-tip="{$tip}"><xsl:value-of select="$label"/></span>
      <span class="sr-only"><xsl:value-of select="concat(' [', $tip, '] ')"/></span>
      <xsl:call-template name="proof-back"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone">
    <span class="annot {local-name()}" data-tip="{normalize-space(concat(local-name(), ' ', @unit, ' ', @n))}"><span class="v-dipl" aria-hidden="true">¦</span></span>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- Forme work (a printed page number): kept as a muted line, right-aligned. -->
  <xsl:template match="tei:fw">
    <xsl:variable name="tag"><xsl:apply-templates select="." mode="outer-tag"/></xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">fw<xsl:if test="@type"> fw-<xsl:value-of select="@type"/></xsl:if></xsl:attribute>
      <xsl:attribute name="data-tip">Printed <xsl:choose><xsl:when test="@type = 'pageNum'">page number</xsl:when><xsl:otherwise>running matter</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
    <!-- a page's head inside a paragraph (the page turned mid-sentence) stands apart from the next word -->
    <xsl:if test="parent::tei:p and following-sibling::node()[1][self::text()][not(starts-with(., ' '))]">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:anchor">
    <xsl:if test="@xml:id"><span id="{@xml:id}" class="anchor"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
