"""Signers' names: only forms no Thai word can have are mended, from pythainlp's name lists."""

from __future__ import annotations

import pytest

from pipeline.ocr.names import impossible, listed_name, repair_name_lines

CASES = [
    # (what OCR gave, mended)
    ("(นายณ์ฐวุฒิ ศรีสุวรรณ)", "(นายณัฐวุฒิ ศรีสุวรรณ)"),      # ์ on the first letter: ั read as ์
    ("    (นาย ณ์ฐวุฒิ วงศ์ใหญ่)", "    (นาย ณัฐวุฒิ วงศ์ใหญ่)"),  # the title apart, the indentation kept
    ("(ตร.บุญเลิศ อินทรสุวรรณ)", "(ดร.บุญเลิศ อินทรสุวรรณ)"),  # ด of ดร. read as ต
    ("    เผศ.ตร.กนกวรรณ บุญมาก)", "    เผศ.ดร.กนกวรรณ บุญมาก)"),  # also after an academic title, "(" read as เ
    ("(รศ. ตร.สมชาย ใจดี)", "(รศ. ดร.สมชาย ใจดี)"),
    ("ตร. ได้แจ้งว่า", "ตร. ได้แจ้งว่า"),                      # the police's abbreviation in the text
    # a name's last ์ lost or added where no listed name ends so (ักดิ, ัตน, ยศ์)
    ("(นายพงษ์ศักดิ แก้วประเสริฐ)", "(นายพงษ์ศักดิ์ แก้วประเสริฐ)"),
    ("(นายกิตติศักดิ ชัยมงคล)", "(นายกิตติศักดิ์ ชัยมงคล)"),
    ("(นางสุภาพร สุขสวัสดิ)", "(นางสุภาพร สุขสวัสดิ์)"),
    ("(นายจิรพงษ์ ไชยยศ์)", "(นายจิรพงษ์ ไชยยศ)"),            # a signature's stroke read as ์ (a real scan)
    ("(นางสาวธิดารัตน ปัญญาดี)", "(นางสาวธิดารัตน์ ปัญญาดี)"),
    # the last ิ read as ี or the other way where no listed name ends so
    ("(นางสาววรรณิภา ปัญญาดิ)", "(นางสาววรรณิภา ปัญญาดี)"),
    ("(นายวรวุฒิ ทองดิ)", "(นายวรวุฒิ ทองดี)"),
    ("(นายกิตติ ใจดี)", "(นายกิตติ ใจดี)"),
    ("      .-- /'นายจิรพงษ์ ไชยยศ์)", "      .-- /'นายจิรพงษ์ ไชยยศ)"),  # "(" lost under the signature's stroke
    ("ตามหนังสือ /'สำนักงานศักดิ)", "ตามหนังสือ /'สำนักงานศักดิ)"),     # no title: not a name
    ("(นายกิตติศักดิี ทองดี)", "(นายกิตติศักดิ์ ทองดี)"),     # two vowels above one letter: ์ read as ี
    # left as read
    ("(นายสมชาย สิทธิ)", "(นายสมชาย สิทธิ)"),                  # names end in สิทธิ too
    ("(นางสาวรัตนา ศรีวงศ์)", "(นางสาวรัตนา ศรีวงศ์)"),
    ("(นายศรีพร รัตนพันธ์)", "(นายศรีพร รัตนพันธ์)"),          # ศิริพร misread as another possible name
    ("(นายอ้านาจ พรหมมา)", "(นายอ้านาจ พรหมมา)"),
    ("(นายธัญสิรี ใจดี)", "(นายธัญสิรี ใจดี)"),                # a real name one mark from a listed one
    ("(ว่าที่ร้อยตรีชาตรี บุญมา)", "(ว่าที่ร้อยตรีชาตรี บุญมา)"),
    ("ณ์ฐวุฒิ ศรีสุวรรณ", "ณ์ฐวุฒิ ศรีสุวรรณ"),                # not a bracketed name line
    ("(นายณ์กขค ใจดี)", "(นายณ์กขค ใจดี)"),                    # impossible, but no listed name one mark away
]


@pytest.mark.parametrize(("ocr", "mended"), CASES)
def test_repair_name_lines(ocr, mended):
    assert repair_name_lines(ocr) == mended


@pytest.mark.parametrize(("part", "expected"), [("ณ์ฐวุฒิ", True), ("์สมชาย", True), ("สุขสวัสดิ์", False),
                                                ("ศักดิ์", False)])
def test_impossible(part, expected):
    assert impossible(part) is expected


def test_a_listed_name_is_never_changed():
    assert listed_name("ณัฐวุฒิ") is None
