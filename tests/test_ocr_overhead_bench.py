"""The OCR CPU benchmark's arithmetic: ratios of summed CPU per set and overall, calls counted by module."""

from __future__ import annotations

import pytest
from fake_engines import CannedEngine
from PIL import Image
from workbench.bench.ocr_overhead import Calls, CountingEngine, PageCpu, report

from pipeline.ocr import OcrOptions
from pipeline.ocr.page import read_page

ROWS = [PageCpu("real letters", "03.pdf", 1, bare=4.0, ours_self=0.5, ours_children=4.1),
        PageCpu("real letters", "08.pdf", 2, bare=1.0, ours_self=0.4, ours_children=0.5),
        PageCpu("corpus seed 5", "a.tif", 1, bare=1.0, ours_self=0.2, ours_children=0.7)]


@pytest.mark.parametrize(("row", "expected"), [
    ("| real letters | 2 |", "| real letters | 2 | 2.50 | 2.75 | 2.30 | **1.10** |"),   # (4.6 + 0.9) / (4 + 1)
    ("| corpus seed 5 |", "| corpus seed 5 | 1 | 1.00 | 0.90 | 0.70 | **0.90** |"),
    ("| **all** |", "| **all** | 3 | 2.00 | 2.13 | 1.77 | **1.07** |"),            # 6.4 / 6.0
])
def test_ratios_are_summed_cpu_over_summed_cpu(row, expected):
    lines = report(ROWS).splitlines()
    assert [line for line in lines if line.startswith(row)] == [expected]
    assert "Worst page: 08.pdf p2, 1.00 s bare, 0.90 s ours (0.90x)" not in lines
    assert lines[-1] == "Worst page: 03.pdf p1, 4.00 s bare, 4.60 s ours (1.15x)"


def test_each_engine_call_is_counted_under_the_module_that_made_it():
    calls = Calls()
    engine = CountingEngine(CannedEngine("เรื่อง ขอเชิญประชุม"), calls)
    page = Image.new("L", (400, 300), 250)
    page.paste(0, (40, 40, 360, 70))
    read_page(page, 1, OcrOptions(thai_digits=False, stamps=False), engine)
    # the bar no canned word box covers is a dropped line to the recover step: two crops of it read, in one go
    assert (calls.count, calls.images) == ({"page": 1, "recover": 1}, {"page": 1, "recover": 2})
    assert calls.megapixels["page"] == pytest.approx(0.12)
    assert 0 < calls.megapixels["recover"] < 0.12
