"""The stored word tables (pipeline/word_tables.py): what a run loads is what it would have built, and a
file that is not this code's is never used."""

from __future__ import annotations

import marshal

import pytest

from pipeline import thai_repair, thai_spacing, word_tables
from pipeline.normalize import normalize, prepare


def built() -> dict:
    """The tables as the code builds them, with no stored file (the functions' caches bypassed)."""
    freq = thai_repair._frequencies()
    common = frozenset(w for w in thai_spacing.words() if freq.get(w, 0) >= 5 or len(w) >= 6)
    return {"common": common}


def test_a_run_stores_the_tables_it_builds_and_the_next_loads_the_same(tmp_path):
    prepare()
    tables = {"words": thai_spacing.words(), "common": thai_repair._common(),
              "damaged_words": thai_repair._damaged_words(), "flooded_words": thai_repair._flooded_words(),
              "damage_trigrams": thai_repair._damage_trigrams(), "flood_trigrams": thai_repair._flood_trigrams()}
    store = tmp_path / "word_tables.marshal"
    assert word_tables.save(tables, store)
    loaded = word_tables.load(store)
    assert loaded == tables
    assert loaded["damaged_words"]["อานาจ"] == "อำนาจ"
    assert loaded["flooded_words"]["ควำม"] == "ความ"
    assert loaded["common"] == built()["common"]  # the stored copy is the one the code makes


@pytest.mark.parametrize("content", [
    b"",  # empty
    b"\x00\x01garbage",  # not marshal
    marshal.dumps(["a", "list"]),  # marshal, not ours
    marshal.dumps({"key": "0" * 64, "tables": {"words": frozenset({"ก"})}}),  # another code's or pythainlp's
    marshal.dumps({"tables": {"words": frozenset({"ก"})}}),  # no key
])
def test_a_file_that_is_not_this_codes_is_ignored(tmp_path, content):
    store = tmp_path / "word_tables.marshal"
    store.write_bytes(content)
    assert word_tables.load(store) == {}


def test_no_file_and_an_unwritable_folder_mean_built_tables(tmp_path):
    assert word_tables.load(tmp_path / "absent.marshal") == {}
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert word_tables.save({"words": frozenset()}, blocked / "word_tables.marshal") is False


def test_the_repairs_read_the_same_with_the_stored_tables():
    prepare()
    assert normalize("อานาจหน้าที่ ควำมรับผิดชอบ ระเบยี บ").text == "อำนาจหน้าที่ ความรับผิดชอบ ระเบียบ"
