"""Unseen records of session 14 (Soviet selections, second set), after records written blind: a record of
negotiations labelled ``Molotov. …`` (surname and full stop) in two numbered meetings with their times
(``I. Meeting of September 24, 1939 (21 h. 30 min. - 23 h. 15 min.)``); an exchange in dash form
(``Comrade Litvinov: - …``) between numbered paragraphs, the narration resuming at the next number; a diary
whose dialogue is printed ``Beck. - …`` / ``I. - …``, its turns ending at the next entry's date.
"""

from __future__ import annotations

from tei import SOVIET_SITE, record, tei, text_of, xp

SOURCE = "\n\nAVP RF, f. 06, op. 1, p. 18, d. 193, l. 11-27.\n"


def page(body: str):
    return tei(SOVIET_SITE + "Download PDF\n\n" + body + SOURCE, "probe.txt")


def speakers(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:sp")]


def turn_texts(root) -> list[str]:
    """Each turn's words, its label's, directions' and paragraphs' joined with one space."""
    return [" ".join(" ".join(text_of(part).split()) for part in sp) for sp in xp(root, "//t:sp")]


# -- surnames with a full stop as labels

NEGOTIATIONS = ("Record of negotiations of V. M. Molotov with the minister of foreign affairs of Estonia K. Selter\n\n"
                "September 24, 1939\n\nTop secret\n\n"
                "Molotov. We propose to conclude a pact of mutual assistance.\n\n"
                "Selter. Estonia has a policy of strict neutrality. Our parliament and our people -\n\n"
                "Molotov (interrupting). Neutrality which is not guarded by anyone is not neutrality.\n\n"
                "Selter. I must report to my government.\n\n"
                "Molotov. Report.")


def test_surnames_with_a_full_stop_label_a_record_of_negotiations() -> None:
    root = page(NEGOTIATIONS)
    assert speakers(root) == ["#molotov", "#selter", "#molotov", "#selter", "#molotov"]
    assert xp(root, "//t:sp[3]/t:speaker/text()") == ["Molotov."]
    assert xp(root, "//t:sp[3]/t:stage/text()") == ["(interrupting)"]


def test_one_name_again_and_again_with_a_full_stop_is_narration() -> None:
    """Seed 002's ``Cripps. In order to clarify, he posed the question: …``: no dialogue of two names."""
    root = page("Record of the conversation of I. V. Stalin with Sir S. Cripps\n\nDecember 17, 1941\n\n"
                "Cripps. In order to clarify, he posed the question: which borders?\n\n"
                "Comrade Stalin confirmed that this wording meant the 1941 border.\n\n"
                "Cripps. In order to clarify, he posed the question: and Poland?\n\n"
                "Cripps. In order to clarify, he asked once more.")
    assert not xp(root, "//t:sp")


def test_a_numbered_meeting_with_its_times_is_a_section_and_ends_the_turn() -> None:
    root = page(NEGOTIATIONS + "\n\nII. Meeting of September 27, 1939 (21 h. 30 min. - 23 h. 15 min.)\n\n"
                "Present: the same; comrade Stalin.\n\nStalin. We will not touch your constitution.")
    heads = [text_of(head) for head in xp(root, "//t:div[@type='section']/t:head")]
    assert heads == ["II. Meeting of September 27, 1939 (21 h. 30 min. - 23 h. 15 min.)"]
    assert not any("Meeting of" in text for text in turn_texts(root))
    assert speakers(root)[-1] == "#stalin"


def test_soviet_65_negotiations_in_two_meetings() -> None:
    root = record("soviet_65_negotiations_surname_full_stop_labels")
    assert speakers(root).count("#molotov") == 5
    assert speakers(root).count("#munters") == 3
    assert "#kocins" in speakers(root) and speakers(root).count("#stalin") == 2
    assert [head.get("n") for head in xp(root, "//t:div[@type='section']")] == ["I", "II"]
    narration = [text_of(p) for p in xp(root, "//t:div[@type='section']/t:p")]
    assert any(text.startswith("Munters handed over") for text in narration)
    assert any(text.startswith("Munters said that") for text in narration)
    assert xp(root, "//t:sp[@who='#munters'][2]/t:stage/text()") == ["(after a pause)"]


# -- an exchange between numbered paragraphs

def test_the_next_numbered_paragraph_ends_a_dash_turn() -> None:
    root = page("Recording of the conversation of G. V. Chicherin with the ambassador of Germany U. Brockdorff-Rantzau\n\n"
                "March 25, 1926\n\nTop secret\n\n"
                "1. The count came at my invitation.\n\n2. Comrade Litvinov objected that a note is not a treaty.\n\n"
                "Comrade Litvinov: - We trust the count.\n\n(Both laugh.)\n\n"
                "3. I then raised the question of the neutrality clause.\n\n"
                "4. At the end, the count told me that Schubert is against the treaty.\n\nG. Chicherin")
    assert turn_texts(root) == ["Comrade Litvinov: - We trust the count. (Both laugh.)"]
    assert [p.get("n") for p in xp(root, "//t:body/t:div/t:p[@n]")] == ["1", "2", "3", "4"]


def test_a_turn_that_numbers_its_own_points_keeps_them() -> None:
    root = page("Record of the conversation of V. M. Molotov with K. Selter\n\nSeptember 24, 1939\n\n"
                "1. Selter came at his own request.\n\nMolotov: We propose two things.\n\n"
                "1. A pact of mutual assistance.\n\n2. Bases for the fleet.\n\nSelter: I must report.")
    assert turn_texts(root)[0] == "Molotov: We propose two things. 1. A pact of mutual assistance. 2. Bases for the fleet."


def test_a_label_with_a_direction_and_a_dash_is_a_turn() -> None:
    root = page("Record of the conversation of D. V. Bogomolov with Chiang Kai-shek\n\nJuly 29, 1937\n\n"
                "Chiang began by saying that the war has begun.\n\n"
                "Chiang (interrupting him): - Not only help. The pact itself will show to Tokyo that China is not alone.")
    assert speakers(root) == ["#chiang"]
    assert xp(root, "//t:sp/t:stage/text()") == ["(interrupting him)"]


def test_soviet_66_exchange_between_numbered_paragraphs() -> None:
    root = record("soviet_66_numbered_record_dash_exchange")
    assert speakers(root) == ["#dirksen", "#litvinov"]
    assert not any("I then turned" in text for text in turn_texts(root))
    assert [p.get("n") for p in xp(root, "//t:body/t:div/t:p[@n]")] == ["1", "2", "3", "4"]
    assert [text_of(signed) for signed in xp(root, "//t:closer/t:signed")] == ["N. Krestinsky"]


# -- a diary's dialogue with a full stop and a dash

def test_full_stop_dash_labels_and_the_diarist_s_i() -> None:
    root = page("From the diary of V. A. Antonov-Ovseenko\n\nSecret\n\nFebruary 3, 1933\n\n"
                "Today I was received by the minister Beck. Beck agreed and said that Poland will judge by deeds.\n\n"
                "Beck. - We value it.\n\nI. - That view was never ours.\n\nBeck (smiling). - Then we understand each other.\n\n"
                "February 9, 1933\n\nLunch at the French ambassador Laroche. He had no instructions.\n\n"
                "V. Antonov-Ovseenko")
    assert speakers(root) == ["#beck", "#beck"]
    assert not any("never ours" in text or "Laroche" in text for text in turn_texts(root))
    assert [text_of(p) for p in xp(root, "//t:div[@type='entry'][1]/t:p")][-1] == "I. - That view was never ours."
    assert xp(root, "//t:sp[2]/t:stage/text()") == ["(smiling)"]
    assert len(xp(root, "//t:div[@type='entry']")) == 2


def test_soviet_67_diary_dialogue() -> None:
    root = record("soviet_67_diary_full_stop_dash_dialogue")
    assert speakers(root) == ["#lukasiewicz", "#lukasiewicz"]
    assert not any("April 11" in text or "Girsa" in text for text in turn_texts(root))
    assert len(xp(root, "//t:div[@type='entry']")) == 3


# -- a credit after the last office of a Present paragraph

def test_an_office_ends_at_its_sentence() -> None:
    from tei_encoder.header import people

    assert people.parse_name("envoy of Estonia in the USSR. Translated by V. N. Pavlov") is None
    named = people.parse_name("Ambassador of the U.S.A. in the USSR W. Harriman")
    assert named is not None and named.office == "Ambassador of the U.S.A. in the USSR"


def test_soviet_68_no_office_reaches_into_the_translation_credit() -> None:
    root = record("soviet_68_present_office_then_translation_credit")
    forms = xp(root, "//t:person[@xml:id='pavlov']/t:persName")
    assert [text_of(form) for form in forms] == ["V. N. Pavlov"]
    assert not any("Translated" in text_of(form) for form in xp(root, "//t:particDesc//t:persName"))
