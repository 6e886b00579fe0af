"""The real two-letter sample reproduces its hand-checked truth, as .txt, .docx and PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from builders import docx_from_text, pdf_from_docx, soffice

from pipeline.ingest import run_ingest

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "angthong_2562_computer_systems.txt"
TRUTH = [json.loads(line) for line in (FIXTURES / "angthong_2562_computer_systems.expected.jsonl").open(encoding="utf-8")]
TEXT_FIELDS = {"subject", "recipient", "issuer", "signer_position", "signer_acting_for"}
SCALARS = [k for k in TRUTH[0] if k not in ("references", "attachments", "dates")]


def _squash(value):
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sample")
    text = SAMPLE.read_text(encoding="utf-8")
    files = {"txt": SAMPLE}
    # the external letter starts on a new page, as it would in print
    lines = text.split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖"))
    files["docx"] = docx_from_text(text, folder / "sample.docx", page_break_before=(second,))
    if soffice():
        files["pdf"] = pdf_from_docx(files["docx"], folder)
    return files


@pytest.fixture(scope="module", params=["txt", "docx", "pdf"])
def records(request, sample_files, tmp_path_factory):
    if request.param not in sample_files:
        pytest.fail("LibreOffice is missing: `make system-deps` installs it")
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    run_ingest([sample_files[request.param]], out, workers=1, use_cache=False)
    return [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]


def test_two_letters(records):
    assert [r["segment_index"] for r in records] == [0, 1]


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize("key", SCALARS)
def test_field(records, index, key):
    expected, got = TRUTH[index][key], records[index][key]
    if key in TEXT_FIELDS:
        expected, got = _squash(expected), _squash(got)
    assert got == (expected if expected != "" else None) or got == expected


@pytest.mark.parametrize("index", [0, 1])
def test_references(records, index):
    want = [(r["seq"], r["where"], r["cited_issuer"], r["ref_no"], r["cited_date"], r["status"])
            for r in TRUTH[index]["references"]]
    got = [(r["seq"], r["where"], r["cited_issuer"], r["ref_no"], r["cited_date"], r["status"])
           for r in records[index]["references"]]
    assert got == want


@pytest.mark.parametrize("index", [0, 1])
def test_attachments(records, index):
    want = [(a["seq"], _squash(a["description"]), a["quantity"], a["unit"]) for a in TRUTH[index]["attachments"]]
    got = [(a["seq"], _squash(a["description"]), a["quantity"], a["unit"]) for a in records[index]["attachments"]]
    assert got == want


@pytest.mark.parametrize("index", [0, 1])
def test_dates(records, index):
    assert [(d["role"], d["date"]) for d in records[index]["dates"]] == \
        [(d["role"], d["date"]) for d in TRUTH[index]["dates"]]


def test_missing_letter_cited_under_two_numbers_is_one_group(records):
    memo_2930 = records[0]["references"][0]
    letter_2530 = records[1]["references"][0]
    assert memo_2930["cited_group"] == letter_2530["cited_group"] == "อท 0017.2/ว 2530@2017-08-15"
