"""Body prose of a letter: citations, noise numbers and distractor dates, recorded as they print.

``Acc`` records every date and citation in the order they appear, so the truth lists follow the text::

    ตามหนังสือจังหวัดอ่างทอง ด่วนที่สุด ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐ ...
    ... ในการประชุมครั้งที่ ๙/๒๕๖๑ เมื่อวันที่ ๒๘ พฤศจิกายน ๒๕๖๑ ...   (a meeting date, not the letter's)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pipeline.confusions import confusions
from pipeline.thai_chars import to_arabic
from workbench.corpus import vocab
from workbench.corpus.model import LetterPlan
from workbench.corpus.thaitext import RefNo, atom, digits, fmt_date, phone, random_ref_text


@dataclass(frozen=True, slots=True)
class Cite:
    """A letter to cite: ``หนังสือ<issuer> [urgency] ที่ <ref> ลงวันที่ <date>``."""

    issuer: str
    ref: RefNo
    date: dt.date
    target: str | None = None  # truth key file#segment of a corpus letter
    urgency: str = ""
    kind: str = "หนังสือ"  # หนังสือ | คำสั่ง
    subject: str = ""


class Acc:
    """Collects printed dates ``(role, date, text)`` and references (truth dicts) in text order."""

    def __init__(self, thai: bool) -> None:
        self.thai = thai
        self.dates: list[tuple[str, dt.date, str]] = []
        self.refs: list[dict] = []

    def date(self, role: str, d: dt.date, abbr: bool = False, be: bool = False, yy: bool = False) -> str:
        text = fmt_date(d, self.thai, abbr=abbr, be=be, yy=yy)
        self.dates.append((role, d, text))
        return atom(text)

    def cite(self, rng, c: Cite, where: str, urgency_ok: bool = True) -> str:
        """Print a citation and record it; 25% use the short ``ลว. 15 ก.ย. 48`` form.

        Some citations are printed as archives have them: a serial misread by one confusable digit
        (``ว ๒๙๓๐`` for ``ว ๒๕๓๐``, 8% of those citing a corpus letter) or the bare circular number
        with issuer and date (``หนังสือสำนักงาน ก.พ. ว 10 ลว. 15 ก.ย. 48``, 5% of circulars). Both
        still name the corpus letter, which a tolerant linker finds as ``probable``.
        """
        short = rng.random() < 0.25
        ref, status = c.ref, "resolved" if c.target else "not_in_corpus"
        if c.target and ref.year is None and rng.random() < 0.08:
            ref, status = confused(rng, ref), "probable"
        elif ref.circular and ref.agency and rng.random() < 0.05:
            ref = RefNo("", "", ref.serial, True)
            short, status = True, "probable" if c.target else status
        ref_text = random_ref_text(rng, ref, self.thai)
        self.refs.append({"seq": len(self.refs) + 1, "where": where, "cited_issuer": c.issuer,
                          "ref_no": ref.canonical, "cited_date": c.date.isoformat(), "target": c.target,
                          "status": status})
        date_text = self.date("cited", c.date, abbr=short or rng.random() < 0.1, yy=short and rng.random() < 0.7)
        urgency = f" {c.urgency}" if c.urgency and urgency_ok else ""
        joiner = "ลว." if short else "ลงวันที่"
        number = f"ที่ {atom(ref_text)}" if ref.agency or ref.year else atom(ref_text)
        return f"{c.kind}{c.issuer}{urgency} {number} {joiner} {date_text}"


def _twins() -> dict[str, str]:
    """Each digit the corpus damages and the one it becomes: the ``simulated`` digit rows of
    ocr_confusions.csv (the table linking forgives), both ways, the first row first (๑ -> ๗, ๗ -> ๓)."""
    twins: dict[str, str] = {}
    for c in confusions():
        if c.kind == "digit" and c.simulated:
            a, b = to_arabic(c.a), to_arabic(c.b)
            twins.setdefault(a, b)
            twins.setdefault(b, a)
    return twins


CONFUSABLE = _twins()  # {"5": "9", "9": "5", "2": "6", …}


def confused(rng, ref: RefNo) -> RefNo:
    """``ref`` with one serial digit replaced by its confusable twin (``2530`` -> ``2930``)."""
    serial = str(ref.serial)
    spots = [i for i, ch in enumerate(serial) if ch in CONFUSABLE and not (i == 0 and CONFUSABLE[ch] == "0")]
    if not spots:
        return ref
    i = rng.choice(spots)
    return replace(ref, serial=int(serial[:i] + CONFUSABLE[serial[i]] + serial[i + 1 :]))


def fill(rng, template: str, plan: LetterPlan) -> str:
    """Fill the noise placeholders of a prose template in the letter's digit style."""
    year = plan.date.year + 543
    values = {
        "agency": plan.office.org, "prov": plan.office.province, "topic": rng.choice(vocab.TOPICS),
        "topic_short": rng.choice(vocab.TOPIC_SHORT), "phone": phone(rng, plan.thai),
        "url": rng.choice(("http://123.242.159.135/web", "https://www.dla.go.th/servlet/DocumentServlet",
                           "www.moi.go.th", "https://saraban.example.go.th/circular")),
        "money": f"{rng.randint(1, 900) * 1000:,}", "money_words": rng.choice(vocab.MONEY_WORDS),
        "meeting_no": f"{rng.randint(1, 12)}/{year - rng.randint(0, 1)}", "act_year": rng.choice(("2534", "2560", "2546")),
        "section": str(rng.choice((38, 40, 47, 57, 60))), "fy": str(year + rng.randint(0, 1)),
    }
    text = template.format(**values)
    keep_url = values["url"] if not values["url"].startswith("http://1") else ""
    out = digits(text, plan.thai)
    return out.replace(digits(keep_url, plan.thai), keep_url) if keep_url else out


def opening(rng, acc: Acc, plan: LetterPlan, body_cites: list[Cite], header: bool) -> str:
    """First paragraph: cites the letters in *body_cites*, or points at อ้างถึง, or states the matter."""
    if body_cites:
        parts = [acc.cite(rng, c, "body") for c in body_cites]
        lead = rng.choice(("ตาม", "ตาม", "อนุสนธิ", "ตามที่ได้รับ"))
        joined = " และ".join(parts)
        about = f" เรื่อง {body_cites[0].subject}" if body_cites[0].subject and rng.random() < 0.6 else ""
        return f"{lead}{joined}{about} {rng.choice(vocab.CITE_VERBS)}"
    if header:
        return f"ตามหนังสือที่อ้างถึง {plan.office.org}ได้แจ้ง{rng.choice(vocab.TOPIC_SHORT)} ความละเอียดแจ้งแล้ว นั้น"
    return fill(rng, rng.choice(vocab.OPENINGS_NOCITE), plan)


def _days(rng, plan: LetterPlan, lo: int, hi: int) -> dt.date:
    d = plan.date + dt.timedelta(days=rng.randint(lo, hi))
    return max(d, dt.date(1997, 1, 2))


def meeting_sentence(rng, acc: Acc, plan: LetterPlan) -> str:
    year = plan.date.year + 543
    no = digits(f"{rng.randint(1, 12)}/{year - rng.randint(0, 1)}", plan.thai)
    when = acc.date("meeting", _days(rng, plan, -120, -3))
    return (f"คณะกรรมการ{rng.choice(('บริหารงานจังหวัดแบบบูรณาการ', 'ฯ', 'พิจารณาร่างระเบียบ'))} ได้มีมติในการประชุม"
            f"ครั้งที่ {no} เมื่อวันที่ {when} เห็นชอบ{rng.choice(vocab.TOPIC_SHORT)}")


def deadline_sentence(rng, acc: Acc, plan: LetterPlan) -> str:
    when = acc.date("deadline", _days(rng, plan, 7, 60), abbr=rng.random() < 0.3)
    return f"และขอให้รายงานผลการดำเนินการให้{plan.office.org}ทราบภายในวันที่ {when}"


def event_sentence(rng, acc: Acc, plan: LetterPlan) -> str:
    when = acc.date("other", _days(rng, plan, 5, 90))
    room = digits(rng.choice(("ศาลากลางจังหวัด", "ชั้น ๒", "โรงแรมรอยัลซิตี้", "๓๐๑ อาคาร ๑")), plan.thai)
    return f"โดยกำหนดจัด{rng.choice(vocab.TOPIC_SHORT)} ในวันที่ {when} ณ ห้องประชุม{room}"


EFFECTIVE_FORMS = ("โดยกำหนดให้ใช้หลักเกณฑ์ใหม่ตั้งแต่วันที่ {d} เป็นต้นไป", "ทั้งนี้ มีผลใช้บังคับตั้งแต่วันที่ {d}",
                   "โดยให้มีผลตั้งแต่วันที่ {d} เป็นต้นไป")


def effective_sentence(rng, acc: Acc, plan: LetterPlan) -> tuple[str, dt.date, str]:
    when = _days(rng, plan, -200, 45)
    text = acc.date("effective", when, be=rng.random() < 0.15)
    return rng.choice(EFFECTIVE_FORMS).format(d=text), when, acc.dates[-1][2]


def middles(rng, acc: Acc, plan: LetterPlan) -> tuple[list[str], dict]:
    """1-3 middle paragraphs with noise numbers and distractor dates; returns the effective-date truth."""
    paras = []
    effective = {"effective_date": "", "effective_date_text": ""}
    first = fill(rng, rng.choice(vocab.MIDDLES), plan)
    if rng.random() < 0.35:
        first = f"{meeting_sentence(rng, acc, plan)} {first}"
    if rng.random() < 0.35:
        sentence, when, text = effective_sentence(rng, acc, plan)
        first = f"{first} {sentence}"
        effective = {"effective_date": when.isoformat(), "effective_date_text": text}
    paras.append(first)
    if rng.random() < 0.5:
        paras.append(fill(rng, rng.choice(vocab.MIDDLES), plan))
    if rng.random() < 0.3:
        paras.append(f"{event_sentence(rng, acc, plan)} {deadline_sentence(rng, acc, plan)}")
    elif rng.random() < 0.3:
        paras[-1] = f"{paras[-1]} {deadline_sentence(rng, acc, plan)}"
    return paras, effective
