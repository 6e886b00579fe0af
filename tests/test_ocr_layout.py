"""OCR text laid out from Tesseract's word boxes: indentation, one baseline, paragraph gaps, rules, tilt."""

from __future__ import annotations

import pytest

from pipeline.ocr.layout import INK_TO_ADVANCE, layout, render, render_pages, tilt
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines
from pipeline.thai_chars import MARK_SET as MARKS

CHAR = 20  # pixels per printed character in these pages
HEIGHT = 40


def line(text: str, left: int, top: int, number: int, slope: float = 0.0) -> list[OcrWord]:
    """Tesseract's words for one printed line: a word per space-separated piece, CHAR px a character
    (marks take no width)."""
    words, x = [], left
    for piece in text.split():
        width = CHAR * printed(piece)
        words.append(OcrWord(piece, 0.9, (x, round(top + slope * x), width, HEIGHT), (1, 1, number)))
        x += width + CHAR
    return words


def printed(text: str) -> int:
    return sum(c not in MARKS for c in text)


def page(rows: list[tuple[str, int, int]], slope: float = 0.0) -> OcrResult:
    words = [w for n, (text, left, top) in enumerate(rows, 1) for w in line(text, left, top, n, slope)]
    text = "\n".join(text for text, _, _ in rows)
    return OcrResult(text, tuple(words), pair_lines(text, tuple(words)))


UNIT = CHAR * INK_TO_ADVANCE


def spaces(px: float) -> int:
    return round(px / UNIT)


CASES = [
    # (rows: text, left, top) -> expected lines
    pytest.param(
        [("ที่ มท ๐๘๑๐/ว ๑๒", 200, 100), ("เรื่อง ขอเชิญประชุม", 200, 160), ("ด้วยจังหวัดได้รับแจ้ง", 440, 220),
         ("ว่าให้ดำเนินการ", 200, 280)],
        ["ที่ มท ๐๘๑๐/ว ๑๒", "เรื่อง ขอเชิญประชุม", " " * spaces(240) + "ด้วยจังหวัดได้รับแจ้ง", "ว่าให้ดำเนินการ"],
        id="an indented paragraph keeps its indentation",
    ),
    pytest.param(
        [("ที่ มท ๐๘๑๐/ว ๑๒", 200, 100), ("ศาลากลางจังหวัด", 1400, 102)],
        ["ที่ มท ๐๘๑๐/ว ๑๒" + " " * spaces(1400 - (200 + CHAR * (printed("ที่ มท ๐๘๑๐/ว ๑๒") + 1) - CHAR)) + "ศาลากลางจังหวัด"],
        id="two pieces on one baseline are one line, the gap kept",
    ),
    pytest.param(
        [("เรื่อง ขอเชิญประชุม", 200, 100), ("ผู้ว่าราชการจังหวัด", 200, 160), ("เรียน นายอำเภอ", 200, 220),
         ("ขอแสดงความนับถือ", 600, 380)],
        ["เรื่อง ขอเชิญประชุม", "ผู้ว่าราชการจังหวัด", "เรียน นายอำเภอ", "", " " * spaces(400) + "ขอแสดงความนับถือ"],
        id="a wide line pitch is a paragraph gap",
    ),
    pytest.param(
        [("เรียน นายอำเภอ", 200, 300), ("เรื่อง ขอเชิญประชุม", 200, 240)],
        ["เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ"],
        id="lines come top to bottom",
    ),
]


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_layout(rows, expected):
    assert render(page(rows)).split("\n") == expected


def test_tilt_is_measured_and_taken_out():
    rows = [("ที่ มท ๐๘๑๐/ว ๑๒ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", 200, 100),
            ("เรื่อง ขอเชิญประชุม คณะกรรมการ จังหวัด", 200, 160),
            ("เรียน นายอำเภอ ทุกอำเภอ และ ท้องถิ่น", 200, 220)]
    tilted = page(rows, slope=0.02)
    assert tilt(tilted.line_words) == pytest.approx(0.02, abs=0.002)
    assert render(tilted) == render(page(rows))


def test_a_thin_wide_piece_is_a_rule():
    words = (*line("เรื่อง ขอเชิญประชุม", 200, 100, 1),
             OcrWord("โน1โโโีโ", 0.3, (400, 180, 400, 4), (1, 1, 2)), *line("ด้วยจังหวัด", 440, 240, 3))
    text = "เรื่อง ขอเชิญประชุม\nโน1โโโีโ\nด้วยจังหวัด"
    lines = render(OcrResult(text, words, pair_lines(text, words))).split("\n")
    assert lines[1] == " " * spaces(200) + "-" * round(400 / UNIT)


def test_a_page_of_signature_only_is_indented_against_the_document_margin():
    first = page([("ที่ มท ๐๘๑๐/ว ๑๒", 200, 100), ("ด้วยจังหวัด", 440, 160)])
    last = page([("(นายสมชาย ใจดี)", 1000, 100), ("ผู้ว่าราชการจังหวัด", 960, 160)])
    assert render(last).split("\n")[1] == "ผู้ว่าราชการจังหวัด"  # on its own it looks flush left
    pages = render_pages([first, last])
    assert pages[1].split("\n")[0] == " " * spaces(800) + "(นายสมชาย ใจดี)"


def test_lines_without_words_keep_their_place():
    words = tuple(line("เรื่อง ขอเชิญประชุม", 200, 100, 1) + line("เรียน นายอำเภอ", 200, 160, 3))
    text = "เรื่อง ขอเชิญประชุม\n(unpaired)\nเรียน นายอำเภอ"
    assert layout(text.split("\n"), pair_lines(text, words)).split("\n") == [
        "เรื่อง ขอเชิญประชุม", "(unpaired)", "เรียน นายอำเภอ"]


def test_no_words_gives_the_text_back():
    assert layout(["เรื่อง ขอเชิญประชุม", "  "], ()) == "เรื่อง ขอเชิญประชุม"


@pytest.mark.parametrize(("text", "confidence", "expected"), [
    ("------๊---ค”๊ค๊ค้้ค้-้้้ลณ๊-๊ ---", 0.32, "dashes"),  # a typed rule read with specks
    ("กรปบ อออ ว ออา", 0.3, ""),  # a smudge: very unsure, no digit -> empty, so no field runs into it
    ("20 1เดาขน 2559", 0.28, "20 1เดาขน 2559"),  # digits: kept for the digit reader and validation
    ("ขอเชิญประชุมคณะกรรมการ", 0.9, "ขอเชิญประชุมคณะกรรมการ"),
])
def test_rules_and_noise(text, confidence, expected):
    words = (*line("เรื่อง ขอเชิญประชุม", 200, 100, 1),
             *[OcrWord(w.text, confidence, w.box, w.line) for w in line(text, 400, 160, 2)],
             *line("เรียน นายอำเภอ", 200, 220, 3))
    full = f"เรื่อง ขอเชิญประชุม\n{text}\nเรียน นายอำเภอ"
    got = render(OcrResult(full, words, pair_lines(full, words))).split("\n")[1].strip()
    if expected == "dashes":
        assert set(got) == {"-"}, got
    else:
        assert got == expected


def test_specks_far_smaller_than_print_are_dropped():
    """Dust beside a subject, read as ``๑๓๑๐๑๑`` in boxes 7 px high, must not join the subject."""
    subject = line("เรื่อง ขอเชิญประชุม", 200, 100, 1)
    specks = tuple(OcrWord(c, 0.85, (60 + 16 * i, 130, 7, 7), (1, 1, 2)) for i, c in enumerate("๑๓๑๐๑๑"))
    real = tuple(OcrWord(c, 0.9, (60 + 24 * i, 190, 20, 36), (1, 1, 3)) for i, c in enumerate("๒๕๖๒"))
    words = (*subject, *specks, *real)
    text = "เรื่อง ขอเชิญประชุม\n๑๓๑๐๑๑\n๒๕๖๒"
    got = render(OcrResult(text, words, pair_lines(text, words)))
    assert "๑๓๑" not in got
    assert got.split("\n")[-1].strip() == "๒๕๖๒"  # digits of print size stay
