"""Thai digits, Buddhist-era dates as letters print them, and wrapping Thai text by visible width.

>>> thai_digits("0810.5/ว 1234")
'๐๘๑๐.๕/ว ๑๒๓๔'
>>> import datetime as dt
>>> date_text(dt.date(2023, 6, 14), "full", "thai", era=True)
'๑๔ มิถุนายน พ.ศ. ๒๕๖๖'
>>> date_text(dt.date(2022, 9, 15), "abbr", "arabic", short_year=True)
'15 ก.ย. 65'
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

FULL_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
ABBR_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def thai_digits(text: str) -> str:
    """Arabic digits to Thai: ``thai_digits("2566") == "๒๕๖๖"``."""
    return text.translate(_TO_THAI)


def digits(text: str, style: str) -> str:
    """Every digit of ``text`` in the letter's style, ``"thai"`` or ``"arabic"``:
    ``digits("เขต ๑ โทร. 0 5471", "arabic") == "เขต 1 โทร. 0 5471"``."""
    return thai_digits(text) if style == "thai" else text.translate(_TO_ARABIC)


def be_year(day: dt.date) -> int:
    """Buddhist-era year of a modern date: ``be_year(date(2023, 1, 5)) == 2566``."""
    return day.year + 543


def date_text(day: dt.date, months: str = "full", style: str = "thai", *, era: bool = False,
              short_year: bool = False) -> str:
    """A date as printed: ``"๒๖ พฤษภาคม ๒๕๖๒"``, ``"๒๖ พ.ค. ๖๒"``, ``"1 ธันวาคม พ.ศ. 2561"``."""
    month = (FULL_MONTHS if months == "full" else ABBR_MONTHS)[day.month - 1]
    year = be_year(day)
    year_text = f"{year % 100:02d}" if short_year else str(year)
    era_text = "พ.ศ. " if era else ""
    return digits(f"{day.day} {month} {era_text}{year_text}", style)


def visible_width(text: str) -> int:
    """Columns a line takes on screen: Thai vowels and tone marks above/below take none.

    >>> visible_width("ที่นี่")
    2
    """
    return sum(0 if unicodedata.combining(c) or c in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48"
               "\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e" else 1 for c in text)


_NUMBERISH = set("0123456789๐๑๒๓๔๕๖๗๘๙/.")


@cache
def _words(text: str) -> tuple[str, ...]:
    """Words, with a number such as ``๖/๒๕๖๓`` or ``๐๘๑๐.๕`` kept whole (a typist never breaks one)."""
    from pythainlp.tokenize import word_tokenize

    words: list[str] = []
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if words and words[-1] and word and words[-1][-1] in _NUMBERISH and word[0] in _NUMBERISH:
            words[-1] += word
        else:
            words.append(word)
    return tuple(words)


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Thai text broken at word boundaries into lines of at most ``width`` visible columns
    (the first line ``first_width``); a space at a break is dropped.

    >>> wrap("ขอเชิญประชุมคณะกรรมการบริหารงานบุคคล", 12)
    ['ขอเชิญประชุม', 'คณะกรรม', 'การบริหารงานบุคคล']
    """
    lines: list[str] = []
    current = ""
    limit = first_width if first_width is not None else width
    for word in _words(text):
        if current and visible_width(current + word) > limit:
            lines.append(current.rstrip())
            current = "" if word.isspace() else word
            limit = width
        else:
            current += word
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]

