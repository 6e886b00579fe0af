"""The OCR path through its front door, with fake engines (no Tesseract needed): steps, options,
blank and noise pages, timeouts, crashes and a missing engine."""

from __future__ import annotations

import numpy as np
import pytest
from fake_engines import CannedEngine, CrashingEngine, MissingEngine, TimeoutEngine, words_of
from PIL import Image, ImageDraw

from pipeline.errors import OcrMissing, ReadError
from pipeline.ocr import OcrOptions, read_pages
from pipeline.ocr.options import PSM
from pipeline.ocr.steps import STEPS, steps_for
from pipeline.readers import read_file


def inked_page(text: str = "เรื่อง ขอเชิญประชุม", size=(1200, 800)) -> Image.Image:
    """A white page with ink where ``words_of(text)`` puts its words: a page of text to the blank and
    noise checks, with no ink the words leave uncovered (no line for the ``recover`` step to find)."""
    image = Image.new("L", size, 250)
    draw = ImageDraw.Draw(image)
    for word in words_of(text):
        left, top, width, height = word.box
        draw.rectangle((left, top, left + width - 1, top + height - 1), fill=20)
    return image


def blank_sheet() -> Image.Image:
    rng = np.random.default_rng(3)
    return Image.fromarray((238 + rng.normal(0, 8, (800, 1200))).clip(0, 255).astype("uint8"))


def noise_page() -> Image.Image:
    return Image.fromarray(np.random.default_rng(4).integers(0, 256, (800, 1200), dtype="uint8"))


NO_DIGIT_MODEL = OcrOptions(thai_digits=False)  # the fakes' boxes are not where the ink is


def test_the_steps_are_one_table_in_order():
    assert [s.name for s in STEPS] == ["recover", "latin", "thai_digits", "colour", "repair", "spell", "names"]
    assert steps_for(OcrOptions(stock=True)) == ()
    assert "thai_digits" not in [s.name for s in steps_for(NO_DIGIT_MODEL)]


def test_the_engine_reads_the_binarised_page_and_the_steps_repair_it():
    text = "ที อท ๐๐๑๗.๒/ว ๒๐๕๕\nเรือง การปรับปรุงแนวทาง"
    engine = CannedEngine(text)
    pages = read_pages([(1, inked_page(text))], OcrOptions(thai_digits=False, engine=engine))
    assert engine.calls == [((1200, 800), "tha", PSM)]
    assert pages.pages[0].text.split("\n") == ["ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕", "เรื่อง การปรับปรุงแนวทาง"]
    assert pages.pages[0].confidence == 0.9 and pages.problems == ()
    assert pages.reader == "canned 9.9 tha"


def test_stock_mode_gives_the_engine_tha_eng_and_keeps_its_text():
    engine = CannedEngine("ที อท ๐๐๑๗.๒/ว ๒๐๕๕")
    pages = read_pages([(1, inked_page())], OcrOptions(stock=True, engine=engine))
    assert [(langs, psm) for _, langs, psm in engine.calls] == [("tha+eng", PSM)]
    assert pages.pages[0].text == "ที อท ๐๐๑๗.๒/ว ๒๐๕๕"  # no repair step
    assert pages.reader == "canned 9.9 tha+eng (stock)"


@pytest.mark.parametrize(("page", "problems"), [
    (blank_sheet(), []),                                   # the back of a sheet: empty, no problem
    (noise_page(), [("page_not_text", 2, "warning")]),     # noise: empty, reported
])
def test_pages_that_are_no_text_never_reach_the_engine(page, problems):
    engine = CannedEngine("should not be read")
    pages = read_pages([(1, inked_page()), (2, page)], OcrOptions(thai_digits=False, engine=engine))
    assert len(engine.calls) == 1
    assert [p.text for p in pages.pages][1] == ""
    assert [(p.code, p.page, p.severity) for p in pages.problems] == problems


def test_a_page_the_engine_gives_up_on_is_reported_and_the_rest_is_read():
    engine = TimeoutEngine("เรื่อง ขอเชิญประชุม", hang_on=frozenset({1}))
    pages = read_pages([(4, inked_page()), (5, inked_page())], OcrOptions(thai_digits=False, engine=engine))
    assert [p.text for p in pages.pages] == ["", "เรื่อง ขอเชิญประชุม"]
    assert [(p.code, p.page, p.severity) for p in pages.problems] == [("ocr_timeout", 4, "warning")]


def test_an_engine_that_fails_to_run_fails_the_file():
    with pytest.raises(ReadError) as err:
        read_pages([(1, inked_page())], OcrOptions(engine=CrashingEngine()))
    assert err.value.code == "ocr_unavailable" and "tha.traineddata" in err.value.message


def test_a_missing_engine_is_said_before_any_page_is_taken():
    def pages():
        pytest.fail("a page was rendered for an engine that is not there")
        yield

    with pytest.raises(OcrMissing) as err:
        read_pages(pages(), OcrOptions(engine=MissingEngine()))
    assert err.value.code == "ocr_unavailable"


def test_an_image_whose_every_page_times_out_is_unreadable(tmp_path):
    path = tmp_path / "two.tif"
    inked_page().save(path, save_all=True, append_images=[inked_page()])
    engine = TimeoutEngine(hang_on=frozenset({1, 2}))
    with pytest.raises(ReadError) as err:
        read_file(path, OcrOptions(engine=engine))
    assert err.value.code == "ocr_timeout"


def test_a_multipage_image_is_read_page_by_page_with_the_options_engine(tmp_path):
    path = tmp_path / "two.tif"
    inked_page().save(path, save_all=True, append_images=[blank_sheet()])
    doc = read_file(path, OcrOptions(thai_digits=False, engine=CannedEngine("เรื่อง ขอเชิญประชุม")))
    assert [(p.number, p.text, p.method) for p in doc.pages] == [(1, "เรื่อง ขอเชิญประชุม", "ocr"), (2, "", "ocr")]
    assert doc.reader == "canned 9.9 tha" and doc.problems == ()


def test_a_scanned_pdf_page_without_an_engine_keeps_its_place_with_a_problem(tmp_path):
    path = tmp_path / "scan.pdf"
    inked_page().convert("RGB").save(path, resolution=300)
    doc = read_file(path, OcrOptions(engine=MissingEngine()))
    assert [(p.number, p.text, p.method) for p in doc.pages] == [(1, "", "text")]
    assert [(p.code, p.page) for p in doc.problems] == [("ocr_unavailable", 1)]
    assert doc.reader == "pypdfium2"


def test_a_scanned_pdf_page_is_read_through_the_front_door(tmp_path):
    path = tmp_path / "scan.pdf"
    inked_page().convert("RGB").save(path, resolution=300)
    doc = read_file(path, OcrOptions(thai_digits=False, engine=CannedEngine("เรื่อง ขอเชิญประชุม")))
    assert [(p.text, p.method) for p in doc.pages] == [("เรื่อง ขอเชิญประชุม", "ocr")]
    assert doc.reader == "pypdfium2 + canned 9.9 tha"
