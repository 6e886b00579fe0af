"""Handwritten minutes (เกษียณหนังสือ) after the signature stay out of the letter's fields: their
dates, citations and names are not the letter's. Wording of a real university memo and its minutes."""

import pytest

from extractors.lines import split_lines
from extractors.minutes import minutes_start
from pipeline.extract import extract
from pipeline.models import Document, Letter, Page, SourceFile, Span

MEMO = ("บันทึกข้อความ\nส่วนราชการ คณะวิทยาศาสตร์และเทคโนโลยี โทร. ๔๕๑๐๑\n"
        "ที่ วท ๐๙๗๖/๖๔๖๗                     วันที่ ๓๑ สิงหาคม ๒๕๖๕\n"
        "เรื่อง ขออนุมัติและดำเนินโครงการ\nเรียน รองอธิการบดีฝ่ายนโยบายและแผน\n"
        "        ข้าพเจ้าจึงขออนุมัติและดำเนินโครงการ ตามเอกสารที่แนบมาพร้อมนี้\n"
        "        จึงเรียนมาเพื่อโปรดพิจารณา\n"
        "                    (ผู้ช่วยศาสตราจารย์ ดร.วัลลภ ทาทอง)\n                    อาจารย์หัวหน้าโครงการ\n")
MINUTES = ("เรียน รองอธิการบดีฝ่ายนโยบายและแผน และกิจการพิเศษ\n๑. เพื่อโปรดพิจารณา\n"
           "๒. ตามหนังสือที่ อว ๐๖๑๗/ว ๑๒๓ ลงวันที่ ๑ กันยายน ๒๕๖๕\n"
           "                    (นางศิริพร จันทพล)\n                    ผู้อำนวยการกองนโยบายและแผน\n"
           "                    ๒ ก.ย. ๒๕๖๕\n")

STARTS = [
    # (text, the first line of the minutes, or None)
    (MEMO + MINUTES, "เรียน รองอธิการบดีฝ่ายนโยบายและแผน และกิจการพิเศษ"),
    (MEMO + "ทราบ มอบ งานแผน ดำเนินการ\n", "ทราบ มอบ งานแผน ดำเนินการ"),
    (MEMO + "กลุ่มงานแผน\nโทร. ๐ ๔๒๘๓ ๕๒๒๓\n", None),  # a contact block is no minute
    (MEMO, None),
]


@pytest.mark.parametrize(("text", "first"), STARTS)
def test_where_minutes_begin(text, first):
    lines = split_lines(text)
    at = minutes_start(lines)
    assert (lines[at].stripped if at is not None else None) == first


def _record(text: str):
    source = SourceFile("memo.pdf", "0" * 64, len(text.encode()))
    document = Document(source, "pdf", (Page(1, text, method="ocr"),))
    return extract(document, Letter(0, Span(0, len(text)), text))


def test_minutes_give_the_letter_no_date_citation_or_signer():
    record = _record(MEMO + MINUTES)
    assert record.doc_date.date.isoformat() == "2022-08-31"
    assert record.signer.name == "วัลลภ ทาทอง"
    assert record.citations == ()
    assert [d.date.isoformat() for d in record.dates] == ["2022-08-31"]
