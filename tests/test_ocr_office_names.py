"""Offices' long names with several marks lost or misread by OCR, put back whole; what is printed right, a
name with a letter changed, and words that only share a piece of a name are left alone."""

import pytest

from pipeline.ocr.repair.office_names import office_name_repairs, repair_office_names

CASES = [
    # (what OCR gave, what the repair makes of it)
    ("สำนักงานเขตพนทการศึกษาประถมศึกษานครนายก เขต ๑", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครนายก เขต ๑"),
    ("สำนักงานเขตพนทการศึกษาประถมศึกษาภูเก็ต เขต 1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาภูเก็ต เขต 1"),
    ("สำนักงานสาธารณสุขจึงหวดพิษณุโลก ถนนพหลโยธิน", "สำนักงานสาธารณสุขจังหวัดพิษณุโลก ถนนพหลโยธิน"),
    ("มหาวิทยาลัยราชภัฎเชียงใหม่", "มหาวิทยาลัยราชภัฏเชียงใหม่"),  # ฎ for ฏ, a look-alike
    ("เรียน นายอำเภอเมองพัทลุง", "เรียน นายอำเภอเมืองพัทลุง"),  # a name that begins inside a word printed right
    ("ผู้อำนวยการสำนักงานเขตพนที่การศึกษา", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),
    # left alone
    ("ตำรวจภูธรจังหวัดสระบุรี", "ตำรวจภูธรจังหวัดสระบุรี"),  # printed right
    ("ศาลากลางจังหวัดตรวาด", "ศาลากลางจังหวัดตรวาด"),  # a letter more (ว): no OCR mark edit
    ("อำเภอเมอลงนครนายก", "อำเภอเมอลงนครนายก"),  # a letter more (ล)
    ("สำนักงานเขต พนท", "สำนักงานเขต พนท"),  # a space inside: two pieces, not one name
    ("จงหวด", "จงหวด"),  # too short a name to be told from other words
]


@pytest.mark.parametrize(("printed", "repaired"), CASES)
def test_office_names(printed, repaired):
    assert repair_office_names(printed) == repaired


def test_a_repair_says_where_it_stands():
    text = "ส่วนราชการ สำนักงานเขตพนทการศึกษาประถมศึกษา"
    (start, end, name), = office_name_repairs(text)
    assert (text[start:end], name) == ("สำนักงานเขตพนทการศึกษาประถมศึกษา", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา")


def test_a_name_damaged_past_a_quarter_of_its_length_is_left():
    assert repair_office_names("ศาลากลางจงหวด") == "ศาลากลางจังหวัด"  # two marks lost: 2 of 15 // 4 edit units
    # three tone marks where none is printed as well (2.5 units each): too far from the name to be it
    assert repair_office_names("ศ่าล่ากล่างจงหวด") == "ศ่าล่ากล่างจงหวด"
