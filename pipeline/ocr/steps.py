"""The OCR steps in the order they run, in one table; each is ``run(scan, result) -> result``.

Before them, ``page.read_page`` leaves out blank sheets and pages that are no text, binarises the
page (``binarize``) and has the engine read it (``tesseract``, ``--psm 11``); after them, the
document's pages are laid out from the word boxes (``layout``). Each step keeps the text's lines
one for one with their words, so later steps and the layout can still use the boxes.

>>> [step.name for step in STEPS]
['recover', 'latin', 'thai_digits', 'colour', 'repair', 'spell', 'names']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.ocr import colour, latin, names, recover, spell
from pipeline.ocr.digits import reader as digits
from pipeline.ocr.engine import PageScan
from pipeline.ocr.options import OcrOptions
from pipeline.ocr.repair import rules as repair
from pipeline.ocr.result import OcrResult


def _always(options: OcrOptions) -> bool:
    return True


def _digit_reader_wanted(options: OcrOptions) -> bool:
    return options.thai_digits and digits.available()


@dataclass(frozen=True, slots=True)
class Step:
    """One named step: what it does, when it runs, and the name it adds to ``Document.reader``."""

    name: str
    run: Callable[[PageScan, OcrResult], OcrResult]
    does: str
    wanted: Callable[[OcrOptions], bool] = _always
    reader_name: str = ""


STEPS: tuple[Step, ...] = (
    Step("recover", recover.postprocess, "lines psm 11 dropped, found from ink no word box covers, read alone"),
    Step("latin", latin.postprocess, "lines with a web or e-mail address, and unsure Latin words, read with English"),
    Step("thai_digits", digits.postprocess, "every line's digit runs re-read by the CRNN digit model (ONNX)",
         _digit_reader_wanted, digits.NAME),
    Step("colour", colour.postprocess, "text stamped or typed in coloured ink, read from the coloured layer alone"),
    Step("repair", repair.postprocess, "keyword marks, agency codes, specks in numbers and dates, months, letter words"),
    Step("spell", spell.postprocess, "subject lines and signers' positions read as the likeliest words"),
    Step("names", names.postprocess, "a signer's name OCR made unspellable, from pythainlp's name lists"),
)


def steps_for(options: OcrOptions) -> tuple[Step, ...]:
    """The steps that run under ``options``: none for stock Tesseract, the digit reader when wanted and there."""
    if options.stock:
        return ()
    return tuple(step for step in STEPS if step.wanted(options))
