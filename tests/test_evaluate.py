"""The scorer on hand-made truth and records, with the exact figures it must report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workbench.evaluate import (
    DIGITAL_TARGETS,
    PRF,
    SCALAR_FIELDS,
    EvalReport,
    Targets,
    evaluate,
    norm,
    score,
    targets_failed,
)


def _row(key: str, **values) -> dict:
    file, seg = key.split("#")
    row = {f: "" for f in SCALAR_FIELDS}
    row.update(file=file, segment_index=int(seg), serial=None, is_circular=False, references=[], attachments=[],
               dates=[])
    row.update(values)
    return row


def _dates(*pairs) -> list[dict]:
    return [{"role": r, "date": d} for r, d in pairs]


TRUTH = [
    _row("a#0", doc_type="memo", ref_no="อท 0017.2/ว 2055", serial=2055, is_circular=True, doc_date="2019-05-26",
         subject="การปรับปรุง หลักเกณฑ์", dates=_dates(("document", "2019-05-26"), ("meeting", "2018-11-28"))),
    _row("a#1", doc_type="external", ref_no="อท 0017.2/ว 2056", doc_date="2019-05-27",
         references=[{"seq": 1, "where": "header", "ref_no": "อท 0017.2/ว 2055", "cited_date": "2019-05-26",
                      "target": "a#0"},
                     {"seq": 2, "where": "body", "ref_no": "มท 0808/ว 10", "cited_date": "2018-01-02", "target": None}],
         attachments=[{"seq": 1, "description": "แบบรายงาน ผล", "quantity": 1, "unit": "ฉบับ"}],
         dates=_dates(("document", "2019-05-27"), ("cited", "2019-05-26"), ("cited", "2018-01-02"))),
    _row("b#0", doc_type="order", ref_no="12/2562", serial=12, doc_date="2019-06-01", dates=_dates(("document", "2019-06-01"))),
]


def _record(truth: dict, doc_id: str, fmt: str = "txt", **changes) -> dict:
    rec = {k: v for k, v in truth.items() if k != "file"}
    rec.update(doc_id=doc_id, source_path=f"/corpus/{fmt}/{truth['file']}.{fmt}", references=[])
    rec.update(changes)
    return rec


RECORDS = [
    _record(TRUTH[0], "h-0", subject="การปรับปรุง\nหลักเกณฑ์", doc_date="2019-05-21", serial="2055", is_circular="true",
            dates=_dates(("document", "2019-05-21"), ("meeting", "2018-11-28"))),
    _record(TRUTH[1], "h-1",
            references=[{"ref_no": "อท 0017.2/ว 2055", "cited_date": "2019-05-26", "target_doc_id": "h-0",
                         "status": "resolved"},
                        {"ref_no": "มท 0808/ว 10", "cited_date": "2018-01-03", "target_doc_id": "", "status": "not_in_corpus"}],
            attachments=[{"description": "แบบรายงานผล", "quantity": 1, "unit": "ฉบับ"}],
            dates=_dates(("document", "2019-05-27"), ("cited", "2019-05-26"), ("cited", "2018-01-03"))),
    _record(TRUTH[2], "g-0", doc_type="announcement",
            references=[{"ref_no": "อท 0017.2/ว 2056", "cited_date": "2019-05-27", "target_doc_id": "h-1",
                         "status": "probable"}]),
    _record(_row("b#1", doc_type="other"), "g-1", dates=_dates(("document", "2019-06-02"))),
]


@pytest.fixture(scope="module")
def result():
    return score(TRUTH, RECORDS, "txt").get("txt")


def test_counts_and_fields(result):
    assert (result.n_truth, result.n_records, result.n_matched) == (3, 4, 3)
    acc = result.field_accuracy
    assert acc["doc_type"] == pytest.approx(2 / 3)
    assert acc["doc_date"] == pytest.approx(2 / 3)
    assert acc["subject"] == 1.0  # whitespace removed before comparing
    assert acc["serial"] == 1.0 and acc["is_circular"] == 1.0
    assert sum(1 for v in acc.values() if v < 1) == 2


def test_lists(result):
    assert result.references == PRF(1, 2, 1)
    assert result.references.f1 == pytest.approx(0.4)
    assert result.attachments == PRF(1, 0, 0)
    assert result.dates == PRF(4, 3, 2)
    assert result.dates.f1 == pytest.approx(8 / 13)


def test_links_and_segmentation(result):
    assert result.links == PRF(1, 1, 0)
    assert (result.links.precision, result.links.recall) == (0.5, 1.0)
    assert (result.n_files, result.files_ok, result.segmentation) == (2, 1, 0.5)


def test_misses_name_field_and_key(result):
    fields = {(m.field, m.key) for m in result.misses}
    assert {("doc_date", "a#0"), ("doc_type", "b#0"), ("references", "a#1"), ("dates", "a#0"), ("link", "b#0"),
            ("letter", "b#1")} <= fields
    miss = next(m for m in result.misses if m.field == "doc_date")
    assert (miss.expected, miss.got) == ("2019-05-26", "2019-05-21")


def test_perfect_records_meet_targets():
    perfect = [_record(t, f"{t['file']}-{t['segment_index']}") for t in TRUTH]
    perfect[1]["references"] = [dict(r, target_doc_id="a-0" if r["target"] else "",
                                     status="resolved" if r["target"] else "not_in_corpus")
                                for r in TRUTH[1]["references"]]
    report = score(TRUTH, perfect)
    assert targets_failed(report) == []
    assert report.get("txt").links == PRF(1, 0, 0)


def test_targets_failed_lists_misses():
    failed = targets_failed(score(TRUTH, RECORDS, "txt"))
    assert "txt: segmentation 0.500 < 1.0" in failed
    assert "txt: link_precision 0.500 < 1.0" in failed
    assert "txt: doc_type 0.667 < 0.99" in failed
    scan = score(TRUTH, RECORDS, "scan")
    assert targets_failed(scan, DIGITAL_TARGETS) == []  # scans are not held to the digital targets
    failed = targets_failed(scan)  # but to their own
    assert "scan: doc_date 0.667 < 0.95" in failed and "scan: doc_type 0.667 < 0.9" in failed
    assert not any("segmentation" in f or "_f1" in f for f in failed)
    assert targets_failed(scan, Targets(formats=("scan",)))


def test_norm():
    assert norm("serial", "12") == 12 and norm("serial", None) is None and norm("ref_no", "") is None
    assert norm("is_circular", "true") is True and norm("is_circular", False) is False
    assert norm("issuer", "ศาลากลาง จังหวัด\nอ่างทอง") == "ศาลากลางจังหวัดอ่างทอง"


def test_markdown_has_tables(result):
    text = EvalReport((result,)).to_markdown()
    assert "| txt | 3 | 3 | 4 | 50.0 | 40.0 | 100.0 | 61.5 | 50.0 | 100.0 |" in text
    assert "| doc_date | 66.7 |" in text
    assert "txt `doc_date`: 1" in text


def test_evaluate_runs_each_format_separately(tmp_path):
    corpus = tmp_path / "corpus"
    for fmt in ("txt", "pdf"):
        (corpus / fmt).mkdir(parents=True)
    (corpus / "truth.jsonl").write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in TRUTH), "utf-8")
    calls = []

    def run_ingest(paths: list[Path], out_dir: Path, ocr) -> object:
        fmt = paths[0].name
        calls.append(fmt)
        rows = RECORDS if fmt == "txt" else [_record(t, f"p-{i}", fmt) for i, t in enumerate(TRUTH)]
        with (out_dir / "records.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return None

    report = evaluate(corpus, tmp_path / "work", ingest=run_ingest)
    assert calls == ["txt", "pdf"]
    assert report.get("txt").segmentation == 0.5
    pdf = report.get("pdf")
    assert pdf.segmentation == 1.0 and pdf.references == PRF(0, 0, 2) and pdf.links == PRF(0, 0, 1)
