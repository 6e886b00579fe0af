"""Shared fixture: PDFs built once per test session (python-docx -> LibreOffice), cached by content."""

from __future__ import annotations

import shutil

import pytest
from workbench.bench.pdf_readers import sample_pdf


@pytest.fixture(scope="session")
def build_pdf(tmp_path_factory):
    """``build_pdf(text, password=None) -> Path``; skips the test when LibreOffice is not installed."""
    cache = tmp_path_factory.mktemp("pdfs")

    def build(text: str, password: str | None = None):
        if shutil.which("soffice") is None:
            pytest.skip("LibreOffice (soffice) is not installed")
        return sample_pdf(text, cache=cache, password=password)

    return build


@pytest.fixture(scope="session")
def shipped_out(tmp_path_factory):
    """The shipped sample (data/raw: text, Word, PDF and a scan) ingested once per session by the shipped
    command, with every output (Parquet too) and its catalog, which the report and the exports read."""
    from pathlib import Path

    from pipeline.cli import main

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    out = tmp_path_factory.mktemp("shipped") / "processed"
    assert main(["ingest", str(raw), "--out", str(out), "--quiet", "--parquet", "--xlsx", "--search-index"]) == 0
    return out


@pytest.fixture(scope="session")
def sample_run(shipped_out):
    """The same run, for the tests that read it through its catalog (report, exports)."""
    return shipped_out
