"""Scans: the corpus PDF rasterised (pypdfium2, 150–300 dpi) and worn the way archive copies are.

Per file one ``ScanStyle``: grey, colour (RGB with a blue or red receipt stamp), photocopy (binarised,
toner speckle, streaks) or fax (coarse, binary); skew up to 3°, uneven light, blur, JPEG at some
quality. On each letter's first page a receipt stamp ``เลขรับ ๑๒๓๔ / วันที่ ๑๒ ม.ค. ๖๖ / เวลา ๑๐.๓๐ น.``
with hand-like digits, a blue pen stroke above the signer's typed name, a seal on stamped letters, now
and then filing holes and a hand-written margin note. Written as PNG, JPEG, TIFF (multi-page too) or
an image-only PDF; what was drawn where goes to ``artefacts.jsonl``.
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from workbench.second_renderer import marks
from workbench.second_renderer.model import Letter
from workbench.second_renderer.thai import date_text, digits


@dataclass(frozen=True, slots=True)
class ScanStyle:
    """``ScanStyle("colour", 200, -1.4, 0.6, 70, "jpg", True, False)``."""

    mode: str  # grey | colour | photocopy | fax
    dpi: int
    skew: float  # degrees, counter-clockwise
    blur: float  # Gaussian radius at 300 dpi
    jpeg_quality: int | None
    container: str  # png | jpg | tif | pdf
    holes: bool
    note: bool

    @staticmethod
    def plain(rng: random.Random, pages: int) -> ScanStyle:
        """A clean archive scan: grey, 300 dpi, under 1° of skew, light blur, lossless, nothing drawn."""
        container = "tif" if pages > 1 else rng.choice(("png", "tif"))
        return ScanStyle("grey", 300, round(rng.uniform(-1.0, 1.0), 2), round(rng.uniform(0.0, 0.6), 2), None,
                         container, False, False)

    @staticmethod
    def pick(rng: random.Random, pages: int) -> ScanStyle:
        mode = rng.choices(("grey", "colour", "photocopy", "fax"), (42, 33, 18, 7))[0]
        dpi = rng.choices((300, 250, 200, 180, 150), (30, 20, 25, 13, 12))[0] if mode != "fax" else rng.choice((200, 150))
        skew = rng.uniform(-0.8, 0.8) if rng.random() < 0.6 else rng.uniform(-3.0, 3.0)
        if pages > 1:
            container = rng.choice(("tif", "pdf"))
        elif mode in ("photocopy", "fax"):
            container = rng.choice(("png", "tif", "pdf"))
        else:
            container = rng.choices(("png", "jpg", "tif", "pdf"), (25, 40, 15, 20))[0]
        quality = rng.randint(35, 92) if container in ("jpg", "pdf", "tif") and mode in ("grey", "colour") else None
        return ScanStyle(mode, dpi, round(skew, 2), round(rng.uniform(0.0, 1.1), 2), quality, container,
                         rng.random() < 0.2, rng.random() < 0.25)


def _find(texts: list[dict], needle: str, dpi: int, last: bool = False) -> tuple[int, tuple[int, int, int, int]] | None:
    """(page index, pixel box) of the first (or ``last``) occurrence of ``needle`` in the PDF's text."""
    if not needle:
        return None
    k = dpi / 72
    found = None
    for i, t in enumerate(texts):
        searcher = t["textpage"].search(needle, match_case=True)
        while (hit := searcher.get_next()) is not None:
            index, count = hit
            boxes = [t["textpage"].get_charbox(j) for j in range(index, index + count)]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
            h = t["height"]
            found = i, (int(left * k), int((h - top) * k), int(right * k), int((h - bottom) * k))
            if not last:
                return found
    return found


def _receipt_values(rng: random.Random, letter: Letter) -> tuple[str, str, str, str]:
    import datetime as dt

    style = "thai" if rng.random() < 0.7 else "arabic"
    day = dt.date.fromisoformat(letter.truth["doc_date"]) + dt.timedelta(days=rng.randint(1, 9))
    when = date_text(day, "abbr", style, short_year=True)
    clock = digits(f"{rng.randint(8, 16)}.{rng.choice(('00', '15', '30', '45', '10', '50'))} น.", style)
    agency = rng.choice(("งานสารบรรณ", "กลุ่มงานอำนวยการ", "สำนักงานเลขานุการ", "ฝ่ายบริหารทั่วไป"))
    return agency, digits(str(rng.randint(1, 4999)), style), when, clock


NOTES = (("เรียน ผอ.", "เพื่อโปรดทราบ"), ("ทราบ", "มอบงานบริหาร"), ("เรียน หน.", "เห็นควรแจ้งเวียน"), ("ดำเนินการ",))


def _draw(images: list[Image.Image], texts: list[dict], letters: list[Letter], s: ScanStyle,
          rng: random.Random) -> list[list[marks.Mark]]:
    drawn: list[list[marks.Mark]] = [[] for _ in images]
    dpi = s.dpi
    ink = "blue" if s.mode != "colour" or rng.random() < 0.7 else "red"
    for letter in letters:
        t = letter.truth
        start = _find(texts, (t.get("subject") or "")[:10], dpi) or _find(texts, "บันทึกข้อความ", dpi)
        page = start[0] if start else 0
        img = images[page]
        if rng.random() < 0.7:
            overlap = rng.random() < 0.3
            x = int(img.width * rng.uniform(0.52, 0.68))
            y = int(img.height * (rng.uniform(0.07, 0.13) if overlap else rng.uniform(0.005, 0.03)))
            drawn[page].append(marks.receipt_stamp(img, rng, (x, y), dpi, ink, *_receipt_values(rng, letter)))
        if t.get("signer_name"):
            found = _find(texts, f"({t['signer_title']}{t['signer_name']})", dpi)
            if found:
                p, (x0, y0, x1, y1) = found
                line = y1 - y0
                # above the typed name as a rule; now and then the pen runs into it
                low = y0 + int(0.3 * line) if rng.random() < 0.2 else y0 - int(0.15 * line)
                box = (x0 - int(0.1 * (x1 - x0)), low - int(1.7 * line), x1 + int(0.05 * (x1 - x0)), low)
                drawn[p].append(marks.signature(images[p], rng, box, over_name=low > y0))
        if letter.kind == "stamped" and t.get("issuer"):
            found = _find(texts, t["issuer"][:12], dpi, last=True)  # the office above the date, not the body
            if found:
                p, (x0, y0, x1, y1) = found
                drawn[p].append(marks.seal(images[p], rng, ((x0 + x1) // 2, y0 - (y1 - y0)), dpi, t["issuer"]))
                drawn[p].append(marks.signature(images[p], rng, (x1, y0 - (y1 - y0), x1 + (x1 - x0) // 3, y1)))
    if s.holes:
        drawn[0].append(marks.punch_holes(images[0], dpi, int(dpi * 0.45)))
    if s.note:
        img = images[-1]
        note = rng.choice(NOTES)
        y = int(img.height * rng.uniform(0.8, 0.86))
        hand = marks.font("Purisa", int(dpi * 0.16))
        from PIL import ImageDraw

        d = ImageDraw.Draw(img)
        x = int(img.width * rng.uniform(0.08, 0.15))
        for i, line in enumerate(note):
            d.text((x, y + i * int(dpi * 0.24)), line, font=hand, fill=marks.INKS["blue"], language="th")
        box = (x, y, x + int(dpi * 2.0), y + len(note) * int(dpi * 0.24))
        drawn[-1].append(marks.Mark("margin_note", box, "blue", note))
    return drawn


def _rotate_box(box, angle: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """Axis-aligned box around ``box`` after the page turned ``angle`` degrees counter-clockwise."""
    cx, cy = size[0] / 2, size[1] / 2
    a = math.radians(angle)
    pts = []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        pts.append((cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a)))
    return (int(min(p[0] for p in pts)), int(min(p[1] for p in pts)), int(max(p[0] for p in pts)),
            int(max(p[1] for p in pts)))


def _wear(img: Image.Image, s: ScanStyle, rng: random.Random) -> Image.Image:
    """Skew, light, blur, noise and the copier's or fax's damage."""
    seed = rng.randint(0, 2**31 - 1)
    noise = np.random.default_rng(seed)
    if s.mode == "colour":
        paper = np.array([rng.randint(236, 252), rng.randint(232, 248), rng.randint(215, 240)], dtype=np.float32)
        arr = np.asarray(img, dtype=np.float32) / 255.0 * paper
    else:
        arr = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - rng.uniform(0.0, 0.22) * ((xx / w - rng.random()) ** 2 + (yy / h - rng.random()) ** 2)
    arr = arr * (light[..., None] if arr.ndim == 3 else light)
    arr = arr + noise.normal(0, rng.uniform(2, 9), arr.shape)
    if s.mode in ("photocopy", "fax"):
        if rng.random() < 0.6:  # streaks down the page
            for _ in range(rng.randint(1, 4)):
                x = rng.randint(0, w - 3)
                arr[:, x:x + rng.randint(1, 3)] -= rng.uniform(60, 140)
        specks = noise.random((h, w)) < rng.uniform(0.0005, 0.003)
        arr[specks] = 0
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    fill = (250, 248, 240) if out.mode == "RGB" else 250
    out = out.rotate(s.skew, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    radius = s.blur * s.dpi / 300
    if radius > 0.15:
        out = out.filter(ImageFilter.GaussianBlur(radius))
    if s.mode in ("photocopy", "fax"):
        if s.mode == "fax":
            small = out.resize((w, max(1, h // 2)), Image.BILINEAR)
            out = small.resize((w, h), Image.NEAREST)
        level = rng.randint(120, 170)
        out = out.point(lambda v: 255 if v > level else 0).convert("1")
    return out


def scan_file(pdf_path: Path, out_dir: Path, stem: str, letters: list[Letter], rng: random.Random,
              plain: bool = False) -> tuple[Path, dict]:
    """Scan one corpus PDF to ``out_dir/<stem>.<container>``; returns the path and its artefacts row.
    ``plain``: a clean grey 300 dpi scan with no stamp, signature, seal, hole or note."""
    out_dir.mkdir(parents=True, exist_ok=True)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    s = ScanStyle.plain(rng, len(doc)) if plain else ScanStyle.pick(rng, len(doc))
    images, texts = [], []
    for page in doc:
        images.append(page.render(scale=s.dpi / 72).to_pil().convert("RGB"))
        texts.append({"textpage": page.get_textpage(), "height": page.get_height()})
    drawn = [[] for _ in images] if plain else _draw(images, texts, letters, s, rng)
    pages = [_wear(img, s, rng) for img in images]
    path = out_dir / f"{stem}.{s.container}"
    dpi = (s.dpi, s.dpi)
    if s.container == "jpg":
        pages[0].convert("RGB" if pages[0].mode == "RGB" else "L").save(path, "JPEG", quality=s.jpeg_quality, dpi=dpi)
    elif s.container == "png":
        pages[0].save(path, "PNG", dpi=dpi)
    elif s.container == "tif":
        extra = {"compression": "group4"} if pages[0].mode == "1" else {"compression": "jpeg", "quality": s.jpeg_quality or 80}
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], dpi=dpi, **extra)
    else:
        flat = [p.convert("L") if p.mode == "1" else p for p in pages]
        flat[0].save(path, "PDF", save_all=True, append_images=flat[1:], resolution=float(s.dpi),
                     quality=s.jpeg_quality or 85)
    size = images[0].size
    info = {**asdict(s), "pages": [
        {"page": i + 1, "size": list(size), "marks": [
            {**asdict(m), "box_skewed": list(_rotate_box(m.box, s.skew, size))} for m in page_marks]}
        for i, page_marks in enumerate(drawn)]}
    for page in texts:
        page["textpage"].close()
    doc.close()
    return path, info
