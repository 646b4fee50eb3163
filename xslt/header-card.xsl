<?xml version="1.0" encoding="UTF-8"?>
<!--
  header-card.xsl: the teiHeader as the card at the top of a document page.

  Title, date, source (with its link), archive and reference, classification,
  languages, translator and other credits, summary, participants with their
  roles and dates; then, folded, every editorial declaration and the rest of
  the header, so no editorial decision is hidden from the reader. Fields the
  header lacks are left out, never filled in.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="doc-title">
    <xsl:variable name="t" select="/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:choose>
      <xsl:when test="$t[not(@type) or @type = 'main']"><xsl:value-of select="normalize-space($t[not(@type) or @type = 'main'][1])"/></xsl:when>
      <xsl:when test="$t"><xsl:value-of select="normalize-space($t[1])"/></xsl:when>
      <xsl:otherwise>Untitled document</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="card">
    <xsl:variable name="file" select="tei:fileDesc"/>
    <xsl:variable name="bibl" select="$file/tei:sourceDesc/tei:bibl[1] | $file/tei:sourceDesc/tei:biblStruct[1]/*[1]"/>
    <xsl:variable name="profile" select="tei:profileDesc"/>
    <!-- The document's own date first, then the source's, then the publication's (a union is in document order, so choose explicitly). -->
    <xsl:variable name="stated" select="($profile/tei:creation//tei:date)[1] | ($bibl/tei:date)[1][not($profile/tei:creation//tei:date)]
                                      | ($file/tei:publicationStmt/tei:date)[1][not($profile/tei:creation//tei:date or $bibl/tei:date)]"/>
    <!-- As the index dates anyone else's TEI (summary.xsl): a letter's correspAction, a docDate, a
         play's printing in standOff's events, the edition statement; the card must not say
         "Undated" of a document the index files under a year. -->
    <xsl:variable name="sent" select="($profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date
                                       | $profile/tei:correspDesc/tei:correspAction/tei:date)[1]"/>
    <xsl:variable name="doc-date" select="(../tei:text/tei:front//tei:docDate | ../tei:text/tei:body//tei:docDate)[1]"/>
    <xsl:variable name="event" select="(../tei:standOff//tei:event[@when])[1]"/>
    <xsl:variable name="edition" select="($file/tei:editionStmt//tei:date)[1]"/>
    <xsl:variable name="date" select="$stated | $sent[not($stated)] | $doc-date[not($stated or $sent)]
                                      | $event[not($stated or $sent or $doc-date)]
                                      | $edition[not($stated or $sent or $doc-date or $event)]"/>
    <xsl:variable name="terms" select="$profile/tei:textClass/tei:keywords/tei:term"/>
    <header class="card">
      <p class="kicker">
        <xsl:for-each select="$terms[@type = 'genre']">
          <span class="genre"><xsl:value-of select="."/></span>
          <xsl:text> · </xsl:text>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="$date/@when">
            <time datetime="{$date/@when}">
              <xsl:call-template name="format-date"><xsl:with-param name="when" select="$date/@when"/></xsl:call-template>
            </time>
          </xsl:when>
          <xsl:when test="$date"><xsl:value-of select="normalize-space($date)"/></xsl:when>
          <xsl:when test="$profile/tei:settingDesc/tei:setting/tei:date/@when">
            <xsl:text>Undated; conversation of </xsl:text>
            <time datetime="{$profile/tei:settingDesc/tei:setting/tei:date/@when}">
              <xsl:call-template name="format-date"><xsl:with-param name="when" select="$profile/tei:settingDesc/tei:setting/tei:date/@when"/></xsl:call-template>
            </time>
          </xsl:when>
          <xsl:otherwise>Undated</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:variable name="title"><xsl:call-template name="doc-title"/></xsl:variable>
      <h1>
        <xsl:if test="string-length($title) &gt; 70"><xsl:attribute name="class">long-title</xsl:attribute></xsl:if>
        <xsl:value-of select="$title"/>
      </h1>
      <xsl:call-template name="proof-sources"/>
      <xsl:for-each select="$file/tei:titleStmt/tei:title[@type = 'sub']">
        <p class="subtitle"><xsl:apply-templates/></p>
      </xsl:for-each>

      <xsl:if test="$profile/tei:abstract">
        <div class="abstract">
          <h2 class="card-label">Summary</h2>
          <xsl:apply-templates select="$profile/tei:abstract/node()"/>
        </div>
      </xsl:if>

      <dl class="facts">
        <xsl:if test="$date">
          <div><dt>Date</dt><dd><xsl:apply-templates select="$date/node()"/>
            <xsl:if test="$bibl/tei:date and $profile/tei:creation//tei:date and normalize-space($bibl/tei:date) != normalize-space($date)">
              <span class="aside"> (archive: <xsl:apply-templates select="$bibl/tei:date[1]/node()"/>)</span>
            </xsl:if></dd></div>
        </xsl:if>
        <xsl:for-each select="$file/tei:titleStmt/tei:author | $file/tei:titleStmt/tei:editor">
          <div><dt><xsl:choose><xsl:when test="self::tei:author">Author</xsl:when><xsl:otherwise>Editor</xsl:otherwise></xsl:choose></dt>
            <dd><xsl:apply-templates select="node()[not(self::tei:idno)]"/>
              <xsl:if test="tei:idno">
                <span class="aside"><xsl:text> (</xsl:text>
                  <xsl:for-each select="tei:idno">
                    <xsl:if test="position() &gt; 1">; </xsl:if>
                    <xsl:if test="@type"><xsl:value-of select="concat(@type, ' ')"/></xsl:if>
                    <xsl:value-of select="normalize-space()"/>
                  </xsl:for-each><xsl:text>)</xsl:text></span>
              </xsl:if></dd></div>
        </xsl:for-each>
        <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[not(tei:name[@type = 'software'])]">
          <div>
            <dt>
              <xsl:variable name="resp" select="normalize-space(tei:resp)"/>
              <xsl:choose>
                <xsl:when test="$resp = 'translation'">Translator</xsl:when>
                <xsl:when test="$resp = 'recording'">Recorded by</xsl:when>
                <xsl:otherwise><xsl:value-of select="concat(translate(substring($resp, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), substring($resp, 2))"/></xsl:otherwise>
              </xsl:choose>
            </dt>
            <dd><xsl:for-each select="*[not(self::tei:resp)]"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:apply-templates select="."/></xsl:for-each></dd>
          </div>
        </xsl:for-each>
        <xsl:if test="$file/tei:titleStmt/tei:funder">
          <div><dt>Funded by</dt><dd><xsl:for-each select="$file/tei:titleStmt/tei:funder"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:apply-templates/></xsl:for-each></dd></div>
        </xsl:if>
        <xsl:if test="$bibl/tei:publisher or $bibl/tei:ptr or $bibl/tei:title">
          <div><dt>Source</dt><dd>
            <xsl:if test="$bibl/tei:title"><i class="title"><xsl:apply-templates select="$bibl/tei:title[1]/node()"/></i></xsl:if>
            <xsl:if test="$bibl/tei:publisher">
              <xsl:if test="$bibl/tei:title">, </xsl:if>
              <xsl:apply-templates select="$bibl/tei:publisher[1]/node()"/>
            </xsl:if>
            <xsl:for-each select="$bibl/tei:ptr[starts-with(@target, 'http://') or starts-with(@target, 'https://')]">
              <br/><a class="source-link" href="{@target}"><xsl:value-of select="@target"/></a>
            </xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:variable name="ms" select="$bibl/tei:msIdentifier | $file/tei:sourceDesc/tei:msDesc/tei:msIdentifier"/>
        <xsl:variable name="archival" select="$ms/tei:idno | $bibl/tei:idno[@type = 'archival'] | $ms/tei:collection"/>
        <xsl:if test="$ms or $archival">
          <div><dt>Archive</dt><dd>
            <xsl:for-each select="$ms/tei:settlement | $ms/tei:institution | $ms/tei:repository">
              <xsl:if test="position() &gt; 1">, </xsl:if><xsl:apply-templates/>
            </xsl:for-each>
            <xsl:for-each select="$archival">
              <xsl:if test="position() &gt; 1 or $ms/tei:repository"><br/></xsl:if>
              <span class="idno"><xsl:apply-templates/></span>
            </xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:if test="$bibl/tei:relatedItem//tei:bibl">
          <div><dt>Published in</dt><dd>
            <xsl:for-each select="$bibl/tei:relatedItem//tei:bibl"><xsl:if test="position() &gt; 1"><br/></xsl:if><xsl:apply-templates/></xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:if test="$terms[@type = 'classification' or @type = 'precedence']">
          <div><dt>Classification</dt><dd>
            <xsl:for-each select="$terms[@type = 'classification' or @type = 'precedence']">
              <xsl:if test="position() &gt; 1"> · </xsl:if>
              <span class="term term-{@type}"><xsl:apply-templates/></span>
            </xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:if test="$terms[not(@type = 'classification' or @type = 'precedence' or @type = 'genre')]">
          <div><dt>Keywords</dt><dd>
            <xsl:for-each select="$terms[not(@type = 'classification' or @type = 'precedence' or @type = 'genre')]">
              <xsl:if test="position() &gt; 1"> · </xsl:if><xsl:apply-templates/>
            </xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:if test="$profile/tei:langUsage/tei:language">
          <div><dt>Language</dt><dd>
            <xsl:for-each select="$profile/tei:langUsage/tei:language">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:choose>
                <xsl:when test="normalize-space(.) != ''"><xsl:value-of select="normalize-space(.)"/></xsl:when>
                <xsl:when test="@ident = 'und'">undetermined</xsl:when>
                <xsl:otherwise><xsl:value-of select="@ident"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </dd></div>
        </xsl:if>
        <xsl:for-each select="$bibl/tei:textLang | $file/tei:sourceDesc//tei:msContents/tei:textLang">
          <div><dt>Original language</dt><dd><xsl:apply-templates/></dd></div>
        </xsl:for-each>
        <xsl:for-each select="$profile/tei:settingDesc/tei:setting">
          <div><dt>Setting</dt><dd>
            <xsl:for-each select="*"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:apply-templates select="."/></xsl:for-each>
          </dd></div>
        </xsl:for-each>
        <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction">
          <div><dt>
            <xsl:choose>
              <xsl:when test="@type = 'sent'">Sent</xsl:when>
              <xsl:when test="@type = 'received'">Received</xsl:when>
              <xsl:otherwise><xsl:value-of select="@type"/></xsl:otherwise>
            </xsl:choose></dt>
            <dd><xsl:for-each select="*"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:apply-templates select="."/></xsl:for-each></dd></div>
        </xsl:for-each>
        <!-- A page's list field is a note an item ("Associated Places": "China", "Soviet Union"): a run of
             notes under one label is one term with an item each, not the label over and over. -->
        <xsl:for-each select="$bibl/tei:note[@type and not(@type = 'boilerplate')][not(@type = 'field' and normalize-space(@n) and preceding-sibling::tei:note[1][@type = 'field']/@n = @n)]">
          <xsl:variable name="label" select="@n"/>
          <xsl:variable name="before" select="generate-id(preceding-sibling::tei:note[not(@type = 'field' and @n = $label)][1])"/>
          <div><dt>
            <xsl:choose>
              <!-- an archive page's own field: its label as the page printed it ("Record ID", "Credits") -->
              <xsl:when test="@type = 'field' and normalize-space(@n)"><xsl:value-of select="@n"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat(translate(substring(@type, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), translate(substring(@type, 2), '-_', '  '))"/></xsl:otherwise>
            </xsl:choose>
          </dt><dd><xsl:apply-templates/></dd>
            <xsl:if test="@type = 'field' and normalize-space(@n)">
              <xsl:for-each select="following-sibling::tei:note[@type = 'field' and @n = $label][generate-id(preceding-sibling::tei:note[not(@type = 'field' and @n = $label)][1]) = $before]">
                <dd><xsl:apply-templates/></dd>
              </xsl:for-each>
            </xsl:if>
          </div>
        </xsl:for-each>
        <xsl:if test="not($bibl) and $file/tei:sourceDesc/*">
          <div><dt>Source</dt><dd><xsl:apply-templates select="$file/tei:sourceDesc/node()"/></dd></div>
        </xsl:if>
      </dl>

      <xsl:apply-templates select="$profile/tei:particDesc" mode="card"/>
      <xsl:call-template name="editorial-details"/>
    </header>
  </xsl:template>

  <!-- Participants and people mentioned, each with an anchor the text can point to.
       A long list of people only mentioned (biographical footnotes) is folded. -->
  <!-- With a proof page: where each traced header field and merged person came from, linked to its line. -->
  <xsl:template name="proof-sources">
    <xsl:variable name="traced" select="/tei:TEI/tei:teiHeader//*[@xml:id][$proof-href != ''][contains($proof-lines, concat('|', @xml:id, ':'))]"/>
    <xsl:if test="$proof-href != ''">
      <p class="proof-sources">
        <a href="{$proof-href}">Proof page</a>
        <xsl:text>: the source beside this reading, every decision marked.</xsl:text>
        <xsl:if test="$traced"><xsl:text> Header fields and merged persons, from the source: </xsl:text></xsl:if>
        <xsl:for-each select="$traced">
          <xsl:if test="position() != 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:call-template name="proof-back">
            <xsl:with-param name="label" select="concat(substring-after(@xml:id, 'h-'), substring(@xml:id, 1, string-length(@xml:id) * not(starts-with(@xml:id, 'h-'))))"/>
          </xsl:call-template>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:particDesc" mode="card">
    <xsl:for-each select=".//tei:listPerson[tei:person]">
      <xsl:variable name="label">
        <xsl:choose>
          <xsl:when test="@type = 'mentioned'">Also mentioned</xsl:when>
          <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head)"/></xsl:when>
          <xsl:otherwise>Participants</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="@type = 'mentioned' and count(tei:person) &gt; 6">
          <details class="people">
            <summary><h2 class="card-label"><xsl:value-of select="concat($label, ' (', count(tei:person), ')')"/></h2></summary>
            <xsl:call-template name="people-list"/>
          </details>
        </xsl:when>
        <xsl:otherwise>
          <section class="people">
            <h2 class="card-label"><xsl:value-of select="$label"/></h2>
            <xsl:call-template name="people-list"/>
          </section>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="people-list">
    <ul class="people-list">
      <xsl:for-each select="tei:person">
        <li>
          <xsl:attribute name="class">
            <xsl:text>person</xsl:text>
            <xsl:if test="not(../@type = 'mentioned')">
              <xsl:text> who-</xsl:text>
              <xsl:call-template name="person-slot"><xsl:with-param name="id" select="@xml:id"/></xsl:call-template>
            </xsl:if>
          </xsl:attribute>
          <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="concat('participant-', @xml:id)"/></xsl:attribute></xsl:if>
          <xsl:variable name="name">
            <xsl:choose>
              <xsl:when test="tei:persName[not(@type = 'variant')]"><xsl:apply-templates select="tei:persName[not(@type = 'variant')][1]/node()"/></xsl:when>
              <xsl:when test="tei:persName"><xsl:apply-templates select="tei:persName[1]/node()"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="id-in-words"><xsl:with-param name="id" select="@xml:id"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="@xml:id and $persons-href != ''">
              <a class="person-name" href="{$persons-href}{@xml:id}.html"><xsl:copy-of select="$name"/></a>
            </xsl:when>
            <xsl:otherwise><span class="person-name"><xsl:copy-of select="$name"/></span></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="tei:birth or tei:death">
            <span class="life">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="life-date"><xsl:with-param name="event" select="tei:birth[1]"/></xsl:call-template>
              <xsl:text>–</xsl:text>
              <xsl:call-template name="life-date"><xsl:with-param name="event" select="tei:death[1]"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </span>
          </xsl:if>
          <xsl:if test="@role">
            <span class="roles"><xsl:text> · </xsl:text><xsl:call-template name="join-words"><xsl:with-param name="text" select="normalize-space(@role)"/></xsl:call-template></span>
          </xsl:if>
          <xsl:if test="tei:occupation">
            <span class="occupation"><xsl:text> · </xsl:text><xsl:apply-templates select="tei:occupation[1]/node()"/></span>
          </xsl:if>
          <xsl:if test="tei:persName[@type = 'variant']">
            <span class="variants">
              <xsl:text> · also </xsl:text>
              <xsl:for-each select="tei:persName[@type = 'variant']">
                <xsl:if test="position() &gt; 1">, </xsl:if>“<xsl:value-of select="normalize-space(.)"/>”</xsl:for-each>
            </span>
          </xsl:if>
          <xsl:for-each select="tei:ptr[starts-with(@target, '#')]">
            <xsl:variable name="note" select="key('id', substring(@target, 2))/parent::tei:note"/>
            <xsl:if test="$note">
              <xsl:text> · </xsl:text>
              <a class="person-note" href="{@target}">note <xsl:for-each select="$note"><xsl:call-template name="note-mark"/></xsl:for-each></a>
            </xsl:if>
          </xsl:for-each>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="life-date">
    <xsl:param name="event"/>
    <xsl:choose>
      <xsl:when test="$event/@when"><xsl:value-of select="$event/@when"/></xsl:when>
      <xsl:when test="normalize-space($event) != ''"><xsl:value-of select="normalize-space($event)"/></xsl:when>
      <xsl:when test="$event">?</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Everything else in the header, folded: how the text was made. -->
  <xsl:template name="editorial-details">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="decl" select="$header/tei:encodingDesc/tei:editorialDecl"/>
    <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <details class="editorial">
      <summary><h2 class="details-title">How this edition was made<xsl:if test="$decl//tei:p">
        <span class="count"><xsl:value-of select="concat(' (', count($decl//tei:p), ' editorial statements)')"/></span></xsl:if></h2></summary>
      <xsl:for-each select="$decl/*">
        <section class="decl">
          <h3 class="decl-label">
            <xsl:choose>
              <xsl:when test="self::tei:normalization">Normalisation</xsl:when>
              <xsl:when test="self::tei:hyphenation">Hyphenation</xsl:when>
              <xsl:when test="self::tei:quotation">Quotation marks</xsl:when>
              <xsl:when test="self::tei:correction">Corrections</xsl:when>
              <xsl:when test="self::tei:segmentation">Segmentation</xsl:when>
              <xsl:when test="self::tei:interpretation">Interpretation</xsl:when>
              <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
            </xsl:choose>
          </h3>
          <xsl:apply-templates select="node()"/>
        </section>
      </xsl:for-each>
      <xsl:if test="$header/tei:encodingDesc/tei:projectDesc | $header/tei:encodingDesc/tei:samplingDecl">
        <section class="decl"><h3 class="decl-label">Project</h3>
          <xsl:apply-templates select="$header/tei:encodingDesc/tei:projectDesc/node() | $header/tei:encodingDesc/tei:samplingDecl/node()"/></section>
      </xsl:if>
      <xsl:if test="$header/tei:profileDesc/tei:handNotes/tei:handNote">
        <section class="decl"><h3 class="decl-label">Hands</h3>
          <ul><xsl:for-each select="$header/tei:profileDesc/tei:handNotes/tei:handNote">
            <li><xsl:apply-templates/></li></xsl:for-each></ul></section>
      </xsl:if>
      <xsl:if test="$bibl/tei:note[@type = 'boilerplate']">
        <section class="decl"><h3 class="decl-label">Text of the source web page kept out of the body</h3>
          <ul class="boilerplate"><xsl:for-each select="$bibl/tei:note[@type = 'boilerplate']"><li><xsl:apply-templates/></li></xsl:for-each></ul></section>
      </xsl:if>
      <section class="decl"><h3 class="decl-label">This encoding</h3>
        <dl class="facts small">
          <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt">
            <div><dt>Publication</dt><dd><xsl:apply-templates select="tei:p/node() | *[not(self::tei:p)]"/></dd></div>
          </xsl:for-each>
          <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt[tei:name[@type = 'software']]">
            <div><dt>Encoding</dt><dd><xsl:apply-templates select="tei:resp/node()"/> (<xsl:apply-templates select="tei:name/node()"/>)</dd></div>
          </xsl:for-each>
          <xsl:for-each select="$header/tei:encodingDesc/tei:appInfo/tei:application">
            <div><dt>Software</dt><dd><xsl:value-of select="normalize-space(tei:label)"/><xsl:if test="@version"> <xsl:value-of select="concat(' ', @version)"/></xsl:if></dd></div>
          </xsl:for-each>
          <xsl:for-each select="$bibl/tei:idno[@type != 'archival']">
            <div><dt><xsl:choose><xsl:when test="@type = 'file'">Input file</xsl:when><xsl:when test="@type = 'sha256'">SHA-256 of the input</xsl:when><xsl:otherwise><xsl:value-of select="@type"/></xsl:otherwise></xsl:choose></dt>
              <dd><code><xsl:value-of select="."/></code></dd></div>
          </xsl:for-each>
          <xsl:for-each select="$header/tei:revisionDesc//tei:change">
            <div><dt>Change<xsl:if test="@when"><xsl:value-of select="concat(' ', @when)"/></xsl:if></dt><dd><xsl:apply-templates/></dd></div>
          </xsl:for-each>
        </dl>
      </section>
    </details>
  </xsl:template>

  <!-- Header prose: paragraphs render as paragraphs wherever the card places them. -->
  <xsl:template match="tei:teiHeader//tei:p">
    <p><xsl:call-template name="lang"/><xsl:apply-templates/></p>
  </xsl:template>
</xsl:stylesheet>
