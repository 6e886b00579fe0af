"""Date forms of real letters, read after normalisation (the pipeline's order)."""

import pytest

from extractors.thai_dates import find_dates
from pipeline.normalize import normalize

CASES = [
    ("ลงวันที่ ๕ พ.ย ๒๕๖๓", "2020-11-05"),  # abbreviated month without its last dot
    ("8 ต.ค 2562", "2019-10-08"),
    ("๑๒ พ. ย. ๒๕๖๓", "2020-11-12"),  # a space inside the abbreviation
    ("๑๒ พ. ย ๒๕๖๓", "2020-11-12"),
    ("วันที่ 1๕ ตุลาคม ๒๕6๓", "2020-10-15"),  # Thai and Arabic digits mixed
    ("15 มีนาคม 25 63", "2020-03-15"),  # a stray space in the year
    ("ประกาศ ณ วันที่ 3 0 มีนาคม พ.ศ. 256 6", "2023-03-30"),  # split day and year
    ("วันที่ ๓ ก.ค.๒๕๖๕", "2022-07-03"),
    ("15 ก.ย. 48 จำนวน", "2005-09-15"),
]


@pytest.mark.parametrize(("text", "iso"), CASES)
def test_real_date_forms(text, iso):
    assert [d.date.isoformat() for d in find_dates(normalize(text).text)] == [iso]


def test_a_split_year_is_never_read_as_two_digits():
    # "25 63" that normalisation could not join is no date of 1982
    assert [d.date.year for d in find_dates("15 มีนาคม 25 63")] == []
