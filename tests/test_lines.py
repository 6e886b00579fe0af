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
