"""The signature block: title, name, position, and signing for someone else.

>>> s = signer(split_lines("ขอแสดงความนับถือ\\n(นายประมวล มุ่งมาตร)\\nรองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน\\nผู้ว่าราชการจังหวัดอ่างทอง"))
>>> (s.title, s.name, s.position, s.acting, s.acting_for)
('นาย', 'ประมวล มุ่งมาตร', 'รองผู้ว่าราชการจังหวัด', 'ปฏิบัติราชการแทน', 'ผู้ว่าราชการจังหวัดอ่างทอง')
"""

from __future__ import annotations

import re

from extractors.lines import Line, join_wrapped, split_lines
from extractors.patterns import CLOSING, DATE, NAME_LINE
from pipeline.models import Signer, Span

__all__ = ["signer", "split_title", "split_lines"]

# Ranks and titles, as printed (regulation appendix, army/navy/air force/police rank lists).
_TITLES = (
    # civil and honorific
    "นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "ด.ร.", "หม่อมหลวง", "หม่อมราชวงศ์", "หม่อมเจ้า", "ม.ล.", "ม.ร.ว.", "ม.จ.",
    "คุณหญิง", "ท่านผู้หญิง",
    # academic and professional
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "ศ.", "รศ.", "ผศ.", "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ.",
    "ทันตแพทย์", "ทันตแพทย์หญิง", "ทพ.", "ทพญ.", "เภสัชกร", "เภสัชกรหญิง", "ภก.", "ภญ.",
    # army, navy, air force (abbreviated, longest first by sorting below)
    "พล.อ.", "พล.ท.", "พล.ต.", "พล.จ.", "พ.อ.(พิเศษ)", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.", "รต.",
    "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.", "พลฯ", "พล.ร.อ.", "พล.ร.ท.", "พล.ร.ต.", "น.อ.", "น.ท.",
    "น.ต.", "พ.จ.อ.", "พ.จ.ท.", "พ.จ.ต.", "จ.อ.", "จ.ท.", "จ.ต.", "พล.อ.อ.", "พล.อ.ท.", "พล.อ.ต.", "พล.อ.จ.",
    # police
    "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ด.ต.", "จ.ส.ต.",
    "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.",
    # ranks in full
    "พลเอก", "พลโท", "พลตรี", "พันเอก", "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี", "จ่าสิบเอก", "จ่าสิบโท",
    "จ่าสิบตรี", "สิบเอก", "สิบโท", "สิบตรี", "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "นาวาเอก", "นาวาโท", "นาวาตรี",
    "เรือเอก", "เรือโท", "เรือตรี", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี", "นาวาอากาศเอก", "นาวาอากาศโท",
    "นาวาอากาศตรี", "เรืออากาศเอก", "เรืออากาศโท", "เรืออากาศตรี", "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี",
    "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี", "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "ดาบตำรวจ",
)
_ESCAPED = sorted((re.escape(t).replace(r"\.", r"\.[ \t]?") for t in _TITLES), key=len, reverse=True)
# one title token, optionally "ว่าที่" before it and "หญิง" after it: "ว่าที่ ร.ต.หญิง", "ร.ต.อ.หญิง"
TITLE_TOKEN = re.compile(rf"(?:ว่าที่[ \t]?)?(?:{'|'.join(_ESCAPED)})(?:[ \t]?หญิง)?[ \t]*")

ACTING_WORDS = ("ปฏิบัติราชการแทน", "รักษาราชการแทน", "รักษาการในตำแหน่ง", "รักษาการแทน", "ปฏิบัติหน้าที่แทน",
                "ทำการแทน", "ปฏิบัติการแทน")
ACTING = re.compile("|".join(ACTING_WORDS))
# lines that start the contact block or a copy list, never a position
CONTACT = re.compile(
    r"^[ \t]*(?:สำนัก|กอง[ก-๙]|กลุ่ม|ฝ่าย|งาน|ส่วน(?!ราชการ)|ศูนย์|โทร|โทรสาร|ไปรษณีย์|E-?mail|อีเมล|สำเนาส่ง|"
    r"หมายเหตุ|www\.|http|ที่[ \t]|บันทึกข้อความ|เรียน)",
    re.I,
)
MAX_POSITION_LINES = 4


def split_title(name: str) -> tuple[str, str]:
    """``split_title("ว่าที่ร้อยตรีสมชาย ใจดี") == ("ว่าที่ร้อยตรี", "สมชาย ใจดี")``; titles may stack (ผศ.ดร.)."""
    pos = 0
    while True:
        match = TITLE_TOKEN.match(name, pos)
        if not match or match.end() >= len(name.rstrip()):
            break
        pos = match.end()
    return name[:pos].strip(), name[pos:].strip()


def _name_line(lines: list[Line]) -> int | None:
    closing = next((i for i, line in enumerate(lines) if CLOSING.match(line.text)), None)
    names = [i for i, line in enumerate(lines) if NAME_LINE.match(line.text)]
    if closing is not None:
        after = [i for i in names if i > closing]
        if after:
            return after[0]
    return names[-1] if names else None


def _position_lines(lines: list[Line], first: int) -> list[Line]:
    block: list[Line] = []
    for line in lines[first : first + MAX_POSITION_LINES]:
        if line.blank or NAME_LINE.match(line.text) or DATE.match(line.stripped):
            break
        dangling_acting = bool(block) and ACTING.search(block[-1].text) and not ACTING.split(block[-1].text)[-1].strip()
        if CONTACT.match(line.text) and not dangling_acting:
            break
        block.append(line)
    return block


def signer(lines: list[Line]) -> Signer:
    """The signer of a letter from its lines; empty fields where the letter does not say."""
    i = _name_line(lines)
    if i is None:
        return Signer()
    name_match = NAME_LINE.match(lines[i].text)
    title, name = split_title(name_match["name"].strip())
    block = _position_lines(lines, i + 1)
    joined = join_wrapped([line.stripped for line in block])
    position, acting, acting_for = joined, "", ""
    act = ACTING.search(joined)
    if act:
        position = joined[: act.start()].strip()
        acting = act.group(0)
        acting_for = joined[act.end():].strip()
    end = block[-1].span.end if block else lines[i].span.end
    return Signer(title, name, position, acting, acting_for, Span(lines[i].span.start, end))
