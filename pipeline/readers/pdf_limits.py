"""A PDF's streams checked against the caps before pdfium opens it: pdfium inflates a content stream
in full when it loads the page, so a 2 MB file with a 2 GiB stream would take the memory first.

Each ``stream`` of the file is found in its bytes; one whose dictionary declares an image larger than
``max_megapixels``, or whose Flate data inflates past ``max_stream_mb`` (counted a megabyte at a time,
never held), makes the file ``over_limit``. pypdfium2 and pdfplumber have no option for either (pdfium
decodes what a page asks for), hence this scan of the raw bytes.

>>> # check_streams(Path("ระเบิด.pdf"), ReadLimits())  -> ReadError over_limit: "a stream of the PDF inflates past 256 MB …"
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.limits import ReadLimits

STREAM = re.compile(rb"(?<!end)stream\r?\n")
WIDTH = re.compile(rb"/Width\s+(\d{1,12})")
HEIGHT = re.compile(rb"/Height\s+(\d{1,12})")
DICT_BACK = 4096  # bytes before ``stream`` in which its dictionary is looked for
STEP = 1 << 20  # inflated bytes counted at a time
FEED = 1 << 16  # compressed bytes fed at a time
DEFLATE_MAX_RATIO = 1100  # Deflate inflates at most 1,032-fold (258 bytes from one 2-bit code), with room


def _inflated_past(data, start: int, cap: int) -> bool:
    """Does the zlib stream at ``start`` inflate to more than ``cap`` bytes? (False for data that is not zlib.)"""
    inflate = zlib.decompressobj()
    total, pos = 0, start
    while pos < len(data) and not inflate.eof:
        chunk = data[pos : pos + FEED]
        pos += len(chunk)
        try:
            total += len(inflate.decompress(chunk, STEP))
            while inflate.unconsumed_tail and not inflate.eof and total <= cap:
                out = len(inflate.decompress(inflate.unconsumed_tail, STEP))
                if not out:
                    break
                total += out
        except zlib.error:
            return False
        if total > cap:
            return True
    return False


def _may_inflate_past(data, start: int, cap: int) -> bool:
    """Could the stream at ``start`` inflate past ``cap`` at all? Not when its bytes up to the next
    ``endstream``, inflated at Deflate's largest ratio, stay under it: a letter's streams are never
    inflated here, pdfium inflates them once anyway. A stream with no ``endstream`` after it might."""
    end = data.find(b"endstream", start)
    return end < 0 or (end - start) * DEFLATE_MAX_RATIO > cap


def _streams(data):
    """``(start, end)`` of each ``stream`` keyword (not ``endstream``) followed by its line break: what
    ``STREAM.finditer`` finds, by ``find`` (a fifth of the time on a letter with its fonts embedded)."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        if at < 3 or data[at - 3 : at] != b"end":
            if data[after : after + 1] == b"\n":
                yield at, after + 1
            elif data[after : after + 2] == b"\r\n":
                yield at, after + 2
        at = data.find(b"stream", after)


def check_streams(path: Path, limits: ReadLimits) -> None:
    """Raise ReadError ``over_limit`` when a stream of the PDF at ``path`` is past a cap; else nothing."""
    with path.open("rb") as fh:
        if fh.seek(0, 2) == 0:
            return
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for start, end in _streams(data):
                head = data[max(0, start - DICT_BACK) : start]
                head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
                width, height = WIDTH.search(head), HEIGHT.search(head)
                if width and height and int(width[1]) * int(height[1]) > limits.max_pixels:
                    w, h = int(width[1]), int(height[1])
                    raise ReadError("over_limit", f"The PDF holds an image of {w} x {h} pixels "
                                    f"({w * h / 1e6:.0f} megapixels), over the cap of {limits.max_megapixels} "
                                    "(--max-megapixels): nothing of it was read.")
                if b"/FlateDecode" in head or b"/Fl " in head or b"/Fl]" in head:
                    if _may_inflate_past(data, end, limits.stream_bytes) and \
                            _inflated_past(data, end, limits.stream_bytes):
                        raise ReadError("over_limit", f"A stream of the PDF inflates past {limits.max_stream_mb} MB "
                                        "(--max-stream-mb): nothing of it was read.")
