"""The citation graph opens in networkx: letters, missing letters as group nodes, one edge per citation."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from pipeline.ingest import run_ingest

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"


def test_graphml_and_edges(tmp_path):
    run_ingest([SAMPLE], tmp_path, workers=1, use_cache=False)
    graph = nx.read_graphml(tmp_path / "citations.graphml")
    letters = {n for n, d in graph.nodes(data=True) if d["kind"] == "letter"}
    missing = {n for n, d in graph.nodes(data=True) if d["kind"] == "missing"}
    assert letters == {"130319b970b2-0", "130319b970b2-1"}
    # ว 2930 and ว 2530 of the same day and office are one missing letter; ว 3602 is another
    assert missing == {"missing:อท 0017.2/ว 2530@2017-08-15", "missing:อท 0017.2/ว 3602@2016-10-19"}
    assert graph.number_of_edges() == 4
    assert graph.in_degree("missing:อท 0017.2/ว 2530@2017-08-15") == 2
    with (tmp_path / "edges.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["source"], r["status"]) for r in rows][:1] == [("130319b970b2-0", "not_in_corpus")]
    assert len(rows) == 4
