"""Drawn marks: a Garuda-like emblem, receipt stamps with hand-written numbers, signatures, seals, holes.

Each drawing function paints onto a PIL image and returns what it put there (a box and its text), so
``artefacts.jsonl`` can say where the stamp ``เลขรับ ๔๕๖ / วันที่ ๑๒ ม.ค. ๖๖ / เวลา ๑๐.๓๐ น.`` lies.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

INKS = {"blue": (28, 52, 170), "red": (196, 30, 40), "black": (25, 25, 25)}
FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/opentype/tlwg", "/usr/share/fonts/truetype")


@cache
def font_path(family: str) -> str:
    """Path of a TLWG font file: ``font_path("Purisa")`` -> ``…/tlwg/Purisa.ttf`` (or .otf)."""
    import glob

    for d in FONT_DIRS:
        for ext in ("ttf", "otf"):
            hits = sorted(glob.glob(f"{d}/**/{family}.{ext}", recursive=True))
            if hits:
                return hits[0]
    raise FileNotFoundError(family)


def font(family: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(family), max(6, px), layout_engine=ImageFont.Layout.RAQM)


@dataclass(frozen=True, slots=True)
class Mark:
    """One thing drawn on a page: ``Mark("receipt_stamp", (x0, y0, x1, y1), "blue", ("เลขรับ ๔๕๖", …))``."""

    kind: str
    box: tuple[int, int, int, int]
    ink: str
    texts: tuple[str, ...] = ()


@cache
def garuda_png(px: int = 360) -> bytes:
    """A black Garuda-like emblem (head, crown, spread wings, tail) as PNG bytes."""
    img = Image.new("RGBA", (px, px), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    k = px / 100
    ink = (20, 20, 20, 255)

    def poly(points):
        d.polygon([(x * k, y * k) for x, y in points], fill=ink)

    for side in (-1, 1):  # wings: feathers fanning out
        for i in range(6):
            a = math.radians(200 + i * 14) if side < 0 else math.radians(-20 - i * 14)
            x0, y0 = 50 + side * 8, 42
            x1, y1 = x0 + math.cos(a) * (40 - i * 3), y0 + math.sin(a) * (34 - i * 2)
            poly([(x0, y0 - 3), (x1, y1), (x1 + side * 2, y1 + 4), (x0, y0 + 6)])
    poly([(42, 38), (58, 38), (61, 70), (50, 78), (39, 70)])  # body
    d.ellipse([44 * k, 22 * k, 56 * k, 36 * k], fill=ink)  # head
    poly([(45, 24), (50, 6), (55, 24)])  # crown
    poly([(50, 30), (56, 33), (50, 35)])  # beak
    for side in (-1, 1):  # arms raised, legs, tail
        poly([(50 + side * 10, 44), (50 + side * 22, 26), (50 + side * 24, 28), (50 + side * 13, 50)])
        poly([(50 + side * 4, 76), (50 + side * 12, 92), (50 + side * 15, 90), (50 + side * 9, 74)])
    poly([(44, 76), (56, 76), (60, 96), (40, 96)])
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _text(d: ImageDraw.ImageDraw, xy, text: str, f, fill) -> None:
    d.text(xy, text, font=f, fill=fill, language="th")


def receipt_stamp(img: Image.Image, rng: random.Random, box_xy: tuple[int, int], dpi: int, ink: str,
                  agency: str, number: str, when: str, clock: str) -> Mark:
    """A rectangular receipt stamp: printed labels, hand-written values in Purisa, slightly rotated.

    ``เลขรับ`` / ``วันที่`` / ``เวลา`` with the values ``๑๒๓๔``, ``๑๒ ม.ค. ๖๖``, ``๑๐.๓๐ น.``."""
    w, h = int(dpi * 1.9), int(dpi * 0.95)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    colour = INKS[ink] + (rng.randint(170, 235),)
    d.rectangle([2, 2, w - 3, h - 3], outline=colour, width=max(2, dpi // 60))
    label = font(rng.choice(("Loma", "Garuda", "Waree")), int(dpi * 0.13))
    hand = font("Purisa", int(dpi * 0.17))
    _text(d, (dpi * 0.08, dpi * 0.04), agency, label, colour)
    rows = (("เลขรับ", number), ("วันที่", when), ("เวลา", clock))
    for i, (name, value) in enumerate(rows):
        y = dpi * (0.27 + 0.22 * i)
        _text(d, (dpi * 0.08, y), name, label, colour)
        d.line([(dpi * 0.55, y + dpi * 0.19), (w - dpi * 0.1, y + dpi * 0.19)], fill=colour, width=1)
        pen = INKS["blue"] + (245,) if rng.random() < 0.8 else INKS["black"] + (235,)
        _text(d, (dpi * 0.62 + rng.randint(0, dpi // 12), y - dpi * 0.05), value, hand, pen)
    layer = layer.rotate(rng.uniform(-4, 4), expand=True, resample=Image.BICUBIC)
    x, y = box_xy
    img.alpha_composite(layer, (x, y)) if img.mode == "RGBA" else img.paste(layer, (x, y), layer)
    return Mark("receipt_stamp", (x, y, x + layer.width, y + layer.height), ink,
                (agency, f"เลขรับ {number}", f"วันที่ {when}", f"เวลา {clock}"))


def signature(img: Image.Image, rng: random.Random, box: tuple[int, int, int, int], ink: str = "blue",
              over_name: bool = False) -> Mark:
    """A looping pen stroke across ``box`` (the space above a typed name; ``over_name`` when it reaches it)."""
    x0, y0, x1, y1 = box
    d = ImageDraw.Draw(img)
    colour = INKS[ink]
    points = []
    n = rng.randint(5, 9)
    for i in range(n * 8):
        t = i / (n * 8 - 1)
        x = x0 + (x1 - x0) * t + math.sin(t * math.pi * n) * (x1 - x0) * 0.04
        y = (y0 + y1) / 2 + math.sin(t * math.pi * n * 1.7 + rng.random()) * (y1 - y0) * 0.45 * (1 - 0.5 * t)
        points.append((x, y))
    width = max(2, (y1 - y0) // 18)
    d.line(points, fill=colour, width=width, joint="curve")
    d.line([(x0 + (x1 - x0) * 0.1, y1 - 2), (x1, y1 - (y1 - y0) * 0.3)], fill=colour, width=width)
    return Mark("signature_over_name" if over_name else "signature", box, ink)


def seal(img: Image.Image, rng: random.Random, centre: tuple[int, int], dpi: int, text: str) -> Mark:
    """A round red agency seal (หนังสือประทับตรา) with its name around the rim."""
    r = int(dpi * 0.7)
    layer = Image.new("RGBA", (2 * r + 4, 2 * r + 4), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    colour = INKS["red"] + (rng.randint(150, 210),)
    d.ellipse([2, 2, 2 * r, 2 * r], outline=colour, width=max(2, dpi // 50))
    d.ellipse([r * 0.35, r * 0.35, r * 1.65, r * 1.65], outline=colour, width=max(1, dpi // 90))
    f = font("Loma", int(dpi * 0.1))
    _text(d, (r * 0.45, r * 0.9), text[:18], f, colour)
    x, y = centre[0] - r, centre[1] - r
    img.paste(layer, (x, y), layer)
    return Mark("seal", (x, y, x + layer.width, y + layer.height), "red", (text,))


def punch_holes(img: Image.Image, dpi: int, x: int) -> Mark:
    """Two filing holes 8 cm apart in the left margin (black: the copier saw through them)."""
    d = ImageDraw.Draw(img)
    r = int(dpi * 0.12)
    mid = img.height // 2
    gap = int(dpi * 8 / 2.54 / 2)
    for cy in (mid - gap, mid + gap):
        d.ellipse([x - r, cy - r, x + r, cy + r], fill=(30, 30, 30))
    return Mark("punch_holes", (x - r, mid - gap - r, x + r, mid + gap + r), "black")
