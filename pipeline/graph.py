"""The citation graph in both directions, and groups of missing letters cited under variant numbers.

The sample's memo cites ``อท 0017.2/ว 2930`` and its letter cites ``อท 0017.2/ว 2530``, both of
15 Aug 2017 from the same office: almost surely one letter misread once. Neither is in the archive,
so both citations get the same ``cited_group`` and an analyst can count the letters the archive lacks.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pipeline.link import serial_distance
from pipeline.models import Citation, Record


def _group_key(citation: Citation) -> str:
    """A readable id for a cited letter: ``อท 0017.2/ว 2530@2017-08-15`` (or issuer@date)."""
    name = citation.ref_no.canonical if citation.ref_no else citation.issuer.replace(" ", "")
    day = citation.date.date.isoformat() if citation.date else ""
    return f"{name}@{day}" if day else name


def _same_letter(a: Citation, b: Citation) -> bool:
    """Two missing citations that name one letter: same day, agency, unit, kind; serial equal or one digit off."""
    if a.date is None or b.date is None or a.date.date != b.date.date:
        return False
    ra, rb = a.ref_no, b.ref_no
    if ra is None or rb is None:
        return ra is None and rb is None and a.issuer.replace(" ", "") == b.issuer.replace(" ", "") != ""
    if (ra.agency, ra.unit, ra.circular, ra.year) != (rb.agency, rb.unit, rb.circular, rb.year):
        return False
    return ra.serial == rb.serial or serial_distance(ra.serial or 0, rb.serial or 0) is not None


def _bucket(citation: Citation) -> tuple:
    """Citations that may name one letter share a bucket: same day and, for numbers, same office and kind."""
    day = citation.date.date if citation.date else None
    ref = citation.ref_no
    if ref is None:
        return (day, "issuer", citation.issuer.replace(" ", ""))
    return (day, ref.agency, ref.unit, ref.circular, ref.year, len(str(ref.serial)))


def cited_groups(records: list[Record]) -> dict[tuple[str, int], str]:
    """``(doc_id, seq) -> group id`` for every not-in-corpus citation (union of same-letter pairs).

    Identical citations are merged first, so the pairwise check runs only over the distinct numbers
    of one office on one day (a few), not over every citation of a large archive.
    """
    missing = [(r.doc_id, c) for r in records for c, link in zip(r.citations, r.links, strict=False)
               if link.status == "not_in_corpus"]
    distinct: dict[tuple, list[int]] = defaultdict(list)  # (bucket, name) -> citation indexes
    for i, (_, c) in enumerate(missing):
        distinct[(_bucket(c), _group_key(c))].append(i)
    keys = list(distinct)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_bucket: dict[tuple, list[int]] = defaultdict(list)
    for k, (bucket, _) in enumerate(keys):
        by_bucket[bucket].append(k)
    for members in by_bucket.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if _same_letter(missing[distinct[keys[a]][0]][1], missing[distinct[keys[b]][0]][1]):
                    parent[find(a)] = find(b)
    roots: dict[int, list[int]] = defaultdict(list)
    for k in range(len(keys)):
        roots[find(k)].append(k)
    groups = {}
    for members in roots.values():
        name = min(keys[k][1] for k in members)
        for k in members:
            for i in distinct[keys[k]]:
                groups[(missing[i][0], missing[i][1].seq)] = name
    return groups


def cited_by(records: list[Record]) -> dict[str, list[str]]:
    """``doc_id -> ids of the letters that cite it`` (resolved and probable links)."""
    incoming: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for link in record.links:
            if link.status in ("resolved", "probable") and link.target_doc_id:
                if record.doc_id not in incoming[link.target_doc_id]:
                    incoming[link.target_doc_id].append(record.doc_id)
    return dict(incoming)


def edges(records: list[Record], groups: dict[tuple[str, int], str]) -> list[dict]:
    """One edge per citation: to the cited letter's doc_id, or to its ``missing:`` group node."""
    rows = []
    for record in records:
        for citation, link in zip(record.citations, record.links, strict=False):
            if link.status in ("resolved", "probable"):
                target = link.target_doc_id
            elif link.status == "ambiguous":
                target = "ambiguous:" + "|".join(link.candidates)
            else:
                target = "missing:" + groups.get((record.doc_id, citation.seq), _group_key(citation))
            rows.append({"source": record.doc_id, "target": target, "seq": citation.seq,
                         "status": link.status, "score": link.score,
                         "ref_no": citation.ref_no.canonical if citation.ref_no else "",
                         "cited_date": citation.date.date.isoformat() if citation.date else ""})
    return rows


NODE_KEYS = ("kind", "ref_no", "doc_date", "subject", "doc_type", "source_path")
EDGE_KEYS = (("seq", "long"), ("status", "string"), ("score", "double"))


def write_graphml(records: list[Record], edge_rows: list[dict], path: Path) -> None:
    """GraphML for networkx and Gephi: letters and missing letters as nodes, citations as edges (one per
    citation, ``id`` counting the edges between the same two nodes, as networkx's MultiDiGraph keys them).

    Written directly rather than through ``networkx.write_graphml``, which builds a graph and an element
    tree first (0.4 s at 1,000 letters, a tenth of a Gazette run); ``networkx.read_graphml`` reads it back.
    """
    by_source: dict[str, list[dict]] = {}
    for e in edge_rows:
        by_source.setdefault(e["source"], []).append(e)
    with GraphmlWriter(path) as graph:
        seen = set()
        for r in records:
            if r.doc_id not in seen:
                seen.add(r.doc_id)
                graph.add(r, by_source.get(r.doc_id, []))


_HEADER = ["<?xml version='1.0' encoding='utf-8'?>",
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']


class GraphmlWriter:
    """``citations.graphml`` written a letter at a time (``add`` each letter once, with its edges): the
    letters' nodes and the edges go to two scratch files beside ``path``, joined by ``close`` with the
    missing letters' nodes between them, so only those nodes (one per missing letter cited, e.g.
    ``missing:อท 0017.2/ว 2530@2017-08-15``) are held in memory, not the letters or the citations."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._nodes = self.path.with_name(self.path.name + ".nodes").open("w", encoding="utf-8")
        self._edges = self.path.with_name(self.path.name + ".edges").open("w", encoding="utf-8")
        self._missing: dict[str, tuple[str, ...]] = {}

    def __enter__(self) -> GraphmlWriter:
        return self

    def __exit__(self, kind, value, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()

    def add(self, record: Record, edge_rows: list[dict]) -> None:
        """The letter's node and its citations (``edges`` rows whose ``source`` is the letter)."""
        from xml.sax.saxutils import escape as xml_text
        from xml.sax.saxutils import quoteattr

        from pipeline.names import escape, xml_safe

        r = record
        values = ("letter", r.ref_no.canonical if r.ref_no else "", r.doc_date.date.isoformat() if r.doc_date else "",
                  xml_safe(r.subject.value), r.doc_type, escape(r.source.path))
        self._nodes.write(_node_lines(r.doc_id, values))
        out: dict[str, list[dict]] = {}
        for e in edge_rows:
            target = xml_safe(e["target"])
            if e["status"] not in ("resolved", "probable"):  # a letter's own node is written with the letter
                self._missing.setdefault(target, (target.split(":", 1)[0], xml_safe(e["ref_no"]), e["cited_date"],
                                                  "", "", ""))
            out.setdefault(target, []).append(e)
        source = quoteattr(r.doc_id)
        for target, group in out.items():  # networkx's order: target as first cited, then key
            for key, e in enumerate(group):
                lines = [f"    <edge source={source} target={quoteattr(target)} id=\"{key}\">"]
                lines += [f'      <data key="e{i}">{xml_text(str(e[k]))}</data>' for i, (k, _) in enumerate(EDGE_KEYS)]
                lines.append("    </edge>")
                self._edges.write("".join(line + "\n" for line in lines))

    def close(self) -> None:
        """Write ``path`` whole and remove the scratch files."""
        import shutil

        nodes, edges = Path(self._nodes.name), Path(self._edges.name)
        self._nodes.close()
        self._edges.close()
        head = _HEADER + [f'  <key id="n{i}" for="node" attr.name="{k}" attr.type="string"/>'
                          for i, k in enumerate(NODE_KEYS)]
        head += [f'  <key id="e{i}" for="edge" attr.name="{k}" attr.type="{t}"/>' for i, (k, t) in enumerate(EDGE_KEYS)]
        head.append('  <graph edgedefault="directed">')
        with self.path.open("w", encoding="utf-8") as fh:
            fh.write("".join(line + "\n" for line in head))
            for part in (nodes, None, edges):
                if part is None:
                    fh.writelines(_node_lines(node, values) for node, values in self._missing.items())
                    continue
                with part.open(encoding="utf-8") as src:
                    shutil.copyfileobj(src, fh)
            fh.write("  </graph>\n</graphml>\n")
        nodes.unlink()
        edges.unlink()

    def discard(self) -> None:
        for fh in (self._nodes, self._edges):
            fh.close()
            Path(fh.name).unlink(missing_ok=True)


def _node_lines(node: str, values: tuple[str, ...]) -> str:
    from xml.sax.saxutils import escape as xml_text
    from xml.sax.saxutils import quoteattr

    lines = [f"    <node id={quoteattr(node)}>"]
    lines += [f'      <data key="n{i}">{xml_text(str(v))}</data>' for i, v in enumerate(values)]
    lines.append("    </node>")
    return "".join(line + "\n" for line in lines)
