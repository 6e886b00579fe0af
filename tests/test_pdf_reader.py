"""The PDF reader on a LibreOffice PDF of the sample letters (Laksaman 16 pt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbench.bench.pdf_readers import cer, levenshtein, pdfplumber_pages

from pipeline.readers import read_file

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"


@pytest.fixture(scope="module")
def sample(build_pdf):
    text = SAMPLE.read_text(encoding="utf-8")
    return text, build_pdf(text)


def test_pypdfium2_text_matches_source(sample):
    text, pdf = sample
    doc = read_file(pdf)
    assert (doc.source_format, doc.reader, doc.method, doc.problems) == ("pdf", "pypdfium2", "text", ())
    assert len(doc.pages) >= 5 and all(not p.broken for p in doc.pages)
    got = doc.raw_text
    assert cer(text, got) <= 0.005
    for word in ("สำนัก", "กลุ่ม", "เรื่อง", "ปฏิบัติราชการแทน", "อท ๐๐๑๗.๒"):
        assert word in got


def test_pdfplumber_garbles_the_same_pdf(sample):
    """Why pypdfium2: pdfplumber duplicates and displaces Thai marks in this PDF."""
    text, pdf = sample
    got = "\n".join(pdfplumber_pages(pdf))
    assert any(bad in got for bad in ("สำานัก", "กล่่ม", "เร่อื ง"))
    assert cer(text, got) > 0.01


@pytest.mark.parametrize(("a", "b", "distance"), [("", "", 0), ("กขค", "", 3), ("สำนัก", "สำานัก", 1), ("เรื่อง", "เร่อื ง", 3), ("abc", "abd", 1)])
def test_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance
