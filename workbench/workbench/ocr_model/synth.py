"""Render training lines the way Tesseract hands them to the digit reader: a scanned line, cropped.

>>> import random
>>> image, label = sample(random.Random(1))
>>> # image: float32 (32, W) ink 1 / paper 0;  label: "x ๐๐๑๗.๒ / x ๒๐๕๕"

A line of ``lines.random_line`` text is drawn with Pillow (raqm layout) in a TLWG font at the size of
14-18 pt at 300 dpi (sometimes smaller or larger), with neighbouring lines above and below; then the
damage of a scan: rotation within ±1°, thicker or thinner strokes, gaussian blur σ 0-1.2, grey ink
and paper, noise, an occasional global threshold, JPEG quality 30-90. The crop is the line's ink box
moved by a few pixels on each side (Tesseract's line boxes are not exact) plus the same margin the
runtime adds (``thai_digits.crop_box``). Everything is drawn from the ``random.Random`` passed in, so
a seed fixes the data.
"""

from __future__ import annotations

import io
import random
import subprocess
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.ocr.digits.reader import crop_box, prepare, reduce_text
from workbench.ocr_model.lines import random_line

FAMILIES = (
    ("Laksaman", 0.34), ("Garuda", 0.1), ("Loma", 0.1), ("Kinnari", 0.1), ("Norasi", 0.1),
    ("Umpush", 0.09), ("Waree", 0.09), ("Sawasdee", 0.08),
)
PT_AT_300DPI = 300 / 72


@lru_cache(maxsize=64)
def font_file(family: str, bold: bool = False) -> str:
    """Path of a TLWG font via fontconfig: ``font_file("Laksaman")`` -> ``/usr/share/.../Laksaman.ttf``."""
    pattern = f"{family}:style={'Bold' if bold else 'Regular'}"
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True).stdout
    if family.lower() not in path.lower():
        raise RuntimeError(f"font {family} is not installed (fc-match gave {path!r}); apt-get install fonts-thai-tlwg")
    return path


@lru_cache(maxsize=256)
def _font(family: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(family, bold), size)


def pick_font(rng: random.Random) -> ImageFont.FreeTypeFont:
    """A weighted-random TLWG face at 12-20 pt (mostly 14-18 pt) expressed in 300-dpi pixels."""
    family = rng.choices([f for f, _ in FAMILIES], weights=[w for _, w in FAMILIES])[0]
    pt = rng.uniform(14, 18) if rng.random() < 0.8 else rng.uniform(11, 21)
    return _font(family, rng.random() < 0.12, round(pt * PT_AT_300DPI))


def draw_lines(rng: random.Random, text: str, font: ImageFont.FreeTypeFont) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """White strip with ``text`` and maybe parts of the lines above and below; returns it and the ink box of ``text``."""
    size = font.size
    left, top, right, bottom = font.getbbox(text)
    pitch = round(size * rng.uniform(1.2, 1.7))
    x0, y0 = size, pitch
    image = Image.new("L", (right + 2 * size, 2 * pitch + bottom), 255)
    draw = ImageDraw.Draw(image)
    draw.text((x0, y0), text, font=font, fill=0)
    ink = np.asarray(image) < 128
    rows, cols = np.where(ink.any(1))[0], np.where(ink.any(0))[0]
    box = (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)
    for dy in (-pitch, pitch):
        if rng.random() < 0.5:
            neighbour = random_line(rng, max_chars=max(8, len(text)))
            draw.text((x0 + rng.randint(-size, size), y0 + dy), neighbour, font=font, fill=0)
    return image, box


def _rotate(image: Image.Image, box: tuple[int, int, int, int], degrees: float):
    """Rotate about the box centre (no expand) and return the rotated image and the box around the ink."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rotated = image.rotate(degrees, resample=Image.BILINEAR, center=(cx, cy), fillcolor=255)
    t = np.deg2rad(degrees)
    half_w = (box[2] - box[0]) / 2
    drift = abs(np.sin(t)) * half_w  # the ends of a long line move up and down
    grow = round(drift)
    return rotated, (box[0] - 2, box[1] - grow, box[2] + 2, box[3] + grow)


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    """Scan damage on a 300-dpi strip: strokes, blur, grey ink and paper, noise, threshold, JPEG."""
    r = rng.random()
    if r < 0.12:
        image = image.filter(ImageFilter.MinFilter(3))  # heavier print
    elif r < 0.2:
        image = image.filter(ImageFilter.MaxFilter(3))  # faint print
    sigma = rng.uniform(0, 1.2)
    if sigma > 0.15:
        image = image.filter(ImageFilter.GaussianBlur(sigma))
    a = np.asarray(image, dtype=np.float32) / 255
    ink, paper = rng.uniform(0, 90), rng.uniform(185, 255)
    a = paper + (ink - paper) * (1 - a)
    gen = np.random.default_rng(rng.getrandbits(32))
    a += gen.standard_normal(a.shape, dtype=np.float32) * rng.uniform(0, 14)
    if rng.random() < 0.12:
        a = np.where(a < rng.uniform(100, 180), ink, paper)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if rng.random() < 0.85:
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=rng.randint(30, 90))
        out = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return out


def jitter(box: tuple[int, int, int, int], rng: random.Random, size: int) -> tuple[int, int, int, int]:
    """Move each side of the ink box a little, mostly outwards, as Tesseract's line boxes do."""
    s = size / 67  # 16 pt at 300 dpi
    return (box[0] - round(rng.uniform(-6, 14) * s), box[1] - round(rng.uniform(-5, 10) * s),
            box[2] + round(rng.uniform(-6, 14) * s), box[3] + round(rng.uniform(-5, 10) * s))


def sample(rng: random.Random, max_chars: int = 40) -> tuple[np.ndarray, str]:
    """One training pair: the prepared line image (H x W float32) and its reduced label."""
    text = random_line(rng, max_chars)
    font = pick_font(rng)
    image, box = draw_lines(rng, text, font)
    pad = font.size + 30  # room for the rotation, the jitter and the margin; rotating less is faster
    region = (max(0, box[0] - pad), max(0, box[1] - pad), box[2] + pad, box[3] + pad)
    image, box = image.crop(region), (box[0] - region[0], box[1] - region[1], box[2] - region[0], box[3] - region[1])
    image, box = _rotate(image, box, rng.uniform(-1, 1))
    left, top, right, bottom = jitter(box, rng, font.size)
    crop = degrade(image.crop(crop_box((left, top, right - left, bottom - top), image.size)), rng)
    return prepare(crop)[0, 0], reduce_text(text)
