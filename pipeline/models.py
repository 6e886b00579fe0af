"""Value objects that flow between the stages. Frozen dataclasses only: no I/O, no regexes.

Offsets (``Span``) always index the *normalised* text of the whole document
(``Document.text`` after ``pipeline.normalize``); ``NormalizedText.raw_span`` maps them back
to the raw text the reader produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in a document's normalised text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def __repr__(self) -> str:
        return f"Span({self.start}:{self.end})"


@dataclass(frozen=True, slots=True)
class Problem:
    """One row of issues.csv: something wrong with a file or a letter, never fatal to a batch."""

    code: str
    message: str
    severity: str = "warning"  # error | warning
    source_path: str = ""
    doc_id: str = ""
    page: int | None = None

    def to_dict(self) -> dict:
        return {
            "source_path": self.source_path,
            "doc_id": self.doc_id,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class QrCode:
    """A QR code decoded on a scanned page: ``QrCode("https://obec.go.th/archives/48213", (217, 3209, 120, 120))``."""

    text: str
    box: tuple[int, int, int, int]  # left, top, width, height in page pixels


@dataclass(frozen=True, slots=True)
class Stamp:
    """A receipt stamp found on a scanned page and kept out of its text:
    ``Stamp("กองนโยบายและแผน เลขรับ ๑๖๒๖ วันที่ ๑ ก.ย. ๖๕ เวลา ๑๕.๔๑ น.", (1790, 120, 500, 290))``."""

    text: str  # as read, rows joined by spaces
    box: tuple[int, int, int, int]  # left, top, width, height in page pixels


@dataclass(frozen=True, slots=True)
class Page:
    """Text of one page as the reader produced it (raw, before normalisation)."""

    number: int  # 1-based
    text: str
    method: str = "text"  # text | ocr
    confidence: float | None = None  # OCR mean confidence 0..1; None for a text layer
    broken: bool = False  # text layer beyond repair (route to OCR)
    codes: tuple[QrCode, ...] = ()  # QR codes decoded on a scanned page
    stamps: tuple[Stamp, ...] = ()  # receipt stamps found on a scanned page (not in ``text``)


@dataclass(frozen=True, slots=True)
class Document:
    """A whole input file read into pages of text."""

    source: SourceFile
    source_format: str  # txt | docx | pdf | image | doc | rtf | odt
    pages: tuple[Page, ...]
    encoding: str = ""  # e.g. utf-8, utf-8-sig, utf-16, cp874; '' for binary formats
    reader: str = ""  # which reader/library produced the text, e.g. "pypdfium2"
    problems: tuple[Problem, ...] = ()

    @property
    def method(self) -> str:
        return "ocr" if any(p.method == "ocr" for p in self.pages) else "text"

    @property
    def raw_text(self) -> str:
        """Pages joined by form feeds (a page break is a strong letter boundary hint)."""
        return "\n\f\n".join(p.text for p in self.pages)


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter inside a document: a slice of the normalised text."""

    index: int
    span: Span
    text: str
    pages: tuple[int, int] = (1, 1)  # the first and last page it stands on
    enclosure: bool = False  # pages after a letter's signature (a schedule, a form): no letter of its own


@dataclass(frozen=True, slots=True)
class ThaiDate:
    """A date as printed, resolved to the Gregorian calendar.

    >>> ThaiDate(dt.date(2019, 5, 26), "๒๖ พฤษภาคม ๒๕๖๒", Span(10, 26))
    ThaiDate(2019-05-26 '๒๖ พฤษภาคม ๒๕๖๒')
    """

    date: dt.date
    text: str
    span: Span
    role: str = "other"  # document | effective | cited | meeting | deadline | other

    def __repr__(self) -> str:
        return f"ThaiDate({self.date.isoformat()} {self.text!r})"

    def with_role(self, role: str) -> ThaiDate:
        return ThaiDate(self.date, self.text, self.span, role)

    def to_dict(self) -> dict:
        return {
            "role": self.role,
            "date": self.date.isoformat(),
            "date_text": self.text,
            "span_start": self.span.start,
            "span_end": self.span.end,
        }


@dataclass(frozen=True, slots=True)
class RefNo:
    """A reference number (เลขที่หนังสือ).

    >>> RefNo(agency="อท", unit="0017.2", serial=2055, circular=True, text="อท ๐๐๑๗.๒ / ว ๒๐๕๕")
    RefNo('อท 0017.2/ว 2055')
    """

    agency: str  # 2-3 Thai letters; '' for an order number (๑๒๓/๒๕๖๙) or a bare "ว 10"
    unit: str  # Arabic digits with dots, e.g. "0017.2"; '' when absent
    serial: int | None
    circular: bool
    text: str = ""  # as printed
    span: Span | None = None
    year: int | None = None  # B.E. year of an order number ๑๒๓/๒๕๖๙
    serial_text: str = ""  # serial as printed when its number alone does not say it: "123ก", "0174"

    @property
    def canonical(self) -> str:
        """``อท 0017.2/ว 2055``; a serial printed with leading zeros keeps them (``อว 8115.1/0174``)."""
        return self._form(self.serial_text or ("" if self.serial is None else str(self.serial)))

    @property
    def key(self) -> str:
        """The canonical number as matching compares it: a zero-padded serial is its number
        (``อว 8115.1/0174`` cites the letter printed ``อว 8115.1/174``)."""
        serial = self.serial_text
        if serial[:1] == "0" and self.serial is not None:
            serial = str(self.serial) + serial.lstrip("0123456789")
        return self._form(serial or ("" if self.serial is None else str(self.serial)))

    def _form(self, serial: str) -> str:
        if self.year is not None and not self.agency:
            return f"{serial}/{self.year}"
        prefix = f"{self.agency} {self.unit}".strip() if self.agency else self.unit
        tail = f"ว {serial}" if self.circular else serial
        return f"{prefix}/{tail}" if prefix else tail

    def __repr__(self) -> str:
        return f"RefNo({self.canonical!r})"


@dataclass(frozen=True, slots=True)
class Citation:
    """A letter cited by another (อ้างถึง in the header or ตามหนังสือ … in the body)."""

    seq: int
    where: str  # header | body
    issuer: str
    ref_no: RefNo | None
    date: ThaiDate | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Attachment:
    """One item of สิ่งที่ส่งมาด้วย.

    >>> Attachment(1, "สำเนารายงานการประชุม", 1, "ชุด", Span(0, 40))
    Attachment(1 'สำเนารายงานการประชุม' 1 ชุด)
    """

    seq: int
    description: str
    quantity: int | None
    unit: str
    span: Span

    def __repr__(self) -> str:
        return f"Attachment({self.seq} {self.description!r} {self.quantity} {self.unit})"

    def to_dict(self) -> dict:
        return {"seq": self.seq, "description": self.description, "quantity": self.quantity, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Signer:
    title: str = ""
    name: str = ""
    position: str = ""
    acting: str = ""
    acting_for: str = ""
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Field:
    """An extracted text value with the span it came from."""

    value: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class WebAddress:
    """A web address in a letter: normalised (``url``) and as printed (``text``), from the text (``span``)
    or from a QR code on a scanned page (``source="qr"``, ``page``, ``box``; no span)."""

    seq: int
    url: str
    text: str
    span: Span | None
    source: str = "text"  # text | qr
    page: int | None = None
    box: tuple[int, int, int, int] | None = None  # a QR code's box on its page, in pixels


@dataclass(frozen=True, slots=True)
class GazetteMark:
    """The Royal Gazette running head or foot: ``หน้า ๑ เล่ม ๑๔๐ ตอนที่ ๒๒ ก ราชกิจจานุเบกษา ๒๐ มีนาคม ๒๕๖๖``.

    Its date is the publication date, never the document's own."""

    volume: int
    section: str  # "ตอนที่ 22 ก", "ตอนพิเศษ 74 ง" (Arabic digits)
    page: int
    date: ThaiDate
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    """How one citation resolves against the corpus."""

    status: str  # resolved | probable | ambiguous | not_in_corpus
    target_doc_id: str = ""
    score: float = 0.0
    candidates: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    """Everything extracted from one letter; the shape of a documents.csv row plus nested lists."""

    doc_id: str
    source: SourceFile
    source_format: str
    method: str
    segment_index: int
    span: Span
    doc_type: str = "other"
    ref_no: RefNo | None = None
    issuer: Field = Field("")
    doc_date: ThaiDate | None = None
    subject: Field = Field("")
    recipient: Field = Field("")
    urgency: str = ""
    secrecy: str = ""
    signer: Signer = Signer()
    effective_date: ThaiDate | None = None
    effective_text: str = ""  # a relative start with no date ("วันถัดจากวันประกาศ…"), kept as printed
    effective_source: str = ""  # printed | issue_date | derived_from_publication ('' without a date)
    title: Field = Field("")  # an instrument's whole title as printed
    gazette: GazetteMark | None = None  # the first Gazette running head or foot of the letter
    countersigner: Signer = Signer()  # a law's ผู้รับสนองพระบรมราชโองการ
    urls: tuple[WebAddress, ...] = ()  # web addresses, in text order, then QR codes in page order
    received: Stamp | None = None  # the receipt stamp on the letter's first page (kept out of its text)
    received_no: str = ""  # its receipt number, where it can be read
    received_date: ThaiDate | None = None  # its date, where it can be read (never the letter's date)
    received_time: str = ""
    citations: tuple[Citation, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    dates: tuple[ThaiDate, ...] = ()
    confidence: float = 1.0
    problems: tuple[Problem, ...] = ()
    links: tuple[Link, ...] = field(default=())  # parallel to citations, filled by link()
    text: str = ""  # the letter's normalised text: the document's normalised text [span.start:span.end]
    pages: tuple[int, int] | None = None  # the first and last page of its file the letter stands on
    certified_by: Signer = Signer()  # a certified copy's สำเนาถูกต้อง name and position (never the signer)

    def __repr__(self) -> str:
        ref = self.ref_no.canonical if self.ref_no else ""
        return f"Record({self.doc_id} {self.doc_type} {ref!r})"


def as_plain(value: object) -> object:
    """Dataclass -> dict recursively (for debugging and JSON)."""
    return asdict(value) if hasattr(value, "__dataclass_fields__") else value
