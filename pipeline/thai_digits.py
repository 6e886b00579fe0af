"""Re-read the digits of each OCR line with a small CRNN (ONNX), because Tesseract's Thai model cannot.

Tesseract (tha) reads ``"ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒"`` as
``"ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒"``. The model reads the same line image in a reduced
alphabet, letters folded into ``x``: ``"x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"``; ``align`` then puts its digit
runs in place of Tesseract's, run by run, when both saw the same runs between the same letters:

>>> align("ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒").text
'ที อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒'

When they disagree the line keeps Tesseract's text and is marked unsure (its words' confidence is
lowered, so the page confidence drops). Runtime needs numpy + onnxruntime only; the model file is
built by ``make ocr-model`` (``pipeline.ocr_model``) and loaded once per process, lazily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline import ocr

MODEL_PATH = Path(__file__).resolve().parent / "models" / "thai_digits.onnx"
NAME = "thai-digits v1"
HEIGHT = 32
DIGITS = "๐๑๒๓๔๕๖๗๘๙0123456789"
PUNCT = "./,-:"
ALPHABET = DIGITS + PUNCT + " x"  # CTC blank is class 0, ALPHABET[i] is class i + 1
UNSURE_FACTOR = 0.5  # confidence multiplier for the words of a line whose digits could not be checked

_D = f"[{DIGITS}]"
RE_MODEL_RUN = re.compile(f"{_D}(?:[{re.escape(PUNCT)}]?{_D})*")
# In Tesseract's text a run may hold a letter it put in place of a digit: "๐๐๑ฒ๕.๒" is one run.
RE_TESS_RUN = re.compile(f"{_D}(?:[{re.escape(PUNCT)}]?{_D}|[\u0e01-\u0e2e][\u0e31-\u0e4e]?(?={_D}))*")
RE_LETTER = re.compile("[^\\s" + DIGITS + re.escape(PUNCT) + "]")


def reduce_text(text: str) -> str:
    """The model's view of a line: letters -> one ``x`` per run, dot leaders -> ``.``, spaces only near digits.

    >>> reduce_text("ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒")
    'x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒'
    >>> reduce_text("ส่วนราชการ......โทร.๐-๓๕๖๑-๔๙๑๒")
    'x.x.๐-๓๕๖๑-๔๙๑๒'
    """
    out = RE_LETTER.sub("x", " ".join(text.split()))
    out = re.sub(r"x+", "x", out)
    out = re.sub(r"\.{2,}", ".", out)
    out = re.sub(r"x(?: x)+", "x", out)
    return out.strip()


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


def decode(logits: np.ndarray) -> tuple[str, float]:
    """Greedy CTC on (T, C) log-probabilities -> (reduced text, lowest per-character probability)."""
    best = logits.argmax(1)
    probs = np.exp(logits.max(1))
    chars, low, prev = [], 1.0, 0
    for t, k in enumerate(best):
        if k != 0 and k != prev:
            chars.append(ALPHABET[k - 1])
            low = min(low, float(probs[t]))
        prev = k
    return "".join(chars).strip(), low


@lru_cache(maxsize=1)
def _session():
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # one process per core, as for tesseract (OMP_THREAD_LIMIT=1)
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(MODEL_PATH), sess_options=opts, providers=["CPUExecutionProvider"])


def read_digits(line_image) -> str:
    """The reduced text of one cropped line image: ``"x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"``."""
    return read_line(line_image)[0]


def read_line(line_image) -> tuple[str, float]:
    """``read_digits`` plus the lowest per-character probability of the greedy path (0..1)."""
    session = _session()
    logits = session.run(None, {session.get_inputs()[0].name: prepare(line_image)})[0]
    return decode(logits[0])


@dataclass(frozen=True, slots=True)
class Aligned:
    """A line after alignment: its text, whether every digit run was checked, how many were changed."""

    text: str
    ok: bool
    changed: int = 0


def _gaps(text: str, spans: list[tuple[int, int]]) -> tuple[bool, ...]:
    """For each gap before, between and after the runs: does it hold letters?"""
    cuts = [0] + [p for s in spans for p in s] + [len(text)]
    return tuple(bool(RE_LETTER.search(text[cuts[i]:cuts[i + 1]])) for i in range(0, len(cuts), 2))


def _leaders(tess_line: str, spans: list[tuple[int, int]], model: list) -> list[tuple[int, int]]:
    """Runs of ``๑`` that Tesseract read from a dotted leader the model saw as dots: ``"๑๑๑๑๑"``."""
    if len(spans) <= len(model):
        return []
    ones = [(a, b) for a, b in spans if b - a >= 3 and set(tess_line[a:b]) == {"๑"}]
    return ones if len(spans) - len(ones) == len(model) else []


def align(tess_line: str, model_text: str) -> Aligned:
    """Replace Tesseract's digit runs by the model's, in order, when both agree on the runs' layout.

    >>> align("ที อท ๐๐๑ฒ๕.๒/ว ๒๐๕๕", "x ๐๐๑๗.๒/x ๒๐๕๕").text   # a letter Tesseract put in a run
    'ที อท ๐๐๑๗.๒/ว ๒๐๕๕'
    >>> align("๑๑๑๑๑ ที่มีลักษณะ", ".x").text                    # a dotted leader read as ๑๑๑๑๑
    '..... ที่มีลักษณะ'
    >>> align("วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๒๖ ๒๕๖๒")                # letters missing between: keep
    Aligned(text='วันที ๒๐ พฤษภาคม ๒๕๒๒', ok=False, changed=0)
    """
    tess = [(m.start(), m.end()) for m in RE_TESS_RUN.finditer(tess_line)]
    model = [(m.start(), m.end()) for m in RE_MODEL_RUN.finditer(model_text)]
    if not tess and not model:
        return Aligned(tess_line, True)
    leaders = _leaders(tess_line, tess, model)
    edits = [(a, b, "." * (b - a)) for a, b in leaders]
    tess = [s for s in tess if s not in leaders]
    if len(tess) != len(model) or _gaps(tess_line, tess) != _gaps(model_text, model):
        return Aligned(tess_line, False)
    for (ts, te), (ms, me) in zip(tess, model):
        if abs((me - ms) - (te - ts)) > max(2, (te - ts) // 2):
            return Aligned(tess_line, False)  # too different to be the same number
        edits.append((ts, te, model_text[ms:me]))
    out, pos, changed = [], 0, 0
    for start, end, new in sorted(edits):
        out.append(tess_line[pos:start] + new)
        changed += new != tess_line[start:end]
        pos = end
    return Aligned("".join(out) + tess_line[pos:], True, changed)


RE_ANY_DIGIT = re.compile(_D)


def _line_groups(result: ocr.OcrResult) -> list[tuple[int, tuple[ocr.OcrWord, ...]]]:
    """Pair each text line with its TSV words (same characters once spaces are removed), in order."""
    groups: dict[tuple[int, int, int], list[ocr.OcrWord]] = {}
    for word in result.words:
        groups.setdefault(word.line, []).append(word)
    keys = [line.replace(" ", "") for line in result.text.split("\n")]
    pairs, start = [], 0
    for words in groups.values():
        key = "".join(w.text for w in words)
        for i in range(start, len(keys)):
            if keys[i] == key:
                pairs.append((i, tuple(words)))
                start = i + 1
                break
    return pairs


def union_box(words) -> tuple[int, int, int, int]:
    """(left, top, width, height) around the boxes of ``words``."""
    left = min(w.box[0] for w in words)
    top = min(w.box[1] for w in words)
    right = max(w.box[0] + w.box[2] for w in words)
    bottom = max(w.box[1] + w.box[3] for w in words)
    return left, top, right - left, bottom - top


def postprocess(image, result: ocr.OcrResult) -> ocr.OcrResult:
    """Re-read every line that Tesseract saw digits on; align; lower the confidence of unsure lines."""
    lines = result.text.split("\n")
    unsure: set[tuple[int, int, int]] = set()
    for index, words in _line_groups(result):
        if not RE_ANY_DIGIT.search(lines[index]):
            continue
        crop = image.crop(crop_box(union_box(words), image.size))
        aligned = align(lines[index], read_digits(crop))
        lines[index] = aligned.text
        if not aligned.ok:
            unsure.add(words[0].line)
    words = tuple(replace(w, confidence=w.confidence * UNSURE_FACTOR) if w.line in unsure else w for w in result.words)
    return ocr.OcrResult("\n".join(lines), words)


postprocess.reader_name = NAME  # type: ignore[attr-defined]  # shown in Document.reader


def available() -> bool:
    """True when the model file is there and onnxruntime can be imported."""
    if not MODEL_PATH.exists():
        return False
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True
