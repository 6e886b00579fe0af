"""Lines of a letter: what counts as blank (nothing a wrapped field continues into)."""

from __future__ import annotations

import pytest

from extractors.lines import Line


@pytest.mark.parametrize(("text", "blank"), [
    ("", True),
    ("   ", True),
    ("\f", True),
    ("                            -----------------------------", True),
    ("________________", True),
    ("- ------------------------- -- -", True),  # a rule OCR read in pieces
    ("- ๒ -", True),  # a page number atop page 2
    ("ผู้ว่าราชการจังหวัด", False),
    ("- ข้อ ๑ -", False),
    ("--", False),
    ("๑. ----- ชุด", False),
])
def test_blank(text, blank):
    assert Line(0, text).blank is blank


@pytest.mark.parametrize(("parts", "joined"), [
    (["การจัดการระบบคอมพิวเตอร์", "ของกระทรวงมหาดไทย"], "การจัดการระบบคอมพิวเตอร์ของกระทรวงมหาดไทย"),  # Thai into Thai: no space
    (["ประถมศึกษาสตูล เขต", "๓"], "ประถมศึกษาสตูล เขต ๓"),  # a number is set off
    (["การศึกษาประถมศึกษาสมุทรปราการ", "เขต ๓"], "การศึกษาประถมศึกษาสมุทรปราการ เขต ๓"),  # so is an area's number
    (["ผู้อำนวยการสำนักงานเขต", "พื้นที่การศึกษา"], "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),  # เขตพื้นที่ is one word
    (["ดร.", "วลลภ"], "ดร. วลลภ"),
])
def test_wrapped_parts_join_as_printed(parts, joined):
    from extractors.lines import join_wrapped

    assert join_wrapped(parts) == joined
