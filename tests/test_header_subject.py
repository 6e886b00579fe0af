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
