"""Issue 10, the parts left after the first sessions: roles in labels, people who share a surname,
signatures in columns, copy recipients, Word exports without footnotes, titled names in Present
lists by side, a classification sharing the dateline.

Per record of tests/records (README: "People, closings and families of issue 10"), what a reader
of the record would write down; the rules behind them have their unit tests after each record's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei import tei, text_of, xp

from tei_encoder import families
from tei_encoder.header import people
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import closing_matter, copies
from tei_encoder.source import source_from_bytes

RECORDS = Path(__file__).parent / "records"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def path_of(prefix: str) -> Path:
    paths = sorted(RECORDS.glob(prefix + "_*.txt"))
    assert len(paths) == 1, f"one record {prefix}_*.txt expected, found {paths}"
    return paths[0]


_OUTPUTS: dict[str, object] = {}


def record(prefix: str):
    if prefix not in _OUTPUTS:
        path = path_of(prefix)
        _OUTPUTS[prefix] = tei(path.read_bytes(), path.name)
    return _OUTPUTS[prefix]


def who_speaks(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:sp")]


def person(root, ident: str):
    found = xp(root, f"//t:particDesc//t:person[@xml:id='{ident}']")
    assert found, f"no person {ident}: {[p.get(XML_ID) for p in xp(root, '//t:person')]}"
    return found[0]


def roles(root, ident: str) -> set[str]:
    return set((person(root, ident).get("role") or "").split())


def offices(root, ident: str) -> list[str]:
    return [text_of(r) for r in xp(person(root, ident), ".//t:roleName")]


def main_names(root) -> list[str]:
    return [str(name) for name in xp(root, "//t:particDesc//t:person/t:persName[1]/text()")]


# -- 1. NAME (role): a speech label with the role on the person, not a stage direction

def test_a_role_in_a_label_is_the_speakers_role() -> None:
    root = record("word_30")
    assert who_speaks(root) == ["#bergstrom", "#gromyko", "#volkov-pr", "#gromyko", "#holm", "#gromyko"]
    assert xp(root, "//t:sp/t:speaker/text()")[:3] == [
        "BERGSTROM (Ambassador of Denmark):", "GROMYKO (Deputy Minister):", "VOLKOV (interpreter):"]
    assert [text_of(s) for s in xp(root, "//t:stage")] == ["(after a pause)"]  # a direction stays one
    assert offices(root, "gromyko") == ["Deputy Minister"]
    assert offices(root, "bergstrom") == ["Ambassador of Denmark"]
    assert {"speaker", "interpreter"} <= roles(root, "volkov-pr") and not offices(root, "volkov-pr")


def test_a_role_in_a_label_of_a_generic_memorandum() -> None:
    root = record("other_30")
    assert who_speaks(root) == ["#eden", "#gusev", "#eden"]
    assert offices(root, "eden") == ["Foreign Secretary"] and offices(root, "gusev") == ["Soviet Ambassador"]
    assert not xp(root, "//t:stage")


@pytest.mark.parametrize("label, part", [
    ("KIM (interpreter): The ambassador thanks you.", "(interpreter)"),
    ("Molotov (People's Commissar): We are ready.", "(People's Commissar)"),
])
def test_label_parts_of_a_role(label: str, part: str) -> None:
    found = speech.match_label(label)
    assert found is not None and found[1].endswith(f"{part}:")


@pytest.mark.parametrize("label", ["Comrade Stalin (after a pause): Yes.", "STALIN (laughing): No.",
                                   "MOLOTOV (to Eden): Agreed.", "KIM (smiling): Good.", "KIM (Reads): Article 2."])
def test_a_direction_in_a_label_stays_a_direction(label: str) -> None:
    found = speech.match_label(label)
    assert found is not None and found[1].endswith(("Stalin:", "STALIN:", "MOLOTOV:", "KIM:"))
    assert found[2].startswith("(")


# -- 2. one surname, two people; "Kim Sok" and a later "Kim"

def test_two_volkovs_with_their_initials_titles_and_roles() -> None:
    root = record("word_30")
    assert main_names(root).count("P. R. Volkov") == 1 and main_names(root).count("V. Volkov") == 1
    assert [s.get("who") for s in xp(root, "//t:said")] == ["#bergstrom", "#volkov-v", "#volkov-v"]
    assert xp(root, "//t:p[starts-with(., 'Present:')]/t:persName[@ref='#volkov-pr']")
    assert "recorder" in roles(root, "volkov-pr") and "recorder" not in roles(root, "volkov-v")


def test_kim_sok_after_an_organisation_and_a_later_bare_kim() -> None:
    root = record("wilson_30")
    kim = [p for p in xp(root, "//t:person") if xp(p, "string(t:persName[1])") == "Kim Sok"]
    assert len(kim) == 1, main_names(root)
    ident = kim[0].get(XML_ID)
    assert not [name for name in main_names(root) if name in ("Kim", "m Sok", "Leaders")]
    assert [s.get("who") for s in xp(root, "//t:said")][:2] == [f"#{ident}", f"#{ident}"]
    assert "Kim Sok" in xp(root, f"//t:body//t:persName[@ref='#{ident}']/text()")


def test_a_bare_forename_like_surname_joins_the_only_kim() -> None:
    registry = people.Registry()
    sok = registry.mention("Kim Sok")
    assert registry.mention("Kim") == sok
    registry.mention("Kim Il Sung")
    assert registry.resolve("Kim") is None  # two Kims now: a bare Kim is nobody in particular


def test_same_surname_titles_and_roles_tell_two_people_apart() -> None:
    registry = people.Registry()
    interpreter = registry.mention("P. R. Volkov", role="interpreter")
    comrade = registry.mention("Cde. V. Volkov", role="speaker")
    assert interpreter != comrade
    assert registry.resolve("Cde. Volkov") == comrade  # only one Volkov was printed with "Cde."
    assert registry.resolve("Volkov") is None  # nothing tells which
    assert registry.mention("Volkov", role="interpreter") == interpreter  # the role tells


# -- 3. signatures in two columns stay one closer

def test_two_signatures_on_one_line() -> None:
    root = record("other_30")
    assert len(xp(root, "//t:closer")) == 1
    assert [" ".join(text_of(s).split()) for s in xp(root, "//t:closer/t:signed")] == ["F. Gusev", "A. Eden"]
    assert xp(root, "//t:closer/t:signed/t:persName/@ref") == ["#gusev", "#eden"]
    assert not xp(root, "//t:sp//*[contains(., 'initialled') or contains(., 'cc:')]")


def test_two_signatures_with_their_offices_over_two_lines() -> None:
    root = record("soviet_30")
    closers = xp(root, "//t:closer")
    assert len(closers) == 1
    words = " ".join(text_of(closers[0]).split())
    assert words.startswith("Deputy Minister of Foreign Affairs of the USSR") and words.endswith("Pak Hon Yong")
    assert xp(closers[0], "t:signed/t:persName/@ref") == ["#vyshinsky", "#pak"]
    assert not xp(root, "//t:body//t:p[contains(., 'A. Vyshinsky')]")


def test_an_office_line_is_cut_into_one_office_per_column() -> None:
    assert closing_matter.column_offices(
        "People's Commissar of Foreign Affairs Secretary of State for Foreign Affairs", 2) == [
        "People's Commissar of Foreign Affairs", "Secretary of State for Foreign Affairs"]
    assert closing_matter.column_offices("For the Government of the USSR For the Government of Finland", 2) == [
        "For the Government of the USSR", "For the Government of Finland"]
    assert closing_matter.column_offices("Deputy Minister of Foreign Affairs", 2) is None  # one office, two names


def test_a_second_column_without_initials_only_when_the_record_knows_the_name() -> None:
    assert closing_matter.columns("A. Vyshinsky Pak Hon Yong", lambda name: name == "Pak Hon Yong") == [
        "A. Vyshinsky", "Pak Hon Yong"]
    assert closing_matter.columns("A. Vyshinsky Pak Hon Yong", lambda name: False) is None


# -- 4. copy recipients are persons with a role

def test_cc_recipients_are_persons_and_departments_are_not() -> None:
    root = record("other_30")
    assert "recipient" in roles(root, "harvey") and "recipient" in roles(root, "cadogan")
    assert not [name for name in main_names(root) if "Department" in name]
    assert set(xp(root, "//t:correspAction[@type='received']/t:persName/@ref")) == {"#harvey", "#cadogan"}


@pytest.mark.parametrize("line, is_copies", [
    ("cc: Mr. Kennan, Mr. Thompson", True), ("Copy to: Comrade Gromyko", True), ("Distribution:", True),
    ("Copy No. 3", False), ("Copies of the note were sent to London.", False), ("Distribution of grain", False)])
def test_copies_heads(line: str, is_copies: bool) -> None:
    assert bool(copies.PATTERN.match(line)) is is_copies


def test_copy_to_recipients_after_a_signature() -> None:
    root = record("wilson_30")
    assert "recipient" in roles(root, "gromyko") and "recipient" in roles(root, "pavlov")
    assert not [name for name in main_names(root) if "Department" in name]
    assert xp(root, "//t:body//t:persName[@ref='#pavlov']")


# -- 5. a Word export without footnotes is still a Word export

def test_a_word_export_without_footnotes_is_recognised() -> None:
    for prefix in ("word_30", "word_10"):
        source = source_from_bytes(path_of(prefix).read_bytes(), "x.txt")
        assert families.detect(source).name == "word-export", prefix


FAMILY_OF_PREFIX = {"other": "generic", "soviet": "soviet-archive", "wilson": "wilson-center", "word": "word-export"}


@pytest.mark.parametrize("path", sorted(RECORDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_family_claims_another_familys_record(path: Path) -> None:
    expected = FAMILY_OF_PREFIX[path.name.split("_")[0]]
    assert families.detect(source_from_bytes(path.read_bytes(), "x.txt")).name == expected


def test_a_soviet_letterhead_alone_is_not_a_word_export() -> None:
    text = "TOP SECRET\nMINISTRY OF FOREIGN AFFAIRS OF THE USSR\nMoscow, 3 May 1950\nThe talks went on.\n"
    assert families.detect(source_from_bytes(text.encode(), "x.txt")).name == "generic"


# -- 6. Present lists by side, with long titled names

def test_present_by_side_gives_one_person_per_titled_name() -> None:
    root = record("soviet_30")
    assert main_names(root)[:5] == ["Pak Hon Yong", "Kim Chang Man", "A. Ya. Vyshinsky", "T. F. Shtykov",
                                    "N. V. Fedorenko"]
    assert offices(root, "vyshinsky") == ["Deputy Minister of Foreign Affairs of the USSR"]
    assert offices(root, "pak") == ["Minister of Foreign Affairs of the DPRK"]
    assert offices(root, "kim") == ["Counsellor of the Embassy of the DPRK in the USSR"]
    assert offices(root, "shtykov") == ["Ambassador of the USSR in the DPRK"]
    assert {"attendant", "interpreter"} <= roles(root, "fedorenko")
    assert {"attendant", "speaker"} <= roles(root, "vyshinsky")


def test_present_from_a_side_on_a_wilson_page() -> None:
    root = record("wilson_30")
    hyon = [p for p in xp(root, "//t:person") if xp(p, "string(t:persName[1])") == "Hyon Jun Hyok"]
    assert len(hyon) == 1 and "attendant" in (hyon[0].get("role") or "").split()
    assert [text_of(r) for r in xp(hyon[0], ".//t:roleName")] == [
        "Chairman of the Central Committee of the Democratic Youth League"]


def test_a_name_after_an_office_in_capitals() -> None:
    name = people.parse_name("AMBASSADOR OF DENMARK H. BERGSTROM")
    assert name is not None and name.bare == "H. BERGSTROM" and name.office == "AMBASSADOR OF DENMARK"
    name = people.parse_name("Minister of Foreign Affairs of the DPRK Pak Hon Yong")
    assert name is not None and name.bare == "Pak Hon Yong"
    assert people.parse_name("Counsellor of the Embassy") is None
    name = people.parse_name("the chairman of the Youth League Kim Sok")
    assert name is not None and name.bare == "Kim Sok" and name.office == "chairman of the Youth League"
    assert people.parse_name("Charles de Gaulle").office == ""  # no office phrase, no office


# -- 7. a classification on the dateline's line

def test_a_classification_after_the_date_is_its_own_seg() -> None:
    root = record("soviet_30")
    opener = xp(root, "//t:opener[t:dateline]")[0]
    assert [text_of(d) for d in xp(opener, "t:dateline")] == ["September 14, 1949"]
    assert xp(opener, "t:seg[@type='classification']/text()") == ["strictly secret"]
    assert xp(root, "//t:term[@type='classification']/text()") == ["strictly secret"]
    assert xp(root, "string(//t:creation/t:date/@when)") == "1949-09-14"


def test_a_classification_after_a_dated_place() -> None:
    root = record("other_30")
    opener = xp(root, "//t:opener")[0]
    assert [text_of(d) for d in xp(opener, "t:dateline")] == ["London, June 9, 1944"]
    assert xp(opener, "t:seg[@type='classification']/text()") == ["most secret"]
    assert xp(root, "string(//t:creation/t:date/@when)") == "1944-06-09"


# -- session 4: names in reading order in biographical notes; an office line over one signature

def test_reading_order_biography_parsed_and_guarded() -> None:
    bio = people.parse_plain_biography("Mao Zedong (1893-1976) – Chairman of the Central Committee.")
    assert bio is not None
    assert (bio.surname, bio.forenames, bio.reading_order) == ("Mao", "Zedong", "Mao Zedong")
    assert (bio.birth, bio.death, bio.occupation) == ("1893", "1976", "Chairman of the Central Committee")
    western = people.parse_plain_biography("Enver Hoxha (1908-1985) - Albanian party leader.")
    assert western is not None and (western.surname, western.forenames) == ("Hoxha", "Enver")
    for event in ("Second World War (1939-1945) – the war in Europe and Asia.",
                  "Warsaw Pact (1955-1991) – a military alliance.",
                  "The so-called Keep Left group (1947-1950) – Labour MPs."):
        assert people.parse_plain_biography(event) is None, event


def test_record_reading_order_biographies_need_their_anchor() -> None:
    root = record("word_31")
    mao = xp(root, "//t:person[@xml:id='mao']")[0]
    assert xp(mao, "t:persName[not(@type)]/text()") == ["Mao Zedong"]
    assert xp(mao, "t:birth/@when") == ["1893"] and xp(mao, "t:ptr/@target") == ["#fn2"]
    assert xp(mao, "t:persName[@type='variant']/text()") == ["Mao"]  # never "Zedong Mao"
    # a reading-order head without the name before its anchor identifies nobody
    text = ("A record of the talks.[footnoteRef:1]\n\nThe talks went on.\n\n"
            "[1: Mao Zedong (1893-1976) – Chairman of the Central Committee.]\n")
    assert xp(tei(text.encode(), "unanchored_bio.txt"), "//t:person/t:birth") == []


def test_office_line_over_one_signature_in_a_word_export() -> None:
    root = record("word_31")
    assert [text_of(s) for s in xp(root, "//t:closer/t:signed")] == ["Ambassador of the USSR in the PRC P. Yudin"]
    # the paragraph before it ends in a name but is prose ("asked me to convey his greetings")
    assert xp(root, "//t:p[starts-with(., 'In conclusion')]")
    assert closing_matter.columns("In conclusion Mao asked me to convey his greetings to Comrade N. S. Khrushchev.") is None
    assert closing_matter.columns("Head of the Soviet delegation P. Kumykin Deputy head of the delegation N. Osipov")


def test_second_initial_is_no_monsieur() -> None:
    """"V. M. Molotov": the "M." is his second initial, not the French title (which gave a bogus
    variant "M. Molotov" and cut "V." into the office)."""
    name = people.parse_name("the people's commissar of foreign affairs of the USSR V. M. Molotov")
    assert name is not None and name.forenames == ("v", "m") and name.office.endswith("of the USSR")
    assert people.parse_name("the Ambassador of France M. Massigli").forenames == ()  # Monsieur stays a title
    text = ("Recording of the conversation of the ambassador of the USSR I. M. Maisky with Eden\n\n"
            "Eden said that the Cabinet had met. Comrade Maisky replied that he would report it.\n\n"
            "I. Maisky\n")
    root = tei(text.encode(), "initials.txt")
    assert "M. Maisky" not in xp(root, "//t:person/t:persName/text()")


# -- session 4: a US memorandum of conversation's field block on a Wilson page

def test_subject_is_an_opening_field() -> None:
    from tei_encoder.reader.opening import classify_opening
    opening, taken = classify_opening(["DATE: May 16, 1955", "SUBJECT: Austrian State Treaty", "Re: the Straits"])
    assert [item.kind for item in opening] == ["dateline", "subject", "subject"] and taken == 3


def test_record_memcon_fields_participants_and_copies() -> None:
    root = record("wilson_31")
    assert xp(root, "//t:opener/t:seg[@type='subject']/text()") == ["SUBJECT: Austrian State Treaty; Four-Power Meeting"]
    # "PARTICIPANTS: The Secretary" with a name on each line under it: one item a line
    items = xp(root, "//t:list[@type='participants']/t:item")
    assert [text_of(item) for item in items] == [
        "The Secretary", "Ambassador Georgi N. Zarubin, USSR", "Mr. Livingston T. Merchant, EUR"]
    assert sorted(xp(root, "//t:listPerson[@type='participants']/t:person/@xml:id")) == ["merchant", "zarubin"]
    # "COPIES TO: S/S, EUR, Amembassy Moscow": office symbols, no persons; the line stays text
    assert xp(root, "//t:person[t:persName = 'EUR' or t:persName = 'S/S']") == []
    assert xp(root, "//t:p[starts-with(., 'COPIES TO:')]")
    # the citation's reference runs to its end: record group, series and file
    assert xp(root, "//t:msIdentifier/t:idno[@type='archival']/text()") == ["RG 59, Central Decimal File, 661.00/5-1655"]


# -- session 4: a translated Soviet ciphered telegram on a Wilson page

def test_record_ciphered_telegram_opening_heading_and_closing() -> None:
    root = record("wilson_32")
    body = xp(root, "//t:body/t:div[@type='document']")[0]
    first, second = xp(body, "t:opener")
    assert [seg.get("type") for seg in xp(first, "t:seg")] == [None, "classification", "handling"]
    assert xp(first, "t:seg[@type='handling']/text()") == ["Making Copies Prohibited"]
    assert xp(body, "t:head/text()") == ["CIPHERED TELEGRAM"]
    assert xp(second, "t:seg[@type='addressee']/t:persName/@ref") == ["#vyshinsky"]
    closer = xp(body, "t:closer")[0]
    assert xp(closer, "t:signed/t:persName/@ref") == ["#shtykov"]
    assert xp(closer, "t:seg[@type='number']/text()") == ["No. 423"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1950-01-19"]
    assert xp(root, "//t:sourceDesc/t:bibl/t:idno[@type='number']/text()") == ["No. 423"]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#shtykov"]


def test_record_ciphered_telegram_people() -> None:
    root = record("wilson_32")
    assert sorted(xp(root, "//t:listPerson[@type='participants']/t:person/@xml:id")) == ["kim", "mao", "shtykov"]
    # "Further Kim said …": an adverb is no part of the name; the full name is tagged whole
    assert xp(root, "//t:persName[contains(., 'Further')]") == []
    assert xp(root, "//t:body//t:persName[@ref='#kim']/text()") == ["Kim Il Sung", "Kim Il Sung", "Kim", "Kim"]


def test_unit_rules_of_the_telegram() -> None:
    from tei_encoder.header import classification
    assert speech.trim_subject("Further Kim") == "Kim"
    assert classification.line_kind("Making copies prohibited") == "handling"
    assert classification.line_kind("Copying is strictly prohibited.") == "handling"
    assert closing_matter.kind_of("No. 423", last=False) == "number"
    assert closing_matter.kind_of("No. 423 was discussed at length", last=False) is None


def test_record_typed_memcon_participants_one_a_line() -> None:
    """A typed memcon without blank lines (each line its own unit): the names on the lines under
    ``Participants: Mr. Charles E. Bohlen`` stay on the list, the prose after it does not."""
    root = record("other_32")
    items = xp(root, "//t:list[@type='participants']/t:item")
    assert [text_of(item) for item in items] == ["Mr. Charles E. Bohlen", "Mr. George F. Kennan"]
    kennan = xp(root, "//t:person[@xml:id='kennan']")[0]
    assert xp(kennan, "t:persName[not(@type)]/text()") == ["George F. Kennan"]
    assert xp(root, "//t:body/t:div/t:head/text()") == ["MEMORANDUM OF CONVERSATION"]
    assert xp(root, "//t:opener/t:seg[@type='subject']/text()") == ["Subject: Death of Stalin; Soviet Succession"]
