"""A Soviet typescript signs with the signer's name between slashes under the office (``USSR AMBASSADOR IN
POLAND`` / ``/P. PONOMARENKO/``): the closer, not a section heading at the foot."""

from __future__ import annotations

from tei import tei, text_of, xp

import pytest

from tei_encoder.reader.block_rules import closing_matter

RECORD = ("RECORD OF CONVERSATION with Comrade E. OCHAB\n\n12 October 1956\n\n"
          "Comrade Ochab invited me to the Central Committee at 17:00. Present was also Comrade Zawadzki.\n\n"
          "Ochab said that the Politburo had decided to propose the co-option of Comrade Gomulka.\n\n"
          "The conversation lasted one hour.\n\n"
          "                              USSR AMBASSADOR IN POLAND\n"
          "                                    /P. PONOMARENKO/\n")


def test_the_office_over_a_slashed_signature_is_the_closer() -> None:
    root = tei(RECORD, "ponomarenko.txt")
    closer = xp(root, "//t:body//t:closer")
    assert len(closer) == 1 and text_of(closer[0]).split() == ["USSR", "AMBASSADOR", "IN", "POLAND", "/P.",
                                                                 "PONOMARENKO/"]
    assert xp(root, "//t:body//t:div[@type='section']") == []  # it was a section headed by the signature


@pytest.mark.parametrize(("line", "signature"), [
    ("/P. PONOMARENKO/", True), ("/A. A. Gromyko/", True), ("(M. Rákosi)", True),
    ("/signature/", False),  # the mark alone is SIGNATURE_MARK's, no signer's name
    ("and/or the Ministry/", False),
])
def test_a_signer_between_slashes(line: str, signature: bool) -> None:
    assert (closing_matter.columns(line) is not None) is signature
