"""The OCR switches as one frozen value, built once by the command line and passed down.

>>> OcrOptions().cache_key()
'langs=tha binarize=1 digits=1 stock=0 qr=1 stamps=1'
>>> OcrOptions.from_env({"SARABAN_OCR_BINARIZE": "0", "SARABAN_THAI_DIGITS": "0"}).cache_key()
'langs=tha binarize=0 digits=0 stock=0 qr=1 stamps=1'

``cache_key()`` feeds the ingest cache: a switch that changes what a scan reads as changes the key.
The engine (``None``: Tesseract) and the developer's Tesseract cache do not change what is read,
so they are not part of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from pipeline.limits import ReadLimits

DEFAULT_LANGS = "tha"  # tha+eng reads agency codes as Latin (ศธ -> AB); docs/ACCURACY.md
STOCK_LANGS = "tha+eng"  # bare Tesseract as Debian ships it, for side-by-side figures only
LATIN_LANGS = "tha+eng"  # lines that show a URL or an e-mail address (latin step)
PSM = 11  # sparse text: keeps the upper marks that --psm 6 drops (ที่ -> ที); docs/BENCHMARKS.md
TIMEOUT_S = 180.0

# environment variable -> (field, how its text becomes the value)
ENVIRONMENT = {
    "SARABAN_OCR_LANGS": ("langs", str),
    "SARABAN_OCR_BINARIZE": ("binarize", lambda v: v != "0"),
    "SARABAN_THAI_DIGITS": ("thai_digits", lambda v: v != "0"),
    "SARABAN_OCR_STOCK": ("stock", lambda v: v == "1"),
    "SARABAN_OCR_TIMEOUT": ("timeout_s", float),
    "SARABAN_OCR_DEV_CACHE": ("dev_cache", str),
    "SARABAN_QR_CODES": ("qr_codes", lambda v: v != "0"),
    "SARABAN_OCR_STAMPS": ("stamps", lambda v: v != "0"),
}


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How scans are read: ``OcrOptions(langs="tha", binarize=True, thai_digits=True, stock=False)``."""

    langs: str = DEFAULT_LANGS  # Tesseract's model(s) for the page
    binarize: bool = True  # Otsu after a light blur before Tesseract (fewer errors, 2.6x faster)
    thai_digits: bool = True  # the digit reader re-reads digit runs (when its model and onnxruntime are there)
    stock: bool = False  # bare ``tesseract -l tha+eng``: no binarising, no steps (side-by-side figures only)
    timeout_s: float = TIMEOUT_S  # per Tesseract call; a page past it is reported and skipped
    qr_codes: bool = True  # decode QR codes on scanned pages (codes.decode_qr)
    stamps: bool = True  # find receipt stamps, read them alone and keep them out of the text (stamps.py)
    dev_cache: str = ""  # a folder keeping Tesseract's answers per page image (development only)
    limits: ReadLimits = ReadLimits()  # size caps of every reader (pipeline.limits): pages, pixels, parts, streams
    engine: Any = field(default=None, compare=False, repr=False)  # None: Tesseract (engine.Engine)

    def __post_init__(self) -> None:
        if not self.langs or any(c.isspace() for c in self.langs):
            raise ValueError(f"OCR languages must be like 'tha' or 'tha+eng', not {self.langs!r}")
        if self.timeout_s <= 0:
            raise ValueError(f"the OCR timeout must be positive, not {self.timeout_s}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: Any) -> OcrOptions:
        """Options from ``SARABAN_OCR_*`` variables (``ENVIRONMENT``), then ``overrides`` (the command line's flags)."""
        values: dict[str, Any] = {}
        for name, (key, parse) in ENVIRONMENT.items():
            if environ.get(name, "") != "":
                values[key] = parse(environ[name])
        known = {f.name for f in fields(cls)}
        values.update({k: v for k, v in overrides.items() if k in known and v is not None})
        return cls(**values)

    def cache_key(self) -> str:
        """The switches that change what a scan reads as, e.g. ``'langs=tha binarize=1 digits=1 stock=0 qr=1 stamps=1'``."""
        return (f"langs={self.langs} binarize={int(self.binarize)} digits={int(self.thai_digits)} "
                f"stock={int(self.stock)} qr={int(self.qr_codes)} stamps={int(self.stamps)}{self.limits.cache_key()}")
