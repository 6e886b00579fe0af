"""The seam between the OCR steps and the program that recognises text.

An ``Engine`` reads a page image (or a crop of one) into an ``OcrResult``. ``tesseract.TesseractEngine``
is the one the product uses; tests pass small fakes (canned output, a crash, a timeout) in
``OcrOptions(engine=…)`` instead of patching module globals. A step sees the page through a
``PageScan``: the image as scanned, the engine, and the options.

>>> from pipeline.ocr.options import OcrOptions
>>> class Canned:
...     name = "canned"
...     def version(self): return "1.0"
...     def read(self, image, *, langs, psm): return OcrResult("เรื่อง " + langs, ())
>>> PageScan(None, Canned(), OcrOptions()).read(langs="eng").text
'เรื่อง eng'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.ocr.options import OcrOptions
from pipeline.ocr.result import OcrResult


class Engine(Protocol):
    """Recognises text: ``read(image, langs="tha", psm=11) -> OcrResult``; ``version()`` is None when absent.

    ``read`` raises ``ReadError("ocr_timeout", …)`` for a page it gave up on and
    ``ReadError("ocr_unavailable", …)`` when it cannot run.
    """

    name: str

    def version(self) -> str | None: ...

    def read(self, image: Any, *, langs: str, psm: int) -> OcrResult: ...


@dataclass(frozen=True, slots=True)
class PageScan:
    """One page as a step sees it: the image as scanned (grey PIL image; for a colour scan its black
    print, ``inks.split_inks``), the engine, the options, and the coloured ink alone (None: no colour);
    ``binary`` and ``colour_binary``: those two binarised (``binarize.binarize``) when the page already
    made them (None: made where needed)."""

    image: Any
    engine: Engine
    options: OcrOptions
    colour: Any = None
    binary: Any = None
    colour_binary: Any = None

    def read(self, box: tuple[int, int, int, int] | None = None, *, langs: str | None = None,
             psm: int = 7) -> OcrResult:
        """The engine on the page or on ``box`` (left, top, right, bottom) of it; one line by default (psm 7)."""
        image = self.image if box is None else self.image.crop(box)
        return self.engine.read(image, langs=langs or self.options.langs, psm=psm)

    def read_boxes(self, boxes, *, langs: str | None = None, psm: int = 7) -> list[OcrResult]:
        """``read`` on each box, in order: in one go where the engine can (``read_all``)."""
        return read_all(self.engine, [self.image.crop(box) for box in boxes], langs=langs or self.options.langs, psm=psm)


def read_all(engine: Engine, images, *, langs: str, psm: int) -> list[OcrResult]:
    """``engine.read`` on each image, in order; through the engine's ``read_many`` when it has one (Tesseract
    reads them all in one process, its model loaded once).

    >>> class Echo:
    ...     name = "echo"
    ...     def read(self, image, *, langs, psm): return OcrResult(f"{image} {langs}", ())
    >>> [r.text for r in read_all(Echo(), ["ไฟล์", "PDF"], langs="eng", psm=7)]
    ['ไฟล์ eng', 'PDF eng']
    """
    images = list(images)
    many = getattr(engine, "read_many", None)
    if many is None or not images:
        return [engine.read(image, langs=langs, psm=psm) for image in images]
    return list(many(images, langs=langs, psm=psm))
