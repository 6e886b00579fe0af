"""The signature block: title, name, position, and signing for someone else.

>>> s = signer(split_lines("ขอแสดงความนับถือ\\n(นายประมวล มุ่งมาตร)\\nรองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน\\nผู้ว่าราชการจังหวัดอ่างทอง"))
>>> (s.title, s.name, s.position, s.acting, s.acting_for)
('นาย', 'ประมวล มุ่งมาตร', 'รองผู้ว่าราชการจังหวัด', 'ปฏิบัติราชการแทน', 'ผู้ว่าราชการจังหวัดอ่างทอง')
"""

from __future__ import annotations

import re
from functools import cache

from extractors.lines import PAGE_NUMBER, Line, join_wrapped, split_lines
from extractors.patterns import CLOSING, DATE, LEADING_SPECK, NAME_LINE
from pipeline.models import Signer, Span

__all__ = ["signer", "split_title", "split_lines", "unsupported"]

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
# OCR's forms of an acting phrase: letters spaced apart (``ปฏิบัติรา ชการแทน``, ``ปฏิ บัติราชการแทน``) and บ of
# ปฏิบัติ read as its look-alike ว (``ปฏิวัติราชการแทน``: the word for a revolution, never in a signature)
_LOOK_ALIKE = {"บ": "[บว]"}
_ACTING_FORMS = tuple((word, " ?".join(_LOOK_ALIKE.get(c, re.escape(c)) for c in word))
                      for word in sorted(ACTING_WORDS, key=len, reverse=True))
ACTING_SPACED = re.compile("|".join(f"(?:{form})" for _, form in _ACTING_FORMS))
MAX_POSITION_LINES = 8  # a long position wraps in a narrow signature column: with an acting line and the
# principal, centred, seven lines (รองผู้อำนวยการสำนักงาน / เขตพื้นที่การศึกษาประถมศึกษา / สมุทรปราการ เขต ๓ รักษาราชการ / แทน / …)
# a position cut after a word that needs a complement: "ผู้ว่าราชการจังหวัด" | "เพชรบูรณ์"
DANGLING = re.compile(r"(?:จังหวัด|อำเภอ|กรม|กระทรวง|ส่วน|เขต|แห่ง|และ|ประจำ|การ|สำนักงาน|สำนัก|กอง|ฝ่าย|กลุ่ม|งาน|ศูนย์|พื้นที่)$")
ACTING_AT_END = re.compile(r"(?:" + "|".join(ACTING_WORDS) + r")$")
HEAD_AT_END = re.compile(r"(?:อธิบดี|อธิการบดี|ปลัด|เลขาธิการ|ผู้อำนวยการ|ผู้บัญชาการ|นายก|ผู้ว่าราชการ|คณบดี|ผู้บังคับการ|หัวหน้า)$")
# a position line under an indented name that starts back at the margin because it is wider than the
# signature column ("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสตูล เขต"): it opens with an office's head,
# where a contact block opens with its unit (กลุ่ม…, ฝ่าย…, งาน…)
WIDE_POSITION = re.compile(r"^(?:รอง|ผู้อำนวยการ|ผู้ว่าราชการ|ผู้บังคับการ|ผู้บัญชาการ|ผู้กำกับการ|อธิบดี|อธิการบดี|ปลัด|นายก|คณบดี"
                           r"|หัวหน้า|เลขาธิการ|ประธาน)[ก-๙]{6,}")
# the first line of a position, where the name above it was lost under a signature or read as specks: an
# office's head or a rank of a post ("ปลัดจังหวัดราชบุรี ปฏิบัติราชการแทน", "คณบดีคณะวิทยาการจัดการ", "อาจารย์หัวหน้าโครงการ")
POSITION_HEAD = re.compile(r"^(?:รอง|ผู้อำนวยการ|ผู้ว่าราชการ|ผู้บังคับการ|ผู้บัญชาการ|ผู้กำกับการ|อธิบดี|อธิการบดี|ปลัด|นายก|คณบดี"
                           r"|หัวหน้า|เลขาธิการ|ประธาน|นายอำเภอ|อาจารย์|ผู้ช่วย|ผู้จัดการ|นักวิชาการ"
                           r"|นายแพทย์(?=ชำนาญการ|เชี่ยวชาญ|ทรงคุณวุฒิ|สาธารณสุข))[ก-๙]{2,}")
# a post's field in brackets under it: "(ด้านเวชกรรมป้องกัน)", never a person's name
SPECIALTY = re.compile(r"^[ \t]*\(ด้าน[ก-๙ ]{3,60}\)[ \t]*$")
ZONE = re.compile(r"เขต[ \t]*[0-9๐-๙]{1,2}(?![0-9๐-๙])")  # an office's zone number in a position: "… เขต ๒"
NAMELESS_GAP = 3  # lines of text (a lost name's remains, a stroke) at most between the body's end and such a position
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


# The body's last words before the signature: the closing, "จึงเรียนมาเพื่อ…", an instrument's "ประกาศ ณ วันที่".
BODY_END = re.compile(r"^[ \t]*" + LEADING_SPECK + r"(?:จึงเรียนมา|จึงประกาศ|จึงขอประกาศ|จึงแจ้ง|(?:สั่ง|ประกาศ|ให้ไว้)[ \t]*ณ[ \t]*วันที่)")
CERTIFIED = re.compile(r"สำเนาถูกต้อง")  # a certified copy's "สำเนาถูกต้อง" / (name) / position: not the signer
# Handwritten minutes (เกษียณหนังสือ) begin with an address or an instruction: "เรียน ผอ.", "๑. เพื่อโปรดทราบ",
# "ทราบ", "มอบ …", "ดำเนินการ", "อนุมัติ", "เห็นควร…"; up to three OCR specks may stand before the word.
MINUTES = re.compile(
    r"^[ \t]*[^ก-ฮ\n]{0,3}[ \t]*(?:[0-9๐-๙][ \t]*[.)][ \t]*)?"
    r"(?:เรียน|ทราบ|มอบ|ดำเนินการ|เพื่อ(?:โปรด|ทราบ|พิจารณา|ดำเนินการ|แจ้ง|ลงนาม)|อนุมัติ|อนุญาต|เห็นควร|เห็นสมควร|ชอบ|แจ้ง[ \t]|ลงนามแล้ว)"
)


def is_minute(text: str) -> bool:
    """``MINUTES.match(text)``, with the line's indentation taken off first: the pattern's
    ``[ \\t]*[^ก-ฮ\\n]{0,3}[ \\t]*`` tries every split of a long indent (9 µs on a signature line indented by
    eight spaces, 0.5 µs stripped), and it matches the stripped line exactly when it matches the line.

    >>> is_minute("        ๑. เพื่อโปรดทราบ"), is_minute("        (นายสมชาย ใจดี)")
    (True, False)
    """
    return MINUTES.match(text.lstrip(" \t")) is not None


# a name line a signature ran across: "(" lost under the stroke, "/'นายจิรพงษ์ ไชยยศ)" or "…จป (ผศ.สมชาย ใจดี)";
# "(" read as เ before a title ("เนางวรรณภา สายบุญ)"); a speck or two after ")" (". (นายวรวุฒิ ดวงแก้ว) .",
# "(นางสาวธีดารัตน์ ปัญญาดี) ก.")
TAIL_NAME = re.compile(
    rf"[ \t]*(?:เ(?={TITLE_TOKEN.pattern})|[(/'\"|]{{0,2}})(?P<name>[ก-๙][^()\n0-9๐-๙/|\"']{{1,59}}[ก-๙])\)"
    r"(?:[ \t]*[^\s()ก-๙]{1,2}|[ \t]+[ก-ฮ]{1,2}\.?)?[ \t]*$")
# where a signer's name was printed but cannot be read: "(ผู้ช่วยศาสตราจารย ดร.วลลภ ทา" or "พงษ์อินทร์วงศ์)"
BROKEN_NAME = re.compile(r"^[ \t]*(?:\([ \t]*[ก-๙]|[ก-๙.]{3,}(?:[ \t][ก-๙.]{2,})?\)[ \t]*$)")
COLUMN_GAP = re.compile(r"[ \t]{3,}")
SPECKS_ONLY = re.compile(r"^[ \t]*[^\sก-๙0-9๐-๙A-Za-z]{1,3}[ \t]*$")  # "=", "-", "|" alone on a line
# a signature's stroke read as letters, digits and symbols glued together ("๕ค๑ ณ<", "ป ส๕ส ๑๕๒"): no word of three
# letters in it, and a letter against a digit or a symbol no position prints
STROKE_GLUE = re.compile(r"[ก-ฮ][๐-๙0-9<>@#$%^&*!?=+~]|[๐-๙0-9<>@#$%^&*!?=+~][ก-ฮ]")
THAI_RUN = re.compile(r"[ก-ฮะ-ฺเ-๎]+")
# Thai glued to Arabic digits or Latin letters, twice or more: a stroke read as text ("กรน1 ๓ 5๕o ภาฬ 1 ดนห 5วะวว"),
# never a printed position (its zone stands apart: "เขต 1")
GLUED = re.compile(r"[ก-๙][0-9A-Za-z]|[0-9A-Za-z][ก-ฮ]")
LONE_LETTER_AT_END = re.compile(r"(?:[ \t]+[ก-ฮ])+$")  # no position ends in a consonant standing alone
NAME_ECHO = re.compile(r"(?P<tail>[ก-ฮะ-ฺเ-๎]{3,})\)")  # "เ@' คำแสน)๘": the name's end read again under it
# symbols no printed position carries: "…ขอนแก่น เขต ! รักษาราชการแท%" is a scan's damage, not a position
DAMAGED = re.compile(r"[!%@#*|\[\]{}~^\\=+<>?“”\"':;]|(?<![^ ])-(?![^ ])")  # also "จิงญ่: ปล ว - อธิการบดี…"


def _person(name: str) -> bool:
    """Is a parenthesised text a person's name? ``(นายสาทิตย์ วงศ์หนองเตย)`` yes, ``(บาท/เดือน)`` (a table's
    unit) and ``(ร้อยละ)`` no: a name carries a title, or a given name and a surname, and no ``/``."""
    title, rest = split_title(name.strip())
    words = rest.split()
    thai = sum(1 for c in rest if "\u0e01" <= c <= "\u0e4e")
    if "/" in name or not words or len(words) > 5 or thai < 0.7 * len(rest.replace(" ", "")):
        return False  # a unit, a fraction, a table's note; OCR specks in a name are tolerated
    if "." in rest:
        return False  # a title OCR misread ("ผศ.ตร.กนกวรรณ": ดร. as ตร.) would be taken for the given name
    return bool(title) or len(words) >= 2


def _tail_name(line: Line) -> re.Match | None:
    """A titled name in parentheses at the end of a line, with a signature stroke or a margin note before it."""
    match = TAIL_NAME.search(line.text)
    if not match or NAME_LINE.match(line.text):
        return None
    name = match["name"].strip()
    title, _ = split_title(name)
    return match if title and _person(name) and TITLE_TOKEN.match(name) else None


def _previous_texts(lines: list[Line], i: int, n: int) -> list[Line]:
    return [x for x in reversed(lines[max(0, i - 2 * n) : i]) if not x.blank][:n]


def _certified(lines: list[Line], i: int) -> bool:
    """Is the name at ``i`` the one under a certified copy's ``สำเนาถูกต้อง``?"""
    return any(CERTIFIED.search(x.text) for x in _previous_texts(lines, i, 3))


def _has_position(lines: list[Line], i: int) -> bool:
    following = next((x for x in lines[i + 1 : i + 3] if not x.blank), None)
    return following is not None and bool(re.search(r"[ก-๙]{3}", following.text)) and not (
        NAME_LINE.match(following.text) or CERTIFIED.search(following.text) or is_minute(following.text)
        or BROKEN_NAME.match(following.text))


def _body_end(lines: list[Line]) -> int | None:
    closing = next((i for i, line in enumerate(lines) if CLOSING.match(line.text)), None)
    if closing is not None:
        return closing
    ends = [i for i, line in enumerate(lines) if BODY_END.match(line.text)]
    return ends[-1] if ends else None


def _name_like(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    return bool(NAME_LINE.match(text) or _tail_name(lines[i]) or BROKEN_NAME.match(text))


def _candidate(lines: list[Line], i: int) -> bool:
    """A readable person's name alone in parentheses, not a certified copy's, with a position line after it."""
    match = NAME_LINE.match(lines[i].text)
    return bool(match) and _person(match["name"]) and not _certified(lines, i) and _has_position(lines, i)


def _name_line(lines: list[Line]) -> int | None:
    """The line of the signer's name.

    After the body's end (the closing, or ``จึงเรียนมาเพื่อ…`` where there is none), the first line that
    holds a name is the signer's: when it cannot be read, nothing later is taken, for what follows the
    letter's signature is handwritten minutes (``เรียน …``, ``ทราบ``) with their own names, or a
    certified copy's. Without a body end, the last readable name with a position line under it that
    no minutes and no ``สำเนาถูกต้อง`` precede.
    """
    end = _body_end(lines)
    if end is not None:
        for i in range(end + 1, len(lines)):
            if CERTIFIED.search(lines[i].text):
                return None
            if SPECIALTY.match(lines[i].text):
                continue
            match = NAME_LINE.match(lines[i].text) or _tail_name(lines[i])
            if match:
                return i if _person(match["name"]) and not _certified(lines, i) else None
            if BROKEN_NAME.match(lines[i].text) and _has_position(lines, i):
                return None  # the signer's block, its name unreadable: what follows is not the letter's
        return None
    names = [i for i in range(len(lines)) if _candidate(lines, i)
             and not any(is_minute(x.text) for x in _previous_texts(lines, i, 4))]
    return names[-1] if names else None


def unsupported(lines: list[Line]) -> str:
    """Why a letter that shows a signature holds no signer: ``''`` when it has one or shows none.

    >>> unsupported(split_lines("จึงเรียนมาเพื่อโปรดพิจารณา\\n(ผู้ช่วยศาสตราจารย ดร.วลลภ ทา\\nอาจารย์หัวหน้าโครงการ"))
    'the name under the signature cannot be read: (ผู้ช่วยศาสตราจารย ดร.วลลภ ทา'
    """
    if _name_line(lines) is not None:
        return ""
    end = _body_end(lines)
    for i in range(len(lines) if end is None else end + 1, len(lines)):
        if CERTIFIED.search(lines[i].text):
            break
        if _name_like(lines, i):
            return f"the name under the signature cannot be read: {lines[i].stripped[:80]}"
    return ""


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def _page_break(line: Line) -> bool:
    return ("\f" in line.text and not line.stripped) or bool(PAGE_NUMBER.match(line.text))


def _ends_block(line: Line) -> bool:
    return line.blank or bool(NAME_LINE.match(line.text) or DATE.match(line.stripped) or STAMP.match(line.text)
                              or CERTIFIED.search(line.text))


def _wraps_into(previous: str, line: str) -> bool:
    """Does a position or principal printed on ``previous`` go on in ``line``?

    Yes when ``previous`` stops on a word that needs a complement (``…ผู้ว่าราชการจังหวัด`` /
    ``เพชรบูรณ์``), when ``line`` is a bare province (``สมุทรปราการ``, ``ยโสธร เขต ๑``, ``จังหวัดยโสธร``), or when an
    office head is followed by its organisation (``…แทนอธิบดี`` / ``กรมส่งเสริมการเกษตร``).
    """
    previous, line = previous.strip(), line.strip()
    if _bare_province(line):
        return True
    if _ends_with_province(previous):  # a province ends a position: สมุทรปราการ is no …การ, นครนายก no …นายก
        return bool(ACTING_AT_END.search(previous)) or line.startswith("และ")
    if DANGLING.search(previous) or ACTING_AT_END.search(previous) or line.startswith("และ"):
        return True
    return bool(HEAD_AT_END.search(previous) and ORGANISATION.match(line))


def _ends_with_province(text: str) -> bool:
    """Does ``text`` end with a province's name (``…จังหวัดนครนายก``, ``นครนายก``)?"""
    return any(text.endswith(name) for name in _province_names())


def _bare_province(line: str) -> bool:
    """A line holding a province and nothing more: ``ยโสธร``, ``ยโสธร เขต ๑``, ``จังหวัดยโสธร`` (the rest of
    ``รองผู้บังคับการตำรวจภูธร`` / ``จังหวัดยโสธร``), or the office's zone alone: ``เขต ๑``."""
    if ZONE.fullmatch(line.strip()):
        return True  # the zone alone: "…อุตรดิตถ์" / "เขต ๑"
    return line.split(" เขต")[0].removeprefix("จังหวัด").strip() in _province_names()


# a position that cannot stop here: "…ผู้ว่าราชการจังหวัด" / "เพชรบูรณ์" (not "…กองแผนงาน", whole as it is)
CUT_SHORT = re.compile(r"(?:จังหวัด|อำเภอ|กรม|กระทรวง|แห่ง|และ|ประจำ|เขต|สำนักงาน|เขตพื้นที่การศึกษา)$")


def _goes_on(text: str) -> bool:
    """Is a signer block's line plainly cut short (``…สำนักงาน``, ``…รักษาราชการแทน``), so that the next line of
    text is its rest wherever the scan or the layout put it?"""
    return bool(CUT_SHORT.search(text) or ACTING_AT_END.search(text))


def _wraps_over_page(previous: str, line: str) -> bool:
    """Does a position go on over a page break into ``line``? Only when it was plainly cut short, or an
    office head at the page's foot has its organisation atop the next (``ปฏิบัติหน้าที่แทนปลัด`` /
    ``กระทรวงกลาโหม``)."""
    previous, line = previous.strip(), line.strip()
    return (bool(CUT_SHORT.search(previous) or ACTING_AT_END.search(previous)) or _bare_province(line)
            or bool(HEAD_AT_END.search(previous) and ORGANISATION.match(line)))


def wraps_over_page(previous: str, line: str) -> bool:
    """``_wraps_over_page`` for the segmenter: is the page after a signature the signature's continuation?"""
    return _wraps_over_page(previous, line)


def _position_lines(lines: list[Line], first: int) -> list[Line]:
    """Lines after the name that belong to the position (and the principal signed for).

    When the signature block is indented (it stands right of centre in print), a line back at the
    left margin is the contact block. Without indentation (plain text, Word without tabs) a line
    belongs only if the line above wraps into it (``_wraps_into``) or it holds an acting phrase.
    """
    indented = first > 0 and _indent(lines[first - 1]) >= 10
    block: list[Line] = []
    turned = False  # a page break since the last line taken
    gap = False  # a blank line between an indented name and its position (a scan's layout)
    blanks_inside = 0
    stop = first + MAX_POSITION_LINES + 4
    k = first - 1
    while k + 1 < min(len(lines), stop):
        k += 1
        line = lines[k]
        if _page_break(line):
            turned = True
            continue  # the block goes on over a page break ...
        if indented and not block and k - first < SIGNATURE_SPECK_LINES and (
                line.blank and gap or _signature_specks(line.text)):
            stop += 1  # a signature's stroke read as specks over several lines under the name ("[91", "5 จ6", "เม")
            continue
        if line.blank and indented and not block and not gap:
            gap = True
            continue
        if block and is_minute(line.text):
            if ((_goes_on(block[-1].stripped) or (indented and _note_between(lines, k, block[-1])))
                    and not line.text[:1].isspace() and blanks_inside < 2):
                blanks_inside += 1
                continue  # a minute OCR set between an acting line and its principal ("เรียน หน." at the margin)
            break
        if line.blank and indented and block and blanks_inside < 2 and _goes_on(block[-1].stripped):
            blanks_inside += 1
            continue  # a scan's gap inside a line plainly cut short: "รองผู้อำนวยการสำนักงาน" / (blank) / "เขตพื้นที่…"
        if gap and not block and is_minute(line.text):
            break
        if SPECIALTY.match(line.text) and block and len(block) < MAX_POSITION_LINES:
            block.append(line)  # "(ด้านเวชกรรมป้องกัน)" under "นายแพทย์เชี่ยวชาญ": the post's field, not a name
            continue
        if len(block) == MAX_POSITION_LINES or _ends_block(line):
            break
        if (SPECKS_ONLY.match(line.text) or _stroke(line.text) or _short_specks(line.text)
                or (not block and _echoes_name(line.text, lines[first - 1].text))):
            continue  # a speck or stroke of the signature between the name and the position, or inside it ("=")
        if indented and _indent(line) < 4 and not acting_phrase(line.text) and not (not block and WIDE_POSITION.match(line.stripped)) \
                and not (block and _goes_on(block[-1].stripped)):
            if block and len(line.stripped) <= NOTE_CHARS and _note_between(lines, k, block[-1]):
                continue  # a margin note between a position cut short and its rest ("มอบงานบริหาร" under "…สาธารณสุข")
            break  # back at the margin: the contact block (an acting line, a first position line wider than the column, or
            # the rest of a centred line cut short, "รองผู้อำนวยการสำนักงาน" / "เขตพื้นที่การศึกษา…", is not)
        if (indented and block and _indent(line) < 4 and len(line.stripped) <= NOTE_CHARS and ACTING_AT_END.search(block[-1].stripped)
                and not acting_phrase(line.text) and _note_between(lines, k, block[-1])):
            continue  # a margin note ("เรีห หน.") between an acting line and its principal, the note's words misread
        if not indented and block and not (acting_phrase(line.text) or _wraps_into(block[-1].text, line.text)):
            break
        if turned and block and not (acting_phrase(line.text)
                                     or _wraps_over_page(join_wrapped([x.text for x in block[-2:]]), line.text)):
            break  # ... only where the line above plainly goes on: not a contact block's unit on the next page
        block.append(line)
        turned = False
    return block


NOTE_CHARS = 24  # a margin note is a few words ("มอบงานบริหาร", "เรียน หน."); a position's line is longer
SIGNATURE_SPECK_LINES = 14  # lines under a name a signature's stroke may fill with specks before the position


def _signature_specks(text: str) -> bool:
    """Is a line under a signer's name (before the position) a stroke read as specks: no Thai word of three
    letters in it (``[91``, ``5 จ6``, ``เม``, ``ซี``)?"""
    return bool(text.strip()) and not any(len(run) >= 3 for run in THAI_RUN.findall(text))


def _short_specks(text: str) -> bool:
    """A line of two or three specks with a Thai letter among them (``๒ ง``), no piece longer than two."""
    pieces = text.split()
    return 0 < len(pieces) <= 3 and all(len(p) <= 2 for p in pieces) and bool(re.search("[ก-ฮ]", text))


def _note_between(lines: list[Line], k: int, last: Line) -> bool:
    """Is the margin line ``k`` a note written between two lines of an indented signer's block: the next line
    with text stands in the block's column and goes on from the last one taken (an acting line's principal, the
    rest of a position cut short: ``นายแพทย์สาธารณสุข`` / ``จังหวัดสมุทรปราการ``)?"""
    following = next((x for x in lines[k + 1 : k + 3] if not x.blank), None)
    if following is None or _indent(following) < 10:
        return False
    return bool(_goes_on(last.stripped) or _wraps_into(last.text, following.text) or _bare_province(following.text)
                or re.match(r"[ \t]*จังหวัด", following.text))


def _stroke(text: str) -> bool:
    """Is a line in a signer's block a signature stroke read as text? ``_stroke("๕ค๑ ณ<")`` and
    ``_stroke("ป ส๕ส ๑๕๒")`` yes; ``_stroke("เขต๓")`` and ``_stroke("ปลัดเทศบาล")`` no (a word of three letters)."""
    return bool(STROKE_GLUE.search(text)) and all(len(run) <= 2 for run in THAI_RUN.findall(text))


def _echoes_name(text: str, name_line: str) -> bool:
    """Is a line under a name the end of that name read a second time (``เ@' คำแสน)๘`` under ``(นางกัลยา คำแสน)``)?"""
    echo = NAME_ECHO.search(text)
    return bool(echo) and echo["tail"] + ")" in name_line and not NAME_LINE.match(text)


@cache
def _province_names() -> frozenset[str]:
    from extractors.ref_numbers import agency_table

    return frozenset(row["name_th"] for row in agency_table().values() if row["kind"] == "province")


def _right_column(lines: list[Line], first: int, column: int) -> list[Line]:
    """The lines after ``first`` cut to their part right of a wide gap near ``column``: a signer block
    printed beside a margin note shares its lines with it (``…เครวย    คณบดีคณะวิทยาศาสตร์การกีฬา``)."""
    out = []
    for line in lines[first : first + MAX_POSITION_LINES + 2]:
        if len(line.text.rstrip()) < column - 20:
            continue  # a margin note wholly left of the block
        cuts = sorted((m.end() for m in COLUMN_GAP.finditer(line.text) if m.end() >= column - 20),
                      key=lambda cut: abs(cut - column))
        at = cuts[0] if cuts else (0 if _indent(line) >= column - 20 else None)
        if at is None and not out and WIDE_POSITION.match(line.stripped):
            at = 0  # a first position line wider than the column, back at the margin
        if at is None:
            break
        out.append(Line(line.start + at - column, " " * column + line.text[at:].rstrip()))
    return out


def _without_margin_notes(lines: list[Line], i: int) -> list[Line]:
    """``lines`` with the ones under an indented name at ``i`` cut to their part right of a wide gap when
    the text left of it is a note far left of the block (``  ดำเหินการ                ผู้ว่าราชการจังหวัด…``:
    a minute written beside the principal), so that the note is not read as part of the position."""
    column = _indent(lines[i])
    if column < 20:
        return lines
    out = list(lines)
    for k in range(i + 1, min(len(lines), i + MAX_POSITION_LINES + 4)):
        line = lines[k]
        if _indent(line) >= column - 20:
            continue
        cuts = [m.end() for m in COLUMN_GAP.finditer(line.text) if abs(m.end() - column) <= 20]
        if cuts:
            at = min(cuts, key=lambda cut: abs(cut - column))
            out[k] = Line(line.start + at - column, " " * column + line.text[at:].rstrip())
    return out


def signer(lines: list[Line]) -> Signer:
    """The signer of a letter from its lines; empty fields where the letter does not say."""
    i = _name_line(lines)
    if i is None:
        return _nameless(lines)
    name_match = NAME_LINE.match(lines[i].text)
    if name_match and (again := _read_twice(lines, i)):
        j, name_match = again
        block = _position_lines(lines, j + 1)
    elif name_match:
        block = _position_lines(_without_margin_notes(lines, i), i + 1)
    else:
        name_match = _tail_name(lines[i])
        column = name_match.start("name")
        block = _position_lines([Line(lines[i].start, " " * column + "x")] + _right_column(lines, i + 1, column), 1)
        block = [line for line in block if not re.search(r"[0-9๐-๙]", ZONE.sub("", line.text))]  # a note's numbers
    title, name = split_title(name_match["name"].strip())
    name = " ".join(name.split())  # OCR's double space between given name and surname ("วรวุฒิ  อ่อนละมัย")
    # a damaged part is left empty rather than half right (the acting phrase is matched whole)
    position, acting, acting_for = _parts(block)
    end = block[-1].span.end if block else lines[i].span.end
    return Signer(title, name, position, acting, acting_for, Span(lines[i].span.start, end))


def _read_twice(lines: list[Line], i: int) -> tuple[int, re.Match] | None:
    """The name at ``i`` read a second time on the line under it (a name stamped in ink is read from the
    print and from its colour layer): ``(its line, the reading to keep)``, or None when the next line is
    no second reading. Of two readings that differ, the one whose every word is a listed name or word is
    kept, else the first (``(นายสมศักดิ์ ใจดิ)`` / ``(นายสมศักดิ์ ใจดี)`` keeps the second; ``(นางสุนิสา นาคลวัสดิ์)`` /
    ``(นางสุนิสา นาคสวัสดิ์)`` the first, neither surname being listed)."""
    from pipeline.edit_distance import levenshtein

    j = next((k for k in range(i + 1, min(i + 3, len(lines))) if not lines[k].blank), None)
    first = NAME_LINE.match(lines[i].text)
    second = NAME_LINE.match(lines[j].text) if j is not None else None
    if not (first and second):
        return None
    a, b = first["name"].strip(), second["name"].strip()
    if split_title(a)[0] != split_title(b)[0] or levenshtein(a, b) > max(2, len(a) // 8):
        return None
    return j, second if _listed(split_title(b)[1]) and not _listed(split_title(a)[1]) else first


def _listed(name: str) -> bool:
    """Is every word of a name (title taken off) a listed Thai name or a dictionary word?"""
    from extractors.name_lists import is_listed

    return bool(name) and all(is_listed(word) for word in name.split())


def _parts(block: list[Line]) -> tuple[str, str, str]:
    """(position, acting phrase, principal) of a signer's position lines; a damaged part left empty."""
    joined = join_wrapped([line.stripped for line in block])
    position, acting, acting_for = joined, "", ""
    act = acting_phrase(joined)
    if act:
        start, end, acting = act
        position = joined[:start].strip()
        acting_for = joined[end:].strip()
    position = LONE_LETTER_AT_END.sub("", position)  # "รองผู้ว่าราชการจังหวัด ป ปฏิบัติราชการแทน": a speck before the acting phrase
    position, acting_for = ("" if DAMAGED.search(x) or len(GLUED.findall(x)) >= 2 else x for x in (position, acting_for))
    return position, acting, acting_for


def _nameless(lines: list[Line]) -> Signer:
    """The position of a signer whose name line was lost (a signature across it, specks, one word left):
    the first line after the body's end that opens with an office's head, in the signature column, with
    no more than ``NAMELESS_GAP`` lines of other text before it; title and name stay empty.

    >>> s = _nameless(split_lines("          สั่ง ณ วันที่ ๑๓ มิถุนายน พ.ศ. ๒๕๖๔\\n\\n                 เก ศรีวิชัย)\\n"
    ...                          "              ปลัดจังหวัดราชบุรี ปฏิบัติราชการแทน\\n                 ผู้ว่าราชการจังหวัดราชบุรี"))
    >>> (s.name, s.position, s.acting, s.acting_for)
    ('', 'ปลัดจังหวัดราชบุรี', 'ปฏิบัติราชการแทน', 'ผู้ว่าราชการจังหวัดราชบุรี')
    """
    end = _body_end(lines)
    if end is None:
        return Signer()
    others, column = 0, 0
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.blank or not re.search(r"[ก-ฮ][ก-๙]{2,}", line.text):
            continue  # specks of the stroke
        text = line.stripped
        if CERTIFIED.search(text) or is_minute(line.text) or _page_break(line):
            return Signer()
        if NAME_LINE.match(line.text):  # a bracketed name no list knows as a person's (``(น. อ่อนละมัย)``): its remains
            others, column = others + 1, _indent(line)
            if others > NAMELESS_GAP:
                break
            continue
        head = POSITION_HEAD.match(text) or (acting_phrase(text) and _indent(line) >= 10)
        if head and (_indent(line) >= 10 or (column >= 10 and WIDE_POSITION.match(text))):
            block = _position_lines([Line(line.start, " " * max(column, _indent(line), 10) + "x")] + lines[i:], 1)
            block = _centred(block)
            position, acting, acting_for = _parts(block)
            if not block or not (position or acting_for):
                return Signer()
            return Signer("", "", position, acting, acting_for, Span(block[0].span.start, block[-1].span.end))
        others += 1
        column = _indent(line)
        if others > NAMELESS_GAP:
            break
    return Signer()


def _centred(block: list[Line]) -> list[Line]:
    """The lines of a position found without its name that stand under its first line (an acting line may
    be wider): not a margin note's line further left (``น รองอธิการบดีฝ่ายนโยบายและแผน``) nor minutes."""
    kept: list[Line] = []
    for line in block:
        if kept and (is_minute(line.text) or (
                _indent(line) < _indent(kept[0]) - 4 and not acting_phrase(line.text) and not _goes_on(kept[-1].stripped))):
            break  # (a wider line where the one above was cut short is its rest: ``…สำนักงาน`` / ``เขตพื้นที่…``)
        kept.append(line)
    return kept


def acting_phrase(text: str) -> tuple[int, int, str] | None:
    """(start, end, the phrase as it is spelt) of the acting phrase in a signer's joined lines, also as OCR
    spaces it apart or reads บ as ว; ``None`` when there is none.

    >>> acting_phrase("รองอธิการบดีฝ่ายบริหารปฏิ วัติราชการแทนอธิการบดี")
    (22, 39, 'ปฏิบัติราชการแทน')
    """
    exact = ACTING.search(text)
    if exact:
        return exact.start(), exact.end(), exact.group(0)
    found = ACTING_SPACED.search(text)
    if not found:
        return None
    word = next(w for w, form in _ACTING_FORMS if re.fullmatch(form, found.group(0)))
    return found.start(), found.end(), word


def name_line(lines: list[Line]) -> int | None:
    """The index of the signer's name line (``_name_line``), for the minutes that may follow it."""
    return _name_line(lines)


def body_end(lines: list[Line]) -> int | None:
    """The index of the body's last line: the closing, else the last ``จึงเรียนมาเพื่อ…`` / ``ประกาศ ณ วันที่``."""
    return _body_end(lines)


def certifier(lines: list[Line]) -> Signer:
    """Who certified a copy: the name and position under ``สำเนาถูกต้อง`` (never the document's signer).

    >>> c = certifier(split_lines("(นายสาทิตย์ วงศ์หนองเตย)\\nรัฐมนตรี\\n   สำเนาถูกต้อง\\n\\n(นางสาวลักขณา สิวะอมรรัตน์)\\nนักทรัพยากรบุคคลชำนาญการพิเศษ"))
    >>> (c.title, c.name, c.position)
    ('นางสาว', 'ลักขณา สิวะอมรรัตน์', 'นักทรัพยากรบุคคลชำนาญการพิเศษ')
    """
    for i, line in enumerate(lines):
        if not CERTIFIED.search(line.text):
            continue
        for j in range(i + 1, min(i + 6, len(lines))):
            match = NAME_LINE.match(lines[j].text)
            if match and _person(match["name"]):
                title, name = split_title(match["name"].strip())
                block = _position_lines(lines, j + 1)
                position = join_wrapped([x.stripped for x in block])
                position = "" if DAMAGED.search(position) else position
                end = block[-1].span.end if block else lines[j].span.end
                return Signer(title, name, position, "", "", Span(lines[j].span.start, end))
    return Signer()
