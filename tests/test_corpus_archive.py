"""The corpus's archive scans: what each mark says and where it is, from the seed alone."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw
from workbench.corpus.archive import age_page, final_box, finish, plan_file, receipt_stamp


def clean_page() -> Image.Image:
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for y in range(700, 2600, 90):
        draw.rectangle((300, y, 2100, y + 40), fill=0)
    return page


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_receipt_stamp_says_when_it_was_received(seed):
    stamp = receipt_stamp(random.Random(seed), dt.date(2022, 8, 31))
    rows = stamp.text.split("\n")
    assert [r.split(" ")[0] for r in rows[1:]] == ["เลขรับ", "วันที่", "เวลา"]
    received = dt.date.fromisoformat(stamp.received_date)
    assert dt.date(2022, 9, 1) <= received <= dt.date(2022, 9, 12)  # after the letter, never its date
    assert stamp.received_no.isdigit() and stamp.ink in ("blue", "red", "black")


@pytest.mark.parametrize(("box", "angle", "dpi", "expected"), [
    ((100, 200, 50, 40), 0.0, 300, [100, 200, 50, 40]),
    ((100, 200, 50, 40), 0.0, 150, [50, 100, 25, 20]),
    ((1190, 1690, 100, 100), 90.0, 300, [1190, 1690, 100, 100]),  # a box at the centre turns in place
])
def test_final_box_follows_the_skew_and_the_resolution(box, angle, dpi, expected):
    assert final_box(box, (2480, 3480), angle, dpi) == expected


def test_an_aged_page_carries_the_stamp_where_its_truth_says():
    rng = random.Random(5)
    plan = {**plan_file(rng), "colour": True, "stamp_share": 1.0, "dpi": 300, "skew": 0.0, "holes": True}
    aged, marks = age_page(clean_page(), rng, first=True, signer_boxes=[(1200, 2300, 500, 60)],
                           letter_date=dt.date(2022, 8, 31), plan=plan)
    assert len(marks["stamps"]) == 1 and len(marks["emblem"]) == 1
    left, top, width, height = marks["stamps"][0]["box"]
    ink = np.asarray(aged.convert("RGB").crop((left, top, left + width, top + height)), dtype=np.int16)
    assert ((ink.max(axis=2) - ink.min(axis=2)) > 60).mean() > 0.01 or marks["stamps"][0]["ink"] == "black"
    final = finish(aged, rng, plan, 0.0)
    assert final.mode == "RGB" and final.size == (2480, 3508)
    rng_again = random.Random(5)
    plan_again = {**plan_file(rng_again), "colour": True, "stamp_share": 1.0, "dpi": 300, "skew": 0.0, "holes": True}
    _, marks_again = age_page(clean_page(), rng_again, first=True, signer_boxes=[(1200, 2300, 500, 60)],
                              letter_date=dt.date(2022, 8, 31), plan=plan_again)
    assert marks_again == marks  # the seed decides everything
