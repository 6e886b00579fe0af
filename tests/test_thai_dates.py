"""Dates as printed in Thai letters -> ISO dates (a table of cases)."""

import datetime as dt

import pytest

from extractors.thai_dates import find_dates, parse_date, to_gregorian

CASES = [
    ("๒๖ พฤษภาคม ๒๕๖๒", "2019-05-26"),
    ("26 พฤษภาคม 2562", "2019-05-26"),
    ("๒๖ พ.ค. ๒๕๖๒", "2019-05-26"),
    ("๒๖ พ.ค. ๖๒", "2019-05-26"),
    ("15 ก.ย. 48", "2005-09-15"),
    ("๑ ธันวาคม พ.ศ. ๒๕๖๑", "2018-12-01"),
    ("๑ ธันวาคม พ.ศ.๒๕๖๑", "2018-12-01"),
    ("1 ธ.ค. พ.ศ. 2561", "2018-12-01"),
    ("๒๖พ.ค.๖๒", "2019-05-26"),
    ("๓ มี.ค. ๒๕๖๓", "2020-03-03"),
    ("๙ เม.ย. ๖๔", "2021-04-09"),
    ("๒๘ ก.พ. ๒๕๖๖", "2023-02-28"),
    ("๒๙ กุมภาพันธ์ ๒๕๖๓", "2020-02-29"),  # leap day: validated after conversion
    ("๑๕ ส.ค. ๒๕๖๐", "2017-08-15"),
    ("๗ มิ.ย. ๒๕๕๙", "2016-06-07"),
    ("๓๑ ต.ค. ๒๕๕๒", "2009-10-31"),
    ("๕ พ.ย. ๒๕๔๐", "1997-11-05"),
    ("๑๒ ม.ค. ๒๕๖๙", "2026-01-12"),
    ("1 กรกฎาคม 2565", "2022-07-01"),
    ("๑ ก. ย. ๒๕๖๒", "2019-09-01"),  # spaced abbreviation (OCR)
    ("๑ กย ๒๕๖๒", "2019-09-01"),  # undotted abbreviation
    ("๑๕ พย. ๖๕", "2022-11-15"),  # the inner dot lost (OCR), the last kept
    ("๑๕ มีค. ๒๕๖๕", "2022-03-15"),
    ("๑๔ มิถุนา ๒๕๖๙", "2026-06-14"),  # colloquial short month
    ("๒ กรกฎา ๒๕๖๙", "2026-07-02"),
    ("1 เดือน มกราคม พ.ศ. 2562", "2019-01-01"),
    ("๑ กุมภาพันธ์ ๒๔๘๐", "1938-02-01"),  # before 2484 the year began on 1 April
    ("๑ เมษายน ๒๔๘๐", "1937-04-01"),
    ("1 มกราคม ค.ศ. 2019", "2019-01-01"),
]


@pytest.mark.parametrize(("text", "iso"), CASES)
def test_date_variants(text, iso):
    date = parse_date(text)
    assert date is not None, text
    assert date.date.isoformat() == iso
    assert date.text == text


INVALID = ["๓๑ เมษายน ๒๕๖๒", "๒๙ กุมภาพันธ์ ๒๕๖๒", "๓๒ มกราคม ๒๕๖๒", "๑ มกราคม ๑๙๙๐", "วันที่ ๑๒ ครั้งที่ ๙/๒๕๖๑"]


@pytest.mark.parametrize("text", INVALID)
def test_not_a_real_date(text):
    assert find_dates(text) == []


def test_dates_in_a_sentence_keep_spans():
    text = "ตามหนังสือ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐ และเมื่อวันที่ ๒๘ พฤศจิกายน ๒๕๖๑"
    dates = find_dates(text, offset=100)
    assert [d.date for d in dates] == [dt.date(2017, 8, 15), dt.date(2018, 11, 28)]
    assert text[dates[0].span.start - 100 : dates[0].span.end - 100] == "๑๕ สิงหาคม ๒๕๖๐"


def test_amounts_and_phone_numbers_are_not_dates():
    assert find_dates("ไม่เกิน ๕๐๐,๐๐๐ บาท โทร. ๐-๓๕๖๑-๔๙๑๒ http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web") == []


def test_to_gregorian_rejects_years_outside_the_era():
    assert to_gregorian(1, 1, 1990) is None
    assert to_gregorian(1, 1, 2562) == dt.date(2019, 1, 1)
