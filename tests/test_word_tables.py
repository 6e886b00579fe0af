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


def test_the_stored_automata_find_what_the_built_ones_find():
    import ahocorasick

    prepare()
    tables = word_tables.load()  # the file as stored (the process's own copy lets the bytes go once read)
    assert {"word_automaton", "damaged_words_automaton", "flooded_words_automaton"} <= tables.keys()
    text = "ต้องกาหนดอานาจหน้าที่ ควำมรับผิดชอบของสำนักงานเขตพื้นที่การศึกษา"
    for name, words in (("word_automaton", thai_spacing.words()), ("damaged_words_automaton", tables["damaged_words"]),
                        ("flooded_words_automaton", tables["flooded_words"])):
        built_one = ahocorasick.Automaton()
        for word in words:
            built_one.add_word(word, len(word))
        built_one.make_automaton()
        loaded = word_tables.automaton_from(tables[name])
        assert sorted(loaded.iter(text)) == sorted(built_one.iter(text)) != []
    word_tables.stored_automaton("word_automaton")  # read now, or by prepare() already when it loaded the store
    assert word_tables.stored_automaton("word_automaton") is None  # once read, its bytes are let go
    assert thai_spacing.word_automaton() is not None


class _Boom:
    def __reduce__(self):
        import os

        return (os.system, ("echo unpickled",))


@pytest.mark.parametrize("data", [
    b"",
    b"not a pickle",
    __import__("pickle").dumps(_Boom()),  # a class other than the automaton: refused, nothing run
    __import__("pickle").dumps({"a": 1}),  # a pickle, not an automaton
])
def test_bytes_that_are_not_an_automaton_give_none(data):
    assert word_tables.automaton_from(data) is None


_TABLE_DIGEST = (
    "import hashlib, marshal\n"
    "from pipeline import thai_repair\n"
    "thai_repair.stored = lambda: {}\n"  # built here, not loaded
    "tables = (thai_repair._damaged_words(), thai_repair._flooded_words())\n"
    "print(hashlib.sha256(marshal.dumps([sorted(t.items()) for t in tables])).hexdigest())\n"
)


def test_the_tables_built_are_the_same_whatever_the_hash_seed():
    """Two words whose damaged forms meet (one key, two words) must resolve the same way in every process:
    the table was built in a set's order once, and a Gazette text read ``ดาเนินการ`` or ``ดำเนินการ`` by
    the hash seed."""
    import os
    import subprocess
    import sys

    digests = {subprocess.run([sys.executable, "-c", _TABLE_DIGEST], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64
