"""`saraban show`: one file's letters in the terminal, and the review page with values highlighted."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pipeline.cli import main
from pipeline.show import show_file

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"


def test_show_prints_every_letter_with_its_values():
    out = io.StringIO()
    assert show_file(SAMPLE, spans=True, out=out) == 0
    text = out.getvalue()
    assert text.count("── letter ") == 2
    assert "อท 0017.2/ว 2055" in text and "อท 0017.2/ว 2056" in text
    assert "cites #1 (body) อท 0017.2/ว 2930 2017-08-15 จังหวัดอ่างทอง -> not_in_corpus" in text
    assert "⟦ref_no: อท ๐๐๑๗.๒ / ว ๒๐๕๕⟧" in text  # the value marked where it was read


def test_review_page_highlights_values(tmp_path):
    page = tmp_path / "review.html"
    assert main(["show", str(SAMPLE), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    for label in ("ref_no", "subject", "date.effective", "date.meeting", "cites.1", "attachment.4", "signer"):
        assert f"({label})" in html, label  # each <mark>'s title names its column
    assert '<mark class="v-ref_no" title="ที่ (ref_no)" id="0-v-ref_no">อท ๐๐๑๗.๒ / ว ๒๐๕๕</mark>' in html
    assert "ประมวล มุ่งมาตร" in html and "ประ มวล" not in html  # no spaces put between Thai words
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and "1-v-ref_no" in ids  # two letters on one page, ids kept apart


def test_show_of_an_unreadable_file_says_why(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    out = io.StringIO()
    assert show_file(bad, out=out) == 1
    assert "pdf_unreadable" in out.getvalue()
