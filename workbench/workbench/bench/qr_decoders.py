"""QR decoders on scanned letter pages: zbar (pyzbar) against OpenCV's detectors, found and time.

    .venv/bin/python -m workbench.bench.qr_decoders --pages 60 --seed 3

Each page is a scanned letter page of the corpus (or a blank A4 page when none is given) with a QR
code of a web address pasted where letters print one (the foot or the top right), at a module size
of 2 to 6 pixels, then damaged as archives are: rotation up to 3 degrees, blur, noise, JPEG, and a
downscale to 150 or 200 dpi for some. A third of the pages carry no code: a decoder must find
nothing there. Prints a Markdown table: pages decoded right, wrong or spurious readings, ms per page.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

URLS = ("https://www.moi.go.th/moi/circular/2566/0810.5-w1234", "http://www.saraban.go.th/doc?id=8812",
        "https://forms.gle/x7Qd2kL9mPq", "http://123.242.159.135/web", "https://obec.go.th/archives/48213")


@dataclass(frozen=True, slots=True)
class TestPage:
    image: Image.Image
    text: str  # the code's content; "" for a page without a code


def _qr(text: str, module: int) -> Image.Image:
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=module, border=4)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def make_page(rng: random.Random, base: Image.Image, with_code: bool) -> TestPage:
    page = base.convert("L").copy()
    text = ""
    if with_code:
        text = rng.choice(URLS)
        code = _qr(text, rng.choice((2, 3, 4, 5, 6)))
        x = rng.choice((page.width - code.width - 150, 150))
        y = rng.choice((page.height - code.height - 200, 150))
        page.paste(code, (max(0, x), max(0, y)))
    page = page.rotate(rng.uniform(-3, 3), resample=Image.BICUBIC, fillcolor=255, expand=False)
    if rng.random() < 0.5:
        page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    a = np.asarray(page, dtype=np.float32) + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(2, 10), page.size[::-1])
    page = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        dpi = rng.choice((150, 200))
        page = page.resize((page.width * dpi // 300, page.height * dpi // 300), Image.BILINEAR)
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=rng.choice((50, 70, 90)))
    return TestPage(Image.open(io.BytesIO(buf.getvalue())).convert("L"), text)


def zbar(image: Image.Image) -> list[str]:
    from pyzbar import pyzbar

    return [s.data.decode("utf-8", "replace") for s in pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])]


def opencv(image: Image.Image) -> list[str]:
    import cv2

    ok, texts, _, _ = cv2.QRCodeDetector().detectAndDecodeMulti(np.asarray(image))
    return [t for t in texts if t] if ok else []


def opencv_aruco(image: Image.Image) -> list[str]:
    import cv2

    ok, texts, _, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(np.asarray(image))
    return [t for t in texts if t] if ok else []


DECODERS: dict[str, Callable[[Image.Image], list[str]]] = {"zbar (pyzbar)": zbar, "OpenCV QRCodeDetector": opencv,
                                                             "OpenCV QRCodeDetectorAruco": opencv_aruco}
# pyzbar and segno: pip install -e './workbench[bench]' (pyzbar also needs Debian's libzbar0)


def score(decode: Callable[[Image.Image], list[str]], pages: list[TestPage]) -> tuple[int, int, int, int, float]:
    """(codes read right, codes, wrong or spurious readings, pages without a code, ms per page)."""
    right = wrong = 0
    start = time.perf_counter()
    for page in pages:
        found = decode(page.image)
        right += bool(page.text) and page.text in found
        wrong += sum(1 for f in found if f != page.text)
    ms = (time.perf_counter() - start) * 1000 / len(pages)
    codes = sum(1 for p in pages if p.text)
    return right, codes, wrong, len(pages) - codes, ms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--base", type=Path, default=None, help="a folder of scanned pages (PNG/TIFF) to paste codes on")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    bases = [Image.open(p) for p in sorted(args.base.glob("*.png"))] if args.base else []
    bases = bases or [Image.new("L", (2480, 3508), 250)]
    pages = [make_page(rng, rng.choice(bases), with_code=i % 3 != 2) for i in range(args.pages)]
    print("| decoder | codes read | wrong or spurious | pages without a code | ms per page |")
    print("|---|---|---|---|---|")
    for name, decode in DECODERS.items():
        try:
            right, codes, wrong, empty, ms = score(decode, pages)
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | | |")
            continue
        print(f"| {name} | {right} / {codes} ({right / max(codes, 1):.0%}) | {wrong} | {empty} | {ms:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
