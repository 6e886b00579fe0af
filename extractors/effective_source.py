"""How an effective date is obtained: printed, the issue date, or derived from the Gazette publication.

"ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป" becomes a date only where the
publication date is printed on the document (the Gazette running head or foot): the next day.
"ตั้งแต่บัดนี้เป็นต้นไป" and "ตั้งแต่วันที่ประกาศเป็นต้นไป" are the issue date. Anything else stays text.

>>> import datetime as dt
>>> from pipeline.models import Span, ThaiDate
>>> pub = ThaiDate(dt.date(2023, 3, 20), "๒๐ มีนาคม ๒๕๖๖", Span(0, 15))
>>> d, how = resolve("วันถัดจากวันประกาศในราชกิจจานุเบกษา", Span(40, 75), None, pub)
>>> (d.date.isoformat(), how)
('2023-03-21', 'derived_from_publication')
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.models import Span, ThaiDate

IN_GAZETTE = re.compile(r"ราชกิจจา")
NEXT_DAY = re.compile(r"^วันถัดจากวัน(?:ที่)?ประกาศ")  # "วันถัดจากวันประกาศในราชกิจจานุเบกษา"
SAME_DAY = re.compile(r"^วัน(?:ที่)?ประกาศ")  # "วันประกาศในราชกิจจานุเบกษา" / "วันที่ประกาศ"
NOW = re.compile(r"^(?:บัดนี้|วันที่ลงนาม|วันที่ออกคำสั่ง)")  # "ตั้งแต่บัดนี้เป็นต้นไป"


def resolve(rule: str, span: Span | None, issued: ThaiDate | None,
            published: ThaiDate | None) -> tuple[ThaiDate | None, str]:
    """The date a relative rule names and how it was obtained; ``(None, "")`` when the text cannot say."""
    where = span or Span(0, 0)
    if NEXT_DAY.match(rule):
        if IN_GAZETTE.search(rule) and published:
            return ThaiDate(published.date + dt.timedelta(days=1), rule, where, "effective"), "derived_from_publication"
        return None, ""
    if SAME_DAY.match(rule):
        if IN_GAZETTE.search(rule):
            return (ThaiDate(published.date, rule, where, "effective"), "derived_from_publication") if published else (None, "")
        return (ThaiDate(issued.date, rule, where, "effective"), "issue_date") if issued else (None, "")
    if NOW.match(rule) and issued:
        return ThaiDate(issued.date, rule, where, "effective"), "issue_date"
    return None, ""
