"""Which library reads Thai PDFs right? pdfplumber vs pypdfium2, with and without normalisation.

    .venv/bin/python -m workbench.bench.pdf_readers            # builds build/bench/*.pdf, prints a table

The PDFs are made here from the sample letter text: python-docx (Laksaman 16 pt) -> LibreOffice.
Character error rate = edit distance / length of the truth, whitespace removed on both sides.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.edit_distance import levenshtein  # noqa: F401  (the benches and tests import it from here)
from pipeline.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]  # the repository: workbench/workbench/bench/this.py
SAMPLE = ROOT / "tests" / "fixtures" / "angthong_2562_computer_systems.txt"
CACHE = ROOT / "build" / "bench"


def build_docx(text: str, path: Path, font: str = "Laksaman", size_pt: int = 16) -> Path:
    """Write ``text`` as a .docx, one paragraph per line, in a Thai font (complex-script font set too)."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = font, Pt(size_pt)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    style.element.get_or_add_rPr().append(style.element.makeelement(qn("w:szCs"), {qn("w:val"): str(size_pt * 2)}))
    style.paragraph_format.space_after = Pt(0)
    for line in text.split("\n"):
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def docx_to_pdf(docx_path: Path, out_dir: Path, password: str | None = None) -> Path:
    """Convert with ``soffice --headless`` (own profile dir, so it runs beside another soffice)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    target = "pdf"
    if password is not None:
        opts = {"EncryptFile": {"type": "boolean", "value": "true"}, "DocumentOpenPassword": {"type": "string", "value": password}}
        target = "pdf:writer_pdf_Export:" + json.dumps(opts)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(out_dir), str(docx_path)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"soffice made no PDF from {docx_path}")
    return pdf


def sample_pdf(text: str, cache: Path = CACHE, password: str | None = None) -> Path:
    """A cached PDF of ``text`` (rebuilt only when the text changes)."""
    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(f"{text}\0{password}".encode()).hexdigest()[:12]
    pdf = cache / f"sample_{key}.pdf"
    if not pdf.exists():
        build_docx(text, cache / f"sample_{key}.docx")
        docx_to_pdf(cache / f"sample_{key}.docx", cache, password)
    return pdf


def cer(truth: str, got: str) -> float:
    """Character error rate with all whitespace removed from both sides."""
    t, g = "".join(truth.split()), "".join(got.split())
    return levenshtein(t, g) / max(len(t), 1)


def pypdfium2_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]
    finally:
        pdf.close()


def pdfplumber_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def saraban_pages(path: Path) -> list[str]:
    """What ingest uses: pypdfium2's characters, lines rebuilt by ``pipeline.readers.pdf_layout``."""
    import pypdfium2 as pdfium

    from pipeline.readers.pdf_layout import page_text

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page_text(pdf[i].get_textpage()) for i in range(len(pdf))]
    finally:
        pdf.close()


EXTRACTORS: dict[str, Callable[[Path], list[str]]] = {
    "pypdfium2": pypdfium2_pages,
    "pypdfium2 + saraban layout": saraban_pages,
    "pdfplumber": pdfplumber_pages,
}


def corpus_pdfs(corpus: Path, limit: int) -> tuple[list[Path], list[str]]:
    """PDFs of a generated corpus and, as their source text, the .docx each was converted from."""
    from pipeline.readers.docx import lines

    pdfs = sorted((corpus / "pdf").glob("*.pdf"))[:limit]
    return pdfs, ["\n".join(lines(corpus / "docx" / f"{p.stem}.docx")) for p in pdfs]


def compare_pdf_readers(pdf_paths: Sequence[Path], truth_texts: Sequence[str], repeat: int = 3) -> list[dict]:
    """One row per (library, normalised?): pages/s and mean CER over the PDFs.

    >>> # compare_pdf_readers([sample_pdf(t)], [t]) -> [{"reader": "pypdfium2", "normalised": False, "cer": 0.0, ...}, ...]
    """
    rows = []
    for name, extract in EXTRACTORS.items():
        texts, pages, start = [], 0, time.perf_counter()
        for _ in range(repeat):
            texts = [extract(Path(p)) for p in pdf_paths]
        seconds = (time.perf_counter() - start) / repeat
        pages = sum(len(t) for t in texts)
        for normalised in (False, True):
            errs = []
            for got_pages, truth in zip(texts, truth_texts, strict=True):
                got = "\n".join(got_pages)
                errs.append(cer(normalize(truth).text, normalize(got).text) if normalised else cer(truth, got))
            rows.append({"reader": name, "normalised": normalised, "pages": pages, "pages_per_s": round(pages / seconds, 1), "cer": round(sum(errs) / len(errs), 4)})
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Build the sample PDF if needed, compare the readers, print a Markdown table."""
    text = SAMPLE.read_text(encoding="utf-8")
    pdf = sample_pdf(text)
    sets = [("the real sample", [pdf], [text])]
    corpus = CACHE / "corpus-5-1000"
    if (corpus / "pdf").is_dir():
        sets.append(("100 generated letters' PDFs (`make bench` corpus)", *corpus_pdfs(corpus, 100)))
    print(f"CPUs: {os.cpu_count()}, Python {sys.version.split()[0]}")
    for title, pdfs, truths in sets:
        rows = compare_pdf_readers(pdfs, truths, repeat=1 if len(pdfs) > 1 else 3)
        print(f"\n{title}: {len(pdfs)} PDFs, {rows[0]['pages']} pages\n")
        print("| reader | normalised | pages/s | CER |\n|---|---|---|---|")
        for r in rows:
            print(f"| {r['reader']} | {'yes' if r['normalised'] else 'no'} | {r['pages_per_s']} | {r['cer']:.2%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
