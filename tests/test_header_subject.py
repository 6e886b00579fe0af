"""The subject from the header lines: ``เรื่อง …``, or for a regulation the matter it is ``ว่าด้วย``."""

import pytest

from extractors.header import subject
from extractors.lines import split_lines

CASES = [
    # a regulation's matter: neither its year nor its amendment number is part of it
    ("ระเบียบกระทรวงมหาดไทย\nว่าด้วยการใช้รถราชการ (ฉบับที่ ๓) พ.ศ. ๒๕๖๖\n", "การใช้รถราชการ"),
    ("ระเบียบกระทรวงการคลัง\nว่าด้วยการเบิกค่าใช้จ่ายในการเดินทางไปราชการ (ฉบับที่ 3) พ.ศ. 2565\n",
     "การเบิกค่าใช้จ่ายในการเดินทางไปราชการ"),
    ("ระเบียบสำนักนายกรัฐมนตรี\nว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖\n", "งานสารบรรณ"),
    ("   ระเบียบกรมส่งเสริมการปกครองท้องถิ่น\n      ว่าด้วยการใช้รถราชการ (ฉบับที่ ๓)\n            พ.ศ. ๒๕๖๕\n",
     "การใช้รถราชการ"),  # the year on a line of its own
    # a เรื่อง keeps what it prints, (ฉบับที่ …) included
    ("ประกาศกรมการขนส่งทางบก\nเรื่อง กำหนดเส้นทาง (ฉบับที่ ๒)\n", "กำหนดเส้นทาง (ฉบับที่ ๒)"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_subject(text, expected):
    assert subject(split_lines(text, 0)).value == expected


KINDS = [
    # an external letter citing a memo in its body is no memo
    ("ที่ สธ ๐๔๑๐.๗/ว ๙๐๓๘                           กรมควบคุมโรค\n\n                                  ๑๖ กันยายน ๒๕๖๕\n"
     "เรื่อง  ขอเชิญประชุม\nเรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
     "          ตามบันทึกข้อความกองโรคติดต่อทั่วไป ที่ สธ ๐๔๑๐.๗/๖๘๖๗ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๕ นั้น\n", "external"),
    ("                         บันทึกข้อความ\nส่วนราชการ  ฝ่ายอำนวยการ\nที่ ตช ๐๐๑๘.๑๗/๙๒๙๒  วันที่ ๒๐ ก.พ. ๒๕๖๗\n"
     "เรื่อง  การคัดเลือก\nเรียน  ผู้บังคับการ\n", "memo"),
    ("บันทึกข้อความ ส่วนราชการ สำนักงานจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ เรื่อง ขอเชิญประชุม เรียน หัวหน้าส่วนราชการ\n",
     "memo"),  # flat text: the title at the head of the one line
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_doc_type(text, kind):
    from extractors.header import doc_type

    assert doc_type(split_lines(text, 0)) == kind
