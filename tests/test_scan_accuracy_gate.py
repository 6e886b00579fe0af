"""Scans must keep meeting their targets: 40 corpus letters rendered as 300 dpi scans, read by OCR.

Targets (issues "Read scanned circulars" and "Link circulars like a citator"): ref_no, doc_date and
subject ≥ 95% exact, every other field ≥ 90%, link precision ≥ 0.99 and recall ≥ 0.98. Seed 11 is
the scan set the OCR repairs were developed on, so this is a regression gate; the held-out seed's
figures are in docs/ACCURACY.md.
"""

from __future__ import annotations

import os
import shutil

import pytest
from builders import soffice
from workbench.corpus.render import write_corpus
from workbench.evaluate import SCAN_TARGETS, evaluate, targets_failed

SEED, N = 11, 40


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if soffice() is None or shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice, poppler-utils and tesseract are needed: `make system-deps` installs them")
        pytest.skip("LibreOffice, poppler-utils or tesseract missing")
    corpus = tmp_path_factory.mktemp("scans")
    write_corpus(corpus, seed=SEED, n=N, formats=("scan",))
    return evaluate(corpus, tmp_path_factory.mktemp("work"), ("scan",))


def test_every_scanned_letter_found(report):
    summary = report.get("scan")
    assert (summary.n_truth, summary.n_matched) == (N, N)


def test_scan_targets_met(report):
    assert targets_failed(report, SCAN_TARGETS) == []
