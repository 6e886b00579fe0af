"""A receipt stamp's number, date and time, read from the stamp's text (never from the letter's).

>>> r = receipt("กองนโยบายและแผน เลขที่รับ ๑๖๒๖ วันที่ ๑ ก.ย. ๖๕ เวลา ๑๕.๔๑ น.")
>>> r.number, r.date.date.isoformat(), r.time
('1626', '2022-09-01', '15.41')
>>> receipt("คณะวิทยาศาสตร์ เลขวับ. วันท . 116กฎ 0").number   # a number OCR could not read stays empty
''

Each part is read only where the stamp's row says what it is: the number after ``เลขรับ`` (or
``เลขที่รับ``, ``รับที่``), the date after ``วันที่``, the time after ``เวลา``; a row OCR damaged
beyond that is left empty, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.patterns import arabic
from extractors.thai_dates import find_dates
from pipeline.models import ThaiDate

NUMBER = re.compile(r"(?:เลข\S{0,4}[รว]ับ|[รว]ับที่)[ .…:]*(?P<num>[0-9๐-๙]{1,6})(?:/(?P<year>[0-9๐-๙]{2,4}))?(?![0-9๐-๙])")
DATE_ROW = re.compile(r"วันที่[ .…:]*(?P<rest>.{4,40}?)(?=เวลา|ผู้รับ|$)")
TIME = re.compile(r"เวลา[ .…:]*(?P<h>[0-9๐-๙]{1,2})[.:](?P<m>[0-9๐-๙]{2})(?![0-9๐-๙])")


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt stamp says: ``Receipt(number="1626", date=ThaiDate(2022-09-01), time="15.41")``."""

    number: str = ""  # Arabic digits; "" when it cannot be read
    date: ThaiDate | None = None
    time: str = ""  # "15.41"


def receipt(text: str) -> Receipt:
    """The number, date and time of a receipt stamp's text (see the module docstring)."""
    number = NUMBER.search(text)
    row = DATE_ROW.search(text)
    dates = find_dates(row["rest"]) if row else []
    time = TIME.search(text)
    hour_minute = f"{int(arabic(time['h'])):02d}.{arabic(time['m'])}" if time else ""
    if hour_minute and not (int(hour_minute[:2]) < 24 and int(hour_minute[3:]) < 60):
        hour_minute = ""
    return Receipt(arabic(number["num"]) if number else "", dates[0] if dates else None, hour_minute)
