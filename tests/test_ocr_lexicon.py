"""The lexicon repair of OCR text: near-misses of letter words put back, and clean letters never touched."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from workbench.corpus.generate import generate
from workbench.corpus.txtout import file_text

from pipeline.ocr.repair.lexicon import lexicon, ocr_like, repair_words
from pipeline.readers import read_file

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    # (OCR text, repaired): a letter for its look-alike, a look-alike doubled, a mark lost
    ("สำบักงานจังหวัดนครศรีธรรมราช", "สำนักงานจังหวัดนครศรีธรรมราช"),
    ("สำบนักงานปลัดกระทรวงมหาดไทย", "สำนักงานปลัดกระทรวงมหาดไทย"),
    ("ตามหบังสือที่อ้างถึง", "ตามหนังสือที่อ้างถึง"),
    ("ตามหบนังสือที่อ้างถึง", "ตามหนังสือที่อ้างถึง"),
    ("กลุ่มงานส่งเสริมและพัฒนาท้องถิน", "กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"),
    ("ฝายอำนวยการ โทร. ๐ ๓๕๖๑ ๑๑๑๑", "ฝ่ายอำนวยการ โทร. ๐ ๓๕๖๑ ๑๑๑๑"),
    ("คำสังจังหวัดชัยนาท", "คำสั่งจังหวัดชัยนาท"),
    ("ไซเบอร์ของหน่วยงานของวัฐ", "ไซเบอร์ของหน่วยงานของรัฐ"),
    ("กลุ่มอ้านวยการ", "กลุ่มอำนวยการ"),  # ำ read as ้ + า
    ("คู่มอการปฏิบัติงาน ๑ ฉบับ", "คู่มือการปฏิบัติงาน ๑ ฉบับ"),
    ("(ไฟล์ PDF) ๑๐ แผ่นซีดิ", "(ไฟล์ PDF) ๑๐ แผ่นซีดี"),
    ("รองอธิบดิ\nปฏิบัติราชการแทนอธิบดี", "รองอธิบดี\nปฏิบัติราชการแทนอธิบดี"),  # a position atop a page
    ("อ้าปากค้าง", "อ้าปากค้าง"),  # a real อ้า is left alone
    # left alone
    ("องค์กรปกครองส่วนท้องถิ่น", "องค์กรปกครองส่วนท้องถิ่น"),
    ("ระเบียบบริหารราชการแผ่นดิน", "ระเบียบบริหารราชการแผ่นดิน"),
    ("จังหวัดจันทบุรี และจังหวัดนนทบุรี", "จังหวัดจันทบุรี และจังหวัดนนทบุรี"),
    ("หัวหน้าส่วน\nราชการ", "หัวหน้าส่วน\nราชการ"),
    ("นายสมชาย สำนักดี", "นายสมชาย สำนักดี"),
]


@pytest.mark.parametrize(("ocr", "fixed"), CASES)
def test_repair_words(ocr, fixed):
    assert repair_words(ocr) == fixed


@pytest.mark.parametrize(("piece", "word", "like"), [
    ("สำบักงาน", "สำนักงาน", True),     # บ for น
    ("สำบนักงาน", "สำนักงาน", True),    # บ beside น
    ("ท้องถิน", "ท้องถิ่น", True),       # a tone mark lost
    ("กรปกครอง", "การปกครอง", False),   # a vowel letter lost: not how OCR errs
    ("สำกักงาน", "สำนักงาน", False),    # ก is not น's look-alike
])
def test_ocr_like(piece, word, like):
    assert ocr_like(piece, word) is like


def test_lexicon_holds_long_words_only():
    assert "สำนักงาน" in lexicon() and "นนทบุรี" in lexicon()
    assert min(map(len, lexicon())) >= 6


def test_clean_letters_are_never_changed():
    """Generated letters of every kind and the shipped samples: nothing to repair, nothing changed."""
    rng = random.Random(3)
    letters = generate(3, 60)
    texts = [file_text(letters[i:i + 2], rng) for i in range(0, len(letters), 2)]
    texts += [read_file(p).raw_text for p in sorted((ROOT / "data" / "raw" / "txt").glob("*.txt"))]  # cp874 too
    changed = [t for t in texts if repair_words(t) != t]
    assert changed == []
