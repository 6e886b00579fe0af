"""The real-document evaluation (workbench.eval_real): its report section, and a quick run on the
shared development sets when they lie beside the clone (skipped otherwise)."""

from pathlib import Path

import pytest
from workbench.eval_real import SECTION, score_gazette, text_key, write_section

ROOT = Path(__file__).resolve().parents[1]
REAL = next((p for p in (ROOT.parent / "shared" / "real", Path("/work/shared/real")) if p.is_dir()), None)


def test_section_replaced_in_place(tmp_path):
    report = tmp_path / "ACCURACY.md"
    report.write_text("# Accuracy\n\nintro\n\n## Real documents\n\nold\n\n## Scans\n\nkept\n", encoding="utf-8")
    write_section(report, f"{SECTION}\n\nnew figures")
    text = report.read_text(encoding="utf-8")
    assert "new figures" in text and "old" not in text and "## Scans\n\nkept" in text and text.startswith("# Accuracy")


def test_section_appended(tmp_path):
    report = tmp_path / "ACCURACY.md"
    report.write_text("# Accuracy\n\nintro\n", encoding="utf-8")
    write_section(report, f"{SECTION}\n\nfigures")
    assert report.read_text(encoding="utf-8").endswith("## Real documents\n\nfigures\n")


def test_keys_ignore_damage_the_labels_do_not_have():
    assert text_key("ตั้งและก ําหนด  เขต๑") == text_key("ตั้งและกำหนดเขต1")


def test_gazette_scoring_rules():
    labels = [{"file": "a.txt", "title": "ประกาศ ก เรื่อง ข", "kind": "announcement", "subject": "ข",
               "pub_date": "2023-03-20"},
              {"file": "b.txt", "title": "กฎกระทรวง ค", "kind": "law", "subject": "", "pub_date": "2023-03-20"}]
    recs = {"a.txt": [{"doc_type": "announcement", "subject": "ข", "doc_date": "2023-03-21", "signer_name": "ก ข",
                       "gazette_date": "2023-03-21"}],
            "b.txt": [{"doc_type": "regulation", "doc_date": "2023-03-01", "signer_name": ""}]}
    s = score_gazette(recs, labels)
    assert (s.found, s.kind, s.subject, s.subject_n, s.date, s.impossible, s.label_day_early, s.signer) == \
        (2, 2, 1, 1, 1, 1, 1, 1)


@pytest.mark.skipif(REAL is None, reason="the real development sets (../shared/real) are not here")
def test_first_gazette_texts(tmp_path):
    import json

    from workbench.eval_real import read_records

    from pipeline.ingest import run_ingest

    labels = [json.loads(x) for x in (REAL / "gazette" / "labels.jsonl").read_text(encoding="utf-8").splitlines()[:60]]
    run_ingest([REAL / "gazette" / x["file"] for x in labels], tmp_path, workers=1, use_cache=False)
    s = score_gazette(read_records(tmp_path), labels)
    assert s.rate("found") >= 0.95 and s.rate("kind") >= 0.95 and s.rate("date") >= 0.85 and s.rate("signer") >= 0.85
    assert s.impossible_printed == 0
