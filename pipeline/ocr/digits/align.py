"""Put the digit runs a line model read in place of Tesseract's, by order or by position (pure functions).

The model reads a line in a reduced alphabet, letters folded into ``x``. For the line
``"ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒"`` it gives ``"x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒"``:

>>> align("ที อท ๐๐๑๓.๒ / ว ๒๐๕๕ วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๐๐๑๗.๒ / x ๒๐๕๕ x ๒๖ x ๒๕๖๒").text
'ที อท ๐๐๑๗.๒ / ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒'

``align`` pairs runs in order when both sides saw as many runs with letters in the same gaps.
When they do not (Tesseract read ``๑๙`` as ``Ow`` or split a run), ``align_by_position`` pairs them
by where they are on the page: the model's frames against Tesseract's word boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.thai_chars import ALL_DIGITS as DIGITS  # Thai, then Arabic

PUNCT = "./,-:"
_D = f"[{DIGITS}]"
RE_MODEL_RUN = re.compile(f"{_D}(?:[{re.escape(PUNCT)}]?{_D})*")
# In Tesseract's text a run may hold a letter it put in place of a digit: "๐๐๑ฒ๕.๒" is one run.
RE_TESS_RUN = re.compile(f"{_D}(?:[{re.escape(PUNCT)}]?{_D}|[\u0e01-\u0e2e][\u0e31-\u0e4e]?(?={_D}))*")
RE_LETTER = re.compile("[^\\s" + DIGITS + re.escape(PUNCT) + "]")
RE_ANY_DIGIT = re.compile(_D)
RE_THAI_DIGIT = re.compile("[๐-๙]")
RE_THAI = re.compile("[\u0e01-\u0e4e]")
RE_LATIN_OR_SIGN = re.compile("[A-Za-z0-9@#&%©]")


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


@dataclass(frozen=True, slots=True)
class Aligned:
    """A line after alignment: its text, whether every digit run was checked, how many were changed."""

    text: str
    ok: bool
    changed: int = 0
    unplaced: int = 0  # model runs of Thai digits that found no place in Tesseract's line


@dataclass(frozen=True, slots=True)
class Run:
    """A digit run the model read and where it lies on the page: ``Run("๒๐๕๕", 812.0, 930.0)``."""

    text: str
    x0: float
    x1: float


def apply_edits(line: str, edits: list[tuple[int, int, str]], ok: bool, unplaced: int = 0) -> Aligned:
    """Replace ``line[start:end]`` by ``new`` for each sorted, non-overlapping ``(start, end, new)``."""
    out, pos, changed = [], 0, 0
    for start, end, new in sorted(edits):
        out.append(line[pos:start] + new)
        changed += new != line[start:end]
        pos = end
    return Aligned("".join(out) + line[pos:], ok, changed, unplaced)


def _gaps(text: str, spans: list[tuple[int, int]]) -> tuple[bool, ...]:
    """For each gap before, between and after the runs: does it hold letters?"""
    cuts = [0] + [p for s in spans for p in s] + [len(text)]
    return tuple(bool(RE_LETTER.search(text[cuts[i]:cuts[i + 1]])) for i in range(0, len(cuts), 2))


def _leaders(line: str, spans: list[tuple[int, int]], n_model: int) -> list[tuple[int, int]]:
    """Runs of ``๑`` that Tesseract read from a dotted leader the model saw as dots: ``"๑๑๑๑๑"``."""
    if len(spans) <= n_model:
        return []
    ones = [(a, b) for a, b in spans if b - a >= 3 and set(line[a:b]) == {"๑"}]
    return ones if len(spans) - len(ones) == n_model else []


def _layout(run: str) -> dict[int, str]:
    """Punctuation of a run by the number of digits before it: ``"๐-๓๕๖๑-๔๙๑๒"`` -> ``{1: "-", 5: "-"}``."""
    out, n = {}, 0
    for c in run:
        if c in DIGITS:
            n += 1
        else:
            out[n] = out.get(n, "") + c
    return out


def merge_run(tess: str, model: str) -> str:
    """The model's digits, in Tesseract's punctuation when that only adds to or respells the model's.

    Tesseract reads dots and commas well and Thai digits badly; the model may drop a dot or take a
    comma for one. Where the punctuation stands differently, the model's run is kept whole.

    >>> merge_run("๕๕๒๕.๕", "๘๔๒๕๙"), merge_run("๒๑๒,๕๕๐.๐๓", "๒๑๖,๙๕๐,๐๓")
    ('๘๔๒๕.๙', '๒๑๖,๙๕๐.๐๓')
    >>> merge_run("๐-๐๐๒๕๕-๕๒๒", "๐-๖๖๙๔-๕๖๖๗"), merge_run("๐๐๑ฒ๕.๒", "๐๐๑๗.๒")
    ('๐-๖๖๙๔-๕๖๖๗', '๐๐๑๗.๒')
    """
    digits = [c for c in model if c in DIGITS]
    if any(c not in DIGITS and c not in PUNCT for c in tess) or sum(c in DIGITS for c in tess) != len(digits):
        return model
    if not set(_layout(model)) <= set(_layout(tess)):
        return model
    it = iter(digits)
    return "".join(next(it) if c in DIGITS else c for c in tess)


def _similar(old: str, new: str) -> bool:
    return abs(len(new) - len(old)) <= max(2, len(old) // 2)


def align(tess_line: str, model_text: str) -> Aligned:
    """Replace Tesseract's digit runs by the model's, in order, when both agree on the runs' layout.

    >>> align("ที อท ๐๐๑ฒ๕.๒/ว ๒๐๕๕", "x ๐๐๑๗.๒/x ๒๐๕๕").text   # a letter Tesseract put in a run
    'ที อท ๐๐๑๗.๒/ว ๒๐๕๕'
    >>> align("๑๑๑๑๑ ที่มีลักษณะ", ".x").text                    # a dotted leader read as ๑๑๑๑๑
    '..... ที่มีลักษณะ'
    >>> align("วันที ๒๐ พฤษภาคม ๒๕๒๒", "x ๒๖ ๒๕๖๒")                # letters missing between: keep
    Aligned(text='วันที ๒๐ พฤษภาคม ๒๕๒๒', ok=False, changed=0, unplaced=0)
    """
    tess = [(m.start(), m.end()) for m in RE_TESS_RUN.finditer(tess_line)]
    model = [(m.start(), m.end()) for m in RE_MODEL_RUN.finditer(model_text)]
    if not tess and not model:
        return Aligned(tess_line, True)
    leaders = _leaders(tess_line, tess, len(model))
    edits = [(a, b, "." * (b - a)) for a, b in leaders]
    tess = [s for s in tess if s not in leaders]
    if len(tess) != len(model) or _gaps(tess_line, tess) != _gaps(model_text, model):
        return Aligned(tess_line, False)
    for (ts, te), (ms, me) in zip(tess, model, strict=True):
        if not _similar(tess_line[ts:te], model_text[ms:me]):
            return Aligned(tess_line, False)  # too different to be the same number
        edits.append((ts, te, merge_run(tess_line[ts:te], model_text[ms:me])))
    return apply_edits(tess_line, edits, True)


def char_positions(line: str, words: list[tuple[str, float, float]]) -> list[float | None]:
    """Centre x of each character of ``line`` from Tesseract's words ``(text, left, width)``; None for spaces.

    The words' characters, in order, are the line's characters without its spaces; a word's
    characters share its box evenly.

    >>> char_positions("ที ๒๖", [("ที", 0, 20), ("๒๖", 50, 40)])
    [5.0, 15.0, None, 60.0, 80.0]
    """
    xs: list[float | None] = [None] * len(line)
    slots = iter(i for i, c in enumerate(line) if c != " ")
    for text, left, width in words:
        for j in range(len(text)):
            i = next(slots, None)
            if i is None:
                return xs
            xs[i] = left + (j + 0.5) * width / len(text)
    return xs


TOKEN_END = " /:<>()[]“”\"'"


def _token(line: str, idx: list[int]) -> tuple[int, int] | None:
    """The token (between spaces, slashes, colons, brackets) holding most of ``idx``, minus end dots and
    commas; None if it holds Thai: ``"http://olom.loclo.aée.ané/web"`` -> the span of ``olom.loclo.aée.ané``."""
    spans = []
    for i in idx:
        a, b = i, i + 1
        while a > 0 and line[a - 1] not in TOKEN_END:
            a -= 1
        while b < len(line) and line[b] not in TOKEN_END:
            b += 1
        spans.append((a, b))
    a, b = max(set(spans), key=spans.count)
    while a < b and line[a] in PUNCT:
        a += 1
    while b > a and line[b - 1] in PUNCT:
        b -= 1
    return (a, b) if a < b and not RE_THAI.search(line[a:b]) else None


def _span(line: str, xs: list[float | None], run: Run, frame: float) -> tuple[int, int] | None:
    """The characters of ``line`` that Tesseract read where the model saw ``run`` (``frame``: px per frame)."""
    idx = [i for i, x in enumerate(xs) if x is not None and (
        run.x0 - frame <= x <= run.x1 + frame or (line[i] in DIGITS and run.x0 - 2.5 * frame <= x <= run.x1 + 2.5 * frame))]
    if not idx:
        return None
    a, b = min(idx), max(idx) + 1
    if not RE_ANY_DIGIT.search(line[a:b]):  # a number Tesseract read as Latin letters or signs: "Ow", "%"
        signs = [i for i in idx if not RE_THAI.match(line[i]) and line[i] not in TOKEN_END]
        return _token(line, signs) if signs else None
    while line[a] not in DIGITS:
        a += 1  # the run starts and ends with a digit: leave letters and signs around it alone
    while line[b - 1] not in DIGITS:
        b -= 1
    return a, b


def _place(line: str, xs: list[float | None], run: Run, frame: float) -> tuple[int, int, str] | None:
    """The edit that puts ``run`` in ``line``: over what Tesseract read there, or into an empty stretch."""
    span = _span(line, xs, run, frame)
    if span is not None:
        old = line[span[0]:span[1]]
        return (*span, merge_run(old, run.text)) if _similar(old, run.text) else None
    if any(x is not None and run.x0 - 3 * frame <= x <= run.x1 + 3 * frame for x in xs):
        return None  # something is there that cannot be this number
    i = 1 + max((k for k, x in enumerate(xs) if x is not None and x < run.x0), default=-1)
    left = " " if i > 0 and line[i - 1] != " " else ""
    right = " " if i < len(line) and line[i] != " " else ""
    return i, i, left + run.text + right


def _letter_os(line: str, covered: set[int]) -> list[tuple[int, int, str]]:
    """``๐``/``0`` that no model run covers, among Latin letters or signs: Tesseract's reading of ``o``."""
    edits = []
    for i, c in enumerate(line):
        if c in "๐0" and i not in covered:
            a, b = i, i + 1
            while a > 0 and line[a - 1] not in " /":
                a -= 1
            while b < len(line) and line[b] not in " /":
                b += 1
            if RE_LATIN_OR_SIGN.search(line[a:i] + line[i + 1:b]):
                edits.append((i, i + 1, "o"))
    return edits


def align_by_position(line: str, xs: list[float | None], runs: list[Run], frame: float) -> Aligned:
    """Put each model run where it lies in ``line``; ok only if every run and every digit is matched.

    >>> xs = char_positions("ลงวันที่ Ow", [("ลงวันที่", 0, 160), ("Ow", 200, 40)])
    >>> align_by_position("ลงวันที่ Ow", xs, [Run("๑๙", 198, 236)], frame=12)
    Aligned(text='ลงวันที่ ๑๙', ok=True, changed=1, unplaced=0)
    >>> xs = char_positions("ดูที่ http://www.moi.go.th/d๐6", [("ดูที่", 0, 100), ("http://www.moi.go.th/d๐6", 120, 500)])
    >>> align_by_position("ดูที่ http://www.moi.go.th/d๐6", xs, [], frame=12).text   # the model saw no digit
    'ดูที่ http://www.moi.go.th/do6'
    """
    edits, ok, unplaced = [], True, 0
    for run in runs:
        edit = _place(line, xs, run, frame)
        ok = ok and edit is not None and edit[0] < edit[1]  # an insertion checks nothing Tesseract read
        if edit is None:
            unplaced += bool(RE_THAI_DIGIT.search(run.text))  # Tesseract reads Arabic digits well
        else:
            edits.append(edit)
    edits.sort()
    if any(edits[i + 1][0] < edits[i][1] for i in range(len(edits) - 1)):
        return Aligned(line, False, 0, len(runs))  # two runs claim the same characters
    covered = {i for start, end, _ in edits for i in range(start, end)}
    letters = _letter_os(line, covered)
    covered |= {e[0] for e in letters}
    ok = ok and all(c not in DIGITS or i in covered for i, c in enumerate(line))
    return apply_edits(line, edits + letters, ok, unplaced)


def rebuild(line: str, xs: list[float | None], chars: list[tuple[str, float]]) -> Aligned:
    """The line as the model read it, its letters (``x``) taken from Tesseract's characters at the same place.

    The last resort for a line Tesseract garbled (``"กก 5 วันที่ ๒๐ มกราคม"`` for ``"ที่ ชน ๙๒๖๑.๗/ว ๓๑๐๕
    วันที่ ๒๐ มกราคม"``): its digits come from the model, never ``ok``. ``chars``: the model's characters with
    the page x where it emitted each.

    >>> xs = char_positions("กก 5 วันที่", [("กก", 0, 60), ("5", 80, 300), ("วันที่", 400, 120)])
    >>> rebuild("กก 5 วันที่", xs, [("x", 20), (" ", 70), ("๙", 120), ("๒", 150), (" ", 300), ("x", 450)]).text
    'กก ๙๒ วันที่'
    """
    out: list[str] = []
    for k, (c, _) in enumerate(chars):
        if c != "x":
            out.append(c)
            continue
        lo = chars[k - 1][1] if k > 0 else float("-inf")
        hi = chars[k + 1][1] if k + 1 < len(chars) else float("inf")
        inside = [i for i, p in enumerate(xs) if p is not None and lo < p < hi]
        out.append("".join(c for c in line[min(inside):max(inside) + 1] if c not in DIGITS + PUNCT) if inside else "")
    text = " ".join("".join(out).split())
    return Aligned(text, False, int(text != line), 0)
