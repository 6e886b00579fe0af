"""The Royal Gazette running head or foot, and effective dates derived from it."""

import datetime as dt

import pytest

from extractors.effective_source import resolve
from extractors.gazette import first_mark, marks
from extractors.urls import web_addresses
from pipeline.models import Span, ThaiDate

HEADS = [
    # (text, volume, section, page, date)
    ("จังหวัดสกลนคร หน้า 102 เล่ม 140 ตอนที่ 35 ง ราชกิจจานุเบกษา 11 พฤษภาคม 2566", 140, "ตอนที่ 35 ง", 102, "2023-05-11"),
    ("หน้า ๑ เล่ม ๑๔๐ ตอนที่ ๒๒ ก ราชกิจจานุเบกษา ๒๐ มีนาคม ๒๕๖๖", 140, "ตอนที่ 22 ก", 1, "2023-03-20"),
    ("หน้า 28 เล่ม 140 ตอนพิเศษ 17 ง ราชกิจจานุเบกษา 24 มกราคม 2566", 140, "ตอนพิเศษ 17 ง", 28, "2023-01-24"),
    ("  หน้า ๑่\nเลม ๑๓๙ ตอนพิเศษ ๑๕๔ ง       ราชกิจจานุเบกษา        ๓๐ มิถุนายน ๒๕๖๕", 139, "ตอนพิเศษ 154 ง", 1,
     "2022-06-30"),  # a PDF layer: tone marks displaced, the head over two lines
]


@pytest.mark.parametrize(("text", "volume", "section", "page", "date"), HEADS)
def test_head(text, volume, section, page, date):
    m = first_mark(text)
    assert (m.volume, m.section, m.page, m.date.date.isoformat()) == (volume, section, page, date)
    assert m.date.role == "published"


def test_first_page_of_several():
    text = "หน้า 2 เล่ม 140 ตอนที่ 8 ก ราชกิจจานุเบกษา 31 มกราคม 2566 … หน้า 1 เล่ม 140 ตอนที่ 8 ก ราชกิจจานุเบกษา 31 มกราคม 2566"
    assert [m.page for m in marks(text)] == [2, 1]
    assert first_mark(text).page == 1


def test_no_head():
    assert first_mark("ประกาศ ณ วันที่ 20 มีนาคม 2566") is None


PUB = ThaiDate(dt.date(2023, 3, 20), "20 มีนาคม 2566", Span(0, 14))
ISSUED = ThaiDate(dt.date(2023, 3, 1), "1 มีนาคม 2566", Span(20, 33))
RULES = [
    # (rule as printed, issue date, publication date, effective date, how)
    ("วันถัดจากวันประกาศในราชกิจจานุเบกษา", ISSUED, PUB, "2023-03-21", "derived_from_publication"),
    ("วันถัดจากวันประกาศในราชกิจจานุเบกษา", ISSUED, None, None, ""),  # no publication date printed: text only
    ("วันประกาศในราชกิจจานุเบกษา", ISSUED, PUB, "2023-03-20", "derived_from_publication"),
    ("บัดนี้", ISSUED, PUB, "2023-03-01", "issue_date"),
    ("วันที่ประกาศ", ISSUED, None, "2023-03-01", "issue_date"),
    ("บัดนี้", None, PUB, None, ""),  # no issue date: nothing to take
    ("วันถัดจากวันประกาศ", ISSUED, PUB, None, ""),  # not said to be the Gazette's: never a guess
]


@pytest.mark.parametrize(("rule", "issued", "published", "date", "how"), RULES)
def test_effective_rule(rule, issued, published, date, how):
    got, source = resolve(rule, Span(50, 50 + len(rule)), issued, published)
    assert ((got.date.isoformat() if got else None), source) == (date, how)


URLS = [
    ("ดูได้ที่ http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web.", [("http://123.242.159.135/web", "http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web")]),
    ("ทางเว็บไซต์ www.dopa.go.thหรือ", [("www.dopa.go.th", "www.dopa.go.th")]),
    ("(HTTPS://Www.Moi.go.th/a?b=1), และ", [("https://www.moi.go.th/a?b=1", "HTTPS://Www.Moi.go.th/a?b=1")]),
    ("https : //www.tisi.go.th", [("https://www.tisi.go.th", "https : //www.tisi.go.th")]),
    ("อีเมล saraban@moi.go.th โทร. 0 2222 1141", []),
]


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_web_addresses(text, expected):
    found = web_addresses(text, 10)
    assert [(u.url, u.text) for u in found] == expected
    for u in found:
        assert text[u.span.start - 10 : u.span.end - 10] == u.text
