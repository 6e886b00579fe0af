"""Word documents with python-docx: A4, a Thai font from TLWG at 15–16 pt, tab stops for the header
columns, hanging indents for เรื่อง/เรียน, a Garuda-like emblem, red urgency stamps, a serial
sometimes "written" in blue Purisa, body justified (Thai distributed now and then).

``DocxStyle.pick(rng)`` -> ``DocxStyle(font="Norasi", size=16, left_cm=3.0, …)``; the bytes written
are the same for the same seed (fixed zip timestamps and core properties).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from workbench.second_renderer.marks import garuda_png
from workbench.second_renderer.model import Letter, Para

FONTS = ("Norasi", "Kinnari", "Garuda", "Umpush", "Waree", "Loma", "Sawasdee", "TlwgTypo")
# "thai" is Word's thaiDistribute (Thai distributed justification); plain "distribute" is left out:
# LibreOffice spreads its last line and splits tone marks off their letters, which typed letters never show
ALIGNS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "thai": WD_ALIGN_PARAGRAPH.THAI_JUSTIFY}


@dataclass(frozen=True, slots=True)
class DocxStyle:
    """One document's typography and page: ``DocxStyle("Kinnari", 15.0, 3.0, 2.0, 2.0, 9.0, 8.0, "thai", 3, True)``."""

    font: str
    size: float
    left_cm: float
    right_cm: float
    top_cm: float
    column_cm: float  # right column (office, address) and signature column start
    date_cm: float
    body_align: str
    space_after: int  # points after a paragraph
    memo_table: bool  # a memo's ที่ | วันที่ line in a borderless table

    @staticmethod
    def pick(rng: random.Random) -> DocxStyle:
        return DocxStyle(rng.choice(FONTS), rng.choice((15.0, 16.0)), rng.choice((2.5, 3.0, 3.5)),
                         rng.choice((1.5, 2.0, 2.5)), rng.choice((1.5, 2.0, 2.5)), rng.uniform(8.0, 9.5),
                         rng.uniform(6.0, 8.0), rng.choices(tuple(ALIGNS), (25, 35, 40))[0],
                         rng.choice((0, 0, 3, 6)), rng.random() < 0.3)


def _set_font(run_or_style, family: str, size: float | None) -> None:
    """Latin and complex-script font and size (Thai is complex script: w:cs, w:szCs)."""
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), family)
    if size is not None:
        run_or_style.font.size = Pt(size)
        szcs = rpr.find(qn("w:szCs"))
        if szcs is None:
            szcs = rpr.makeelement(qn("w:szCs"), {})
            rpr.append(szcs)
        szcs.set(qn("w:val"), str(int(size * 2)))


def _run(par, text: str, s: DocxStyle, bold: bool = False, size: float | None = None, colour=None,
         family: str | None = None):
    run = par.add_run(text)
    _set_font(run, family or s.font, size or s.size)
    if bold:
        run.bold = True
        rpr = run.element.get_or_add_rPr()
        rpr.append(rpr.makeelement(qn("w:bCs"), {}))
    if colour:
        run.font.color.rgb = RGBColor(*colour)
    return run


def text_cm(text: str, family: str, size: float) -> float:
    """Printed width of ``text`` in ``family`` at ``size`` pt, in cm (measured with the font file)."""
    from workbench.second_renderer.marks import font

    return font(family, int(size * 10)).getlength(text) / 10 / 72 * 2.54


def _label_cm(label: str) -> float:
    return {"สิ่งที่ส่งมาด้วย": 3.0, "ส่วนราชการ": 2.2, "กราบเรียน": 2.0}.get(label, 1.4)


class _Writer:
    def __init__(self, s: DocxStyle) -> None:
        self.s = s
        self.doc = Document()
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(s.left_cm), Cm(s.right_cm)
        sec.top_margin, sec.bottom_margin = Cm(s.top_cm), Cm(2.0)
        normal = self.doc.styles["Normal"]
        _set_font(normal, s.font, s.size)
        normal.paragraph_format.space_after = Pt(s.space_after)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        props = self.doc.core_properties
        props.created = props.modified = dt.datetime(2024, 1, 1)
        props.author = props.last_modified_by = "saraban second renderer"
        props.revision = 1
        self.label_cm = 1.4

    def par(self, align=None, left: float = 0.0, first: float = 0.0):
        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        if left:
            fmt.left_indent = Cm(left)
        if first:
            fmt.first_line_indent = Cm(first)
        if align is not None:
            p.alignment = align
        return p

    def write(self, para: Para) -> None:
        s, k = self.s, para.kind
        if k == "emblem":
            p = self.par(WD_ALIGN_PARAGRAPH.CENTER)
            p.add_run().add_picture(io.BytesIO(garuda_png()), height=Cm(2.8))
        elif k == "memo_head":
            p = self.par()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(5.5))
            p.add_run().add_picture(io.BytesIO(garuda_png()), height=Cm(1.5))
            _run(p, "\t" + para.text, s, bold=True, size=s.size + 13)
        elif k == "stamp":
            p = self.par(WD_ALIGN_PARAGRAPH.LEFT)
            _run(p, para.text, s, bold=True, size=s.size + 8, colour=(200, 20, 30))
        elif k == "pair":
            if para.right.startswith("วันที่") and s.memo_table:
                table = self.doc.add_table(rows=1, cols=2)
                for cell, text in zip(table.rows[0].cells, (para.left, para.right), strict=True):
                    _run(cell.paragraphs[0], text, s)
                if para.hand:
                    _run(table.rows[0].cells[0].paragraphs[0], para.hand, s, size=s.size + 2,
                         colour=(30, 50, 175), family="Purisa")
                return
            p = self.par()
            column = s.column_cm if not para.right.startswith("วันที่") else s.column_cm - 1.0
            p.paragraph_format.tab_stops.add_tab_stop(Cm(column))
            _run(p, para.left, s)
            if para.hand:
                _run(p, para.hand, s, size=s.size + 2, colour=(30, 50, 175), family="Purisa")
            _run(p, "\t" + para.right, s)
        elif k == "right":
            _run(self.par(left=s.column_cm), para.text, s)
        elif k == "date":
            _run(self.par(left=s.date_cm), para.text, s)
        elif k == "field":
            self.label_cm = _label_cm(para.label)
            p = self.par(left=self.label_cm, first=-self.label_cm)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(self.label_cm))
            _run(p, para.label, s, bold=para.label in ("ส่วนราชการ",))
            _run(p, "\t" + para.text, s)
        elif k == "item":
            _run(self.par(left=self.label_cm), para.text, s)
        elif k == "body":
            _run(self.par(ALIGNS[s.body_align], first=2.5), para.text, s)
        elif k == "centre":
            _run(self.par(WD_ALIGN_PARAGRAPH.CENTER), para.text, s, bold=para.bold)
        elif k == "sig":
            # a typist keeps a name, a date, a position line on one line: narrow the indent if needed
            usable = 21.0 - s.left_cm - s.right_cm
            indent = max(0.0, min(s.column_cm - 2.0, usable - text_cm(para.text, s.font, s.size) - 1.0))
            _run(self.par(WD_ALIGN_PARAGRAPH.CENTER, left=indent), para.text, s)
        elif k == "gap":
            self.par()
            self.par()
        elif k == "blank":
            self.par()
        else:
            _run(self.par(), para.text, s)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def bytes(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_file(letters: list[Letter], s: DocxStyle) -> bytes:
    """A .docx holding ``letters``, each after the first on a new page."""
    w = _Writer(s)
    for i, letter in enumerate(letters):
        if i:
            w.page_break()
        for para in letter.paras:
            w.write(para)
    return w.bytes()
