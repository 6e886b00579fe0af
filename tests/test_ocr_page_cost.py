"""What a page costs to read: each layer blurred and thresholded once and shared, Tesseract given an
uncompressed TIFF (1 bit for a binarised page), the inks split from Pillow's channels. Each is held
to give the same pixels, words and boxes as the slower form it replaced."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import numpy as np
import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.ocr import OcrOptions, latin, read_pages
from pipeline.ocr.binarize import (
    BLANK_INK,
    binarize,
    ink_share,
    is_blank,
    not_text_reason,
    otsu_threshold,
    prepare,
)
from pipeline.ocr.engine import PageScan
from pipeline.ocr.inks import PRINT, percentile, split_inks
from pipeline.ocr.page import read_page
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines
from pipeline.ocr.tesseract import TesseractEngine, encoded, parse_tsv

RNG = np.random.default_rng(12)


def _text_page(size=(600, 300), colour=False) -> Image.Image:
    """Grey paper with noise, black bars for lines of print, and (``colour``) a blue stroke across them."""
    grey = np.clip(RNG.normal(235, 10, size[::-1]), 0, 255).astype(np.uint8)
    for y in range(40, size[1] - 40, 50):
        grey[y:y + 18, 40:size[0] - 60] = 25
    if not colour:
        return Image.fromarray(grey)
    rgb = np.stack([grey] * 3, axis=2)
    rgb[100:140, 100:400] = (40, 70, 200)
    return Image.fromarray(rgb)


PAGES = {
    "text": _text_page(),
    "noise": Image.fromarray(RNG.integers(0, 256, (200, 300), dtype=np.uint8)),
    "blank": Image.fromarray(np.clip(RNG.normal(235, 8, (200, 300)), 0, 255).astype(np.uint8)),
    "flat": Image.new("L", (50, 40), 200),
    "one ink dot": Image.fromarray(np.pad(np.zeros((6, 6), np.uint8), 60, constant_values=250)),
}


def _blurred_then_otsu(image: Image.Image) -> np.ndarray:
    """The binarisation as first written: blur, numpy's min/max, np.where on Otsu's level."""
    pixels = np.asarray(image.convert("L").filter(ImageFilter.GaussianBlur(0.7)))
    if pixels.min() == pixels.max():
        return pixels
    return np.where(pixels > otsu_threshold(pixels), 255, 0).astype(np.uint8)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_one_preparation_gives_the_binarised_page_and_the_blank_and_ink_checks(name):
    page = PAGES[name]
    prepared = prepare(page)
    reference = _blurred_then_otsu(page)
    blurred = np.asarray(page.convert("L").filter(ImageFilter.GaussianBlur(0.7)))
    assert np.array_equal(np.asarray(prepared.image), reference)
    assert np.array_equal(np.asarray(binarize(page)), reference)
    assert is_blank(page, prepared) == is_blank(page) == (float((blurred < 128).mean()) < BLANK_INK)
    assert ink_share(page, prepared) == ink_share(page) == float((reference < 128).mean())


@pytest.mark.parametrize(("name", "blank", "mostly_ink"), [
    ("text", False, False), ("noise", False, True), ("blank", True, False), ("flat", True, False),
    ("one ink dot", False, False),
])
def test_the_checks_still_tell_blank_sheets_and_noise_from_text(name, blank, mostly_ink):
    prepared = prepare(PAGES[name])
    assert is_blank(PAGES[name], prepared) == blank
    assert (not_text_reason(PAGES[name], prepared) is not None) == mostly_ink  # Otsu halves a blank sheet's noise


@pytest.mark.parametrize("q", [10, 50, 90, 99.7])
@pytest.mark.parametrize("pixels", [
    np.array([7], np.uint8),
    np.array([3, 7, 7, 9, 200], np.uint8),
    np.clip(RNG.normal(220, 30, 5001), 0, 255).astype(np.uint8),
    RNG.integers(0, 256, 777).astype(np.uint8),
])
def test_the_percentile_from_counts_is_numpys_to_the_bit(pixels, q):
    assert percentile(np.bincount(pixels, minlength=256), q) == np.percentile(pixels, q)


def _inks_as_first_written(image: Image.Image, chroma: int = 50, min_share: float = 0.0005):
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    grey = np.asarray(image.convert("L"))
    coloured = spread > chroma
    share = float(coloured.mean())
    if share < min_share or coloured.sum() > 0.5 * (coloured | (grey < PRINT)).sum():
        return grey, None, share
    paper = np.uint8(np.percentile(grey, 90))
    return (np.where(coloured, paper, grey).astype(np.uint8),
            np.where(coloured, np.clip(255 - 2 * spread, 0, 255), 255).astype(np.uint8), share)


@pytest.mark.parametrize("page", [
    _text_page(colour=True),                                        # print with a blue stroke
    _text_page(colour=False).convert("RGB"),                        # a grey page stored as RGB
    Image.fromarray(RNG.integers(0, 256, (90, 120, 3), dtype=np.uint8)),  # all colour: read as grey
    _text_page(colour=True).convert("P"),                           # a palette scan
])
def test_inks_split_as_numpy_split_them(page):
    inks = split_inks(page)
    black, colour, share = _inks_as_first_written(page)
    assert np.array_equal(np.asarray(inks.black), black) and inks.share == pytest.approx(share, abs=1e-12)
    assert (inks.colour is None) == (colour is None)
    if colour is not None:
        assert np.array_equal(np.asarray(inks.colour), colour)


def _claims_no_resolution(image: Image.Image) -> bool:
    """No resolution Tesseract would take (it estimates one under 70 dpi, as for a PNG without any)."""
    return image.info.get("dpi", (0, 0))[0] < 70


def _reopened(image: Image.Image) -> tuple[Image.Image, str]:
    data, suffix = encoded(image)
    back = Image.open(io.BytesIO(data))
    back.load()
    return back, suffix


@pytest.mark.parametrize(("image", "suffix", "mode"), [
    (binarize(_text_page()), ".tif", "1"),          # a binarised page: one bit a pixel
    (_text_page(), ".tif", "L"),                    # a grey crop
    (_text_page(colour=True), ".tif", "RGB"),
    (_text_page().convert("LA"), ".png", "LA"),     # modes a TIFF would not keep as they are
])
def test_tesseract_gets_the_same_pixels_in_the_cheapest_file(image, suffix, mode):
    back, got_suffix = _reopened(image)
    assert (got_suffix, back.mode) == (suffix, mode)
    assert np.array_equal(np.asarray(back.convert("L")), np.asarray(image.convert("L")))
    assert back.info.get("compression", "raw") == "raw" and _claims_no_resolution(back)


def test_a_scanned_frames_compression_and_resolution_are_not_carried_to_tesseract(tmp_path):
    path = tmp_path / "scan.tif"
    _text_page().save(path, format="TIFF", compression="tiff_lzw", dpi=(300, 300))
    with Image.open(path) as frame:
        back, suffix = _reopened(frame.copy())  # what the image reader hands on: a copy of the frame
        assert (suffix, back.info.get("compression"), _claims_no_resolution(back)) == (".tif", "raw", True)
        back, suffix = _reopened(frame)  # the file's own frame keeps its tags in a TIFF: PNG instead
        assert (suffix, _claims_no_resolution(back)) == (".png", True)


def _stamped_page() -> Image.Image:
    page = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(page)
    for y in range(800, 2400, 90):
        draw.rectangle((300, y, 2100, y + 35), fill=20)
    draw.rectangle((1700, 120, 2250, 420), outline=30, width=5)
    for y in (170, 250, 330):
        draw.rectangle((1740, y, 2150, y + 30), fill=30)
    return page


def _recorder(stamp_text: str):
    seen = []

    def answer(image, langs, psm):
        seen.append((psm, image.copy()))
        return OcrResult(stamp_text if psm == 6 else "", ())
    return seen, CannedEngine(answer=answer)


@pytest.mark.parametrize(("stamp_text", "stamp_left_on_page"), [
    ("เลขรับ ๙๙๐\nวันที่ ๕ มี.ค. ๕๑", False),   # a receipt stamp: painted over, the page binarised again
    ("หมายเหตุ ใช้แบบฟอร์มนี้", True),          # a boxed notice: the page's first binarisation is read
])
def test_the_page_tesseract_reads_is_the_binarised_page_with_stamps_taken_off(stamp_text, stamp_left_on_page):
    pytest.importorskip("cv2")
    page = _stamped_page()
    seen, engine = _recorder(stamp_text)
    read_page(page, 1, OcrOptions(thai_digits=False), engine)
    (_, read), = [(psm, image) for psm, image in seen if psm == 11]
    assert set(np.unique(np.asarray(read)).tolist()) == {0, 255}
    assert (read.getpixel((1800, 180)) == 0) == stamp_left_on_page and read.getpixel((400, 810)) == 0
    if stamp_left_on_page:
        assert np.array_equal(np.asarray(read), np.asarray(binarize(page)))


def test_the_colour_layer_is_read_binarised_once_made():
    page = _text_page(size=(900, 500), colour=True)
    seen, engine = _recorder("")
    read_pages([(1, page)], OcrOptions(thai_digits=False, stamps=False, engine=engine))
    layers = [np.asarray(image) for psm, image in seen if psm == 11]
    inks = split_inks(page)
    assert len(layers) == 2
    assert np.array_equal(layers[0], np.asarray(binarize(inks.black)))
    assert np.array_equal(layers[1], np.asarray(binarize(inks.colour)))


@pytest.mark.skipif(shutil.which("tesseract") is None and not os.environ.get("CI"), reason="tesseract is not installed")
@pytest.mark.parametrize("binarised", [True, False])
def test_tesseract_reads_the_tiff_as_it_read_the_png(binarised):
    font_path = subprocess.run(["fc-match", "-f", "%{file}", "Laksaman"], capture_output=True, text=True, check=True).stdout
    image = Image.new("L", (1400, 140), 255)
    ImageDraw.Draw(image).text((30, 20), "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘ เรื่อง ขอเชิญประชุม", font=ImageFont.truetype(font_path, 60), fill=0)
    image = binarize(image) if binarised else image.filter(ImageFilter.GaussianBlur(1.2))
    png = io.BytesIO()
    image.save(png, format="PNG")
    before = subprocess.run(["tesseract", "stdin", "stdout", "-l", "tha", "--psm", "11", "tsv"], input=png.getvalue(),
                            capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}).stdout
    now = TesseractEngine().read(image, langs="tha", psm=11)
    assert now.words == parse_tsv(before.decode("utf-8")) and len(now.words) >= 4


class BatchEngine(CannedEngine):
    """A canned engine that can read several images in one go, recording each batch's size."""

    def __init__(self, answer):
        super().__init__(answer=answer)
        self.batches: list[tuple[int, str]] = []

    def read_many(self, images, *, langs, psm):
        self.batches.append((len(images), langs))
        return [self.read(image, langs=langs, psm=psm) for image in images]


def _english(image, langs, psm):
    """Reads a crop by its width: the PDF token's crop as "PDF)", the Form token's as "Form"."""
    text = {"eng": "PDF)" if image.width < 120 else "Form"}.get(langs, "e-mail: saraban@moi.go.th")
    return CannedEngine(text, 0.9).read(image, langs=langs, psm=psm)


def test_the_latin_step_reads_each_models_crops_in_one_go_with_the_same_outcome():
    words = (OcrWord("(ไฟล์", 0.95, (0, 0, 100, 40), (1, 1, 1)), OcrWord("007)", 0.2, (110, 0, 60, 40), (1, 1, 1)),
             OcrWord("อีเมล", 0.5, (0, 60, 50, 20), (1, 1, 2)), OcrWord("ส@ม.๑๐.ท", 0.3, (60, 60, 90, 20), (1, 1, 2)),
             OcrWord("แบบ", 0.95, (0, 120, 60, 40), (1, 1, 3)), OcrWord("6009", 0.3, (70, 120, 140, 40), (1, 1, 3)))
    text = "(ไฟล์ 007)\nอีเมล ส@ม.๑๐.ท\nแบบ 6009"
    result = OcrResult(text, words, pair_lines(text, words))
    page = Image.new("L", (400, 200), 255)
    batched, alone = BatchEngine(_english), CannedEngine(answer=_english)
    one_go = latin.postprocess(PageScan(page, batched, OcrOptions()), result)
    one_by_one = latin.postprocess(PageScan(page, alone, OcrOptions()), result)
    assert one_go.text == one_by_one.text == "(ไฟล์ PDF)\ne-mail: saraban@moi.go.th\nแบบ Form"
    assert batched.batches == [(1, "tha+eng"), (2, "eng")] and len(alone.calls) == 3


@pytest.mark.skipif(shutil.which("tesseract") is None and not os.environ.get("CI"), reason="tesseract is not installed")
@pytest.mark.parametrize("langs", ["tha", "eng"])
def test_tesseract_reads_several_images_in_one_process_as_it_reads_each_alone(langs):
    font_path = subprocess.run(["fc-match", "-f", "%{file}", "Laksaman"], capture_output=True, text=True, check=True).stdout
    font = ImageFont.truetype(font_path, 56)
    images = []
    for text in ("ที่ ศธ ๐๔๐๔๕/ว ๖๕๘", "", "(ไฟล์ PDF)", "Google Form"):
        image = Image.new("L", (900, 110), 255)
        ImageDraw.Draw(image).text((20, 15), text, font=font, fill=0)
        images.append(binarize(image) if len(images) % 2 else image)
    engine = TesseractEngine()
    together = engine.read_many(images, langs=langs, psm=7)
    alone = [engine.read(image, langs=langs, psm=7) for image in images]
    assert [(r.text, r.words) for r in together] == [(r.text, r.words) for r in alone]
    assert sum(bool(r.words) for r in together) >= 3
