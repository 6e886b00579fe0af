"""The cost of each output and of the query engines, on the sample's tables repeated to ``--letters``.

    .venv/bin/python -m workbench.bench.outputs [--letters 10000]

Every figure is CPU seconds of this process (``time.process_time``: user + system), not wall time.
Writers: CSV + JSON Lines (always written), the typed SQLite with indexes, views and the trigram
index, the xlsx workbook, typed Parquet. Queries: the views' questions in SQLite and in DuckDB over
the Parquet files, each run five times. Full-text search: FTS5 ``trigram`` against FTS5 ``unicode61``
over text pre-segmented by pythainlp (newmm), index build time and the letters found per query.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from workbench.bench.ingest_speed import ROOT

QUERIES = {  # name -> SQL with {year} for the dialect's year of a date column
    "citations with both ends": """SELECT r.doc_id, s.subject, s.doc_date, r.ref_no, t.subject, t.doc_date
        FROM "references" r JOIN documents s ON s.doc_id = r.doc_id LEFT JOIN documents t ON t.doc_id = r.target_doc_id""",
    "most cited": """SELECT t.doc_id, COUNT(*) AS n FROM "references" r JOIN documents t ON t.doc_id = r.target_doc_id
        WHERE r.status IN ('resolved', 'probable') GROUP BY t.doc_id ORDER BY n DESC""",
    "missing by cited_group": """SELECT cited_group, COUNT(*) AS n FROM "references" WHERE status = 'not_in_corpus'
        GROUP BY cited_group ORDER BY n DESC""",
    "letters by agency and year": """SELECT agency_code, {year} AS y, COUNT(*) FROM documents
        WHERE doc_date IS NOT NULL GROUP BY agency_code, y""",
    "one letter's citers": """SELECT r.doc_id FROM "references" r WHERE r.target_doc_id = '56add0930608-0~7'""",
}
YEAR = {"sqlite": "CAST(strftime('%Y', doc_date) AS INTEGER)", "duckdb": "year(doc_date)"}
SEARCHES = ("ภัยแล้ง", "คอมพิวเตอร์", "ผู้ว่าราชการจังหวัด", "ทุนการศึกษา", "ราชการ")


def _sample_tables() -> dict[str, list[dict]]:
    from pipeline.ingest import run_ingest
    from pipeline.tables import build_tables

    with tempfile.TemporaryDirectory() as tmp:
        result = run_ingest([ROOT / "data" / "raw"], Path(tmp), use_cache=False, extra=(), keep_tables=True)
    return build_tables(list(result.records), list(result.problems))[0]


def _repeat(tables: dict[str, list[dict]], letters: int) -> dict[str, list[dict]]:
    """The sample's rows ``letters / len(documents)`` times, ids suffixed ``~i`` so keys stay unique."""
    ids = ("doc_id", "target_doc_id", "copy_group", "source")
    times = max(1, letters // max(1, len(tables["documents"])))
    out: dict[str, list[dict]] = {name: [] for name in tables}
    for i in range(times):
        for name, rows in tables.items():
            for row in rows:
                new = dict(row)
                for key in ids:
                    if new.get(key) and not str(new[key]).startswith(("missing:", "ambiguous:")):
                        new[key] = f"{new[key]}~{i}"
                if name == "edges" and not str(new["target"]).startswith(("missing:", "ambiguous:")):
                    new["target"] = f"{new['target']}~{i}"
                out[name].append(new)
    return out


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def writers(tables: dict, folder: Path) -> dict[str, float]:
    from pipeline.tables import TABLES
    from pipeline.writers import write_csv, write_jsonl, write_parquet, write_sqlite
    from pipeline.xlsx import write_xlsx

    def csvs():
        for name, columns in TABLES.items():
            write_csv(tables[name], columns, folder / f"{name}.csv")
        write_jsonl(tables["texts"], folder / "texts.jsonl")

    return {"CSV + texts.jsonl": _cpu(csvs), "saraban.sqlite (typed, FTS)": _cpu(lambda: write_sqlite(tables, folder / "saraban.sqlite")),
            "saraban.xlsx": _cpu(lambda: write_xlsx(tables, folder / "saraban.xlsx")),
            "parquet/": _cpu(lambda: write_parquet(tables, folder / "parquet"))}


def engines(folder: Path) -> dict[str, tuple[float, float]]:
    import duckdb

    lite = sqlite3.connect(folder / "saraban.sqlite")
    duck = duckdb.connect()
    for name in ("documents", "references"):
        duck.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM '{folder / 'parquet' / name}.parquet'")
    figures = {}
    for name, sql in QUERIES.items():
        a = _cpu(lambda s=sql: [lite.execute(s.format(year=YEAR["sqlite"])).fetchall() for _ in range(5)])
        b = _cpu(lambda s=sql: [duck.execute(s.format(year=YEAR["duckdb"])).fetchall() for _ in range(5)])
        figures[name] = (a / 5, b / 5)
    return figures


def full_text(tables: dict) -> dict[str, object]:
    from pythainlp.tokenize import word_tokenize

    texts = [(row["doc_id"], row["text"]) for row in tables["texts"]]
    tri, seg = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    tri.execute("CREATE VIRTUAL TABLE f USING fts5(doc_id UNINDEXED, text, tokenize='trigram')")
    seg.execute("CREATE VIRTUAL TABLE f USING fts5(doc_id UNINDEXED, text, tokenize='unicode61')")
    build_tri = _cpu(lambda: tri.executemany("INSERT INTO f VALUES (?, ?)", texts))

    def segmented():
        rows = [(d, " ".join(word_tokenize(t, engine="newmm", keep_whitespace=False))) for d, t in texts]
        seg.executemany("INSERT INTO f VALUES (?, ?)", rows)

    build_seg = _cpu(segmented)
    found = {}
    for words in SEARCHES:
        phrase = '"' + " ".join(word_tokenize(words, engine="newmm", keep_whitespace=False)) + '"'
        found[words] = (tri.execute("SELECT COUNT(*) FROM f WHERE f MATCH ?", (f'"{words}"',)).fetchone()[0],
                        seg.execute("SELECT COUNT(*) FROM f WHERE f MATCH ?", (phrase,)).fetchone()[0],
                        sum(words in t for _, t in texts))
    return {"build": (build_tri, build_seg), "found": found}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    args = parser.parse_args(argv)
    tables = _repeat(_sample_tables(), args.letters)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{len(tables['documents'])} letters, {len(tables['references'])} citations; CPU seconds\n")
        print("| output | CPU s |\n|---|---|")
        for name, cpu in writers(tables, folder).items():
            print(f"| {name} | {cpu:.2f} |")
        print("\n| query | SQLite ms | DuckDB (Parquet) ms |\n|---|---|---|")
        for name, (a, b) in engines(folder).items():
            print(f"| {name} | {a * 1000:.1f} | {b * 1000:.1f} |")
    fts = full_text(tables)
    tri, seg = fts["build"]
    print(f"\nFull-text index build: trigram {tri:.2f} s, pythainlp newmm + unicode61 {seg:.2f} s\n")
    print("| search | trigram | segmented | letters holding it |\n|---|---|---|---|")
    for words, (a, b, truth) in fts["found"].items():
        print(f"| {words} | {a} | {b} | {truth} |")


if __name__ == "__main__":
    main()
