"""Family detection (each with a case it must not claim) and the header each family fills."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from tei import tei, text_of, xp
from tei_encoder import families
from tei_encoder.source import source_from_bytes

SEED = {path.name[:3]: path for path in SEEDS}


def family_of(text: str) -> str:
    return families.detect(source_from_bytes(text.encode(), "x.txt")).name


@pytest.mark.parametrize("stem, family", [("000", "wilson-center"), ("001", "wilson-center"),
                                          ("002", "soviet-archive"), ("003", "word-export"),
                                          ("004", "soviet-archive")])
def test_seed_families(stem: str, family: str) -> None:
    assert families.detect(source_from_bytes(SEED[stem].read_bytes(), "x")).name == family


def test_wilson_needs_its_fields() -> None:
    assert family_of("July 1, 1950\n\nTitle\n\nCitation:\n\n\"Title\", Wilson Center Digital Archive\n\n"
                     "Summary:\n\nText.\n") == "wilson-center"
    assert family_of("The citation of the report was long.\n\nSummary of events follows.\n") == "generic"


def test_soviet_archive_needs_its_boilerplate_or_references() -> None:
    assert family_of("Selected Secret Documents from Soviet Foreign Policy Documents Archives\n\n"
                     "Download PDF\n\nTitle\n\nText.\n") == "soviet-archive"
    assert family_of("A report on Soviet documents.\n\nNothing else.\n") == "generic"


def test_word_export_needs_its_notes() -> None:
    assert family_of("Text with a note[footnoteRef:1] here. [1: The note.]\n") == "word-export"
    assert family_of("Text with [1] a bracketed number.\n") == "generic"


def test_unknown_text_is_never_refused() -> None:
    root = tei("Just a line of text with no markers at all.")
    assert xp(root, "string(//t:body)").strip() == "Just a line of text with no markers at all."
    assert xp(root, "//t:language/@ident") == ["en"]  # issue 10: plain English is English, not und
    assert xp(root, "//t:titleStmt/t:title/@type") == ["supplied"]


def test_families_command_lists_every_family(capsys) -> None:
    from tei_encoder.cli import main
    assert main(["families"]) == 0
    out = capsys.readouterr().out
    for family in families.FAMILIES:
        assert family.name in out


class TestWilsonHeader:
    root = None

    @classmethod
    def setup_class(cls) -> None:
        cls.root = tei(SEED["000"].read_bytes(), SEED["000"].name)

    def test_title_date_and_source(self) -> None:
        root = self.root
        assert xp(root, "string(//t:titleStmt/t:title)") == "Cable from Moscow to the Foreign Office"
        assert xp(root, "//t:sourceDesc/t:bibl/t:date/@when") == ["1949-07-19"]
        assert xp(root, "string(//t:bibl/t:publisher)") == "Wilson Center Digital Archive"
        assert xp(root, "string(//t:msIdentifier/t:repository)") == "National Archives of the UK"
        assert xp(root, "//t:bibl/t:ptr/@target") == [
            "https://wilson-center-digital-archive.dvincitest.com/document/134387"]
        assert xp(root, "string(//t:note[@type='citation'])").startswith('"Cable from Moscow')

    def test_summary_language_and_classification(self) -> None:
        root = self.root
        assert "NATO" in xp(root, "string(//t:abstract)")
        assert xp(root, "//t:langUsage/t:language/@ident") == ["en"]
        assert xp(root, "//t:term[@type='classification']/text()") == ["CONFIDENTIAL"]
        assert xp(root, "//t:term[@type='precedence']/text()") == ["IMMEDIATE"]
        assert xp(root, "//t:term[@type='genre']/text()") == ["cable"]

    def test_participants_and_correspondence(self) -> None:
        root = self.root
        assert xp(root, "//t:listPerson[@type='participants']/t:person/@xml:id") == [
            "kelly", "stalin", "harrison", "hayward", "pavlov", "vyshinsky"]  # the last four do not speak
        assert xp(root, "//t:person[@xml:id='hayward']/@role") == ["interpreter"]
        assert xp(root, "//t:person[@xml:id='harrison']/@role") == ["attendant"]
        assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#kelly"]
        assert xp(root, "//t:correspAction[@type='sent']/t:placeName/text()") == ["MOSCOW"]
        assert xp(root, "//t:settingDesc//t:placeName/text()") == ["Kremlin"]
        assert xp(root, "//t:creation/t:date/@when") == ["1949-07-19"]

    def test_no_wall_clock_and_app_info(self) -> None:
        root = self.root
        assert xp(root, "//t:change/@when") == []
        assert xp(root, "//t:application/@version") != []


def test_soviet_archive_header_and_boilerplate() -> None:
    root = tei(SEED["002"].read_bytes(), SEED["002"].name)
    boilerplate = xp(root, "//t:note[@type='boilerplate']/text()")
    assert "Download PDF" in boilerplate and "Marx-Engels | Lenin | Stalin | Home Page" in boilerplate
    assert "Marx-Engels" not in text_of(xp(root, "//t:body")[0])
    assert xp(root, "string(//t:msIdentifier/t:repository)") == "Ap rf"
    # issue 10 §2: repository and reference apart (the body's source note keeps the line whole)
    assert xp(root, "//t:msIdentifier/t:idno[@type='archival']/text()") == ["F. 45. On. 1.d. 279. L. 115-122"]
    assert "Soviet-English relations" in xp(root, "string(//t:relatedItem[@type='printed-edition'])")
    assert xp(root, "//t:respStmt[t:resp='translation']/t:persName/@ref") == ["#maisky"]
    assert xp(root, "//t:creation/t:date/@when") == ["1941-12-18"]
    assert xp(root, "//t:term[@type='classification']/text()") == ["Top secret"]


def test_word_export_biographies() -> None:
    root = tei(SEED["003"].read_bytes(), SEED["003"].name)
    andreyev = xp(root, "//t:person[@xml:id='andreyev']")[0]
    assert xp(andreyev, "t:birth/@when") == ["1895"] and xp(andreyev, "t:death/@when") == ["1971"]
    assert xp(andreyev, "string(t:occupation)") == "party and state leader in the USSR"
    assert xp(andreyev, "t:ptr/@target") == ["#fn1"]
    cyrankiewicz = xp(root, "//t:person[@xml:id='cyrankiewicz']/t:persName/text()")
    assert cyrankiewicz[0] == "Józef Cyrankiewicz" and "Tsirankevich" in cyrankiewicz
    assert xp(root, "//t:person[@xml:id='troyanovsky']/@role") == ["recorder"]
    assert xp(root, "//t:settingDesc//t:date/@when") == ["1947-10-14"]
