"""Re-read the digits of each OCR line with a small CRNN (ONNX), because Tesseract's Thai model cannot.

Tesseract (tha) reads ``"ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒"`` as
``"ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒"``. The model reads the same line image in a reduced
alphabet, letters folded into ``x``: ``"x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"``, and ``align``
puts its digit runs in place of Tesseract's, in order when both saw the same runs between the same
letters, else by position on the page:

>>> align("ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒").text
'ที อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒'

A line whose runs cannot all be matched keeps Tesseract's text where unmatched and is marked unsure
(its words' confidence is lowered, so the page confidence drops). Runtime needs numpy + onnxruntime
only; the model is built by ``make ocr-model`` (``workbench.ocr_model``) and loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.ocr.digits.align import (  # noqa: F401  (align, reduce_text: the public API lives here too)
    DIGITS,
    PUNCT,
    RE_ANY_DIGIT,
    RE_LATIN_OR_SIGN,
    RE_MODEL_RUN,
    Aligned,
    Run,
    align,
    align_by_position,
    char_positions,
    rebuild,
    reduce_text,
)
from pipeline.ocr.engine import PageScan
from pipeline.ocr.result import OcrResult, OcrWord

MODEL_PATH = Path(__file__).resolve().parent / "thai_digits.onnx"
NAME = "thai-digits v1"
HEIGHT = 32
FRAME_PX = 4  # model input pixels per output frame
ALPHABET = DIGITS + PUNCT + " x"  # CTC blank is class 0, ALPHABET[i] is class i + 1
REREAD_MARGIN = 0.4  # margin, in line heights, of the crop Tesseract reads a failed line from again
UNSURE_FACTOR = 0.5  # confidence multiplier for the words of a line whose digits could not be checked


def crop_box(box: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) to cut for a line box (left, top, width, height): box + 12% margin."""
    left, top, width, height = box
    m = max(2, round(0.12 * height))
    return (max(0, left - m), max(0, top - m), min(size[0], left + width + m), min(size[1], top + height + m))


def prepare(crop) -> np.ndarray:
    """Greyscale PIL crop -> float32 (1, 1, 32, W), ink near 1 and paper near 0 (contrast stretched)."""
    from PIL import Image

    gray = crop.convert("L")
    width = max(8, round(gray.width * HEIGHT / max(gray.height, 1)))
    a = 255.0 - np.asarray(gray.resize((width, HEIGHT), Image.BILINEAR), dtype=np.float32)
    lo, hi = np.percentile(a, (50, 99.7))
    a = np.clip((a - lo) / max(hi - lo, 24.0), 0.0, 1.0)
    return a[None, None].astype(np.float32)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model read on a line: ``"x ๒๖ x ๒๕๖๒"``, the output frame of each character, the least sure one."""

    text: str
    frames: tuple[int, ...]
    low: float = 1.0


def decode(logits: np.ndarray) -> Reading:
    """Greedy CTC on (T, C) log-probabilities; leading and trailing spaces dropped."""
    best = logits.argmax(1)
    probs = np.exp(logits.max(1))
    chars, frames, low, prev = [], [], 1.0, 0
    for t, k in enumerate(best):
        if k != 0 and k != prev:
            chars.append(ALPHABET[k - 1])
            frames.append(t)
            low = min(low, float(probs[t]))
        prev = k
    while chars and chars[-1] == " ":
        chars.pop(), frames.pop()
    skip = next((i for i, c in enumerate(chars) if c != " "), len(chars))
    return Reading("".join(chars[skip:]), tuple(frames[skip:]), low)


@lru_cache(maxsize=1)
def _session():
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # one process per core, as for tesseract (OMP_THREAD_LIMIT=1)
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(MODEL_PATH), sess_options=opts, providers=["CPUExecutionProvider"])


def read_line(line_image) -> Reading:
    """Run the model on one cropped line image."""
    session = _session()
    logits = session.run(None, {session.get_inputs()[0].name: prepare(line_image)})[0]
    return decode(logits[0])


def read_digits(line_image) -> str:
    """The reduced text of one cropped line image: ``"x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"``."""
    return read_line(line_image).text


def model_runs(reading: Reading, left: int, scale: float) -> list[Run]:
    """The digit runs of a reading with their page x-range (``scale``: model pixels per page pixel)."""
    runs = []
    for m in RE_MODEL_RUN.finditer(reading.text):
        first, last = reading.frames[m.start()], reading.frames[m.end() - 1]
        runs.append(Run(m.group(), left + first * FRAME_PX / scale, left + (last + 1) * FRAME_PX / scale))
    return runs


def union_box(words) -> tuple[int, int, int, int]:
    """(left, top, width, height) around the boxes of ``words``."""
    left = min(w.box[0] for w in words)
    top = min(w.box[1] for w in words)
    right = max(w.box[0] + w.box[2] for w in words)
    bottom = max(w.box[1] + w.box[3] for w in words)
    return left, top, right - left, bottom - top


def reread_line(scan: PageScan, words: tuple[OcrWord, ...], langs: str | None = None) -> str:
    """Tesseract again on the line alone (``--psm 7``) with a wide margin: where ``--psm 11`` on the page
    gave up on a line (``"กก 5 วันที่ ๒๐ มกราคม"`` for ``"ที่ ชน ๙๒๖๑.๗/ว ๓๑๐๕ วันที่ ๒๐ มกราคม"``), this often
    reads it."""
    return " ".join(scan.read(margin_box(scan.image, words), langs=langs).text.split("\n"))


def margin_box(image, words) -> tuple[int, int, int, int]:
    """The words' box with ``REREAD_MARGIN`` line heights around it, inside the image (a crop for Tesseract)."""
    left, top, width, height = union_box(words)
    m = round(REREAD_MARGIN * height)
    return (max(0, left - m), max(0, top - m), min(image.size[0], left + width + m), min(image.size[1], top + height + m))


def repair_line(scan: PageScan, line: str, words: tuple[OcrWord, ...], read=None) -> Aligned:
    """Read one Tesseract line again and align: in order, by position, on a second Tesseract reading, else
    rebuild the line around the model's digits (``align.rebuild``). ``read``: the model (``read_line``)."""
    box = crop_box(union_box(words), scan.image.size)
    crop = scan.image.crop(box)
    reading = (read or read_line)(crop)
    aligned = align(line, reading.text)
    if aligned.ok:
        return aligned
    scale = max(8, round(crop.width * HEIGHT / max(crop.height, 1))) / max(crop.width, 1)
    xs = char_positions(line, [(w.text, w.box[0], w.box[2]) for w in words])
    aligned = align_by_position(line, xs, model_runs(reading, box[0], scale), FRAME_PX / scale)
    if aligned.ok or not aligned.unplaced:
        return aligned  # what is left unexplained is Tesseract's, not a number it missed
    again = align(reread_line(scan, words), reading.text)
    if again.ok:
        return again
    chars = [(c, box[0] + (f + 0.5) * FRAME_PX / scale) for c, f in zip(reading.text, reading.frames, strict=True)]
    return rebuild(line, xs, chars)


@lru_cache(maxsize=8)
def _warn_once(message: str) -> None:
    import warnings

    warnings.warn(message, RuntimeWarning, stacklevel=3)


def postprocess(scan: PageScan, result: OcrResult, read=None) -> OcrResult:
    """The ``thai_digits`` step: re-read every line where Tesseract saw digits, Latin letters or signs (what
    it makes of Thai digits); align; lower the confidence of unsure lines. Lines of Thai letters only are
    left as they are. ``read``: the line model, ``read_line`` unless a test gives another."""
    lines = result.text.split("\n")
    unsure: set[tuple[int, int, int]] = set()
    for index, words in result.lines_with_words():
        if RE_ANY_DIGIT.search(lines[index]) or RE_LATIN_OR_SIGN.search(lines[index]):  # "Ow" for ๑๙
            try:
                aligned = repair_line(scan, lines[index], words, read)
            except (RuntimeError, ValueError) as exc:  # a damaged model file must not stop a batch
                aligned = Aligned(lines[index], False)
                _warn_once(f"thai-digits: model failed ({type(exc).__name__}: {exc}); Tesseract's digits kept")
            lines[index] = aligned.text
            if not aligned.ok:
                unsure.add(words[0].line)
    words = tuple(replace(w, confidence=w.confidence * UNSURE_FACTOR) if w.line in unsure else w for w in result.words)
    return replace(result, text="\n".join(lines), words=words)


def available() -> bool:
    """True when the model file is there and onnxruntime can be imported."""
    if not MODEL_PATH.exists():
        return False
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True
