"""The citation graph as a self-contained SVG (no script, no network): letters, the letters the
archive lacks, and one arrow per citation, coloured by link status; each letter is a link to its page.

Laid out by networkx's spring layout with a fixed seed (the same run draws the same picture). A large
archive keeps the ``MAX_NODES`` best-connected nodes and says how many it left out.

>>> # citation_svg(Edges(records, groups), href=lambda d: f"letters/{d}.html")  ->  '<svg …>…</svg>'
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Callable

from pipeline.graph import edges
from pipeline.models import Record

MAX_NODES = 150
WIDTH, MARGIN, CELL_HEIGHT = 900, 60, 240
STATUS_CLASS = {"resolved": "e-resolved", "probable": "e-probable", "ambiguous": "e-ambiguous",
                "not_in_corpus": "e-missing"}


class Edges:
    """Every citation edge of a run (``pipeline.graph.edges``), computed once, found by either end."""

    def __init__(self, records: list[Record], groups: dict) -> None:
        self.rows = edges(records, groups)
        self.by_id = {r.doc_id: r for r in records}
        self.touching: dict[str, list[dict]] = defaultdict(list)
        for row in self.rows:
            self.touching[row["source"]].append(row)
            if row["target"] != row["source"]:
                self.touching[row["target"]].append(row)


def _graph(found: Edges, focus: str | None):
    import networkx as nx

    graph = nx.MultiDiGraph()
    rows = found.rows if focus is None else found.touching.get(focus, [])
    if focus is not None:
        graph.add_node(focus)
    for e in rows:
        graph.add_edge(e["source"], e["target"], status=e["status"], ref_no=e["ref_no"])
    if graph.number_of_nodes() > MAX_NODES:
        keep = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:MAX_NODES]
        graph = graph.subgraph(keep).copy()
    return graph, len(rows)


def _label(node: str, by_id: dict[str, Record]) -> tuple[str, str]:
    """(short label, tooltip) of a node."""
    record = by_id.get(node)
    if record is not None:
        ref = record.ref_no.canonical if record.ref_no else record.doc_id
        date = record.doc_date.date.isoformat() if record.doc_date else ""
        return ref, f"{ref} {date} {record.subject.value}".strip()
    kind, _, name = node.partition(":")
    if kind == "ambiguous":
        return "?", "ambiguous: " + name.replace("|", ", ")
    return name.split("@")[0], f"not in the archive: {name}"


def _positions(graph) -> tuple[dict[str, tuple[float, float]], float]:
    """Node centres and the picture's height: each connected part laid out alone (spring layout, fixed
    seed) in its own cell of a grid, largest first, so small parts do not crowd into the corners."""
    import networkx as nx

    parts = sorted(nx.connected_components(nx.Graph(graph)), key=lambda c: (-len(c), min(c)))
    cols = math.ceil(math.sqrt(len(parts)))
    rows = math.ceil(len(parts) / cols)
    height = max(260.0, rows * CELL_HEIGHT)
    cell_w, cell_h = (WIDTH - 2 * MARGIN) / cols, (height - MARGIN) / rows
    pos = {}
    for i, part in enumerate(parts):
        left, top = MARGIN + (i % cols) * cell_w, MARGIN / 3 + (i // cols) * cell_h
        if len(part) == 1:
            pos[next(iter(part))] = (left + cell_w / 2, top + cell_h / 2)
            continue
        raw = nx.spring_layout(nx.Graph(graph.subgraph(part)), seed=7)
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for n, (x, y) in raw.items():
            pos[n] = (left + cell_w * (0.12 + 0.76 * (x - min(xs)) / span_x),
                      top + cell_h * (0.12 + 0.7 * (y - min(ys)) / span_y))
    return pos, height


def _arrow(x1, y1, x2, y2, radius: float) -> tuple[float, float, float, float]:
    """The line between two node centres, cut back at each circle's edge."""
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    return x1 + ux * radius, y1 + uy * radius, x2 - ux * (radius + 4), y2 - uy * (radius + 4)


def citation_svg(found: Edges, href: Callable[[str], str], focus: str | None = None) -> str:
    """The SVG of the citation graph (``focus``: only that letter's citations, both ways); '' when it has none."""
    graph, total = _graph(found, focus)
    by_id = found.by_id
    if graph.number_of_edges() == 0:
        return ""
    pos, height = _positions(graph)
    esc = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
           f'aria-label="citation graph">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    for a, b, data in graph.edges(data=True):
        x1, y1, x2, y2 = _arrow(*pos[a], *pos[b], 9)
        css = STATUS_CLASS.get(data["status"], "e-missing")
        out.append(f'<line class="{css}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'marker-end="url(#arrow)"><title>{esc(data["status"])} {esc(data["ref_no"])}</title></line>')
    for node in sorted(graph.nodes):
        x, y = pos[node]
        label, tip = _label(node, by_id)
        css = "n-letter" if node in by_id else ("n-ambiguous" if node.startswith("ambiguous:") else "n-missing")
        css += " n-focus" if node == focus else ""
        shape = (f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="9"><title>{esc(tip)}</title></circle>'
                 f'<text x="{x:.1f}" y="{y + 22:.1f}" text-anchor="middle">{esc(label)}</text>')
        out.append(f'<a href="{esc(href(node))}">{shape}</a>' if node in by_id and node != focus else shape)
    out.append("</svg>")
    legend = ('<p class="note">● letter in the archive (a link to its page) · ○ a cited letter the archive lacks · '
              'arrows from the citing letter: <span class="status-resolved">resolved</span> solid, '
              '<span class="status-probable">probable</span> dashed, <span class="status-ambiguous">ambiguous</span> '
              'to its candidates (orange node), not in the archive dotted.</p>')
    left = graph.number_of_edges() < total
    note = f'<p class="note">{total - graph.number_of_edges()} citations of less-connected letters not drawn.</p>'
    return "\n".join(out) + legend + (note if left else "")
