"""PDF (LibreOffice headless, one call for all files) and simulated scans (pdftoppm + Pillow/numpy).

A scan page: 300 dpi greyscale, rotated by up to ±0.8°, Gaussian noise, slight blur and JPEG
artefacts.  One-page files become ``<stem>.png``, longer ones a multi-page ``<stem>.tif``.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

BATCH = 80  # files per soffice call: one long call has been seen to stop converting part-way


def _convert(soffice: str, files: list[Path], out_dir: Path, timeout: int) -> None:
    with tempfile.TemporaryDirectory(prefix="saraban-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)]
        subprocess.run(cmd, check=False, capture_output=True, timeout=timeout)


def docx_to_pdf(docx_files: list[Path], out_dir: Path, timeout: int = 1800) -> None:
    """Convert .docx files with ``soffice`` in batches, private profile each; retry the missing once."""
    if not docx_files:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) not found: install it or leave 'pdf' out of formats")
    out_dir.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        todo = [p for p in docx_files if not (out_dir / f"{p.stem}.pdf").exists()]
        for i in range(0, len(todo), BATCH):
            _convert(soffice, todo[i : i + BATCH], out_dir, timeout)
    missing = [p.name for p in docx_files if not (out_dir / f"{p.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert: {', '.join(missing[:5])}")


def _pages(pdf: Path, dpi: int) -> list:
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="saraban-ppm-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True,
                       capture_output=True)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            with Image.open(png) as im:
                pages.append(im.convert("L").copy())
        return pages


def degrade(page, rng: random.Random):
    """Make a clean page look scanned: rotate, noise, blur, JPEG round trip (deterministic by *rng*)."""
    import numpy as np
    from PIL import Image, ImageFilter

    page = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, expand=False, fillcolor=255)
    arr = np.asarray(page, dtype=np.float32)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0.0, rng.uniform(4, 10), arr.shape)
    arr = np.clip(arr * rng.uniform(0.92, 1.0) + noise + rng.uniform(0, 12), 0, 255).astype(np.uint8)
    page = Image.fromarray(arr, mode="L").filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9)))
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=rng.randint(45, 80))
    buf.seek(0)
    with Image.open(buf) as im:
        return im.convert("L").copy()


def pdf_to_scan(pdf: Path, out_dir: Path, seed: int, dpi: int = 300) -> Path:
    """``<stem>.png`` (one page) or ``<stem>.tif`` (several pages) of a simulated scan."""
    rng = random.Random(f"{seed}:{pdf.stem}")
    pages = [degrade(p, rng) for p in _pages(pdf, dpi)]
    out_dir.mkdir(parents=True, exist_ok=True)
    if len(pages) == 1:
        path = out_dir / f"{pdf.stem}.png"
        pages[0].save(path, dpi=(dpi, dpi))
    else:
        path = out_dir / f"{pdf.stem}.tif"
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(dpi, dpi))
    return path
