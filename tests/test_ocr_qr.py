"""QR codes on scanned pages: decoded with their box, none invented, switched off by option."""

from __future__ import annotations

import io

import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw

from pipeline.models import QrCode
from pipeline.ocr import OcrOptions, read_pages
from pipeline.ocr.codes import decode_qr

segno = pytest.importorskip("segno")
pytest.importorskip("cv2")

URL = "http://123.242.159.135/web"


def page_with_code(text: str | None, at=(1800, 2900), module: int = 5) -> Image.Image:
    page = Image.new("L", (2480, 3508), 250)
    ImageDraw.Draw(page).rectangle((300, 400, 2000, 440), fill=20)  # a line of print
    if text:
        buf = io.BytesIO()
        segno.make(text, error="m").save(buf, kind="png", scale=module, border=4)
        page.paste(Image.open(io.BytesIO(buf.getvalue())).convert("L"), at)
    return page.rotate(1.5, fillcolor=250)


def test_a_code_is_decoded_with_its_box_on_the_page():
    codes = decode_qr(page_with_code(URL))
    assert [c.text for c in codes] == [URL]
    left, top, width, height = codes[0].box
    assert 1750 < left < 1900 and 2850 < top < 3000 and 100 < width < 200 and 100 < height < 200


def test_a_page_without_a_code_has_none():
    assert decode_qr(page_with_code(None)) == ()


@pytest.mark.parametrize(("options", "expected"), [
    (OcrOptions(thai_digits=False), [URL]),
    (OcrOptions(thai_digits=False, qr_codes=False), []),
])
def test_read_pages_lists_each_pages_codes(options, expected):
    options = OcrOptions(thai_digits=options.thai_digits, qr_codes=options.qr_codes, engine=CannedEngine("เรื่อง ขอเชิญ"))
    pages = read_pages([(1, page_with_code(URL))], options)
    assert [c.text for c in pages.pages[0].codes] == expected
    assert all(isinstance(c, QrCode) for c in pages.pages[0].codes)
