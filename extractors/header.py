"""The header of a letter: kind, reference number, issuer, date, subject, recipient, urgency, secrecy.

All functions take the letter's lines (``extractors.lines.Line`` with document offsets) and return
values with spans, or empty values when the text does not say.
"""

from __future__ import annotations

import re

from extractors.lines import Line, is_wrapped, join_wrapped, right_edge, typical_width, visible_length
from extractors.patterns import (
    BODY_OPENER,
    DATE,
    HEADER_KEYWORD,
    LEADING_SPECK,
    LINE_REF,
    NAME_LINE,
    OWNER,
    PHONE,
    SALUTATION,
    SECRECY,
    SUBJECT,
    URGENCY,
)
from extractors.ref_numbers import is_known_agency, parse_ref
from extractors.thai_dates import find_dates, parse_match
from pipeline.models import Field, RefNo, Span, ThaiDate

HEADER_LINES = 40  # a header never runs longer than this many lines

# a title, also with a speck before it ("' ประกาศมหาวิทยาลัยราชภัฏสุราษฎร์ธานี")
TITLE_KIND = re.compile(r"^[ \t]*" + LEADING_SPECK + r"(?P<kind>คำสั่ง|ประกาศ|แถลงการณ์|ข่าว|ระเบียบ|ข้อบังคับ)(?![ \t]*ณ)(?P<rest>.*)$")
_KIND_OF_TITLE = {
    "คำสั่ง": "order",
    "ประกาศ": "announcement",
    "แถลงการณ์": "announcement",
    "ข่าว": "announcement",
    "ระเบียบ": "regulation",
    "ข้อบังคับ": "regulation",
}
# the memo's title, not a memo cited in the body ("ตามบันทึกข้อความกองโรคติดต่อทั่วไป ที่ …")
MEMO_MARK = re.compile(r"(?<![ก-ฮะ-ฺเ-ๅ])(?:บันทึก[ \t]*ข้อความ|หนังสือภายใน)")
# "สั่ง ณ วันที่ …", also with a speck before it ("| ประกาศ ณ วันที่ …", "1          สั่ง ณ วันที่ …" far left, a
# lone letter "ป ประกาศ ณ วันที่ …") and วันที่ with its upper marks lost ("ประกาศ ณ วันท ๒๕ สิงหาคม …")
SIGNED_ON = re.compile(r"^[ \t]*(?:" + LEADING_SPECK + r"|[^\sก-๙]{1,2}[ \t]{3,}|[ก-ฮ][ \t]+)"
                       r"(?:สั่ง|ประกาศ|ให้ไว้)[ \t]*ณ[ \t]*(?:วันที่|ว\u0e31?น\u0e17\u0e35?\u0e48?(?=[ \t]*[0-9๐-๙]))?[ \t]*")
# "วันที่ ๒๖ …" of a memo's header, also with the upper marks OCR lost before a number ("วนท 13 เมษายน 2564");
# never the ลงวันที่ of a cited letter
DATE_WORD = re.compile("(?<!ลง)(?:วันที่|(?<![ก-๙])ว\u0e31?น\u0e17\u0e35?\u0e48?(?=[ \t]+[0-9๐-๙]))[ \t.:]*")
FULL_YEAR = re.compile(r"[0-9๐-๙]{4}$")
# what stands under a title: its number "ที่ ๔๖๗/๒๕๖๖", "เรื่อง …", "ว่าด้วย…"
TITLED_NEXT = re.compile(r"^[ \t]*(?:ที่[ \t]*[0-9๐-๙]{1,5}[ \t]*/[ \t]*[0-9๐-๙]{4}[ \t]*$|เรื่อง|ว่าด้วย)")
HEAD_KEYWORD_LINE = re.compile(r"^[ \t]*(?:ที่[ \t]*[ก-ฮ]{2}|เรื่อง|เรียน|ถึง[ \t]|ส่วนราชการ)")
THAI_WORD = re.compile(r"[ก-ฮ][ก-๙]{2,}")  # a line without three Thai letters in a row is specks
GLUED_SPECKS = re.compile(r"\S{1,3}[ \t]{3,}")  # specks glued to a number ("๙๐๒ฯ๑", "๘๙๗๖ฒอว"), then the gap
# after a number's printed part: its serial as read (one or two pieces, ")ว สญ่ณ๙๗๙๓"), then the gap
UNREAD_SERIAL = re.compile(r"\S{1,12}(?:[ \t]\S{1,12})?[ \t]{3,}")
# a receipt stamp's rows: "เลขรับ ๔๐๙๔๙", "เลขที่รับ", "เวลา ๑๔.๑๐ น." (its เ lost: "วลา")
RECEIPT_ROW = re.compile(r"เลข\S{0,4}[รว]ับ|^[ \t]*[เแ]?วลา[ \t]")
STAMP_WORDS = re.compile(r"^[ \t]*(?:(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ|สำเนา|\(สำเนา\))[ \t]*)+$")
ABOUT = re.compile(r"[ \t]*ว่าด้วย")  # "ระเบียบกระทรวงมหาดไทย ว่าด้วย…"
TITLE_STOP = re.compile(r"^[ \t]*(?:ว่าด้วย|พ\.[ \t]?ศ\.|\(ฉบับที่|ฉบับที่)")  # lines under a title that are not its agency


def _first(lines: list[Line], pattern: re.Pattern[str], limit: int = HEADER_LINES) -> int | None:
    for i, line in enumerate(lines[:limit]):
        if pattern.match(line.text):
            return i
    return None


def _title(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """The title line of an order, announcement or regulation among the first lines (a receipt stamp's
    rows and lines of specks above it not counted)."""
    seen = 0
    for i, line in enumerate(lines[:HEADER_LINES]):
        if line.blank or STAMP_WORDS.match(line.text):
            continue
        match = TITLE_KIND.match(line.text)
        if match and match["rest"].strip() and not match["rest"].startswith(("ที่", "ๆ", "ฯ")) and (
                seen < 3 or _titled(lines, i)):
            return i, match
        if not THAI_WORD.search(line.text) or _in_receipt_stamp(lines, i):
            continue
        if HEAD_KEYWORD_LINE.match(line.text) or MEMO_MARK.search(line.text) or BODY_OPENER.match(line.text):
            return None  # a letter's header or body: a title below it is cited
        seen += 1  # after three lines of text only a title with its number or เรื่อง under it
    return None


def _titled(lines: list[Line], i: int) -> bool:
    """Is the title line ``i`` followed by its number or its เรื่อง (a line of specks or a wrapped name between)?"""
    after = [x for x in lines[i + 1 : i + 5] if not x.blank][:2]
    return any(TITLED_NEXT.match(x.text) for x in after)


def _memo_title(line: Line) -> bool:
    """Is ``line`` a memo's title ``บันทึกข้อความ`` (specks before it allowed), not a memo cited in the header
    (``อ้างถึง   บันทึกข้อความฝ่ายอำนวยการ ที่ …``) or the body?"""
    match = MEMO_MARK.search(line.text)
    return bool(match) and not THAI_WORD.search(line.text[:match.start()])


def doc_type(lines: list[Line]) -> str:
    """One of CONTRACT.md's kinds: memo, external, stamped, order, regulation, announcement, other."""
    head = lines[:12]
    subject_at = _first(lines, SUBJECT)
    owner_at = _first(head, OWNER)
    if any(_memo_title(line) for line in head) or (
        owner_at is not None and (subject_at is None or owner_at < subject_at)
    ):
        return "memo"
    title = _title(lines)
    if title:
        return _KIND_OF_TITLE[title[1]["kind"]]
    salutation = _first(lines, SALUTATION)
    if salutation is not None:
        kw = SALUTATION.match(lines[salutation].text)["kw"]
        return "stamped" if kw == "ถึง" else "external"
    if any((m := SIGNED_ON.match(line.text)) and m.group().lstrip(" \t'\"“”‘’|«».,:;!").startswith("สั่ง")
           for line in lines):
        return "order"  # its title lost, an order still signs "สั่ง ณ วันที่ …"; only an order does
    return "other"


def ref_line(lines: list[Line]) -> tuple[int, RefNo] | None:
    """The ``ที่ …`` line of the header and its reference number.

    Only above the salutation (a ``ที่ …`` line below it is a wrapped citation), and an order's
    ``ที่ ๑๒๓/๒๕๖๙`` only above the subject (below, it is as likely a wrapped ``ครั้งที่ ๕/๒๕๖๗``).
    """
    salutation = _first(lines, SALUTATION)
    subject_at = _first(lines, SUBJECT)
    stop = min(x for x in (salutation, HEADER_LINES) if x is not None)
    for i, line in enumerate(lines[:stop]):
        match = LINE_REF.match(line.text)
        if not match:
            continue
        ref = parse_ref(line.text[match.end():], offset=line.start + match.end(), allow_blank=True)
        if ref is None or (not ref.agency and subject_at is not None and i > subject_at):
            continue
        return i, ref
    return _unlabelled_ref(lines, min(stop, _head_stop(lines)))


def _unlabelled_ref(lines: list[Line], stop: int) -> tuple[int, RefNo] | None:
    """A header line that opens with a whole number of a known agency, its ``ที่`` lost by OCR:
    ``  สพ 51846/4215           วนท 13 เมษายน 2564`` (a memo's number line)."""
    for i, line in enumerate(lines[:stop]):
        lead = len(line.text) - len(line.text.lstrip())
        ref = parse_ref(line.text[lead:], offset=line.start + lead, allow_order=False)
        if ref is not None and ref.serial is not None and is_known_agency(ref.agency):
            return i, ref
    return None


def urgency_secrecy(lines: list[Line], kind: str) -> tuple[str, str]:
    """Stamps above the header: ``("ด่วนที่สุด", "ลับ")``; a citation's ด่วนที่สุด in the body is not one."""
    stop = _first(lines, SUBJECT)
    stop = HEADER_LINES if stop is None else stop
    urgency = secrecy = ""
    for line in lines[:stop]:
        text = line.stripped
        starts_with_stamp = STAMP_WORDS.match(text) or (text.startswith(("ด่วน", "ลับ")) and len(text) < 40)
        if not starts_with_stamp:
            continue
        if not urgency and (m := URGENCY.search(text)):
            urgency = m.group(1)
        if not secrecy and (m := SECRECY.search(text)):
            secrecy = m.group(1)
    return urgency, secrecy


def _until_keyword(lines: list[Line], first: int, max_lines: int) -> int | None:
    """Index of the keyword line (เรียน, อ้างถึง, …) that closes a field, if no gap comes first."""
    for i in range(first + 1, min(len(lines), first + max_lines + 1)):
        line = lines[i]
        if HEADER_KEYWORD.match(line.text):
            return i
        if line.blank:
            after = next((j for j in range(i + 1, min(len(lines), i + 3)) if not lines[j].blank), None)
            return after if after is not None and HEADER_KEYWORD.match(lines[after].text) else None
        if BODY_OPENER.match(line.text) or NAME_LINE.match(line.text):
            return None
    return None


def _field_block(lines: list[Line], first: int, column: int, width: int, max_lines: int = 4,
                 stop: int | None = None, join=join_wrapped) -> Field:
    """A field that starts at ``column`` of ``lines[first]`` and may wrap over the next lines.

    Every line up to a closing keyword line belongs to the field (a subject before ``เรียน``);
    otherwise a line continues the field when the previous one reached the margin or the block ends.
    ``stop``: the index of a line known to close the field (the salutation under a subject, also where
    OCR glued its keyword to the text: ``เรียนผู้อำนวยการกองแผนงาน``).
    """
    value, span = lines[first].after(column)
    parts = [value]
    end = span.end
    closing = _until_keyword(lines, first, max_lines)
    if stop is not None and first < stop <= first + max_lines and (closing is None or closing > stop):
        closing = stop
    if closing is not None:
        for line in lines[first + 1 : closing]:
            if not line.blank:
                parts.append(line.stripped)
                end = line.span.end
        text = join(parts)
        return Field(text, Span(span.start, end) if text else None)
    stop = _block_end(lines, first, max_lines, right_edge(lines))
    for i in range(first + 1, stop if stop is not None else len(lines)):
        if stop is None and not is_wrapped(lines[i - 1], width):
            break  # no clear end in sight: follow only lines that run to the margin
        parts.append(lines[i].stripped)
        end = lines[i].span.end
    text = join(parts)
    return Field(text, Span(span.start, end) if text else None)


def _starts_paragraph(line: Line, first: Line, column: int, width: int) -> bool:
    """An indented line running to the right margin after a flush block begins the body (the readers
    keep indentation). Not one that hangs under the field's own text (``เรียน  นายอำเภอ ทุก`` /
    ``       อำเภอ``), nor a short centred line (a title's second line)."""
    indent = _indent(line)
    full = width > 0 and indent + visible_length(line.text) >= 0.9 * width
    return indent >= 4 and _indent(first) < 4 and abs(indent - column) > 1 and full


def _field_column(line: Line) -> int:
    """Column where a field's text starts after its keyword: 7 in ``เรียน  นายอำเภอ``."""
    for pattern in (SALUTATION, SUBJECT, OWNER):
        match = pattern.match(line.text)
        if match:
            return match.end()
    return _indent(line)


def _block_end(lines: list[Line], first: int, max_lines: int, width: int) -> int | None:
    """Index of the line that ends a wrapped field: a blank line, a keyword, a body opener, an
    indented paragraph, a signature; ``None`` if none comes within ``max_lines``."""
    for i in range(first + 1, min(len(lines), first + max_lines + 1)):
        line = lines[i]
        if line.blank or HEADER_KEYWORD.match(line.text) or BODY_OPENER.match(line.text):
            return i
        hang = _field_column(lines[first])
        if NAME_LINE.match(line.text) or SIGNED_ON.match(line.text) or _starts_paragraph(line, lines[first], hang, width):
            return i
    return None


ABOUT_LINE = re.compile(r"^[ \t]*(?:ระเบียบ|ข้อบังคับ)?[^\n]*?ว่าด้วย[ \t]*")  # "ว่าด้วยการลาของพนักงานราชการ"
# " พ.ศ. ๒๕๔๖", " (ฉบับที่ ๓) พ.ศ. ๒๕๖๖": the amendment's number is the title's, not the matter's (as in
# ``extractors.instrument.YEAR_TAIL``)
# its number a speck, or specks about its digits: "(ฉบับที่ «)", "(ฉบับที่ «๔)", "(ฉบับที่ ๔๘ๆ)"
AMENDMENT_TAIL = re.compile(r"[ \t]*\(ฉบับที่[ \t]*(?:[^\sก-๙()0-9๐-๙]{0,2}[0-9๐-๙]+[^\sก-๙()0-9๐-๙]{0,2}ๆ?|[^\sก-๙()]{1,2})\)[ \t]*$")
BE_YEAR_TAIL = re.compile(r"[ \t]*(?:\(ฉบับที่[ \t]*[0-9๐-๙]+\)[ \t]*)?(?:พ\.[ \t]?ศ\.?|พศ\.?)[ \t]*[0-9๐-๙]{4}[ \t]*$")


def _regulation_subject(lines: list[Line]) -> Field:
    """A regulation has no เรื่อง: its subject is what it is ``ว่าด้วย`` (about), without the year."""
    title = _title(lines)
    if not title:
        return Field("")
    for line in lines[title[0] : title[0] + 4]:
        match = ABOUT_LINE.match(line.text)
        if match and "ว่าด้วย" in line.text:
            value, span = line.after(match.end())
            year = BE_YEAR_TAIL.search(value) or AMENDMENT_TAIL.search(value)  # the year may be on the next line
            if year:
                value = value[: year.start()].rstrip()
            return Field(value, Span(span.start, span.start + len(value)))
    return Field("")


def subject(lines: list[Line]) -> Field:
    """``เรื่อง …`` joined across wrapped lines (memo continuation lines included);
    for a regulation, the matter it is ``ว่าด้วย``. Only above the salutation: a ``เรื่อง`` line
    below it is the subject of a letter cited in the body."""
    salutation = _first(lines, SALUTATION)
    i = _first(lines, SUBJECT, limit=salutation if salutation is not None else HEADER_LINES)
    if i is None:
        return _regulation_subject(lines)
    column = SUBJECT.match(lines[i].text).end()
    return _without_tail_specks(_field_block(lines, i, column, typical_width(lines), max_lines=6, stop=salutation))


# a token no subject ends with: a scan's symbols ("=", "“2", "====๒===ๆ๒๑==="), Arabic digits glued to Thai
# letters ("0สอ"), with no Thai word in it (“ยกระดับ…” is one); bare numbers after one are specks too
SPECK_TOKEN = re.compile(r"[=“”\"'|<>~^*@#%\[\]{}]|^[0-9]+[ก-๙]")
NUMBER_TOKEN = re.compile(r"[0-9๐-๙]+")


def _without_tail_specks(field: Field) -> Field:
    """A subject without the specks a stamp or a stroke left after it on its lines:
    ``มอบหมายให้ข้าราชการปฏิบัติหน้าที่เวรรักษาการณ์ = “2 2 2`` -> ``…เวรรักษาการณ์``."""
    tokens = list(re.finditer(r"\S+", field.value))
    cut = None
    for token in reversed(tokens):
        if SPECK_TOKEN.search(token.group()) and not THAI_WORD.search(token.group()):
            cut = token.start()
        elif not NUMBER_TOKEN.fullmatch(token.group()):
            break
    if cut is None or field.span is None:
        return field
    value = field.value[:cut].rstrip()
    return Field(value, Span(field.span.start, field.span.start + len(value)) if value else None)


def recipient(lines: list[Line]) -> Field:
    """``เรียน …`` / ``ถึง …`` / ``กราบเรียน …`` joined across wrapped lines."""
    i = _first(lines, SALUTATION)
    if i is None:
        return Field("")
    column = SALUTATION.match(lines[i].text).end()
    return _field_block(lines, i, column, typical_width(lines), max_lines=6, join=_join_recipients)


# a line of a recipient list that opens the next item: "ทุก…" after its office, "และ…", another title
RECIPIENT_ITEM = re.compile(r"(?:ทุก|และ|หรือ|นายก|นายอำเภอ|หัวหน้า|ผู้ว่าราชการ|ผู้อำนวยการ|ผู้บัญชาการ|ผู้บังคับการ|ผู้กำกับการ"
                            r"|ปลัด|อธิบดี|อธิการบดี|เลขาธิการ|ประธาน|คณบดี|ผู้อำนวยการ|ศึกษาธิการ|สาธารณสุข|นายแพทย์)")


def _join_recipients(parts: list[str]) -> str:
    """A ``เรียน`` field over several lines: a line that opens the list's next item stands apart
    (``นายกองค์การบริหารส่วนจังหวัด`` / ``ทุกจังหวัด`` -> ``… จังหวัด ทุกจังหวัด``; ``…ลพบุรี`` / ``หัวหน้าส่วนราชการ``);
    the rest of a name goes on as ``join_wrapped`` joins it."""
    def stands_apart(part: str, before: str) -> bool:
        tail = before.rstrip()
        return bool(RECIPIENT_ITEM.match(part)) and "ก" <= tail[-1:] <= "\u0e4e" and not tail.endswith(("และ", "หรือ"))

    return join_wrapped([" ".join(_join_lines(parts, stands_apart))])  # "และ" / "นายก…" is one item


def _strip_phone(field: Field) -> Field:
    match = PHONE.search(field.value)
    if not match or field.span is None:
        return field
    value = field.value[: match.start()].rstrip()
    return Field(value, Span(field.span.start, field.span.start + len(value)))


def _memo_issuer(lines: list[Line]) -> Field:
    i = _first(lines, OWNER)
    if i is None:
        return Field("")
    block = _field_block(lines, i, OWNER.match(lines[i].text).end(), 0, max_lines=4, join=_join_owner)
    return _strip_phone(block)


UNIT_ITEM = re.compile(r"(?:กลุ่ม|ฝ่าย|กอง|แผนก|หน่วย|โทร)")  # a memo's unit after its office, on a line of its own


def _join_owner(parts: list[str]) -> str:
    """A memo's ``ส่วนราชการ`` lines as one value: a line that opens with the office's unit stands apart
    (``สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดขอนแก่น`` / ``ฝ่ายปฏิบัติการ`` -> ``… ขอนแก่น ฝ่ายปฏิบัติการ``); any
    other goes on without a space, as ``join_wrapped`` joins Thai."""
    return " ".join(p.strip() for p in _join_lines(parts, lambda part, _: bool(UNIT_ITEM.match(part))))


def _address_block(lines: list[Line], ref: tuple[int, RefNo] | None, date_index: int | None) -> Field:
    """External letter: the issuing office and address between the ``ที่`` line (``ref``: its index and
    number) and the date."""
    ref_index = ref[0] if ref else None
    if ref_index is None or date_index is None or date_index <= ref_index:
        return Field("")
    parts, spans = [], []
    words = [w for line in lines[ref_index : date_index] for w in line.text.split()]
    if ref and ref[1].span and ref[1].span.end < lines[ref_index].end:  # address on the ที่ line
        value, span = lines[ref_index].after(ref[1].span.end - lines[ref_index].start)
        glued = (UNREAD_SERIAL if ref[1].serial is None else GLUED_SPECKS).match(value)
        if span.start == ref[1].span.end and glued:
            value, span = value[glued.end():], Span(span.start + glued.end(), span.end)  # "ฯ๑       มหาวิทยาลัย…"
        if (lead := GHOST_LEAD.match(value)) and _ghost(lead["ghost"], words):
            value, span = value[lead.end("ghost"):].lstrip(), Span(span.start + lead.start("word"), span.end)
        if value and not _ghost(value, words):
            parts.append(value)
            spans.append(span)
    block = lines[ref_index + 1 : date_index]
    for line in block:
        if line.blank or STAMP_WORDS.match(line.text):
            continue
        value, span = line.stripped, line.span
        again = LINE_REF.match(line.text)
        number = parse_ref(line.text[again.end():], offset=line.start + again.end()) if again else None
        if ref and number and number.canonical == ref[1].canonical:  # the number read twice (a line read again)
            value, span = line.after(number.span.end - line.start)
            value = value[glued.end():] if (glued := GLUED_SPECKS.match(value)) else value
        if not value or _ghost(value, words) or _ghost_line(value, words):
            continue
        parts.append(value)
        spans.append(span)
    if not parts:
        return Field("")
    return Field(_join_address(parts), Span(spans[0].start, spans[-1].end))


# what begins an item of an address block (after a space): a road, a district, a province, a number, an
# office of its own; any other line goes on the line above without one (a name wrapped where the page ran out)
ADDRESS_ITEM = re.compile(r"(?:ถนน|ถ\.|แขวง|เขต(?!พื้นที่)|อำเภอ|อ\.|ตำบล|ต\.|จังหวัด|จ\.|กทม|กรุงเทพ|ศาลากลาง|เลขที่|หมู่|ซอย|"
                          r"โทร|ตู้|ไปรษณีย์|กระทรวง|กรม|สำนักงาน|มหาวิทยาลัย|คณะ|โรงเรียน|โรงพยาบาล|องค์การ|เทศบาล|"
                          r"ที่ว่าการ|ศูนย์|สถาบัน|วิทยาลัย|ทำเนียบ|อาคาร|ชั้น|ค่าย|กอง|กลุ่ม|ฝ่าย|แผนก|หน่วย|"
                          r"[ก-ฮ]{2}\.?[ \t]+[0-9๐-๙]{5}|[0-9๐-๙A-Za-z(])")


def _join_address(parts: list[str]) -> str:
    """The address block's lines as one value: a line that begins an item of its own (``ถนน…``,
    ``จังหวัด…``, a number, an office) stands apart by a space; any other is the rest of a name the line
    above could not hold and goes on without one (``join_address(["สำนักงานเขตพื้นที่การศึกษา",
    "ประถมศึกษาสระแก้ว เขต ๓", "ถนนราชดำเนิน อำเภอเมือง", "สระแก้ว"])`` -> ``"สำนักงานเขตพื้นที่การศึกษา
    ประถมศึกษาสระแก้ว เขต ๓ ถนนราชดำเนิน อำเภอเมืองสระแก้ว"``, without the breaks)."""
    return " ".join(_join_lines(parts, lambda part, before: not "ก" <= part[:1] <= "\u0e4e" or _begins_item(part, before)))


def _join_lines(parts: list[str], stands_apart) -> list[str]:
    """The lines of a field printed over several: each line ``stands_apart(line, what came before)`` begins
    an item of its own; any other goes on the item above as ``join_wrapped`` joins it."""
    out: list[str] = []
    for part in parts:
        if out and not stands_apart(part.strip(), " ".join(out)):
            out[-1] = join_wrapped([out[-1], part.strip()])
        else:
            out.append(part)
    return out


STREET = re.compile(r"ถนน|ถ\.|อำเภอ|อ\.|ตำบล|แขวง|เลขที่|หมู่|ซอย")
POSTCODE_LINE = re.compile(r"^[ก-๙.]+[ \t]+[0-9๐-๙]{5}$")  # "อำนาจเจริญ 82120": a province and its postcode


def _begins_item(part: str, before: str) -> bool:
    """Does an address line begin an item of its own? ``จังหวัด…`` does once the street or district is
    given or a postcode follows it (``…อำเภอเมือง`` / ``จังหวัดชลบุรี ๒๐๐๐๐``); before that it is the rest of the
    office's name (``สำนักงานสาธารณสุข`` / ``จังหวัดประจวบคีรีขันธ์``)."""
    if BARE_LABEL.search(before):
        return False  # "…อำเภอเมือง จังหวัด" / "ชลบุรี ๒๐๐๐๐": the name the label wants
    if part.startswith("จังหวัด"):
        return bool(STREET.search(before) or re.search(r"[0-9๐-๙]{5}", part))
    return bool(ADDRESS_ITEM.match(part) or POSTCODE_LINE.match(part))


BARE_LABEL = re.compile(r"(?:^|[ \t])(?:จังหวัด|อำเภอ|ตำบล|แขวง|เขต|ถนน)$")


# a speck and the first letters of a word printed beside it: "'. มหาวิทยา" under "มหาวิทยาลัยราชภัฏอุดรธานี"
GHOST = re.compile(r"^(?P<speck>[^\sก-๙0-9๐-๙A-Za-z(]{1,2}|[ก-ฮ]\.)?[ \t]*(?P<piece>[ก-๙]{3,})[^\sก-๙]?$")
# such a ghost before the office on the ที่ line: "ก. สำนัก: สำนักงานเขตพื้นที่การศึกษา"
GHOST_LEAD = re.compile(r"^(?P<ghost>(?:[^\sก-๙0-9๐-๙A-Za-z(]{1,2}|[ก-ฮ]\.)[ \t]*[ก-๙]{3,}[^\sก-๙]?)[ \t]+(?P<word>[ก-๙]{3,})")


def _a_word(piece: str) -> bool:
    """Is ``piece`` a Thai word or name (pythainlp's lists)? ``จังหวัด`` is; ``มหาวิทยา`` and ``ศาลาเ`` are not."""
    from extractors.name_lists import is_listed

    return is_listed(piece)


def _ghost(value: str, words: list[str]) -> bool:
    """Is ``value`` a ghost of a word of the address block: a speck, then the start of a longer word
    printed above or below it (a seal or a second pass of the scanner's light over the letterhead), its
    last letter perhaps misread (``. ศาลาเ`` beside ``ศาลากลางจังหวัดลพบุรี``), or the whole word again?

    >>> _ghost(". สำนักง", ["สำนักงานสาธารณสุขจังหวัด"]), _ghost(". ถนนราชดำเนิน", ["ศาลากลางจังหวัดลพบุรี"])
    (True, False)
    >>> _ghost(". ศาลากลางจังหวัดศรีสะเกษ", [".", "ศาลากลางจังหวัดศรีสะเกษ", "ศาลากลางจังหวัดศรีสะเกษ"])
    True
    >>> _ghost("มหาวิทยา", ["มหาวิทยาลัยราชภัฏอุดรธานี", "มหาวิทยา"]), _ghost("สกลนคร", ["สกลนคร", "สกลนคร"])
    (True, False)
    >>> _ghost("จังหวัด", ["สำนักงานสาธารณสุข", "จังหวัด", "จังหวัดสกลนคร"])   # a word, wrapped: no ghost
    False
    """
    match = GHOST.match(value.strip())
    if not match:
        return False
    piece = match["piece"]
    if not match["speck"]:  # the speck lost (OCR's repair takes a lone one off): the start of a longer word, and no word
        return _begins_longer_word(piece, words) and not _a_word(piece)
    return words.count(piece) >= 2 or any(
        len(w) > len(piece) and (w.startswith(piece) or (len(piece) >= 4 and w.startswith(piece[:-1]))) for w in words)


# a scan's symbol after an instrument's agency on its title line: a seal or a stamp read as text from there on
# ("คำสั่งมหาวิทยาลัยราชภัฏสุราษฎร์ธานี,, ง่"); no agency's name holds one
TITLE_SPECK = re.compile(r"[ \t]*[,;!?'\"|\[\]{}“”‘’«»@#%^*~_\\<>=]")


def _ghost_line(value: str, words: list[str]) -> bool:
    """Is ``value`` a line of a seal's or a stamp's ink over the letterhead: damaged (``damage.damaged``), and
    its only piece of three Thai letters or more the start of a longer word of the block, marks aside, its last
    letter perhaps misread, beside specks and lone letters?

    >>> _ghost_line(")6ๆ) ป มหาวิทย", ["มหาวิทยาลัยราชภัฏอุดรธานี", "ถนนประชาอุทิศ"])
    True
    >>> _ghost_line("ป . กรมบญเ", ["กรมบัญชีกลาง", "ถนนประชาอุทิศ"]), _ghost_line("ถนนประชาอุทิศ ๆ", ["ถนนประชาอุทิศ"])
    (True, False)
    """
    from extractors.damage import damaged
    from pipeline.ocr_edits import unmarked

    if not damaged(value):
        return False
    pieces = [m.group() for token in value.split() for m in [THAI_PIECE.search(token)] if m]
    if len(pieces) != 1 or any(len(re.findall("[ก-ฮ]", t)) > 1 for t in value.split() if not THAI_PIECE.search(t)):
        return False
    return _begins_longer_word(unmarked(pieces[0]), [unmarked(w) for w in words])


def _begins_longer_word(piece: str, words: list[str]) -> bool:
    """Is ``piece`` the start of a word of ``words`` two letters longer or more, its last letter perhaps misread?"""
    return any(len(w) >= len(piece) + 2 and (w.startswith(piece) or (len(piece) >= 4 and w.startswith(piece[:-1])))
               for w in words)


THAI_PIECE = re.compile(r"[ก-๎]{3,}")


WIDE_GAP = re.compile(r"[ \t]{3,}\S")  # another column of the page


def _title_issuer(lines: list[Line]) -> Field:
    """The agency an order, announcement or regulation names in its title: ``คำสั่งมหาวิทยาลัยราชภัฏ`` /
    ``สุราษฎร์ธานี`` -> ``มหาวิทยาลัยราชภัฏสุราษฎร์ธานี``; a wrapped line that shows a scan's damage (``มหาวิท '!``,
    ``ร ถมศึก1``: a seal's letters under the title) is not the rest of the name."""
    from extractors.damage import damaged

    title = _title(lines)
    if not title:
        return Field("")
    i, match = title
    value, span = lines[i].after(match.start("rest"))
    if (speck := TITLE_SPECK.search(value)) and speck.start():
        value = value[: speck.start()]
        span = Span(span.start, span.start + len(value))
    if (gap := WIDE_GAP.search(value)) and _in_receipt_stamp(lines, i):
        value = value[: gap.start()]  # "คำสั่งจังหวัดสระบุรี   วันที    ๑๓๑ เม.ย. ๖": a receipt stamp's row beside it
        span = Span(span.start, span.start + len(value))
    parts, end = [value], span.end
    for line in lines[i + 1 : i + 3]:  # a long agency name wraps: "ประกาศสำนักงานเขตพื้นที่…" / "ฉะเชิงเทรา เขต ๑"
        if line.blank or HEADER_KEYWORD.match(line.text) or TITLE_STOP.match(line.text) or ABOUT.search(parts[-1]):
            break
        if not THAI_WORD.search(line.text) or speck or damaged(line.stripped):
            break  # specks under the title ("จ |"), not the rest of its agency's name
        parts.append(line.stripped)
        end = line.span.end
    value = join_wrapped(parts)
    about = ABOUT.search(value)
    if about:
        value = value[: about.start()].rstrip()
        end = span.start + len(value) if len(parts) == 1 else end
    return Field(value, Span(span.start, end))


# one speck of a scan before the day of a date line: "«๙ กันยายน ๒๕๖๕", "'๑๘ กันยายน ๒๕๖๐"
SPECK = re.compile(r"[^\sก-๙0-9A-Za-z(]{1,2}[ \t]*(?=[0-9๐-๙])")
# "วันที่" with the marks above the line lost by OCR ("วนท", "วันท"), alone before a full date on its line
DAMAGED_DATE_WORD = re.compile("ว\u0e31?น\u0e17\u0e35?\u0e48?[ \t]+(?=[0-9๐-๙])")


def _date_line_index(lines: list[Line], start: int, stop: int) -> int | None:
    """The first line in ``[start, stop)`` that is a date alone (an external letter's date line).

    One stray symbol before the day is tolerated where the rest is a full date (day, month, 4-digit
    year): ``«๙ กันยายน ๒๕๖๕`` is a scan's speck before ``๙ กันยายน ๒๕๖๕``; so is a ``วันที่`` whose
    upper marks OCR lost (``วนท ๓๑ สิงหาคม ๒๕๖๕``).
    """
    for i in range(start, min(stop, len(lines))):
        text = lines[i].stripped
        match = DATE.match(text)
        if match and match.end() == len(text) and parse_match(match):
            return i
        speck = SPECK.match(text) or DAMAGED_DATE_WORD.match(text)
        match = DATE.match(text, speck.end()) if speck else None
        if match and match.end() == len(text) and len(match["year"].replace(" ", "")) == 4 and parse_match(match):
            return i
    return None


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


CLOSING_LINE = re.compile(r"^[ \t]*จึง")  # a stamped letter's last paragraph ("จึงแจ้งมาเพื่อทราบ"): no office's name


def _stamped_issuer(lines: list[Line], date_index: int | None) -> Field:
    """The agency above a stamped letter's date; when set apart by indentation it may wrap."""
    if date_index is None:
        return Field("")
    block: list[Line] = []
    for line in reversed(lines[:date_index]):
        if line.blank and not block:
            continue
        if line.blank or NAME_LINE.match(line.text) or BODY_OPENER.match(line.text) or CLOSING_LINE.match(line.text):
            break
        if block and (_indent(block[-1]) < 10 or _indent(line) < 10 or len(block) == 3):
            break
        block.append(line)
    if not block:
        return Field("")
    block.reverse()
    return Field(join_wrapped([line.stripped for line in block]), Span(block[0].span.start, block[-1].span.end))


def _date_on(line: Line, column: int, following: Line | None = None) -> ThaiDate | None:
    """The first date from ``column`` of ``line``; it may wrap into ``following`` ("พ.ศ." / "๒๕๔๔")."""
    text = line.text[column:]
    if following is not None and following.start == line.end + 1:
        text += "\n" + following.text
    dates = [d for d in find_dates(text, offset=line.start + column) if d.span.start < line.end]
    return dates[0] if dates else None


def _head_stop(lines: list[Line]) -> int:
    """Where the part of the header that may hold the letter's date ends: at the subject, the
    salutation or the body's first words, whichever comes first (a date below is a cited one)."""
    found = [i for i in (_first(lines, SUBJECT), _first(lines, SALUTATION), _first(lines, BODY_OPENER)) if i is not None]
    return min(found) if found else HEADER_LINES


RECEIPT_NUMBER = re.compile(r"เลข\S{0,4}[รว]ับ")  # the stamp's own row: "เลขรับ ๔๓๒๕", "เลขที่รับ"


def _near_stamp_row(lines: list[Line], i: int, row: re.Pattern) -> bool:
    """Does a stamp's ``row`` stand within three lines of line ``i``, not itself a ``ที่ …`` line (a memo's date
    shares that line, and a stamp may stand just above it)?"""
    return not LINE_REF.match(lines[i].text) and any(row.search(x.text) for x in lines[max(0, i - 3) : i + 4])


def receipt_stamp_row(lines: list[Line], i: int) -> bool:
    """Does line ``i`` stand among a receipt stamp's rows, its ``เลขรับ`` row within three lines (a body's line
    opening with ``เวลา ๐๙.๐๐ น.`` is no stamp's)?"""
    return _near_stamp_row(lines, i, RECEIPT_NUMBER)


def _in_receipt_stamp(lines: list[Line], i: int) -> bool:
    """Does line ``i`` stand among a receipt stamp's rows (``เลขรับ …`` / ``วันที่ …`` / ``เวลา …``)?"""
    return _near_stamp_row(lines, i, RECEIPT_ROW)


def document_date(lines: list[Line], kind: str) -> tuple[ThaiDate | None, int | None]:
    """The letter's own date and its line index, by the rule of its kind.

    In the header, only above the subject, the salutation and the body; never a ``ลงวันที่`` (a cited
    letter's) nor a receipt stamp's ``วันที่ ๒๓ มิ.ย. ๖๗``; an instrument's date is its signing line's only.
    """
    head_stop = _head_stop(lines)
    if kind in ("order", "announcement", "regulation"):
        for i, line in enumerate(lines):
            match = SIGNED_ON.match(line.text)
            following = lines[i + 1] if i + 1 < len(lines) else None
            if match and (date := _date_on(line, match.end(), following)):
                return date, i
    if kind == "stamped":
        salutation = _first(lines, SALUTATION) or 0
        for i in range(len(lines) - 1, salutation, -1):
            if _date_line_index(lines, i, i + 1) is not None:
                return _date_on(lines[i], 0), i
    if kind in ("order", "announcement", "regulation"):
        return None, None  # its signing line could not be read: a date in its text is another's
    for i, line in enumerate(lines[:head_stop]):
        word = DATE_WORD.search(line.text)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if word and not SIGNED_ON.match(line.text) and not _in_receipt_stamp(lines, i) and (
                date := _date_on(line, word.end(), following)) and (
                word.group(0).startswith("วันที่") or FULL_YEAR.search(date.text)):
            return date, i  # after a damaged วันที่ only a full date (4-digit year) is taken
    i = _date_line_index(lines, 0, head_stop)
    while i is not None and _in_receipt_stamp(lines, i):
        i = _date_line_index(lines, i + 1, head_stop)
    if i is not None:
        return _date_on(lines[i], 0), i
    return None, None


def issuer(lines: list[Line], kind: str, date_index: int | None) -> Field:
    """Who sent the letter, by the rule of its kind (memo ส่วนราชการ, external address block, title)."""
    return _without_tail_speck(_issuer(lines, kind, date_index))


def _issuer(lines: list[Line], kind: str, date_index: int | None) -> Field:
    if kind == "memo":
        return _memo_issuer(lines)
    if kind in ("order", "announcement", "regulation"):
        return _title_issuer(lines)
    if kind == "stamped":
        return _stamped_issuer(lines, date_index)
    from extractors.serial import uncertain_ref

    shaky = uncertain_ref(lines)
    return _address_block(lines, ref_line(lines) or _printed_number(lines) or (shaky[:2] if shaky else None), date_index)


TAIL_SPECK = re.compile(r"[ \t]*[-–—_~|,;:]+$")  # "กองโรคติดต่อทั่วไป กรมควบคุมโรค-": a scan's speck (a dot may end กทม.)


def _without_tail_speck(field: Field) -> Field:
    """``field`` without punctuation a speck left at its end: no issuer ends on a dash or a bar."""
    match = TAIL_SPECK.search(field.value)
    if not match or field.span is None:
        return field
    value = field.value[: match.start()]
    return Field(value, Span(field.span.start, field.span.start + len(value)) if value else None)


def _printed_number(lines: list[Line]) -> tuple[int, RefNo] | None:
    """The ``ที่`` line whose number shows only its printed part, the serial lost (hand-written, unread)
    and the office after a gap: ``ที่ อว ๐๖๐๓.๒๔/               . มหาวิ`` (its index, the printed part)."""
    from extractors.serial import PREFIX

    for i, line in enumerate(lines[:_head_stop(lines)]):
        head = LINE_REF.match(line.text)
        match = PREFIX.match(line.text, head.end() + len(line.text[head.end():]) - len(line.text[head.end():].lstrip())) if head else None
        if match and (line.text[match.end():match.end() + 3].isspace() or match.end() == len(line.text)):
            printed = re.sub(r"[ \t]+", " ", match.group(0).strip())
            return i, RefNo(match["agency"], "", None, False, printed, Span(line.start + match.start(), line.start + match.end()))
    return None
