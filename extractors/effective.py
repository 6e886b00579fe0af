"""When a rule takes effect, and the role of every other date in a letter.

>>> e = effective("โดยกำหนดให้ใช้หลักเกณฑ์ใหม่ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๑ เป็นต้นไป", 0)
>>> (e.date.date.isoformat(), e.date.text)
('2018-12-01', '๑ ธันวาคม ๒๕๖๑')
>>> effective("ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป", 0).relative
'วันถัดจากวันประกาศในราชกิจจานุเบกษา'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.patterns import DATE
from extractors.thai_dates import parse_match
from pipeline.models import Span, ThaiDate

# "ตั้งแต่วันที่ ", "ตั้งแต่ ", "ตั้งแต่วัน\nที่ ", "นับแต่วันที่ ", "นับตั้งแต่วันที่ "
SINCE = re.compile(r"(?:ตั้งแต่|นับแต่)[ \t\n]*(?:วัน[ \t]*\n?[ \t]*ที่[ \t\n]*)?")
ONWARD = re.compile(r"^[ \t\n]*(?:เป็นต้นไป)")  # "เป็นต้นไป" right after the date
UNTIL = re.compile(r"^[ \t\n]*(?:ถึง|จนถึง|–|-|ไปจนถึง)")  # a range, not a start
# words before ตั้งแต่ that make it a rule taking effect: "มีผลใช้บังคับ", "ทั้งนี้", "ให้ใช้…"
IN_FORCE = re.compile(r"(?:มีผล|บังคับ|ทั้งนี้|ให้ใช้|ใช้หลักเกณฑ์|ถือปฏิบัติ|เริ่มใช้|ยกเลิก)(?:[^\n]|\n(?!\n)){0,40}$")
RELATIVE = re.compile(
    r"(?:ตั้งแต่|นับแต่)[ \t]*(?P<rule>(?:วันถัดจากวัน|วันที่ลงนาม|วันที่ประกาศ|วันประกาศ|บัดนี้|วันที่ออกคำสั่ง)[^\n]{0,60}?)"
    r"[ \t]*เป็นต้นไป"
)
THEREFORE = re.compile(r"ทั้งนี้[ \t\n]*$")  # "ทั้งนี้ ตั้งแต่วันที่ …": the order's own term
CITED_BEFORE = re.compile(r"(?:ลง[ \t]*\n?[ \t]*วัน(?:[ \t]*\n?[ \t]*ที่)?|ลว\.?)[ \t\n]*$")
MEETING = re.compile(r"ประชุม(?:[^\n]|\n(?!\n)){0,55}$")  # a wrapped line may fall between
DEADLINE = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน|ไม่ช้ากว่า|อย่างช้า(?:[ \t]*(?:ใน|ภายใน))?|ให้ทัน(?:ภายใน)?|ให้แล้วเสร็จ(?:ภายใน)?)"
                      r"[ \t\n]*(?:วัน(?:[ \t\n]*ที่)?)?[ \t\n]*$")
# "เมื่อวันที่ ๑๘ พฤษภาคม ๒๕๖๗ คณะกรรมการได้ประชุม…": the meeting named after its date
WHEN_BEFORE = re.compile(r"เมื่อ[ \t\n]*(?:วัน(?:[ \t\n]*ที่)?)?[ \t\n]*$")
MEETING_AFTER = re.compile(r"(?:(?!ว่า|ขอ)[^\n]|\n(?!\n)){0,35}?(?:ได้|ใน)?(?:ที่)?ประชุม")  # not "…แจ้งว่า ขอให้จัดประชุม"


@dataclass(frozen=True, slots=True)
class Effective:
    """A dated rule (``date``) or a relative one kept as printed (``relative``, ``span``)."""

    date: ThaiDate | None
    relative: str = ""
    span: Span | None = None


def _dated(text: str, offset: int) -> list[tuple[int, ThaiDate]]:
    """(strength, date) for every ``ตั้งแต่วันที่ <date>`` that starts a rule, not a range."""
    found = []
    for since in SINCE.finditer(text):
        match = DATE.match(text, since.end())
        date = parse_match(match, offset) if match else None
        if date is None:
            continue
        tail = text[match.end() : match.end() + 20]
        if UNTIL.match(tail):
            if THEREFORE.search(text[max(0, since.start() - 12) : since.start()]):
                found.append((2, date.with_role("effective")))  # "ทั้งนี้ ตั้งแต่วันที่ ๑ … ถึงวันที่ …": in force from
            continue
        onward = bool(ONWARD.match(tail))
        in_force = bool(IN_FORCE.search(text[max(0, since.start() - 60) : since.start()]))
        if onward or in_force:
            found.append((int(onward) + int(in_force), date.with_role("effective")))
    return found


def effective(text: str, offset: int) -> Effective | None:
    """The date from which the letter's rule applies; ``None`` when the text gives none.

    The strongest phrasing wins (``ตั้งแต่วันที่ … เป็นต้นไป`` after ``มีผล``/``ทั้งนี้``), then the first.
    A relative start (``ตั้งแต่วันถัดจากวันประกาศ…``) is returned as text, never turned into a date.
    """
    dated = _dated(text, offset)
    relative = RELATIVE.search(text)
    if dated:
        best = max(dated, key=lambda item: (item[0], -item[1].span.start))
        if relative is None or best[1].span.start - offset < relative.start() or best[0] == 2:
            return Effective(best[1])
    if relative:
        rule = relative["rule"].strip()
        return Effective(None, rule, Span(offset + relative.start("rule"), offset + relative.start("rule") + len(rule)))
    return None


def date_role(text: str, start: int) -> str:
    """Role of a date found at ``start`` of ``text`` from the words before it: cited, meeting,
    deadline or other (the document and effective dates are known from their own rules)."""
    before = text[max(0, start - 60) : start]
    if CITED_BEFORE.search(before):
        return "cited"  # "ลงวันที่ …" dates a letter, even one cited twice and counted once
    if DEADLINE.search(before):
        return "deadline"
    if MEETING.search(before):
        return "meeting"
    if WHEN_BEFORE.search(before):
        date = DATE.match(text, start)
        if date and MEETING_AFTER.match(text, date.end()):
            return "meeting"
    return "other"
