"""Small OCR engines for tests, passed as ``OcrOptions(engine=…)`` or in a ``PageScan``: no module
global is patched. Each records what it was asked to read in ``calls``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.errors import ReadError
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines


def words_of(text: str, confidence: float = 0.9) -> tuple[OcrWord, ...]:
    """One TSV-like word per space-separated token, each line its own Tesseract line, boxes in a row
    from (100, 140), 40 px a line."""
    words = []
    for n, line in enumerate(text.split("\n"), 1):
        x = 0
        for token in line.split():
            words.append(OcrWord(token, confidence, (100 + x, 100 + 40 * n, 30 * len(token), 30), (1, 1, n)))
            x += 30 * len(token) + 20
    return tuple(words)


@dataclass
class CannedEngine:
    """The same reading for every call (``text`` with words made by ``words_of``), or ``answer(image, langs, psm)``."""

    text: str = ""
    confidence: float = 0.9
    answer: Callable | None = None
    name: str = "canned"
    calls: list = field(default_factory=list)

    def version(self) -> str | None:
        return "9.9.0"

    def read(self, image, *, langs: str, psm: int) -> OcrResult:
        self.calls.append((getattr(image, "size", None), langs, psm))
        if self.answer is not None:
            return self.answer(image, langs, psm)
        words = words_of(self.text, self.confidence)
        return OcrResult(self.text, words, pair_lines(self.text, words))


@dataclass
class CrashingEngine(CannedEngine):
    """Fails to run on every page, as a broken Tesseract install does."""

    def read(self, image, *, langs: str, psm: int) -> OcrResult:
        self.calls.append((getattr(image, "size", None), langs, psm))
        raise ReadError("ocr_unavailable", "Tesseract failed on the page: Error opening data file tha.traineddata")


@dataclass
class TimeoutEngine(CannedEngine):
    """Gives up on the pages numbered in ``hang_on`` (1-based call order), reads the others as ``text``."""

    hang_on: frozenset = frozenset({1})

    def read(self, image, *, langs: str, psm: int) -> OcrResult:
        if len(self.calls) + 1 in self.hang_on:
            self.calls.append((getattr(image, "size", None), langs, psm))
            raise ReadError("ocr_timeout", "Tesseract gave up on the page after 180 s.")
        return super().read(image, langs=langs, psm=psm)


@dataclass
class MissingEngine(CannedEngine):
    """An engine that is not installed."""

    def version(self) -> str | None:
        return None
