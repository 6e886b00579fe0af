"""Damaged copies of every sample file (workbench.fuzz: bit flips, truncation, splices, zip-entry edits)
never make ``process_file`` raise, and each gives records or issue rows. ``make fuzz`` runs thousands."""

from __future__ import annotations

import random

import pytest
from workbench.fuzz import KINDS, BlankEngine, image_variants, mutants, samples

from pipeline.ocr import OcrOptions
from pipeline.process import process_file

CASES_PER_SAMPLE = 40
SAMPLES = samples()


def test_every_reader_has_samples():
    assert {KINDS[p.suffix.lower()] for p in SAMPLES} == {"text", "docx", "pdf", "image"}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    return {p.suffix: p for p in image_variants(tmp_path_factory.mktemp("variants"))}


@pytest.mark.parametrize("sample", [*SAMPLES, ".jpg", ".tif"], ids=lambda p: getattr(p, "name", p))
def test_damaged_copies_give_records_or_issue_rows(sample, variants, tmp_path):
    sample = variants[sample] if isinstance(sample, str) else sample
    options = OcrOptions(engine=BlankEngine(), qr_codes=False)
    rng = random.Random(f"ci:{sample.name}")
    outcomes = []
    for case, (mutation, data) in enumerate(mutants(sample.read_bytes(), sample.name, rng, CASES_PER_SAMPLE)):
        path = tmp_path / f"case{case}{sample.suffix}"
        path.write_bytes(data)
        result = process_file(path, options)  # never raises
        assert result.records or result.problems, (mutation, case)
        assert all(p.code != "internal_error" for p in result.problems), (mutation, case, result.problems)
        outcomes.append(bool(result.records))
    assert len(outcomes) == CASES_PER_SAMPLE


def test_a_case_is_the_same_bytes_every_time():
    data = SAMPLES[0].read_bytes()
    assert mutants(data, SAMPLES[0].name, random.Random(7), 5) == mutants(data, SAMPLES[0].name, random.Random(7), 5)
