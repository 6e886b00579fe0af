"""Effective dates and the roles of the other dates of a letter."""

import pytest

from extractors.effective import date_role, effective

DATED = [
    ("โดยกำหนดให้ใช้หลักเกณฑ์ใหม่ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๑ เป็นต้นไป", "2018-12-01", "๑ ธันวาคม ๒๕๖๑"),
    ("ระเบียบนี้ให้ใช้บังคับตั้งแต่วันที่ ๑ มกราคม ๒๕๖๓ เป็นต้นไป", "2020-01-01", "๑ มกราคม ๒๕๖๓"),
    ("ทั้งนี้ ตั้งแต่วันที่ 1 ตุลาคม 2562", "2019-10-01", "1 ตุลาคม 2562"),
    ("ประกาศนี้มีผลใช้บังคับตั้งแต่วันที่ ๑๖ พ.ค. ๒๕๖๔", "2021-05-16", "๑๖ พ.ค. ๒๕๖๔"),
    ("ให้มีผลตั้งแต่ ๑ เม.ย. ๖๕ เป็นต้นไป", "2022-04-01", "๑ เม.ย. ๖๕"),
    ("จัดอบรมระหว่างวันที่ ๑ มีนาคม ๒๕๖๒ ถึง ๓ มีนาคม ๒๕๖๒ ทั้งนี้ ตั้งแต่วันที่ ๑ เมษายน ๒๕๖๒ เป็นต้นไป",
     "2019-04-01", "๑ เมษายน ๒๕๖๒"),
]


@pytest.mark.parametrize(("text", "iso", "printed"), DATED)
def test_dated_rules(text, iso, printed):
    found = effective(text, 0)
    assert (found.date.date.isoformat(), found.date.text, found.relative) == (iso, printed, "")


@pytest.mark.parametrize(("text", "rule"), [
    ("ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป", "วันถัดจากวันประกาศในราชกิจจานุเบกษา"),
    ("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", "บัดนี้"),
    ("คำสั่งนี้มีผลตั้งแต่วันที่ลงนามเป็นต้นไป", "วันที่ลงนาม"),
])
def test_relative_rules_stay_text(text, rule):
    found = effective(text, 0)
    assert found.date is None
    assert found.relative == rule


@pytest.mark.parametrize("text", [
    "จัดอบรมตั้งแต่วันที่ ๑ มีนาคม ๒๕๖๒ ถึงวันที่ ๓ มีนาคม ๒๕๖๒",
    "เมื่อวันที่ ๒๘ พฤศจิกายน ๒๕๖๑",
    "ขอให้ส่งภายในวันที่ ๑ มีนาคม ๒๕๖๒",
])
def test_no_effective_date(text):
    assert effective(text, 0) is None


@pytest.mark.parametrize(("text", "role"), [
    ("ได้มีมติในการประชุมครั้งที่ ๙/๒๕๖๑ เมื่อวันที่ |๒๘ พฤศจิกายน ๒๕๖๑", "meeting"),
    ("ขอให้รายงานผลภายในวันที่ |๓๐ กันยายน ๒๕๖๒", "deadline"),
    ("ส่งให้จังหวัดก่อนวันที่ |๑ ตุลาคม ๒๕๖๒", "deadline"),
    ("ซึ่งได้จัดทำไว้เมื่อ |๑ ตุลาคม ๒๕๖๒", "other"),
    ("กรมบัญชีกลางได้มีหนังสือ ที่ กค ๐๔๐๒.๒/ว ๑๖๗ ลงวันที่ |๑๘ ธันวาคม ๒๕๖๖", "cited"),
    ("หนังสือ ว ๑๐ ลว. |๑๕ ก.ย. ๔๘", "cited"),
])
def test_date_roles(text, role):
    """``|`` marks where the date starts."""
    assert date_role(text.replace("|", ""), text.index("|")) == role
