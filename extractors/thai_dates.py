"""Thai dates as printed in letters -> Gregorian dates.

``find_dates("ลงวันที่ ๒๖ พ.ค. ๖๒")`` -> ``[ThaiDate(2019-05-26 '๒๖ พ.ค. ๖๒')]``

Written here rather than with pythainlp's ``thai_strptime``: that needs one fixed format per call,
raises IndexError on odd input, and ignores the pre-2484 new-year rule; letters mix formats in one
sentence, so one regex over the whole text finds them all with their spans.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from extractors.patterns import DATE, arabic, month_number
from pipeline.models import Span, ThaiDate

# B.E. years outside this range are not letters of the modern saraban era: refuse, don't guess.
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2600
_SPACES = re.compile(r"\s+")  # a date wrapped over two lines is printed text "๑๕ สิงหาคม ๒๕๖๐"
_NEW_YEAR_CHANGE_BE = 2484  # before B.E. 2484 the year began on 1 April


def to_gregorian(day: int, month: int, year: int, era: str = "") -> dt.date | None:
    """A day of a Thai calendar year -> ``datetime.date``; ``None`` if no such day.

    ``to_gregorian(26, 5, 2562) == date(2019, 5, 26)``; two-digit years are B.E. 25xx
    (``to_gregorian(15, 9, 48) == date(2005, 9, 15)``); before B.E. 2484 January–March
    belong to the next Gregorian year (``to_gregorian(1, 2, 2480) == date(1938, 2, 1)``).
    """
    era = era.replace(".", "").replace(" ", "")
    if era in ("คศ",):
        ad = year + 2000 if year < 100 else year
    else:
        be = year + 2500 if year < 100 else year
        if not MIN_BE_YEAR <= be <= MAX_BE_YEAR:
            return None
        ad = be - 543
        if be < _NEW_YEAR_CHANGE_BE and month <= 3:
            ad += 1
    try:
        return dt.date(ad, month, day)
    except ValueError:
        return None


def parse_match(match: re.Match[str], offset: int = 0) -> ThaiDate | None:
    """A ``patterns.DATE`` match -> ``ThaiDate`` (span shifted by ``offset``), or ``None``."""
    month = month_number(match["month"], last_dot_lost=True)
    if month is None:
        return None
    year = int(arabic(match["year"]).replace(" ", ""))  # a split year "๒ ๕๖๔" is one number
    date = to_gregorian(int(arabic(match["day"])), month, year, match["era"] or "")
    if date is None:
        return None
    return ThaiDate(date, _SPACES.sub(" ", match.group(0)), Span(match.start() + offset, match.end() + offset))


@lru_cache(maxsize=4)
def _matches(text: str) -> tuple[tuple[re.Match[str], ThaiDate | None], ...]:
    """Every ``DATE`` match of ``text`` with its parse: ``find_dates`` and ``invalid_dates`` ask for the same
    letter's text in turn, and the scan is the costly part."""
    return tuple((m, parse_match(m)) for m in DATE.finditer(text))


def find_dates(text: str, offset: int = 0) -> list[ThaiDate]:
    """Every valid date in ``text``, in order.

    >>> [d.date.isoformat() for d in find_dates("เมื่อวันที่ ๒๘ พฤศจิกายน ๒๕๖๑ และ 15 ก.ย. 48")]
    ['2018-11-28', '2005-09-15']
    """
    return [parsed if not offset else parse_match(m, offset) for m, parsed in _matches(text) if parsed is not None]


def invalid_dates(text: str) -> list[str]:
    """Date-shaped text that is not a real day, e.g. ``"๓๑ เมษายน ๒๕๖๒"`` (for problem rows)."""
    return [m.group(0) for m, parsed in _matches(text) if parsed is None]


def parse_date(text: str) -> ThaiDate | None:
    """The first date in ``text``: ``parse_date("๒๑ พฤษภาคม ๒๕๖๒").date == date(2019, 5, 21)``."""
    dates = find_dates(text)
    return dates[0] if dates else None
