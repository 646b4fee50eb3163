"""Language of a record: detected from its text; language names in fields mapped to codes."""

from __future__ import annotations

import pytest

from tei_encoder.header import language
from tests.tei import tei, xp


@pytest.mark.parametrize("code, text", [
    ("en", "The minister said that the talks had failed and asked whether the delegation would return."),
    ("ru", "Министр сказал, что переговоры провалились, и спросил, вернется ли делегация."),
    ("de", "Der Minister sagte, die Verhandlungen seien gescheitert, und fragte, ob die Delegation zurückkehre."),
    ("fr", "Le ministre a dit que les négociations avaient échoué et a demandé si la délégation reviendrait."),
    ("zh", "部长说谈判已经失败，并问代表团是否会回来。与芬兰大使的谈话记录。"),
])
def test_detects_the_language_of_short_texts(code: str, text: str) -> None:
    assert language.detect(text) == code


@pytest.mark.parametrize("text", ["", "Moscow", "12.08.1943 No. 412/1", "□□□ □□ 1949"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert language.detect(text) == "und"


@pytest.mark.parametrize("names, codes", [
    ("Chinese", ["zh"]), ("RUSSIAN", ["ru"]), ("Farsi", ["fa"]), ("Serbo-Croatian", ["sh"]),
    ("Russian; Polish", ["ru", "pl"]), ("German and French", ["de", "fr"]), ("Korean, Russian", ["ko", "ru"]),
])
def test_language_names_map_to_codes(names: str, codes: list[str]) -> None:
    assert language.codes_for_names(names) == codes


@pytest.mark.parametrize("text", ["Translation", "Soviet", "Original Scan", "see attached", "1949"])
def test_words_that_are_not_language_names_give_no_code(text: str) -> None:
    assert language.codes_for_names(text) == []


def test_plain_english_without_family_markers_is_english() -> None:
    root = tei("Note on the meeting\n\nThe committee met on Tuesday and agreed to send the report to the "
               "minister before the end of the month.\n")
    assert xp(root, "string(/t:TEI/@xml:lang)") == "en"
    assert xp(root, "string(//t:langUsage/t:language/@ident)") == "en"
    assert xp(root, "string(//t:langUsage/t:language)") == "English"


def test_a_record_in_german_is_german() -> None:
    root = tei("Aufzeichnung\n\nDer Gesandte suchte mich heute auf und fragte, ob die Verhandlungen "
               "fortgesetzt werden könnten.\n")
    assert xp(root, "string(/t:TEI/@xml:lang)") == "de"


def test_a_record_of_numbers_only_stays_undetermined() -> None:
    root = tei("12.08.1943\n\nNo. 412/1\n")
    assert xp(root, "string(//t:langUsage/t:language/@ident)") == "und"
    assert not xp(root, "/t:TEI/@xml:lang")


def test_only_a_sample_of_a_long_record_is_classified(monkeypatch) -> None:
    seen: list[int] = []
    real = language._identifier()
    monkeypatch.setattr(language, "_identifier", lambda: type("Spy", (), {
        "classify": staticmethod(lambda text: (seen.append(len(text)), real.classify(text))[1])}))
    assert language.detect("The talks went on until late in the evening. " * 20_000) == "en"
    assert seen and seen[0] <= language.SAMPLE_CHARACTERS


@pytest.mark.parametrize("letters, expected", [(language.MIN_LETTERS - 1, False), (language.MIN_LETTERS, True)])
def test_the_letter_count_stops_exactly_at_the_minimum(letters: int, expected: bool) -> None:
    text = " ".join("a" * letters) + " 1 2 3 _ □"  # digits, underscores and boxes are not letters
    assert language._has_letters(text, language.MIN_LETTERS) is expected


def test_the_kept_names_of_detected_languages_are_langcodes_names() -> None:
    """Every language the model can return is named from a table (langcodes' name tables cost a third of a
    second to load): the table holds each of them, with the name langcodes gives."""
    import langcodes

    from tei_encoder.header.language_names import DETECTED_NAMES

    classes = set(language._identifier().nb_classes)
    assert set(DETECTED_NAMES) == classes
    assert {code: str(langcodes.Language.get(code).display_name()) for code in classes} == DETECTED_NAMES


def test_naming_a_detected_language_does_not_load_langcodes() -> None:
    import subprocess
    import sys

    probe = ("import sys\nfrom tei_encoder.header import language\n"
             "print(language.of_text('The minister said that the talks had failed and asked to leave.'),"
             " 'langcodes' in sys.modules)\n")
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "('en', 'English') False", ran.stdout + ran.stderr
