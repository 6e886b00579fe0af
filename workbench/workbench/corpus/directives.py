"""Layouts of คำสั่ง (order), ระเบียบ (regulation) and ประกาศ (announcement).

An order as printed::

    คำสั่งจังหวัดอ่างทอง
    ที่ ๑๒๓/๒๕๖๒
    เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ
    ----------------------------
    ... ทั้งนี้ ตั้งแต่วันที่ ๑ มิถุนายน ๒๕๖๒ เป็นต้นไป
    สั่ง ณ วันที่ ๒๘ พฤษภาคม พ.ศ. ๒๕๖๒
"""

from __future__ import annotations

import datetime as dt

from workbench.corpus import vocab
from workbench.corpus.body import Acc, Cite, deadline_sentence, event_sentence, fill
from workbench.corpus.layout import _truth
from workbench.corpus.model import Block, LetterPlan
from workbench.corpus.signer import pick_person, signature
from workbench.corpus.thaitext import digits, strip_atoms, wrap

RELATIVE = ("ตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป", "ตั้งแต่วันถัดจากวันประกาศเป็นต้นไป",
            "ตั้งแต่บัดนี้เป็นต้นไป")
NO_EFFECT = {"effective_date": "", "effective_date_text": ""}


def _rule(rng) -> Block:
    return Block("rule", (rng.choice(("-" * 28, "=" * 20, "________________", "-----------------------------")),))


def _effective(rng, acc: Acc, plan: LetterPlan, lead: str, lo: int, hi: int) -> tuple[str, dict]:
    """``<lead>ตั้งแต่วันที่ … เป็นต้นไป`` (or a relative rule with no date, truth ''; "บัดนี้" is the issue date)."""
    if rng.random() < 0.25:
        rule = rng.choice(RELATIVE)
        now = {"effective_date": plan.date.isoformat(), "effective_date_text": "บัดนี้"}
        return f"{lead}{rule}", now if "บัดนี้" in rule else NO_EFFECT
    when = max(plan.date + dt.timedelta(days=rng.randint(lo, hi)), dt.date(1997, 1, 2))
    text = acc.date("effective", when, be=rng.random() < 0.3)
    tail = rng.choice((" เป็นต้นไป", " เป็นต้นไป", ""))
    return f"{lead}ตั้งแต่วันที่ {text}{tail}", {"effective_date": when.isoformat(),
                                                 "effective_date_text": acc.dates[-1][2]}


def _members(rng, plan: LetterPlan) -> tuple[str, ...]:
    lines = []
    for i, role in enumerate(vocab.COMMITTEE_ROLES[: rng.randint(2, 4)], start=1):
        p = pick_person(rng, plan.office)
        job = rng.choice(plan.office.deputies + (plan.office.unit_name,))
        lines.append(f"{digits(str(i), plan.thai)}. {p.title}{p.name} {job} {role}")
    return tuple(lines)


def _signed(rng, acc: Acc, plan: LetterPlan, lead: str) -> tuple[list[Block], dict, str]:
    date_text = strip_atoms(acc.date("document", plan.date, be=rng.random() < 0.7))
    sig = signature(rng, plan.office)
    return [Block("center", (f"{lead} {date_text}",)), Block("sig", sig.lines)], sig.truth(), date_text


def order(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """คำสั่ง: title, ที่ n/ปี, เรื่อง, body with committee, ทั้งนี้ ตั้งแต่ …, สั่ง ณ วันที่ …, signature."""
    acc = Acc(plan.thai)
    ref_text = plan.ref.text(plan.thai)
    blocks = [Block("title", (f"คำสั่ง{plan.office.org}",)), Block("center", (f"ที่ {ref_text}",)),
              Block("field", tuple(wrap(plan.subject, 60)), label="เรื่อง", extra="center"), _rule(rng)]
    if body_cites:
        cited = " และ".join(acc.cite(rng, c, "body", urgency_ok=False) for c in body_cites)
        first = f"ตาม{cited} นั้น เนื่องจากมีการเปลี่ยนแปลงตัวบุคคล จึงสมควรปรับปรุงคำสั่งดังกล่าว"
    else:
        first = f"เพื่อให้การ{rng.choice(vocab.TOPIC_SHORT)}ของ{plan.office.org}เป็นไปด้วยความเรียบร้อย มีประสิทธิภาพ"
    power = fill(rng, "อาศัยอำนาจตามความในมาตรา {section} แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔ "
                 "จึง" + plan.subject + " ประกอบด้วย", plan)
    duties = f"ให้มีหน้าที่{rng.choice(vocab.ORDER_DUTIES)} และ{rng.choice(vocab.ORDER_DUTIES)}"
    effect, effective = _effective(rng, acc, plan, "ทั้งนี้ ", -20, 20)
    blocks += [Block("para", (first,)), Block("para", (power,)), Block("items", _members(rng, plan)),
               Block("para", (duties,)), Block("para", (effect,))]
    tail, signer, date_text = _signed(rng, acc, plan, "สั่ง ณ วันที่")
    return blocks + tail, _truth(plan, plan.office.org, ref_text, date_text, "", signer, effective, acc, [])


def regulation(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """ระเบียบ … ว่าด้วย … พ.ศ. …: numbered ข้อ, ข้อ ๒ commencement, ประกาศ ณ วันที่ …."""
    acc = Acc(plan.thai)
    year = digits(str(plan.date.year + 543), plan.thai)
    org, title = plan.office.org, plan.subject
    name = f"ระเบียบ{org} ว่าด้วย{title} พ.ศ. {year}"
    blocks = [Block("title", (f"ระเบียบ{org}",)), Block("center", (f"ว่าด้วย{title}",)),
              Block("center", (f"พ.ศ. {year}",)), _rule(rng)]
    preamble = fill(rng, "โดยที่เป็นการสมควรปรับปรุงหลักเกณฑ์ว่าด้วย" + title + " ให้เหมาะสมยิ่งขึ้น อาศัยอำนาจตาม"
                    "ความในมาตรา {section} แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔ "
                    + org + "จึงวางระเบียบไว้ ดังต่อไปนี้", plan)
    effect, effective = _effective(rng, acc, plan, "ระเบียบนี้ให้ใช้บังคับ", 0, 45)
    clauses = [f"ระเบียบนี้เรียกว่า “{name}”", effect]
    clauses += [digits(c, plan.thai) for c in rng.sample(vocab.REGULATION_CLAUSES, rng.randint(1, 3))]
    clauses.append(f"ให้{plan.office.head}รักษาการตามระเบียบนี้")
    blocks.append(Block("para", (preamble,)))
    blocks += [Block("para", (f"ข้อ {digits(str(i), plan.thai)} {c}",)) for i, c in enumerate(clauses, start=1)]
    tail, signer, date_text = _signed(rng, acc, plan, "ประกาศ ณ วันที่")
    return blocks + tail, _truth(plan, org, "", date_text, "", signer, effective, acc, [])


def announcement(rng, plan: LetterPlan, header_cites: list[Cite], body_cites: list[Cite]) -> tuple[list[Block], dict]:
    """ประกาศ<agency> เรื่อง …: body, optional ทั้งนี้ ตั้งแต่ …, ประกาศ ณ วันที่ …, signature."""
    acc = Acc(plan.thai)
    blocks = [Block("title", (f"ประกาศ{plan.office.org}",)),
              Block("field", tuple(wrap(plan.subject, 60)), label="เรื่อง", extra="center"), _rule(rng)]
    first = fill(rng, rng.choice(vocab.OPENINGS_NOCITE), plan).replace("ความละเอียดแจ้งแล้ว นั้น", "")
    blocks.append(Block("para", (f"{first.strip()} จึงประกาศให้ทราบโดยทั่วกัน",)))
    if rng.random() < 0.5:
        blocks.append(Block("para", (f"{event_sentence(rng, acc, plan)} {deadline_sentence(rng, acc, plan)}",)))
    effective = NO_EFFECT
    if rng.random() < 0.6:
        effect, effective = _effective(rng, acc, plan, "ทั้งนี้ ", 0, 30)
        blocks.append(Block("para", (effect,)))
    tail, signer, date_text = _signed(rng, acc, plan, "ประกาศ ณ วันที่")
    return blocks + tail, _truth(plan, plan.office.org, "", date_text, "", signer, effective, acc, [])
