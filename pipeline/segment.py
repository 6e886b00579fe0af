"""Split a document's normalised text into letters.

Archives often keep several letters in one file (a memo and the external letter it covers,
a circular and its attachments). A new letter starts at a header anchor — ``บันทึกข้อความ``,
a ``ที่ <เลขที่หนังสือ>`` line, or a title such as ``คำสั่งจังหวัดอ่างทอง`` — once the current letter
has ended (a signature name line, a closing, or an order's ``สั่ง ณ วันที่``). Urgency and secrecy
stamps just above an anchor belong to the letter that follows.
"""

from __future__ import annotations

import re

from extractors.lines import Line, split_lines
from extractors.patterns import CLOSING, LINE_REF, NAME_LINE, SALUTATION, SUBJECT
from extractors.ref_numbers import parse_ref
from pipeline.models import Letter, Span

MEMO_TITLE = re.compile(r"^[ \t]*(?:บันทึกข้อความ|บันทึก[ \t]*ข้อความ)[ \t]*$")  # "บันทึกข้อความ"
TITLE = re.compile(r"^[ \t]*(?:คำสั่ง|ประกาศ|ระเบียบ|ข้อบังคับ|แถลงการณ์)(?![ \t]*ณ)[ \t]*[ก-๙]")  # "คำสั่งจังหวัด…"
SIGNED_ON = re.compile(r"^[ \t]*(?:สั่ง|ประกาศ|ให้ไว้)[ \t]*ณ[ \t]*วันที่")  # "สั่ง ณ วันที่ ๑ …"
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
        # "คำสั่งจังหวัด…" / ["พิษณุโลก" (the name wrapped)] / "ที่ ๑๔๖/๒๕๔๓" or "เรื่อง …"
        followers = [x for x in lines[i + 1 : i + 5] if not x.blank][:2]
        titled = bool(followers) and (TITLE_FOLLOWER.match(followers[0].text) or (
            len(followers) == 2 and len(followers[0].stripped) <= 40 and TITLE_FOLLOWER.match(followers[1].text)))
        return "title" if indented or titled else "weak-title"
    return ""


class _State:
    """What the current letter has shown since it began."""

    def __init__(self) -> None:
        self.ended = False  # signature, closing, "สั่ง ณ วันที่", or a stamped letter's closing date
        self.has_ref = False
        self.has_subject = False
        self.has_salutation = False
        self.stamped = False  # addressed with ถึง: a หนังสือประทับตรา, which ends on its date
        self.previous = ""

    def update(self, line: Line) -> None:
        text = line.text
        if NAME_LINE.match(text) or CLOSING.match(text) or SIGNED_ON.match(text):
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

    def starts_new(self, kind: str) -> bool:
        if self.ended:
            return True
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


def split_points(lines: list[Line]) -> list[int]:
    """Indexes of the lines where letters begin (the first is always 0)."""
    starts = [0]
    state = _State()
    for i, line in enumerate(lines):
        kind = _anchor(lines, i)
        if kind and i > starts[-1] and state.starts_new(kind):
            starts.append(_back_over_stamps(lines, i, starts[-1]))
            state = _State()
        state.update(line)
    return starts


def segment(text: str) -> list[Letter]:
    """Letters in a normalised document text, in order, each with its span.

    >>> [l.index for l in segment("บันทึกข้อความ\\nที่ อท ๐๐๑๗.๒/ว ๑\\nเรื่อง ก\\n(นายก ข)\\nที่ อท ๐๐๑๗.๒/ว ๒\\nเรื่อง ข")]
    [0, 1]
    """
    lines = split_lines(text)
    starts = split_points(lines)
    letters = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(lines)
        start = lines[first].start if first < len(lines) else len(text)
        end = lines[last - 1].end if last > first else start
        body = text[start:end].rstrip()
        pages = (text.count("\f", 0, start) + 1, text.count("\f", 0, start + len(body)) + 1)  # pages end in \f
        letters.append(Letter(n, Span(start, start + len(body)), body, pages))
    kept = [letter for letter in letters if letter.text.strip()] or letters[:1]
    return [Letter(i, letter.span, letter.text, letter.pages) for i, letter in enumerate(kept)]
