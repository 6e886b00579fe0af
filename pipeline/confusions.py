"""The characters OCR takes for one another, read once from ``extractors/tables/ocr_confusions.csv``.

One table serves everyone who reasons about OCR errors: linking forgives a cited serial one
confused digit off, the lexicon and the spelling step accept a look-alike letter as one edit, and
the workbench's corpus damages serials with the pairs marked ``simulated``.

>>> frozenset("๕๙") in pairs("digit"), frozenset("บน") in pairs("letter"), frozenset("บน") in pairs("digit")
(True, True, False)
>>> frozenset("59") in pairs("digit", arabic=True)
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.thai_chars import to_arabic

KINDS = ("digit", "letter")


@dataclass(frozen=True, slots=True)
class Confusion:
    """``Confusion(a="๕", b="๙", kind="digit", seen="notes: …", simulated=True)``: a and b are read for each other."""

    a: str
    b: str
    kind: str  # digit | letter
    seen: str  # where the confusion was observed
    simulated: bool  # the corpus damage model produces it


@cache
def confusions() -> tuple[Confusion, ...]:
    """Every row of the table, in its order."""
    with resources.files("extractors").joinpath("tables/ocr_confusions.csv").open(encoding="utf-8") as fh:
        rows = tuple(Confusion(r["a"], r["b"], r["kind"], r["seen"], r["simulated"] == "yes") for r in csv.DictReader(fh))
    unknown = {r.kind for r in rows} - set(KINDS)
    if unknown:
        raise ValueError(f"ocr_confusions.csv: unknown kind {sorted(unknown)}")
    return rows


@cache
def pairs(kind: str, *, arabic: bool = False, simulated_only: bool = False) -> frozenset[frozenset[str]]:
    """The unordered pairs of one kind (``arabic=True``: digits as ``0-9``, as canonical numbers hold them)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    convert = to_arabic if arabic else str
    return frozenset(frozenset((convert(c.a), convert(c.b))) for c in confusions()
                     if c.kind == kind and (c.simulated or not simulated_only))
