"""Plain-text letters: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one, recognised by its
byte pattern), TIS-620/cp874, else a guess. A few invalid bytes inside good UTF-8 Thai are replaced and
counted (an ``encoding_damage`` warning), not a reason to reject the file.

>>> # "เรื่อง" in cp874 is b"\\xe0\\xc3\\xd7\\xe8\\xcd\\xa7"; read() records encoding="cp874"
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.models import Document, Page, Problem, SourceFile

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


RE_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")  # counted run by run: far fewer strings than one a letter


def _mostly_thai(text: str) -> bool:
    """At least half of the visible characters of ``text`` (its first 20,000) are Thai.

    >>> _mostly_thai("เรื่อง ขอเชิญประชุม (meeting)"), _mostly_thai("Re: meeting ประชุม")
    (True, False)
    """
    sample = text[:20000]
    visible = len(sample) - sample.count(" ") - sample.count("\n")
    return visible > 0 and sum(map(len, RE_THAI_RUN.findall(sample))) * 2 >= visible


def _looks_cp874(data: bytes) -> bool:
    """True when most bytes >= 0x80 fall in the Thai block of TIS-620 (0xA1-0xFB)."""
    high = len(data) - len(data.translate(None, HIGH_BYTES))
    if high == 0:
        return False
    thai = len(data.translate(None, NOT_THAI_HIGH))
    return thai >= 0.9 * high


MAX_DAMAGE = 0.01  # invalid UTF-8 bytes, as a share of all: more is another encoding, or no text
MIN_UTF16_HIGH = 0.95  # share of UTF-16 high bytes that are 0x00 (ASCII) or 0x0E (Thai) in Thai text


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; ReadError ``binary`` when none fits.

    >>> decode("เรื่อง".encode("cp874"))
    ('เรื่อง', 'cp874')
    """
    text, encoding, _ = decode_counted(data)
    return text, encoding


def utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text without a byte-order mark, from its byte pattern: Thai and ASCII characters
    have 0x0E or 0x00 as their high byte, every other byte.

    >>> utf16_without_bom("เรื่อง ขอเชิญประชุม ๒๕๖๖".encode("utf-16-le")), utf16_without_bom("เรื่อง".encode("utf-8"))
    ('utf-16-le', None)
    """
    if len(data) < 8 or len(data) % 2:
        return None
    for high, codec in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if (high.count(0) + high.count(0x0E)) >= MIN_UTF16_HIGH * len(high) and high.count(0x0E):
            return codec
    return None


def _utf8_with_damage(data: bytes) -> tuple[str, int] | None:
    """Good UTF-8 Thai with a few invalid byte runs: (text with U+FFFD for each run, number of runs), or None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > MAX_DAMAGE * len(data) or not _mostly_thai(text):
        return None
    return text, len(RE_REPLACED_RUN.findall(text))


RE_REPLACED_RUN = re.compile("\ufffd+")


def decode_counted(data: bytes) -> tuple[str, str, int]:
    """(text, encoding name, runs of invalid bytes replaced) for the bytes of a text file.

    >>> decode_counted(("เรื่อง ขอเชิญประชุม " * 20).encode() + b"\\xff\\xfe" + "คณะกรรมการ".encode())[1:]
    ('utf-8', 1)
    """
    if data.startswith(codecs.BOM_UTF8):
        return (*_strict(data[3:], "utf-8", "utf-8-sig"), 0)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return (*_strict(data, "utf-32", "utf-32"), 0)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (*_strict(data, "utf-16", "utf-16"), 0)
    codec = utf16_without_bom(data)
    if codec:
        return (*_strict(data, codec, codec), 0)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        damaged = _utf8_with_damage(data)
        if damaged:
            return damaged[0], "utf-8", damaged[1]
        thai = _cp874_thai(data)
        if thai is not None:  # stray control bytes in good Thai cp874 are still text, as in UTF-8
            return thai, "cp874", 0
        _check_not_binary(data)
    else:
        if not _mostly_thai(text):  # stray control bytes in good Thai UTF-8 are still text (normalize drops them)
            _check_not_binary(data)
        return text, "utf-8", 0
    if _looks_cp874(data):
        try:
            return data.decode("cp874"), "cp874", 0
        except UnicodeDecodeError:
            pass
    return (*_guess(data), 0)


def _cp874_thai(data: bytes) -> str | None:
    """The text of ``data`` read as cp874 when that gives mostly Thai, else None."""
    if not _looks_cp874(data):
        return None
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    return text if _mostly_thai(text) else None


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
    text, encoding, damaged = decode_counted(data)
    del data
    if not text.strip():
        raise ReadError("empty", "The file holds only blank space, no text.")
    chunks = text.split("\f") if "\f" in text else [text]
    pages = tuple(Page(number=i, text=chunk) for i, chunk in enumerate(chunks, 1))
    problems = (Problem("encoding_damage", f"{damaged} run{'s' if damaged > 1 else ''} of bytes that are not UTF-8 "
                        "replaced by U+FFFD; the rest of the text is read", "warning", str(source.path)),) if damaged else ()
    return Document(source=source, source_format="txt", pages=pages, encoding=encoding, reader="text", problems=problems)
