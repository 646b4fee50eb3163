<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: parameters, keys and small named templates shared by the
  document, summary and plain-text stylesheets.

  Ids written into the HTML are derived from document order only (never from
  generate-id(), whose values change between runs), so the same TEI always
  gives the same bytes and summary.xsl can predict every anchor.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:order="urn:tei-encoder:document-order"
    exclude-result-prefixes="tei exsl order">

  <!-- The folder of person pages persName/@ref and sp/@who link to (persons/ID.html). Empty: to the
       participant entry in the page's own header card. -->
  <xsl:param name="persons-href" select="'persons/'"/>
  <!-- Link to the plain-text view of this document; empty for none. -->
  <xsl:param name="text-href" select="''"/>
  <!-- Link back to the index page; empty for none. -->
  <xsl:param name="index-href" select="'index.html'"/>

  <!-- The proof page (issue 14), when the site has one: its href, and "|xml:id:line|" for every element
       the decision trace points at; each such element links back to its source line there. -->
  <xsl:param name="proof-href" select="''"/>
  <xsl:param name="proof-lines" select="''"/>

  <!-- A traced element's link to its source line on the proof page; its id is the proof page's target. -->
  <xsl:template name="proof-back">
    <xsl:param name="id" select="@xml:id"/>
    <xsl:param name="label" select="''"/>
    <xsl:if test="$proof-href != '' and $id != '' and contains($proof-lines, concat('|', $id, ':'))">
      <xsl:variable name="line" select="substring-before(substring-after($proof-lines, concat('|', $id, ':')), '|')"/>
      <a class="proof-back" id="tr-{$id}" href="{$proof-href}#L{$line}">
        <xsl:if test="$label != ''"><xsl:value-of select="$label"/><xsl:text> </xsl:text></xsl:if>
        <xsl:text>↩ l. </xsl:text><xsl:value-of select="$line"/>
        <span class="sr-only"><xsl:value-of select="concat(' (proof page: source line ', $line, ')')"/></span>
      </a>
    </xsl:if>
  </xsl:template>

  <!--
    Two expressions the hot templates (sp, said, persName) inline instead of calling a template,
    because a call into a variable builds a result tree fragment per use:
      the local id of the first pointer in @who / @ref:
        substring-before(concat(substring-after(normalize-space(@ref), '#'), ' '), ' ')
      a person's colour slot (see person-slot):
        (count($person/preceding-sibling::tei:person)
         + count($person/../preceding-sibling::tei:listPerson/tei:person)) mod 8 + 1
  -->
  <!-- The key "id" (key('id', X) is an xml:id attribute, the element being its parent) is declared by each
       stylesheet that imports this one, over what it looks up: document-plain.xsl over every xml:id (a person
       is (key('id', $who)/parent::tei:person)[1]; the order tables below are found by it too), summary.xsl and
       text-plain.xsl over the order tables' entries alone. libxslt indexes every key of the stylesheet over
       the whole document at the first key() call: the summary calls key() for every document, and indexing
       each xml:id of the TEI there was an eighth of its time. -->

  <!-- The local id a pointer such as "#stalin" refers to (the first one, if several). -->
  <xsl:template name="local-id">
    <xsl:param name="pointer" select="."/>
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="contains(normalize-space($pointer), ' ')">
          <xsl:value-of select="substring-before(normalize-space($pointer), ' ')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($pointer)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="starts-with($first, '#')">
      <xsl:value-of select="substring($first, 2)"/>
    </xsl:if>
  </xsl:template>

  <!-- What a person's link puts around the id: the person's page, or the card entry (set once per page,
       not chosen per name). -->
  <xsl:variable name="person-href-before" select="concat($persons-href, substring('#participant-', 1, 13 * ($persons-href = '')))"/>
  <xsl:variable name="person-href-after" select="substring('.html', 1, 5 * ($persons-href != ''))"/>

  <!-- The main name of a person id in this document, or the id itself. -->
  <xsl:template name="person-name">
    <xsl:param name="id"/>
    <xsl:variable name="person" select="(key('id', $id)/parent::tei:person)[1]"/>
    <xsl:choose>
      <xsl:when test="$person/tei:persName[not(@type = 'variant')]">
        <xsl:value-of select="normalize-space($person/tei:persName[not(@type = 'variant')][1])"/>
      </xsl:when>
      <xsl:when test="$person/tei:persName">
        <xsl:value-of select="normalize-space($person/tei:persName[1])"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="id-in-words"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A colour slot 1..8 per person, by position in particDesc, so a speaker keeps one colour. -->
  <xsl:template name="person-slot">
    <xsl:param name="id"/>
    <xsl:variable name="person" select="(key('id', $id)/parent::tei:person)[1]"/>
    <xsl:if test="$person">
      <xsl:value-of select="(count($person/preceding-sibling::tei:person)
                            + count($person/../preceding-sibling::tei:listPerson/tei:person)) mod 8 + 1"/>
    </xsl:if>
  </xsl:template>

  <!--
    Document-order numbers: turns (turn-N), notes (note-N), footnote marks and the steps of a
    mention id (m-1-2-14-3). Two ways to the same numbers, chosen per kind and per document:

    * Up to $count-limit turns or notes, or 4 x $count-limit names: xsl:number, which libxslt
      evaluates in C, walking the tree without building node-sets or result trees. A turn or a
      note walks every node before it, a name only the siblings of its ancestors, so the cost is
      (numbered nodes) x (document size) at most: linear while the former is bounded, and the
      cheapest way for the usual record. (Measured: 250 names after 20,000 paragraphs cost 15 %
      more time by counting than by table, 250 turns 150 %; hence the larger limit for names.)
    * Beyond that: tables built in one pass over the document, read by key. Counting along the
      preceding axis for every turn of a 400 KB record of turns took 24 s; the tables keep long
      documents linear. They cost several microseconds per entry and per lookup (a result tree
      built per entry, a key per table), which is why short documents do without them.

    tests/test_render_scaling.py renders with count-limit 0 (tables only) and checks that both
    ways give the same bytes; benchmarks/bench_scaling.py shows the time per MB.
      $turn-order      n = position among all sp (= count(preceding::sp) + count(ancestor::sp) + 1)
      $note-order      n = position among all notes (likewise)
      $footnote-order  n = position among the footnotes inside text (see note-mark)
      $child-order     n = position among its element siblings, for every child of an element
                       that holds a persName (the steps of a mention id)
    generate-id() only identifies nodes inside this run; it never reaches the output.
    libxslt evaluates every global variable before the first template, so each table is built
    only where its kind goes by table.
  -->
  <xsl:param name="count-limit" select="64"/>
  <!-- How many turns, notes and names the document holds. Renderer passes them (render/renderer.py,
       Counts: one walk in Python for the page, text and summary, where each count here walked the whole
       document once per stylesheet run); a run without them counts here. -->
  <xsl:param name="sp-count" select="count(//tei:sp)"/>
  <xsl:param name="note-count" select="count(//tei:note)"/>
  <xsl:param name="persname-count" select="count(//tei:persName)"/>
  <xsl:variable name="turns-by-table" select="$sp-count &gt; $count-limit"/>
  <xsl:variable name="notes-by-table" select="$note-count &gt; $count-limit"/>
  <xsl:variable name="mentions-by-table" select="$persname-count &gt; 4 * $count-limit"/>
  <xsl:variable name="turn-order-entries">
    <xsl:if test="$turns-by-table">
      <xsl:for-each select="//tei:sp"><order:n n="{position()}"><xsl:attribute name="xml:id"><xsl:value-of select="generate-id()"/></xsl:attribute></order:n></xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="note-order-entries">
    <xsl:if test="$notes-by-table">
      <xsl:for-each select="//tei:note"><order:n n="{position()}"><xsl:attribute name="xml:id"><xsl:value-of select="generate-id()"/></xsl:attribute></order:n></xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="footnote-order-entries">
    <xsl:if test="$notes-by-table">
      <xsl:for-each select="//tei:note[ancestor::tei:text][not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end']">
        <order:n n="{position()}"><xsl:attribute name="xml:id"><xsl:value-of select="generate-id()"/></xsl:attribute></order:n>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="child-order-entries">
    <!-- Not //tei:persName/ancestor::*: libxml2 merges the ancestors of each name into one set,
         checking every node against the set, which is quadratic in the number of names. -->
    <xsl:if test="$mentions-by-table">
      <xsl:for-each select="//*[.//tei:persName]">
        <xsl:for-each select="*"><order:n n="{position()}"><xsl:attribute name="xml:id"><xsl:value-of select="generate-id()"/></xsl:attribute></order:n></xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="turn-order" select="exsl:node-set($turn-order-entries)"/>
  <xsl:variable name="note-order" select="exsl:node-set($note-order-entries)"/>
  <xsl:variable name="footnote-order" select="exsl:node-set($footnote-order-entries)"/>
  <xsl:variable name="child-order" select="exsl:node-set($child-order-entries)"/>

  <!-- The number of the context node in one of the tables above; empty when it has none. -->
  <xsl:template name="order-number">
    <xsl:param name="table"/>
    <xsl:variable name="node" select="generate-id()"/>
    <!-- key() searches the document of the context node: step into the table. -->
    <xsl:for-each select="$table"><xsl:value-of select="key('id', $node)/../@n"/></xsl:for-each>
  </xsl:template>

  <!-- Ids of turns and mentions: document order, shared with summary.xsl. -->
  <xsl:template name="turn-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:when test="$turns-by-table">
        <xsl:text>turn-</xsl:text><xsl:call-template name="order-number"><xsl:with-param name="table" select="$turn-order"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:text>turn-</xsl:text><xsl:number level="any" count="tei:sp"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A mention's id is its path of child positions below <text> (m-1-2-14-3): unique, stable, and
       cheap, because it counts siblings only; a document-wide count would scan the whole document
       once per name. -->
  <xsl:template name="mention-id">
    <xsl:text>m</xsl:text>
    <xsl:choose>
      <xsl:when test="$mentions-by-table">
        <!-- ancestor-or-self in a predicate counts from the nearest, so the last two are TEI and text. -->
        <xsl:for-each select="ancestor-or-self::*[position() &lt; last() - 1]">
          <xsl:text>-</xsl:text><xsl:call-template name="order-number"><xsl:with-param name="table" select="$child-order"/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <!-- The same steps: the position of each element below the root's child (text) among its element siblings. -->
      <xsl:otherwise><xsl:number level="multiple" count="*" from="/*/*" format="-1-1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Notes: the HTML id of a note, its printed mark, and the id of its call. -->
  <xsl:template name="note-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:when test="$notes-by-table">
        <xsl:text>note-</xsl:text><xsl:call-template name="order-number"><xsl:with-param name="table" select="$note-order"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:text>note-</xsl:text><xsl:number level="any" count="tei:note"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-mark">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <!-- A footnote's mark counts the footnotes before it, not those around it: its position among
           the footnotes less the footnotes it sits in. -->
      <xsl:when test="ancestor::tei:text and (not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end')">
        <xsl:variable name="position">
          <xsl:choose>
            <xsl:when test="$notes-by-table">
              <xsl:call-template name="order-number"><xsl:with-param name="table" select="$footnote-order"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:number level="any" count="tei:note[ancestor::tei:text][not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end']"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="$position - count(ancestor::tei:note[ancestor::tei:text][not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end'])"/>
      </xsl:when>
      <!-- Any other note (only a participant's pointer asks for one): counted, as it is rare. -->
      <xsl:otherwise>
        <xsl:value-of select="count(preceding::tei:note[ancestor::tei:text][not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end']) + 1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, with or without time) in words: "19 July 1949". -->
  <xsl:template name="format-date">
    <xsl:param name="when"/>
    <xsl:variable name="y" select="substring($when, 1, 4)"/>
    <xsl:variable name="m" select="substring($when, 6, 2)"/>
    <xsl:variable name="d" select="substring($when, 9, 2)"/>
    <xsl:variable name="month" select="substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ', ($m - 1) * 9 + 1, 9)"/>
    <xsl:choose>
      <xsl:when test="string-length($when) &gt;= 10 and number($d) = number($d) and number($m) &gt;= 1 and number($m) &lt;= 12">
        <xsl:value-of select="concat(number($d), ' ', normalize-space($month), ' ', $y)"/>
      </xsl:when>
      <xsl:when test="string-length($when) &gt;= 7 and number($m) &gt;= 1 and number($m) &lt;= 12">
        <xsl:value-of select="concat(normalize-space($month), ' ', $y)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$when"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Copy xml:lang as HTML lang; call inside every element a template writes. -->
  <xsl:template name="lang">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- "speaker sender" → "speaker, sender" -->
  <xsl:template name="join-words">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:value-of select="substring-before($text, ' ')"/><xsl:text>, </xsl:text>
        <xsl:call-template name="join-words"><xsl:with-param name="text" select="substring-after($text, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Repeat a string n times (n capped by the caller). -->
  <xsl:template name="repeat">
    <xsl:param name="text"/>
    <xsl:param name="n" select="0"/>
    <xsl:if test="$n &gt; 0">
      <xsl:value-of select="$text"/>
      <xsl:call-template name="repeat">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="n" select="$n - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
