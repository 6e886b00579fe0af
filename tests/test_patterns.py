"""Shared line patterns: what a phone number looks like after a memo's owner line or an issuer."""

from __future__ import annotations

import pytest

from extractors.patterns import PHONE


@pytest.mark.parametrize(("text", "kept"), [
    ("สำนักบริหารการคลังท้องถิ่น โทร. ๐-๓๕๒๓-๘๖๕๓", "สำนักบริหารการคลังท้องถิ่น"),
    ("สำนักบริหารการคลังท้องถิ่น โทร .๐-๓๕๒๓-๘๖๕๓", "สำนักบริหารการคลังท้องถิ่น"),  # OCR's space before the dot
    ("กลุ่มงานยุทธศาสตร์ (โทร ๐ ๓๕๖๑ ๔๙๑๒)", "กลุ่มงานยุทธศาสตร์"),
    ("ฝ่ายบริหาร โทรศัพท์ภายใน ๑๒๓", "ฝ่ายบริหาร"),
    ("สำนักงาน Tel. 0-2222-1111", "สำนักงาน"),
    ("ขอให้โทรแจ้งผล", "ขอให้โทรแจ้งผล"),  # โทร as a verb, no number after it
])
def test_phone_is_cut_off(text, kept):
    match = PHONE.search(text)
    assert (text[:match.start()] if match else text) == kept
