"""Lines rebuilt from pdfium character boxes: displaced stacked marks go back over their letter."""

import pytest

from pipeline.readers.pdf_layout import Glyph, repair_marks


def glyphs(spec: list[tuple[str, float, float]]) -> list[Glyph]:
    return [Glyph(ch, left, 0.0, right, 10.0) for ch, left, right in spec]


CASES = [
    # pdfium emits the ์ of โพธิ์ after the word, with generated (zero-width) spaces around it
    ([("โ", 409.0, 415.2), ("พ", 416.1, 425.1), ("ธ", 426.9, 433.8), ("ิ", 426.2, 433.3), ("ท", 434.9, 443.5),
      ("อ", 445.5, 452.9), ("ง", 454.6, 459.9), (" ", 461.3, 461.3), ("์", 431.5, 435.5), (" ", 439.8, 439.8),
      (")", 461.7, 465.3)], "โพธิ์ทอง)"),
    # the ์ of ศักดิ์ lands inside the next word: ธนส ์ า -> ธนสา, the mark back on ด
    ([("ด", 418.0, 425.0), ("ิ", 418.5, 424.0), (" ", 425.4, 430.6), ("ธ", 431.1, 438.0), ("น", 439.0, 447.8),
      ("ส", 449.2, 456.9), (" ", 457.8, 457.8), ("์", 422.4, 426.4), (" ", 430.7, 430.7), ("า", 458.5, 464.2)],
     "ดิ์ ธนสา"),
    # a writer that draws the vowel before its letter (boxes of a LibreOffice PDF in Norasi): ู ผ ้ is ผู้
    # (no space is guessed where pdfium gave none)
    ([("เ", 89.2, 92.1), ("ร", 96.5, 102.9), ("ี", 96.5, 102.7), ("ย", 106.1, 112.4), ("น", 114.6, 122.6),
      ("ู", 128.0, 133.7), ("ผ", 126.6, 132.9), ("้", 128.9, 132.9), ("บ", 135.1, 142.5)], "เรียนผู้บ"),
    # a tone drawn before its letter goes after the letter's vowel: ่ ส ิ is สิ่
    ([("ม", 0.0, 7.0), ("่", 10.0, 11.0), ("ส", 8.0, 15.0), ("ิ", 8.5, 14.5), ("ง", 16.0, 22.0)], "มสิ่ง"),
    # marks already in place are left alone; a real space stays
    ([("ส", 0.0, 8.0), ("ั", 1.0, 7.0), ("่", 1.5, 6.5), ("ง", 8.5, 15.0), (" ", 15.5, 20.0), ("ก", 20.5, 27.0)],
     "สั่ง ก"),
]


@pytest.mark.parametrize(("spec", "expected"), CASES)
def test_repair_marks(spec, expected):
    assert "".join(g.char for g in repair_marks(glyphs(spec))) == expected
