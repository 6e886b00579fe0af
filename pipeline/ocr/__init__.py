"""Scanned pages to text: the OCR path's one front door, ``read_pages(images, options)``.

>>> # pages = read_pages([(1, Image.open("scan.png"))], OcrOptions())
>>> # pages.pages[0].text  -> "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘          สำนักงานเขตพื้นที่การศึกษา\\n…"
>>> # pages.reader         -> "tesseract 5.3 tha + thai-digits v1"

The house (each module has one job; ``steps.STEPS`` lists the steps in the order they run):

=================  ==========================================================================
``options``        ``OcrOptions``: the switches, a frozen value built once by the command line
``engine``         the ``Engine`` seam and ``PageScan`` (what a step sees of a page)
``tesseract``      ``TesseractEngine``: the only module that starts a process
``result``         ``OcrWord``, ``OcrResult``: text and words with boxes
``page``           one page: its inks split, blank or not text, binarise, read, the steps
``inks``           a colour scan split into black print and coloured ink (stamps, pens)
``binarize``       Otsu after a light blur; blank and not-text pages
``steps``          the table of steps: recover, latin, thai_digits, colour, repair, spell, names
``recover``        lines the page segmentation dropped, read alone
``stamps``         receipt stamps found, read alone and painted over before the page is read
``colour``         stamped or typed text in coloured ink, read from the coloured layer
``latin``          address lines and unsure Latin words read with English
``digits/``        the CRNN digit reader (``reader``, ``thai_digits.onnx``) and ``align``
``repair/``        ``rules`` (keywords, codes, numbers, dates) and ``lexicon`` (letter words)
``spell``          subject lines and positions by word frequency
``names``          signers' names OCR made unspellable
``codes``          QR codes on the page (OpenCV)
``layout``         the pages of a document laid out from the word boxes
=================  ==========================================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.errors import OcrMissing
from pipeline.models import Problem, QrCode, Stamp
from pipeline.ocr.engine import Engine
from pipeline.ocr.options import STOCK_LANGS, OcrOptions

# The reading modules (numpy, OpenCV, onnxruntime, the word tables) are imported where a page is read:
# a run over text files imports this package for ``OcrOptions`` and never reads a page.

__all__ = ["OcrOptions", "OcrPage", "OcrPages", "PageRead", "assemble", "read_one", "read_pages"]


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page read: its text laid out as printed and the engine's mean confidence (0..1, 3 places)."""

    number: int
    text: str
    confidence: float
    codes: tuple[QrCode, ...] = ()  # QR codes decoded on the page
    stamps: tuple[Stamp, ...] = ()  # receipt stamps found on the page, kept out of ``text``


@dataclass(frozen=True, slots=True)
class OcrPages:
    """The pages of one document, the problems met (each names its page), and who read them."""

    pages: tuple[OcrPage, ...]
    problems: tuple[Problem, ...]
    reader: str  # "tesseract 5.3 tha + thai-digits v1"


def engine_for(options: OcrOptions) -> Engine:
    """The engine ``options`` name (``options.engine``), else Tesseract with the options' timeout and cache."""
    from pipeline.ocr.tesseract import TesseractEngine

    return options.engine or TesseractEngine(timeout_s=options.timeout_s, dev_cache=options.dev_cache)


def reader_name(options: OcrOptions, engine: Engine) -> str:
    """``"tesseract 5.3 tha + thai-digits v1"``: the engine, its version, languages and the named steps."""
    from pipeline.ocr.steps import steps_for

    version = ".".join((engine.version() or "missing").split(".")[:2])
    if options.stock:
        return f"{engine.name} {version} {STOCK_LANGS} (stock)"
    names = [step.reader_name for step in steps_for(options) if step.reader_name]
    return " + ".join([f"{engine.name} {version} {options.langs}", *names])


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page read, before the document is laid out: the engine's result (words with boxes), the
    problems met, the QR codes and the receipt stamps."""

    number: int
    result: object  # result.OcrResult
    problems: tuple[Problem, ...]
    codes: tuple[QrCode, ...] = ()
    stamps: tuple[Stamp, ...] = ()


def read_one(image, number: int, options: OcrOptions, engine: Engine) -> PageRead:
    """OCR one page image (``page.read_page``) and decode its QR codes; any worker may run it."""
    from pipeline.ocr.codes import decode_qr
    from pipeline.ocr.page import read_page

    result, trouble, stamps = read_page(image, number, options, engine)
    codes = decode_qr(image) if options.qr_codes and not options.stock else ()
    return PageRead(number, result, tuple(trouble), codes, stamps)


def assemble(reads: Iterable[PageRead], options: OcrOptions, engine: Engine) -> OcrPages:
    """A document's pages, in page order, laid out against one left margin."""
    from pipeline.ocr.layout import render_pages

    reads = sorted(reads, key=lambda r: r.number)
    texts = render_pages([r.result for r in reads])
    if not options.stock:
        from pipeline.ocr.repair.rules import repair_laid_out

        texts = [repair_laid_out(text) for text in texts]  # pieces of one line meet only once laid out
    pages = tuple(OcrPage(r.number, text, round(r.result.confidence, 3), r.codes, r.stamps)
                  for r, text in zip(reads, texts, strict=True))
    return OcrPages(pages, tuple(p for r in reads for p in r.problems), reader_name(options, engine))


def read_pages(images: Iterable[tuple[int, object]], options: OcrOptions = OcrOptions()) -> OcrPages:
    """OCR ``(page number, PIL image)`` pairs, taken one at a time, and lay them out against one margin.

    Raises ``OcrMissing`` (a ReadError ``ocr_unavailable``) before taking any image when the engine is
    not installed, and ReadError ``ocr_unavailable`` when it fails to run; a page it gives up on, a blank
    sheet or a page of noise is an empty page (with a Problem for the last two kinds) and the others are
    read. ``read_one`` and ``assemble`` are the same work split, for pages read in several workers.
    """
    engine = engine_for(options)
    if engine.version() is None:
        raise OcrMissing("This file needs OCR, but the tesseract program is not installed.")
    return assemble([read_one(image, number, options, engine) for number, image in images], options, engine)
