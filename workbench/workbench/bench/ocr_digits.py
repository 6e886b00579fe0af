"""Thai-digit accuracy and speed of OCR on realistic scans: stock Tesseract vs Tesseract + thai-digits.

    OMP_THREAD_LIMIT=1 .venv/bin/python -m workbench.bench.ocr_digits --letters 12 --seed 11

Pages: the sample letter (tests/fixtures/angthong_2562_computer_systems.txt) and ``--letters``
synthetic letters (``letter_text``), typeset by LibreOffice in Laksaman 16 pt, rasterised with
``pdftoppm -r 300 -gray``, then scanned: rotation within ±0.8°, gaussian blur σ 0.3-1.0, noise σ 3-10,
JPEG quality 40-85 (seeded). The truth of a page is its PDF text layer. Thai-digit accuracy is
1 - edit distance / digits over each page's sequence of Thai digits, summed over pages. Speed: a pool
of one process per core runs each variant over all pages; pages/s is pages / wall time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.thai_chars import ARABIC_DIGITS, THAI_DIGITS, to_thai
from workbench.bench.pdf_readers import CACHE, SAMPLE, docx_to_pdf, levenshtein, pypdfium2_pages
from workbench.ocr_model.lines import FULL_MONTHS, number

OUT = CACHE / "ocr_digits"
RE_THAI_DIGIT = re.compile(f"[{THAI_DIGITS}]")
RE_ARABIC_DIGIT = re.compile(f"[{ARABIC_DIGITS}]")
UNITS = ("สำนักงานจังหวัดสระบุรี", "ที่ทำการปกครองจังหวัดลพบุรี", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยนาท",
         "กองคลัง กรมส่งเสริมการปกครองท้องถิ่น", "สำนักงานพัฒนาชุมชนจังหวัดสิงห์บุรี")
SUBJECTS = ("ขอเชิญประชุมคณะกรรมการพัฒนาจังหวัด", "การเบิกจ่ายงบประมาณรายจ่ายประจำปี", "ขอความร่วมมือรายงานผลการดำเนินงาน",
            "การจัดสรรเงินอุดหนุนทั่วไป", "แนวทางการปฏิบัติงานด้านสารบรรณ")


def _thai(n: int) -> str:
    return to_thai(str(n))


def _date(rng: random.Random) -> str:
    return f"{_thai(rng.randint(1, 31))} {rng.choice(FULL_MONTHS)} ๒๕{number(rng, 2)}"


def _ref(rng: random.Random) -> str:
    return f"{rng.choice(('มท', 'สบ', 'ลบ', 'ชน'))} {number(rng, 4)}.{number(rng, 1)}/ว {number(rng, rng.randint(2, 4), lead_zero=False)}"


def letter_text(rng: random.Random) -> str:
    """One letter-like text, a line per paragraph: ``"ที่ มท ๐๘๑๖.๓/ว ๑๒๓๔ ... วันที่ ๙ มีนาคม ๒๕๖๓"``."""
    unit = rng.choice(UNITS)
    lines = [
        "บันทึกข้อความ",
        f"ส่วนราชการ {unit} โทร. ๐-{number(rng, 4)}-{number(rng, 4)}",
        f"ที่ {_ref(rng)} วันที่ {_date(rng)}",
        f"เรื่อง {rng.choice(SUBJECTS)}",
        f"เรียน ผู้ว่าราชการจังหวัด{rng.choice(('สระบุรี', 'ลพบุรี', 'ชัยนาท'))}",
        f"อ้างถึง หนังสือ{unit} ที่ {_ref(rng)} ลงวันที่ {_date(rng)}",
        f"สิ่งที่ส่งมาด้วย ๑. แบบรายงานผล จำนวน {_thai(rng.randint(1, 20))} ฉบับ",
        f"ตามที่ {unit} ได้จัดประชุมครั้งที่ {_thai(rng.randint(1, 12))}/๒๕{number(rng, 2)} เมื่อวันที่ {_date(rng)} "
        f"เวลา {number(rng, 2)}.{number(rng, 2)} น. ณ ห้องประชุม ชั้น {_thai(rng.randint(1, 9))} "
        f"โดยมีงบประมาณ {_thai(rng.randint(1, 999))},{number(rng, 3)}.{number(rng, 2)} บาท นั้น",
        f"ในการนี้ ขอให้รายงานผลภายในวันที่ {_date(rng)} ทางโทรสาร ๐ {number(rng, 4)} {number(rng, 4)} "
        f"หรือ e-mail: saraban{rng.randint(10, 99)}@moi.go.th และตรวจสอบที่ http://{number(rng, 3)}.{number(rng, 3)}.{number(rng, 2)}.{number(rng, 3)}/doc",
        f"ทั้งนี้ ให้ถือปฏิบัติตั้งแต่วันที่ {_date(rng)} เป็นต้นไป ตามระเบียบฯ ข้อ {_thai(rng.randint(1, 40))} "
        f"และมาตรา {_thai(rng.randint(1, 200))} (ไม่เกิน {_thai(rng.randint(1, 99))},{number(rng, 3)} บาท)",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ขอแสดงความนับถือ",
        f"{unit}",
        f"โทร. ๐-{number(rng, 4)}-{number(rng, 4)} ต่อ {number(rng, 3)} โทรสาร ๐-{number(rng, 4)}-{number(rng, 4)}",
    ]
    return "\n".join(lines)


def build_pdf(texts: list[str], out: Path) -> Path:
    """All texts in one .docx (Laksaman 16 pt, a page break between texts) -> one PDF via LibreOffice."""
    import docx
    from docx.enum.text import WD_BREAK

    from workbench.bench.pdf_readers import build_docx

    path = build_docx("", out / "letters.docx")
    doc = docx.Document(str(path))
    for i, text in enumerate(texts):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for line in text.split("\n"):
            doc.add_paragraph(line)
    doc.save(str(path))
    return docx_to_pdf(path, out)


def scan(png: Path, seed: int):
    """A page rendering made to look scanned (rotation, blur, noise, JPEG), as a greyscale PIL image."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    image = Image.open(png).convert("L")
    image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    a = np.asarray(image, dtype=np.float32)
    a = a + np.random.default_rng(seed).normal(0, rng.uniform(3, 10), a.shape)
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(buf, format="JPEG", quality=rng.randint(40, 85))
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def make_pages(letters: int, seed: int, out: Path = OUT) -> list[tuple[Path, str]]:
    """(scan PNG, truth text) for every non-empty page; cached in ``out`` by the arguments."""
    out = out / f"s{seed}_n{letters}"
    index = out / "pages.json"
    if index.exists():
        return [(Path(p), t) for p, t in json.loads(index.read_text(encoding="utf-8"))]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = [SAMPLE.read_text(encoding="utf-8")] + [letter_text(rng) for _ in range(letters)]
    pdf = build_pdf(texts, out)
    truths = pypdfium2_pages(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(out / "page")], check=True)
    pages = []
    for i, (png, truth) in enumerate(zip(sorted(out.glob("page-*.png")), truths, strict=True)):
        if not RE_THAI_DIGIT.search(truth):
            continue
        path = out / f"scan-{i + 1:03d}.png"
        scan(png, seed * 1000 + i).save(path)
        pages.append((str(path), truth))
    index.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return [(Path(p), t) for p, t in pages]


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page through one variant: its text, the seconds spent, and of those the post-processing."""

    text: str
    seconds: float
    post: float = 0.0


def _run_stock(path: str) -> PageResult:
    """Tesseract alone on the grey page (the Thai model, psm 11), as the product's engine runs it."""
    from PIL import Image

    from pipeline.ocr.options import PSM, OcrOptions
    from pipeline.ocr.tesseract import TesseractEngine

    start = time.perf_counter()
    text = TesseractEngine().read(Image.open(path), langs=OcrOptions().langs, psm=PSM).text
    return PageResult(text, time.perf_counter() - start)


def _run_ours(path: str) -> PageResult:
    """The OCR path step by step (binarise, Tesseract, the steps, layout), so that the steps' share is
    timed on the same page."""
    from PIL import Image

    from pipeline.ocr import engine_for, layout
    from pipeline.ocr.binarize import binarize
    from pipeline.ocr.engine import PageScan
    from pipeline.ocr.options import PSM
    from pipeline.ocr.steps import steps_for

    options = _options()
    scan = PageScan(Image.open(path), engine_for(options), options)
    start = time.perf_counter()
    page = binarize(scan.image) if options.binarize else scan.image
    result = scan.engine.read(page, langs=options.langs, psm=PSM)
    middle = time.perf_counter()
    for step in steps_for(options):
        result = step.run(scan, result)
    text = layout.render(result)
    end = time.perf_counter()
    return PageResult(text, end - start, end - middle)


def _options():
    """The OCR switches of this run, from the ``SARABAN_OCR_*`` environment, as ``saraban ingest`` reads them."""
    from pipeline.ocr import OcrOptions

    return OcrOptions.from_env(os.environ)


def run_variant(fn, paths: list[str], procs: int) -> tuple[list[PageResult], float]:
    """Results in page order and the wall time, with ``procs`` worker processes."""
    start = time.perf_counter()
    with ProcessPoolExecutor(procs) as pool:
        results = list(pool.map(fn, paths))
    return results, time.perf_counter() - start


def digit_errors(truth: str, got: str, pattern: re.Pattern = RE_THAI_DIGIT) -> tuple[int, int]:
    """(edit distance, number of digits) between the digit sequences of two page texts.

    >>> digit_errors("ที่ อท ๐๐๑๗.๒ วันที่ ๒๖", "ที อท ๐๐๑๓.๒ วันที ๒๐")
    (2, 7)
    """
    t, g = "".join(pattern.findall(truth)), "".join(pattern.findall(got))
    return levenshtein(t, g), len(t)


def accuracy(truths: list[str], texts: list[str], pattern: re.Pattern = RE_THAI_DIGIT) -> tuple[float, int, int]:
    """(1 - errors / digits, errors, digits) summed over pages."""
    errors = digits = 0
    for truth, text in zip(truths, texts, strict=True):
        e, n = digit_errors(truth, text, pattern)
        errors, digits = errors + e, digits + n
    return 1 - errors / max(digits, 1), errors, digits


def numbers_exact(truths: list[str], texts: list[str]) -> tuple[int, int]:
    """(numbers found exactly, numbers): each Thai-digit run of a truth page, punctuation included, must
    turn up as a run of the OCR page (``"๐๐๑๗.๒"``, ``"๕๐๐,๐๐๐"``), counted as multisets."""
    from collections import Counter

    from pipeline.ocr.digits.align import RE_MODEL_RUN

    found = total = 0
    for truth, text in zip(truths, texts, strict=True):
        want = Counter(r for r in RE_MODEL_RUN.findall(truth) if RE_THAI_DIGIT.search(r))
        got = Counter(RE_MODEL_RUN.findall(text))
        found += sum(min(n, got[r]) for r, n in want.items())
        total += sum(want.values())
    return found, total


def report(truths: list[str], stock: list[PageResult], ours: list[PageResult], walls: tuple[float, float], procs: int) -> str:
    """Markdown table of the figures."""
    from pipeline.ocr import engine_for, reader_name

    options = _options()
    ours_name = reader_name(options, engine_for(options))
    rows = ["| variant | Thai-digit accuracy | errors / Thai digits | numbers exact | Arabic-digit errors / digits | pages/s | s/page (one process) |",
            "|---|---|---|---|---|---|---|"]
    for name, res, wall in (("stock " + ours_name.split(" + ")[0], stock, walls[0]), (ours_name, ours, walls[1])):
        texts = [r.text for r in res]
        acc, err, n = accuracy(truths, texts)
        _, arabic_err, arabic_n = accuracy(truths, texts, RE_ARABIC_DIGIT)
        per_page = sum(r.seconds for r in res) / len(res)
        found, numbers = numbers_exact(truths, texts)
        rows.append(f"| {name} | {acc:.4f} | {err} / {n} | {found / max(numbers, 1):.4f} ({found} / {numbers}) | {arabic_err} / {arabic_n} "
                    f"| {len(res) / wall:.2f} | {per_page:.2f} |")
    post = sum(r.seconds for r in ours) / max(sum(r.seconds - r.post for r in ours), 1e-9)
    rows.append(f"\n{len(truths)} pages, {procs} processes, OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', '')}; "
                f"wall-time ratio ours / stock {walls[1] / walls[0]:.2f}; within the ours run, "
                f"(tesseract + post-processing) / tesseract = {post:.3f} "
                f"({sum(r.post for r in ours) / len(ours) * 1000:.0f} ms of post-processing per page)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--letters", type=int, default=12)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--show", action="store_true", help="print the pages where digits differ")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pages = make_pages(args.letters, args.seed)
    paths, truths = [str(p) for p, _ in pages], [t for _, t in pages]
    stock, wall_stock = run_variant(_run_stock, paths, args.procs)
    ours, wall_ours = run_variant(_run_ours, paths, args.procs)
    if args.show:
        for path, truth, s, o in zip(paths, truths, stock, ours, strict=True):
            print(f"== {path}: stock {digit_errors(truth, s.text)} ours {digit_errors(truth, o.text)}")
            print("truth:", "".join(RE_THAI_DIGIT.findall(truth)))
            print("ours: ", "".join(RE_THAI_DIGIT.findall(o.text)))
    print(report(truths, stock, ours, (wall_stock, wall_ours), args.procs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
