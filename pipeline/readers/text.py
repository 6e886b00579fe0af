"""Plain-text letters: UTF-8 (with or without BOM), UTF-16 with BOM, TIS-620/cp874, else a guess.

>>> # "เรื่อง" in cp874 is b"\\xe0\\xc3\\xd7\\xe8\\xcd\\xa7"; read() records encoding="cp874"
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.models import Document, Page, SourceFile

# Control bytes that never occur in text (everything below 0x20 except \t \n \v \f \r and ESC).
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
NOT_CONTROL = bytes(b for b in range(256) if b not in CONTROL_BYTES)
HIGH_BYTES = bytes(range(0x80, 0x100))
NOT_THAI_HIGH = bytes(b for b in range(256) if not 0xA1 <= b <= 0xFB)
RE_PRINTABLE = re.compile(r"[\u0e01-\u0e5b\u0020-\u007e\s\u00a0-\u00ff\u2010-\u2030]")


def _binary(reason: str) -> ReadError:
    return ReadError("binary", f"The file is not text in any known encoding ({reason}); it may be damaged or not a letter.")


def _check_not_binary(data: bytes) -> None:
    controls = len(data.translate(None, NOT_CONTROL))
    if controls and controls * 200 > len(data):  # more than 0.5% control bytes
        raise _binary(f"{controls} control bytes")


RE_THAI_LETTER = re.compile(r"[\u0e01-\u0e5b]")


def _mostly_thai(text: str) -> bool:
    """At least half of the visible characters of ``text`` (its first 20,000) are Thai."""
    sample = text[:20000]
    visible = len(sample) - sample.count(" ") - sample.count("\n")
    return visible > 0 and len(RE_THAI_LETTER.findall(sample)) * 2 >= visible


def _looks_cp874(data: bytes) -> bool:
    """True when most bytes >= 0x80 fall in the Thai block of TIS-620 (0xA1-0xFB)."""
    high = len(data) - len(data.translate(None, HIGH_BYTES))
    if high == 0:
        return False
    thai = len(data.translate(None, NOT_THAI_HIGH))
    return thai >= 0.9 * high


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; ReadError ``binary`` when none fits.

    >>> decode("เรื่อง".encode("cp874"))
    ('เรื่อง', 'cp874')
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _check_not_binary(data)
    else:
        if not _mostly_thai(text):  # stray control bytes in good Thai UTF-8 are still text (normalize drops them)
            _check_not_binary(data)
        return text, "utf-8"
    if _looks_cp874(data):
        try:
            return data.decode("cp874"), "cp874"
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise _binary(f"invalid {name.upper()} at byte {exc.start}") from None


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise _binary("no character encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise _binary(f"bytes do not decode as {best.encoding}") from None
    sample = text[:20000]
    if len(RE_PRINTABLE.findall(sample)) < 0.95 * len(sample):
        raise _binary(f"decodes as {best.encoding} only to unreadable characters")
    return text, best.encoding


def read(path: Path, source: SourceFile) -> Document:
    """Read a text file into a Document; a form feed starts a new page.

    >>> # a file holding "บันทึกข้อความ\\nเรื่อง ขอเชิญประชุม" in cp874
    >>> # -> Document(source_format="txt", encoding="cp874", pages=(Page(1, "บันทึกข้อความ\\n…"),))
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("io_error", f"The file could not be opened: {exc.strerror}.") from None
    text, encoding = decode(data)
    del data
    if not text.strip():
        raise ReadError("empty", "The file holds only blank space, no text.")
    chunks = text.split("\f") if "\f" in text else [text]
    pages = tuple(Page(number=i, text=chunk) for i, chunk in enumerate(chunks, 1))
    return Document(source=source, source_format="txt", pages=pages, encoding=encoding, reader="text")
