"""``สิ่งที่ส่งมาด้วย`` (enclosures) and ``อ้างถึง`` blocks, and the attachment items with quantity and unit.

>>> [(a.description, a.quantity, a.unit) for a in attachments(split_lines(
...     "สิ่งที่ส่งมาด้วย ๑. แนวทางการจัดการ จำนวน ๑ ฉบับ\\n๒. สำเนารายงานการประชุม จำนวน ๒ ชุด"))]
[('แนวทางการจัดการ', 1, 'ฉบับ'), ('สำเนารายงานการประชุม', 2, 'ชุด')]
"""

from __future__ import annotations

import re

from extractors.lines import Line, is_wrapped, join_wrapped, split_lines, typical_width, visible_length
from extractors.patterns import ATTACHMENT_HEAD, BODY_OPENER, DIGIT, HEADER_KEYWORD, NUMBERED_ITEM, arabic
from pipeline.models import Attachment, Span

__all__ = ["attachments", "block", "split_lines"]

UNITS = (
    "แผ่นซีดี", "แผ่นดิสก์", "แผ่นพับ", "ฉบับ", "ชุด", "แผ่น", "เล่ม", "หน้า", "รายการ", "แฟ้ม", "ผูก", "ม้วน",
    "กล่อง", "เครื่อง", "ชิ้น", "อัน", "ไฟล์", "รูป", "ภาพ", "ใบ", "แบบ", "ซอง", "ตลับ", "ลูก", "แผง", "คู่",
)
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
# "จำนวน ๑ ฉบับ", "(๒ ชุด)", "๓ แผ่น" at the end of an item
QUANTITY = re.compile(
    rf"[ \t]*(?:จำนวน[ \t]*)?\(?[ \t]*(?P<qty>{DIGIT}{{1,4}})[ \t]*(?P<unit>{_UNIT})(?:[ \t]*\))?[ \t]*$"
)
UNIT_ONLY = re.compile(rf"[ \t]*จำนวน[ \t]*(?P<unit>{_UNIT})[ \t]*$")  # "จำนวน ๑ ชุด" without digits is rare


def _numbered_after_blanks(lines: list[Line], index: int) -> bool:
    """A blank line inside a numbered block: the next non-blank line is the next item."""
    for line in lines[index:index + 3]:
        if not line.blank:
            return bool(NUMBERED_ITEM.match(line.text))
    return False


def block(lines: list[Line], head: re.Pattern[str]) -> tuple[int, int] | None:
    """Line range ``[first, last)`` of a header block such as ``อ้างถึง …`` or ``สิ่งที่ส่งมาด้วย …``."""
    first = next((i for i, line in enumerate(lines[:60]) if head.match(line.text)), None)
    if first is None:
        return None
    width = typical_width(lines)
    last = first + 1
    while last < len(lines):
        line = lines[last]
        if line.blank and _numbered_after_blanks(lines, last):
            last += 1
            continue
        if line.blank or HEADER_KEYWORD.match(line.text) or BODY_OPENER.match(line.text):
            break
        numbered = NUMBERED_ITEM.match(line.text)
        short = visible_length(line.text) < 0.4 * width and not QUANTITY.search(lines[last - 1].text)
        if not numbered and not is_wrapped(lines[last - 1], width) and not QUANTITY.search(line.text) and not short:
            break
        last += 1
    return first, last


def _items(lines: list[Line], first: int, last: int, column: int) -> list[tuple[list[str], Span]]:
    items: list[tuple[list[str], Span]] = []
    for i in range(first, last):
        line = lines[i]
        text, span = line.after(column if i == first else 0)
        numbered = NUMBERED_ITEM.match(text)
        if numbered or not items:
            body = text[numbered.end():] if numbered else text
            start = span.start + (numbered.end() if numbered else 0)
            items.append(([body], Span(start, span.end)))
        else:
            parts, item_span = items[-1]
            items[-1] = (parts + [text], Span(item_span.start, span.end))
    return items


# a speck read as a dot, comma, quote or bar against an item's name: ".แบบสำรวจข้อมูล", "ตารางการฝึกอบรม." (an
# abbreviation's own dot, "แบบ ก.พ.", follows one to three letters and stays)
LEAD_SPECK = re.compile(r"^[.,'|:;`]+[ \t]*")
TAIL_SPECK = re.compile(r"(?<=[ก-๙]{4})[.,'|:;`]+$")


def _description(text: str) -> str:
    """An item's name without specks at its edges: ``_description(".ตารางการฝึกอบรม.")`` -> ``"ตารางการฝึกอบรม"``;
    ``_description("แบบ ก.พ.")`` stays."""
    return TAIL_SPECK.sub("", LEAD_SPECK.sub("", text.strip())).strip()


def _parse_item(seq: int, text: str, span: Span) -> Attachment:
    match = QUANTITY.search(text)
    if match:
        return Attachment(seq, _description(text[: match.start()]), int(arabic(match["qty"])), match["unit"], span)
    return Attachment(seq, _description(text), None, "", span)


def attachments(lines: list[Line]) -> list[Attachment]:
    """Items of ``สิ่งที่ส่งมาด้วย``, numbered or single, with ``quantity``/``unit`` when printed."""
    found = block(lines, ATTACHMENT_HEAD)
    if found is None:
        return []
    first, last = found
    column = ATTACHMENT_HEAD.match(lines[first].text).end()
    result = []
    for parts, span in _items(lines, first, last, column):
        text = join_wrapped(parts)
        if text:
            result.append(_parse_item(len(result) + 1, text, span))
    return result
