"""Pages fanned out: each OCR page its own task, the document laid out when all are back, the same text
byte for byte as one ``read_pages`` call, and the same tables with one worker or two."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from pipeline.ingest import plan_or_process, process_file, run_ingest
from pipeline.ocr import OcrOptions, read_pages
from pipeline.page_tasks import PageTask, assemble, read_page_task
from pipeline.readers import plan_file

SCAN = Path(__file__).resolve().parents[1] / "data" / "raw" / "scan" / "doc_2549_0005.png"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Path:
    """A 3-page TIFF and a 2-page image-only PDF of the sample scan (the second page cropped: another margin)."""
    folder = tmp_path_factory.mktemp("scans")
    page = Image.open(SCAN).convert("L")
    cropped = page.crop((120, 0, page.width, page.height))
    page.save(folder / "three.tif", save_all=True, append_images=[cropped, page], compression="tiff_lzw")
    page.save(folder / "two.pdf", save_all=True, append_images=[cropped], resolution=300)
    return folder


@pytest.mark.parametrize(("name", "kind", "numbers"), [("three.tif", "image", (1, 2, 3)), ("two.pdf", "pdf", (1, 2))])
def test_a_scan_is_planned_with_its_pages(scans, name, kind, numbers):
    scan = plan_or_process(scans / name)
    assert scan.numbers == numbers
    assert [(t.kind, t.number) for t in PageTask.of(scan)] == [(kind, n) for n in numbers]


@needs_tesseract
def test_pages_read_apart_are_laid_out_as_read_together(scans):
    scan = plan_file(scans / "three.tif")
    options = OcrOptions()
    apart = assemble([read_page_task(t, options) for t in reversed(PageTask.of(scan))], options)
    frames = Image.open(scans / "three.tif")
    together = read_pages([(n, _frame(frames, n)) for n in (1, 2, 3)], options)
    assert apart == together
    assert "ที่" in apart.pages[0].text


def _frame(image, number):
    image.seek(number - 1)
    image.load()
    return image.copy()


@needs_tesseract
def test_one_worker_or_two_give_the_same_tables(scans, tmp_path):
    one = run_ingest([scans], tmp_path / "one", workers=1, use_cache=False)
    two = run_ingest([scans], tmp_path / "two", workers=2, use_cache=False)
    for name in ("documents.csv", "references.csv", "dates.csv", "issues.csv", "records.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert [r.method for r in one.records] == [r.method for r in two.records]
    assert {r.method for r in one.records} == {"ocr"}
    # and the same as the one-process reader (read_file -> read_pages over every page)
    whole = process_file(scans / "two.pdf")
    fanned = [r for r in two.records if r.source.path.endswith("two.pdf")]
    assert fanned == [replace(r, links=f.links) for r, f in zip(whole.records, fanned, strict=True)]
