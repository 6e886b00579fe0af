"""A colour scan split into its inks before binarising: black print, and coloured ink (stamps, pens).

A letter in an archive is black print with blue or red on it: a serial and a day written in by
hand after a printed ``ที่ ศธ ๐๔๐๒๕/``, a signature across the signer's name, the name and position
stamped in blue, a receipt stamp. Binarised together, the coloured ink merges with the print it
crosses: the signature breaks ``ขอแสดงความนับถือ`` apart and the handwritten serial is read as
confident wrong digits (``๙๓๔๘`` for ``๓๔๕๘``). Split by colour first, the print is read alone from
the black layer, and the coloured layer is read on its own (``colour`` step), where stamped text
reads cleanly and handwriting and signatures read as unsure noise that is left out.

>>> import numpy as np
>>> from PIL import Image
>>> page = np.full((4, 4, 3), 250, dtype=np.uint8)
>>> page[:2] = (20, 20, 20); page[2, :] = (40, 60, 200)  # two rows of black print, a blue stroke
>>> inks = split_inks(Image.fromarray(page), min_share=0.01)
>>> np.asarray(inks.black)[[0, 2]].tolist(), inks.colour is not None
([[20, 20, 20, 20], [250, 250, 250, 250]], True)

Grey and black-and-white pages are returned as they are (``split_inks(grey).black is grey``).
Written by hand: a chroma threshold is all it takes, and it spares an OpenCV dependency.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

CHROMA = 50  # max - min of R, G, B (0..255) above which a pixel is coloured ink, not black print or paper
MIN_SHARE = 0.0005  # coloured pixels below this share of the page (JPEG fringes, a logo's tint): no colour layer
PRINT = 160  # grey level below which a pixel is ink of any colour
COLOUR_MODES = frozenset({"RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV"})


@dataclass(frozen=True, slots=True)
class Inks:
    """``black``: the page in grey with coloured ink turned to paper; ``colour``: the coloured ink alone,
    dark on white (None for a page without any); ``share``: coloured pixels over all pixels."""

    black: Image.Image
    colour: Image.Image | None
    share: float = 0.0


def has_colour_mode(image: Image.Image) -> bool:
    """Is the image stored with colour channels (it may still hold only grey)?"""
    return image.mode in COLOUR_MODES


def split_inks(image: Image.Image, *, chroma: int = CHROMA, min_share: float = MIN_SHARE) -> Inks:
    """The black-print layer and the coloured-ink layer of a page (see the module docstring)."""
    if not has_colour_mode(image):
        return Inks(image if image.mode == "L" else image.convert("L"), None)
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    grey = np.asarray(image.convert("L"))
    coloured = spread > chroma
    share = float(coloured.mean()) if coloured.size else 0.0
    if share < min_share or coloured.sum() > 0.5 * (coloured | (grey < PRINT)).sum():
        return Inks(Image.fromarray(grey), None, share)  # no colour, or a page printed in colour: read as grey
    paper = np.uint8(np.percentile(grey, 90))
    black = np.where(coloured, paper, grey).astype(np.uint8)
    # the coloured ink's strength is its chroma: a pale tint is light, a full stamp or pen stroke dark
    colour = np.where(coloured, np.clip(255 - 2 * spread, 0, 255), 255).astype(np.uint8)
    return Inks(Image.fromarray(black), Image.fromarray(colour), share)
