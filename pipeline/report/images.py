"""Page images for the review site: a PDF's pages rendered by pypdfium2, a scan's frames scaled down.

Each page is written once per file content (``img/<sha12>-p<n>.jpg``, shared by the letters of one
file), at most ``WIDTH_PX`` wide, as a JPEG: a scanned A4 page is about 150-250 kB. A file that is gone,
or whose bytes differ from the ones ingested (its image would not be this letter's), gives no image
and a reason instead.

>>> # page_images(record, Path("report/img")) -> PageImages(("img/d292411b2b89-p1.jpg",), "")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.models import Record

WIDTH_PX = 1200
JPEG_QUALITY = 80
MAX_PAGES = 20  # pages drawn for one letter; a longer letter says how many were left out


@dataclass(frozen=True, slots=True)
class PageImages:
    """The images of a letter's pages (paths relative to the site), or why there are none."""

    paths: tuple[str, ...] = ()
    missing: str = ""  # why no image: the source file is gone, changed, or could not be drawn
    pages: tuple[int, ...] = ()  # the page number of each path
    left_out: int = 0  # pages of the letter past MAX_PAGES, not drawn


def _scaled(image):
    from PIL import Image

    image = image.convert("L") if image.mode in ("1", "I;16", "I", "F") else image
    image = image.convert("RGB") if image.mode not in ("L", "RGB") else image
    if image.width > WIDTH_PX:
        height = round(image.height * WIDTH_PX / image.width)
        image = image.resize((WIDTH_PX, height), Image.Resampling.LANCZOS)
    return image


def _pdf_pages(path: Path, numbers: list[int]) -> dict[int, object]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = {}
        for n in numbers:
            if not 1 <= n <= len(pdf):
                continue
            page = pdf[n - 1]
            width, _ = page.get_size()
            out[n] = _scaled(page.render(scale=WIDTH_PX / max(width, 1.0)).to_pil())
            page.close()
        return out
    finally:
        pdf.close()


def _image_pages(path: Path, numbers: list[int]) -> dict[int, object]:
    from pipeline.readers.image import render_page

    return {n: _scaled(render_page(path, n)) for n in numbers}


def _page_count(path: Path, source_format: str) -> int:
    if source_format == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    from PIL import Image

    with Image.open(path) as img:
        return getattr(img, "n_frames", 1)


def _wanted(record: Record, path: Path) -> tuple[list[int], int]:
    """The letter's pages (at most MAX_PAGES) and how many more it has; every page of its file when the
    catalog predates page numbers."""
    first, last = record.pages or (1, _page_count(path, record.source_format))
    shown = list(range(first, min(last, first + MAX_PAGES - 1) + 1))
    return shown, last - first + 1 - len(shown)


def page_images(record: Record, img_dir: Path, site_root: Path, sha_of) -> PageImages:
    """Write (once) and return the images of the pages ``record`` stands on; ``sha_of(path)`` hashes a file.

    Only PDFs and images have pages to draw; a text or Word file gives ``PageImages()``."""
    from pipeline.errors import ReadError

    if record.source_format not in ("pdf", "image"):
        return PageImages()
    path = Path(record.source.path)
    if not path.is_file():
        return PageImages(missing=f"the source file {record.source.path} is not there any more")
    if sha_of(path) != record.source.sha256:
        return PageImages(missing=f"the source file {record.source.path} has changed since it was ingested")
    stem = record.source.sha256[:12]
    try:
        numbers, left_out = _wanted(record, path)
        todo = [n for n in numbers if not (img_dir / f"{stem}-p{n}.jpg").exists()]
        drawn = (_pdf_pages if record.source_format == "pdf" else _image_pages)(path, todo) if todo else {}
    except (ReadError, OSError, ValueError, RuntimeError) as exc:  # pdfium's PdfiumError is a RuntimeError
        return PageImages(missing=f"the page could not be drawn ({exc})")
    img_dir.mkdir(parents=True, exist_ok=True)
    for n, image in drawn.items():
        image.save(img_dir / f"{stem}-p{n}.jpg", "JPEG", quality=JPEG_QUALITY, optimize=True)
    done = [n for n in numbers if (img_dir / f"{stem}-p{n}.jpg").exists()]
    rel = img_dir.relative_to(site_root).as_posix()
    return PageImages(tuple(f"{rel}/{stem}-p{n}.jpg" for n in done), "", tuple(done), left_out)
