"""The routing lines of a State Department telegram of the teletype era, printed above its text.

``PAGE 01 MOSCOW 03712 121530Z`` (the page's head: page, post, the telegram's number, the date-time
group), ``ACTION EUR-25`` / ``ORIGIN SS-30`` / ``INFO OCT-01 ISO-00 /026 W`` (the action and information
offices), ``DRAFTED BY EUR/SOV:JMATLOCK`` / ``APPROVED BY THE SECRETARY`` / ``S/S: MR. GAMMON`` (who
wrote and cleared an outgoing one), a dashed line with the sequence number, ``BT`` (the break between
heading and text), ``#8123`` (the message number), ``O 121455Z MAR 74`` / ``P R 112310Z MAR 74`` (the
precedence and date-time group), ``FM AMEMBASSY MOSCOW``, ``TO SECSTATE WASHDC`` / ``INFO AMEMBASSY
BONN``, ``E.O. 11652: GDS`` (the order it was classified under) and ``TAGS: PFOR, UR`` (its subject
tags). The opening reads each as its field (reader/opening.py); a title is never one of them
(header/title.py).
"""

from __future__ import annotations

import re

__all__ = ["PAGE_HEAD", "OFFICES", "DRAFTING", "TRANSMISSION", "DATE_TIME_GROUP", "SENDER", "AUTHORITY", "TAGS", "POST",
           "routing_line"]

# "PAGE 01 MOSCOW 18422 01 OF 02 211402Z": a telegram sent in sections names its section too.
PAGE_HEAD = re.compile(r"^PAGE\s+(?P<n>\d{1,3})\s+[A-Z][A-Z ]*\s\d{2,6}(?:\s+\d{1,2}\s+OF\s+\d{1,2})?(?:\s+\d{6}Z)?$")
OFFICES = re.compile(r"^(?:ACTION|ORIGIN|INFO)\s+[A-Z]{1,6}-\d{1,3}\b")
DRAFTING = re.compile(r"^(?:DRAFTED BY|APPROVED BY|CLEARED(?: BY)?\b|[A-Z]{1,4}(?:/[A-Z]{1,4})+(?:-[A-Z])?\s*:)")
TRANSMISSION = re.compile(r"^(?:-{5,}[\s\dZ/]*|BT|#\d{3,5})$")
DATE_TIME_GROUP = re.compile(r"^(?:(?:[ZOPR]|NIACT)\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d\d\b")
SENDER = re.compile(r"^FM\s+[A-Z][A-Z0-9 ./-]*$")  # in capitals: "FM Gromyko said …" is a Foreign Minister
AUTHORITY = re.compile(r"^E\.\s?O\.\s?\d{4,5}\s*:")
TAGS = re.compile(r"^TAGS\s*:")
# An addressee line, or a post alone on the line under it: "TO SECSTATE WASHDC IMMEDIATE 4821",
# "INFO USMISSION NATO", "AMEMBASSY BONN".
POST = re.compile(r"^(?:(?:TO|INFO)\s+)?(?:AMEMBASSY|AMCONSUL(?:ATE)?|AMLEGATION|SECSTATE|SECDEF|USMISSION|USDEL|"
                  r"USUN|USNATO|USLO|USINT|CINC[A-Z]*|JCS)\b")

_ALL = (PAGE_HEAD, OFFICES, DRAFTING, TRANSMISSION, DATE_TIME_GROUP, SENDER, AUTHORITY, TAGS, POST)


def routing_line(line: str) -> bool:
    """One of a telegram's routing lines (the module's docstring)."""
    return (line[:1].isupper() or line[:1] in "#-") and any(pattern.match(line) for pattern in _ALL)
