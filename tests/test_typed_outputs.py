"""Typed outputs of the shipped sample: Parquet, saraban.sqlite, saraban.xlsx, texts and read_tables."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pipeline.tables import ALL_TABLES, TYPES


@pytest.mark.parametrize("table", sorted(ALL_TABLES))
def test_every_column_has_one_declared_type(table):
    assert tuple(TYPES[table]) == ALL_TABLES[table]
    assert set(TYPES[table].values()) <= {"str", "int", "float", "bool", "date"}


@pytest.mark.parametrize(("column", "arrow"), [
    ("serial", "int64"), ("is_circular", "bool"), ("doc_date", "date32[day]"), ("unit_code", "string"),
    ("confidence", "double"), ("n_references", "int64"), ("issuer_office", "string"),
])
def test_parquet_has_the_declared_types(shipped_out, column, arrow):
    import pyarrow.parquet as pq

    assert str(pq.read_schema(shipped_out / "parquet" / "documents.parquet").field(column).type) == arrow


def test_parquet_values_are_typed(shipped_out):
    import datetime as dt

    import pyarrow.parquet as pq

    rows = {r["ref_no"]: r for r in pq.read_table(shipped_out / "parquet" / "documents.parquet").to_pylist()}
    letter = rows["อท 0017.2/ว 2055"]
    assert (letter["serial"], letter["is_circular"], letter["doc_date"]) == (2055, True, dt.date(2019, 5, 26))
    assert rows["นว 0022/ว 2208"]["unit_code"] == "0022"


def test_read_tables_dtypes_and_values(shipped_out):
    from pipeline import read_tables

    t = read_tables(shipped_out)
    docs = t["documents"]
    assert {c: str(docs[c].dtype) for c in ("serial", "is_circular", "doc_date", "unit_code", "confidence")} == {
        "serial": "Int64", "is_circular": "boolean", "doc_date": "datetime64[s]", "unit_code": "string",
        "confidence": "Float64"}
    row = docs.set_index("ref_no").loc["นว 0022/ว 2208"]
    assert (row["unit_code"], row["serial"], row["doc_date"].year) == ("0022", 2208, 2023)
    assert docs["serial"].isna().sum() == 2  # the announcement and the regulation have no number
    assert set(t) == set(ALL_TABLES)
    assert len(t["texts"]) == len(docs) == 13  # ten letters, and one in .doc, .rtf and .odt (data/raw/office)
    assert docs[docs["source_format"].isin(["doc", "rtf", "odt"])]["copy_group"].nunique() == 1


def test_texts_hold_each_letter_and_the_spans_index_them(shipped_out):
    from pipeline import read_tables

    t = read_tables(shipped_out)
    texts = {r["doc_id"]: r for r in map(json.loads, (shipped_out / "texts.jsonl").open(encoding="utf-8"))}
    docs = t["documents"].set_index("doc_id")
    for doc_id, row in texts.items():
        assert row["span_start"] == docs.loc[doc_id, "span_start"]
        assert len(row["text"]) == docs.loc[doc_id, "span_end"] - docs.loc[doc_id, "span_start"]
    for ref in t["references"].itertuples():
        letter = texts[ref.doc_id]
        start = ref.span_start - letter["span_start"]
        printed = letter["text"][start : start + ref.span_end - ref.span_start]
        assert " ".join(printed.split()) == ref.text  # the text column joins the printed lines


def test_sqlite_declares_types_keys_and_checks(shipped_out):
    db = sqlite3.connect(shipped_out / "saraban.sqlite")
    declared = {row[1]: (row[2], row[5]) for row in db.execute('PRAGMA table_info("documents")')}
    assert declared["doc_id"] == ("TEXT", 1) and declared["serial"] == ("INTEGER", 0)
    assert declared["doc_date"] == ("DATE", 0) and declared["is_circular"] == ("BOOLEAN", 0)
    keys = {row[3]: row[2] for row in db.execute('PRAGMA foreign_key_list("references")')}
    assert keys == {"doc_id": "documents", "target_doc_id": "documents"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT unit_code, typeof(unit_code), serial, typeof(serial) FROM documents "
                      "WHERE ref_no = 'นว 0022/ว 2208'").fetchone() == ("0022", "text", 2208, "integer")
    indexes = {row[1] for row in db.execute("PRAGMA index_list('references')")}
    assert {"references_target_doc_id", "references_cited_group"} <= indexes


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT doc_id, n_citations FROM most_cited", [("56add0930608-0", 2)]),
    ("SELECT ref_nos, n_citations FROM missing_letters WHERE cited_group LIKE 'อท 0017.2/ว 2530%'",
     [("อท 0017.2/ว 2930,อท 0017.2/ว 2530", 2)]),
    ("SELECT citing_ref_no, target_subject, target_date FROM citations WHERE citing_doc_id = 'd8142df5bc35-0' AND seq = 1",
     [("นว 0022/ว 2208", "ซักซ้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง", "2005-08-08")]),
    ("SELECT year_be, fiscal_year_be FROM letter_years WHERE doc_id = 'd22a96759a6f-0'", [(2541, 2542)]),  # 27 Nov
    ("SELECT n_letters FROM letters_by_agency_year WHERE agency_code = 'อท' AND year_be = 2562", [(2,)]),
    ("SELECT doc_id FROM effective_timeline WHERE year_be = 2561", [("130319b970b2-0",), ("130319b970b2-1",)]),
    ("SELECT COUNT(*) FROM edges WHERE target LIKE 'missing:%'", [(8,)]),
])
def test_sqlite_views(shipped_out, sql, expected):
    db = sqlite3.connect(shipped_out / "saraban.sqlite")
    assert db.execute(sql).fetchall() == expected


@pytest.mark.parametrize(("doc_date", "fiscal"), [
    ("2019-09-30", 2562), ("2019-10-01", 2563), ("2020-09-30", 2563), ("2020-10-01", 2564), ("2020-01-15", 2563),
])
def test_fiscal_year_starts_on_1_october(doc_date, fiscal):
    from pipeline.sqlite_db import fill_database

    db = sqlite3.connect(":memory:")
    fill_database(db, {"documents": [{"doc_id": "130319b970b2-0", "doc_date": doc_date}]})
    assert db.execute("SELECT fiscal_year_be FROM letter_years").fetchone() == (fiscal,)


@pytest.mark.parametrize(("words", "found"), [
    ("ภัยแล้ง", ["56add0930608-0", "d22a96759a6f-2", "d8142df5bc35-0"]),
    ("ระบบคอมพิวเตอร์", ["130319b970b2-0", "130319b970b2-1"]),
    ("ไม่มีคำนี้ในจดหมาย", []),
])
@pytest.mark.parametrize("index", [True, False], ids=["trigram index", "scan"])
def test_full_text_search(shipped_out, tmp_path, words, found, index):
    import shutil

    from pipeline.sqlite_db import search_text

    path = tmp_path / "saraban.sqlite"
    shutil.copy(shipped_out / "saraban.sqlite", path)  # built with --search-index
    db = sqlite3.connect(path)
    if not index:  # as a run without --search-index writes it
        db.execute("DROP TABLE texts_fts")
    hits = search_text(db, words)
    assert [doc_id for doc_id, _ in hits] == found
    assert all(f"[{words}]" in snippet for _, snippet in hits)


def test_xlsx_reads_back_with_thai_and_codes_as_text(shipped_out):
    import datetime as dt

    from openpyxl import load_workbook

    book = load_workbook(shipped_out / "saraban.xlsx", read_only=True)
    assert book.sheetnames == ["documents", "references", "attachments", "dates", "issues", "urls", "edges"]
    rows = list(book["documents"].iter_rows(values_only=True))
    header, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header == ALL_TABLES["documents"] and len(body) == 13
    letter = next(r for r in body if r["ref_no"] == "นว 0022/ว 2208")
    assert letter["unit_code"] == "0022" and letter["serial"] == 2208 and letter["is_circular"] is True
    assert letter["doc_date"] == dt.datetime(2023, 7, 8)
    assert letter["issuer_office"] == "ศาลากลางจังหวัดนครสวรรค์"
    assert letter["subject"] == "ซักซ้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง"


def test_xlsx_keeps_text_that_looks_like_a_formula_and_splits_long_tables(tmp_path):
    from openpyxl import load_workbook

    from pipeline.xlsx import write_xlsx

    rows = [{"doc_id": f"130319b970b2-{i}", "title": "=SUM(A1)", "unit_code": "0418"} for i in range(5)]
    write_xlsx({"documents": rows}, tmp_path / "t.xlsx", sheet_rows=2)
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames[:3] == ["documents", "documents (2)", "documents (3)"]
    cell = book["documents"].cell(row=2, column=ALL_TABLES["documents"].index("title") + 1)
    assert (cell.value, cell.data_type) == ("=SUM(A1)", "s")
    assert book["documents (3)"].cell(row=2, column=ALL_TABLES["documents"].index("unit_code") + 1).value == "0418"
