"""Normalisation steps one by one, the offset map, and the broken-text detector."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize import DEFAULT_STEPS, STEPS, looks_broken, normalize, pua_table

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"

STEP_CASES = [
    # newlines
    ("newlines", "บันทึก\r\nข้อความ\rเรื่อง", "บันทึก\nข้อความ\nเรื่อง"),
    ("newlines", "เรียน\u00a0ผู้ว่า\u2003ราชการ\tจังหวัด", "เรียน ผู้ว่า ราชการ จังหวัด"),
    ("newlines", "หน้า ๑\n\f\nหน้า ๒", "หน้า ๑\n\f\nหน้า ๒"),
    ("newlines", "บรรทัด\u2028ใหม่", "บรรทัด\nใหม่"),
    # zero_width
    ("zero_width", "\ufeffสำ\u200bนัก\u200cงาน\u200d", "สำนักงาน"),
    ("zero_width", "กระ\u00adทรวง", "กระทรวง"),
    # pua_glyphs: Windows and Mac schemes
    ("pua_glyphs", "ที\uf70a", "ที่"),  # MAI EK (down)
    ("pua_glyphs", "สั\uf70b\u0e07", "สั้ง"),  # MAI THO (down)
    ("pua_glyphs", "\uf700าน", "ฐาน"),  # THO THAN without descender
    ("pua_glyphs", "ป\uf701ด", "ปิด"),  # SARA I shifted left
    ("pua_glyphs", "ก\uf88bอน", "ก่อน"),  # Mac MAI EK (down)
    ("pua_glyphs", "ผู\uf88e", "ผู้"),  # Mac MAI THO (down)
    # sara_am
    ("sara_am", "คําสั่ง", "คำสั่ง"),
    ("sara_am", "คํ าสั่ง", "คำสั่ง"),
    ("sara_am", "น\u0e4d\u0e49\u0e32", "น้ำ"),
    ("sara_am", "สาํนัก", "สำนัก"),
    ("sara_am", "สำนัก", "สำนัก"),
    ("sara_am", "ส านัก", "ส านัก"),  # a lost nikhahit cannot be guessed back
    # mark_order
    ("mark_order", "ส่ัง", "สั่ง"),
    ("mark_order", "ที่", "ที่"),  # tone after vowel: already right
    ("mark_order", "เเจ้ง", "แจ้ง"),
    ("mark_order", "กา่", "ก่า"),
    ("mark_order", "กล่่ม", "กล่ม"),
    ("mark_order", "ผู้", "ผู้"),
    # mark_spacing
    ("mark_spacing", "ระเบยี บสาํ นัก", "ระเบียบสาํ นัก"),  # alone: sara_am has not run
    ("mark_spacing", "ระเบยี บสำ นักนายกรฐั มนตรี", "ระเบียบสำนักนายกรัฐมนตรี"),
    ("mark_spacing", "ส ั่ง", "สั่ง"),
    ("mark_spacing", "เรียน หัวหน้าส่วนราชการ", "เรียน หัวหน้าส่วนราชการ"),
    ("mark_spacing", "กรณี ที่มีลักษณะ ให้ ดำเนินการ", "กรณี ที่มีลักษณะ ให้ ดำเนินการ"),
    # an abbreviation after the space (a letter and its dot) begins a word: the space is real
    ("mark_spacing", "จากสาธารณรัฐเกาหลี พ.ศ. 2566", "จากสาธารณรัฐเกาหลี พ.ศ. 2566"),
    ("mark_spacing", "ดำเนินการตามที่ ก.อ.ร. มีมติ ตามมติ ก.อ.ร.", "ดำเนินการตามที่ ก.อ.ร. มีมติ ตามมติ ก.อ.ร."),
    ("mark_spacing", "ศาลากลางจังหวัดพังงา ว.๔๖๕๗ ลงวันที่", "ศาลากลางจังหวัดพังงา ว.๔๖๕๗ ลงวันที่"),
    ("mark_spacing", "ได้ รับ มี การ", "ได้ รับ มี การ"),
    ("mark_spacing", "สำ นักงาน", "สำ นักงาน"),  # two known words: joined only in visibly damaged text
    # dotted_leaders
    ("dotted_leaders", "ส่วนราชการ...จังหวัดอ่างทอง", "ส่วนราชการ จังหวัดอ่างทอง"),
    ("dotted_leaders", "เรื่อง...การปรับปรุง\n.....ที่มีลักษณะ", "เรื่อง การปรับปรุง\nที่มีลักษณะ"),
    ("dotted_leaders", "โทร.๐-๓๕๖๑-๔๙๑๒...\nที่", "โทร.๐-๓๕๖๑-๔๙๑๒\nที่"),
    ("dotted_leaders", "ลงชื่อ . . . . . ผู้รับ", "ลงชื่อ ผู้รับ"),
    ("dotted_leaders", "ที่ ……… วันที่", "ที่ วันที่"),
    ("dotted_leaders", "พ.ศ. ๒๕๖๒ ก.ย. ฯลฯ ๑.๒ 1. ข้อ ๒..", "พ.ศ. ๒๕๖๒ ก.ย. ฯลฯ ๑.๒ 1. ข้อ ๒.."),
    # a draft's year not yet given is no leader (a bill's title in the Gazette); a form's long run after พ.ศ. is
    ("dotted_leaders", "ระเบียบข้าราชการฝ่ายอัยการ (ฉบับที่ ..) พ.ศ. .... ด้วยในคราวประชุม",
     "ระเบียบข้าราชการฝ่ายอัยการ (ฉบับที่ ..) พ.ศ. .... ด้วยในคราวประชุม"),
    ("dotted_leaders", "วันที่ ......... เดือน .............. พ.ศ. .......... เรื่อง", "วันที่ เดือน พ.ศ. เรื่อง"),
    # the dot that closes an abbreviation stays when a leader follows it
    ("dotted_leaders", "ยศ จ.ส.อ..........ชื่อ", "ยศ จ.ส.อ. ชื่อ"),
    # nfc
    ("nfc", "Cafe\u0301 สำนัก", "Café สำนัก"),
    ("nfc", "ผู้ว่าราชการ", "ผู้ว่าราชการ"),
    ("nfc", "๑๒๓ 123", "๑๒๓ 123"),  # digits are never converted
]


@pytest.mark.parametrize(("step", "raw", "expected"), STEP_CASES)
def test_step_alone(step, raw, expected):
    assert STEPS[step](raw) == expected


def test_step_order():
    assert DEFAULT_STEPS == ("newlines", "zero_width", "pua_glyphs", "gazette_marks", "sara_am", "sara_am_flood",
                             "mark_order", "letter_spacing", "spaced_sara_am", "mark_spacing", "vowel_spacing", "lost_sara_am", "date_spacing", "dotted_leaders", "nfc")


def test_unknown_step_is_refused():
    with pytest.raises(ValueError, match="no_such_step"):
        normalize("ก", steps=["no_such_step"])


def test_pua_table_covers_both_schemes():
    table = pua_table()
    assert len(table) == 54
    assert table[0xF70A] == "\u0e48" and table[0xF89E] == "\u0e10" and table[0xF711] == "\u0e4d"


FULL_CASES = [
    ("ระเบยี บสาํ นักนายกรฐั มนตรี", "ระเบียบสำนักนายกรัฐมนตรี"),
    ("คําส่ังจังหวัด\r\n", "คำสั่งจังหวัด\n"),
    ("ส่วนราชการ...ระเบยี บสาํ นักนายกรฐั มนตรี\u00a0จังหวัด", "ส่วนราชการ ระเบียบสำนักนายกรัฐมนตรี จังหวัด"),
    ("ที\uf70a อท ๐๐๑๗.๒/ว ๒๐๕๕", "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕"),
]


@pytest.mark.parametrize(("raw", "expected"), FULL_CASES)
def test_full_pipeline(raw, expected):
    assert normalize(raw).text == expected


# (raw text, normalised substring, the raw substring it must map back to)
SPAN_CASES = [
    ("ส่วนราชการ...สาํ นักงาน", "สำ นักงาน", "สาํ นักงาน"),
    ("ส่วนราชการ...สาํ นักงาน", "ส่วนราชการ", "ส่วนราชการ"),
    ("\ufeff\r\nเรื่อง...ขอเชิญ\r\nประชุม", "ประชุม", "ประชุม"),
    ("\ufeff\r\nเรื่อง...ขอเชิญ\r\nประชุม", "ขอเชิญ\nประชุม", "ขอเชิญ\r\nประชุม"),
    (".....ที่มีลักษณะเป็นการเช่า", "ที่มีลักษณะ", "ที่มีลักษณะ"),
    ("คําส่ังที่ ๑๒๓/๒๕๖๙", "คำสั่ง", "คําส่ัง"),
    ("คําส่ังที่ ๑๒๓/๒๕๖๙", "๑๒๓/๒๕๖๙", "๑๒๓/๒๕๖๙"),
    ("ระเบยี บสาํ นักนายกรฐั มนตรี ว่าด้วย", "ว่าด้วย", "ว่าด้วย"),
    ("ระเบยี บสาํ นักนายกรฐั มนตรี ว่าด้วย", "ระเบียบสำนักนายกรัฐมนตรี", "ระเบยี บสาํ นักนายกรฐั มนตรี"),
]


@pytest.mark.parametrize(("raw", "norm_sub", "raw_sub"), SPAN_CASES)
def test_raw_span_round_trip(raw, norm_sub, raw_sub):
    n = normalize(raw)
    start = n.text.index(norm_sub)
    a, b = n.raw_span(start, start + len(norm_sub))
    assert raw[a:b] == raw_sub


def test_raw_index_ends_and_identity():
    raw = "เรียน หัวหน้าส่วนราชการ"
    n = normalize(raw)
    assert n.text == raw and n.maps == ()
    assert [n.raw_index(i) for i in (0, 5, len(raw))] == [0, 5, len(raw)]
    with pytest.raises(IndexError):
        n.raw_index(len(raw) + 1)


def test_sample_file_offsets_and_text():
    raw = SAMPLE.read_text(encoding="utf-8")
    n = normalize(raw)
    assert "..." not in n.text and "ส่วนราชการ จังหวัดอ่างทอง" in n.text
    # clean text: every step but dotted_leaders leaves it exactly as it was
    assert normalize(raw, steps=[s for s in DEFAULT_STEPS if s != "dotted_leaders"]).text == raw
    for word in ("ปฏิบัติราชการแทน", "http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web", "๕๐๐,๐๐๐ บาท"):
        i = n.text.index(word)
        a, b = n.raw_span(i, i + len(word))
        assert raw[a:b] == word


def test_large_text_map_stays_small():
    raw = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n") * 200  # ~2 MB, an edit per line
    n = normalize(raw)
    anchors = sum(len(m.out_start) for m in n.maps if hasattr(m, "out_start"))
    assert anchors < len(raw) / 20
    i = n.text.rindex("ปฏิบัติราชการแทน")
    a, b = n.raw_span(i, i + 16)
    assert raw[a:b] == "ปฏิบัติราชการแทน"


def _damage_lost_sara_am(text: str) -> str:
    return text.replace("ำ", " า")


def _damage_pua_unmapped(text: str) -> str:
    return text.replace("่", "\ue801").replace("้", "\ue802")


def _damage_latin1(text: str) -> str:
    return text.encode("cp874", "replace").decode("latin-1")


def test_lost_sara_am_with_a_space_is_repaired_not_broken():
    # "ส านัก" for "สำนัก": the dictionary puts every ำ of the sample back, so the page is read, not OCRed
    clean = SAMPLE.read_text(encoding="utf-8")
    assert looks_broken(_damage_lost_sara_am(clean)) is None
    assert normalize(_damage_lost_sara_am(clean)).text == normalize(clean).text


BROKEN_CASES = [
    (_damage_pua_unmapped, "private-use glyphs"),
    (_damage_latin1, "8-bit"),
    (lambda t: t.replace("่", "\ufffd"), "replacement characters"),
]


@pytest.mark.parametrize(("damage", "reason"), BROKEN_CASES)
def test_looks_broken_flags_damage(damage, reason):
    got = looks_broken(damage(SAMPLE.read_text(encoding="utf-8")))
    assert got is not None and reason in got


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE.read_text(encoding="utf-8"),
        STEPS["pua_glyphs"](SAMPLE.read_text(encoding="utf-8").replace("่", "\uf70a")),
        SAMPLE.read_text(encoding="utf-8").replace("ำ", "\u0e4d\u0e32"),  # repairable: not broken
        "Ministry of Interior, Circular No. 12/2019 ...",
        "ส านัก",  # one occurrence is not a pattern
        "",
    ],
)
def test_looks_broken_accepts_clean_text(text):
    assert looks_broken(text) is None


def test_looks_broken_flags_mapped_pua_only_when_unmapped():
    assert looks_broken("ที\uf70a" * 10) is None  # mapped by pua_glyphs: repairable
