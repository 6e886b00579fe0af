"""OCR with the ``tesseract`` command line (Thai model; lines with addresses also English), one thread per call.

>>> # text, conf = ocr_image(Image.open("scan.png"))   # -> ("เรื่อง ขอเชิญประชุม\\n…", 0.87)

Words come back with their boxes (``OcrResult``) so that a later post-processor, e.g. a model
that re-reads Thai digits, can look at the image again: ``register_postprocessor(fn)`` where
``fn(image, result) -> OcrResult``. Registered post-processors run in order inside ``ocr_image``.

Six are built in and go first, loaded on the first OCR call: ``ocr_recover.postprocess`` (lines
psm 11 dropped, found from uncovered ink), ``ocr_latin.postprocess`` (a line showing an e-mail or web
address read again with ``tha+eng``), ``thai_digits.postprocess`` (the digit reader,
when ``pipeline/models/thai_digits.onnx`` and onnxruntime are there; set ``SARABAN_THAI_DIGITS=0`` to
switch it off), ``ocr_repair.postprocess`` (keyword marks, ``ํา``, agency codes, months),
``ocr_spell.postprocess`` (subject lines read by word frequency) and ``ocr_names.postprocess``
(a signer's name OCR made unspellable).
A post-processor with a ``reader_name`` attribute is named in ``reader_name()``:
``"tesseract 5.3 tha + thai-digits v1"``. ``ocr_layout`` then lays the text out from the word boxes.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.readers.errors import ReadError

LANGS = os.environ.get("SARABAN_OCR_LANGS", "tha")  # tha+eng reads agency codes as Latin (ศธ -> AB)
BINARIZE = os.environ.get("SARABAN_OCR_BINARIZE", "1") != "0"  # ocr_binarize: fewer errors, faster
# Bare Tesseract, as Debian ships it (tha+eng, grey page, no post-processing, no layout): only for the
# side-by-side figures of docs/ACCURACY.md, never for an archive.
STOCK = os.environ.get("SARABAN_OCR_STOCK", "0") == "1"
STOCK_LANGS = "tha+eng"


def settings() -> str:
    """The OCR switches in force, e.g. ``"langs=tha binarize=True stock=False"`` (part of the cache key)."""
    return f"langs={LANGS} binarize={BINARIZE} stock={STOCK} digits={os.environ.get('SARABAN_THAI_DIGITS', '1')}"
LATIN_LANGS = "tha+eng"  # for the lines that show a URL or an e-mail address (ocr_latin)
PSM = 11  # sparse text: keeps the upper marks that --psm 6 drops (ที่ -> ที); docs/bench_pdf_readers.md
TIMEOUT_S = 180
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    confidence: float  # 0..1
    box: tuple[int, int, int, int]  # left, top, width, height in pixels
    line: tuple[int, int, int]  # (block, paragraph, line) numbers from tesseract


@dataclass(frozen=True, slots=True)
class OcrResult:
    """Tesseract's text (its own word spacing, which the TSV lacks for Thai) plus its words.

    Tesseract's TSV splits Thai into one "word" per character or cluster, so the text is taken from
    its ``txt`` output of the same run; ``words`` carry the confidences and boxes.
    """

    text: str
    words: tuple[OcrWord, ...]
    line_words: tuple[tuple[OcrWord, ...], ...] = ()  # per text line, the TSV words of it (() unpaired)

    def paired_lines(self) -> tuple[tuple[OcrWord, ...], ...]:
        """Each text line's TSV words (``()`` for a line without), as stored or paired now.

        A post-processor must keep the text's lines one for one, so these stay valid after it.
        """
        if len(self.line_words) == self.text.count("\n") + 1:
            return self.line_words
        return pair_lines(self.text, self.words)

    def lines_with_words(self) -> list[tuple[int, tuple[OcrWord, ...]]]:
        """``(index of the text line, its words)`` for every line paired with TSV words."""
        return [(i, words) for i, words in enumerate(self.paired_lines()) if words]

    @property
    def confidence(self) -> float:
        """Mean word confidence weighted by word length, 0..1 (0.0 when nothing was read)."""
        total = sum(len(w.text) for w in self.words)
        return sum(w.confidence * len(w.text) for w in self.words) / total if total else 0.0


def pair_lines(text: str, words: tuple[OcrWord, ...]) -> tuple[tuple[OcrWord, ...], ...]:
    r"""Pair each text line with its TSV words (the same characters once spaces are removed), in order.

    >>> w = lambda t, n: OcrWord(t, 0.9, (0, 0, 10, 10), (1, 1, n))
    >>> [len(ws) for ws in pair_lines("ที่ อท\nเรื่อง", (w("ที่", 1), w("อท", 1), w("เรื่อง", 2)))]
    [2, 1]
    """
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        groups.setdefault(word.line, []).append(word)
    keys = [line.replace(" ", "") for line in text.split("\n")]
    paired: list[tuple[OcrWord, ...]] = [()] * len(keys)
    start = 0
    for group in groups.values():
        key = "".join(w.text for w in group)
        for i in range(start, len(keys)):
            if keys[i] == key:
                paired[i] = tuple(group)
                start = i + 1
                break
    return tuple(paired)


PostProcessor = Callable[[object, OcrResult], OcrResult]
_POSTPROCESSORS: list[PostProcessor] = []


_BUILTINS_LOADED: list[bool] = []


def register_postprocessor(fn: PostProcessor) -> PostProcessor:
    """Add ``fn(image, result) -> result`` to the chain run by ``ocr_image`` (usable as a decorator)."""
    if fn not in _POSTPROCESSORS:
        _POSTPROCESSORS.append(fn)
    return fn


def _load_builtins() -> None:
    """Put the built-in post-processors (digit reader if its model is there, repairs) first, once."""
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED.append(True)
    from pipeline import ocr_latin, ocr_names, ocr_recover, ocr_repair, ocr_spell, thai_digits

    builtins: list[PostProcessor] = [ocr_recover.postprocess, ocr_latin.postprocess, ocr_repair.postprocess,
                                     ocr_spell.postprocess, ocr_names.postprocess]
    if os.environ.get("SARABAN_THAI_DIGITS", "1") != "0" and thai_digits.available():
        builtins.insert(2, thai_digits.postprocess)
    _POSTPROCESSORS[:0] = [fn for fn in builtins if fn not in _POSTPROCESSORS]


@lru_cache(maxsize=1)
def tesseract_version() -> str | None:
    """``"5.3.0"`` or None when the tesseract command is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, env=ENV)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stdout or out.stderr).split("\n", 1)[0].split()
    return first[1] if len(first) > 1 else "unknown"


def reader_name() -> str:
    """``"tesseract 5.3 tha + thai-digits v1"`` for Document.reader (``"tesseract 5.3 tha"`` without the model)."""
    _load_builtins()
    version = tesseract_version() or "missing"
    if STOCK:
        return f"tesseract {'.'.join(version.split('.')[:2])} {STOCK_LANGS} (stock)"
    names = [getattr(fn, "reader_name", "") for fn in _POSTPROCESSORS]
    return " + ".join([f"tesseract {'.'.join(version.split('.')[:2])} {LANGS}"] + [n for n in names if n])


def _parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        conf = max(0.0, float(cols[10])) / 100
        box = (int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]))
        words.append(OcrWord(cols[11].strip(), conf, box, (int(cols[2]), int(cols[3]), int(cols[4]))))
    return tuple(words)


def _dev_cache_path(png: bytes, langs: str, psm: int) -> Path | None:
    """Where a development run keeps Tesseract's answer for these exact pixels, or None (the default).

    ``SARABAN_OCR_DEV_CACHE=build/tesscache`` lets a developer re-score post-processing changes
    without re-running Tesseract; the product never sets it.
    """
    folder = os.environ.get("SARABAN_OCR_DEV_CACHE")
    if not folder:
        return None
    import hashlib

    key = hashlib.sha256(png + f"|{langs}|{psm}|{tesseract_version()}".encode()).hexdigest()
    return Path(folder) / key[:2] / f"{key}.txt"


def ocr_words(image, *, langs: str = LANGS, psm: int = PSM) -> OcrResult:
    """Run tesseract on a PIL image and return its words with confidences and boxes.

    Raises ReadError ``ocr_unavailable`` when tesseract is missing or fails to run.
    """
    exe = shutil.which("tesseract")
    if exe is None or tesseract_version() is None:
        raise ReadError("ocr_unavailable", "This file needs OCR but the tesseract program is not installed.")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    cached = _dev_cache_path(buf.getvalue(), langs, psm)
    if cached is not None and cached.exists():
        text, tsv = cached.read_text(encoding="utf-8").split("\x00", 1)
        return OcrResult(text, _parse_tsv(tsv), pair_lines(text, _parse_tsv(tsv)))
    with tempfile.TemporaryDirectory(prefix="saraban-ocr-") as tmp:
        base = Path(tmp) / "page"
        cmd = [exe, "stdin", str(base), "-l", langs, "--psm", str(psm), "txt", "tsv"]
        try:
            proc = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=TIMEOUT_S, env=ENV)
        except subprocess.TimeoutExpired:
            raise ReadError("ocr_timeout", f"Tesseract gave up on the page after {TIMEOUT_S} s.") from None
        except (OSError, subprocess.SubprocessError) as exc:
            raise ReadError("ocr_unavailable", f"Tesseract could not read the page ({type(exc).__name__}).") from None
        if proc.returncode != 0:
            detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise ReadError("ocr_unavailable", f"Tesseract failed on the page: {detail[0]}")
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
        words = _parse_tsv(tsv)
    text = "\n".join(line for line in text.replace("\f", "").split("\n") if line.strip())  # psm 11: blank lines
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text + "\x00" + tsv, encoding="utf-8")
        partial.replace(cached)
    return OcrResult(text, words, pair_lines(text, words))


def ocr_result(image, *, langs: str = LANGS, psm: int = PSM) -> OcrResult:
    """OCR one page image (binarised for Tesseract, ``ocr_binarize``) and run the registered
    post-processors on it (they see the page as scanned)."""
    from pipeline.ocr_binarize import binarize

    if STOCK:
        return replace(ocr_words(image, langs=STOCK_LANGS, psm=psm), line_words=())  # laid out as Tesseract gave it
    _load_builtins()
    result = ocr_words(binarize(image) if BINARIZE else image, langs=langs, psm=psm)
    for fn in _POSTPROCESSORS:
        result = fn(image, result)
    return result


EMPTY = OcrResult("", ())


def ocr_page(image, number: int) -> tuple[OcrResult, list]:
    """``ocr_result`` of one page of a document, and the problems that kept it from being read.

    A blank sheet (``ocr_binarize.is_blank``: the back of a page, scanned) is empty without a word, as
    a blank PDF page is. A page that is no page of text (``not_text_reason``: noise, a photograph) is
    not given to Tesseract, and a page Tesseract gives up on is empty; either way a Problem names the
    page and the document goes on with its other pages.
    """
    from pipeline.models import Problem
    from pipeline.ocr_binarize import is_blank, not_text_reason

    if is_blank(image):
        return EMPTY, []
    reason = not_text_reason(image)
    if reason:
        return EMPTY, [Problem("page_not_text", f"Page {number} was not read: {reason}.", "warning", page=number)]
    try:
        return ocr_result(image), []
    except ReadError as exc:
        if exc.code != "ocr_timeout":
            raise
        return EMPTY, [Problem("ocr_timeout", f"Page {number} was not read: {exc.message}", "warning", page=number)]


def ocr_image(image, *, langs: str = LANGS, psm: int = PSM) -> tuple[str, float]:
    """OCR one page image: (text laid out as printed, mean confidence 0..1).

    >>> # ocr_image(render("เรื่อง ขอเชิญประชุม"))  -> ("เรื่อง ขอเชิญประชุม", 0.9)
    """
    from pipeline import ocr_layout

    result = ocr_result(image, langs=langs, psm=psm)
    return ocr_layout.render(result), result.confidence
