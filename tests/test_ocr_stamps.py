"""Receipt stamps: found from the image, read alone, kept out of the page's text; other boxes stay."""

from __future__ import annotations

import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw

from pipeline.ocr import OcrOptions, read_pages
from pipeline.ocr.result import OcrResult
from pipeline.ocr.stamps import frame_boxes, is_receipt, take_stamps

pytest.importorskip("cv2")


def page_with_box(colour: bool = False) -> Image.Image:
    """An A4 page at 300 dpi: lines of print, and a stamp-sized frame with rows inside, top right."""
    page = Image.new("RGB" if colour else "L", (2480, 3508), (250, 250, 250) if colour else 250)
    draw = ImageDraw.Draw(page)
    ink = (20, 20, 20) if colour else 20
    for y in range(800, 2400, 90):
        draw.rectangle((300, y, 2100, y + 35), fill=ink)
    stamp = (40, 60, 190) if colour else 30
    draw.rectangle((1700, 120, 2250, 420), outline=stamp, width=5)
    for y in (170, 250, 330):
        draw.rectangle((1740, y, 2150, y + 30), fill=stamp)
    return page


@pytest.mark.parametrize(("text", "receipt"), [
    ("กองนโยบายและแผน เลขรับ ๑๖๒๖ วันที่ ๑ ก.ย. ๖๕ เวลา ๑๕.๔๑ น.", True),
    ("คณะวิทยาศาสตร์ เลขที่รับ ๐๑๗๑ เวลา ๑๗.๕๕", True),
    ("เอขวับ. ๑๒ วันท ๑๑ กย ๖๕ เวลา ๑๐.๐๐ ผู้วับ", True),   # as OCR read a real one
    ("ผู้รับ นพมล", False),                                     # one row is not enough
    ("การประชุม เวลา ๑๓.๐๐ น.", False),
    ("หมายเหตุ แบบฟอร์มนี้ใช้สำหรับ", False),          # a boxed notice
    ("สิ่งที่ส่งมาด้วย ๑ ฉบับ", False),
])
def test_a_stamp_is_a_receipt_stamp_by_what_it_says(text, receipt):
    assert is_receipt(text) == receipt


def test_a_stamp_sized_frame_is_found_and_print_lines_are_not_frames():
    boxes = frame_boxes(page_with_box())
    assert len(boxes) == 1
    left, top, width, height = boxes[0]
    assert abs(left - 1700) < 15 and abs(top - 120) < 15 and abs(width - 551) < 20 and abs(height - 301) < 20


def test_a_receipt_stamp_is_painted_over_and_kept_apart():
    engine = CannedEngine("กองกลาง\nเลขรับ ๙๙๐\nวันที่ ๕ มี.ค. ๕๑\nเวลา ๑๕.๒๓ น.")
    found, colour = take_stamps(page_with_box(), None, engine, "tha")
    assert [s.text for s in found.stamps] == ["กองกลาง เลขรับ ๙๙๐ วันที่ ๕ มี.ค. ๕๑ เวลา ๑๕.๒๓ น."]
    assert found.page.getpixel((1800, 180)) > 200 and found.page.getpixel((400, 810)) < 60  # stamp gone, print kept
    assert [psm for _, _, psm in engine.calls] == [6] and colour is None


def test_a_box_that_is_no_receipt_stamp_stays_on_the_page():
    found, _ = take_stamps(page_with_box(), None, CannedEngine("หมายเหตุ ใช้แบบฟอร์มนี้"), "tha")
    assert found.stamps == () and found.page.getpixel((1800, 180)) < 60


def test_a_blue_stamp_on_a_colour_scan_is_found_in_the_coloured_ink():
    def answer(image, langs, psm):
        text = "ฝ่ายบริหารทั่วไป เลขรับ 878 เวลา 13.39 น." if psm == 6 else "เรื่อง ขอเชิญประชุม"  # noqa: E501
        return OcrResult(text, ())

    pages = read_pages([(1, page_with_box(colour=True))], OcrOptions(thai_digits=False, engine=CannedEngine(answer=answer)))
    assert [s.text for s in pages.pages[0].stamps] == ["ฝ่ายบริหารทั่วไป เลขรับ 878 เวลา 13.39 น."]


def test_stamps_can_be_left_on_the_page():
    engine = CannedEngine("เลขรับ ๙๙๐ เวลา ๙.๓๐")
    pages = read_pages([(1, page_with_box())], OcrOptions(thai_digits=False, stamps=False, engine=engine))
    assert pages.pages[0].stamps == () and all(psm != 6 for _, _, psm in engine.calls)
