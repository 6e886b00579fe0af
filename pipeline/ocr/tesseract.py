"""The ``tesseract`` command line as an ``Engine``: the only module of the project that starts a process.

>>> # TesseractEngine().read(Image.open("scan.png"), langs="tha", psm=11).text  -> "เรื่อง ขอเชิญประชุม\\n…"

One thread per call (``OMP_THREAD_LIMIT=1``): ingest runs one process per core. Tesseract's ``txt``
and ``tsv`` outputs of one run give the text with its own word spacing (which the TSV lacks for
Thai) and the words with confidences and boxes.

The image goes to Tesseract as an uncompressed TIFF file (``encoded``), a binarised page as a 1-bit
one: on a 300 dpi A4 page that costs 0.73 s of CPU (encoding and Tesseract together) against 0.89 s
for the PNG on standard input it was before, and Tesseract reads the same pixels (same words, same
boxes). PNG spends 0.08 s compressing, Tesseract's standard input is read a byte at a time, and an
8-bit page of two levels makes Tesseract threshold it again.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.ocr.options import TIMEOUT_S
from pipeline.ocr.result import OcrResult, OcrWord, pair_lines


def _environment() -> dict[str, str]:
    """The child's environment: the caller's, one OpenMP thread."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def encoded(image) -> tuple[bytes, str]:
    """The image as the file Tesseract reads fastest, and its suffix: a page of two grey levels (0 and
    255: ``binarize``) as a 1-bit TIFF, grey and RGB as an uncompressed TIFF, any other mode as PNG.
    No resolution is written in any of them (Tesseract estimates it, as it did from the PNG).

    >>> from PIL import Image
    >>> [encoded(Image.new(mode, (8, 2), 255))[1] for mode in ("L", "RGB", "LA")]
    ['.tif', '.tif', '.png']
    """
    from PIL import Image, TiffImagePlugin

    buf = io.BytesIO()
    if image.mode not in ("1", "L", "RGB") or isinstance(image, TiffImagePlugin.TiffImageFile):
        image.save(buf, format="PNG")  # a TIFF file's own resolution tags would be carried over
        return buf.getvalue(), ".png"
    if image.mode == "L":
        counts = image.histogram()
        if counts[0] + counts[255] == image.width * image.height:
            image = image.convert("1", dither=Image.Dither.NONE)
    image.save(buf, format="TIFF", compression="raw")  # not the compression a TIFF frame's info names
    return buf.getvalue(), ".tif"


@lru_cache(maxsize=1)
def tesseract_version() -> str | None:
    """``"5.3.0"`` or None when the tesseract command is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, env=_environment())
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stdout or out.stderr).split("\n", 1)[0].split()
    return first[1] if len(first) > 1 else "unknown"


def parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    r"""The word rows (level 5) of Tesseract's TSV output.

    >>> row = "\t".join(["5", "1", "1", "1", "2", "1", "120", "340", "88", "30", "91.5", "เรื่อง"])
    >>> parse_tsv("header\n" + row)[0]
    OcrWord(text='เรื่อง', confidence=0.915, box=(120, 340, 88, 30), line=(1, 1, 2))
    """
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        conf = max(0.0, float(cols[10])) / 100
        box = (int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]))
        words.append(OcrWord(cols[11].strip(), conf, box, (int(cols[2]), int(cols[3]), int(cols[4]))))
    return tuple(words)


def _lines(text: str) -> str:
    """Tesseract's text without its page separator and blank lines (psm 11 leaves many)."""
    return "\n".join(line for line in text.replace("\f", "").split("\n") if line.strip())


def split_pages(text: str, count: int) -> list[str] | None:
    r"""The txt output of several images cut at Tesseract's page separator (a form feed between pages,
    or after each), or None when it does not hold ``count`` pages.

    >>> split_pages("ลงชื่อ\n\f\fPDF\n\f", 3), split_pages("ลงชื่อ\n", 2)
    (['ลงชื่อ\n', '', 'PDF\n'], None)
    """
    pages = text.split("\f")
    if len(pages) == count + 1 and not pages[-1].strip():
        pages = pages[:count]
    return pages if len(pages) == count else None


def split_tsv(tsv: str, count: int) -> list[str]:
    """The TSV output of several images as one TSV (header and rows) for each, by its page_num column."""
    rows = tsv.splitlines()
    pages: list[list[str]] = [[rows[0] if rows else ""] for _ in range(count)]
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) > 1 and cols[1].isdigit() and 1 <= int(cols[1]) <= count:
            pages[int(cols[1]) - 1].append(row)
    return ["\n".join(page) for page in pages]


@dataclass(frozen=True, slots=True)
class TesseractEngine:
    """``tesseract PAGE.tif OUT -l LANGS --psm N txt tsv`` on a TIFF of the image (``encoded``).

    ``dev_cache`` (a folder) keeps each answer under a hash of the pixels, languages, psm and
    version, so a developer can re-score later steps without running Tesseract again; the product
    never sets it.
    """

    timeout_s: float = TIMEOUT_S
    dev_cache: str = ""
    name: str = "tesseract"

    def version(self) -> str | None:
        return tesseract_version()

    def read(self, image, *, langs: str, psm: int) -> OcrResult:
        """Run tesseract on a PIL image; ReadError ``ocr_unavailable`` when it is missing or fails,
        ``ocr_timeout`` when it runs past ``timeout_s``."""
        exe = shutil.which("tesseract")
        if exe is None or tesseract_version() is None:
            raise ReadError("ocr_unavailable", "This file needs OCR but the tesseract program is not installed.")
        data, suffix = encoded(image)
        cached = self._cache_path(data, langs, psm)
        if cached is not None and cached.exists():
            text, tsv = cached.read_text(encoding="utf-8").split("\x00", 1)
            return OcrResult(text, parse_tsv(tsv), pair_lines(text, parse_tsv(tsv)))
        text, tsv = self._run(exe, [(data, suffix)], langs, psm)
        text = _lines(text)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.part")
            partial.write_text(text + "\x00" + tsv, encoding="utf-8")
            partial.replace(cached)
        words = parse_tsv(tsv)
        return OcrResult(text, words, pair_lines(text, words))

    def read_many(self, images, *, langs: str, psm: int) -> list[OcrResult]:
        """Each image read as ``read`` reads it, all in one tesseract process (its list-of-files input):
        the model is loaded once, not once an image (0.1 s of CPU each for ``eng``). Falls back to one
        process an image with the developer's cache, or when the output cannot be split by image."""
        images = list(images)
        exe = shutil.which("tesseract")
        if len(images) < 2 or self.dev_cache or exe is None or tesseract_version() is None:
            return [self.read(image, langs=langs, psm=psm) for image in images]
        text, tsv = self._run(exe, [encoded(image) for image in images], langs, psm)
        texts, tsvs = split_pages(text, len(images)), split_tsv(tsv, len(images))
        if texts is None:
            return [self.read(image, langs=langs, psm=psm) for image in images]
        results = []
        for page_text, page_tsv in zip(texts, tsvs, strict=True):
            page_text, words = _lines(page_text), parse_tsv(page_tsv)
            results.append(OcrResult(page_text, words, pair_lines(page_text, words)))
        return results

    def _run(self, exe: str, files: list[tuple[bytes, str]], langs: str, psm: int) -> tuple[str, str]:
        """(txt output, tsv output) of one tesseract process on the image files ``files`` (``encoded``):
        one file is its input, several a list of files (Tesseract reads each as a page of its own)."""
        with tempfile.TemporaryDirectory(prefix="saraban-ocr-") as tmp:
            base = Path(tmp) / "page"
            sources = []
            for n, (data, suffix) in enumerate(files):
                sources.append(Path(tmp) / f"image-{n:04d}{suffix}")
                sources[-1].write_bytes(data)
            source = sources[0]
            if len(sources) > 1:
                source = Path(tmp) / "images.txt"
                source.write_text("".join(f"{path}\n" for path in sources), encoding="utf-8")
            cmd = [exe, str(source), str(base), "-l", langs, "--psm", str(psm), "txt", "tsv"]
            try:
                proc = subprocess.run(cmd, capture_output=True, timeout=self.timeout_s * len(files), env=_environment())
            except subprocess.TimeoutExpired:
                raise ReadError("ocr_timeout", f"Tesseract gave up on the page after {self.timeout_s:g} s.") from None
            except (OSError, subprocess.SubprocessError) as exc:
                raise ReadError("ocr_unavailable", f"Tesseract could not read the page ({type(exc).__name__}).") from None
            if proc.returncode != 0:
                detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
                raise ReadError("ocr_unavailable", f"Tesseract failed on the page: {detail[0]}")
            return (base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace"),
                    base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace"))

    def _cache_path(self, data: bytes, langs: str, psm: int) -> Path | None:
        if not self.dev_cache:
            return None
        key = hashlib.sha256(data + f"|{langs}|{psm}|{tesseract_version()}".encode()).hexdigest()
        return Path(self.dev_cache) / key[:2] / f"{key}.txt"
