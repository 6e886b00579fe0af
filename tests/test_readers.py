"""read_file: encodings, Word structure, and hostile inputs (each must give its ReadError code)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from pipeline.readers import ReadError, read_file, sniff
from pipeline.readers.text import decode

THAI = "บันทึกข้อความ\nส่วนราชการ สำนักงานจังหวัดอ่างทอง\nที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒\nเรื่อง ขอเชิญประชุม\n"

ENCODING_CASES = [
    ("utf-8", THAI.encode("utf-8"), "utf-8"),
    ("utf-8-sig", THAI.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16", THAI.encode("utf-16"), "utf-16"),  # with BOM (LE on this machine)
    ("utf-16-be", b"\xfe\xff" + THAI.encode("utf-16-be"), "utf-16"),
    ("cp874", THAI.encode("cp874"), "cp874"),
    ("tis-620", THAI.encode("tis-620"), "cp874"),
]


@pytest.mark.parametrize(("name", "data", "encoding"), ENCODING_CASES)
def test_text_encodings(tmp_path, name, data, encoding):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    doc = read_file(path)
    assert (doc.source_format, doc.encoding, doc.raw_text) == ("txt", encoding, THAI)
    assert doc.source.size == len(data) and len(doc.source.sha256) == 64


def test_form_feed_splits_pages(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text("หน้าแรก\fหน้าสอง", encoding="utf-8")
    doc = read_file(path)
    assert [p.text for p in doc.pages] == ["หน้าแรก", "หน้าสอง"] and doc.raw_text == "หน้าแรก\n\f\nหน้าสอง"


def test_cp874_decode_of_one_word():
    assert decode("เรื่อง".encode("cp874")) == ("เรื่อง", "cp874")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_BOX_RUN = f"""
<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>
      <w:txbxContent><w:p><w:r><w:t>ด่วนที่สุด</w:t></w:r></w:p></w:txbxContent>
    </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox>
      <w:txbxContent><w:p><w:r><w:t>ด่วนที่สุด</w:t></w:r></w:p></w:txbxContent>
    </v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def _letter_docx(path: Path, page_break: bool = False) -> Path:
    d = docx.Document()
    d.sections[0].header.add_paragraph("ตราครุฑ สำนักงานจังหวัดอ่างทอง")
    d.sections[0].footer.add_paragraph("กลุ่มงานยุทธศาสตร์ โทร. ๐-๓๕๖๑-๔๙๑๒")
    p = d.add_paragraph("บันทึกข้อความ")
    p._p.append(parse_xml(TEXT_BOX_RUN))
    table = d.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕", (0, 1): "วันที่ ๒๖ พฤษภาคม ๒๕๖๒", (1, 0): "เรื่อง", (1, 1): "ขอเชิญประชุม"}.items():
        table.cell(r, c).text = value
    if page_break:
        d.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    d.add_paragraph("เรียน ผู้ว่าราชการจังหวัดอ่างทอง")
    d.save(str(path))
    return path


def test_docx_reading_order(tmp_path):
    doc = read_file(_letter_docx(tmp_path / "letter.docx"))
    lines = [x for x in doc.raw_text.split("\n") if x.strip()]
    assert lines == [
        "ตราครุฑ สำนักงานจังหวัดอ่างทอง",
        "บันทึกข้อความ",
        "ด่วนที่สุด",  # the text box, once (Choice, not also Fallback)
        "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕",
        "วันที่ ๒๖ พฤษภาคม ๒๕๖๒",
        "เรื่อง",
        "ขอเชิญประชุม",
        "เรียน ผู้ว่าราชการจังหวัดอ่างทอง",
        "กลุ่มงานยุทธศาสตร์ โทร. ๐-๓๕๖๑-๔๙๑๒",
    ]
    assert (doc.source_format, doc.reader, len(doc.pages)) == ("docx", "docx (zipfile + lxml)", 1)


def test_docx_page_break_makes_pages(tmp_path):
    doc = read_file(_letter_docx(tmp_path / "two.docx", page_break=True))
    assert len(doc.pages) == 2
    assert doc.pages[1].text.splitlines()[0] == "เรียน ผู้ว่าราชการจังหวัดอ่างทอง"


def _zip(path: Path, names: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, content in names.items():
            z.writestr(name, content)
    return path


def _hostile(tmp_path: Path, name: str) -> Path:
    """Build one hostile input by name."""
    path = tmp_path / name
    makers = {
        "empty.txt": lambda: path.write_bytes(b""),
        "blank.txt": lambda: path.write_bytes(b" \n\t\r\n  \n"),
        "random.bin": lambda: path.write_bytes(random.Random(1).randbytes(4096)),
        "nul.txt": lambda: path.write_bytes(b"\x00\x01\x02" * 500 + "เรื่อง".encode()),
        "bad-utf16.txt": lambda: path.write_bytes(b"\xff\xfe" + b"\x00\xd8"),
        "archive.docx": lambda: _zip(path, {"readme.txt": "ไม่ใช่เอกสาร"}),
        "sheet.docx": lambda: _zip(path, {"xl/workbook.xml": "<x/>"}),
        "corrupt.docx": lambda: path.write_bytes(b"PK\x03\x04" + b"\x00" * 40),
        "broken-xml.docx": lambda: _zip(path, {"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
        "legacy.doc": lambda: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        "letter.rtf": lambda: path.write_bytes(b"{\\rtf1\\ansi hello}"),
        "garbage.pdf": lambda: path.write_bytes(b"%PDF-1.7\n" + random.Random(2).randbytes(2000)),
        "scan.png": lambda: path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "scan.jpg": lambda: path.write_bytes(b"\xff\xd8\xff\xe0" + random.Random(3).randbytes(300)),
    }
    makers[name]()
    return path


HOSTILE = [
    ("empty.txt", "empty"),
    ("blank.txt", "empty"),
    ("random.bin", "binary"),
    ("nul.txt", "binary"),
    ("bad-utf16.txt", "binary"),
    ("archive.docx", "not_docx"),
    ("sheet.docx", "not_docx"),
    ("corrupt.docx", "not_docx"),
    ("broken-xml.docx", "not_docx"),
    ("legacy.doc", "unsupported"),  # an old Office file with no Word stream in it (tests/test_office_formats.py)
    ("garbage.pdf", "pdf_unreadable"),
    ("scan.png", "image_unreadable"),
    ("scan.jpg", "image_unreadable"),
]


@pytest.mark.parametrize(("name", "code"), HOSTILE)
def test_hostile_inputs(tmp_path, name, code):
    with pytest.raises(ReadError) as info:
        read_file(_hostile(tmp_path, name))
    assert info.value.code == code
    assert info.value.message.endswith((".", ")")) and "Traceback" not in info.value.message


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as info:
        read_file(tmp_path / "nowhere.txt")
    assert info.value.code == "io_error"


def test_an_old_office_file_that_is_not_word_says_what_to_do(tmp_path):
    with pytest.raises(ReadError, match=r"not a Word document .* save the letter as \.docx or PDF"):
        read_file(_hostile(tmp_path, "legacy.doc"))


PDF_TEXT = "เรื่อง ขอเชิญประชุม\nเรียน ผู้ว่าราชการจังหวัดอ่างทอง"


def test_truncated_pdf(tmp_path, build_pdf):
    data = build_pdf(PDF_TEXT).read_bytes()
    for cut in (len(data) // 10, len(data) // 2, len(data) - 200):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(data[:cut])
        with pytest.raises(ReadError) as info:
            read_file(path)
        assert info.value.code == "pdf_unreadable"


def test_encrypted_pdf(build_pdf):
    with pytest.raises(ReadError) as info:
        read_file(build_pdf(PDF_TEXT, password="x"))
    assert info.value.code == "pdf_encrypted"


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.4\n", "pdf"), (b"\x89PNG\r\n\x1a\n", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"), ("เรื่อง".encode(), "txt")],
)
def test_sniff_by_magic_bytes_not_extension(head, kind):
    assert sniff(Path("misnamed.docx"), head) == kind
