"""The one exception a reader lets out: ``ReadError(code, message)``.

Codes (each becomes an issues.csv row with severity ``error``):
``empty``, ``binary``, ``not_docx``, ``pdf_encrypted``, ``pdf_unreadable``, ``image_unreadable``,
``ocr_unavailable``, ``ocr_timeout`` (Tesseract gave up on a page), ``unsupported``, ``io_error`` (the
operating system refused to read it), ``not_a_regular_file`` (a FIFO, socket or device: never opened),
``over_limit`` (the file is past a size cap before anything of it could be read).
"""

from __future__ import annotations

CODES = frozenset(
    {
        "empty", "binary", "not_docx", "pdf_encrypted", "pdf_unreadable", "image_unreadable",
        "ocr_unavailable", "ocr_timeout", "unsupported", "io_error", "not_a_regular_file", "over_limit",
    }
)


class ReadError(Exception):
    """A file that cannot be read at all, with a code for machines and a sentence for archivists.

    >>> ReadError("empty", "The file is empty (0 bytes).").code
    'empty'
    """

    def __init__(self, code: str, message: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown ReadError code {code!r}")
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self):  # picklable across process pools
        return (type(self), (self.code, self.message))


class OcrMissing(ReadError):
    """The OCR engine is not installed (code ``ocr_unavailable``): a PDF keeps its text layer and says so.

    >>> isinstance(OcrMissing("This file needs OCR, but the tesseract program is not installed."), ReadError)
    True
    """

    def __init__(self, message: str) -> None:
        super().__init__("ocr_unavailable", message)

    def __reduce__(self):
        return (type(self), (self.message,))
