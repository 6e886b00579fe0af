"""An OCR page's text laid out as printed: indentation, pieces of one baseline joined, paragraph gaps.

Tesseract's ``--psm 11`` text is a list of flush-left lines: the signature block, the date set right
of centre and an indented paragraph all start at column 0, and a ``ที่`` number with the address
beside it come back as two lines. The extractors read a letter's blocks from that layout (a body
paragraph is indented, a signature block stands right of the contact block), so this module puts
it back from the word boxes, in the same units as the PDF reader (``pdf_layout``): one space per
character width from the page's left margin, a blank line where the line pitch hides an empty line.

>>> # render(result) -> "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘          สำนักงานเขตพื้นที่การศึกษา\\n…\\n                      (นายชัยวัฒน์ สายสุด)"

Scans are tilted a little; the tilt is measured from the words of the long lines and taken out
before lines are compared, so a line at the foot of a tilted page is not seen as indented.
Written by hand: Tesseract's hOCR/TSV give boxes but no layout text, and its ``preserve_interword_spaces``
does not indent lines.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from pipeline.text_layout import MAX_INDENT, PARAGRAPH_GAP
from pipeline.thai_chars import MARK_SET

SAME_LINE = 0.5  # pieces whose middles differ by less than this share of a line height share a baseline
WIDE_GAP = 3  # character widths: a gap wider than this between pieces is kept as spaces (a tab stop)
MIN_MARGIN_CHARS = 3  # a line shorter than this (a speck, a stray mark) does not set the left margin
# Tesseract's boxes hug the ink; the PDF reader's glyph boxes include the side bearings. Measured on
# the same letters as PDF and as 300 dpi scans, this factor makes both give the same indentation.
INK_TO_ADVANCE = 1.2
RULE_HEIGHT = 0.3  # a piece this thin (share of a line height) and wide is a drawn rule, not text
RULE_MIN_WIDTH = 5  # character widths
RULE_DASHES = 0.4  # a line this much dashes (and at least RULE_MIN_WIDTH of them) is a typed rule read with specks
SPECK_HEIGHT = 0.3  # a piece whose characters are this small (share of a line height) is specks read as ``๑๓๑``
NOISE_CONFIDENCE = 0.4  # a line Tesseract is this unsure of, with no digit in it, is noise (a smudge, a stamp)
DIGIT = re.compile("[0-9๐-๙]")


@dataclass(frozen=True, slots=True)
class Piece:
    """One Tesseract text line with its box, tilt taken out (pixels)."""

    index: int  # position in Tesseract's text
    text: str
    left: float
    right: float
    middle: float
    height: float
    confidence: float = 1.0  # Tesseract's mean word confidence, 0..1


def _base_chars(text: str) -> int:
    return sum(1 for c in text if c not in MARK_SET and not c.isspace())


def char_width(words) -> float:
    """Median width of one printed character over the page's words (marks take no width)."""
    widths = [w.box[2] / n for w in words if (n := _base_chars(w.text)) and w.box[2] > 0]
    return statistics.median(widths) if widths else 1.0


def tilt(line_words) -> float:
    """Slope (dy/dx) of the text lines: the median, over lines of four words or more, of the slope
    between the middles of their left and right halves."""
    slopes = []
    for words in line_words:
        if len(words) < 4:
            continue
        ordered = sorted(words, key=lambda w: w.box[0])
        half = len(ordered) // 2
        left, right = ordered[:half], ordered[half:]
        x0 = statistics.median(w.box[0] + w.box[2] / 2 for w in left)
        x1 = statistics.median(w.box[0] + w.box[2] / 2 for w in right)
        y0 = statistics.median(w.box[1] + w.box[3] / 2 for w in left)
        y1 = statistics.median(w.box[1] + w.box[3] / 2 for w in right)
        if x1 - x0 > 0:
            slopes.append((y1 - y0) / (x1 - x0))
    return statistics.median(slopes) if slopes else 0.0


def pieces(lines: list[str], line_words, slope: float) -> list[Piece | None]:
    """A Piece for each text line with words, None for a line Tesseract's TSV did not pair."""
    out: list[Piece | None] = []
    for index, text in enumerate(lines):
        words = line_words[index] if index < len(line_words) else ()
        if not words or not text.strip():
            out.append(None)
            continue
        middle = statistics.median(w.box[1] + w.box[3] / 2 for w in words)
        left = min(w.box[0] for w in words)
        right = max(w.box[0] + w.box[2] for w in words)
        # Rotate back about the origin (small angles): x' = x + slope * y, y' = y - slope * x.
        size = sum(len(w.text) for w in words) or 1
        out.append(Piece(index, text.strip(), left + slope * middle, right + slope * middle,
                         middle - slope * (left + right) / 2, statistics.median(w.box[3] for w in words),
                         sum(w.confidence * len(w.text) for w in words) / size))
    return out


def _rows(placed: list[Piece], height: float) -> list[list[Piece]]:
    """Pieces grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[Piece]] = []
    for piece in sorted(placed, key=lambda p: p.middle):
        row = rows[-1] if rows else None
        if (row is not None and abs(piece.middle - statistics.mean(p.middle for p in row)) < SAME_LINE * height
                and all(piece.left >= p.right or piece.right <= p.left for p in row)):
            row.append(piece)
        else:
            rows.append([piece])
    return [sorted(row, key=lambda p: p.left) for row in rows]


def _row_text(row: list[Piece], margin: float, unit: float) -> str:
    out = [" " * max(0, min(MAX_INDENT, round((row[0].left - margin) / unit)))]
    for previous, piece in zip([None, *row], row, strict=False):
        if previous is not None:
            gap = (piece.left - previous.right) / unit
            out.append(" " * min(MAX_INDENT, round(gap)) if gap > WIDE_GAP else " ")
        out.append(piece.text)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Geometry:
    """What the layout of one page needs: its pieces, character width, line height and left margin."""

    placed: tuple[Piece | None, ...]
    unit: float
    height: float
    margin: float


def geometry(lines: list[str], line_words) -> Geometry | None:
    """The page's Geometry, None when no line has words."""
    words = [w for ws in line_words for w in ws]
    placed = pieces(lines, line_words, tilt(line_words)) if words else []
    solid = [p for p in placed if p is not None]
    if not solid:
        return None
    wide = [p.left for p in solid if _base_chars(p.text) >= MIN_MARGIN_CHARS] or [p.left for p in solid]
    return Geometry(tuple(placed), char_width(words) * INK_TO_ADVANCE, statistics.median(p.height for p in solid),
                    min(wide))


def as_rule(piece: Piece, geo: Geometry) -> Piece:
    """Rules and noise, cleaned; other pieces as they are.

    A drawn rule (the line under an order's subject), read as ``: โน1โโโีโ--+ไ15o``, and a typed rule
    read with specks (``------๊---ค”๊ค๊ค้้ค้-``) come back as dashes; a line of specks far smaller than
    print (dust beside a subject read as ``๑๓๑๐๑๑``, each 7 px high on a page of 50 px lines) comes back
    empty, and so does a line Tesseract is very unsure of
    and that holds no digit (a smudge read as ``กรปบ อออ ว``) comes back empty, so it does not run into
    the field above it. Lines with digits are kept whatever their confidence: the digit reader checks them.
    """
    width = (piece.right - piece.left) / geo.unit
    solid = piece.text.replace(" ", "")
    dashes = solid.count("-")
    if width >= RULE_MIN_WIDTH and (piece.height < RULE_HEIGHT * geo.height
                                    or dashes >= RULE_MIN_WIDTH and dashes >= RULE_DASHES * len(solid)):
        return replace(piece, text="-" * round(width))
    if piece.height < SPECK_HEIGHT * geo.height:
        return replace(piece, text="")
    if piece.confidence < NOISE_CONFIDENCE and not DIGIT.search(piece.text):
        return replace(piece, text="")
    return piece


def layout(lines: list[str], line_words, margin: float | None = None) -> str:
    """The text of ``lines`` laid out by their words' boxes (see the module docstring).

    ``margin``: the left margin of the whole document (pixels), so that a page holding only the end
    of a signature block does not look flush left; by default the page's own. Lines without words
    keep their place after the line Tesseract gave before them.
    """
    geo = geometry(lines, line_words)
    if geo is None:
        return "\n".join(line.strip() for line in lines if line.strip())
    margin = geo.margin if margin is None else min(margin, geo.margin)
    rows = _rows([as_rule(p, geo) for p in geo.placed if p is not None], geo.height)
    middles = [statistics.mean(p.middle for p in row) for row in rows]
    pitches = [b - a for a, b in zip(middles, middles[1:], strict=False)]
    pitch = statistics.median(pitches) if pitches else 0.0
    unpaired: dict[int, list[str]] = {}
    last_paired = -1
    for index, piece in enumerate(geo.placed):
        if piece is not None:
            last_paired = index
        elif lines[index].strip():
            unpaired.setdefault(last_paired, []).append(lines[index].strip())
    out: list[str] = list(unpaired.get(-1, []))
    for k, row in enumerate(rows):
        if k and pitch and middles[k] - middles[k - 1] > PARAGRAPH_GAP * pitch:
            out.append("")
        out.append(_row_text(row, margin, geo.unit).rstrip())
        for piece in row:
            out.extend(unpaired.get(piece.index, []))
    return "\n".join(out)


def page_margin(result) -> float | None:
    """The left margin of an ``ocr.OcrResult``'s page in pixels (None for a page without words)."""
    geo = geometry(result.text.split("\n"), result.line_words)
    return None if geo is None else geo.margin


def render(result, margin: float | None = None) -> str:
    """``layout`` of an ``ocr.OcrResult`` (its text after the post-processors, its words as read)."""
    return layout(result.text.split("\n"), result.line_words, margin)


def render_pages(results: list) -> list[str]:
    """The pages of one document, laid out against the document's left margin."""
    margins = [m for m in map(page_margin, results) if m is not None]
    margin = min(margins) if margins else None
    return [render(r, margin) for r in results]
