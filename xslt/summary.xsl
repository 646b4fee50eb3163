<?xml version="1.0" encoding="UTF-8"?>
<!--
  summary.xsl: one document → a small XML summary for the index and persons
  pages (title, date, genre, summary, and per person: roles, turns, mentions).
  Turn and mention ids come from common.xsl, the templates document.xsl uses,
  so every link the persons page makes lands on an id the page has.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:order="urn:tei-encoder:document-order"
    exclude-result-prefixes="tei order">

  <xsl:import href="common.xsl"/>
  <xsl:import href="header-card.xsl"/>
  <!-- For the edition's title, publisher and licence as the header states them. -->
  <xsl:import href="shell.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- common.xsl's key "id" over the order tables alone (turn and mention ids of a long document): over every
       xml:id of the document, as the page has it, indexing it cost an eighth of the summary's time. -->
  <xsl:key name="id" match="order:n/@xml:id" use="."/>

  <!-- Not tei:text//tei:sp: a key's pattern is selected as a path, and a path through every text
       of a corpus merges their descendants with a duplicate check per node, which is quadratic. -->
  <xsl:key name="turns" match="tei:sp[@who][ancestor::tei:text]" use="normalize-space(@who)"/>
  <xsl:key name="mentions" match="tei:persName[@ref][ancestor::tei:text]" use="normalize-space(@ref)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <!-- Same precedence as the header card: the document's own date, the source's, the publication's. -->
    <xsl:variable name="stated" select="($profile/tei:creation//tei:date)[1] | ($bibl/tei:date)[1][not($profile/tei:creation//tei:date)]
                                      | ($header/tei:fileDesc/tei:publicationStmt/tei:date)[1][not($profile/tei:creation//tei:date or $bibl/tei:date)]"/>
    <!-- Anyone else's TEI dates a letter in correspDesc, a text in its docDate, a play's printing in
         standOff's events (issue 13): those date the index when the header states no other date. -->
    <xsl:variable name="sent" select="($profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date
                                       | $profile/tei:correspDesc/tei:correspAction/tei:date)[1]"/>
    <xsl:variable name="doc-date" select="(tei:text/tei:front//tei:docDate | tei:text/tei:body//tei:docDate)[1]"/>
    <xsl:variable name="event" select="(tei:standOff//tei:event[@when])[1]"/>
    <xsl:variable name="edition" select="($header/tei:fileDesc/tei:editionStmt//tei:date)[1]"/>
    <xsl:variable name="date" select="$stated | $sent[not($stated)] | $doc-date[not($stated or $sent)]
                                      | $event[not($stated or $sent or $doc-date)]
                                      | $edition[not($stated or $sent or $doc-date or $event)]"/>
    <doc>
      <!-- The edition as this document's header states it: the index and persons pages, which have
           no header of their own, show the first document's in their footer. -->
      <edition title="{$edition-name}" publisher="{$edition-publisher}" licence="{$edition-licence}"
               licence-href="{$edition-licence-href}"/>
      <title><xsl:call-template name="doc-title"/></title>
      <!-- Without a document or source date, the date the conversation took place (settingDesc)
           orders the index; it is marked as such, never passed off as the document's date. -->
      <xsl:variable name="setting-date" select="($profile/tei:settingDesc/tei:setting/tei:date[@when])[1][not($date)]"/>
      <xsl:if test="$setting-date">
        <date when="{$setting-date/@when}" kind="setting">
          <xsl:attribute name="label">
            <xsl:call-template name="format-date"><xsl:with-param name="when" select="$setting-date/@when"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($setting-date)"/>
        </date>
      </xsl:if>
      <xsl:if test="$date">
        <date when="{($date/@when | $date/@from | $date/@notBefore)[1]}">
          <xsl:attribute name="label">
            <xsl:choose>
              <xsl:when test="$date/@when">
                <xsl:call-template name="format-date"><xsl:with-param name="when" select="$date/@when"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space($date)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($date)"/>
        </date>
      </xsl:if>
      <xsl:for-each select="$profile/tei:textClass/tei:keywords/tei:term[@type = 'genre']">
        <genre><xsl:value-of select="normalize-space(.)"/></genre>
      </xsl:for-each>
      <xsl:for-each select="$profile/tei:textClass/tei:keywords/tei:term[@type = 'classification']">
        <classification><xsl:value-of select="normalize-space(.)"/></classification>
      </xsl:for-each>
      <xsl:if test="$profile/tei:abstract">
        <summary><xsl:value-of select="normalize-space($profile/tei:abstract)"/></summary>
      </xsl:if>
      <turns><xsl:value-of select="count(tei:text//tei:sp)"/></turns>
      <!-- Each person's turns and mentions, by key. The first key() call indexes every key of the stylesheet over
           the whole document; with the id key on @xml:id (common.xsl) that costs less than picking each
           person's turns and names from the text's for the usual record (17 persons, 30 names: 12 % less),
           and not 3 % more for a record of a few persons. -->
      <xsl:variable name="people" select="$profile/tei:particDesc//tei:person[@xml:id]"/>
      <xsl:for-each select="$people">
        <xsl:variable name="pointer" select="concat('#', @xml:id)"/>
        <person id="{@xml:id}" group="{ancestor::tei:listPerson[1]/@type}" role="{normalize-space(@role)}">
          <name>
            <xsl:value-of select="normalize-space((tei:persName[not(@type = 'variant')] | tei:persName)[1])"/>
            <xsl:if test="not(tei:persName)"><xsl:call-template name="id-in-words"><xsl:with-param name="id" select="@xml:id"/></xsl:call-template></xsl:if>
          </name>
          <xsl:for-each select="tei:persName[@type = 'variant']">
            <variant><xsl:value-of select="normalize-space(.)"/></variant>
          </xsl:for-each>
          <xsl:if test="tei:birth or tei:death">
            <life>
              <xsl:call-template name="life-date"><xsl:with-param name="event" select="tei:birth[1]"/></xsl:call-template>
              <xsl:text>–</xsl:text>
              <xsl:call-template name="life-date"><xsl:with-param name="event" select="tei:death[1]"/></xsl:call-template>
            </life>
          </xsl:if>
          <xsl:if test="tei:occupation">
            <occupation><xsl:value-of select="normalize-space(tei:occupation[1])"/></occupation>
          </xsl:if>
          <xsl:apply-templates select="key('turns', $pointer)" mode="turn"/>
          <xsl:apply-templates select="key('mentions', $pointer)" mode="mention"/>
        </person>
      </xsl:for-each>
    </doc>
  </xsl:template>

  <xsl:template match="*" mode="turn">
    <turn><xsl:attribute name="id"><xsl:call-template name="turn-id"/></xsl:attribute></turn>
  </xsl:template>

  <xsl:template match="*" mode="mention">
    <mention><xsl:attribute name="id"><xsl:call-template name="mention-id"/></xsl:attribute></mention>
  </xsl:template>
</xsl:stylesheet>
