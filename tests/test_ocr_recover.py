"""Lines Tesseract's page segmentation dropped: found from ink no word box touches, read alone."""

from __future__ import annotations

from fake_engines import CannedEngine
from PIL import Image, ImageDraw

from pipeline.ocr import OcrOptions
from pipeline.ocr import recover as ocr_recover
from pipeline.ocr.engine import PageScan
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines


def page_with_lines() -> Image.Image:
    """White page: a line of ink at y 100-140 (read), and one at y 300-340 (dropped) whose first word
    Tesseract read as a lone ``ก``."""
    image = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 900, 140), fill=0)
    draw.rectangle((100, 300, 180, 340), fill=0)   # the "ที่ นย" Tesseract read as ก
    draw.rectangle((220, 300, 700, 340), fill=0)   # the number it left out
    draw.point([(50, 500), (60, 520)], fill=0)     # speckle: never a line
    return image


def result() -> OcrResult:
    words = (OcrWord("เรื่อง", 0.9, (100, 100, 400, 40), (1, 1, 1)), OcrWord("ประชุม", 0.9, (520, 100, 380, 40), (1, 1, 1)),
             OcrWord("ก", 0.45, (100, 300, 80, 40), (2, 1, 1)))
    text = "เรื่อง ประชุม\nก"
    return OcrResult(text, words, pair_lines(text, words))


def test_only_ink_no_word_touches_is_a_band():
    assert ocr_recover.uncovered_bands(page_with_lines(), result().words) == [(220, 300, 701, 341)]


def scan(image: Image.Image, engine: CannedEngine) -> PageScan:
    return PageScan(image, engine, OcrOptions())


def test_a_dropped_line_is_read_and_replaces_the_partial_reading():
    def dropped_line(image, langs, psm):
        word = OcrWord("ที่นย๐๐๒๒/๒๐๒๙", 0.92, (5, 5, 600, 40), (1, 1, 1))
        return OcrResult("ที่ นย ๐๐๒๒/๒๐๒๙", (word,), ((word,),))

    engine = CannedEngine(answer=dropped_line)
    out = ocr_recover.postprocess(scan(page_with_lines(), engine), result())
    assert out.text.split("\n") == ["เรื่อง ประชุม", "ที่ นย ๐๐๒๒/๒๐๒๙"]
    assert out.line_words[-1][0].box[:2] != (5, 5)  # moved to page coordinates
    assert engine.calls and all((langs, psm) == ("tha", 7) for _, langs, psm in engine.calls)


def test_an_unsure_reading_adds_nothing():
    engine = CannedEngine(answer=lambda image, langs, psm: OcrResult("า 77@7@ฝ1", (OcrWord("า", 0.3, (0, 0, 9, 9), (1, 1, 1)),)))
    before = result()
    assert ocr_recover.postprocess(scan(page_with_lines(), engine), before) is before


def test_a_page_with_everything_read_is_left_alone():
    image = Image.new("L", (1200, 600), 255)
    ImageDraw.Draw(image).rectangle((100, 100, 900, 140), fill=0)
    words = (OcrWord("เรื่อง", 0.9, (100, 100, 800, 40), (1, 1, 1)),)
    before = OcrResult("เรื่อง", words, ((words[0],),))
    assert ocr_recover.postprocess(scan(image, CannedEngine("never read")), before) is before
