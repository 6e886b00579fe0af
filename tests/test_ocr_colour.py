"""Colour scans: inks split before binarising, coloured ink read alone, unsure coloured lines left out."""

from __future__ import annotations

import numpy as np
import pytest
from fake_engines import CannedEngine
from PIL import Image, ImageDraw

from pipeline.ocr import OcrOptions, read_pages
from pipeline.ocr import colour as colour_step
from pipeline.ocr.engine import PageScan
from pipeline.ocr.inks import split_inks
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines

PAPER, PRINT, BLUE = (250, 250, 248), (25, 25, 25), (40, 60, 190)


def page(blue_box=(600, 500, 900, 540), print_box=(100, 100, 900, 130), size=(1200, 800)) -> Image.Image:
    image = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle(print_box, fill=PRINT)
    if blue_box:
        draw.rectangle(blue_box, fill=BLUE)
    return image


@pytest.mark.parametrize(("image", "has_colour"), [
    (page(), True),                                            # black print and a blue stamp
    (page(blue_box=None), False),                              # an RGB file holding only grey
    (page(blue_box=(100, 200, 1100, 700), print_box=(100, 100, 200, 110)), False),  # printed in blue: read as grey
    (Image.new("L", (50, 50), 255), False),                     # a grey page
])
def test_inks_are_split_only_where_coloured_ink_sits_on_black_print(image, has_colour):
    inks = split_inks(image)
    assert (inks.colour is not None) == has_colour
    assert inks.black.mode == "L" and inks.black.size == image.size


def test_the_black_layer_loses_the_stamp_and_the_colour_layer_keeps_only_it():
    inks = split_inks(page())
    black, colour = np.asarray(inks.black), np.asarray(inks.colour)
    assert black[520, 700] > 200 and black[115, 500] < 60      # stamp gone, print kept
    assert colour[520, 700] < 100 and colour[115, 500] == 255  # stamp dark, print gone


def test_a_grey_page_is_passed_on_as_it_is():
    grey = Image.new("L", (50, 50), 255)
    assert split_inks(grey).black is grey


def _two_lines(image, langs, psm):
    """A stamped name the engine is sure of and handwriting it is not."""
    sure = (OcrWord("(นายจิรพงษ์", 0.9, (600, 500, 150, 40), (1, 1, 1)), OcrWord("ไชยยศ)", 0.88, (760, 500, 140, 40), (1, 1, 1)))
    unsure = (OcrWord("เท๓๘๙ซัด", 0.45, (300, 90, 120, 40), (2, 1, 1)),)
    text = "(นายจิรพงษ์ ไชยยศ)\nเท๓๘๙ซัด"
    return OcrResult(text, sure + unsure, pair_lines(text, sure + unsure))


def test_the_colour_step_adds_the_sure_coloured_lines_with_their_boxes():
    before = OcrResult("ขอแสดงความนับถือ", (OcrWord("ขอแสดงความนับถือ", 0.9, (600, 420, 300, 40), (1, 1, 1)),))
    inks = split_inks(page())
    scan = PageScan(inks.black, CannedEngine(answer=_two_lines), OcrOptions(thai_digits=False), inks.colour)
    out = colour_step.postprocess(scan, before)
    assert out.text.split("\n") == ["ขอแสดงความนับถือ", "(นายจิรพงษ์ ไชยยศ)"]
    assert [w.line[0] for w in out.line_words[1]] == [2, 2]    # a block of its own after the page's
    assert out.line_words[1][0].box == (600, 500, 150, 40)


def test_without_colour_the_step_reads_nothing():
    engine = CannedEngine("never")
    before = OcrResult("เรื่อง", ())
    assert colour_step.postprocess(PageScan(Image.new("L", (9, 9)), engine, OcrOptions()), before) is before
    assert engine.calls == []


def test_a_colour_page_is_read_as_two_layers_through_the_front_door():
    seen = []

    def answer(image, langs, psm):
        seen.append(np.asarray(image))
        if len(seen) == 2:
            return _two_lines(image, langs, psm)
        return OcrResult("ขอแสดงความนับถือ", (OcrWord("ขอแสดงความนับถือ", 0.9, (100, 100, 800, 30), (1, 1, 1)),))

    pages = read_pages([(1, page())], OcrOptions(thai_digits=False, engine=CannedEngine(answer=answer)))
    assert len(seen) == 2
    assert seen[0][520, 700] == 255 and seen[0][115, 500] == 0   # the engine's first page: print only, binarised
    assert seen[1][520, 700] == 0 and seen[1][115, 500] == 255   # then the coloured layer alone
    assert "(นายจิรพงษ์ ไชยยศ)" in pages.pages[0].text and "เท๓" not in pages.pages[0].text
