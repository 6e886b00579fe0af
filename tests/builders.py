"""Build test documents: a .docx from plain text (python-docx) and a PDF from it (LibreOffice)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FONT = "Laksaman"  # the TH Sarabun design, shipped by Debian's fonts-thai-tlwg


def docx_from_text(text: str, path: Path, font: str = FONT, page_break_before: tuple[int, ...] = ()) -> Path:
    """One paragraph per line, in a Thai font at 16 pt (complex-script font and size set too)."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(16)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    size_cs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): "32"})
    rpr.append(size_cs)
    style.paragraph_format.space_after = Pt(0)
    for n, line in enumerate(text.split("\n")):
        paragraph = doc.add_paragraph()
        if n in page_break_before:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(line)
    doc.save(path)
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_from_docx(docx: Path, out_dir: Path) -> Path:
    """LibreOffice headless conversion, with a private profile so parallel runs don't clash."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: run `make system-deps`")
    profile = out_dir / ".lo-profile"
    env = {**os.environ, "HOME": str(out_dir)}
    subprocess.run(
        [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    return out_dir / (docx.stem + ".pdf")
