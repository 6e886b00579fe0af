"""The synthetic corpus: deterministic, valid truth, every doc type, text that holds its truth."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from workbench.corpus import DOC_TYPES, generate, write_corpus
from workbench.corpus.generate import TRUTH_KEYS

FIXTURE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.expected.jsonl"
SEED, N = 3, 40


@pytest.fixture(scope="module")
def letters():
    return generate(SEED, N)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, letters):
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(out, SEED, N, formats=("txt", "docx"))
    return out


def _read_txt(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp874"):
        try:
            return raw.decode(enc), enc if not (enc == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf")) else "bom"
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"undecodable {path}")


def _squash(text: str) -> str:
    """No whitespace and no dotted form leaders (``เรื่อง...`` / ``.....ที่มี``)."""
    return re.sub(r"\s+|\.{3,}", "", text)


def test_same_seed_same_truth_and_bytes(tmp_path, letters, corpus):
    assert [x.truth for x in generate(SEED, N)] == [x.truth for x in letters]
    write_corpus(tmp_path, SEED, N, formats=("txt",))
    for path in sorted((corpus / "txt").iterdir()):
        assert (tmp_path / "txt" / path.name).read_bytes() == path.read_bytes()
    assert (tmp_path / "truth.jsonl").read_bytes() == (corpus / "truth.jsonl").read_bytes()
    assert [x.truth for x in generate(SEED + 1, N)] != [x.truth for x in letters]


def test_keys_follow_the_sample(letters):
    sample_keys = list(json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[0]))
    assert list(TRUTH_KEYS) == ["file"] + sample_keys
    assert all(list(x.truth) == list(TRUTH_KEYS) for x in letters)


def test_every_doc_type_appears(letters):
    assert {x.truth["doc_type"] for x in letters} == set(DOC_TYPES)


def test_dates_are_real_and_citations_older(letters):
    by_key = {x.key: x.truth for x in letters}
    for t in letters:
        row = t.truth
        doc = dt.date.fromisoformat(row["doc_date"])
        assert dt.date(1997, 1, 1) <= doc <= dt.date(2026, 12, 31)
        assert {"role": "document", "date": row["doc_date"]} in row["dates"]
        for d in row["dates"]:
            dt.date.fromisoformat(d["date"])
        for ref in row["references"]:
            assert dt.date.fromisoformat(ref["cited_date"]) <= doc
            if ref["target"]:
                target = by_key[ref["target"]]
                assert target["ref_no"] == ref["ref_no"] and target["doc_date"] == ref["cited_date"]
        if row["effective_date"] and row["effective_date_text"] != "บัดนี้":  # บัดนี้: the issue date, no date printed
            assert {"role": "effective", "date": row["effective_date"]} in row["dates"]


def test_ref_nos_unique_and_canonical(letters):
    refs = [x.truth["ref_no"] for x in letters if x.truth["ref_no"]]
    assert len(refs) == len(set(refs))
    pattern = re.compile(r"^(\S{2} [0-9.]+/(ว )?\d+|\d+/25\d\d)$")
    assert all(pattern.match(r) for r in refs), refs


def test_links_chain_and_fan_in(letters):
    targets = Counter(r["target"] for x in letters for r in x.truth["references"] if r["target"])
    assert targets, "no letter cites another corpus letter"
    assert any(r["target"] is None for x in letters for r in x.truth["references"])


def test_files_encodings_and_multi_letter(corpus, letters):
    files = Counter(x.truth["file"] for x in letters)
    assert max(files.values()) >= 2
    encodings = Counter(_read_txt(p)[1] for p in (corpus / "txt").iterdir())
    assert encodings["cp874"] >= 1
    assert sorted(p.stem for p in (corpus / "txt").iterdir()) == sorted(files)


def test_txt_holds_the_printed_truth(corpus, letters):
    for x in letters:
        text, _ = _read_txt(corpus / "txt" / f"{x.truth['file']}.txt")
        assert x.truth["ref_no_text"] in text
        assert x.truth["doc_date_text"] in text
        assert _squash(x.truth["subject"]) in _squash(text)
        for field in ("recipient", "issuer", "signer_name", "signer_acting_for"):
            assert _squash(x.truth[field]) in _squash(text), (field, x.truth[field])


def test_docx_holds_the_subject(corpus, letters):
    from docx import Document

    x = next(t for t in letters if t.truth["doc_type"] == "external")
    doc = Document(str(corpus / "docx" / f"{x.truth['file']}.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert _squash(x.truth["subject"]) in _squash(text)
    assert x.truth["ref_no_text"] in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_render_small(tmp_path):
    write_corpus(tmp_path, 5, 2, formats=("pdf",))
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert pdfs and all(p.stat().st_size > 1000 for p in pdfs)
