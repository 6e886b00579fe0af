"""Property-based tests (hypothesis): normalisation and every extractor, on any string.

No exception escapes, normalisation is idempotent, and every span lies inside its text. Strings mix
what real files hold: Thai letters, marks alone and doubled, Thai and Arabic digits, the keywords
letters are made of, PUA glyphs of legacy fonts, lone surrogates, controls, and very long lines.
CI runs the default profile; ``make fuzz`` runs the ``fuzz`` profile with many more examples.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import effective, gazette, instrument, receipt, references, thai_dates, urls
from extractors.ref_numbers import find_refs
from pipeline.extract import extract
from pipeline.models import Document, Page, SourceFile
from pipeline.normalize import normalize
from pipeline.segment import segment

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("SARABAN_HYPOTHESIS_PROFILE", "ci"))

WORDS = ["ที่", "เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย", "บันทึกข้อความ", "ประกาศ", "คำสั่ง", "ระเบียบ", "ว่าด้วย",
         "พ.ศ.", "ลงวันที่", "ตามหนังสือ", "ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "ปฏิบัติราชการแทน", "ให้ไว้ ณ วันที่",
         "สั่ง ณ วันที่", "ประกาศ ณ วันที่", "ราชกิจจานุเบกษา", "หน้า", "เล่ม", "ตอนที่", "ก", "มท", "ศธ", "๐๘๑๐.๕/ว",
         "๑๒๓๔", "2566", "พฤษภาคม", "พ.ค.", "ก.ย", "เลขรับ", "เวลา", "http://", "www.", "จำนวน", "ฉบับ", "\n", " ", "\f",
         "ํา", "่", "ั", "...", "……", "๕", "31", "/"]
CHARS = st.one_of(
    st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),   # Thai, marks included
    st.characters(min_codepoint=0xF700, max_codepoint=0xF71F),   # legacy-font PUA glyphs
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),   # lone surrogates (surrogateescape'd bytes)
    st.sampled_from(list("0123456789 \t\n\r\f.,:/()-\u200b\u00a0\ufeff")),
    st.characters(codec="utf-8"),
)
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(CHARS, max_size=12)), max_size=60).map("".join)


def _spans_inside(value, length: int, seen=None) -> None:
    """Every ``Span`` reachable from ``value`` (dataclasses, tuples, lists) lies inside ``[0, length]``."""
    from dataclasses import fields, is_dataclass

    from pipeline.models import Span

    seen = seen if seen is not None else set()
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Span):
        assert 0 <= value.start <= value.end <= length, (value, length)
    elif is_dataclass(value):
        for f in fields(value):
            _spans_inside(getattr(value, f.name), length, seen)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _spans_inside(item, length, seen)


@given(TEXT)
def test_normalisation_never_raises_is_idempotent_and_maps_back(raw):
    clean = normalize(raw)
    assert normalize(clean.text).text == clean.text
    for start, end in ((0, len(clean.text)), (len(clean.text) // 2, len(clean.text))):
        a, b = clean.raw_span(start, end)
        assert 0 <= a <= b <= len(raw)


@given(TEXT)
def test_the_text_extractors_never_raise_and_keep_their_spans_inside(raw):
    text = normalize(raw).text
    n = len(text)
    for found in (thai_dates.find_dates(text), find_refs(text), references.find_citations(text, 0, None),
                  urls.web_addresses(text), gazette.marks(text), effective.effective(text, 0),
                  instrument.title(text), instrument.issue_date(text), instrument.signing(text),
                  instrument.countersigner(text)):
        _spans_inside(found, n)
    receipt.receipt(text)


@given(TEXT)
def test_a_whole_file_of_any_text_becomes_records_without_an_exception(raw):
    document = Document(SourceFile("fuzz.txt", "0" * 64, len(raw)), "txt", (Page(1, raw),))
    text = normalize(document.raw_text).text
    for letter in segment(text):
        record = extract(document, letter)
        _spans_inside(record, len(text))


@pytest.mark.parametrize("raw", ["ก" * 1_000_000, "\u0e48" * 200_000, "๑" * 300_000 + "/" + "ว" * 1000,
                                 ". " * 400_000, "ที่ " * 100_000])
def test_one_megabyte_lines_are_read(raw):
    text = normalize(raw).text
    list(segment(text))
    thai_dates.find_dates(text)


@pytest.mark.parametrize(("raw", "once"), [
    ("ที่่ั", "ทีั่"),      # found by the fuzzer: a doubled tone before a vowel, swapped and squeezed in one pass
    ("ส่ัง", "สั่ง"),
    ("ที่ั่", "ทีั่"),      # a swap that brings two equal tones together
    ("ที่...่", "ที่"),     # a leader removed, a space closed up: the tones meet and are one
])
def test_mark_order_reaches_its_fixed_point_in_one_pass(raw, once):
    assert normalize(raw).text == once and normalize(once).text == once
