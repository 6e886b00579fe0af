"""Scans that look like an archive's: stamps, pens, holes, photocopies, with the truth of each mark.

The ``archive`` format of the corpus takes the clean 300 dpi page of each letter and adds what a
letter gathers between the printer and the archive's scanner:

* an emblem-like mark above the text of a first page (a stand-in for the Garuda);
* a receipt stamp in the top margin: a box, the receiving office, ``เลขรับ``, ``วันที่`` and
  ``เวลา`` printed, the number, date and time written in by hand (Purisa, the TLWG handwriting
  font), in blue, red or black, now and then over the print;
* a signature stroke in pen across the signer's bracketed name, found in the PDF's text layer;
* a short handwritten minute (เกษียณหนังสือ) in a margin; a pair of punched holes;
* photocopy or fax damage (hard threshold, toner specks, streaks), 150 to 300 dpi, skew up to 3
  degrees, colour JPEG for a colour scan.

Each file's marks are written to ``archive_artefacts.jsonl`` (``ArchiveMarks.to_dict``): which is a
stamp and what it says, which is a signature, where the letter is. The letter's own truth is the
corpus truth.jsonl: none of these marks is part of the letter.

>>> import random
>>> stamp = receipt_stamp(random.Random(3))
>>> stamp.text.splitlines()[1].startswith("เลขรับ"), stamp.received_no.isdigit()
(True, True)
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from dataclasses import asdict, dataclass, field
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.thai_chars import to_thai

HAND_FONT = "Purisa"  # fonts-thai-tlwg's handwriting-like face
PRINT_FONT = "Loma"
INKS = {"blue": (35, 55, 170), "red": (185, 35, 40), "black": (30, 30, 30)}
OFFICES = ("กลุ่มงานสารบรรณ", "งานสารบรรณกลาง", "สำนักงานเลขานุการ", "กองกลาง", "ฝ่ายบริหารทั่วไป", "กองนโยบายและแผน")
MINUTES = ("ทราบ", "เพื่อโปรดทราบ", "มอบ งานสารบรรณ ดำเนินการ", "ทราบ แจ้งทุกกลุ่ม", "เห็นควรแจ้งเวียน", "ดำเนินการ")
MONTHS_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


@cache
def font(family: str, size: int) -> ImageFont.FreeTypeFont:
    """A TLWG font by family name (fontconfig), at ``size`` pixels."""
    import subprocess

    path = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True).stdout
    return ImageFont.truetype(path, size)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A receipt stamp: ``Stamp(text="กลุ่มงานสารบรรณ\\nเลขรับ ๑๖๒๖\\n…", received_no="1626", received_date="2022-09-01", …)``."""

    text: str  # as printed and written, one line per row
    received_no: str
    received_date: str  # ISO
    received_time: str  # "15.41"
    ink: str
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, width, height on the final page


@dataclass(frozen=True, slots=True)
class ArchiveMarks:
    """What was added to one file's pages (boxes in the final page's pixels)."""

    file: str
    dpi: int
    skew_degrees: float
    colour: bool
    copy_damage: str  # "" | "photocopy" | "fax"
    stamps: list[dict] = field(default_factory=list)  # Stamp as dicts, with "page"
    signatures: list[dict] = field(default_factory=list)  # {"page", "box", "ink"}
    minutes: list[dict] = field(default_factory=list)  # {"page", "text", "box", "ink"}
    emblem: list[dict] = field(default_factory=list)  # {"page", "box"}
    holes: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def receipt_stamp(rng: random.Random, letter_date: dt.date | None = None) -> Stamp:
    """The stamp's content: received a few days after the letter's date (or on a day of 2560-2566)."""
    day = (letter_date or dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(2400))) + dt.timedelta(days=rng.randint(1, 12))
    number = str(rng.randint(12, 9999))
    time_text = f"{rng.randint(8, 16):02d}.{rng.randint(0, 59):02d}"
    thai = rng.random() < 0.5
    digits = to_thai if thai else str
    date_text = f"{digits(str(day.day))} {MONTHS_ABBR[day.month - 1]} {digits(str((day.year + 543) % 100))}"
    lines = [rng.choice(OFFICES), f"เลขรับ {digits(number)}", f"วันที่ {date_text}", f"เวลา {digits(time_text)} น."]
    return Stamp("\n".join(lines), number, day.isoformat(), time_text, rng.choice(("blue", "blue", "red", "black")))


def draw_stamp(stamp: Stamp, dpi: int) -> Image.Image:
    """The stamp as an RGBA image: a box, printed labels, handwritten values over dotted leaders."""
    scale = dpi / 300
    line_h = int(62 * scale)
    width, height = int(560 * scale), line_h * 4 + int(30 * scale)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ink = INKS[stamp.ink] + (235,)
    draw.rectangle((2, 2, width - 3, height - 3), outline=ink, width=max(2, int(4 * scale)))
    printed, hand = font(PRINT_FONT, int(34 * scale)), font(HAND_FONT, int(40 * scale))
    rows = stamp.text.split("\n")
    draw.text((width // 2, int(12 * scale)), rows[0], font=printed, fill=ink, anchor="mt")
    for i, row in enumerate(rows[1:], 1):
        label, value = row.split(" ", 1)
        y = int(12 * scale) + i * line_h
        draw.text((int(18 * scale), y), label, font=printed, fill=ink)
        x0 = int(18 * scale) + int(draw.textlength(label, font=printed)) + int(8 * scale)
        draw.text((x0, y + int(28 * scale)), "." * 40, font=printed, fill=ink)
        draw.text((x0 + int(30 * scale), y - int(6 * scale)), value, font=hand, fill=ink)
    return image.rotate(random.Random(stamp.received_no).uniform(-4, 4), expand=True, resample=Image.BICUBIC)


def signature_stroke(rng: random.Random, width: int, height: int, ink: str) -> Image.Image:
    """A pen signature: a few loops and a flourish (an RGBA image ``width`` x ``height``)."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    loops = rng.randint(2, 4)
    for k in range(120):
        t = k / 119
        x = width * (0.05 + 0.9 * t)
        y = height * (0.5 + 0.35 * math.sin(2 * math.pi * loops * t + rng.random()) * (1 - 0.5 * t))
        points.append((x + rng.uniform(-2, 2), y + rng.uniform(-2, 2)))
    draw.line(points, fill=INKS[ink] + (230,), width=max(3, height // 18), joint="curve")
    return image


def emblem(size: int) -> Image.Image:
    """A dark, symmetric emblem-like mark (a round head, spread wings, a base): a stand-in for the Garuda."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ink = (25, 25, 25, 255)
    c = size // 2
    draw.ellipse((c - size // 8, size // 10, c + size // 8, size // 10 + size // 4), fill=ink)
    for side in (-1, 1):
        draw.polygon([(c, size // 3), (c + side * size // 2, size // 5), (c + side * size // 3, size * 2 // 3)], fill=ink)
    draw.rectangle((c - size // 6, size * 2 // 3, c + size // 6, size * 9 // 10), fill=ink)
    return image


def paste(page: Image.Image, mark: Image.Image, at: tuple[int, int]) -> tuple[int, int, int, int]:
    """Paste an RGBA mark onto an RGB page (ink darkens, as ink on paper does); its box."""
    region = page.crop((at[0], at[1], at[0] + mark.width, at[1] + mark.height)).convert("RGB")
    alpha = np.asarray(mark.split()[-1], dtype=np.float32)[..., None] / 255
    under = np.asarray(region, dtype=np.float32)
    ink = np.asarray(mark.convert("RGB"), dtype=np.float32)
    mixed = under * (1 - alpha) + np.minimum(under, ink) * alpha
    page.paste(Image.fromarray(mixed.astype(np.uint8)), at)
    return (at[0], at[1], mark.width, mark.height)


def copy_damage(grey: np.ndarray, rng: random.Random, kind: str) -> np.ndarray:
    """A photocopy (toner specks, a streak, harder contrast) or a fax (a hard threshold, lost fine strokes)."""
    noise = np.random.default_rng(rng.getrandbits(32))
    out = grey.astype(np.float32)
    if kind == "fax":
        out = np.where(out < rng.uniform(120, 160), 0, 255).astype(np.float32)
    else:
        out = np.clip((out - 60) * 1.35, 0, 255)
        x = rng.randrange(out.shape[1])
        out[:, x:x + rng.randint(2, 6)] *= rng.uniform(0.55, 0.8)
    specks = noise.random(out.shape) < rng.uniform(0.0003, 0.0012)
    out[specks] = 0
    return out.clip(0, 255).astype(np.uint8)


def first_ink_row(grey: np.ndarray) -> int:
    rows = np.flatnonzero((grey < 128).sum(axis=1) > 3)
    return int(rows[0]) if rows.size else grey.shape[0]


def jpeg(page: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as im:
        return im.copy()


def age_page(clean: Image.Image, rng: random.Random, *, first: bool, signer_boxes: list, letter_date: dt.date | None,
             plan: dict) -> tuple[Image.Image, dict]:
    """One clean 300 dpi grey page made into an archive scan; the marks added (boxes before skew and resize)."""
    page = clean.convert("RGB")
    marks: dict = {"stamps": [], "signatures": [], "minutes": [], "emblem": []}
    grey = np.asarray(clean)
    top = first_ink_row(grey)
    if first and top > 330:
        size = min(300, top - 40)
        marks["emblem"].append({"box": paste(page, emblem(size), ((page.width - size) // 2, max(20, top - size - 20)))})
    if first and rng.random() < plan["stamp_share"]:
        stamp = receipt_stamp(rng, letter_date)
        drawn = draw_stamp(stamp, 300)
        at = (page.width - drawn.width - rng.randint(60, 260), rng.randint(40, max(41, top + 80)))
        box = paste(page, drawn, at)
        marks["stamps"].append({**asdict(stamp), "box": box})
    for box in signer_boxes:
        if rng.random() < 0.7:
            left, top_, width, height = box
            ink = "blue" if plan["colour"] else "black"
            stroke = signature_stroke(rng, int(width * 1.1), int(height * 2.2), ink)
            at = (max(0, left - int(width * 0.05)), max(0, top_ - int(height * 0.9)))
            marks["signatures"].append({"box": paste(page, stroke, at), "ink": ink})
    if first and rng.random() < 0.3:
        text = rng.choice(MINUTES)
        hand = font(HAND_FONT, 52)
        width = int(ImageDraw.Draw(page).textlength(text, font=hand)) + 20
        note = Image.new("RGBA", (width, 80), (0, 0, 0, 0))
        ink = rng.choice(("blue", "black"))
        ImageDraw.Draw(note).text((10, 5), text, font=hand, fill=INKS[ink] + (235,))
        note = note.rotate(rng.uniform(-8, 8), expand=True)
        at = (rng.randint(150, max(151, page.width - note.width - 150)), page.height - note.height - rng.randint(60, 200))
        marks["minutes"].append({"text": text, "box": paste(page, note, at), "ink": ink})
    if plan["holes"]:
        draw = ImageDraw.Draw(page)
        for y in (page.height // 2 - 470, page.height // 2 + 470):
            draw.ellipse((60, y - 40, 140, y + 40), fill=(45, 45, 45))
    return page, marks


def final_box(box: tuple[int, int, int, int], size: tuple[int, int], angle: float, dpi: int) -> list[int]:
    """A box on the clean 300 dpi page, where it lies on the finished page: rotated by ``angle`` degrees
    about the centre (as ``Image.rotate``, counter-clockwise) and scaled to ``dpi``; its bounding box."""
    left, top, width, height = box
    cx, cy = size[0] / 2, size[1] / 2
    a = math.radians(angle)
    xs, ys = [], []
    for x, y in ((left, top), (left + width, top), (left, top + height), (left + width, top + height)):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * math.cos(a) + dy * math.sin(a))
        ys.append(cy - dx * math.sin(a) + dy * math.cos(a))
    k = dpi / 300
    return [round(min(xs) * k), round(min(ys) * k), round((max(xs) - min(xs)) * k), round((max(ys) - min(ys)) * k)]


def finish(page: Image.Image, rng: random.Random, plan: dict, angle: float) -> Image.Image:
    """Skew (``angle``), damage, resolution and the file's colour for one aged page."""
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=(252, 252, 250))
    if not plan["colour"]:
        grey = np.asarray(page.convert("L"))
        if plan["damage"]:
            grey = copy_damage(grey, rng, plan["damage"])
        page = Image.fromarray(grey)
    arr = np.asarray(page, dtype=np.float32)
    arr = arr * rng.uniform(0.93, 1.0) + np.random.default_rng(rng.getrandbits(32)).normal(0, rng.uniform(3, 8), arr.shape)
    page = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    if plan["dpi"] != 300:
        page = page.resize((page.width * plan["dpi"] // 300, page.height * plan["dpi"] // 300), Image.LANCZOS)
    return jpeg(page, rng.randint(55, 85))


def plan_file(rng: random.Random) -> dict:
    """The look of one file: colour or grey, damage, resolution, skew, stamps, holes."""
    colour = rng.random() < 0.45
    return {"colour": colour, "damage": "" if colour else rng.choice(("", "", "photocopy", "fax")),
            "dpi": rng.choice((150, 200, 200, 300, 300)), "skew": rng.uniform(-3.0, 3.0),
            "stamp_share": 0.8, "holes": rng.random() < 0.3}


def signer_boxes(pdf_page, names: list[str], scale: float) -> list[tuple[int, int, int, int]]:
    """Where each signer's name is printed on a PDF page (pypdfium2 text search), in pixels at ``scale``."""
    textpage = pdf_page.get_textpage()
    height = pdf_page.get_height()
    boxes = []
    try:
        for name in names:
            searcher = textpage.search(name)
            found = searcher.get_next()
            if found is None:
                continue
            start, count = found
            rects = [textpage.get_charbox(i) for i in range(start, start + count)]
            left, right = min(r[0] for r in rects), max(r[2] for r in rects)
            bottom, top = min(r[1] for r in rects), max(r[3] for r in rects)
            boxes.append((int(left * scale), int((height - top) * scale), int((right - left) * scale), int((top - bottom) * scale)))
    finally:
        textpage.close()
    return boxes


def age_file(pdf_path, stem: str, truths: list[dict], seed: int) -> tuple[list[Image.Image], ArchiveMarks]:
    """Every page of a corpus PDF aged as an archive scan, and the marks added (final page pixels)."""
    import pypdfium2 as pdfium

    rng = random.Random(f"{seed}:archive:{stem}")
    plan = plan_file(rng)
    names = [t["signer_name"] for t in truths if t.get("signer_name")]
    letter_date = next((dt.date.fromisoformat(t["doc_date"]) for t in truths if t.get("doc_date")), None)
    pdf = pdfium.PdfDocument(str(pdf_path))
    pages, marks = [], ArchiveMarks(stem, plan["dpi"], round(plan["skew"], 2), plan["colour"], plan["damage"], holes=0)
    try:
        for number, pdf_page in enumerate(pdf, 1):
            scale = 300 / 72
            clean = pdf_page.render(scale=scale, grayscale=True).to_pil()
            aged, found = age_page(clean, rng, first=number == 1, signer_boxes=signer_boxes(pdf_page, names, scale),
                                   letter_date=letter_date, plan=plan)
            angle = plan["skew"] + rng.uniform(-0.2, 0.2)
            pages.append(finish(aged, rng, plan, angle))
            for kind, items in found.items():
                for item in items:
                    getattr(marks, kind).append({**item, "page": number,
                                                 "box": final_box(item["box"], clean.size, angle, plan["dpi"])})
            pdf_page.close()
    finally:
        pdf.close()
    return pages, ArchiveMarks(**{**marks.to_dict(), "holes": 2 * len(pages) if plan["holes"] else 0})


def write_archive_file(pdf_path, out_dir, stem: str, truths: list[dict], seed: int) -> tuple[str, dict]:
    """The aged scan of one file, as a colour JPEG or image-only PDF, or a grey PNG or TIFF; its marks."""
    from pathlib import Path

    pages, marks = age_file(pdf_path, stem, truths, seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dpi = (marks.dpi, marks.dpi)
    if marks.colour:
        pages = [p.convert("RGB") for p in pages]
        if len(pages) == 1:
            path = out_dir / f"{stem}.jpg"
            pages[0].save(path, quality=80, dpi=dpi)
        else:
            path = out_dir / f"{stem}.pdf"
            pages[0].save(path, save_all=True, append_images=pages[1:], resolution=marks.dpi)
    else:
        pages = [p.convert("L") for p in pages]
        if len(pages) == 1:
            path = out_dir / f"{stem}.png"
            pages[0].save(path, dpi=dpi)
        else:
            path = out_dir / f"{stem}.tif"
            pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=dpi)
    return path.name, marks.to_dict()
