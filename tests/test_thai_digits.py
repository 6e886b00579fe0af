"""The Thai-digit line reader: the shipped model reads rendered lines, and alignment keeps or replaces runs.

Needs onnxruntime and the model file (never torch). In CI a missing tesseract or model is a failure.
"""

from __future__ import annotations

import io
import os
import random
import shutil

import numpy as np
import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from workbench.ocr_model.synth import font_file

from pipeline.ocr import OcrOptions, read_pages
from pipeline.ocr.digits import reader as thai_digits
from pipeline.ocr.digits.align import Run, align_by_position, char_positions, merge_run
from pipeline.ocr.digits.reader import RE_MODEL_RUN, align, crop_box, read_digits, reduce_text
from pipeline.ocr.engine import PageScan
from pipeline.ocr.result import OcrResult, OcrWord

LINE = "ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒"
RUNS = ["๐๐๑๗.๒", "๒๐๕๕", "๒๖", "๒๕๖๒"]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None and not os.environ.get("CI"),
                                     reason="tesseract is not installed (CI must have it)")


def scanned_line(text: str, family: str, size: int = 67, seed: int = 0) -> Image.Image:
    """``text`` at 16 pt / 300 dpi in ``family``, slightly rotated, blurred, noisy and JPEG-compressed."""
    rng = np.random.default_rng(seed)
    font = ImageFont.truetype(font_file(family), size)
    image = Image.new("L", (font.getbbox(text)[2] + 120, 3 * size), 255)
    ImageDraw.Draw(image).text((60, size), text, font=font, fill=0)
    image = image.rotate(0.4, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.8))
    a = np.asarray(image, dtype=np.float32) * 0.8 + 30 + rng.normal(0, 6, (image.height, image.width))
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(buf, format="JPEG", quality=60)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def line_crop(image: Image.Image) -> Image.Image:
    """Cut the line as the runtime does: the ink box plus ``crop_box``'s margin."""
    ink = np.asarray(image) < 128
    rows, cols = np.where(ink.any(1))[0], np.where(ink.any(0))[0]
    box = (int(cols.min()), int(rows.min()), int(cols.max() - cols.min() + 1), int(rows.max() - rows.min() + 1))
    return image.crop(crop_box(box, image.size))


def test_model_file_loads():
    assert thai_digits.available(), f"{thai_digits.MODEL_PATH} or onnxruntime is missing: run `make ocr-model`"
    session = thai_digits._session()
    assert session.get_inputs()[0].shape[1:3] == [1, thai_digits.HEIGHT]
    assert thai_digits.MODEL_PATH.stat().st_size < 3_000_000


@pytest.mark.parametrize("family", ["Laksaman", "Garuda"])
def test_reads_the_digit_runs_of_a_scanned_line(family):
    got = read_digits(line_crop(scanned_line(LINE, family)))
    assert RE_MODEL_RUN.findall(got) == RUNS, got


def test_reads_arabic_digits_and_amounts():
    got = read_digits(line_crop(scanned_line("ไม่เกิน 500,000 บาท โทร. ๐-๓๕๖๑-๔๙๑๒", "Laksaman", seed=1)))
    assert RE_MODEL_RUN.findall(got) == ["500,000", "๐-๓๕๖๑-๔๙๑๒"], got


def test_every_thai_digit_is_read():
    rng = random.Random(4)
    for _ in range(3):
        digits = "".join(rng.sample("๐๑๒๓๔๕๖๗๘๙", 10))
        text = f"เลขที่ {digits[:4]} ลงวันที่ {digits[4:6]} เดือน {digits[6:]}"
        got = read_digits(line_crop(scanned_line(text, "Laksaman", seed=rng.randint(0, 99))))
        assert RE_MODEL_RUN.findall(got) == [digits[:4], digits[4:6], digits[6:]], got


ALIGN = [
    # (Tesseract's line, the model's reduced line, repaired line, all runs checked)
    ("ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒",
     "ที อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒", True),
    ("ตามหนังสือ ที่ อท ๐๐๑ฒ๕.๒/ว ๒๕๓๐", "x ๐๐๑๗.๒/x ๒๙๓๐", "ตามหนังสือ ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐", True),
    ("โทร.๐-๓๕๒๑-๕๕๑๒", "x.๐-๓๕๖๑-๔๙๑๒", "โทร.๐-๓๕๖๑-๔๙๑๒", True),
    ("(ไม่เกิน ๕๐๐,๐๐๐ บาท)", "x ๕๐๐,๐๐๐ x", "(ไม่เกิน ๕๐๐,๐๐๐ บาท)", True),
    ("ครั้งที่ ๕/๒๕๖๑ เมื่อวันที่ ๒๘", "x ๙/๒๕๖๑ x ๒๘", "ครั้งที่ ๙/๒๕๖๑ เมื่อวันที่ ๒๘", True),
    ("๑๑๑๑๑ ที่มีลักษณะเป็นการเช่า", ".x", "..... ที่มีลักษณะเป็นการเช่า", True),
    ("QR Code 2019", "x 2019", "QR Code 2019", True),
    ("เรียน หัวหน้าส่วนราชการ", "x", "เรียน หัวหน้าส่วนราชการ", True),
    # disagreements keep Tesseract's text and say so
    ("วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๒๖ ๒๕๖๒", "วันที ๒๐ พฤษภาคม ๒๕๒๒", False),
    ("วันที่ ๒๖ พฤษภาคม ๒๕๖๒", "x ๒๖ x ๒๕๖๒ x ๑", "วันที่ ๒๖ พฤษภาคม ๒๕๖๒", False),
    ("เลขที่ ๑๒๓๔๕๖", "x ๑", "เลขที่ ๑๒๓๔๕๖", False),
    ("ลงวันที่ ๑๕", "x", "ลงวันที่ ๑๕", False),
]


@pytest.mark.parametrize(("tess", "model", "want", "ok"), ALIGN)
def test_align(tess, model, want, ok):
    got = align(tess, model)
    assert (got.text, got.ok) == (want, ok)


@pytest.mark.parametrize(("text", "reduced"), [
    (LINE, "x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"),
    ("ส่วนราชการ......โทร.๐-๓๕๖๑-๔๙๑๒", "x.x.๐-๓๕๖๑-๔๙๑๒"),
    ("(ไม่เกิน ๕๐๐,๐๐๐ บาท)", "x ๕๐๐,๐๐๐ x"),
    ("  เรียน   หัวหน้าส่วนราชการ ", "x"),
])
def test_reduce_text(text, reduced):
    assert reduce_text(text) == reduced


@needs_tesseract
def test_ocr_path_gets_the_digits_right():
    image = scanned_line(LINE, "Laksaman", seed=3)
    pages = read_pages([(1, image)], OcrOptions())
    text, confidence = pages.pages[0].text, pages.pages[0].confidence
    assert [r for r in RE_MODEL_RUN.findall(text)] == RUNS, text
    assert "ที่ อท" in text and confidence > 0.5
    assert pages.reader.endswith(" + thai-digits v1")


def _positions(line: str, step: float = 30.0) -> list[float | None]:
    """A made-up page: every character of ``line`` 30 px wide, spaces included."""
    return [None if c == " " else (i + 0.5) * step for i, c in enumerate(line)]


POSITION = [
    # (Tesseract's line, model runs as (text, first char, last char) indices into the line, repaired, ok)
    ("ลงวันที่ Ow พฤษภาคม", [("๑๙", 9, 10)], "ลงวันที่ ๑๙ พฤษภาคม", True),  # Latin letters for a number
    ("ชั้น % โดยมี", [("๗", 5, 5)], "ชั้น ๗ โดยมี", True),  # a sign for a number
    ("โทร ๐-ด๓๕%๑-๕๕๑๒", [("๐-๓๕๖๑-๔๙๑๒", 4, 16)], "โทร ๐-๓๕๖๑-๔๙๑๒", True),  # letters and signs inside
    ("ที่ อท ๐๐๑๓.๒/ว๒๐", [("๐๐๑๗.๒", 7, 12), ("๒๐๕๕", 15, 17)], "ที่ อท ๐๐๑๗.๒/ว๒๐๕๕", True),
    ("ดูที่ http://www.moi.go.th/d๐6", [], "ดูที่ http://www.moi.go.th/do6", False),  # Latin o read as ๐
    ("เรียน นายอำเภอ", [("๑๒", 2, 3)], "เรียน นายอำเภอ", False),  # digits seen over Thai letters: refused
    ("วันที่    พฤษภาคม", [("๒๖", 7, 8)], "วันที่ ๒๖    พฤษภาคม", False),  # Tesseract saw nothing: inserted, unsure
]


@pytest.mark.parametrize(("tess", "runs", "want", "ok"), POSITION)
def test_align_by_position(tess, runs, want, ok):
    xs = _positions(tess)
    model = [Run(text, first * 30.0, (last + 1) * 30.0) for text, first, last in runs]
    got = align_by_position(tess, xs, model, frame=10.0)
    assert (got.text, got.ok) == (want, ok)


@pytest.mark.parametrize(("tess", "model", "want"), [
    ("๕๕๒๕.๕", "๘๔๒๕๙", "๘๔๒๕.๙"),  # the model dropped a dot Tesseract saw
    ("๒๑๒,๕๕๐.๐๓", "๒๑๖,๙๕๐,๐๓", "๒๑๖,๙๕๐.๐๓"),  # comma or dot: Tesseract's
    ("๐-๐๐๒๕๕-๕๒๒", "๐-๖๖๙๔-๕๖๖๗", "๐-๖๖๙๔-๕๖๖๗"),  # punctuation elsewhere: the model's run whole
    ("๐๐๑ฒ๕.๒", "๐๐๑๗.๒", "๐๐๑๗.๒"),
    ("๒๕", "๒๕๖๒", "๒๕๖๒"),
])
def test_merge_run(tess, model, want):
    assert merge_run(tess, model) == want


def test_char_positions_follow_the_words():
    assert char_positions("ที ๒๖", [("ที", 0, 20), ("๒๖", 50, 40)]) == [5.0, 15.0, None, 60.0, 80.0]


def _result(text: str) -> OcrResult:
    """One Tesseract line with a TSV word per space-separated piece, 40 px per character."""
    words, x = [], 100
    for piece in text.split():
        words.append(OcrWord(piece, 0.9, (x, 50, 40 * len(piece), 60), (1, 1, 1)))
        x += 40 * len(piece) + 20
    return OcrResult(text, tuple(words))


def _scan() -> PageScan:
    return PageScan(Image.new("L", (1000, 200), 255), CannedEngine(""), OcrOptions())


def test_postprocess_puts_the_model_digits_in():
    model = lambda crop: thai_digits.Reading("x ๒๖ x ๒๕๖๒", (0, 5, 6, 7, 9, 10, 11, 12, 13, 14))  # noqa: E731
    out = thai_digits.postprocess(_scan(), _result("วันที ๒๐ พฤษภาคม ๒๕๒๒"), read=model)
    assert out.text == "วันที ๒๖ พฤษภาคม ๒๕๖๒" and out.confidence == pytest.approx(0.9)


def test_postprocess_keeps_tesseract_and_lowers_confidence_when_the_model_fails():
    def broken(crop):
        raise RuntimeError("bad model file")

    with pytest.warns(RuntimeWarning):
        out = thai_digits.postprocess(_scan(), _result("วันที ๒๐ พฤษภาคม ๒๕๒๒"), read=broken)
    assert out.text == "วันที ๒๐ พฤษภาคม ๒๕๒๒" and out.confidence == pytest.approx(0.45)


def test_lines_of_thai_letters_are_not_read_again():
    out = thai_digits.postprocess(_scan(), _result("เรียน หัวหน้าส่วนราชการ"),
                                  read=lambda crop: pytest.fail("read a line without digits"))
    assert out.text == "เรียน หัวหน้าส่วนราชการ"
