"""Official instruments read from running text: title, kind, issuer, number, subject, issue date, signer.

Royal Gazette texts and web copies lose their layout (a whole announcement on one line), so nothing
here needs line breaks; where they exist they help to tell a signer's name from the position.

>>> t = title("ประกาศจังหวัดสกลนคร เรื่อง ตั้งและกำหนดเขตหมู่บ้าน อาศัยอำนาจตามมาตรา ๖ …")
>>> (t.kind, t.issuer.value, t.subject.value)
('announcement', 'จังหวัดสกลนคร', 'ตั้งและกำหนดเขตหมู่บ้าน')
>>> d, s = signing("…เป็นต้นไป ประกาศ ณ วันที่ ๒๘ กุมภาพันธ์ พ.ศ. ๒๕๖๖ จุรีรัตน์ เทพอาสน์ ผู้ว่าราชการจังหวัดสกลนคร")
>>> (d.date.isoformat(), s.name, s.position)
('2023-02-28', 'จุรีรัตน์ เทพอาสน์', 'ผู้ว่าราชการจังหวัดสกลนคร')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.lines import join_wrapped
from extractors.patterns import (
    BODY_START,
    COUNTERSIGN,
    DATE,
    GAZETTE_HEAD,
    INSTRUMENT_KINDS,
    INSTRUMENT_TITLE,
    REF_ORDER,
    REIGN_YEAR,
    SIGNED_ON_RUN,
    TITLE_OR_BODY,
)
from extractors.ref_numbers import parse_ref
from extractors.signature import ACTING, split_title
from extractors.thai_dates import parse_match
from pipeline.models import Field, RefNo, Signer, Span, ThaiDate

MAX_TITLE = 700  # characters: a title never runs longer
LEAD = re.compile(r"[ \t\n]*(?:(?:\(?สำเนา\)?|ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ)[ \t\n]+)*")
# what follows the issuer inside a title: "ที่ ๔๐๙/๒๕๖๕" (or "ที่ ส. ๖/๒๕๖๕"), "(ฉบับที่ ๒)", "เรื่อง", "ว่าด้วย", "พ.ศ.", "ออกตามความใน"
ISSUER_END = re.compile(r"[ \t\n]*(?:เกี่ยวกับ|ที่[ \t]*(?:[ก-ฮ]{1,3}\.[ \t]*)?[0-9๐-๙]+[ \t]*/|\(?ฉบับที่|เรื่อง|ว่าด้วย|\(?พ\.[ \t]?ศ\.|ออกตามความใน|$)")
ORDER_NUMBER = re.compile(r"[ \t\n]*ที่[ \t]*")  # "ที่ ๔๐๙/๒๕๖๕" after the issuer
ABOUT_WORD = re.compile(r"(?<![ก-๙])(?:เรื่อง|ว่าด้วย)[ \t\n]*")
YEAR_TAIL = re.compile(r"[ \t]*(?:\(ฉบับที่[ \t]*[0-9๐-๙]+\)[ \t]*)?(?:พ\.[ \t]?ศ\.?|พุทธศักราช)[ \t]*[0-9๐-๙]{4}[ \t]*$")
TITLE_RUN_ON = 160  # characters: the most a title runs on past a word that may also open the body
SENTENCE_WORDS = re.compile(r"ได้|จึง|แล้ว|นั้น|ดังนี้|ดังกล่าว|เป็นต้นไป|เป็นไป")  # what a title's tail never holds
# how a title that runs on past a purpose ("เพื่อให้…") must end: "… (ฉบับที่ ๒) พ.ศ. ๒๕๖๖"
TITLE_TAIL = re.compile(r"(?:(?:พ\.[ \t]?ศ\.?|พุทธศักราช)[ \t]*[0-9๐-๙]{4}|\(ฉบับที่[ \t]*[0-9๐-๙]+[ \t]*\))[ \t]*$")
ISSUER_SPEAKS = re.compile(r"[ \t\n]*(?:ขอประกาศ|ได้)")  # the body opening with the issuer: "กระทรวงกลาโหม ขอประกาศ…"
TITLE_STOP = re.compile(r"หน้?า[ \t\n]*[0-9๐-๙]{1,4}[่]?[ \t\n]*เล่?ม|\n[ \t\f]*\n")  # a Gazette head or a blank line
ROYAL_NAME = re.compile(r"พระบาทสมเด็จ[ก-๙]*(?:[ \t\n]+[ก-๙]*?เจ้าอยู่หัว)?")  # the monarch who enacts a law
NOT_SIGNING = re.compile(r"[ \t\n]*(?:ได้|นั้น|ซึ่ง|และ|เป็นต้นไป|เรื่อง)")  # a cited "ประกาศ ณ วันที่ … ได้…"
SIGNER_STOP = re.compile(
    r"หน้?า[ \t\n]*[0-9๐-๙]{1,4}[่]?[ \t\n]*เล่?ม|หมายเหตุ|ผู้รับสนอง|\n[ \t\f]*\n|\f|[-–][ \t]*[0-9๐-๙]{1,3}[ \t]*[-–]|แนบท้าย|บัญชีท้าย|เอกสารแนบ|สิ่งที่ส่งมาด้วย"
    r"|สำเนาถูกต้อง|\(|[0-9๐-๙]{3,}"
)
# the first word of a position: what a name never starts with
POSITION_WORDS = (
    "รัฐมนตรี", "นายกรัฐมนตรี", "ผู้", "รอง", "ปลัด", "อธิบดี", "อธิการบดี", "เลขาธิการ", "ประธาน", "นายก",
    "นายอำเภอ", "นายทะเบียน", "คณบดี", "กรรมการ", "หัวหน้า", "พนักงาน", "เจ้าพนักงาน", "เจ้าหน้าที่", "อัยการ",
    "สมาชิก", "ปฏิบัติราชการแทน", "รักษาราชการแทน", "ปฏิบัติหน้าที่", "แม่ทัพ", "ประธานกรรมการ", "เจ้ากรม",
    "ข้าหลวง", "นายช่าง", "องค์การ", "ที่ปรึกษา", "ราชเลขาธิการ", "สมุห", "นายแพทย์ใหญ่", "ตุลาการ", "เลขานุการ",
    "ศึกษาธิการ", "สาธารณสุข", "ป่าไม้", "ประมง", "ปศุสัตว์", "เกษตร", "พัฒนาการ", "ท้องถิ่น", "คลัง", "สรรพากร",
    "นายด่าน", "นายกเทศมนตรี", "กำนัน", "ผกก", "ผบ", "ผอ", "รมว", "ผวจ", "ผู้บัญชาการ", "นิติกร", "นักวิ",
    "นักจัดการ", "นักทรัพยากร", "นักบริหาร", "อุปนายก", "ทำหน้าที่แทน", "ประธานสภา", "สัตวแพทย์", "วิศวกร",
)
POSITION_START = re.compile("(?:" + "|".join(sorted(POSITION_WORDS, key=len, reverse=True)) + ")")
NAME_TOKEN = re.compile(r"^[ก-๙\.]+$")


@dataclass(frozen=True, slots=True)
class Title:
    """The parts of an instrument's title; every value with its span."""

    kind: str  # a doc_type: law, announcement, order, regulation
    word: str  # the title's first word as normalised: "ประกาศ", "กฎกระทรวง"
    title: Field
    issuer: Field
    number: RefNo | None
    subject: Field


def _field(text: str, start: int, end: int, offset: int) -> Field:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    value = re.sub(r"[ \t]*\n[ \t]*", " ", text[start:end])
    return Field(value, Span(offset + start, offset + end) if value else None)


def _before_ghost(text: str, start: int, end: int) -> int:
    r"""``end`` moved back before a last line that only repeats letters of the line above (a scan's ghost of
    the title: ``ประกาศมหาวิทยาลัยราชภัฏอุดรธานี`` / ``ยราชภัฏอ``), so that the issuer is the title's alone.

    >>> t = "มหาวิทยาลัยราชภัฏอุดรธานี\n              ยราชภัฏอ\n"
    >>> t[:_before_ghost(t, 0, len(t))].strip()
    'มหาวิทยาลัยราชภัฏอุดรธานี'
    """
    lines = text[start:end].rstrip(" \t\n").split("\n")
    if len(lines) < 2:
        return end
    last, before = lines[-1].strip(), "".join(x.strip() for x in lines[:-1])
    if 3 <= len(last) < len(before) and last in before:
        return start + len("\n".join(lines[:-1]))
    return end


def _skip_head(text: str) -> int:
    """Where the title may begin: after blanks, stamps and a Gazette head printed first."""
    pos = LEAD.match(text).end()
    head = GAZETTE_HEAD.match(text, pos)
    return LEAD.match(text, head.end()).end() if head else pos


def title(text: str, offset: int = 0) -> Title | None:
    """The title at the head of ``text`` when it is an official instrument's, else ``None``."""
    start = _skip_head(text)
    match = INSTRUMENT_TITLE.match(text, start)
    if not match:
        return None
    word = re.sub(r"\s+", "", match["kind"])
    window = text[: min(len(text), start + MAX_TITLE)]
    stop = TITLE_STOP.search(window, match.end())
    end = _title_end(window, match.end(), stop.start() if stop else len(window))
    if end == len(window) and len(text) > len(window):
        return None  # no end in sight: not a title we can read
    kind = INSTRUMENT_KINDS.get(word, "other")
    issuer_end = ISSUER_END.search(text, match.end(), end)
    issuer = _field(text, match.end(), _before_ghost(text, match.end(), issuer_end.start() if issuer_end else end), offset)
    end = _before_issuer_again(text, match.end(), end, issuer.value)
    whole = _field(text, start, end, offset)
    if kind == "law":
        issuer = Field("")  # กฎกระทรวง, พระราชบัญญัติ: the title names the matter, not the issuer
    number = None
    after_issuer = issuer_end.start() if issuer_end else end
    if (lead := ORDER_NUMBER.match(text, after_issuer)) and lead.end() < end:
        order = REF_ORDER.match(text, lead.end())
        if order:
            number = parse_ref(text[lead.end() : order.end()], offset=offset + lead.end())
    return Title(kind, word, whole, issuer, number, _subject(text, match.end(), end, offset, kind))


# "ข้อ ๑ ระเบียบนี้เรียกว่า “ระเบียบเทศบาลเมืองตาก ว่าด้วยการลาของพนักงานจ้าง พ.ศ. ๒๕๖๕”": an instrument names
# itself in its first clause, in quotes (a scan's «…” too)
SELF_NAME = re.compile(r"(?:ระเบียบ|ประกาศ|ข้อบังคับ|คำสั่ง|ข้อกำหนด)นี้[ \t\n]*(?:ให้)?เรียกว่า[ \t\n]*[“\"«'‘]"
                       r"(?P<name>[^”\"»’\n]{5,300}(?:\n[^”\"»’\n]{1,200})?)[”\"»’]")
SELF_NAME_REACH = 3000  # characters: the first clause stands near the head


def self_named(text: str, offset: int = 0) -> Title | None:
    """The instrument's title as its first clause gives it, for a text whose head holds none that can be read
    (a receipt stamp over a scanned regulation's title); ``None`` when it names itself nowhere near the head.

    >>> t = self_named("ะเบียบเทศบาลเมืองฆณซ่ญ.ค. ๕\\n ข้อ ๑ ระเบียบนี้เรียกว่า «ระเบียบเทศบาลเมืองตาก ว่าด้วยการลา\\n"
    ...                "ของพนักงานจ้าง พ.ศ. ๒๕๖๕”\\n ข้อ ๒ ระเบียบนี้ให้ใช้บังคับ")
    >>> (t.kind, t.issuer.value, t.subject.value)
    ('regulation', 'เทศบาลเมืองตาก', 'การลาของพนักงานจ้าง')
    """
    match = SELF_NAME.search(text, 0, SELF_NAME_REACH)
    if not match:
        return None
    start, end = match.span("name")
    named = title(text[start:end], offset + start)
    if named is None:
        return None

    def rejoined(field: Field) -> Field:  # a quoted name wrapped inside a Thai word: joined without a space
        if field.span is None:
            return field
        return Field(join_wrapped(text[field.span.start - offset : field.span.end - offset].split("\n")), field.span)

    return replace(named, title=rejoined(named.title), issuer=rejoined(named.issuer), subject=rejoined(named.subject))


def _title_end(window: str, start: int, limit: int) -> int:
    """Where the title that begins at ``start`` ends (at most ``limit``): before the first sentence opener
    (``BODY_START``), or before a word that may open the body or continue the title (``TITLE_OR_BODY``)
    unless a sentence opener follows it within ``TITLE_RUN_ON`` characters with no sentence word between.

    >>> t = "ประกาศกระทรวงแรงงาน เรื่อง การอนุญาตให้คนต่างด้าวทำงาน ตามมติคณะรัฐมนตรีเมื่อวันที่ 13 กรกฎาคม 2564 ตามที่ได้ออกประกาศ"
    >>> t[:_title_end(t, 19, len(t))].split("เรื่อง ")[1]
    'การอนุญาตให้คนต่างด้าวทำงาน ตามมติคณะรัฐมนตรีเมื่อวันที่ 13 กรกฎาคม 2564'
    >>> t = "ประกาศจังหวัดน่าน เรื่อง การปิดการจราจร เพื่อให้การจัดงานเรียบร้อย อาศัยอำนาจตามความใน"
    >>> t[:_title_end(t, 17, len(t))].split("เรื่อง ")[1]
    'การปิดการจราจร'
    """
    body = BODY_START.search(window, start, limit)
    body_at = body.start() if body else limit
    either = TITLE_OR_BODY.search(window, start, body_at)
    if either is None:
        return body_at
    purpose = either.group(0).lstrip().startswith("เพื่อ")  # a purpose runs on only to a title's own ending
    if (body and body_at - either.start() <= TITLE_RUN_ON and not SENTENCE_WORDS.search(window, either.start(), body_at)
            and (not purpose or TITLE_TAIL.search(window, 0, body_at))):
        return body_at
    return either.start()


def _before_issuer_again(text: str, start: int, end: int, issuer: str) -> int:
    """``end`` moved back before the issuer's name when the body opens with it ("… ราชการทหาร กระทรวงกลาโหม
    ขอประกาศให้ทราบ…": the title ends before "กระทรวงกลาโหม")."""
    if not issuer:
        return end
    head = text[start:end].rstrip(" \t\n")
    cut = start + len(head) - len(issuer)
    if (head.endswith(issuer) and cut > start and text[cut - 1] in " \t\n" and text[start:cut].strip() != ""
            and ISSUER_SPEAKS.match(text, end)):
        return cut
    return end


def _subject(text: str, start: int, end: int, offset: int, kind: str) -> Field:
    """After ``เรื่อง``; for a regulation or law without one, what it is ``ว่าด้วย`` (without the year)."""
    about = [m for m in ABOUT_WORD.finditer(text, start, end)]
    subject = next((m for m in about if m.group(0).startswith("เรื่อง")), None)
    if subject:
        return _field(text, subject.end(), end, offset)
    if about and kind in ("regulation", "law"):
        value = _field(text, about[0].end(), end, offset)
        year = YEAR_TAIL.search(value.value)
        if year and value.span:
            value = _field(text, about[0].end(), value.span.start - offset + year.start(), offset)
        return value
    return Field("")


def issue_date(text: str, offset: int = 0) -> tuple[ThaiDate | None, int | None, str]:
    """The date of ``ประกาศ/สั่ง/ให้ไว้ ณ วันที่ …`` that signs the instrument (the last one not followed by
    ``ได้ …``, which cites another), where it ends in ``text``, and the verb; a signing line whose date
    cannot be read gives ``(None, None, verb)``."""
    chosen = None
    for m in SIGNED_ON_RUN.finditer(text):
        date_match = DATE.match(text, m.end())
        if date_match is None:
            chosen = chosen or (None, None, m["verb"])  # a blank form's "สั่ง ณ วันที่ เดือน พ.ศ." after the signing
            continue
        end = date_match.end()
        reign = REIGN_YEAR.match(text, end)
        if NOT_SIGNING.match(text, end) and not reign:
            continue
        date = parse_match(date_match, offset)
        if date or not chosen:
            chosen = (date, reign.end() if reign else end, m["verb"]) if date else (None, None, m["verb"])
    return chosen if chosen else (None, None, "")


def _split_name(segment: str) -> tuple[str, str] | None:
    """``"จุรีรัตน์ เทพอาสน์ ผู้ว่าราชการจังหวัดสกลนคร"`` -> (name with title, position)."""
    lines = [x.strip() for x in segment.split("\n") if x.strip()]
    title_part, rest = split_title(lines[0])
    if len(lines) >= 2 and _whole_name(rest):
        return lines[0], " ".join(lines[1:])  # the name alone on its line
    flat = " ".join(lines)
    title_part, rest = split_title(flat)
    tokens = rest.split(" ")
    for k in range(1, min(5, len(tokens))):
        if POSITION_START.match(tokens[k]):
            if k == 1:
                return None  # one piece before the position: a name run together, not to be guessed apart
            return " ".join([title_part, *tokens[:k]]).strip(), " ".join(tokens[k:])
    if len(tokens) >= 3:
        return " ".join([title_part, *tokens[:2]]).strip(), " ".join(tokens[2:])
    if len(tokens) == 2:
        return flat, ""
    return None


def _whole_name(line: str) -> bool:
    """A line that holds a given name and a surname and nothing else: two words, or a surname of the
    ``ณ อยุธยา`` kind. ``"สุทธิพล"`` alone is a name broken over two lines (text wrapped at a width), and
    ``"วสันต์ ยี่ตัน ขนส่งจังหวัดสงขลา"`` runs on into the position."""
    words = line.split()
    if len(words) == 2 or (len(words) in (3, 4) and words[2] == "ณ"):
        return not any(POSITION_START.match(w) for w in words[1:])
    return False


def _signer_from(text: str, start: int, offset: int) -> Signer:
    stop = SIGNER_STOP.search(text, start, start + 400)
    end = stop.start() if stop else min(len(text), start + 250)
    segment = text[start:end].strip()
    parts = _split_name(segment) if segment else None
    if not parts:
        return Signer()
    name_text, position = parts
    title_part, name = split_title(name_text)
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or not all(NAME_TOKEN.match(t) for t in tokens) or len(name) > 60:
        return Signer()
    position = re.sub(r"\s+", " ", position).strip()
    acting = acting_for = ""
    if act := ACTING.search(position):
        position, acting, acting_for = position[: act.start()].strip(), act.group(0), position[act.end():].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    return Signer(title_part, name, position, acting, acting_for, Span(offset + start + lead, offset + end))


def signing(text: str, offset: int = 0) -> tuple[ThaiDate | None, Signer]:
    """The issue date and the signer printed after it (title, name, position, acting)."""
    date, end, verb = issue_date(text, offset)
    if date is None or end is None:
        return date, Signer()
    if verb == "ให้ไว้" and REIGN_YEAR.search(text[max(0, date.span.start - offset) : end]):
        return date, royal_signer(text, date.span.start - offset, offset)
    counter = COUNTERSIGN.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    # an announcement of a royal command is signed by the minister who countersigns it
    return date, _signer_from(text, counter.end() if counter else end, offset)


def royal_signer(text: str, date_at: int, offset: int = 0) -> Signer:
    """An act or decree is given by the King, named just before ``ให้ไว้ ณ วันที่``."""
    names = list(ROYAL_NAME.finditer(text, 0, date_at))
    if not names:
        return Signer()
    m = names[-1]
    return Signer("", re.sub(r"\s+", " ", m.group(0)), "", "", "", Span(offset + m.start(), offset + m.end()))


def countersigner(text: str, offset: int = 0) -> Signer:
    """``ผู้รับสนองพระบรมราชโองการ พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี``: the minister who countersigns."""
    found = list(COUNTERSIGN.finditer(text))
    return _signer_from(text, found[-1].end(), offset) if found else Signer()
