"""Headers of scanned letters: a hand-written serial read as specks keeps only the printed part (and a
reason); a speck before the day of the date line does not hide the date. Real wording, OCR damage kept."""

import datetime as dt

import pytest

from extractors.header import document_date
from extractors.lines import split_lines
from extractors.serial import uncertain_ref

ADDRESS = "            สำนักงานเขตพื้นที่การศึกษาประถมศึกษา\nเรื่อง ขอเชิญร่วมประชุม\nเรียน ผู้บริหารโรงเรียน\n"

SERIALS = [
    # (the ที่-line as OCR read it, the printed part kept or None for a trustworthy/blank serial)
    ("ที่ ศธ ๐๔๐๒๕/ :                            5๕2ฟู้5", "ศธ 04025/"),  # specks where the hand wrote
    ("ที่ ศธ ๐๔๐๒๕/๓๔5ฟู้", "ศธ 04025/"),  # digits glued to the stroke of the pen
    ("ที่ ศธ ๐๔๐๒๕/ว %๘", "ศธ 04025/ว "),  # a circular's serial as specks
    ("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", None),  # clean: the number is read
    ("ที่ ชม 0035.3 /ว๐", "ชม 0035.3/ว "),  # a zero is no serial: the speck of a lost number
    ("ที่ ชม ๐๐๓๕.๓/๐๐", "ชม 0035.3/"),
    ("ที่ ชม ๐๐๓๕.๓/๑๐", None),
    ("ที่ อว ๘๑๑๕.๑ /๐๑๗๔", None),
    ("ที่ มท ๐๘๐๕.๒/ว ๓๔๘๒", None),
    ("ที่ มท ๐๘๐๕.๒/ว๑๒๓ก", None),  # a serial with a letter suffix
    ("ที่ นว ๐๐๑๗.๒/๘๔๕ วันที่ ๑๗ ธ.ค. ๒๕๖๑", None),  # a memo's number, its date on the same line
    ("ที่ อจ ๐๐๑๘/ว.๒๑๓๒วันที่ ๓ มีนาคม ๒๕๖๑", None),  # the memo's date word glued to the number
    # nothing after the printed part in a scan: a hand-written number lost (or a draft's blank), said so
    ("ที่ นว ๕๒๐๐๗.๓/", "นว 52007.3/"),
    ("ที่ นว ๕๒๐๐๗.๓/            วันที่ ๑ มกราคม ๒๕๖๙", "นว 52007.3/"),
    ("ที่ พบ ๐๐๓๖.๘/                  ศาลากลางจังหวัดเพชรบุรี", "พบ 0036.8/"),
]


@pytest.mark.parametrize(("line", "printed"), SERIALS)
def test_uncertain_serial_keeps_the_printed_part(line, printed):
    found = uncertain_ref(split_lines(line + ADDRESS))
    if printed is None:
        assert found is None
    else:
        index, ref, why = found
        assert (index, ref.canonical, ref.serial) == (0, printed, None)
        assert why


def test_a_serial_below_the_salutation_is_not_the_header():
    text = "เรียน ผู้บริหาร\nตามหนังสือ\nที่ ศธ ๐๔๐๒๕/ :\n"
    assert uncertain_ref(split_lines(text)) is None


DATE_LINES = [
    # (the date line as OCR read it, the date or None)
    ("«๙ กันยายน ๒๕๖๕", dt.date(2022, 9, 9)),
    ("'๑๘ กันยายน ๒๕๖๐", dt.date(2017, 9, 18)),
    ("๙ กันยายน ๒๕๖๕", dt.date(2022, 9, 9)),
    ("วนท ๓๑ สิงหาคม ๒๕๖๕", dt.date(2022, 8, 31)),  # วันที่ with its upper marks lost
    ("วันท ๓๑ สิงหาคม ๒๕๖๕", dt.date(2022, 8, 31)),
    ("สวนท ๓๑ สิงหาคม ๒๕๖๕", None),  # a word, not วันที่
    ("วนท ๓๑ ส.ค. ๖๕", None),
    ("«๙ ก.ย. ๖๕", None),  # a speck and an abbreviated year: not a full date, not taken
    ("ก๙ กันยายน ๒๕๖๕", None),  # a letter before the day is a word, not a speck
    ("«๙ กันยายน ๒๕๖๕ เวลา ๑๐.๐๐ น.", None),  # not a date line
]


@pytest.mark.parametrize(("line", "want"), DATE_LINES)
def test_a_speck_before_the_day(line, want):
    text = "ที่ อว ๘๑๑๕.๑/๐๑๗๔               มหาวิทยาลัยบูรพา\n\n                " + line + "\n\nเรื่อง ขอความอนุเคราะห์\n"
    date, _ = document_date(split_lines(text), "external")
    assert (date.date if date else None) == want
