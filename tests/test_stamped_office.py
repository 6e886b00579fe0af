"""A stamped letter's office read in part from its stamp is the office its own text names whole, when that
office is the only one every piece belongs to; a whole reading, a piece two offices share and an office only
the header names are left as read."""

import pytest

from extractors.lines import split_lines
from extractors.stamped_office import office_named_in_text

BODY = ("ถึง   ผู้ว่าราชการจังหวัดพิจิตร\n         ตามหนังสือกรมโรงงานอุตสาหกรรม ที่ อก ๐๓๐๖.๓/๓๔๗๓\n"
        "ลว. ๑๙ มี.ค. ๖๔ เทศบาลเมืองพิจิตรได้แจ้งเรื่อง นั้น\n           จึงแจ้งมาเพื่อทราบ\n")

CASES = [
    # (the stamp's lines as OCR read them, the office taken or None)
    ("ศบาลเมอง)»#", "เทศบาลเมืองพิจิตร"),  # a piece, then the seal's specks
    ("เทศบาลเมืองพิ 259", "เทศบาลเมืองพิจิตร"),  # the right of the stamp lost
    ("เทศบาลเมองพจตร\nศบาลเม", "เทศบาลเมืองพิจิตร"),  # marks lost, and a ghost line of the same name
    ("เทศบาลเมืองพิจิตร", None),  # read whole: nothing to take
    ("เทศบาลเมืองพิจิตร เขต ๓", None),  # read whole, and more after it (เขต stands inside เทศบาล… too)
    ("เมืองพิจิตรเทศบาล", None),  # pieces out of their order
    ("ศบา", None),  # too little of the name read
    ("เทศบาลเมือง กองคลัง", None),  # a piece (กองคลัง) no office of the text holds
    ("กรมโรงงาน", "กรมโรงงานอุตสาหกรรม"),  # half the name: the office the text names is the stamp's
    ("กรมโรง", None),  # under half of it
    ("ผู้ว่าราชการจังหวัด", None),  # only the salutation names it: the header is not the text
]


@pytest.mark.parametrize(("reading", "office"), CASES)
def test_stamp_pieces_and_the_office_named(reading, office):
    lines = split_lines(BODY + "                                   " + reading + "\n")
    found = office_named_in_text(reading, lines, 4)
    assert (found.value if found else None) == office
    if found:
        assert BODY[found.span.start:found.span.end] == office  # the value is the text's own span


def test_two_offices_the_pieces_fit_are_left():
    body = "ถึง   นายอำเภอ\n    เทศบาลเมืองพิจิตรและเทศบาลเมืองพิษณุโลกได้แจ้ง\n"
    assert office_named_in_text("เทศบาลเมืองพิ", split_lines(body + "   เทศบาลเมืองพิ\n"), 2) is None
