"""A PDF page's text rebuilt from pdfium's character boxes: marks put back, layout kept.

Three things plain ``get_text_bounded`` loses on Thai letters:

* **Displaced marks.** LibreOffice draws a stacked mark (the ์ over ิ in ``โพธิ์``) as a separate text
  object, so pdfium emits it after the word: ``โพธิทอง์ )`` for ``โพธิ์ทอง)``. Each mark is moved back
  after the base character its box sits over; the zero-width spaces pdfium generated around it go.
* **Reading order.** pdfium follows the content stream: a page header (a secrecy stamp) can come
  last, a separately drawn mark splits a line (``ผู้|ว่า``), and the ``ที่`` number and the address
  beside it are two runs. Lines are re-sorted top to bottom and pieces on one baseline joined.
* **Layout.** Indentation (a signature block stands right of the contact block below it) and
  paragraph gaps (an empty line in the source) separate the blocks of a letter; they come back as
  leading spaces and blank lines.

Written by hand: neither pypdfium2 nor pdfplumber reorders combining marks by position, and
pdfplumber's own text garbles Thai marks (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import re
from ctypes import c_double
from typing import NamedTuple

from pipeline.text_layout import MAX_INDENT, PARAGRAPH_GAP
from pipeline.thai_chars import MARK_SET

SAME_BASELINE = 0.35  # pieces whose baselines differ by less than this share of a glyph height
TOUCHING = 2.0  # points: letters closer than this have no space between them


class Glyph(NamedTuple):
    """One character with its box in PDF points (origin bottom left): ``Glyph("ธ", 72.0, 700.1, 80.2, 711.9)``.

    A NamedTuple rather than a frozen dataclass: a page holds thousands, and a tuple is built in a third of
    the time (the dataclass's ``__init__`` was half of reading a page's boxes)."""

    char: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def generated(self) -> bool:
        """A space pdfium inserted itself (it has no width)."""
        return self.char.isspace() and self.right - self.left < 0.01

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def _glyph_lines(textpage) -> list[list[Glyph]]:
    """Every character of the page with its box, split at the line breaks pdfium generates (``\\r\\n``):
    pdfium's ``FPDFText_GetCharBox`` called directly with four reused doubles (pypdfium2's ``get_charbox``
    makes four and checks them on each of a page's characters)."""
    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)[:count]
    left, right, bottom, top = c_double(), c_double(), c_double(), c_double()
    charbox, page = pdfium_c.FPDFText_GetCharBox, textpage.raw
    make, glyph = tuple.__new__, Glyph  # a NamedTuple's own __new__ is a Python call per character
    lines: list[list[Glyph]] = []
    for piece in LINE.finditer(text):
        line = []
        append = line.append
        for i, char in enumerate(piece.group(), piece.start()):
            if charbox(page, i, left, right, bottom, top):  # pdfium's order: left, right, bottom, top
                append(make(glyph, (char, left.value, bottom.value, right.value, top.value)))
            else:  # pdfium has no box for some generated characters
                append(make(glyph, (char, 0.0, 0.0, 0.0, 0.0)))
        lines.append(line)
    return lines


SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())  # every str.isspace() character
NOT_SOLID = MARK_SET | SPACES  # a line's printed base characters are the rest (glyphs index as char, left, bottom, right, top)
LINE = re.compile(r"[^\r\n]+")  # a line between pdfium's generated line breaks


def _median(values: list[float]) -> float:
    """``statistics.median`` (the mean of the middle two of an even count), without its checks: it is
    called on every line of every page."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _baseline(line: list[Glyph]) -> float | None:
    bases = [g[2] for g in line if g[0] not in NOT_SOLID]
    return _median(bases) if bases else None


def _height(line: list[Glyph]) -> float:
    heights = [g[4] - g[2] for g in line if g[0] not in NOT_SOLID]
    return (_median(heights) if heights else 0.0) or 1.0


def _first_left(line: list[Glyph]) -> float:
    lefts = [g[1] for g in line if g[0] not in SPACES]
    return min(lefts) if lefts else 0.0


def _attach_lone_marks(lines: list[list[Glyph]]) -> list[list[Glyph]]:
    """A mark pdfium put on a line of its own (``ข้อม|ู|ล``) goes back to the line before it."""
    out: list[list[Glyph]] = []
    for line in lines:
        if out and not any(g[0] not in NOT_SOLID for g in line):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _printed_order(lines: list[list[Glyph]]) -> list[list[Glyph]]:
    """Lines top to bottom; pieces on one baseline joined left to right."""
    keyed = [(b, line) for line in _attach_lone_marks(lines) if (b := _baseline(line)) is not None]
    keyed.sort(key=lambda item: -item[0])
    groups: list[tuple[float, float, list[list[Glyph]]]] = []  # (baseline, height, pieces)
    for baseline, line in keyed:
        if groups and abs(groups[-1][0] - baseline) < SAME_BASELINE * groups[-1][1]:
            groups[-1][2].append(line)
        else:
            groups.append((baseline, _height(line), [line]))
    return [[g for piece in sorted(pieces, key=_first_left) for g in piece] for _, _, pieces in groups]


def _owner(line: list[Glyph], mark: Glyph, before: int) -> int | None:
    """Index of the base character (left of ``before``) that ``mark`` sits over."""
    for k in range(before - 1, -1, -1):
        glyph = line[k]
        if glyph.char in MARK_SET or glyph.char.isspace():
            continue
        if glyph.left - 1.0 <= mark.center <= glyph.right + 1.0:
            return k
    return None


def _displaced(line: list[Glyph], j: int) -> bool:
    """True if the mark at ``j`` does not sit over the character before it."""
    mark = line[j]
    k = j - 1
    while k >= 0 and line[k].char in MARK_SET:
        k -= 1
    if k < 0:
        return True
    base = line[k]
    return base.char.isspace() or not (base.left - 1.0 <= mark.center <= base.right + 1.0)


def _move_mark(glyphs: list[Glyph], j: int, owner: int) -> None:
    """Move the mark at ``j`` after ``owner`` (and its marks); drop pdfium's spaces around its old place."""
    mark = glyphs.pop(j)
    while j < len(glyphs) and glyphs[j].generated:
        del glyphs[j]
    if j > 0 and glyphs[j - 1].generated and _touching(glyphs, j):
        del glyphs[j - 1]  # pdfium's space before the stray mark, between two letters that touch
    insert = owner + 1
    while insert < len(glyphs) and glyphs[insert].char in MARK_SET:
        insert += 1
    glyphs.insert(insert, mark)


def _touching(glyphs: list[Glyph], j: int) -> bool:
    """Do the glyphs either side of the generated space at ``j - 1`` touch (no printed gap)?"""
    if j == len(glyphs) or j < 2:
        return True
    return glyphs[j].left - glyphs[j - 2].right < TOUCHING


VOWEL_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47")  # written before a tone mark


def _owner_ahead(line: list[Glyph], mark: Glyph, after: int) -> int | None:
    """Index of the base character right of ``after`` that ``mark`` sits over: some PDF writers draw a mark
    before its letter (``ู ผ ้`` for ``ผู้``). Only the next base character is looked at."""
    for k in range(after + 1, len(line)):
        glyph = line[k]
        if glyph.char in MARK_SET:
            continue
        if glyph.char.isspace() or not glyph.left - 1.0 <= mark.center <= glyph.right + 1.0:
            return None
        return k
    return None


def _move_mark_ahead(glyphs: list[Glyph], j: int, owner: int) -> None:
    """Move the mark at ``j`` after the base at ``owner`` (> j): a vowel mark right after it, a tone after
    its vowel marks. No space is put back where pdfium gave none: in a loosely set font the gap between
    two words is hardly wider than between two letters (``เรียน|ผู้`` 4.0 pt, ``มา|ด้วย`` 3.1 pt)."""
    mark = glyphs.pop(j)
    insert = owner
    if mark.char not in VOWEL_MARKS:
        while insert < len(glyphs) and glyphs[insert].char in VOWEL_MARKS:
            insert += 1
    glyphs.insert(insert, mark)


def repair_marks(line: list[Glyph]) -> list[Glyph]:
    """Put every displaced mark back after its base character.

    ``โ พ ธ ิ ท อ ง ␣ ์ ␣ )`` (the ์ boxed over ธ) -> ``โ พ ธ ิ ์ ท อ ง )``;
    ``เ ร ี ย น ู ผ ้ บ`` (the ู boxed over ผ, drawn before it) -> ``เ ร ี ย น ผ ู ้ บ``
    """
    glyphs = list(line)
    for j in range(len(glyphs)):
        if j < len(glyphs) and glyphs[j].char in MARK_SET and _displaced(glyphs, j):
            owner = _owner(glyphs, glyphs[j], j)
            if owner is not None:
                _move_mark(glyphs, j, owner)
            elif (ahead := _owner_ahead(glyphs, glyphs[j], j)) is not None:
                _move_mark_ahead(glyphs, j, ahead)
    return glyphs


def _printed(lines: list[list[Glyph]]) -> list[Glyph]:
    """The page's printed base characters that have a width (spaces, marks and boxless glyphs left out)."""
    return [g for line in lines for g in line if g[0] not in NOT_SOLID and g[3] > g[1]]


def left_margin(lines: list[list[Glyph]]) -> float | None:
    """The leftmost printed x of a page (None for a page without text)."""
    return min((g[1] for g in _printed(lines)), default=None)


def _metrics(printed: list[Glyph], baselines: list[float | None]) -> tuple[float, float]:
    """(width of one character, usual line pitch) of a page, from its ``_printed`` glyphs."""
    widths = [g[3] - g[1] for g in printed]
    unit = (_median(widths) if widths else 1.0) or 1.0
    known = [b for b in baselines if b is not None]
    pitches = [a - b for a, b in zip(known, known[1:], strict=False) if a - b > 0]
    return unit, (_median(pitches) if pitches else 0.0)


def _render_line(line: list[Glyph], margin: float, unit: float) -> str:
    indent = max(0, min(MAX_INDENT, round((_first_left(line) - margin) / unit)))
    out = [" " * indent]
    previous_right = None  # the right edge of the last printed glyph, None after a space
    tab = 3 * unit
    for char, left, _, right, _ in line:
        if char in SPACES:
            out.append(char)
            if right > left:  # a printed space: no tab stop right after it
                previous_right = None
            continue
        if previous_right is not None and char not in MARK_SET and left - previous_right > tab:
            out.append(" " * min(MAX_INDENT, round((left - previous_right) / unit)))  # a tab stop: "ที่ อท ๑๒๓/๔๕ <gap> ศาลากลางจังหวัด"
        out.append(char)
        previous_right = right
    return "".join(out).strip("\r").rstrip()


def page_lines(textpage) -> list[list[Glyph]]:
    """The glyphs of a page as printed lines, top to bottom, marks repaired."""
    return [repair_marks(line) for line in _printed_order(_glyph_lines(textpage))]


def render(lines: list[list[Glyph]], margin: float | None = None) -> str:
    """Text of a page: indentation from ``margin`` as spaces, paragraph gaps as blank lines.

    Pass one margin for all pages of a document, or a page holding only the end of a signature
    block would look flush left.
    """
    printed = _printed(lines)
    if not printed:
        return ""
    page_margin = min(g[1] for g in printed)
    margin = page_margin if margin is None else min(margin, page_margin)
    baselines = [_baseline(line) for line in lines]
    unit, pitch = _metrics(printed, baselines)
    out: list[str] = []
    last = None
    for line, baseline in zip(lines, baselines, strict=True):
        if baseline is None:
            continue
        if last is not None and pitch and last - baseline > PARAGRAPH_GAP * pitch:
            out.append("")
        out.append(_render_line(line, margin, unit))
        last = baseline
    return "\n".join(out)


def page_text(textpage) -> str:
    """One page on its own (its own left margin)."""
    return render(page_lines(textpage))
