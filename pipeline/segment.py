"""Split a document's normalised text into letters.

Archives often keep several letters in one file (a memo and the external letter it covers,
a circular and its attachments). A new letter starts at a header anchor — ``บันทึกข้อความ``,
a ``ที่ <เลขที่หนังสือ>`` line, or a title such as ``คำสั่งจังหวัดอ่างทอง`` — once the current letter
has ended (a signature name line, a closing, or an order's ``สั่ง ณ วันที่``). Urgency and secrecy
stamps just above an anchor belong to the letter that follows.
"""

from __future__ import annotations

import re

from extractors.lines import Line, join_wrapped, split_lines
from extractors.patterns import CLOSING, LEADING_SPECK, LINE_REF, NAME_LINE, OWNER, SALUTATION, SUBJECT
from extractors.ref_numbers import parse_ref
from extractors.signature import ACTING, wraps_over_page
from pipeline.models import Letter, Span

MEMO_TITLE = re.compile(r"^[ \t]*(?:บันทึกข้อความ|บันทึก[ \t]*ข้อความ)[ \t]*$")  # "บันทึกข้อความ"
# "คำสั่งจังหวัด…" (a speck before it too: "' ประกาศมหาวิทยาลัย…"); not the word ประกาศนียบัตร (a diploma,
# in a schedule's rows)
TITLE = re.compile(r"^[ \t]*" + LEADING_SPECK + r"(?:คำสั่ง|ประกาศ(?!นียบัตร|นิยบัตร)|ระเบียบ|ข้อบังคับ|แถลงการณ์)(?![ \t]*ณ)[ \t]*[ก-๙]")
SIGNED_ON = re.compile(r"^[ \t]*" + LEADING_SPECK + r"(?:สั่ง|ประกาศ|ให้ไว้)[ \t]*ณ[ \t]*วันที่")  # "สั่ง ณ วันที่ ๑ …"
STAMP_LINE = re.compile(r"^[ \t]*(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ|สำเนา|\(สำเนา\)|[ \t])*[ \t]*$")


def _is_ref_line(line: Line) -> bool:
    match = LINE_REF.match(line.text)
    if not match:
        return False
    ref = parse_ref(line.text[match.end():])
    # an order number "ที่ ๓/๒๕๖๓" at a line start is as often a wrapped "ครั้งที่ ๓/๒๕๖๓";
    # orders are found by their title line (คำสั่ง…) instead
    return ref is not None and bool(ref.agency)


CITED_ON = re.compile(r"ลงวันที่|ลว\.")  # "ที่ มท ๐๒๑๑/ว ๑ ลงวันที่ …" at a line start is a wrapped citation
CITING_TAIL = re.compile(r"(?:หนังสือ[^\n]*|ด่วนที่สุด|ด่วนมาก|ด่วน)[ \t]*$")  # "…ตามหนังสือกระทรวงมหาดไทย"
# what stands under a title: "ที่ ๑๔๖/๒๕๔๓" alone (not a wrapped "ครั้งที่ ๗/๒๕๖๗ เมื่อ…"), เรื่อง, ว่าด้วย, พ.ศ.
TITLE_FOLLOWER = re.compile(
    r"^[ \t]*(?:ที่[ \t]*[0-9๐-๙]{1,5}[ \t]*/[ \t]*[0-9๐-๙]{4}[ \t]*$|เรื่อง|ว่าด้วย"
    r"|พ\.[ \t]?ศ\.[ \t]*[0-9๐-๙]{4}[ \t]*$|\(ฉบับที่|ฉบับที่)"
)
DATE_LEAD = re.compile(r"(?:ลง|วัน|ที่|ลว\.?|เมื่อ|ตั้งแต่|ภายใน)[ \t]*$")  # a date wrapped from the line above
STANDALONE_DATE = re.compile(r"^[ \t]*(?:วันที่[ \t]*)?[0-9๐-๙]{1,2}[ \t]*[ก-ฮ][ก-๙. ]{1,12}[ \t]*(?:พ\.[ \t]?ศ\.[ \t]*)?[0-9๐-๙]{2,4}[ \t]*$")


def _next_text(lines: list[Line], i: int) -> Line | None:
    return next((line for line in lines[i + 1 : i + 4] if not line.blank), None)


def _previous_text(lines: list[Line], i: int) -> Line | None:
    return next((line for line in reversed(lines[max(0, i - 3) : i]) if not line.blank), None)


def _anchor(lines: list[Line], i: int) -> str:
    """Which kind of letter start ``lines[i]`` is: 'memo', 'ref', 'title' or ''."""
    line = lines[i]
    if MEMO_TITLE.match(line.text):
        return "memo"
    if _is_ref_line(line):
        previous = _previous_text(lines, i)
        cites = previous is not None and CITING_TAIL.search(previous.text) and not STAMP_LINE.match(previous.text)
        if CITED_ON.search(line.text) or cites:
            return ""
        return "ref"
    if TITLE.match(line.text) and len(line.stripped) <= 160:
        indented = len(line.text) - len(line.text.lstrip()) >= 10
        return "title" if indented or _titled(lines, i) else "weak-title"
    return ""


def _titled(lines: list[Line], i: int) -> bool:
    """Does a number or a เรื่อง stand under the title line ``i``: "คำสั่งจังหวัด…" / ["พิษณุโลก" (the name
    wrapped)] / "ที่ ๑๔๖/๒๕๔๓" or "เรื่อง …"?"""
    followers = [x for x in lines[i + 1 : i + 5] if not x.blank][:2]
    return bool(followers) and bool(TITLE_FOLLOWER.match(followers[0].text) or (
        len(followers) == 2 and len(followers[0].stripped) <= 40 and TITLE_FOLLOWER.match(followers[1].text)))


class _State:
    """What the current letter has shown since it began."""

    def __init__(self, enclosure: bool = False) -> None:
        self.enclosure = enclosure  # pages after a letter's signature: any letter anchor starts a letter
        self.named = False  # the signer's name line has been seen
        self.signed = False  # ... and a line (the position) after it
        self.ended = False  # signature, closing, "สั่ง ณ วันที่", or a stamped letter's closing date
        self.has_ref = False
        self.has_subject = False
        self.has_salutation = False
        self.stamped = False  # addressed with ถึง: a หนังสือประทับตรา, which ends on its date
        self.previous = ""
        self.turned = False  # a page break since the subject
        self.on_page = 0  # lines of text since the last page break

    def update(self, line: Line) -> None:
        text = line.text
        stripped = line.stripped
        if _page_break(line):
            self.turned, self.on_page = self.has_subject, 0
        elif stripped:
            self.on_page += 1
        named = NAME_LINE.match(text) is not None
        if self.named and stripped and not named:
            self.signed = True
        if named:
            self.named = True
        if named or CLOSING.match(text) or SIGNED_ON.match(text):
            self.ended = True
        if self.stamped and STANDALONE_DATE.match(text) and not DATE_LEAD.search(self.previous):
            self.ended = True  # the date alone after the body closes a หนังสือประทับตรา
        if SUBJECT.match(text):
            self.has_subject = True
        if salutation := SALUTATION.match(text):
            self.has_salutation = True
            self.stamped = salutation["kw"] == "ถึง"
        if not line.blank:
            self.previous = text
        if _is_ref_line(line):
            self.has_ref = True

    def starts_new(self, kind: str, titled: bool = False) -> bool:
        if self.ended or (self.enclosure and kind != "weak-title"):
            return True
        if self.turned and self.on_page < PAGE_HEAD_LINES and (kind == "memo" or (kind == "title" and titled)):
            return True  # a memo form or a title with its number or เรื่อง heading a later page: its signature was unreadable
        started = self.has_ref or self.has_salutation
        if kind in ("memo", "title"):
            return started  # a memo form or a titled order never begins inside another letter's text
        # a second ที่-line after a complete header and no signature: still two letters
        return kind == "ref" and self.has_ref and self.has_salutation


def _back_over_stamps(lines: list[Line], index: int, floor: int) -> int:
    """Move a split point up over blank lines and urgency/secrecy stamps that head the next letter."""
    # a secrecy stamp printed at the head of the previous letter is also its foot: it stays there
    head_stamps = {x.stripped for x in lines[floor : floor + 6] if x.stripped.startswith("ลับ") and STAMP_LINE.match(x.text)}
    while index - 1 > floor and STAMP_LINE.match(lines[index - 1].text):
        if lines[index - 1].stripped in head_stamps:
            break
        index -= 1
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


ENCLOSURE_MIN_CHARS = 120  # less after a page break than this is specks or a page number, not an enclosure
HEADER_CHARS = 400  # a letter's number, address and date above its เรื่อง / เรียน


def _page_break(line: Line) -> bool:
    return "\f" in line.text and not line.stripped


PAGE_HEAD_LINES = 15  # a letter's header stands within the first lines of a page (under an emblem's specks)


def _after_break(lines: list[Line], i: int) -> str:
    """What the page after the break at ``i`` (in a signed letter) is: 'goes-on' (an acting line of the
    signature), 'anchored' (a letter anchor in its head: split as usual), 'letter' (a header's เรื่อง,
    เรียน or ส่วนราชการ before or without a readable anchor: a letter all the same) or 'enclosure'."""
    head = [j for j in range(i + 1, len(lines)) if lines[j].stripped and not _page_break(lines[j])][:PAGE_HEAD_LINES]
    if head and ACTING.match(lines[head[0]].stripped):
        return "goes-on"
    before = 0  # characters on the page above the line looked at: specks above a header, a form's rows
    for j in head:
        if _anchor(lines, j) in ("memo", "ref", "title"):  # lower down, a letter after a form: split there
            return "anchored" if before < ENCLOSURE_MIN_CHARS else "enclosure"
        if (SUBJECT.match(lines[j].text) or SALUTATION.match(lines[j].text) or OWNER.match(lines[j].text)) and (
                before < HEADER_CHARS):
            return "letter"  # a header's เรื่อง, เรียน or a memo's ส่วนราชการ under a receipt stamp and an emblem's specks
        before += len(lines[j].stripped)
    return "enclosure"


def split_points(lines: list[Line]) -> list[int]:
    """Indexes of the lines where letters begin (the first is always 0); see ``split_with_enclosures``."""
    return [start for start, _ in split_with_enclosures(lines)]


def split_with_enclosures(lines: list[Line]) -> list[tuple[int, bool]]:
    """Where letters and enclosures begin: ``(line index, is an enclosure)``, the first ``(0, False)``.

    An enclosure is what follows a page break after a signed letter (its name line and a line under
    it): a schedule, a form, an attendance list, a copy of another letter. It holds no letter of its
    own unless a letter anchor starts one in it (then that letter is split off as usual).
    """
    starts: list[tuple[int, bool]] = [(0, False)]
    state = _State()
    for i, line in enumerate(lines):
        kind = _anchor(lines, i)
        if kind and i > starts[-1][0] and state.starts_new(kind, kind == "title" and _titled(lines, i)):
            starts.append((_back_over_stamps(lines, i, starts[-1][0]), False))
            state = _State()
        elif _page_break(line) and state.signed and not state.enclosure and not _signature_goes_on(lines, i):
            after = _after_break(lines, i)
            if after in ("letter", "enclosure"):
                starts.append((i + 1, after == "enclosure"))
                state = _State(enclosure=after == "enclosure")
                continue
        state.update(line)
    return _without_slivers(lines, starts)


def _signature_goes_on(lines: list[Line], i: int) -> bool:
    """Does the signature block above the page break at ``i`` go on atop the next page (its acting line or
    its principal's office: ``ศึกษา รักษาราชการแทน`` / page break / ``ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา``)?
    Then the page is the letter's, not an enclosure."""
    before = [x.text for x in lines[max(0, i - 4) : i] if not x.blank][-2:]  # an acting phrase broken over two
    after = _next_text(lines, i)
    return bool(before) and after is not None and wraps_over_page(join_wrapped(before), after.text)


# the lines of a letter's contact block: its unit, telephone, fax, e-mail, the officer to contact
CONTACT_LINE = re.compile(r"^[ \t]*(?:(?:ฝ่าย|กลุ่ม|งาน|กอง|ศูนย์|สำนักงาน|ส่วน)\S*[ \t]*$|โทร|Tel|Fax|E-?mail|อีเมล"
                          r"|ไปรษณีย์อิเล็กทรอนิกส์|ผู้ประสานงาน|ผู้รับผิดชอบ|www\.|http)", re.I)
CONTACT_LINES = 8  # a contact block is a few lines; a longer part is an enclosure even if it starts so


def _contact_only(lines: list[Line]) -> bool:
    """Is this part (the page after a signature) only the rest of the letter's contact block?
    ``ฝ่ายปฏิบัติการ`` / ``โทร ๐-๓๕๙๑-๐๒๔๖`` / ``โทรสาร …`` / ``ไปรษณีย์อิเล็กทรอนิกส์ …`` / ``ผู้ประสานงาน …``"""
    texts = [x for x in lines if not x.blank]
    return 0 < len(texts) <= CONTACT_LINES and all(CONTACT_LINE.match(x.text) for x in texts)


def _without_slivers(lines: list[Line], starts: list[tuple[int, bool]]) -> list[tuple[int, bool]]:
    """Drop an enclosure start whose part holds hardly any text (specks, a page number) or only the rest
    of the contact block: as before, it stays at the foot of the letter above."""
    kept: list[tuple[int, bool]] = []
    for n, (first, enclosure) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        size = sum(len(x.stripped) for x in lines[first:last])
        if enclosure and (size < ENCLOSURE_MIN_CHARS or _contact_only(lines[first:last])):
            continue
        kept.append((first, enclosure))
    return kept


def segment(text: str) -> list[Letter]:
    """Letters in a normalised document text, in order, each with its span.

    >>> [l.index for l in segment("บันทึกข้อความ\\nที่ อท ๐๐๑๗.๒/ว ๑\\nเรื่อง ก\\n(นายก ข)\\nที่ อท ๐๐๑๗.๒/ว ๒\\nเรื่อง ข")]
    [0, 1]
    """
    lines = split_lines(text)
    marked = split_with_enclosures(lines)
    starts = [first for first, _ in marked]
    letters = []
    for n, (first, enclosure) in enumerate(marked):
        last = starts[n + 1] if n + 1 < len(starts) else len(lines)
        start = lines[first].start if first < len(lines) else len(text)
        end = lines[last - 1].end if last > first else start
        body = text[start:end].rstrip()
        pages = (text.count("\f", 0, start) + 1, text.count("\f", 0, start + len(body)) + 1)  # pages end in \f
        letters.append(Letter(n, Span(start, start + len(body)), body, pages, enclosure))
    kept = [letter for letter in letters if letter.text.strip()] or letters[:1]
    # letters are counted among letters only (the second letter after an enclosure is segment 1, not 2);
    # an enclosure, dropped after extraction, is numbered after them so that no two parts share a number
    n_letters = sum(not letter.enclosure for letter in kept)
    numbers, next_letter, next_enclosure = [], 0, n_letters
    for letter in kept:
        if letter.enclosure:
            numbers.append(next_enclosure)
            next_enclosure += 1
        else:
            numbers.append(next_letter)
            next_letter += 1
    return [Letter(i, letter.span, letter.text, letter.pages, letter.enclosure) for i, letter in zip(numbers, kept, strict=True)]
