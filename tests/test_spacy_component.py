"""The spaCy component ``saraban`` (factory, entry point) and ``saraban export-spacy`` (a DocBin)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from pipeline.cli import main
from pipeline.codec import from_plain
from pipeline.export.spacy_docbin import cut_tokens
from pipeline.linked import linked_run
from pipeline.models import Record
from pipeline.normalize import normalize
from pipeline.spacy_component import ENTITY_LABELS, SPANS_KEY, make_saraban

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "txt" / "angthong_2562_computer_systems.txt"


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("th")


@pytest.fixture(scope="module")
def sample_doc(nlp):
    component = make_saraban(nlp, "saraban")
    return component(nlp(SAMPLE.read_text(encoding="utf-8")))


def _no_overlap(spans) -> bool:
    ordered = sorted(spans, key=lambda s: s.start)
    return all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False))


def test_the_factory_fills_spans_ents_and_the_record(sample_doc):
    ents = [(e.text, e.label_) for e in sample_doc.ents]
    assert ents[:3] == [("จังหวัดอ่างทอง สำนักงานจังหวัดอ่างทอง กลุ่มงานยุทธศาสตร์และข้อมูลฯ", "ORG"),
                        ("อท ๐๐๑๗.๒ / ว ๒๐๕๕", "REF"), ("๒๖ พฤษภาคม ๒๕๖๒", "DATE")]
    assert ("ประมวล มุ่งมาตร", "PERSON") in ents and ("รองผู้ว่าราชการจังหวัด", "POSITION") in ents
    assert {e.label_ for e in sample_doc.ents} == set(ENTITY_LABELS)
    assert _no_overlap(sample_doc.ents)
    record = from_plain(sample_doc._.saraban)
    assert isinstance(record, Record) and record.ref_no.canonical == "อท 0017.2/ว 2055"
    assert [from_plain(r).ref_no.canonical for r in sample_doc._.saraban_letters] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]
    by_column = {s.id_: s for s in sample_doc.spans[SPANS_KEY] if s.kb_id_ == record.doc_id}
    # the span is on the Doc's own text: printed over two lines with dotted leaders, which normalising removes
    assert "....." in by_column["subject"].text
    assert "".join(normalize(by_column["subject"].text).text.split()) == "".join(record.subject.value.split())
    assert by_column["cites_ref_no.1"].text == "อท ๐๐๑๗.๒/ว ๒๙๓๐"
    assert sample_doc.user_data["saraban_widened"] == []  # newmm cut the sample at every value's edge


def test_spans_index_the_docs_own_text_before_normalisation(nlp):
    """A zero-width space is removed for reading, yet each span falls on the Doc's own text."""
    text = SAMPLE.read_text(encoding="utf-8").replace("เรื่อง  การปรับปรุง", "เรื่อง  การปรับปรุง\u200b", 1)
    doc = make_saraban(nlp, "saraban")(nlp(text))
    ref = next(e for e in doc.ents if e.label_ == "REF")
    assert ref.text == "อท ๐๐๑๗.๒ / ว ๒๐๕๕"
    assert doc.text == text


def test_a_value_inside_a_token_is_widened_and_listed(nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    doc = Doc(nlp.vocab, words=[text], spaces=[False])  # one token: no value edge falls on a token edge
    make_saraban(nlp, "saraban")(doc)
    assert "ref_no" in doc.user_data["saraban_widened"]
    assert all(s.text == text for s in doc.spans[SPANS_KEY])
    assert len(doc.ents) == 1  # widened spans overlap: one is kept


def test_add_pipe_by_name(nlp):
    pipeline = spacy.blank("th")
    pipeline.add_pipe("saraban")
    assert pipeline.pipe_names == ["saraban"]
    doc = pipeline("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\nศาลากลางจังหวัดอ่างทอง\n๒๖ พฤษภาคม ๒๕๖๒\nเรื่อง ทดสอบ\nเรียน ผู้ว่าราชการจังหวัด\n")
    assert ("อท ๐๐๑๗.๒/ว ๒๐๕๕", "REF") in [(e.text, e.label_) for e in doc.ents]


def test_the_entry_point_is_declared():
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["spacy_factories"] == {"saraban": "pipeline.spacy_component:make_saraban"}


def _installed_from_this_tree():
    """saraban's metadata when it comes from this tree (``pip install -e .`` here: a dist-info pointing here,
    or the egg-info it leaves in the tree), else None."""
    try:
        dist = distribution("saraban")
    except PackageNotFoundError:
        return None
    origin = json.loads(dist.read_text("direct_url.json") or "{}").get("url", "")
    here = Path(str(dist.locate_file(""))).resolve() == ROOT
    return dist if here or origin.rstrip("/") == ROOT.as_uri() else None


@pytest.mark.skipif(_installed_from_this_tree() is None,
                    reason="saraban is not installed from this tree (pip install -e .), so its entry points are not")
def test_the_installed_entry_point_finds_the_component_without_an_import():
    points = [p for p in _installed_from_this_tree().entry_points if p.group == "spacy_factories"]
    assert [(p.name, p.value) for p in points] == [("saraban", "pipeline.spacy_component:make_saraban")]
    code = ("import spacy, sys; nlp = spacy.blank('th'); nlp.add_pipe('saraban'); "  # no import of pipeline
            "print(sys.modules['pipeline.spacy_component'].__file__); "
            "print([(e.text, e.label_) for e in nlp('ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\\nเรื่อง ทดสอบ\\n').ents])")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert out.stdout.splitlines()[0] == str(ROOT / "pipeline" / "spacy_component.py")
    assert "('อท ๐๐๑๗.๒/ว ๒๐๕๕', 'REF')" in out.stdout


@pytest.mark.parametrize(("words", "cuts", "expected"), [
    (["ที่อท", " ", "๐๐๑๗"], {3}, ["ที่", "อท", " ", "๐๐๑๗"]),
    (["ab", "cd"], {2}, ["ab", "cd"]),
    (["abcdef"], {1, 3, 5}, ["a", "bc", "de", "f"]),
    (["ab"], set(), ["ab"]),
])
def test_cut_tokens(words, cuts, expected):
    assert cut_tokens(words, cuts) == expected


@pytest.fixture(scope="module")
def docbin(sample_run, tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("spacy") / "letters.spacy"
    assert main(["export-spacy", str(sample_run), "--to", str(path)]) == 0
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def test_the_docbin_holds_every_letter_with_exact_spans(sample_run, docbin):
    records = {r.doc_id: r for r in linked_run(sample_run).records}
    assert sorted(d.user_data["doc_id"] for d in docbin) == sorted(records)
    for doc in docbin:
        record = records[doc.user_data["doc_id"]]
        assert doc.text == record.text
        assert from_plain(doc._.saraban).doc_id == record.doc_id
        base = record.span.start
        spans = {s.id_: s for s in doc.spans[SPANS_KEY]}
        if record.ref_no and record.ref_no.span:
            assert spans["ref_no"].text == record.ref_no.text
        for date in record.dates:
            assert any(s.label_ == "DATE" and (s.start_char, s.end_char) == (date.span.start - base, date.span.end - base)
                       for s in doc.spans[SPANS_KEY])
        assert list(doc.user_data["saraban_widened"]) == []
        assert _no_overlap(doc.ents)


def test_the_docbin_names_the_signer(docbin):
    memo = next(d for d in docbin if from_plain(d._.saraban).ref_no and from_plain(d._.saraban).ref_no.canonical == "อท 0017.2/ว 2055")
    ents = [(e.text, e.label_) for e in memo.ents]
    assert ("ประมวล มุ่งมาตร", "PERSON") in ents
    assert ("อท ๐๐๑๗.๒/ว ๓๖๐๒", "REF") in ents  # a cited number
