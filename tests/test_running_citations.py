"""Citations in running text (Royal Gazette bodies, text without layout): tables of real wording."""

import pytest

from extractors.ref_numbers import parse_ref
from extractors.references import find_citations
from pipeline.normalize import normalize

CASES = [
    # (text, [(issuer, ref_no, cited_date)])
    ("อนุมัติกระทรวงมหาดไทย ตามหนังสือกระทรวงมหาดไทย ที่ มท 0310.1/ว 1179 ลงวันที่ 14 กุมภาพันธ 2566 จึงขอตั้ง",
     [("กระทรวงมหาดไทย", "มท 0310.1/ว 1179", "2023-02-14")]),
    ("ตามหนังสือสำนักงานศาลยุติธรรม ที่ ศย 300.027/(ค)อ 5419 ลงวันที่ 3 มีนาคม 2566 นั้น",
     [("สำนักงานศาลยุติธรรม", "ศย 300.027/(ค)อ 5419", "2023-03-03")]),
    # a cited instrument with a title and a date, no number
    ("อนุสนธิประกาศมหาวิทยาลัยพะเยา เรื่อง การจัดตั้งส่วนงานวิชาการของมหาวิทยาลัยพะเยา พ.ศ. 2553 ลงวันที่ 19 กันยายน 2553 ได้",
     [("มหาวิทยาลัยพะเยา", None, "2010-09-19")]),
    ("ยกเลิกประกาศกระทรวงสาธารณสุข (ฉบับที่ ๒๕๙) พ.ศ. ๒๕๔๕ เรื่อง การใช้เมทิลแอลกอฮอล์เป็นสารช่วยในการผลิต "
     "(Processing aid) อาหารบางชนิด ลงวันที่ ๙ กรกฎาคม พ.ศ. ๒๕๔๕", [("กระทรวงสาธารณสุข", None, "2002-07-09")]),
    # cited orders, with or without their subject between number and date
    ("ตามคำสั่งจังหวัดเชียงใหม่ ที่ 62/2566 เรื่อง แต่งตั้งคณะกรรมการ ลงวันที่ 5 มกราคม 2566 นั้น",
     [("จังหวัดเชียงใหม่", "62/2566", "2023-01-05")]),
    ("ตามคำสั่งจังหวัดเชียงใหม่ ที่ 62/2566 ลงวันที่ 5 มกราคม 2566 นั้น", [("จังหวัดเชียงใหม่", "62/2566", "2023-01-05")]),
    # a meeting is no citation
    ("ในการประชุมครั้งที่ 1/2566 เมื่อวันที่ 11 มกราคม 2566 มีมติ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_running_citations(text, expected):
    got = find_citations(normalize(text).text, 0, None)
    assert [(c.issuer, c.ref_no.canonical if c.ref_no else None, c.date.date.isoformat() if c.date else None)
            for c in got] == expected


def test_a_draft_number_left_blank():
    ref = parse_ref("นว ๕๒๐๐๗.๓/", allow_blank=True)
    assert (ref.canonical, ref.serial) == ("นว 52007.3/", None)
    assert parse_ref("นว ๕๒๐๐๗.๓/ วันที่ ๗ เมษายน ๒๕๖๙", allow_blank=True).canonical == "นว 52007.3/"
    assert parse_ref("นว ๕๒๐๐๗.๓/") is None  # only where the caller reads a header's ที่ line
