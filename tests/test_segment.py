"""Splitting a file into letters: a table of layouts, each with the first line of every letter."""

import pytest

from pipeline.segment import segment

MEMO = "บันทึกข้อความ\nส่วนราชการ สำนักงานจังหวัด\nที่ อท ๐๐๑๗.๒/ว ๑ วันที่ ๑ มกราคม ๒๕๖๒\nเรื่อง ก\nเรียน ข\nข้อความ\n(นายก ข)\nปลัดจังหวัด\n"
EXTERNAL = "ที่ อท ๐๐๑๗.๒/ว ๒\nศาลากลางจังหวัด\n๒ มกราคม ๒๕๖๒\nเรื่อง ค\nเรียน ง\nข้อความ\nขอแสดงความนับถือ\n(นายค ง)\nผู้ว่าราชการจังหวัด\n"
STAMPED = "ที่ อท ๐๐๑๗.๒/ว ๓\nถึง อำเภอ ทุกอำเภอ\nด้วยจังหวัดขอแจ้ง\nจังหวัดอ่างทอง\n๓ มกราคม ๒๕๖๒\nกลุ่มงานยุทธศาสตร์\n"
ORDER = "คำสั่งจังหวัดอ่างทอง\nที่ ๑๒๓/๒๕๖๒\nเรื่อง แต่งตั้ง\nอาศัยอำนาจ\nสั่ง ณ วันที่ ๔ มกราคม พ.ศ. ๒๕๖๒\n(นายจ ฉ)\nผู้ว่าราชการจังหวัด\n"

CASES = [
    (MEMO, ["บันทึกข้อความ"]),
    (MEMO + "\n" + EXTERNAL, ["บันทึกข้อความ", "ที่ อท ๐๐๑๗.๒/ว ๒"]),
    (EXTERNAL + STAMPED + MEMO, ["ที่ อท ๐๐๑๗.๒/ว ๒", "ที่ อท ๐๐๑๗.๒/ว ๓", "บันทึกข้อความ"]),
    (STAMPED + ORDER, ["ที่ อท ๐๐๑๗.๒/ว ๓", "คำสั่งจังหวัดอ่างทอง"]),
    (ORDER + "\nด่วนที่สุด\n" + EXTERNAL, ["คำสั่งจังหวัดอ่างทอง", "ด่วนที่สุด"]),  # the stamp heads the next letter
    ("ลับ\n" + MEMO + "ลับ\n\nด่วน\n" + EXTERNAL, ["ลับ", "ด่วน"]),  # the foot stamp stays
    # a citation wrapped onto a line of its own does not start a letter
    (MEMO.replace("ข้อความ\n(", "ตามหนังสือกระทรวงมหาดไทย\nที่ มท ๐๘๐๕/ว ๑๒ ลงวันที่ ๑ มกราคม ๒๕๖๒\n("), ["บันทึกข้อความ"]),
    # "ครั้งที่ ๓/๒๕๖๓" wrapped so that "ที่ ๓/๒๕๖๓" starts a line
    (EXTERNAL.replace("ข้อความ\n", "ได้มีมติในการประชุมครั้ง\nที่ ๓/๒๕๖๓ เมื่อวันที่ ๒๙ ธันวาคม ๒๕๖๓\n"), ["ที่ อท ๐๐๑๗.๒/ว ๒"]),
    (MEMO + "\f\n" + ORDER, ["บันทึกข้อความ", "คำสั่งจังหวัดอ่างทอง"]),
    ("ประเทศไทยมีประวัติศาสตร์ยาวนาน\nผู้คนอาศัยอยู่ริมแม่น้ำ\n", ["ประเทศไทยมีประวัติศาสตร์ยาวนาน"]),
]


@pytest.mark.parametrize(("text", "firsts"), CASES)
def test_letters_start_where_expected(text, firsts):
    letters = segment(text)
    assert [letter.text.strip().split("\n")[0].strip() for letter in letters] == firsts
    assert [letter.index for letter in letters] == list(range(len(firsts)))


def test_spans_cover_the_letters():
    text = MEMO + "\n" + EXTERNAL
    for letter in segment(text):
        assert text[letter.span.start : letter.span.end] == letter.text
