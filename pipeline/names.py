"""File names as the text outputs write them: any bytes a name holds, kept and recoverable.

Python gives a name that is not UTF-8 as a ``str`` with lone surrogates (``surrogateescape``:
byte 0xFF is ``"\\udcff"``); no UTF-8 file (CSV, JSONL, SQLite, Parquet, GraphML) can hold those,
and XML cannot hold control characters at all. So every table writes a path with one escape:

- a byte that is not UTF-8, and each UTF-8 byte of a control character (U+0000-U+001F, U+007F,
  U+0080-U+009F), as ``\\xNN`` (two lower-case hex digits);
- a backslash as ``\\\\``;
- everything else (Thai, spaces, right-to-left marks …) as it is.

>>> escape("หนังสือ/bad\\udcff.txt"), escape("a\\x01b.txt"), escape("ว 12\\\\2562.txt")
('หนังสือ/bad\\\\xff.txt', 'a\\\\x01b.txt', 'ว 12\\\\\\\\2562.txt')
>>> raw_bytes(escape("หนังสือ/bad\\udcff.txt")) == os.fsencode("หนังสือ/bad\\udcff.txt")
True

A name with none of these characters is written unchanged. ``raw_bytes`` gives back the name's bytes
(``open(raw_bytes(row["source_path"]), "rb")`` opens the file), ``unescape`` the ``str`` Python uses.
"""

from __future__ import annotations

import os
import re

_ESCAPED = re.compile(rb"\\(\\|x([0-9a-f]{2}))")
_NEEDS = re.compile(r"[\\\x00-\x1f\x7f-\x9f\udc80-\udcff]")


def _one(match: re.Match) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"
    return "".join(f"\\x{b:02x}" for b in char.encode("utf-8"))


def escape(path: str) -> str:
    """``path`` (as Python holds it, ``surrogateescape``) in the escape every table writes."""
    return _NEEDS.sub(_one, path) if _NEEDS.search(path) else path


def raw_bytes(text: str) -> bytes:
    """The name's bytes from its escaped form (what ``os.fsencode`` gives for the original path)."""
    data = text.encode("utf-8")
    return _ESCAPED.sub(lambda m: b"\\" if m.group(2) is None else bytes([int(m.group(2), 16)]), data)


def unescape(text: str) -> str:
    """The ``str`` Python uses for the name (lone surrogates for bytes that are not UTF-8)."""
    return os.fsdecode(raw_bytes(text)) if "\\" in text else text


PATH_COLUMNS = ("source_path", "source_paths")


def escape_rows(rows: list[dict]) -> list[dict]:
    """Rows (of any table, and the nested ``issues`` of records.jsonl) with their path columns escaped."""
    for row in rows:
        for column in PATH_COLUMNS:
            value = row.get(column)
            if isinstance(value, str):
                row[column] = escape(value)
        nested = row.get("issues")
        if isinstance(nested, list):
            escape_rows(nested)
    return rows


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold (control characters, lone surrogates) as ``\\xNN``/``\\uNNNN``.

    >>> xml_safe("หนังสือ\\x0cหน้า ๒")
    'หนังสือ\\\\x0cหน้า ๒'
    """
    return _XML_BAD.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                        text)
