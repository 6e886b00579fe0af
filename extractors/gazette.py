"""The Royal Gazette running head or foot, read from running text.

>>> m = marks("…จังหวัดสกลนคร หน้า ๑๐๒ เล่ม ๑๔๐ ตอนที่ ๓๕ ง ราชกิจจานุเบกษา ๑๑ พฤษภาคม ๒๕๖๖")[0]
>>> (m.volume, m.section, m.page, m.date.date.isoformat())
(140, 'ตอนที่ 35 ง', 102, '2023-05-11')

Its date is when the Gazette published the document: never the document's own date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.patterns import DATE, GAZETTE_HEAD, arabic
from extractors.thai_dates import parse_match
from pipeline.models import GazetteMark, Span

_SPACES = re.compile(r"[ \t\n]+")


def marks(text: str, offset: int = 0) -> list[GazetteMark]:
    """Every running head or foot in ``text``, in order (spans shifted by ``offset``)."""
    if "ราชกิจจานุเบกษา" not in text:
        return []
    return list(_marks(text, offset))


@lru_cache(maxsize=8)
def _marks(text: str, offset: int) -> tuple[GazetteMark, ...]:
    """``marks``, kept for the few calls that extracting one letter makes with the same text."""
    found = []
    for m in GAZETTE_HEAD.finditer(text):
        date_match = DATE.match(text, m.start("date"))
        date = parse_match(date_match, offset) if date_match else None
        if date is None:
            continue
        section = _SPACES.sub(" ", arabic(m["section"]))
        section = re.sub(r"(ตอน(?:ที่|พิเศษ)) ?", r"\1 ", section)
        found.append(GazetteMark(int(arabic(m["volume"])), section, int(arabic(m["page"])),
                                 date.with_role("published"), Span(offset + m.start(), offset + m.end())))
    return tuple(found)


def first_mark(text: str, offset: int = 0) -> GazetteMark | None:
    """The first head or foot of a letter (its first page), or ``None`` outside the Gazette."""
    found = marks(text, offset)
    return min(found, key=lambda m: m.page) if found else None
