"""One page image through the OCR path: left out when blank or no text, binarised, read, then the steps.

>>> # read_page(image, 3, OcrOptions(), TesseractEngine()) -> (OcrResult("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\\n…", words), [])
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.errors import ReadError
from pipeline.models import Problem, Stamp
from pipeline.ocr.binarize import binarize, is_blank, not_text_reason, prepare
from pipeline.ocr.engine import Engine, PageScan
from pipeline.ocr.inks import split_inks
from pipeline.ocr.options import PSM, STOCK_LANGS, OcrOptions
from pipeline.ocr.result import EMPTY, OcrResult
from pipeline.ocr.stamps import take_stamps
from pipeline.ocr.steps import steps_for


def recognise(scan: PageScan) -> OcrResult:
    """The engine on the (binarised) page, then every step of ``steps_for(options)`` in order.

    Stock mode is bare Tesseract as Debian ships it: ``tha+eng``, the grey page, no steps.
    """
    options = scan.options
    if options.stock:
        grey = scan.image if scan.image.mode == "L" else scan.image.convert("L")
        return replace(scan.engine.read(grey, langs=STOCK_LANGS, psm=PSM), line_words=())
    if options.binarize:
        page = binarize(scan.image) if scan.binary is None else scan.binary
    else:
        page = scan.image
    result = scan.engine.read(page, langs=options.langs, psm=PSM)
    for step in steps_for(options):
        result = step.run(scan, result)
    return result


def read_page(image, number: int, options: OcrOptions, engine: Engine) -> tuple[OcrResult, list[Problem], tuple[Stamp, ...]]:
    """``recognise`` one page of a document, and the problems that kept it from being read.

    A colour page (``image`` in RGB) is split into its inks first (``inks.split_inks``): the steps
    see its black print, and the ``colour`` step reads its coloured ink alone. Receipt stamps are then
    found, read alone and painted over (``stamps.take_stamps``), so neither layer reads them again.

    A blank sheet (``binarize.is_blank``: the back of a page, scanned) is empty without a word, as a
    blank PDF page is. A page that is no page of text (``not_text_reason``: noise, a photograph) is not
    given to the engine, and a page the engine gives up on is empty; either way a Problem names the
    page and the document goes on with its other pages.
    """
    inks = split_inks(image) if not options.stock else None
    page = inks.black if inks else image if image.mode == "L" else image.convert("L")
    colour = inks.colour if inks else None
    prepared = prepare(page)  # blurred and thresholded once: the checks, the stamps and Tesseract share it
    if is_blank(page, prepared) and colour is None:
        return EMPTY, [], ()
    reason = not_text_reason(page, prepared)
    if reason:
        return EMPTY, [Problem("page_not_text", f"Page {number} was not read: {reason}.", "warning", page=number)], ()
    try:
        stamps: tuple[Stamp, ...] = ()
        binary, colour_binary = prepared.image, binarize(colour) if colour is not None else None
        if options.stamps and not options.stock:
            found, stamped = take_stamps(page, colour, engine, options.langs, black_binary=binary,
                                         colour_binary=colour_binary)
            binary = binary if found.page is page else None  # a stamp painted over: binarised again
            colour_binary = colour_binary if stamped is colour else None
            page, stamps, colour = found.page, found.stamps, stamped
        return recognise(PageScan(page, engine, options, colour, binary, colour_binary)), [], stamps
    except ReadError as exc:
        if exc.code != "ocr_timeout":
            raise
        return EMPTY, [Problem("ocr_timeout", f"Page {number} was not read: {exc.message}", "warning", page=number)], ()
