"""Word (.docx) letters read with python-docx, walking the XML in reading order.

Order of the text: headers of the document, then the body (paragraphs, tables cell by cell, text
boxes right after the paragraph that anchors them), then the footers. An explicit page break
(``<w:br w:type="page"/>``) starts a new Page, a cheap and strong hint that a new letter begins.

>>> # a body "บันทึกข้อความ" + table [["ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕", "วันที่ ๒๖ พฤษภาคม ๒๕๖๒"]]
>>> # -> "บันทึกข้อความ\\nที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\\nวันที่ ๒๖ พฤษภาคม ๒๕๖๒"
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.limits import ReadLimits
from pipeline.models import Document, Page, Problem, SourceFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PAGE_BREAK = "\f"  # sentinel line between pages

# Containers whose children are read in order as if they were in the parent.
TRANSPARENT = {W + n for n in ("hyperlink", "smartTag", "ins", "fldSimple", "sdtContent", "customXml", "moveTo")}
SKIPPED = {W + n for n in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText")}


def _choose(alt) -> list:
    """One branch of ``mc:AlternateContent``: the first Choice, else the Fallback (never both)."""
    for tag in (MC + "Choice", MC + "Fallback"):
        branch = alt.find(tag)
        if branch is not None:
            return [branch]
    return []


def _text_boxes(el) -> Iterator:
    """Top-level ``w:txbxContent`` elements under ``el``, taking one branch of AlternateContent."""
    if el.tag == W + "txbxContent":
        yield el
        return
    children = _choose(el) if el.tag == MC + "AlternateContent" else list(el)
    for child in children:
        yield from _text_boxes(child)


def _runs(el, out: list[str], boxes: list) -> None:
    """Append the text of a paragraph's inline content to ``out``; collect its text boxes."""
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(PAGE_BREAK if child.get(W + "type") == "page" else "\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
            boxes.extend(_text_boxes(child))
        elif tag not in SKIPPED and tag != W + "txbxContent":
            _runs(child, out, boxes)


TWIPS_PER_CHAR = 140  # one character of a 16 pt Thai font is about 7 pt wide (20 twips a point)
CENTERED = 20  # a centred or right-aligned paragraph stands this many characters in


def _indents(paragraph) -> tuple[int, int]:
    """Leading spaces for the first and later lines of a paragraph, from its own indentation and
    alignment: a signature block set right of centre must stay apart from the contact block at the
    margin, as it does in print. (Indentation inherited from styles is not resolved.)"""
    ppr = paragraph.find(W + "pPr")
    if ppr is None:
        return 0, 0
    left = first = 0
    ind = ppr.find(W + "ind")
    if ind is not None:
        left = _twips(ind.get(W + "left") or ind.get(W + "start"))
        first = _twips(ind.get(W + "firstLine")) - _twips(ind.get(W + "hanging"))
    jc = ppr.find(W + "jc")
    shift = CENTERED if jc is not None and jc.get(W + "val") in ("center", "right", "end") else 0
    rest = max(0, round(left / TWIPS_PER_CHAR)) + shift
    return max(0, round((left + first) / TWIPS_PER_CHAR)) + shift, rest


def _twips(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0


def _blocks(container) -> Iterator[str]:
    """Lines of a body, cell, text box, header or footer, in document order."""
    for el in container:
        tag = el.tag
        if tag == W + "p":
            out: list[str] = []
            boxes: list = []
            _runs(el, out, boxes)
            first, rest = _indents(el)
            for n, line in enumerate("".join(out).split("\n")):
                yield (" " * (first if n == 0 else rest) + line) if line.strip() else line
            for box in boxes:
                yield from _blocks(box)
        elif tag == W + "tbl":
            for row in el.findall(W + "tr"):
                for cell in row.findall(W + "tc"):
                    yield from _blocks(cell)
        elif tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag in TRANSPARENT:
            yield from _blocks(el)
        elif tag == MC + "AlternateContent":
            for branch in _choose(el):
                yield from _blocks(branch)


REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True, slots=True)
class _Package:
    """The parts of a .docx that hold text: the body and the headers and footers it references."""

    body: object
    headers: tuple
    footers: tuple


def _xml(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


class _OverCap(Exception):
    """A part inflates past the cap (``ReadLimits.max_part_mb``)."""


def _part(zf: zipfile.ZipFile, name: str, limits: ReadLimits) -> bytes:
    """The part ``name`` inflated, at most ``limits.part_bytes`` (its declared size checked first, then
    the inflated bytes counted as they come, so a lying header inflates no further than the cap)."""
    if zf.getinfo(name).file_size > limits.part_bytes:
        raise _OverCap(name)
    with zf.open(name) as fh:
        data = fh.read(limits.part_bytes + 1)
    if len(data) > limits.part_bytes:
        raise _OverCap(name)
    return data


def _story_parts(zf: zipfile.ZipFile, document, rels: dict[str, str], kind: str, limits: ReadLimits,
                 problems: list[Problem]) -> tuple:
    """Header or footer parts referenced by the sections, first use first, each once; one past the cap
    is left out with an ``over_limit`` Problem."""
    parts, seen = [], set()
    for ref in document.iter(W + kind + "Reference"):
        target = rels.get(ref.get(R_ID) or "")
        if target and target not in seen:
            seen.add(target)
            name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            if name in zf.namelist():
                try:
                    parts.append(_xml(_part(zf, name, limits)))
                except _OverCap:
                    problems.append(Problem("over_limit", f"the {kind} part {name} inflates past {limits.max_part_mb} "
                                            "MB (--max-part-mb) and was not read: the record is partial", "warning"))
    return tuple(parts)


def _open(path: Path, limits: ReadLimits, problems: list[Problem]) -> _Package:
    """Read the text parts straight from the zip with lxml.

    Not ``docx.Document``: python-docx parses every part of the package (styles, numbering, theme,
    settings) before returning, 13 ms a file here; the text parts alone take a sixth of that.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            document = _xml(_part(zf, "word/document.xml", limits))
            rels = {}
            if "word/_rels/document.xml.rels" in zf.namelist():
                rels = {r.get("Id"): r.get("Target")
                        for r in _xml(_part(zf, "word/_rels/document.xml.rels", limits)).iter(REL)}
            body = document.find(W + "body")
            if body is None:
                raise ReadError("not_docx", "The Word document has no body.")
            return _Package(body, _story_parts(zf, document, rels, "header", limits, problems),
                            _story_parts(zf, document, rels, "footer", limits, problems))
    except ReadError:
        raise
    except _OverCap as exc:
        raise ReadError("over_limit", f"The Word document's part {exc} inflates past {limits.max_part_mb} MB "
                        "(--max-part-mb): nothing of it was read.") from None
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise ReadError("not_docx", f"The file is a zip archive but not a readable Word document ({exc}).") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends from a damaged package
        raise ReadError("not_docx", f"The Word document is damaged and cannot be parsed ({type(exc).__name__}).") from None


def lines(path: Path, limits: ReadLimits = ReadLimits(), problems: list[Problem] | None = None) -> list[str]:
    """All lines of a .docx in reading order; ``"\\f"`` marks an explicit page break. A header or footer
    past ``limits`` is left out with a Problem added to ``problems``.

    >>> # lines(Path("memo.docx")) -> ["ส่วนราชการ สำนักงานจังหวัดอ่างทอง", "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕", ...]
    """
    package = _open(path, limits, [] if problems is None else problems)
    try:
        result: list[str] = []
        for part in package.headers:
            result.extend(_blocks(part))
        result.extend(_blocks(package.body))
        for part in package.footers:
            result.extend(_blocks(part))
    except Exception as exc:  # a malformed part: say so rather than crash the batch
        raise ReadError("not_docx", f"The Word document is damaged and cannot be read ({type(exc).__name__}).") from None
    return result


def read(path: Path, source: SourceFile, limits: ReadLimits = ReadLimits()) -> Document:
    """Read a .docx into a Document, one Page per explicit page break (else one page).

    >>> # read(Path("คำสั่ง.docx"), src).pages[0].text.startswith("คำสั่งจังหวัดอ่างทอง")
    """
    problems: list[Problem] = []
    text = "\n".join(lines(path, limits, problems))
    chunks = [c.strip("\n") for c in text.split(PAGE_BREAK)]
    chunks = [c for c in chunks if c.strip()] or [""]
    if not any(c.strip() for c in chunks):
        raise ReadError("empty", "The Word document contains no text.")
    pages = tuple(Page(number=i, text=c) for i, c in enumerate(chunks, 1))
    problems = [Problem(p.code, p.message, p.severity, str(source.path)) for p in problems]
    return Document(source=source, source_format="docx", pages=pages, reader="docx (zipfile + lxml)",
                    problems=tuple(problems))
