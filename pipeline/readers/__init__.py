"""Read any input file into a Document: ``read_file(path)``; sniffs the format from its bytes.

>>> # read_file(Path("data/raw/angthong_2562_computer_systems.txt")).pages[0].text[:13]  -> "\\n\\n\\n\\n\\nบันทึกข้อความ"

Only ``ReadError`` leaves ``read_file``: library exceptions are wrapped into one with a code.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

from pipeline.discover import NotRegular, open_regular
from pipeline.errors import ReadError
from pipeline.limits import ReadLimits
from pipeline.models import Document, SourceFile
from pipeline.ocr import OcrOptions
from pipeline.readers import docx, image, office, pdf, text

__all__ = ["ReadError", "Scan", "finish_scan", "plan_file", "read_file", "render_page", "scan_kind", "sniff"]

CHUNK = 1 << 20
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
READERS = {"txt": text.read, "docx": docx.read, "pdf": pdf.read, "image": image.read}
NEEDS_OCR = frozenset({"pdf", "image"})  # readers that take OcrOptions
PLANNERS = {"pdf": pdf.plan, "image": image.plan}  # the same files, their OCR pages left for the caller


def _hash(path: Path) -> tuple[str, int, bytes]:
    """(sha256 hex, size, first 1 KiB), streaming the file once."""
    digest = hashlib.sha256()
    size, head = 0, b""
    with open_regular(path) as f:
        while chunk := f.read(CHUNK):
            if not head:
                head = chunk[:1024]
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size, head


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("not_docx", "The file is a damaged zip archive, not a readable Word document.") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and _odf_text(path):
        return "odt"
    if any(n.startswith(("xl/", "ppt/")) for n in names) or "content.xml" in names:
        raise ReadError("not_docx", "The file is an office document but not Word (spreadsheet, slides or OpenDocument); save it as .docx or PDF.")
    raise ReadError("not_docx", "The file is a zip archive, not a Word document; unpack it and add the letters inside.")


def _odf_text(path: Path) -> bool:
    """Is this OpenDocument package a text document (its ``mimetype`` entry), not a sheet or slides?"""
    try:
        with zipfile.ZipFile(path) as z:
            return z.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text"
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False


OLE_WORD = "WordDocument".encode("utf-16-le")  # the stream a Word 97-2003 file holds, named in its directory
OLE_SCAN_BYTES = 64 << 20  # where to look for it (the directory lies anywhere in the file)


def _ole_kind(path: Path) -> str:
    """"doc" for a Word 97-2003 file; ReadError for other old Office files (spreadsheets, slides, mail)."""
    with open_regular(path) as f:
        data = f.read(OLE_SCAN_BYTES)
    if OLE_WORD in data:
        return "doc"
    raise ReadError("unsupported", "An old Office file that is not a Word document (a spreadsheet, slides or a "
                                   "message): save the letter as .docx or PDF and add it again.")


def sniff(path: Path, head: bytes) -> str:
    """Input kind from the first bytes: "pdf", "docx", "image", "txt", or "doc", "rtf", "odt" (read through
    LibreOffice); ReadError for known misfits.

    >>> sniff(Path("x"), b"%PDF-1.7\\n")
    'pdf'
    """
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(IMAGE_MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return "txt"


def _source(path: Path) -> tuple[SourceFile, str]:
    try:
        sha, size, head = _hash(path)
    except NotRegular as exc:
        raise ReadError("not_a_regular_file", f"The path is {exc.strerror}: it was not read.") from None
    except OSError as exc:
        raise ReadError("io_error", f"The file could not be opened: {exc.strerror or exc}.") from None
    if size == 0:
        raise ReadError("empty", "The file is empty (0 bytes).")
    return SourceFile(path=str(path), sha256=sha, size=size), sniff(path, head)


def _guarded(kind: str, read: Callable[[], object]):
    """``read()`` with every failure turned into a ReadError naming the kind of file."""
    try:
        return read()
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("unsupported", "The file is too large to read in memory.") from None
    except Exception as exc:  # last line of defence: no traceback reaches an archivist
        code = {"pdf": "pdf_unreadable", "docx": "not_docx", "image": "image_unreadable", "doc": "office_unreadable",
                "rtf": "office_unreadable", "odt": "office_unreadable"}.get(kind, "binary")
        raise ReadError(code, f"The {kind} file could not be read ({type(exc).__name__}: {exc}).") from None


def read_file(path: Path, ocr: OcrOptions = OcrOptions()) -> Document:
    """Read one file of any supported kind; the only exception it raises is ReadError.

    >>> # read_file(Path("หนังสือเวียน.pdf")).source_format  -> "pdf"
    """
    path = Path(path)
    source, kind = _source(path)
    if kind in NEEDS_OCR:
        return _guarded(kind, lambda: READERS[kind](path, source, ocr))
    if kind == "docx":
        return _guarded(kind, lambda: docx.read(path, source, ocr.limits))
    if kind in office.KINDS:
        return _guarded(kind, lambda: office.read(path, source, kind, ocr.limits))
    return _guarded(kind, lambda: READERS[kind](path, source))


Scan = pdf.PdfScan | image.ImageScan


def plan_file(path: Path, limits: ReadLimits = ReadLimits()) -> Document | Scan:
    """The file read, except the pages that need OCR: a Document when none does (text, Word, a PDF with a
    sound text layer), else a Scan naming the pages (``scan.numbers``) for ``render_page`` and OCR, whose
    results ``finish_scan`` puts in; the only exception it raises is ReadError. ``limits``: the readers'
    size caps (``OcrOptions.limits``).

    >>> # plan_file(Path("สแกน/ว ๖๕๘.pdf")).numbers  -> (1, 2)
    """
    path = Path(path)
    source, kind = _source(path)
    if kind in PLANNERS:
        return _guarded(kind, lambda: PLANNERS[kind](path, source, limits))
    if kind == "docx":
        return _guarded(kind, lambda: docx.read(path, source, limits))
    if kind in office.KINDS:
        return _guarded(kind, lambda: office.read(path, source, kind, limits))
    return _guarded(kind, lambda: READERS[kind](path, source))


def scan_kind(scan: Scan) -> str:
    return "pdf" if isinstance(scan, pdf.PdfScan) else "image"


def render_page(path: str, kind: str, number: int, limits: ReadLimits = ReadLimits()):
    """Page ``number`` of a planned scan (``kind`` pdf or image) as a PIL image, in any process."""
    if kind == "pdf":
        return _guarded(kind, lambda: pdf.render_page(Path(path), number))
    return _guarded(kind, lambda: image.render_page(Path(path), number, limits))


def finish_scan(scan: Scan, scanned) -> Document:
    """The Document of a planned scan with its OCR pages (``pipeline.ocr.OcrPages``; None: no OCR engine)."""
    kind = scan_kind(scan)
    module = pdf if kind == "pdf" else image
    return _guarded(kind, lambda: module.finish(scan, scanned))
