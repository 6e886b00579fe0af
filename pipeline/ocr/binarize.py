"""A page image made black and white before Tesseract reads it: a light blur, then Otsu's threshold.

Measured on 14 scanned corpus letters (300 dpi grey with blur, noise and JPEG artefacts; docs/BENCHMARKS.md):
non-digit character error 5.24% on the grey page, 4.55% binarised this way, and Tesseract runs 2.6x
faster on the two-level image. A median filter (5.30%), 1.5x upscaling (5.46%) and unsharp masking
(5.25%) did not help. Only Tesseract sees the binarised page: the digit reader and the search for
dropped lines look at the page as scanned.

>>> import numpy as np
>>> from PIL import Image
>>> page = Image.fromarray(np.array([[30, 40, 200, 210]] * 4, dtype="uint8"))
>>> np.asarray(binarize(page, blur=0)).tolist()[0]
[0, 0, 255, 255]

A page is blurred and thresholded once (``prepare``): the blank check, the not-text check, the
stamp finder and Tesseract share that ``Binarized`` value (the blur of a 300 dpi A4 page costs about
0.1 s of CPU, and the page needed it four times).

Written by hand: Pillow has no Otsu threshold, and ten lines of numpy spare a scikit-image or
OpenCV dependency.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

BLUR = 0.7  # Gaussian radius (pixels at 300 dpi): takes the JPEG and sensor noise out before thresholding


def otsu_threshold(grey: np.ndarray, hist: np.ndarray | None = None) -> int:
    """The grey level that best separates ink from paper (Otsu 1979: maximal between-class variance);
    ``hist``: the 256 counts of ``grey`` when already known."""
    hist = (np.bincount(grey.ravel(), minlength=256) if hist is None else hist).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    mass = np.cumsum(hist * levels)
    total, total_mass = weight[-1], mass[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_low = mass / weight
        mean_high = (total_mass - mass) / (total - weight)
        between = weight * (total - weight) * (mean_low - mean_high) ** 2
    between = np.nan_to_num(between, nan=-1.0, posinf=-1.0)
    return int(np.argmax(between))


@dataclass(frozen=True, slots=True)
class Binarized:
    """A page blurred once and thresholded: ``blurred`` (grey pixels after the light blur), ``image``
    (black text on white; the blurred grey itself for a page of one flat level), ``counts`` (the 256
    grey-level counts of ``blurred``) and ``threshold`` (Otsu's level; None for a flat page).

    >>> page = Image.fromarray(np.array([[30, 40, 200, 210]] * 4, dtype="uint8"))
    >>> np.asarray(prepare(page, blur=0).image).tolist()[0], prepare(page, blur=0).threshold
    ([0, 0, 255, 255], 40)
    """

    blurred: np.ndarray
    image: Image.Image
    counts: np.ndarray
    threshold: int | None

    def share_below(self, level: int) -> float:
        """Share of the blurred pixels darker than ``level``: ``(blurred < level).mean()``."""
        total = int(self.counts.sum())
        return int(self.counts[:level].sum()) / total if total else 0.0


def prepare(image: Image.Image, blur: float = BLUR) -> Binarized:
    """The page's blurred grey and its Otsu black and white (see ``Binarized``), in one pass."""
    grey = image.convert("L")
    if blur:
        grey = grey.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(grey)
    counts = np.asarray(grey.histogram(), dtype=np.int64)
    if np.count_nonzero(counts) <= 1:  # one grey level: a blank page stays as it is
        return Binarized(pixels, grey, counts, None)
    threshold = otsu_threshold(pixels, counts)
    return Binarized(pixels, grey.point([0] * (threshold + 1) + [255] * (255 - threshold)), counts, threshold)


def binarize(image: Image.Image, blur: float = BLUR) -> Image.Image:
    """Black text on white, by Otsu's threshold after a light blur; a blank page stays as it is."""
    return prepare(image, blur).image


MAX_INK = 0.4  # a text page is 3-15% ink once binarised; noise or a photograph is near half
DARK = 128  # grey level below which a pixel of the (lightly blurred) scan is ink
BLANK_INK = 0.0003  # share of dark pixels below which a page is blank (a short word is ~0.001 of an A4 page)


def is_blank(image: Image.Image, prepared: Binarized | None = None) -> bool:
    """Is the scan a blank sheet (paper and scanner noise, no ink)? Otsu's threshold would split its
    noise into half black, half white, and Tesseract can spend minutes on that. ``prepared``: the
    page's ``prepare(image)`` when already made.

    >>> rng = np.random.default_rng(1)
    >>> is_blank(Image.fromarray((235 + rng.normal(0, 8, (300, 200))).clip(0, 255).astype("uint8")))
    True
    """
    prepared = prepared or prepare(image)
    return bool(prepared.blurred.size) and prepared.share_below(DARK) < BLANK_INK


def ink_share(image: Image.Image, prepared: Binarized | None = None) -> float:
    """Share of the binarised page that is ink: ``0.06`` for a letter, ``~0.5`` for a page of noise."""
    prepared = prepared or prepare(image)  # ink: at or below Otsu's level (a flat page: below mid-grey)
    return prepared.share_below(128 if prepared.threshold is None else prepared.threshold + 1)


def not_text_reason(image: Image.Image, prepared: Binarized | None = None) -> str | None:
    """Why a page image is no page of text (Tesseract can spend minutes on one and read nothing), or None.

    >>> rng = np.random.default_rng(1)
    >>> not_text_reason(Image.fromarray(rng.integers(0, 256, (300, 200), dtype="uint8")))[:18]
    'mostly ink (50% da'
    >>> not_text_reason(Image.new("L", (300, 200), 255)) is None
    True
    """
    prepared = prepared or prepare(image)
    if is_blank(image, prepared):  # Otsu splits a blank sheet's paper noise in half: that is no ink
        return None
    share = ink_share(image, prepared)
    if share > MAX_INK:
        return f"mostly ink ({share:.0%} dark pixels): noise, a photograph or a dark scan, not a page of text"
    return None
