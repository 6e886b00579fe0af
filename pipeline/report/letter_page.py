"""One letter's review page: the page image, the text as read with its values marked, and a side
table of the values, their link statuses and the letter's problems.

>>> # letter_page(record, context) -> '<!DOCTYPE html>…<mark class="v-ref_no" title="ที่ (ref_no)" …>อท ๐๐๑๗.๒/ว ๒๐๕๕</mark>…'
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from pipeline.models import Problem, Record, Signer, ThaiDate
from pipeline.report.images import PageImages
from pipeline.report.marks import letter_html, values

esc = html.escape


@dataclass(frozen=True, slots=True)
class LetterContext:
    """What a letter's page shows besides the letter itself."""

    by_id: dict[str, Record]
    cited_by: tuple[str, ...] = ()  # ids of the letters that cite it
    groups: dict = field(default_factory=dict)  # (doc_id, seq) -> cited_group of a missing letter
    file_problems: tuple[Problem, ...] = ()  # problems of its file that belong to no letter
    images: PageImages = PageImages()
    graph_svg: str = ""


def page(title: str, body: str, root: str) -> str:
    """A whole HTML page (``root``: the relative way back to the site's top, '' or '../')."""
    return (f'<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f'<link rel="stylesheet" href="{root}style.css">\n</head>\n<body>\n{body}\n</body>\n</html>\n')


def letter_name(record: Record) -> str:
    """How a letter is named in lists: its number and date, or its id."""
    ref = record.ref_no.canonical if record.ref_no else ""
    date = record.doc_date.date.isoformat() if record.doc_date else ""
    return " ".join(x for x in (ref, date) if x) or record.doc_id


def _date(value: ThaiDate | None) -> str:
    return f"{value.date.isoformat()} ({value.text})" if value else ""


def _signer_rows(prefix: str, label: str, signer: Signer) -> list[tuple[str, str, str]]:
    return [(f"{label}: คำนำหน้า", f"{prefix}_title", signer.title), (f"{label}: ชื่อ", f"{prefix}_name", signer.name),
            (f"{label}: ตำแหน่ง", f"{prefix}_position", signer.position),
            (f"{label}: ลงนามแทน", f"{prefix}_acting", " ".join(x for x in (signer.acting, signer.acting_for) if x))]


def _value_rows(record: Record) -> list[tuple[str, str, str]]:
    """(label, column, value) of every value shown in the side table (empty values are shown as empty)."""
    ref, mark = record.ref_no, record.gazette
    rows = [("ชนิด (doc_type)", "doc_type", record.doc_type),
            ("ที่ (ref_no)", "ref_no", ref.canonical if ref else ""),
            ("  ตามที่พิมพ์", "ref_no_text", ref.text if ref else ""),
            ("ลงวันที่ (doc_date)", "doc_date", _date(record.doc_date)),
            ("ส่วนราชการ (issuer)", "issuer", record.issuer.value),
            ("เรื่อง (subject)", "subject", record.subject.value),
            ("เรียน (recipient)", "recipient", record.recipient.value),
            ("ชั้นความเร็ว (urgency)", "urgency", record.urgency), ("ชั้นความลับ (secrecy)", "secrecy", record.secrecy)]
    rows += _signer_rows("signer", "ผู้ลงนาม", record.signer)
    rows += [("มีผลใช้บังคับ (effective)", "effective_date", _date(record.effective_date)),
             ("  ตามข้อความ", "effective_rule", record.effective_text),
             ("  ที่มา", "effective_date_source", record.effective_source),
             ("ชื่อ (title)", "title", record.title.value),
             ("ราชกิจจานุเบกษา", "gazette", f"เล่ม {mark.volume} {mark.section} หน้า {mark.page} ({mark.date.date})" if mark else "")]
    if record.countersigner.name:
        rows += _signer_rows("countersigner", "ผู้รับสนองฯ", record.countersigner)
    if record.received:
        rows += [("ตรารับ (received)", "received_text", record.received.text),
                 ("  เลขรับ", "received_no", record.received_no),
                 ("  วันที่รับ", "received_date", _date(record.received_date))]
    rows += [("ความมั่นใจ (confidence)", "confidence", f"{record.confidence:.2f}")]
    return rows


_SPAN_OF = {"ref_no": "ref_no", "ref_no_text": "ref_no", "issuer": "issuer", "subject": "subject",
            "recipient": "recipient", "signer_name": "signer", "title": "title", "gazette": "gazette",
            "doc_date": "date.document", "effective_date": "date.effective"}


def _side_values(record: Record, marked: set[str], prefix: str) -> str:
    out = ['<table class="values"><tr><th>ค่า</th><th>ที่อ่านได้</th></tr>']
    for label, column, value in _value_rows(record):
        target = _SPAN_OF.get(column)
        shown = esc(value)
        if target in marked and value:
            shown = f'<a href="#{esc(prefix)}v-{esc(target)}">{shown}</a>'
        out.append(f'<tr><td title="{esc(column)}">{esc(label)}</td><td>{shown}</td></tr>')
    out.append("</table>")
    return "\n".join(out)


def _citations(record: Record, ctx: LetterContext, marked: set[str], prefix: str) -> str:
    if not record.citations:
        return '<p class="note">ไม่มีการอ้างถึง (cites no letter).</p>'
    out = ['<table class="citations"><tr><th>#</th><th>อ้างถึง</th><th>ลงวันที่</th><th>สถานะ</th><th>ในคลัง</th></tr>']
    for i, c in enumerate(record.citations):
        link = record.links[i] if i < len(record.links) else None
        status = link.status if link else "not_in_corpus"
        number = esc(c.ref_no.text if c.ref_no else c.issuer)
        if f"cites.{c.seq}" in marked:
            number = f'<a href="#{esc(prefix)}v-cites.{c.seq}">{number or "(ข้อความ)"}</a>'
        if link and link.target_doc_id and link.target_doc_id in ctx.by_id:
            target = _letter_link(ctx.by_id[link.target_doc_id])
        elif link and link.candidates:
            target = "หนึ่งใน: " + ", ".join(_letter_link(ctx.by_id[d]) if d in ctx.by_id else esc(d) for d in link.candidates)
        else:
            target = esc(ctx.groups.get((record.doc_id, c.seq), ""))
        score = f" {link.score:.2f}" if link and link.score else ""
        out.append(f'<tr><td>{c.seq} ({esc(c.where)})</td><td>{number}</td><td>{esc(_date(c.date))}</td>'
                   f'<td class="status-{esc(status)}" title="{esc(link.reason if link else "")}">{esc(status)}{score}</td>'
                   f'<td>{target}</td></tr>')
    out.append("</table>")
    return "\n".join(out)


def _letter_link(record: Record, root: str = "") -> str:
    return f'<a href="{root}{esc(record.doc_id)}.html" title="{esc(record.subject.value)}">{esc(letter_name(record))}</a>'


def _problems(problems: list[Problem]) -> str:
    if not problems:
        return '<p class="note">ไม่มีปัญหา (no problems).</p>'
    rows = "".join(f'<tr><td class="sev-{esc(p.severity)}">{esc(p.severity)}</td><td>{esc(p.code)}</td>'
                   f"<td>{esc(p.message)}</td></tr>" for p in problems)
    return f'<table class="problems"><tr><th>ระดับ</th><th>รหัส</th><th>ข้อความ</th></tr>{rows}</table>'


def _extras(record: Record) -> str:
    parts = []
    if record.attachments:
        items = "".join(f"<li>{a.seq}. {esc(a.description)}"
                        f"{esc(f' จำนวน {a.quantity} {a.unit}') if a.quantity is not None else ''}</li>"
                        for a in record.attachments)
        parts.append(f"<h2>สิ่งที่ส่งมาด้วย (attachments)</h2><ol class=\"plain\">{items}</ol>")
    if record.urls:
        items = "".join(f"<li>{esc(u.url or u.text)} <span class=\"note\">({esc(u.source)})</span></li>" for u in record.urls)
        parts.append(f"<h2>URL</h2><ul>{items}</ul>")
    return "\n".join(parts)


def _images(images: PageImages) -> str:
    if images.missing:
        return f'<section class="pages"><p class="missing">ไม่มีภาพหน้า: {esc(images.missing)}</p></section>'
    figures = "".join(f'<figure><img src="../{esc(p)}" alt="หน้า {n}">'
                      f"<figcaption>หน้า {n} (page {n})</figcaption></figure>"
                      for p, n in zip(images.paths, images.pages, strict=True))
    more = f'<p class="note">{images.left_out} more pages not drawn.</p>' if images.left_out else ""
    return f'<section class="pages">{figures}{more}</section>'


def letter_body(record: Record, ctx: LetterContext, prefix: str = "") -> str:
    """The letter's page images, marked text and side table, as one block (no page around it); ``prefix``
    before each id, for a page of several letters."""
    marks = values(record)
    marked = {v.field for v in marks}
    has_image = bool(ctx.images.paths or ctx.images.missing)
    incoming = [ctx.by_id[d] for d in ctx.cited_by if d in ctx.by_id]
    cited_by = ("<ul>" + "".join(f"<li>{_letter_link(r)}</li>" for r in incoming) + "</ul>" if incoming
                else '<p class="note">ไม่มีหนังสือในคลังที่อ้างถึงฉบับนี้ (cited by no letter in the archive).</p>')
    body = [f'<div class="letter{"" if has_image else " no-image"}">']
    if has_image:
        body.append(_images(ctx.images))
    text = (letter_html(record.text, marks, prefix) if record.text else
            '<span class="missing">the catalog holds no text for this letter (written by an older saraban): '
            "run saraban ingest again</span>")
    body.append(f'<section><div class="text" lang="th" id="{esc(prefix)}text">{text}</div></section>')
    body.append(f'<section class="side"><h2>ค่าที่อ่านได้ (values)</h2>{_side_values(record, marked, prefix)}'
                f"<h2>อ้างถึง (cites)</h2>{_citations(record, ctx, marked, prefix)}"
                f"<h2>ถูกอ้างถึงโดย (cited by)</h2>{cited_by}"
                f"<h2>ปัญหา (problems)</h2>{_problems(list(record.problems) + list(ctx.file_problems))}"
                f"{_extras(record)}</section></div>")
    return "\n".join(body)


def letter_page(record: Record, ctx: LetterContext) -> str:
    """The whole HTML page of one letter (written to ``letters/<doc_id>.html``)."""
    source = (f'<p class="note">{esc(record.source.path)} · {esc(record.source_format)} · {esc(record.method)} · '
              f"letter {record.segment_index} · sha256 {esc(record.source.sha256[:12])}…</p>")
    body = [f'<header class="top"><a href="../index.html">← ภาพรวม (index)</a>'
            f"<h1>{esc(letter_name(record))} {esc(record.subject.value)}</h1></header>",
            f"<main>{source}", letter_body(record, ctx)]
    if ctx.graph_svg:
        body.append(f"<h2>กราฟการอ้างถึง (citation graph)</h2>{ctx.graph_svg}")
    body.append("</main>")
    return page(f"{letter_name(record)} {record.subject.value}", "\n".join(body), "../")
