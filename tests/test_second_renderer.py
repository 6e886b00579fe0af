"""The second renderer (workbench.second_renderer): its truth says what its files print.

Fast: a handful of letters in txt and docx. The PDF and scan path is marked slow.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from docx import Document
from workbench.evaluate import SCALAR_FIELDS, score
from workbench.second_renderer.corpus import write_corpus
from workbench.second_renderer.thai import ABBR_MONTHS, FULL_MONTHS

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("second")
    write_corpus(out, seed=5, n=14, formats=("txt", "docx"))
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _txt(corpus: Path, stem: str) -> str:
    art = {a["file"]: a for a in _rows(corpus / "artefacts.jsonl")}[stem]["txt"]
    raw = (corpus / "txt" / f"{stem}.txt").read_bytes()
    try:
        return raw.decode(art["encoding"])
    except UnicodeDecodeError:
        return raw.decode("utf-8")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _parse(text: str) -> dt.date:
    """``"๑๔ มิถุนายน พ.ศ. ๒๕๖๖"`` / ``"15 ก.ย. 65"`` -> date (B.E. years, 2-digit ones 25xx)."""
    day, month, *rest = text.translate(THAI).replace("พ.ศ.", "").split()
    months = FULL_MONTHS if month in FULL_MONTHS else ABBR_MONTHS
    year = int(rest[-1])
    return dt.date((year + 2500 if year < 100 else year) - 543, months.index(month) + 1, int(day))


REF = re.compile(r"^(?P<a>[ก-ฮ]{2})\.?\s*(?P<u>[0-9.]+)\s*/\s*(?P<c>ว\.?)?\s*(?P<s>[0-9]+)$")


def _canonical(printed: str) -> str:
    """``"มท ๐๘๑๐.๕ /ว.๑๒๓๔"`` -> ``"มท 0810.5/ว 1234"``; ``"๑๒๓/๒๕๖๖"`` -> ``"123/2566"``."""
    text = printed.translate(THAI)
    m = REF.match(text)
    if m is None:
        return text.replace(" ", "")
    return f"{m['a']} {m['u']}/" + ("ว " if m["c"] else "") + m["s"]


def test_every_file_in_the_truth_exists(corpus):
    rows = _rows(corpus / "truth.jsonl")
    assert len(rows) == 14
    for row in rows:
        for rel in row["paths"].values():
            assert (corpus / rel).is_file(), rel
        assert set(row["paths"]) == {"txt", "docx"}


def test_numbers_and_dates_are_printed_as_the_truth_says(corpus):
    for row in _rows(corpus / "truth.jsonl"):
        text = _squash(_txt(corpus, row["file"]))
        if row["ref_no_text"]:
            assert _squash(row["ref_no_text"]) in text
            assert _canonical(row["ref_no_text"]) == row["ref_no"]
        assert _squash(row["doc_date_text"]) in text
        assert _parse(row["doc_date_text"]).isoformat() == row["doc_date"]
        if row["effective_date"]:
            assert _parse(row["effective_date_text"]).isoformat() == row["effective_date"]
        for field in ("subject", "recipient", "issuer", "signer_name"):
            if row[field]:
                assert _squash(row[field]) in text, (row["file"], field)
        assert {"document"} <= {d["role"] for d in row["dates"]}


def test_docx_holds_the_same_letters(corpus):
    for row in _rows(corpus / "truth.jsonl"):
        doc = Document(str(corpus / "docx" / f"{row['file']}.docx"))
        parts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
        text = _squash("\n".join(parts))
        assert _squash(row["doc_date_text"]) in text
        if row["subject"]:
            assert _squash(row["subject"]) in text


def test_citations_of_corpus_letters_carry_their_number_and_date(corpus):
    rows = {f"{r['file']}#{r['segment_index']}": r for r in _rows(corpus / "truth.jsonl")}
    targets = 0
    for row in rows.values():
        for ref in row["references"]:
            assert ref["cited_date"] < row["doc_date"]
            if ref["target"]:
                targets += 1
                cited = rows[ref["target"]]
                assert ref["cited_date"] == cited["doc_date"]
                assert ref["ref_no"] in (cited["ref_no"], f"ว {cited['serial']}")
    assert targets >= 1


def test_the_scorer_reads_the_truth(corpus):
    truth = _rows(corpus / "truth.jsonl")
    records = [{**t, "source_path": f"/x/{t['file']}.txt"} for t in truth]
    s = score(truth, records, "txt").formats[0]
    assert s.n_matched == len(truth)
    assert all(acc == 1.0 for _, acc in s.fields) and len(s.fields) == len(SCALAR_FIELDS)
    assert s.references.f1 == s.attachments.f1 == s.dates.f1 == 1.0


def test_same_seed_same_bytes(corpus, tmp_path):
    write_corpus(tmp_path, seed=5, n=14, formats=("txt", "docx"))
    for name in ("truth.jsonl", "artefacts.jsonl"):
        assert (tmp_path / name).read_bytes() == (corpus / name).read_bytes()
    for fmt in ("txt", "docx"):
        for path in sorted((corpus / fmt).iterdir()):
            assert (tmp_path / fmt / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_kind_turns_up():
    from workbench.second_renderer.corpus import compose

    kinds = {letter.kind for letters in compose(11, 40).values() for letter in letters}
    assert kinds == {"memo", "external", "stamped", "order", "announcement", "regulation"}


@pytest.mark.slow
def test_pdf_and_scan(tmp_path):
    write_corpus(tmp_path, seed=2, n=3, formats=("pdf", "scan"))
    rows = _rows(tmp_path / "truth.jsonl")
    for row in rows:
        assert (tmp_path / row["paths"]["pdf"]).is_file() and (tmp_path / row["paths"]["scan"]).is_file()
    art = _rows(tmp_path / "artefacts.jsonl")
    assert all(a["scan"]["dpi"] >= 150 for a in art)
