<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-plain.xsl: TEI → plain text, for proof-reading and for diffing against the
  source. text.xsl is this and text-joins.xsl, which writes the text nodes on either
  side of a word-joining line break (lb break="no"); Renderer uses this alone for a
  document without one: the same text, each text node copied by XSLT's built-in template.

  The text is diplomatic: declared notation is written back the way our
  sources print it (one □ per lost character, [word?], [handwritten: …],
  the omission marks), header fields come first under the source's own labels
  (Citation:, Summary:, Original Language:, Contents:), and each footnote body
  follows the block it is called from as "[N: body]". Every text node of the
  TEI text is written; only whitespace is normalised. Blocks are separated by
  one blank line; a line break (lb) starts a new line.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:order="urn:tei-encoder:document-order"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str order">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- common.xsl's key "id" over the order tables alone (note marks of a long document; see summary.xsl). -->
  <xsl:key name="id" match="order:n/@xml:id" use="."/>

  <!-- A private-use character stands for a line break until whitespace is normalised. -->
  <xsl:variable name="NL" select="'&#xE000;'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus">
    <xsl:apply-templates select="tei:teiHeader" mode="text-header"/>
    <xsl:apply-templates select="tei:text | tei:TEI"/>
  </xsl:template>

  <!-- ================================================================ header -->
  <xsl:template match="tei:teiHeader" mode="text-header">
    <xsl:variable name="file" select="tei:fileDesc"/>
    <xsl:variable name="bibl" select="$file/tei:sourceDesc/tei:bibl[1]"/>
    <xsl:variable name="profile" select="tei:profileDesc"/>
    <xsl:for-each select="$file/tei:titleStmt/tei:title">
      <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$file/tei:titleStmt/tei:author | $file/tei:titleStmt/tei:editor">
      <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$bibl/tei:date">
      <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="labelled"><xsl:with-param name="label" select="'Citation:'"/><xsl:with-param name="nodes" select="$bibl/tei:note[@type = 'citation']"/></xsl:call-template>
    <xsl:for-each select="$bibl/tei:ptr/@target">
      <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="labelled"><xsl:with-param name="label" select="'Summary:'"/><xsl:with-param name="nodes" select="$profile/tei:abstract"/></xsl:call-template>
    <xsl:call-template name="labelled"><xsl:with-param name="label" select="'Original Language:'"/><xsl:with-param name="nodes" select="$bibl/tei:textLang | $bibl/tei:note[@type = 'original-language']"/></xsl:call-template>
    <xsl:call-template name="labelled"><xsl:with-param name="label" select="'Contents:'"/><xsl:with-param name="nodes" select="$bibl/tei:note[@type = 'contents']"/></xsl:call-template>
    <xsl:for-each select="$bibl/tei:note[@type and not(@type = 'citation' or @type = 'contents' or @type = 'boilerplate' or @type = 'original-language')]">
      <xsl:call-template name="labelled"><xsl:with-param name="label" select="concat(@type, ':')"/><xsl:with-param name="nodes" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$bibl/tei:msIdentifier/* | $bibl/tei:idno[@type = 'archival'] | $bibl/tei:relatedItem">
      <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$bibl/tei:note[@type = 'boilerplate']">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$bibl/tei:note[@type = 'boilerplate']">
        <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="not($bibl) and $file/tei:sourceDesc">
      <xsl:call-template name="line"><xsl:with-param name="text" select="$file/tei:sourceDesc"/></xsl:call-template>
    </xsl:if>
    <xsl:text>&#10;----------------------------------------------------------------------&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="line">
    <xsl:param name="text"/>
    <xsl:if test="normalize-space($text) != ''">
      <xsl:value-of select="normalize-space($text)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="labelled">
    <xsl:param name="label"/>
    <xsl:param name="nodes"/>
    <xsl:if test="$nodes">
      <xsl:value-of select="concat('&#10;', $label, '&#10;')"/>
      <xsl:for-each select="$nodes">
        <xsl:call-template name="line"><xsl:with-param name="text" select="."/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ blocks -->
  <!-- Containers: their children are blocks or carry blocks. -->
  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group | tei:div | tei:div1 | tei:div2 | tei:div3
                       | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:lg | tei:table | tei:floatingText | tei:postscript
                       | tei:titlePage | tei:figure | tei:listPerson | tei:teiCorpus/tei:TEI">
    <!-- The space between blocks is passed over in the select, not asked for in the loop. -->
    <xsl:for-each select="node()[not(self::text()) or normalize-space()]">
      <xsl:choose>
        <xsl:when test="self::text()">
          <xsl:call-template name="emit-block"><xsl:with-param name="content"><xsl:value-of select="."/></xsl:with-param></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:teiCorpus/tei:TEI" priority="2">
    <xsl:apply-templates select="tei:teiHeader" mode="text-header"/>
    <xsl:apply-templates select="tei:text"/>
  </xsl:template>

  <!-- Paragraph-like blocks: their inline content, normalised, then a blank line and any footnote bodies. -->
  <xsl:template match="tei:p | tei:ab | tei:head | tei:l | tei:opener | tei:closer | tei:dateline | tei:salute | tei:signed
                       | tei:trailer | tei:byline | tei:docTitle | tei:docAuthor | tei:docDate | tei:epigraph | tei:argument
                       | tei:row | tei:fw | tei:quote | tei:cit | tei:stage | tei:ellipsis | tei:figDesc | tei:person | tei:address
                       | tei:label | tei:item | tei:note | tei:said | tei:list | tei:q">
    <xsl:call-template name="emit-block">
      <xsl:with-param name="content"><xsl:apply-templates select="node()" mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Block-level children of lists and speeches are laid out by their parents. -->
  <xsl:template match="tei:list[tei:item]">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::tei:label[following-sibling::*[1][self::tei:item]]"/>
        <xsl:when test="self::tei:item">
          <xsl:call-template name="emit-block">
            <xsl:with-param name="content">
              <xsl:if test="preceding-sibling::*[1][self::tei:label]">
                <xsl:apply-templates select="preceding-sibling::*[1]/node()" mode="inline"/>
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:apply-templates select="node()" mode="inline"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="self::text()">
          <xsl:if test="normalize-space() != ''">
            <xsl:call-template name="emit-block"><xsl:with-param name="content"><xsl:value-of select="."/></xsl:with-param></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A turn: lead material, the speaker label and the first paragraph share a line, as in the source.
       Lost characters before the label touch it (□Stalin:); a label or a direction is followed by a space. -->
  <xsl:template match="tei:sp">
    <xsl:variable name="first-p" select="(tei:p | tei:ab | tei:l | tei:lg)[1]"/>
    <!-- What precedes the first paragraph (all of it without one); asking every child for the siblings after it
         compared each of them with the paragraph, which made a long turn quadratic. -->
    <xsl:variable name="lead" select="$first-p/preceding-sibling::node()[self::* or normalize-space()]
                                      | node()[not($first-p)][self::* or normalize-space()]"/>
    <xsl:call-template name="emit-block">
      <xsl:with-param name="content">
        <xsl:for-each select="$lead">
          <xsl:apply-templates select="." mode="inline"/>
          <xsl:if test="not(self::tei:gap)"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
        <xsl:apply-templates select="$first-p/node()" mode="inline"/>
      </xsl:with-param>
      <xsl:with-param name="notes-of" select="$first-p | $lead"/>
    </xsl:call-template>
    <xsl:apply-templates select="$first-p/following-sibling::node()[self::* or normalize-space()]"/>
  </xsl:template>

  <xsl:template match="tei:sp/text()">
    <xsl:call-template name="emit-block"><xsl:with-param name="content"><xsl:value-of select="."/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <!-- Milestones between blocks. -->
  <xsl:template match="tei:pb | tei:lb | tei:cb | tei:milestone | tei:anchor">
    <xsl:variable name="inline"><xsl:apply-templates select="." mode="inline"/></xsl:variable>
    <xsl:if test="normalize-space($inline) != ''">
      <xsl:call-template name="emit-block"><xsl:with-param name="content" select="$inline"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap | tei:add | tei:unclear | tei:sic | tei:choice | tei:seg | tei:hi | tei:persName
                       | tei:supplied | tei:del | tei:foreign | tei:emph | tei:date | tei:time | tei:placeName | tei:name">
    <xsl:call-template name="emit-block">
      <xsl:with-param name="content"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Unknown block-level elements: their text still comes out. -->
  <xsl:template match="*">
    <xsl:choose>
      <xsl:when test="tei:p or tei:div or tei:lg or tei:list or tei:sp or tei:ab or tei:table">
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::text()">
              <xsl:if test="normalize-space() != ''">
                <xsl:call-template name="emit-block"><xsl:with-param name="content"><xsl:value-of select="."/></xsl:with-param></xsl:call-template>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="emit-block">
          <xsl:with-param name="content"><xsl:apply-templates select="node()" mode="inline"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:facsimile | tei:standOff | tei:sourceDoc | comment() | processing-instruction()"/>

  <!-- Write one block: whitespace normalised, line breaks restored, a blank line after, then its footnotes. -->
  <xsl:template name="emit-block">
    <xsl:param name="content"/>
    <xsl:param name="notes-of" select="."/>
    <xsl:variable name="flat" select="normalize-space($content)"/>
    <!-- Text beyond the line-break placeholders. translate() is asked only when the block holds one:
         libxml2 copies the string a character at a time, and for every block that was a third of the
         plain text's time; without a placeholder $flat is already normalised, so it only has to be non-empty. -->
    <xsl:if test="$flat != '' and (not(contains($flat, $NL)) or normalize-space(translate($flat, $NL, ' ')) != '')">
      <xsl:call-template name="restore-breaks"><xsl:with-param name="text" select="$flat"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="not(ancestor::tei:note)">
      <xsl:for-each select="$notes-of/descendant-or-self::tei:note[not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end'][not(ancestor::tei:note)]">
        <xsl:variable name="body"><xsl:apply-templates select="node()" mode="inline"/></xsl:variable>
        <xsl:variable name="mark"><xsl:call-template name="note-mark"/></xsl:variable>
        <xsl:text>[</xsl:text>
        <xsl:value-of select="$mark"/>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="restore-breaks"><xsl:with-param name="text" select="normalize-space($body)"/></xsl:call-template>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Turn the placeholder back into line ends, dropping empty lines it would leave. EXSLT's tokenize
       splits the text once: a recursion per line copied the rest of the text at every line (quadratic)
       and stopped at libxslt's depth limit (3000) in a paragraph of about 1,500 line breaks. -->
  <xsl:template name="restore-breaks">
    <!-- Normalised already by every caller: normalize-space() copies a string a character at a time. -->
    <xsl:param name="text"/>
    <xsl:choose>
      <!-- The usual block has no line break: its text, without a split (tokenize
           builds a node per piece; this was a sixth of the plain-text view's time). -->
      <xsl:when test="not(contains($text, $NL))"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="str:tokenize($text, $NL)[normalize-space(.) != '']">
          <xsl:if test="position() != 1"><xsl:text>&#10;</xsl:text></xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ inline -->
  <!-- lb break="no" joins the word it breaks (as in the HTML page, foreign.xsl). -->
  <xsl:template match="tei:lb[@break = 'no']" mode="inline" priority="2"/>
  <xsl:template match="*" mode="inline"><xsl:apply-templates select="node()" mode="inline"/></xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

  <xsl:template match="tei:lb | tei:opener/tei:dateline | tei:closer/tei:dateline" mode="inline">
    <xsl:if test="not(self::tei:lb)"><xsl:value-of select="$NL"/><xsl:apply-templates select="node()" mode="inline"/></xsl:if>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:signed | tei:salute | tei:closer/tei:note | tei:item | tei:l" mode="inline">
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="node()" mode="inline"/>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:variable name="n" select="number(@quantity)"/>
    <xsl:choose>
      <xsl:when test="tei:desc">
        <xsl:variable name="desc" select="normalize-space(tei:desc)"/>
        <xsl:choose>
          <xsl:when test="starts-with($desc, '(') or starts-with($desc, '[')"><xsl:value-of select="$desc"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('[', $desc, ']')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="(@unit = 'char' or @unit = 'chars') and $n &gt;= 1 and $n &lt;= 1000">
        <xsl:call-template name="repeat"><xsl:with-param name="text" select="'□'"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>[…]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">[<xsl:apply-templates select="node()" mode="inline"/>?]</xsl:template>

  <xsl:template match="tei:add[@hand]" mode="inline">[handwritten: <xsl:apply-templates select="node()" mode="inline"/>]</xsl:template>

  <xsl:template match="tei:supplied" mode="inline">[<xsl:apply-templates select="node()" mode="inline"/>]</xsl:template>

  <!-- A choice shows its source-side reading; a correction the source prints follows in brackets. -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="source" select="(tei:sic | tei:orig | tei:abbr | *)[1]"/>
    <xsl:apply-templates select="$source/node()" mode="inline"/>
    <xsl:for-each select="*[count(. | $source) != 1]">
      <xsl:text> [</xsl:text><xsl:apply-templates select="node()" mode="inline"/><xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:choose>
      <xsl:when test="@type = 'inferred'"/>
      <xsl:when test="normalize-space(@n) != '' and not(following-sibling::*[1][self::tei:fw])">
        <xsl:value-of select="concat(' [Page ', normalize-space(@n), '] ')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$NL"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw" mode="inline">
    <xsl:value-of select="$NL"/><xsl:apply-templates select="node()" mode="inline"/><xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:note[not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end']" mode="inline">
    <xsl:text>[</xsl:text><xsl:call-template name="note-mark"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'translator' or @type = 'editorial']" mode="inline">
    <xsl:text>[</xsl:text><xsl:apply-templates select="node()" mode="inline"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[@place = 'margin' or @place = 'left' or @place = 'right' or @place = 'top']" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="tei:label"><xsl:value-of select="concat(normalize-space(), ' ')"/></xsl:for-each>
    <xsl:text>in the margin: </xsl:text><xsl:apply-templates select="node()[not(self::tei:label)]" mode="inline"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Marks on the paper, written back as the transcripts print them. -->
  <xsl:template match="tei:del" mode="inline">
    <xsl:choose>
      <xsl:when test="@rend = 'strikethrough'">[crossed out: </xsl:when>
      <xsl:otherwise>[deleted: </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="node()" mode="inline"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'underline']" mode="inline">[underlined: <xsl:apply-templates select="node()" mode="inline"/>]</xsl:template>
  <xsl:template match="tei:stamp" mode="inline">[Stamp: <xsl:apply-templates select="node()" mode="inline"/>]</xsl:template>

  <xsl:template match="tei:space" mode="inline"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:ptr" mode="inline"><xsl:value-of select="@target"/></xsl:template>
  <xsl:template match="tei:graphic" mode="inline">[image<xsl:if test="@url">: <xsl:value-of select="@url"/></xsl:if>]</xsl:template>
  <xsl:template match="tei:cell" mode="inline"><xsl:apply-templates select="node()" mode="inline"/><xsl:text> | </xsl:text></xsl:template>
  <xsl:template match="tei:gap/tei:desc" mode="inline"/>
</xsl:stylesheet>
