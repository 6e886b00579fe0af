"""``saraban report``: the review site of the shipped sample, checked as HTML and in headless Chromium."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_path

from pipeline.cli import main
from pipeline.linked import linked_run
from pipeline.models import Field
from pipeline.report.index_page import confidence_band
from pipeline.report.letter_page import LetterContext, letter_page
from pipeline.report.marks import PAGE_BREAK, Value, letter_html, values

THAI_FONTS = {"Laksaman", "Garuda", "Loma", "Sarabun", "TH Sarabun New", "Noto Sans Thai"}


class _Text(HTMLParser):
    """The text inside the element with ``id=text``, and each <mark>'s (title, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.text, self.marks, self._open = 0, [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "mark":
                self._open.append([attrs.get("title", ""), attrs.get("id"), ""])
        elif attrs.get("id") == "text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if tag == "mark":
                self.marks.append(tuple(self._open.pop()))

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            for m in self._open:
                m[2] += data


def _parsed(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    return parser


@pytest.mark.parametrize(("text", "marks", "expected"), [
    ("ที่ อท ๑/ว ๒", [Value(4, 12, "ref_no", "ที่")],
     'ที่ <mark class="v-ref_no" title="ที่ (ref_no)" id="v-ref_no">อท ๑/ว ๒</mark>'),
    # a date inside a citation: nested marks
    ("อ้างถึง ๑ มค ๖๒", [Value(0, 15, "cites.1", "อ้างถึง 1"), Value(8, 15, "date.cited", "วันที่")],
     '<mark class="v-cites" title="อ้างถึง 1 (cites.1)" id="v-cites.1">อ้างถึง '
     '<mark class="v-date" title="วันที่ (date.cited)" id="v-date.cited">๑ มค ๖๒</mark></mark>'),
    # two values that cross: cut at each edge, the second piece has no id of its own
    ("กขคง", [Value(0, 3, "a", "a"), Value(2, 4, "b", "b")],
     '<mark class="v-a" title="a (a)" id="v-a">กข<mark class="v-b" title="b (b)" id="v-b">ค</mark></mark>'
     '<mark class="v-b" title="b (b)">ง</mark>'),
    ("a<b & c>", [], "a&lt;b &amp; c&gt;"),
    ("หน้า ๑\n\f\nหน้า ๒", [], f"หน้า ๑\n{PAGE_BREAK}\nหน้า ๒"),
])
def test_letter_html(text, marks, expected):
    assert letter_html(text, marks) == expected


@pytest.mark.parametrize(("confidence", "band"), [(1.0, "≥ 0.95"), (0.95, "≥ 0.95"), (0.9, "0.80–0.94"),
                                                   (0.5, "0.50–0.79"), (0.49, "< 0.50"), (0.0, "< 0.50")])
def test_confidence_bands(confidence, band):
    assert confidence_band(confidence) == band


@pytest.fixture(scope="module")
def site(sample_run, tmp_path_factory):
    to = tmp_path_factory.mktemp("site")
    assert main(["report", str(sample_run), "--to", str(to)]) == 0
    return to, linked_run(sample_run)


def test_a_page_per_letter_and_an_index(site):
    root, run = site
    assert (root / "index.html").is_file() and (root / "style.css").is_file()
    assert sorted(p.stem for p in (root / "letters").glob("*.html")) == sorted(r.doc_id for r in run.records)


def test_the_text_is_shown_exactly_as_read_with_each_value_marked(site):
    root, run = site
    for record in run.records:
        parsed = _parsed((root / "letters" / f"{record.doc_id}.html").read_text(encoding="utf-8"))
        assert "".join(parsed.text) == record.text.replace("\f", "")  # no space added, no line lost
        marked = {ident: text for _, ident, text in parsed.marks if ident}
        assert len(marked) == len(values(record))  # one id per value
        page = (root / "letters" / f"{record.doc_id}.html").read_text(encoding="utf-8")
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids))
        for value in values(record):  # a value's first piece (crossing values are cut) begins it
            first = marked[f"v-{value.field}"]
            assert first and record.text[value.start:value.end].replace("\f", "").startswith(first)
        if record.ref_no and record.ref_no.span:
            assert marked["v-ref_no"] == record.ref_no.text


def test_a_thai_name_is_not_respaced(site):
    root, run = site
    memo = next(r for r in run.records if r.ref_no and r.ref_no.canonical == "อท 0017.2/ว 2055")
    page = (root / "letters" / f"{memo.doc_id}.html").read_text(encoding="utf-8")
    assert "ประมวล มุ่งมาตร" in page and "ประ มวล" not in page
    assert "\n" in "".join(_parsed(page).text)  # the letter's own line breaks


def test_the_side_table_has_values_statuses_and_problems(site):
    root, run = site
    memo = next(r for r in run.records if r.ref_no and r.ref_no.canonical == "อท 0017.2/ว 2055")
    page = (root / "letters" / f"{memo.doc_id}.html").read_text(encoding="utf-8")
    assert html.escape(memo.subject.value) in page
    assert "2019-05-26 (๒๖ พฤษภาคม ๒๕๖๒)" in page
    assert page.count('class="status-not_in_corpus"') == 2
    assert "ไม่มีปัญหา" in page or "class=\"problems\"" in page


def test_links_to_cited_and_citing_letters(site):
    root, run = site
    cited = next(r for r in run.records if r.ref_no and r.ref_no.canonical == "อว 0603.32.01/4432")
    citing = [r for r in run.records if any(link.target_doc_id == cited.doc_id for link in r.links)]
    assert len(citing) == 2  # the Word file's third letter and the PDF from นครสวรรค์
    page = (root / "letters" / f"{cited.doc_id}.html").read_text(encoding="utf-8")
    for other in citing:
        assert f'href="{other.doc_id}.html"' in page
        back = (root / "letters" / f"{other.doc_id}.html").read_text(encoding="utf-8")
        assert f'href="{cited.doc_id}.html"' in back and 'class="status-resolved"' in back
    assert "<svg" in page


def test_scans_and_pdfs_have_their_page_images(site):
    from PIL import Image

    root, run = site
    for record in run.records:
        page = (root / "letters" / f"{record.doc_id}.html").read_text(encoding="utf-8")
        images = [p for p in page.split('src="../')[1:]]
        if record.source_format in ("pdf", "image"):
            first, last = record.pages
            assert len(images) == last - first + 1, record.doc_id
            for src in images:
                with Image.open(root / src.split('"')[0]) as img:
                    assert img.width <= 1200
        else:
            assert not images
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total < 5_000_000


def test_the_index_counts_and_lists_unresolved_citations(site):
    root, run = site
    page = (root / "index.html").read_text(encoding="utf-8")
    assert f"{len(run.records)} letters" in page
    for kind in ("txt", "docx", "pdf", "image", "memo", "external", "not_in_corpus", "resolved"):
        assert f"<td>{kind}</td>" in page
    assert "อท ๐๐๑๗.๒/ว ๒๙๓๐" in page  # cited by the sample's memo, not in the archive
    assert page.count('href="letters/') >= len(run.records)


def test_everything_is_escaped(site):
    root, run = site
    record = replace(run.records[0], subject=Field("<script>alert('x')</script> & <b>"))
    page = letter_page(record, LetterContext(run.by_id()))
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (make system-deps installs it)")
def test_the_review_page_of_show_loads_in_chromium(tmp_path):
    page = tmp_path / "review.html"
    sample = Path(__file__).resolve().parent.parent / "data" / "raw" / "txt" / "angthong_2562_computer_systems.txt"
    assert main(["show", str(sample), "--html", str(page)]) == 0
    with Chromium() as browser:
        check = browser.check(page.as_uri(), fonts_of=".text")
    assert check.errors == [] and check.broken_images == []
    assert set(check.fonts) & THAI_FONTS, check.fonts


def test_a_folder_without_a_run_is_a_usage_error(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert "saraban ingest" in capsys.readouterr().err


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (make system-deps installs it)")
def test_every_page_loads_in_chromium_without_errors(site):
    root, run = site
    pages = [root / "index.html", *sorted((root / "letters").glob("*.html"))]
    with Chromium() as browser:
        for path in pages:
            check = browser.check(path.as_uri(), fonts_of="#text" if path.parent.name == "letters" else "h1")
            assert check.errors == [], path.name
            assert check.broken_images == [], path.name
            assert set(check.fonts) & THAI_FONTS, (path.name, check.fonts)


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (make system-deps installs it)")
def test_the_checker_sees_a_broken_page(tmp_path):
    """The browser check is not vacuous: a missing image and a script error are reported."""
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><img src="missing.jpg"><script>console.error("x"); nope();</script></body></html>')
    with Chromium() as browser:
        check = browser.check(bad.as_uri())
    assert check.broken_images == ["missing.jpg"]
    assert any("console: x" == e for e in check.errors) and any(e.startswith("exception") for e in check.errors)


def test_the_committed_screenshot_is_a_small_png():
    shot = Path(__file__).resolve().parent.parent / "docs" / "report-letter.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size < 600_000


def _scan_record(path: Path, sha: str, pages, source_format: str = "image"):
    from pipeline.models import Record, SourceFile, Span

    return Record("abc-0", SourceFile(str(path), sha, 1), source_format, "ocr", 0, Span(0, 4), text="ที่ ๑", pages=pages)


@pytest.fixture
def tiff(tmp_path):
    from PIL import Image

    from pipeline.ingest import file_sha

    path = tmp_path / "three.tif"
    frames = [Image.new("L", (2480, 3508), shade) for shade in (250, 200, 150)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    return path, file_sha(path)


@pytest.mark.parametrize(("pages", "drawn"), [((2, 3), (2, 3)), ((1, 1), (1,)), (None, (1, 2, 3))])
def test_the_pages_a_scanned_letter_stands_on_are_drawn(tiff, tmp_path, pages, drawn):
    from PIL import Image

    from pipeline.ingest import file_sha
    from pipeline.report.images import page_images

    path, sha = tiff
    site = tmp_path / "site"
    images = page_images(_scan_record(path, sha, pages), site / "img", site, file_sha)
    assert images.pages == drawn and images.missing == ""
    for rel, n in zip(images.paths, images.pages, strict=True):
        with Image.open(site / rel) as img:
            assert img.size == (1200, 1697)
            assert abs(img.getpixel((600, 800)) - (250, 200, 150)[n - 1]) <= 2  # the right frame


def test_a_changed_or_missing_source_gives_no_image_but_a_reason(tiff, tmp_path):
    from pipeline.ingest import file_sha
    from pipeline.report.images import page_images

    path, sha = tiff
    site = tmp_path / "site"
    changed = page_images(_scan_record(path, "0" * 64, (1, 1)), site / "img", site, file_sha)
    assert changed.paths == () and "has changed since it was ingested" in changed.missing
    gone = page_images(_scan_record(tmp_path / "gone.tif", sha, (1, 1)), site / "img", site, file_sha)
    assert gone.paths == () and "is not there any more" in gone.missing
    text = page_images(_scan_record(path, sha, (1, 1), source_format="txt"), site / "img", site, file_sha)
    assert text.paths == () and text.missing == ""


def test_the_citation_graph_links_letters_and_draws_statuses(site):
    root, run = site
    page = (root / "index.html").read_text(encoding="utf-8")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'class="e-resolved"' in svg and 'class="e-missing"' in svg
    cited = next(r for r in run.records if r.ref_no and r.ref_no.canonical == "อว 0603.32.01/4432")
    assert f'href="letters/{cited.doc_id}.html"' in svg
    assert "not in the archive: อท 0017.2/ว 2530@2017-08-15" in svg  # ว 2530 and ว 2930: one missing letter


def test_files_the_catalog_lacks_are_listed_from_issues_csv(sample_run, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(sample_run, out)
    with (out / "issues.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write("data/raw/huge.pdf,,error,file_timeout,The file took longer than 30 min (--file-timeout) and was stopped.\n")
    assert main(["report", str(out)]) == 0
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "data/raw/huge.pdf" in page and "file_timeout: The file took longer" in page


def test_a_long_letter_says_how_many_pages_were_not_drawn(tiff, tmp_path, monkeypatch):
    from pipeline.ingest import file_sha
    from pipeline.report import images as module

    monkeypatch.setattr(module, "MAX_PAGES", 2)
    path, sha = tiff
    drawn = module.page_images(_scan_record(path, sha, (1, 3)), tmp_path / "img", tmp_path, file_sha)
    assert (drawn.pages, drawn.left_out) == ((1, 2), 1)
    page = letter_page(_scan_record(path, sha, (1, 3)), LetterContext({}, images=drawn))
    assert "1 more pages not drawn." in page


def test_a_site_folder_that_cannot_be_written_is_a_usage_error(sample_run, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["report", str(sample_run), "--to", str(blocker)]) == 2
    assert "saraban:" in capsys.readouterr().err
