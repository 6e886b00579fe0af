"""A scanned letter's receipt stamp and QR code reach its record: the stamp in received_* (never the
letter's own number or date), the code in urls beside the addresses of the text."""

from __future__ import annotations

import io

import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw

from pipeline.ingest import process_file
from pipeline.ocr import OcrOptions
from pipeline.ocr.result import OcrResult
from pipeline.tables import build_tables

segno = pytest.importorskip("segno")
pytest.importorskip("cv2")

LETTER = ("ที่ มท ๐๘๑๐.๕/ว ๑๒๓๔                      กรมส่งเสริมการปกครองท้องถิ่น\n"
          "                                             ๒๐ มีนาคม ๒๕๖๖\n"
          "เรื่อง ขอเชิญประชุม\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
          "            ด้วยกรมขอเชิญประชุม ดูรายละเอียดได้ที่ https://www.dla.go.th/news\n"
          "                                        ขอแสดงความนับถือ\n"
          "                                        (นายสมชาย ใจดี)\n"
          "                                        อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")
STAMP = "กองกลาง\nเลขรับ ๙๙๐\nวันที่ ๒๔ มี.ค. ๖๖\nเวลา ๑๕.๒๓ น."
CODE = "https://forms.gle/x7Qd2kL9mPq"


def scanned_letter(path):
    page = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(page)
    for y in range(800, 2400, 90):
        draw.rectangle((300, y, 2100, y + 35), fill=20)
    draw.rectangle((1700, 120, 2250, 420), outline=30, width=5)  # the stamp's frame and rows
    for y in (170, 250, 330):
        draw.rectangle((1740, y, 2150, y + 30), fill=30)
    buf = io.BytesIO()
    segno.make(CODE, error="m").save(buf, kind="png", scale=6, border=4)
    page.paste(Image.open(io.BytesIO(buf.getvalue())).convert("L"), (300, 2700))
    page.save(path)


def reading(image, langs, psm):
    return OcrResult(STAMP if psm == 6 else LETTER, ())


def test_the_stamp_and_the_code_are_in_the_record_and_not_in_the_letter(tmp_path):
    path = tmp_path / "scan.png"
    scanned_letter(path)
    result = process_file(path, OcrOptions(thai_digits=False, engine=CannedEngine(answer=reading)))
    (record,) = result.records
    assert (record.ref_no.canonical, record.doc_date.date.isoformat()) == ("มท 0810.5/ว 1234", "2023-03-20")
    assert (record.received_no, record.received_date.date.isoformat(), record.received_time) == ("990", "2023-03-24", "15.23")
    tables, _ = build_tables([record], [])
    (row,) = tables["documents"]
    assert (row["received_no"], row["received_date"], row["doc_date"]) == ("990", "2023-03-24", "2023-03-20")
    urls = [(u["url"], u["source"], u["page"]) for u in tables["urls"]]
    assert urls == [("https://www.dla.go.th/news", "text", None), (CODE, "qr", 1)]
    assert tables["urls"][1]["span_start"] is None and tables["urls"][1]["box"].count(",") == 3


def test_a_receipt_stamps_date_is_not_among_the_letters_dates():
    """The stamp's rows read into the page text (``เลขรับ`` / ``วันที่ ๑๘ ธ.ค. ๖๔``) give the day the letter was
    received, not a date of the letter; a body line that opens with ``เวลา`` is no stamp's row."""
    from pipeline.extract import _all_dates

    text = ("                                    ฝ่ายบริหารทั่วไป\n                                    เลขรับ ๓๑๗๕\n"
            "                                    วันที่   ๑๘ ธ.ค. ๖๔\n                                    เวลา ๑๑.๔๕ น.\n"
            "ที่ ยธ ๐๖๐๔.๗/๗๔๖๒                 กรมคุมประพฤติ\n                               ๑๕ ธันวาคม ๒๕๖๔\n"
            "เรื่อง ขอความร่วมมือ\nเรียน ผู้อำนวยการ\n          กำหนดจัดขึ้นในวันที่ ๒๗ ธันวาคม ๒๕๖๔\n"
            "เวลา ๐๙.๐๐ น. เป็นต้นไป\n")
    assert [(d.text, d.role) for d in _all_dates(text, 0, None, (), None)] == [
        ("๑๕ ธันวาคม ๒๕๖๔", "other"), ("๒๗ ธันวาคม ๒๕๖๔", "other")]
