"""Size caps (pipeline.limits.ReadLimits): a DOCX part, a PDF stream, the pages of a file and the pixels
of a page; past one, an ``over_limit`` row names the cap, what was read before it is kept, and no
page is dropped without a row."""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from fake_engines import CannedEngine
from PIL import Image

from pipeline.limits import ReadLimits
from pipeline.ocr import OcrOptions
from pipeline.ocr.binarize import not_text_reason
from pipeline.process import process_file
from pipeline.readers import ReadError, plan_file, read_file
from pipeline.readers.pdf_limits import check_streams

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "data" / "raw" / "docx" / "doc_2541_0002.docx"
PDF = ROOT / "data" / "raw" / "pdf" / "doc_2559_0006.pdf"
SMALL = ReadLimits(max_part_mb=4, max_stream_mb=4, max_pages=3, max_megapixels=1)
LETTER = "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\nวันที่ ๒๖ พฤษภาคม ๒๕๖๒\nเรื่อง ขอเชิญประชุม\nเรียน นายอำเภอทุกอำเภอ"


def _docx_with(tmp_path: Path, padding: dict[str, int], source: Path = DOCX) -> Path:
    """``source`` with ``padding`` bytes of spaces added inside the named parts (a zip bomb)."""
    out = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in padding:
                data = data.replace(b"?>", b"?>" + b" " * padding[item.filename], 1)
            dst.writestr(item.filename, data)
    return out


def test_a_docx_part_past_the_cap_is_refused_without_inflating_it(tmp_path):
    bomb = _docx_with(tmp_path, {"word/document.xml": 6 << 20})
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ReadError) as err:
        read_file(bomb, OcrOptions(limits=SMALL))
    assert err.value.code == "over_limit" and "--max-part-mb" in err.value.message
    assert read_file(bomb).pages  # under the default cap it reads


def test_a_header_past_the_cap_is_left_out_and_the_record_marked_partial(tmp_path):
    import docx

    made = docx.Document()
    made.sections[0].header.paragraphs[0].text = "สำนักงานจังหวัดอ่างทอง"
    for line in LETTER.split("\n"):
        made.add_paragraph(line)
    source = tmp_path / "with_header.docx"
    made.save(source)
    whole = read_file(source, OcrOptions(limits=SMALL))
    assert "สำนักงานจังหวัดอ่างทอง" in whole.pages[0].text and not whole.problems
    with zipfile.ZipFile(source) as z:
        header = next(n for n in z.namelist() if n.startswith("word/header"))
    bomb = _docx_with(tmp_path, {header: 6 << 20}, source)
    document = read_file(bomb, OcrOptions(limits=SMALL))
    assert "สำนักงานจังหวัดอ่างทอง" not in document.pages[0].text
    assert "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕" in document.pages[0].text  # the body is kept
    assert [p.code for p in document.problems] == ["over_limit"]
    assert "the record is partial" in document.problems[0].message


def _pdf(pages: list[bytes], extra: bytes = b"") -> bytes:
    """A PDF of one page per content stream (deflated) in ``pages``, in Helvetica; ``extra`` goes in
    each stream's dictionary."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(pages)),
               b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    for i, content in enumerate(pages):
        packed = zlib.compress(content, 9)
        objects.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>"
                       b"/Contents %d 0 R>>" % (5 + 2 * i))
        objects.append(b"<<%s/Length %d/Filter/FlateDecode>>stream\n" % (extra, len(packed)) + packed + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _text_page(n: int) -> bytes:
    return b"BT /F1 14 Tf 72 720 Td (Page %d of a letter about the meeting of the district office) Tj ET" % n


def test_a_pdf_stream_that_inflates_past_the_cap_is_refused(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf([_text_page(1) + b" q Q" * (2 << 20)]))  # 8 MB of no-ops
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ReadError) as err:
        check_streams(bomb, SMALL)
    assert err.value.code == "over_limit" and "--max-stream-mb" in err.value.message
    result = process_file(bomb, OcrOptions(limits=SMALL))
    assert [(p.code, p.severity) for p in result.problems] == [("over_limit", "error")]
    check_streams(bomb, ReadLimits())  # under the default cap: nothing to say


def test_a_pdf_declaring_an_image_past_the_pixel_cap_is_refused(tmp_path):
    pdf = tmp_path / "huge.pdf"
    pdf.write_bytes(_pdf([_text_page(1)], b"/Type/XObject/Subtype/Image/Width 60000/Height 60000"))
    with pytest.raises(ReadError, match="60000 x 60000 pixels"):
        check_streams(pdf, ReadLimits())


def test_the_sample_pdf_passes_the_stream_check():
    check_streams(PDF, ReadLimits())


def test_pdf_pages_past_the_cap_are_not_read_and_a_row_says_so(tmp_path):
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(_pdf([_text_page(n) for n in range(1, 6)]))
    assert [p.number for p in read_file(pdf).pages] == [1, 2, 3, 4, 5]
    document = read_file(pdf, OcrOptions(limits=ReadLimits(max_pages=2)))
    assert [p.number for p in document.pages] == [1, 2]
    assert "Page 2 of a letter" in document.pages[1].text
    assert [(p.code, p.message) for p in document.problems][:1] == [
        ("over_limit", "the file has 5 pages; only the first 2 were read (--max-pages 2): the record is partial")]


def _tiff(path: Path, frames: int, size=(60, 40)) -> Path:
    images = [Image.new("L", size, 255) for _ in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:])
    return path


def test_a_600_frame_tiff_is_read_whole_under_the_default_cap(tmp_path):
    assert plan_file(_tiff(tmp_path / "long.tif", 600)).numbers == tuple(range(1, 601))


def test_tiff_frames_past_the_cap_are_a_row_never_silently_dropped(tmp_path):
    tif = _tiff(tmp_path / "long.tif", 5)
    scan = plan_file(tif, SMALL)
    assert scan.numbers == (1, 2, 3)
    assert [p.message for p in scan.problems] == [
        "the file has 5 pages; only the first 3 were read (--max-pages 3): the record is partial"]
    result = process_file(tif, OcrOptions(limits=SMALL, engine=CannedEngine(LETTER)))
    assert ("over_limit", "warning") in [(p.code, p.severity) for p in result.problems]


def test_an_image_past_the_pixel_cap_is_a_row_and_no_bomb_warning(tmp_path, recwarn):
    big = tmp_path / "big.png"
    Image.new("L", (10_000, 9_500), 255).save(big)  # 95 megapixels: Pillow's own warning limit is 89
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any DecompressionBombWarning fails the test
        result = process_file(big, OcrOptions(limits=ReadLimits(max_megapixels=50), engine=CannedEngine(LETTER)))
        assert [(p.code, p.severity) for p in result.problems] == [("over_limit", "error")]
        assert "10000 x 9500 pixels (95 megapixels), over the cap of 50" in result.problems[0].message
        planned = plan_file(big)  # under the default cap of 200: planned, no warning
    assert planned.numbers == (1,)


def test_a_frame_past_the_pixel_cap_is_left_out_with_a_row(tmp_path):
    tif = tmp_path / "mixed.tif"
    frames = [Image.new("L", (60, 40), 255), Image.new("L", (1200, 1000), 255), Image.new("L", (60, 40), 255)]
    frames[0].save(tif, save_all=True, append_images=frames[1:])
    scan = plan_file(tif, SMALL)
    assert scan.numbers == (1, 3)
    assert [(p.code, p.page) for p in scan.problems] == [("over_limit", 2)]


def test_a_white_page_is_blank_not_mostly_ink():
    rng = np.random.default_rng(0)
    paper = (255 - rng.integers(0, 6, (1200, 900))).astype("uint8")  # a white sheet with scanner noise
    assert not_text_reason(Image.fromarray(paper)) is None


@pytest.mark.parametrize("flags", [["--max-pages", "0"], ["--max-megapixels", "-1"], ["--max-part-mb", "0"]])
def test_bad_caps_exit_2(tmp_path, flags):
    from pipeline.cli import main

    assert main(["ingest", str(DOCX), "--out", str(tmp_path / "o"), *flags]) == 2


def test_deflate_never_inflates_past_the_ratio_the_quick_check_assumes():
    """The stream check skips a stream whose bytes, inflated at ``DEFLATE_MAX_RATIO``, stay under the cap;
    the most compressible data there is (zeros at level 9) must not beat that ratio."""
    from pipeline.readers.pdf_limits import DEFLATE_MAX_RATIO, _may_inflate_past

    zeros = b"\0" * (64 << 20)
    packed = zlib.compress(zeros, 9)
    assert len(zeros) / len(packed) < DEFLATE_MAX_RATIO
    data = b"stream\n" + packed + b"\nendstream"
    assert _may_inflate_past(data, 7, len(zeros) - 1)  # could (and does) pass a cap just under its size
    assert not _may_inflate_past(data, 7, (len(packed) + 1) * DEFLATE_MAX_RATIO)  # its bytes and the line break
    assert _may_inflate_past(b"stream\n" + packed, 7, 1 << 40)  # no endstream: always inflated and counted
