"""Post-OCR repairs of Thai letters: each rule on what Tesseract gives, and on text it must leave alone."""

from __future__ import annotations

import pytest

from pipeline.ocr import OcrResult, OcrWord
from pipeline.ocr_repair import RULES, postprocess, repair

FIXES = [
    # (what Tesseract gave, repaired)
    ("ที อท ๐๐๑๗.๒ / ว ๒๐๕๕", "ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕"),
    ("ที มท.๐๘๐๘/ว ๑๒", "ที่ มท.๐๘๐๘/ว ๑๒"),
    ("ที 0017.2/ว 2055", "ที่ 0017.2/ว 2055"),
    ("วันที ๒๖ พฤษภาคม ๒๕๖๒", "วันที่ ๒๖ พฤษภาคม ๒๕๖๒"),
    ("ลงวันที ๑๕ สิงหาคม ๒๕๖๐", "ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐"),
    ("การประชุมครั้งที ๙/๒๕๖๑", "การประชุมครั้งที่ ๙/๒๕๖๑"),
    ("หมู่ที ๔ ตำบลโพสะ", "หมู่ที่ ๔ ตำบลโพสะ"),
    ("เรือง การปรับปรุงแนวทาง", "เรื่อง การปรับปรุงแนวทาง"),
    ("เรือง...การปรับปรุงแนวทาง", "เรื่อง...การปรับปรุงแนวทาง"),
    ("อางถึง ๑. หนังสือจังหวัดอ่างทอง", "อ้างถึง ๑. หนังสือจังหวัดอ่างทอง"),
    ("อ้างถิง หนังสือ", "อ้างถึง หนังสือ"),
    ("เรยน ผู้ว่าราชการจังหวัด", "เรียน ผู้ว่าราชการจังหวัด"),
    ("สิงทีส่งมาด้วย ๑. แนวทาง", "สิ่งที่ส่งมาด้วย ๑. แนวทาง"),
    ("สิ่งทีสงมาดวย ๒ ฉบับ", "สิ่งที่ส่งมาด้วย ๒ ฉบับ"),
    ("ตามสิงที่ส่งมาด้วย", "ตามสิ่งที่ส่งมาด้วย"),
    ("จึงเรียนมาเพือโปรดทราบ", "จึงเรียนมาเพื่อโปรดทราบ"),
    ("สํานักงานจังหวัด", "สำนักงานจังหวัด"),
    ("คําสั่ง", "คำสั่ง"),
    ("๑๑๑๑๑ ที่มีลักษณะเป็นการเช่า", "..... ที่มีลักษณะเป็นการเช่า"),
    ("๑๑๑๑๑", "....."),
    ("บันทึก\nเรือง ขอเชิญประชุม\nเรยน นายอำเภอ", "บันทึก\nเรื่อง ขอเชิญประชุม\nเรียน นายอำเภอ"),
]

KEEP = [
    # right already, or a real word that only looks like a broken keyword
    "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒",
    "เรื่อง การปรับปรุงแนวทาง",
    "ภายใน ๑๕ นาที ๒ ครั้ง",
    "ให้ดำเนินการทันที ๒. ให้รายงาน",
    "นายเรือง รุ่งเรือง",
    "ความรุ่งเรือง ของจังหวัด",
    "ทีม ๓ คน",
    "หนังสือเวียน ที่ส่งมา",
    "เรียน หัวหน้าส่วนราชการ",
    "อ้างถึง หนังสือ",
    "ถนนเทศบาล ๑ อท ๑๔๐๐๐",
    "บ้านเลขที่ ๑๑๑๑ หมู่ ๑",
    "เลขที ๑๒",  # เลขที่ is not in the ordinal list: left for the extractor to judge
]


@pytest.mark.parametrize(("raw", "fixed"), FIXES)
def test_repairs(raw, fixed):
    assert repair(raw) == fixed


@pytest.mark.parametrize("text", KEEP)
def test_leaves_alone(text):
    assert repair(text) == text


def test_repair_is_idempotent():
    for raw, fixed in FIXES:
        assert repair(fixed) == fixed, raw


def test_rules_have_unique_names():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


def test_postprocess_keeps_words():
    word = OcrWord("ที", 0.9, (0, 0, 10, 10), (1, 1, 1))
    out = postprocess(None, OcrResult("ที อท ๐๐๑๗.๒", (word,)))
    assert out.text == "ที่ อท ๐๐๑๗.๒" and out.words == (word,)
