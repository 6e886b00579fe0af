"""The signature block: title, name, position, and signing for someone else.

>>> s = signer(split_lines("ขอแสดงความนับถือ\\n(นายประมวล มุ่งมาตร)\\nรองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน\\nผู้ว่าราชการจังหวัดอ่างทอง"))
>>> (s.title, s.name, s.position, s.acting, s.acting_for)
('นาย', 'ประมวล มุ่งมาตร', 'รองผู้ว่าราชการจังหวัด', 'ปฏิบัติราชการแทน', 'ผู้ว่าราชการจังหวัดอ่างทอง')
"""

from __future__ import annotations

import re
from functools import cache

from extractors.lines import PAGE_NUMBER, Line, join_wrapped, split_lines
from extractors.patterns import CLOSING, DATE, NAME_LINE
from pipeline.models import Signer, Span

__all__ = ["signer", "split_title", "split_lines"]

# Ranks and titles, as printed (regulation appendix, army/navy/air force/police rank lists).
_TITLES = (
    # civil and honorific
    "นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "ด.ร.", "หม่อมหลวง", "หม่อมราชวงศ์", "หม่อมเจ้า", "ม.ล.", "ม.ร.ว.", "ม.จ.",
    "คุณหญิง", "ท่านผู้หญิง",
    # academic and professional
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "เกียรติคุณ", "คลินิก", "ศาสตราจารย์พิเศษ",
    "รองศาสตราจารย์พิเศษ", "ศ.", "รศ.", "ผศ.", "นายแพทย์", "แพทย์หญิง", "นพ.", "พญ.",
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
                "ทำหน้าที่แทน", "ทำการแทน", "ปฏิบัติการแทน")
ACTING = re.compile("|".join(ACTING_WORDS))
MAX_POSITION_LINES = 6  # a long position wraps in a narrow signature column
# a position cut after a word that needs a complement: "ผู้ว่าราชการจังหวัด" | "เพชรบูรณ์"
DANGLING = re.compile(r"(?:จังหวัด|อำเภอ|กรม|กระทรวง|ส่วน|เขต|แห่ง|และ|ประจำ|การ|สำนักงาน|สำนัก|กอง|ฝ่าย|กลุ่ม|งาน|ศูนย์|พื้นที่)$")
ACTING_AT_END = re.compile(r"(?:" + "|".join(ACTING_WORDS) + r")$")
HEAD_AT_END = re.compile(r"(?:อธิบดี|อธิการบดี|ปลัด|เลขาธิการ|ผู้อำนวยการ|ผู้บัญชาการ|นายก|ผู้ว่าราชการ|คณบดี|ผู้บังคับการ|หัวหน้า)$")
ORGANISATION = re.compile(r"^(?:กรม|มหาวิทยาลัย|กระทรวง|องค์การ|จังหวัด|เทศบาล|สถาบัน|โรงเรียน|คณะ|ตำรวจ|สำนักงาน)")
STAMP = re.compile(r"^[ \t]*(?:(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ|สำเนา(?:คู่ฉบับ)?)[ \t]*)+$")


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


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def _page_break(line: Line) -> bool:
    return ("\f" in line.text and not line.stripped) or bool(PAGE_NUMBER.match(line.text))


def _ends_block(line: Line) -> bool:
    return line.blank or bool(NAME_LINE.match(line.text) or DATE.match(line.stripped) or STAMP.match(line.text))


def _wraps_into(previous: str, line: str) -> bool:
    """Does a position or principal printed on ``previous`` go on in ``line``?

    Yes when ``previous`` stops on a word that needs a complement (``…ผู้ว่าราชการจังหวัด`` /
    ``เพชรบูรณ์``), when ``line`` is a bare province (``สมุทรปราการ``, ``ยโสธร เขต ๑``), or when an
    office head is followed by its organisation (``…แทนอธิบดี`` / ``กรมส่งเสริมการเกษตร``).
    """
    previous, line = previous.strip(), line.strip()
    if DANGLING.search(previous) or ACTING_AT_END.search(previous) or line.startswith("และ"):
        return True
    if line.split(" เขต")[0] in _province_names():
        return True
    return bool(HEAD_AT_END.search(previous) and ORGANISATION.match(line))


def _position_lines(lines: list[Line], first: int) -> list[Line]:
    """Lines after the name that belong to the position (and the principal signed for).

    When the signature block is indented (it stands right of centre in print), a line back at the
    left margin is the contact block. Without indentation (plain text, Word without tabs) a line
    belongs only if the line above wraps into it (``_wraps_into``) or it holds an acting phrase.
    """
    indented = first > 0 and _indent(lines[first - 1]) >= 10
    block: list[Line] = []
    for line in lines[first : first + MAX_POSITION_LINES + 2]:
        if _page_break(line):
            continue  # the block goes on over a page break
        if len(block) == MAX_POSITION_LINES or _ends_block(line):
            break
        if indented and _indent(line) < 4:
            break
        if not indented and block and not (ACTING.search(line.text) or _wraps_into(block[-1].text, line.text)):
            break
        block.append(line)
    return block


@cache
def _province_names() -> frozenset[str]:
    from extractors.ref_numbers import agency_table

    return frozenset(row["name_th"] for row in agency_table().values() if row["kind"] == "province")


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
