"""Unseen records of session 16, round 2 (Soviet selections), after records written blind (blind16/j): a
reporting clause whose subject is interrupted by the source of the report (``Bullitt, according to comrade
Krestinsky, was nervous, said that …``); a letter signed and dated over its enclosure (``M. Litvinov`` / blank /
``26.VIII.35`` / ``Enclosure``); numbered notes in two more printings: calls in parentheses with ``(1) …``
bodies, and ``[1]`` calls with bare-numbered bodies under a rule of underscores.
"""

from __future__ import annotations

from tei import creation_dates, foot_notes, record, soviet_page, text_of, xp

SOURCE = "\n\nAVP RF. F. 05. Op. 15. P. 104. D. 57. L. 3–4. Copy.\n"


def page(body: str, source: str = SOURCE):
    return soviet_page(body, source)


def said_by(root) -> list[str]:
    return [said.get("who") for said in xp(root, "//t:body//t:said")]



# -- the source of a report inside the clause

ASIDE = ("Record of conversation of the People's Commissar M. M. Litvinov\n\n"
         "Today the Ambassador Bullitt called on comrade Krestinsky.\n\n"
         "Bullitt, according to comrade Krestinsky, was nervous, said that Washington was irritated.\n")


def test_the_name_after_according_to_is_no_speaker() -> None:
    root = page(ASIDE)
    assert said_by(root) == ["#bullitt"]
    assert xp(root, "//t:person[@xml:id='krestinsky']/@role") != ["speaker"]


def test_soviet_104_according_to_aside() -> None:
    root = record("soviet_104_according_to_aside_not_the_speaker")
    said = {said.get("who"): text_of(said) for said in xp(root, "//t:body//t:said")}
    assert said["#aras"].startswith("Sofia was doing nothing")
    assert list(said) == ["#morgan", "#aras"]  # Morgan's "asked", then Aras's "declared"
    assert xp(root, "//t:person[@xml:id='aras']/@role") == ["speaker"]


# -- a letter signed and dated over its enclosure

LETTER = ("Letter of the People's Commissar for Foreign Affairs M. M. Litvinov to J. V. Stalin\n\n"
          "Comrade Stalin,\n\nI attach the draft of the answer to the American note.\n\n"
          "M. Litvinov\n\n26.VIII.35\n\nEnclosure\n\nDRAFT\n\nMr. Ambassador,\n\n"
          "In reply to your note of August 25, I have the honour to state that the protest cannot be accepted.\n")


def test_a_date_under_the_signature_over_an_enclosure_dates_the_letter() -> None:
    root = page(LETTER)
    assert creation_dates(root) == ["1935-08-26"]
    closer = xp(root, "//t:div[@type='document']/t:div[@type='cover']/t:closer")
    assert len(closer) == 1 and "M. Litvinov" in text_of(closer[0]) and "26.VIII.35" in text_of(closer[0])
    assert len(xp(root, "//t:div[@type='attachment']")) == 1
    # the source's order: the cover, signed and dated, then what it encloses
    assert [div.get("type") for div in xp(root, "//t:div[@type='document']/t:div")] == ["cover", "attachment"]


def test_an_enclosure_line_at_the_foot_stays_the_closings() -> None:
    root = page(LETTER.split("Enclosure")[0] + "Enclosure: 2 pages.\n")
    assert creation_dates(root) == ["1935-08-26"]
    assert not xp(root, "//t:div[@type='attachment']")


def test_soviet_105_letter_dated_under_signature_over_enclosure() -> None:
    root = record("soviet_105_letter_dated_under_signature_over_enclosure")
    assert creation_dates(root) == ["1931-04-14"]
    closer = xp(root, "//t:div[@type='document']/t:div[@type='cover']/t:closer")[0]
    assert xp(closer, "t:dateline/t:date/@when") == ["1931-04-14"]
    assert "With comradely greetings" in text_of(closer)
    enclosure = xp(root, "//t:div[@type='attachment']")[0]
    assert "DRAFT REPLY" in text_of(enclosure) and "N. Krestinsky" not in text_of(enclosure)


# -- numbered notes: calls in parentheses; bare-numbered bodies under a rule

PARENTHESISED = ("Telegram of the plenipotentiary representative of the USSR in Iran\n\n"
                 "The Minister handed me the reply (1). It repeats the proposals of 3 March (2).\n\n"
                 "Petrovsky\n\n(1) Not published.\n(2) See document No. 41.\n")


def test_parenthesised_calls_with_bodies_at_the_end_are_notes() -> None:
    root = page(PARENTHESISED)
    assert foot_notes(root) == {"1": "Not published.", "2": "See document No. 41."}
    assert not xp(root, "//t:body//t:list")


def test_parenthesised_items_nothing_calls_stay_a_list() -> None:
    root = page(PARENTHESISED.replace(" (1)", "").replace(" (2)", ""))
    assert not foot_notes(root)
    assert "Not published." in text_of(xp(root, "//t:body")[0])


def test_soviet_106_parenthesised_note_calls() -> None:
    root = record("soviet_106_parenthesised_note_calls")
    notes = foot_notes(root)
    assert notes == {"1": "The text of the reply is not published.", "2": "See document No. 41."}
    assert "(1)" not in text_of(xp(root, "//t:body")[0])


BARE = ("Note of the Legation of Latvia\n\nThe steamer \"Everolanda\"[1] was detained with its crew[2].\n\n"
        "______\n1 A steamer of the Riga company.\n2 Fourteen men.\n")


def test_bare_numbered_bodies_under_a_rule_are_notes() -> None:
    root = page(BARE)
    assert foot_notes(root) == {"1": "A steamer of the Riga company.", "2": "Fourteen men."}
    assert "[1]" not in text_of(xp(root, "//t:body")[0])


def test_soviet_107_bare_numbered_notes_under_a_rule() -> None:
    root = record("soviet_107_bare_numbered_notes_under_a_rule")
    notes = foot_notes(root)
    assert notes["1"] == "A steamer of the Riga company \"Everts\" carrying timber."
    assert notes["2"] == "The crew numbered fourteen."
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).startswith("1 A steamer")]
