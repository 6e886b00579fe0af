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
def sample_run(tmp_path_factory):
    """The shipped sample (data/raw: text, Word, PDF and a scan) ingested once per session: the output
    folder, whose catalog the report and the exports read."""
    from pathlib import Path

    from pipeline.ingest import run_ingest

    out = tmp_path_factory.mktemp("sample-run")
    run_ingest([Path(__file__).resolve().parent.parent / "data" / "raw"], out, workers=2)
    return out
