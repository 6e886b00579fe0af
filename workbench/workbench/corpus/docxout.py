"""Word rendering of letters with python-docx: Laksaman 16 pt (complex-script font and size set).

Some files put the header block in a borderless table (``ที่ …`` | address, or the memo's
``ที่ … | วันที่ …`` row); a few put the urgency stamp (``ด่วนที่สุด``) in a text box.
Each letter starts on a new page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from workbench.corpus.model import Block, LetterTruth
from workbench.corpus.thaitext import strip_atoms

FONT = "Laksaman"
SIZE = 16
_VML = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape type="#_x0000_t202" '
        'style="position:absolute;margin-left:330pt;margin-top:-10pt;width:120pt;height:34pt;z-index:1" '
        'stroked="t"><v:textbox><w:txbxContent><w:p><w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>'
        '<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr><w:t>{t}</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></w:r>')


def _font(rpr, size: int = SIZE, bold: bool = False) -> None:
    """Set ascii/hAnsi/cs fonts and sz/szCs on an rPr element (Thai is complex script)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for tag in (("w:b", "w:bCs") if bold else ()) + ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        if tag in ("w:sz", "w:szCs"):
            el.set(qn("w:val"), str(size * 2))


def _run(par, text: str, size: int = SIZE, bold: bool = False) -> None:
    for i, line in enumerate(text.split("\n")):
        if i:
            par.add_run().add_break()
        run = par.add_run(line)
        _font(run._element.get_or_add_rPr(), size, bold)


def _par(doc_or_cell, text: str = "", align=None, indent_cm: float = 0, first_cm: float = 0,
         size: int = SIZE, bold: bool = False):
    par = doc_or_cell.add_paragraph()
    fmt = par.paragraph_format
    fmt.space_after, fmt.space_before = Pt(0), Pt(0)
    if align is not None:
        par.alignment = align
    if indent_cm:
        fmt.left_indent = Cm(indent_cm)
    if first_cm:
        fmt.first_line_indent = Cm(first_cm)
    if text:
        _run(par, text, size, bold)
    return par


def new_document() -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(SIZE)
    _font(normal.element.get_or_add_rPr())
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    return doc


def _table(doc, rows: list[list[str]]) -> None:
    """A borderless header table; a one-cell row spans both columns."""
    table = doc.add_table(rows=len(rows), cols=2)
    for r, cells in enumerate(rows):
        if len(cells) == 1:
            table.cell(r, 0).merge(table.cell(r, 1))
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.paragraphs[0].text = ""
            _run(cell.paragraphs[0], text)


def _field_text(b: Block) -> str:
    value = "\n".join(b.lines)
    if b.extra == "dots":
        return f"{b.label}...{value.replace(chr(10), chr(10) + '.....')}"
    return f"{b.label}  {value}"


def _block(doc, b: Block, use_table: bool, textbox: bool) -> None:
    center, right_cm = WD_ALIGN_PARAGRAPH.CENTER, 8.5
    if b.kind == "top" and textbox:
        doc.add_paragraph()._p.append(parse_xml(_VML.format(f=FONT, t=b.lines[0])))
    elif b.kind == "top":
        _par(doc, b.lines[0], align=center, size=20, bold=True)
    elif b.kind == "title":
        _par(doc, b.lines[0], align=center, size=22, bold=True)
    elif b.kind == "field":
        _par(doc, _field_text(b), align=center if b.extra == "center" else None)
    elif b.kind == "refdate" and use_table:
        _table(doc, [[f"ที่ {b.lines[0]}", f"วันที่ {b.extra}"]])
    elif b.kind == "refdate":
        _par(doc, f"ที่ {b.lines[0]}\tวันที่ {b.extra}")
    elif b.kind == "refhead" and use_table:
        _table(doc, [[b.label, "\n".join(b.lines)]])
    elif b.kind == "refhead":
        _par(doc, b.label)
        for line in b.lines:
            _par(doc, line, indent_cm=right_cm)
    elif b.kind in ("center", "rule"):
        _par(doc, strip_atoms(b.lines[0]), align=center)
    elif b.kind == "items":
        _par(doc, f"{b.label}\t{b.lines[0]}")
        for line in b.lines[1:]:
            _par(doc, line, indent_cm=2.5)
    elif b.kind == "para":
        _par(doc, strip_atoms(b.lines[0]), first_cm=2.5)
    elif b.kind == "sig":
        for line in b.lines:
            _par(doc, line, align=center, indent_cm=right_cm - 2)
    else:  # left, contact
        for line in b.lines:
            _par(doc, strip_atoms(line))


def write_docx(path: Path, letters: list[LetterTruth], rng) -> None:
    """One .docx holding *letters*, each from a new page."""
    doc = new_document()
    doc._body.clear_content()
    use_table = rng.random() < 0.3
    textbox = rng.random() < 0.3
    for i, letter in enumerate(letters):
        if i:
            doc.add_page_break()
        for b in letter.blocks:
            _block(doc, b, use_table, textbox)
    doc.save(str(path))
