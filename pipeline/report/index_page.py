"""The review site's front page: counts over the whole run, every letter, the citations the archive
cannot resolve (missing or ambiguous), the files that gave no letter, and the citation graph.

>>> confidence_band(0.97), confidence_band(0.62)
('≥ 0.95', '0.50–0.79')
"""

from __future__ import annotations

import html
from collections import Counter

from pipeline.linked import LinkedRun
from pipeline.models import Record
from pipeline.report.letter_page import letter_name, page

esc = html.escape
BANDS = ((0.95, "≥ 0.95"), (0.80, "0.80–0.94"), (0.50, "0.50–0.79"), (0.0, "< 0.50"))


def confidence_band(confidence: float) -> str:
    return next(label for floor, label in BANDS if confidence >= floor)


def _count_table(title: str, counts: Counter, order: list[str] | None = None) -> str:
    keys = order if order is not None else sorted(counts, key=lambda k: (-counts[k], k))
    rows = "".join(f'<tr><td>{esc(k)}</td><td class="num">{counts[k]}</td></tr>' for k in keys if counts[k])
    return f'<table class="count"><caption>{esc(title)}</caption><tr><th></th><th>จำนวน</th></tr>{rows or "<tr><td>—</td><td class=num>0</td></tr>"}</table>'


def counts_html(run: LinkedRun) -> str:
    """Counts of letters by format, method, kind and confidence band; of problems by code; of links by status."""
    records = run.records
    problems = Counter(p.code for p in run.problems)
    links = Counter(link.status for r in records for link in r.links)
    tables = [_count_table("รูปแบบแฟ้ม (format)", Counter(r.source_format for r in records)),
              _count_table("วิธีอ่าน (method)", Counter(r.method for r in records)),
              _count_table("ชนิดหนังสือ (kind)", Counter(r.doc_type for r in records)),
              _count_table("ความมั่นใจ (confidence)", Counter(confidence_band(r.confidence) for r in records),
                           [label for _, label in BANDS]),
              _count_table("การอ้างถึง (links)", links),
              _count_table("ปัญหา (problem code)", problems)]
    return f'<div class="counts">{"".join(tables)}</div>'


def _link(record: Record) -> str:
    return f'<a href="letters/{esc(record.doc_id)}.html">{esc(letter_name(record))}</a>'


def letters_html(run: LinkedRun, incoming: dict[str, list[str]]) -> str:
    head = ("<tr><th>หนังสือ</th><th>ชนิด</th><th>เรื่อง</th><th>แฟ้ม</th><th>วิธีอ่าน</th><th>ความมั่นใจ</th>"
            "<th>อ้างถึง</th><th>ถูกอ้าง</th><th>ปัญหา</th></tr>")
    rows = "".join(
        f"<tr><td>{_link(r)}</td><td>{esc(r.doc_type)}</td><td>{esc(r.subject.value)}</td>"
        f"<td>{esc(r.source.path)}</td><td>{esc(r.method)}</td><td class=\"num\">{r.confidence:.2f}</td>"
        f'<td class="num">{len(r.citations)}</td><td class="num">{len(incoming.get(r.doc_id, []))}</td>'
        f'<td class="num">{len(r.problems)}</td></tr>' for r in run.records)
    return f'<table class="letters">{head}{rows}</table>'


def unresolved_html(run: LinkedRun, groups: dict, status: str) -> str:
    """Every citation with ``status`` (not_in_corpus or ambiguous): who cites, what, and the candidates or group."""
    by_id = run.by_id()
    rows = []
    for r in run.records:
        for c, link in zip(r.citations, r.links, strict=False):
            if link.status != status:
                continue
            number = esc(c.ref_no.text if c.ref_no else c.issuer)
            date = esc(c.date.date.isoformat() if c.date else "")
            if status == "ambiguous":
                extra = ", ".join(_link(by_id[d]) if d in by_id else esc(d) for d in link.candidates)
            else:
                extra = esc(groups.get((r.doc_id, c.seq), ""))
            rows.append(f"<tr><td>{_link(r)}</td><td>{c.seq}</td><td>{number}</td><td>{date}</td><td>{extra}</td></tr>")
    if not rows:
        return '<p class="note">ไม่มี (none).</p>'
    last = "ผู้ที่อาจเป็น (candidates)" if status == "ambiguous" else "กลุ่ม (cited_group)"
    return (f'<table class="{esc(status)}"><tr><th>หนังสือที่อ้าง</th><th>#</th><th>เลขที่ที่อ้างถึง</th>'
            f"<th>ลงวันที่</th><th>{last}</th></tr>{''.join(rows)}</table>")


def no_letter_html(run: LinkedRun, other_issues: list[dict]) -> str:
    """Files that gave no letter (unreadable, or read with nothing in them), with their problems; then the
    files the catalog does not hold (``other_issues``: their issues.csv rows, e.g. stopped by a limit)."""
    rows = [f"<tr><td>{esc(res.path)}</td><td>{'อ่านได้' if res.readable else 'อ่านไม่ได้'}</td>"
            f"<td>{esc('; '.join(f'{p.code}: {p.message}' for p in res.problems))}</td></tr>"
            for res in run.results if not res.records]
    rows += [f"<tr><td>{esc(row.get('source_path') or '')}</td><td>{esc(row.get('severity') or '')}</td>"
             f"<td>{esc(row.get('code') or '')}: {esc(row.get('message') or '')}</td></tr>" for row in other_issues]
    if not rows:
        return '<p class="note">ทุกแฟ้มให้หนังสืออย่างน้อยหนึ่งฉบับ (every file gave a letter).</p>'
    return f"<table><tr><th>แฟ้ม</th><th></th><th>ปัญหา</th></tr>{''.join(rows)}</table>"


def index_page(run: LinkedRun, groups: dict, incoming: dict[str, list[str]], graph_svg: str,
               other_issues: list[dict] = ()) -> str:
    files = len(run.results)
    body = (f'<header class="top"><h1>saraban: ผลการอ่าน {files} แฟ้ม, {len(run.records)} ฉบับ '
            f"({files} files, {len(run.records)} letters)</h1></header><main>"
            f"<h2>สรุป (counts)</h2>{counts_html(run)}"
            f"<h2>หนังสือทั้งหมด (letters)</h2>{letters_html(run, incoming)}"
            f"<h2>อ้างถึงหนังสือที่ไม่มีในคลัง (not in the archive)</h2>{unresolved_html(run, groups, 'not_in_corpus')}"
            f"<h2>อ้างถึงได้มากกว่าหนึ่งฉบับ (ambiguous)</h2>{unresolved_html(run, groups, 'ambiguous')}"
            f"<h2>แฟ้มที่ไม่ได้หนังสือ (files with no letter)</h2>{no_letter_html(run, list(other_issues))}"
            f"<h2>กราฟการอ้างถึง (citation graph)</h2>{graph_svg or '<p class=note>ไม่มีการอ้างถึง.</p>'}</main>")
    return page("saraban: ภาพรวม", body, "")
