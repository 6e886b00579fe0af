"""Size caps on what one file may make a reader decompress, decode or OCR, as one frozen value.

A hostile or broken file is small on disk and huge once opened: a 4 MB .docx whose document.xml
inflates to 1 GB, a 2 MB PDF with a 2 GiB stream, a 5,000-page scan, a 2-gigapixel image. Each cap
stops that before the memory is taken; what was read before a cap is kept, and an ``over_limit``
row names the cap (and says the record is partial, or that nothing could be read).

>>> ReadLimits(max_pages=500).describe_pages(600, 500)
'the file has 600 pages; only the first 500 were read (--max-pages 500): the record is partial'
>>> ReadLimits(max_pages=0)
Traceback (most recent call last):
ValueError: --max-pages must be at least 1, not 0

The defaults keep two workers of a 2-core, 24 GB machine well inside memory: a DOCX part of 256 MB
of XML parses to about 2 GB; a page of 200 megapixels is 200 MB grey, 600 MB in colour.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """``ReadLimits(max_part_mb=256, max_stream_mb=256, max_pages=1000, max_megapixels=200)``."""

    max_part_mb: int = 256  # decompressed size of one part of a .docx (document.xml, a header…)
    max_stream_mb: int = 256  # decompressed size of one stream of a PDF
    max_pages: int = 1000  # pages of a PDF, frames of a TIFF, read per file
    max_megapixels: int = 200  # pixels of one page image (a scan's frame, an image in a PDF)

    def __post_init__(self) -> None:
        for name, flag in (("max_part_mb", "--max-part-mb"), ("max_stream_mb", "--max-stream-mb"),
                           ("max_pages", "--max-pages"), ("max_megapixels", "--max-megapixels")):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{flag} must be at least 1, not {value}")

    @property
    def part_bytes(self) -> int:
        return self.max_part_mb * MB

    @property
    def stream_bytes(self) -> int:
        return self.max_stream_mb * MB

    @property
    def max_pixels(self) -> int:
        return self.max_megapixels * 1_000_000

    def cache_key(self) -> str:
        """``''`` for the defaults (the catalog's keys stay as they were), else the caps."""
        if self == ReadLimits():
            return ""
        return (f" part_mb={self.max_part_mb} stream_mb={self.max_stream_mb} pages={self.max_pages}"
                f" mpx={self.max_megapixels}")

    def describe_pages(self, total: int, read: int) -> str:
        return (f"the file has {total} pages; only the first {read} were read (--max-pages {self.max_pages}): "
                "the record is partial")

    def describe_pixels(self, width: int, height: int, page: int | None = None) -> str:
        where = f"page {page} is" if page else "the image is"
        return (f"{where} {width} x {height} pixels ({width * height / 1e6:.0f} megapixels), over the cap of "
                f"{self.max_megapixels} (--max-megapixels): not decoded")
