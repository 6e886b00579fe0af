"""Lines with their offsets, and the rule for joining a field wrapped over several lines."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.models import Span

_COMBINING_OR_SPACE = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\s]")
# the same characters as a deletion table: str.translate drops them a dozen times faster than the regex
_NO_WIDTH = dict.fromkeys([0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F),
                           *(c for c in range(0x3001) if _COMBINING_OR_SPACE.match(chr(c)))])
_RULE_OR_NUMBER_START = frozenset("-_=─━~*•.–")  # what a rule or a page number begins with after [ \t]*
# a rule printed under a title: "------------", "________________", "==========", "─────", "- - - - -"
_RULE = re.compile(r"^[ \t]*[-_=─━~*•.](?:[ \t]*[-_=─━~*•.]){3,}[ \t]*$")
_RUN_OF_SPACES = re.compile(r"[ \t]{2,}|\t")  # tab-aligned forms: "ขอนแก่น  กลุ่มงาน" -> one space
PAGE_NUMBER = re.compile(r"^[ \t]*[-–][ \t]*[0-9๐-๙]{1,3}[ \t]*[-–][ \t]*$")  # "- ๒ -" atop page 2


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a letter: ``text`` without the newline, ``start`` its offset in the document."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        """Empty, a page break, or a printed rule: nothing a field continues into."""
        text = self.text
        stripped = text.strip()
        if not stripped or stripped == "\f":
            return True
        if text.lstrip(" \t")[:1] not in _RULE_OR_NUMBER_START:
            return False  # neither pattern can match: both begin with one of these after [ \t]*
        return bool(_RULE.match(text) or PAGE_NUMBER.match(text))

    @property
    def span(self) -> Span:
        lead = len(self.text) - len(self.text.lstrip())
        return Span(self.start + lead, self.start + len(self.text.rstrip()))

    def after(self, column: int) -> tuple[str, Span]:
        """The rest of the line from ``column``, stripped, with its span."""
        rest = self.text[column:]
        lead = len(rest) - len(rest.lstrip())
        value = rest.strip()
        start = self.start + column + lead
        return value, Span(start, start + len(value))


def split_lines(text: str, offset: int = 0) -> list[Line]:
    """``split_lines("เรื่อง ก\\nเรียน ข", 10)`` -> lines starting at 10 and 19."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(offset + pos, raw))
        pos += len(raw) + 1
    return lines


def visible_length(text: str) -> int:
    """Printed width in cells: Thai above/below marks and spaces take none."""
    return len(text.translate(_NO_WIDTH))


AREA_NUMBER = re.compile(r"เขต[ \t]*[0-9๐-๙]")  # "เขต ๓" of an office's name: always set off by a space
ABBREVIATION = re.compile(r"[ก-ฮ]{1,3}\.(?:[ก-ฮ]{1,3}\.)*(?![ก-๙])")  # "ก.พ.", "พ.ศ.", "กทม.": set off too


def _is_thai(ch: str) -> bool:
    """A Thai letter or mark; Thai digits are not: a number is set off by a space (``เขต`` / ``๓`` is ``เขต ๓``)."""
    return "\u0e00" <= ch <= "\u0e7f" and not "\u0e50" <= ch <= "\u0e59"


def join_wrapped(parts: list[str]) -> str:
    """Join the pieces of a field printed over several lines.

    A printed line break inside a Thai phrase carries no space; between other scripts it is a space:
    ``join_wrapped(["การจัดการระบบคอมพิวเตอร์", "ของกระทรวงมหาดไทย"]) == "การจัดการระบบคอมพิวเตอร์ของกระทรวงมหาดไทย"``;
    ``join_wrapped(["ประถมศึกษาสตูล เขต", "๓"]) == "ประถมศึกษาสตูล เขต ๓"``; an area's number, ``เขต ๓``,
    stands apart from the province before it: ``join_wrapped(["…สมุทรปราการ", "เขต ๓"]) == "…สมุทรปราการ เขต ๓"``.
    """
    out = ""
    for part in (_RUN_OF_SPACES.sub(" ", p.strip()) for p in parts):
        if not part:
            continue
        if out and (not (_is_thai(out[-1]) and _is_thai(part[0])) or AREA_NUMBER.match(part) or ABBREVIATION.match(part)):
            out += " "
        out += part
    return unicodedata.normalize("NFC", out)


def is_wrapped(line: Line, typical_width: int) -> bool:
    """True if ``line`` reaches near the right margin, so the field may go on in the next line."""
    return typical_width > 0 and visible_length(line.text) >= 0.8 * typical_width


def typical_width(lines: list[Line]) -> int:
    """The printed width of a full line of this letter (a high percentile of line widths)."""
    widths = sorted(visible_length(line.text) for line in lines if not line.blank)
    if not widths:
        return 0
    return widths[int(0.9 * (len(widths) - 1))]


def right_edge(lines: list[Line]) -> int:
    """Where full lines end, counting indentation: a high percentile of indent + printed width."""
    edges = sorted(len(line.text) - len(line.text.lstrip(" ")) + visible_length(line.text)
                   for line in lines if not line.blank)
    return edges[int(0.9 * (len(edges) - 1))] if edges else 0


LONG_LINE = 250  # characters: no printed line of a letter is this long


def without_layout(lines: list[Line]) -> bool:
    """Text whose line breaks were lost (web copies, PDF text dumps): one of its first lines is longer
    than any printed line could be."""
    head = [line for line in lines if not line.blank][:3]
    return any(len(line.text) > LONG_LINE for line in head)
