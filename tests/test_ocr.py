"""OCR of a rendered Thai line with tesseract (required in CI, skipped locally only if absent)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw, ImageFont

from pipeline.normalize import normalize
from pipeline.ocr import OcrOptions, latin, read_pages
from pipeline.ocr.engine import PageScan
from pipeline.ocr.options import LATIN_LANGS
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines
from pipeline.readers import read_file

if shutil.which("tesseract") is None and not os.environ.get("CI"):
    pytest.skip("tesseract is not installed (CI must have it)", allow_module_level=True)

LINE = "เรื่อง ขอเชิญประชุมคณะกรรมการ"


def _font(size: int = 64):
    path = subprocess.run(["fc-match", "-f", "%{file}", "Laksaman"], capture_output=True, text=True, check=True).stdout
    return ImageFont.truetype(path, size)


def _render(text: str) -> Image.Image:
    font = _font()
    image = Image.new("L", (1800, 160), 255)
    ImageDraw.Draw(image).text((40, 30), text, font=font, fill=0)
    return image


@pytest.fixture(scope="module")
def line_image():
    return _render(LINE)


def _read(image, options: OcrOptions = OcrOptions()) -> tuple[str, float]:
    page = read_pages([(1, image)], options).pages[0]
    return page.text, page.confidence


def test_ocr_image_reads_thai_words(line_image):
    text, confidence = _read(line_image)
    text = normalize(text).text
    assert "เรื่อง" in text and "ประชุม" in text
    assert 0.5 <= confidence <= 1.0


def test_stock_tesseract_is_tha_eng_on_the_grey_page_without_steps(line_image):
    pages = read_pages([(1, line_image)], OcrOptions(stock=True))
    assert pages.reader.startswith("tesseract ") and pages.reader.endswith(" tha+eng (stock)")
    assert "ประชุม" in normalize(pages.pages[0].text).text


def test_image_file_is_read_by_ocr(tmp_path, line_image):
    path = tmp_path / "scan.tif"
    line_image.save(path)
    doc = read_file(path)
    assert (doc.source_format, doc.method, len(doc.pages)) == ("image", "ocr", 1)
    assert doc.reader.startswith("tesseract ") and doc.pages[0].confidence > 0.5
    assert "ประชุม" in normalize(doc.raw_text).text


def test_image_only_pdf_page_is_ocred(tmp_path, line_image):
    path = tmp_path / "scan.pdf"
    line_image.convert("RGB").save(path, resolution=300)
    doc = read_file(path)
    assert (doc.source_format, doc.method, doc.pages[0].method) == ("pdf", "ocr", "ocr")
    assert doc.reader.startswith("pypdfium2 + tesseract ") and "ประชุม" in normalize(doc.raw_text).text


def test_address_lines_are_read_again_with_english():
    """The Thai model turns a web or e-mail address into Thai-looking noise; only those lines are re-read."""
    engine = CannedEngine("e-mail: saraban@moi.go.th")
    words = (OcrWord("เรื่อง", 0.9, (0, 0, 50, 20), (1, 1, 1)),
             OcrWord("อีเมล", 0.5, (0, 40, 50, 20), (1, 1, 2)), OcrWord("ส@ม.๑๐.ท", 0.3, (60, 40, 90, 20), (1, 1, 2)))
    text = "เรื่อง\nอีเมล ส@ม.๑๐.ท"
    scan = PageScan(Image.new("L", (300, 100), 255), engine, OcrOptions())
    out = latin.postprocess(scan, OcrResult(text, words, pair_lines(text, words)))
    assert out.text == "เรื่อง\ne-mail: saraban@moi.go.th"
    assert [(langs, psm) for _, langs, psm in engine.calls] == [(LATIN_LANGS, 7)]  # the address line alone


@pytest.mark.parametrize(("token", "read", "kept"), [
    ("007)", "PDF)", "PDF)"),   # unsure, read again as an English word
    ("2551", "2551", "2551"),   # a number stays a number: no Latin letters in the English reading
    ("o๑", "og", "o๑"),         # the Thai model's token holds a Thai digit: never replaced
    ("...", "eee", "..."),      # a memo's leader dots: not a word
])
def test_unsure_latin_tokens_are_read_again_with_english(token, read, kept):
    engine = CannedEngine(read)
    words = (OcrWord("(ไฟล์", 0.95, (0, 0, 100, 40), (1, 1, 1)), OcrWord(token, 0.2, (110, 0, 80, 40), (1, 1, 1)))
    line = f"(ไฟล์ {token}"
    scan = PageScan(Image.new("L", (300, 60), 255), engine, OcrOptions())
    assert latin.reread_latin_words(scan, line, words) == f"(ไฟล์ {kept}"


def test_a_latin_word_in_a_thai_line_is_read_by_the_english_model():
    """The whole chain on a rendered attachment line: the Thai model alone gives digits for PDF."""
    text, _ = _read(_render("ข้อมูลอิเล็กทรอนิกส์ (ไฟล์ PDF) จำนวน ๕ ฉบับ"))
    assert "PDF" in text, text


def test_blank_and_noise_pages_are_not_given_to_tesseract(tmp_path):
    """A scanned blank sheet is an empty page; a page of noise an empty page and a Problem; the letter
    on the other page is read. (Tesseract spends minutes on either, Otsu turns a blank sheet's
    scanner noise into half black.)"""
    import numpy as np

    rng = np.random.default_rng(7)
    text = _render(LINE).resize((1800, 160))
    page = Image.new("L", (1800, 2400), 245)
    page.paste(text, (0, 200))
    blank = Image.fromarray((238 + rng.normal(0, 8, (2400, 1800))).clip(0, 255).astype("uint8"))
    noise = Image.fromarray(rng.integers(0, 256, (2400, 1800), dtype="uint8"))
    path = tmp_path / "three.tif"
    page.save(path, save_all=True, append_images=[blank, noise])
    doc = read_file(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert "ประชุม" in normalize(doc.pages[0].text).text
    assert doc.pages[1].text == "" and doc.pages[2].text == ""
    assert [(p.code, p.page) for p in doc.problems] == [("page_not_text", 3)]
