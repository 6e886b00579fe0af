"""Layouts of the three letter kinds (memo, external, stamped) as printed blocks plus truth fields.

External letter, top part::

    ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖                         ศาลากลางจังหวัดอ่างทอง
                                                 ถนนเทศบาล ๑ อท ๑๔๐๐๐
                          ๒๑ พฤษภาคม ๒๕๖๒
    เรื่อง  การปรับปรุงหลักเกณฑ์...
"""

from __future__ import annotations

from workbench.corpus import vocab
from workbench.corpus.body import Acc, Cite, middles, opening
from workbench.corpus.model import Block, LetterPlan
from workbench.corpus.signer import contact_lines, signature
from workbench.corpus.thaitext import digits, phone, random_ref_text, strip_atoms, wrap


def top_blocks(plan: LetterPlan) -> list[Block]:
    """Secrecy and urgency stamps printed above the letter."""
    return [Block("top", (word,)) for word in (plan.secrecy, plan.urgency) if word]


def bottom_blocks(plan: LetterPlan) -> list[Block]:
    return [Block("top", (plan.secrecy,))] if plan.secrecy else []


def wrapped_field(rng, label: str, text: str, dots: bool = False) -> Block:
    """``เรื่อง`` / ``เรียน`` with the value broken over 1-3 lines like a printed form."""
    width = rng.randint(45, 80)
    return Block("field", tuple(wrap(text, width)), label=label, extra="dots" if dots else "")


def attachment_block(rng, plan: LetterPlan) -> tuple[list[Block], list[dict]]:
    """``สิ่งที่ส่งมาด้วย``: one item or a numbered list; quantity and unit, or no count."""
    count = rng.choice((1, 1, 2, 3, 4))
    lines, truth = [], []
    for seq, desc in enumerate(rng.sample(vocab.ATTACHMENTS, count), start=1):
        desc = digits(desc.format(meeting_no=f"{rng.randint(1, 12)}/{plan.date.year + 542}"), plan.thai)
        qty, unit = (rng.choice((1, 1, 2, 3, 5, 10)), rng.choice(vocab.ATTACH_UNITS)) if rng.random() < 0.8 else (None, "")
        text = desc if qty is None else f"{desc} {rng.choice(('จำนวน ', 'จำนวน ', ''))}{digits(str(qty), plan.thai)} {unit}"
        lines.append(f"{digits(str(seq), plan.thai)}. {text}" if count > 1 else text)
        truth.append({"seq": seq, "description": desc, "quantity": qty, "unit": unit})
    return [Block("items", tuple(lines), label="สิ่งที่ส่งมาด้วย")], truth


def header_ref_block(rng, acc: Acc, cites: list[Cite]) -> list[Block]:
    """``อ้างถึง``: a single citation or a numbered list."""
    if not cites:
        return []
    items = [strip_atoms(acc.cite(rng, c, "header")) for c in cites]
    if len(items) > 1:
        items = [f"{digits(str(i), acc.thai)}. {t}" for i, t in enumerate(items, start=1)]
    return [Block("items", tuple(items), label="อ้างถึง")]


def memo_issuer(rng, plan: LetterPlan) -> tuple[str, str]:
    """(issuer truth, printed ส่วนราชการ value with phone)."""
    o = plan.office
    division = rng.choice(o.divisions)
    if o.kind == "province":
        issuer = rng.choice((f"{o.org} {o.unit_name} {division}", f"{o.unit_name} {division}", o.unit_name))
    else:
        issuer = rng.choice((f"{o.org} {division}", f"{division} {o.org}", division))
    issuer = digits(issuer, plan.thai)
    tel = rng.choice(("โทร. {p}", "โทร.{p}", "โทร {p}", "(โทร. {p})", "โทร. {p} ต่อ {x}", "โทร. ภายใน {x}"))
    tel = tel.format(p=phone(rng, plan.thai), x=digits(str(rng.randint(100, 4999)), plan.thai))
    return issuer, f"{issuer} {tel}"


def memo_recipient(rng, plan: LetterPlan) -> str:
    """A memo goes up the line: ``ผู้ว่าราชการจังหวัดอ่างทอง``, ``รองอธิบดี``, ``ผู้อำนวยการกองคลัง``."""
    o = plan.office
    if o.kind == "province" and o.org.startswith("จังหวัด"):
        return rng.choice(vocab.RECIPIENTS_MEMO).format(prov=o.province)
    return rng.choice((o.head, o.head, o.deputies[0]))


def memo(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """บันทึกข้อความ: ส่วนราชการ (phone), ที่ … วันที่ …, เรื่อง, เรียน, body, signature, no closing."""
    acc = Acc(plan.thai)
    dots = rng.random() < 0.35
    issuer, issuer_line = memo_issuer(rng, plan)
    ref_text = random_ref_text(rng, plan.ref, plan.thai)
    date_text = strip_atoms(acc.date("document", plan.date, abbr=rng.random() < 0.2, be=rng.random() < 0.1))
    recipient = memo_recipient(rng, plan)
    blocks = top_blocks(plan) + [Block("title", ("บันทึกข้อความ",)),
                                 Block("field", (issuer_line,), label="ส่วนราชการ", extra="dots" if dots else ""),
                                 Block("refdate", (ref_text,), extra=date_text),
                                 wrapped_field(rng, "เรื่อง", plan.subject, dots), Block("field", (recipient,), label="เรียน")]
    body, effective = _body(rng, acc, plan, body_cites, False, rng.choice(vocab.CLOSINGS))
    sig = signature(rng, plan.office, "ขอแสดงความนับถือ" if rng.random() < 0.1 else "")
    blocks += body + [Block("sig", sig.lines)] + bottom_blocks(plan)
    return blocks, _truth(plan, issuer, ref_text, date_text, recipient, sig.truth(), effective, acc, [])


def _body(rng, acc: Acc, plan: LetterPlan, body_cites: list[Cite], header: bool, closing: str):
    n_dates = len(acc.dates)
    paras, effective = middles(rng, acc, plan)
    mid_dates = acc.dates[n_dates:]
    del acc.dates[n_dates:]
    first = opening(rng, acc, plan, body_cites, header)
    acc.dates.extend(mid_dates)
    return [Block("para", (t,)) for t in [first, *paras, closing]], effective


def external(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """หนังสือภายนอก: ที่, address, date, เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, body, closing, contact."""
    acc = Acc(plan.thai)
    ref_text = random_ref_text(rng, plan.ref, plan.thai)
    address = tuple(digits(a, plan.thai) for a in plan.office.address)
    date_text = strip_atoms(acc.date("document", plan.date, be=rng.random() < 0.1))
    pool = vocab.RECIPIENTS_PROVINCE if plan.office.kind == "province" else vocab.RECIPIENTS_CENTRAL
    names = [r.format(prov=plan.office.province) for r in rng.sample(pool, rng.choice((1, 1, 2, 3)))]
    recipient = " ".join(names[:-1]) + (" และ" if len(names) > 1 else "") + names[-1]
    blocks = top_blocks(plan) + [Block("refhead", address, label=f"ที่ {ref_text}"), Block("center", (date_text,)),
                                 wrapped_field(rng, "เรื่อง", plan.subject), wrapped_field(rng, "เรียน", recipient)]
    blocks += header_ref_block(rng, acc, header_cites)
    attachments: list[dict] = []
    if rng.random() < 0.6:
        extra, attachments = attachment_block(rng, plan)
        blocks += extra
    body, effective = _body(rng, acc, plan, body_cites, bool(header_cites), rng.choice(vocab.CLOSINGS))
    sig = signature(rng, plan.office, rng.choice(("ขอแสดงความนับถือ",) * 5 + ("ขอแสดงความนับถืออย่างยิ่ง",)))
    blocks += body + [Block("sig", sig.lines), Block("contact", contact_lines(rng, plan.office, plan.thai))]
    if rng.random() < 0.25:
        blocks.append(Block("items", tuple(rng.sample(vocab.COPY_TO, rng.choice((1, 2)))), label="สำเนาส่ง"))
    issuer = " ".join(address)
    return blocks + bottom_blocks(plan), _truth(plan, issuer, ref_text, date_text, recipient, sig.truth(),
                                                effective, acc, attachments)


def stamped(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """หนังสือประทับตรา: ที่, ถึง, body, issuing agency, date, contact; the stamp replaces a signature."""
    acc = Acc(plan.thai)
    ref_text = random_ref_text(rng, plan.ref, plan.thai)
    recipient = rng.choice(vocab.STAMPED_RECIPIENTS)
    blocks = top_blocks(plan) + [Block("left", (f"ที่ {ref_text}",)), wrapped_field(rng, "ถึง", recipient)]
    attachments: list[dict] = []
    if rng.random() < 0.3:
        extra, attachments = attachment_block(rng, plan)
        blocks += extra
    body, effective = _body(rng, acc, plan, body_cites, False, rng.choice(("จึงเรียนมาเพื่อโปรดทราบ",
                                                                          "จึงเรียนมาเพื่อทราบและดำเนินการต่อไป")))
    date_text = strip_atoms(acc.date("document", plan.date))
    issuer = plan.office.org
    blocks += body + [Block("sig", (issuer, "", date_text)), Block("contact", contact_lines(rng, plan.office, plan.thai))]
    signer = {"signer_title": "", "signer_name": "", "signer_position": "", "signer_acting": "", "signer_acting_for": ""}
    fields = _truth(plan, issuer, ref_text, date_text, recipient, signer, effective, acc, attachments)
    return blocks + bottom_blocks(plan), {**fields, "subject": ""}  # a stamped letter has no เรื่อง line


def _truth(plan: LetterPlan, issuer: str, ref_text: str, date_text: str, recipient: str, signer: dict,
           effective: dict, acc: Acc, attachments: list[dict]) -> dict:
    ref = plan.ref
    return {"ref_no": ref.canonical if ref else "", "ref_no_text": ref_text, "unit_code": ref.unit if ref else "",
            "serial": ref.serial if ref else None, "is_circular": ref.circular if ref else None, "issuer": issuer,
            "doc_date": plan.date.isoformat(), "doc_date_text": date_text, "subject": plan.subject,
            "recipient": recipient, **signer, **effective, "references": acc.refs, "attachments": attachments,
            "dates": [{"role": r, "date": d.isoformat()} for r, d, _ in acc.dates]}
