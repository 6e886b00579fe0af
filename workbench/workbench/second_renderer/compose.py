"""Compose letters of the six kinds, each with the truth of what it prints.

A letter is a tuple of ``Para`` (see ``model.Para``) and a truth row in the scorer's format
(``workbench.evaluate``). For example an external letter begins::

    ที่ นน ๐๐๓๒.๐๐๔/ว ๒๓๑๗                 สำนักงานสาธารณสุขจังหวัดน่าน
                                          ถนนมิตรภาพ อำเภอเมืองน่าน
                                          จังหวัดน่าน ๕๕๐๐๐
                         ๑๒ มกราคม ๒๕๖๖
    เรื่อง  การป้องกันและควบคุมโรคไข้เลือดออกในช่วงฤดูฝน
    เรียน  สาธารณสุขอำเภอทุกอำเภอในจังหวัดน่าน

and its truth has ``issuer = "สำนักงานสาธารณสุขจังหวัดน่าน ถนนมิตรภาพ … ๕๕๐๐๐"``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from workbench.second_renderer import vocab
from workbench.second_renderer.agencies import Office, agency_name, make_office
from workbench.second_renderer.cite import Cited, canonical_cited, citation_text, printed_ref
from workbench.second_renderer.model import Attachment, Letter, Para, RefNo, Signer
from workbench.second_renderer.thai import date_text, digits, thai_digits

KINDS = ("memo", "external", "stamped", "order", "announcement", "regulation")
KIND_WEIGHTS = (26, 34, 9, 13, 10, 8)
TITLE_WORD = {"order": "คำสั่ง", "announcement": "ประกาศ", "regulation": "ระเบียบ"}


@dataclass(frozen=True, slots=True)
class Slot:
    """A letter still to write: its truth key, kind and date (``Slot("sr_0007#1", "memo", date(2023, 3, 2))``)."""

    key: str
    kind: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Style:
    """How a letter writes numbers and its own date: ``Style("thai", "full", era=False)``."""

    digits: str
    months: str
    era: bool
    short_year: bool = False


def _pick(rng: random.Random, weighted) -> tuple:
    return rng.choices(list(weighted), [w for *_, w in weighted])[0]


class Composer:
    """Writes the letters of one corpus in date order, so that later letters can cite earlier ones.

    ``Composer(random.Random(7)).letter(Slot("sr_0001#0", "external", date(2023, 5, 2)))``"""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.citable: list[Cited] = []
        self.homes: list[Office] = []  # the office of each citable letter
        self.used: set[str] = set()  # canonical numbers already given (corpus and outside letters)
        self.offices: list[Office] = [make_office(rng) for _ in range(14)]

    # --- numbers, names, dates -------------------------------------------------------------------
    def _number(self, office: Office, kind: str, day: dt.date) -> RefNo:
        rng = self.rng
        while True:
            if kind == "order":
                ref = RefNo("", "", rng.randint(1, 480), False, year=day.year + 543)
            else:
                ref = RefNo(office.code, office.unit, rng.randint(12, 9800), kind != "memo" and rng.random() < 0.45)
            if ref.canonical not in self.used:
                self.used.add(ref.canonical)
                return ref

    def _person(self, police: bool = False) -> tuple[str, str]:
        rng = self.rng
        title, gender, _ = _pick(rng, vocab.POLICE_TITLES if police and rng.random() < 0.8 else vocab.CIVIL_TITLES)
        if gender == "x":
            gender = rng.choice("mf")
        given = rng.choice(vocab.GIVEN_MALE if gender == "m" else vocab.GIVEN_FEMALE)
        return title, f"{given} {rng.choice(vocab.FAMILY)}"

    def _phone(self) -> str:
        rng = self.rng
        shape = rng.choice(vocab.PHONE_SHAPES)
        return shape.format(a=rng.randint(2, 7), b=rng.randint(100, 999), c=rng.randint(1000, 9999))

    # --- signer ----------------------------------------------------------------------------------
    def _signer(self, office: Office, own: str | None = None) -> Signer:
        """The head signs, or a deputy for the head (ปฏิบัติราชการแทน / รักษาราชการแทน); lines laid out
        in one of the ways real letters do."""
        rng = self.rng
        title, name = self._person(office.police)
        if own is not None:
            return Signer(title, name, own, None, None, tuple(_split_position(own, rng)))
        if rng.random() < 0.4:
            return Signer(title, name, office.head, None, None, tuple(_split_position(office.head, rng)))
        deputy = rng.choice(office.deputies)
        acting = rng.choices(("ปฏิบัติราชการแทน", "รักษาราชการแทน"), (75, 25))[0]
        shape = rng.choice(("joined", "trailing", "alone", "split"))
        head = office.head
        own_lines = _split_position(deputy, rng)
        if shape == "joined":
            lines = [*own_lines, acting + head]
        elif shape == "trailing":
            lines = [*own_lines[:-1], f"{own_lines[-1]} {acting}", head]
        elif shape == "alone":
            lines = [*own_lines, acting, head]
        else:
            cut = _cut_point(head)
            lines = [*own_lines, acting + head[:cut], head[cut:].strip()] if cut else [*own_lines, acting + head]
        return Signer(title, name, deputy, acting, head, tuple(line for line in lines if line))

    # --- dates -----------------------------------------------------------------------------------
    def _before(self, day: dt.date, lo: int, hi: int) -> dt.date:
        return day - dt.timedelta(days=self.rng.randint(lo, hi))

    def _after(self, day: dt.date, lo: int, hi: int) -> dt.date:
        return day + dt.timedelta(days=self.rng.randint(lo, hi))

    def _said(self, draft: _Draft, day: dt.date, role: str, months: str | None = None, era: bool = False) -> str:
        """A date printed in the body, recorded in the truth with its role."""
        months = months or self.rng.choices(("full", "abbr"), (80, 20))[0]
        draft.dates.append({"role": role, "date": day.isoformat()})
        return date_text(day, months, draft.style.digits, era=era)

    # --- citations -------------------------------------------------------------------------------
    def _outside(self, day: dt.date) -> Cited:
        """A letter not in the corpus, cited by number and date."""
        office = make_office(self.rng)
        noun = "หนังสือ"
        while True:
            ref = RefNo(office.code, office.unit, self.rng.randint(5, 9900), self.rng.random() < 0.5)
            if ref.canonical not in self.used:
                self.used.add(ref.canonical)
                break
        matter = self.rng.choice(vocab.MATTERS)[0]
        return Cited(noun, office.name, ref, self._before(day, 8, 420), matter, None)

    def _corpus_cite(self, day: dt.date, office: Office, orders: bool = False) -> Cited | None:
        """An earlier corpus letter; a memo (an internal letter) only from the citing letter's own office."""
        earlier = [(c, home) for c, home in zip(self.citable, self.homes, strict=True) if c.date < day
                   and (c.noun == "คำสั่ง") == orders and (c.noun != "บันทึกข้อความ" or home is office)]
        own = [c for c, home in earlier if home is office]
        if orders and own:  # an order amends or follows the office's own earlier orders first
            return self.rng.choice(own)
        return self.rng.choice(earlier)[0] if earlier else None

    def _cite(self, draft: _Draft, c: Cited, where: str, urgent: bool = False) -> str:
        text, form = citation_text(c, draft.style.digits, self.rng, urgent)
        draft.refs.append({"ref_no": canonical_cited(c, form), "cited_date": c.date.isoformat(), "target": c.target,
                           "where": where})
        draft.dates.append({"role": "cited", "date": c.date.isoformat()})
        return text

    def _citations(self, draft: _Draft, n_max: int = 2) -> list[Cited]:
        """Letters this one cites: corpus letters now and then, letters outside it otherwise."""
        rng = self.rng
        chosen: list[Cited] = []
        for _ in range(rng.choices((0, 1, 2), (30, 50, 20))[0] if n_max else 0):
            day = draft.slot.date
            inside = self._corpus_cite(day, draft.office) if rng.random() < 0.6 else None
            c = inside or self._outside(day)
            if all(c.ref != o.ref for o in chosen):
                chosen.append(c)
        return chosen[:n_max]

    # --- the letter ------------------------------------------------------------------------------
    def letter(self, slot: Slot) -> Letter:
        rng = self.rng
        office = rng.choice(self.offices)
        style = Style(rng.choices(("thai", "arabic"), (72, 28))[0], "full", False)
        draft = _Draft(slot, office, style)
        getattr(self, f"_{slot.kind}")(draft)
        letter = draft.finish()
        if draft.ref is not None and slot.kind in ("memo", "external", "stamped", "order"):
            noun = {"memo": "บันทึกข้อความ", "order": "คำสั่ง"}.get(slot.kind, "หนังสือ")
            issuer = office.name if slot.kind != "memo" else office.divisions[0].split(" ")[0]
            self.citable.append(Cited(noun, issuer, draft.ref, slot.date, draft.truth["subject"] or "", slot.key))
            self.homes.append(office)
        return letter

    def _stamps(self, draft: _Draft) -> None:
        rng = self.rng
        if rng.random() < 0.22:
            draft.truth["urgency"] = rng.choices(("ด่วนที่สุด", "ด่วนมาก", "ด่วน"), (40, 35, 25))[0]
        if rng.random() < 0.08:
            draft.truth["secrecy"] = rng.choice(("ลับ", "ลับมาก", "ลับที่สุด"))
        marks = [m for m in (draft.truth["urgency"], draft.truth["secrecy"]) if m]
        if len(marks) == 2 and rng.random() < 0.5:
            draft.paras.append(Para("stamp", "   ".join(marks), big=True))
        else:
            draft.paras.extend(Para("stamp", m, big=True) for m in marks)

    def _own_number(self, draft: _Draft, kind: str) -> str:
        draft.ref = self._number(draft.office, kind, draft.slot.date)
        text = printed_ref(draft.ref, draft.style.digits, self.rng)
        t = draft.truth
        t["ref_no"], t["ref_no_text"], t["serial"] = draft.ref.canonical, text, draft.ref.serial
        t["is_circular"] = draft.ref.circular
        if draft.ref.year is None:
            t["agency_code"], t["agency_name"], t["unit_code"] = draft.ref.agency, agency_name(draft.ref.agency), draft.ref.unit
        return text

    def _own_date(self, draft: _Draft, months: str = "full", era: bool = False) -> str:
        short = months == "abbr" and self.rng.random() < 0.3
        text = date_text(draft.slot.date, months, draft.style.digits, era=era, short_year=short)
        draft.truth["doc_date"], draft.truth["doc_date_text"] = draft.slot.date.isoformat(), text
        draft.dates.append({"role": "document", "date": draft.slot.date.isoformat()})
        return text

    def _sign(self, draft: _Draft, signer: Signer, closing: str | None) -> None:
        t = draft.truth
        t["signer_title"], t["signer_name"], t["signer_position"] = signer.title, signer.name, signer.position
        t["signer_acting"], t["signer_acting_for"] = signer.acting, signer.acting_for
        if closing:
            draft.paras.append(Para("sig", closing))
        draft.paras.append(Para("gap"))
        draft.paras.append(Para("sig", signer.name_line))
        draft.paras.extend(Para("sig", line) for line in signer.lines)

    def _attachments(self, draft: _Draft) -> None:
        rng = self.rng
        n = rng.choices((0, 1, 2, 3), (45, 30, 17, 8))[0]
        things = rng.sample(vocab.ATTACHMENT_THINGS, n)
        items = []
        for i, thing in enumerate(things, start=1):
            shape = rng.choices(("count", "paren", "none"), (70, 15, 15))[0]
            qty, unit = rng.randint(1, 5), rng.choice(vocab.ATTACHMENT_UNITS)
            tail = {"count": f" จำนวน {qty} {unit}", "paren": f" ({qty} {unit})", "none": ""}[shape]
            head = f"{i}. " if n > 1 else ""
            items.append(digits(f"{head}{thing}{tail}", draft.style.digits))
            draft.atts.append(Attachment(thing, qty if shape != "none" else None, unit if shape != "none" else None))
        if items:
            draft.paras.append(Para("field", items[0], label="สิ่งที่ส่งมาด้วย"))
            draft.paras.extend(Para("item", x) for x in items[1:])

    def _header_refs(self, draft: _Draft, cited: list[Cited]) -> None:
        if not cited:
            return
        texts = [self._cite(draft, c, "header") for c in cited]
        if len(texts) == 1:
            draft.paras.append(Para("field", texts[0], label="อ้างถึง"))
            return
        numbered = [digits(f"{i}. ", draft.style.digits) + t for i, t in enumerate(texts, start=1)]
        draft.paras.append(Para("field", numbered[0], label="อ้างถึง"))
        draft.paras.extend(Para("item", t) for t in numbered[1:])

    def _distractors(self, draft: _Draft, event: str) -> list[str]:
        """Sentences with dates that are not the letter's own: a meeting, a deadline, an event."""
        rng, day, out = self.rng, draft.slot.date, []
        if rng.random() < 0.35:
            when = self._before(day, 5, 60)
            n = digits(f"{rng.randint(1, 9)}/{when.year + 543}", draft.style.digits)
            if rng.random() < 0.7:
                out.append(f"ทั้งนี้ ที่ประชุมคณะกรรมการบริหารครั้งที่ {n} เมื่อวันที่ {self._said(draft, when, 'meeting')} "
                           "ได้พิจารณาเรื่องดังกล่าวแล้ว")
            else:
                out.append(f"โดยเมื่อวันที่ {self._said(draft, when, 'meeting')} คณะกรรมการได้ประชุมพิจารณาเรื่องนี้แล้ว")
        if rng.random() < 0.35:
            when = self._after(day, 3, 40)
            lead = rng.choice(("ภายในวันที่", "ก่อนวันที่", "ไม่เกินวันที่", "อย่างช้าในวันที่"))
            out.append(f"ขอให้แจ้งผลการดำเนินการให้ทราบ{lead} {self._said(draft, when, 'deadline')}")
        if rng.random() < 0.3:
            when = self._after(day, 5, 50)
            role = "meeting" if "ประชุม" in event else "other"  # the day a meeting is held is a meeting date
            out.append(f"สำหรับ{event}ดังกล่าว กำหนดจัดขึ้นในวันที่ {self._said(draft, when, role)} "
                       f"เวลา {digits('09.00', draft.style.digits)} น. เป็นต้นไป")
        return out

    def _letter_effective(self, draft: _Draft, chance: float) -> str | None:
        if self.rng.random() >= chance:
            return None
        when = self._after(draft.slot.date, 0, 45)
        text = date_text(when, "full", draft.style.digits)
        draft.truth["effective_date"], draft.truth["effective_date_text"] = when.isoformat(), text
        draft.dates.append({"role": "effective", "date": when.isoformat()})
        return text

    def _body(self, draft: _Draft, cited: list[Cited], subject: str, ask: str, event: str, purpose: str) -> None:
        rng, office, style = self.rng, draft.office, draft.style
        paras = []
        if cited:
            first = self._cite(draft, cited[0], "body", urgent=rng.random() < 0.15)
            opener = rng.choice(("ตาม", "อนุสนธิ"))
            sentence = f"{opener}{first} เรื่อง {cited[0].subject}"
            if len(cited) > 1:
                sentence += f" และ{self._cite(draft, cited[1], 'body')}"
            paras.append(sentence + " ความละเอียดแจ้งแล้ว นั้น")
        else:
            paras.append(f"ด้วย{office.name}มีความประสงค์ขอให้หน่วยงานของท่าน{ask} "
                         f"เพื่อให้การดำเนินงานเรื่อง{subject}เป็นไปด้วยความเรียบร้อย")
        middle = (f"ในการนี้ {office.name}พิจารณาแล้ว เห็นควรขอความร่วมมือหน่วยงานที่เกี่ยวข้อง{ask} "
                  "ตามแนวทางที่กำหนด รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้")
        extra = self._distractors(draft, event)
        eff = self._letter_effective(draft, 0.12)
        if eff:
            extra.append(f"โดยให้ถือปฏิบัติตั้งแต่วันที่ {eff} เป็นต้นไป")
        if rng.random() < 0.25:
            extra.append("ทั้งนี้ ให้ดำเนินการตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ "
                         f"พ.ศ. {digits('2560', style.digits)} โดยเคร่งครัด")
        paras.append(middle + (" " + " ".join(extra) if extra else ""))
        paras.append(purpose)
        for p in paras[:-1]:
            draft.paras.append(Para("body", p))
        draft.paras.append(Para("body", paras[-1]))

    def _contact(self, draft: _Draft) -> None:
        office = draft.office
        division = self.rng.choice(office.divisions).split(" ")[0]
        lines = [division, f"โทร. {self._phone()}"]
        if self.rng.random() < 0.6:
            lines.append(f"โทรสาร {self._phone()}")
        if self.rng.random() < 0.3:
            lines.append("ไปรษณีย์อิเล็กทรอนิกส์ saraban@" + self.rng.choice(("moi.go.th", "obec.go.th", "rbru.ac.th")))
        draft.paras.append(Para("blank"))
        draft.paras.extend(Para("plain", line) for line in lines)
        if self.rng.random() < 0.2:
            draft.paras.append(Para("blank"))
            draft.paras.append(Para("plain", f"สำเนาส่ง {self.rng.choice(office.recipients)}"))

    # --- the kinds -------------------------------------------------------------------------------
    def _external(self, draft: _Draft) -> None:
        rng, office = self.rng, draft.office
        draft.paras.append(Para("emblem"))
        self._stamps(draft)
        number = self._own_number(draft, "external")
        head = office.address if office.address[0].startswith(("ศาลากลาง", "สำนักงานเทศบาล")) else (office.name, *office.address)
        hand = ""
        if rng.random() < 0.3 and draft.ref.year is None:  # serial written by hand after printing
            serial = digits(str(draft.ref.serial), draft.style.digits)
            if number.endswith(serial):
                number, hand = number[: -len(serial)], serial
        draft.paras.append(Para("pair", left=f"ที่ {number}", hand=hand, right=head[0]))
        draft.paras.extend(Para("right", line) for line in head[1:])
        draft.truth["issuer"] = " ".join(head)
        draft.paras.append(Para("date", self._own_date(draft, "full", era=rng.random() < 0.1)))
        subject, ask, event = rng.choice(vocab.MATTERS)
        salute = "กราบเรียน" if rng.random() < 0.05 else "เรียน"
        recipient = rng.choice(office.recipients)
        if rng.random() < 0.3:
            recipient += " และ" + rng.choice([r for r in office.recipients if r != recipient] or ["ผู้เกี่ยวข้อง"])
        draft.truth["subject"], draft.truth["recipient"] = subject, recipient
        draft.paras.append(Para("field", subject, label="เรื่อง"))
        draft.paras.append(Para("field", recipient, label=salute))
        cited = self._citations(draft)
        header = cited[:1] if cited and rng.random() < 0.5 else []
        self._header_refs(draft, header)
        self._attachments(draft)
        self._body(draft, cited[len(header):], subject, ask, event, rng.choice(vocab.PURPOSES))
        closing = "ขอแสดงความนับถืออย่างยิ่ง" if salute == "กราบเรียน" else "ขอแสดงความนับถือ"
        self._sign(draft, self._signer(office), closing)
        self._contact(draft)

    def _memo(self, draft: _Draft) -> None:
        rng, office = self.rng, draft.office
        self._stamps(draft)
        draft.paras.append(Para("memo_head", "บันทึกข้อความ", bold=True, big=True))
        owner = rng.choice(office.divisions)
        phone = f" โทร. {self._phone()}" if rng.random() < 0.85 else ""
        draft.truth["issuer"] = owner
        draft.paras.append(Para("field", owner + phone, label="ส่วนราชการ"))
        number = self._own_number(draft, "memo")
        months = rng.choices(("full", "abbr"), (70, 30))[0]
        draft.paras.append(Para("pair", left=f"ที่ {number}", right=f"วันที่ {self._own_date(draft, months)}"))
        subject, ask, event = rng.choice(vocab.MATTERS)
        recipient = office.head if rng.random() < 0.6 else rng.choice(office.deputies)
        draft.truth["subject"], draft.truth["recipient"] = subject, recipient
        draft.paras.append(Para("field", subject, label="เรื่อง"))
        draft.paras.append(Para("field", recipient, label="เรียน"))
        self._body(draft, self._citations(draft), subject, ask, event, rng.choice(vocab.PURPOSES))
        own = rng.choice(office.staff) if rng.random() < 0.7 else None
        self._sign(draft, self._signer(office, own), None)

    def _stamped(self, draft: _Draft) -> None:
        rng, office = self.rng, draft.office
        draft.paras.append(Para("emblem"))
        self._stamps(draft)
        number = self._own_number(draft, "stamped")
        draft.paras.append(Para("plain", f"ที่ {number}"))
        recipient = rng.choice(office.recipients)
        draft.truth["recipient"] = recipient
        draft.paras.append(Para("field", recipient, label="ถึง"))
        subject, ask, event = rng.choice(vocab.MATTERS)
        cited = self._citations(draft, n_max=1)
        if cited:
            text = f"ตาม{self._cite(draft, cited[0], 'body')} {office.name}ได้แจ้งเรื่อง{cited[0].subject} นั้น"
        else:
            text = f"ด้วย{office.name}ขอส่งเอกสารเรื่อง{subject} มาเพื่อ{ask}"
        draft.paras.append(Para("body", text))
        extra = self._distractors(draft, event)
        draft.paras.append(Para("body", f"จึงขอให้หน่วยงานของท่าน{ask} " + " ".join(extra) if extra else f"จึงขอให้{ask}"))
        draft.paras.append(Para("body", rng.choice(vocab.STAMPED_PURPOSES)))
        draft.paras.append(Para("blank"))
        draft.truth["issuer"] = office.name
        draft.paras.append(Para("sig", office.name))
        draft.paras.append(Para("sig", self._own_date(draft, "full")))
        self._contact(draft)

    def _titled(self, draft: _Draft, kind: str, subject: str) -> None:
        """Title block of an order, announcement or regulation."""
        office = draft.office
        draft.paras.append(Para("emblem"))
        self._stamps(draft)
        draft.truth["issuer"] = office.name
        if kind == "regulation":
            draft.paras.append(Para("centre", f"ระเบียบ{office.name}", bold=True))
            edition = f" (ฉบับที่ {digits(str(self.rng.randint(2, 4)), draft.style.digits)})" if self.rng.random() < 0.3 else ""
            draft.paras.append(Para("centre", f"ว่าด้วย{subject}{edition}", bold=True))
            draft.paras.append(Para("centre", f"พ.ศ. {digits(str(draft.slot.date.year + 543), draft.style.digits)}", bold=True))
            draft.truth["subject"] = subject
        else:
            draft.paras.append(Para("centre", f"{TITLE_WORD[kind]}{office.name}", bold=True))
            if kind == "order":
                draft.paras.append(Para("centre", f"ที่ {self._own_number(draft, 'order')}", bold=True))
            draft.paras.append(Para("centre", f"เรื่อง {subject}", bold=True))
            draft.truth["subject"] = subject
        if self.rng.random() < 0.5:
            draft.paras.append(Para("centre", "-" * self.rng.randint(12, 24)))
        draft.paras.append(Para("blank"))  # the body starts apart from the title, as typed

    def _signed_on(self, draft: _Draft, word: str) -> None:
        era = self.rng.random() < 0.75
        draft.paras.append(Para("blank"))
        draft.paras.append(Para("sig" if self.rng.random() < 0.5 else "body", f"{word} ณ วันที่ {self._own_date(draft, 'full', era)}"))
        self._sign(draft, self._signer(draft.office), None)

    def _effective_rule(self, draft: _Draft, lead: str, chance: float = 0.75) -> str:
        if self.rng.random() < chance:
            when = self._after(draft.slot.date, -10, 40)
            text = date_text(when, "full", draft.style.digits, era=self.rng.random() < 0.3)
            draft.truth["effective_date"], draft.truth["effective_date_text"] = when.isoformat(), text
            draft.dates.append({"role": "effective", "date": when.isoformat()})
            since = "นับแต่วันที่" if self.rng.random() < 0.15 else "ตั้งแต่วันที่"  # both start a rule
            return f"{lead}{since} {text} เป็นต้นไป"
        return f"{lead}ตั้งแต่{self.rng.choice(('บัดนี้', 'วันถัดจากวันประกาศ'))}เป็นต้นไป"

    def _order(self, draft: _Draft) -> None:
        rng, office = self.rng, draft.office
        subject = rng.choice(vocab.ORDER_MATTERS)
        self._titled(draft, "order", subject)
        earlier = self._corpus_cite(draft.slot.date, office, orders=True) if rng.random() < 0.5 else None
        law = digits("พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", draft.style.digits)
        if earlier:
            draft.paras.append(Para("body", f"ตาม{self._cite(draft, earlier, 'body')} เรื่อง {earlier.subject} นั้น"))
        draft.paras.append(Para("body", f"เพื่อให้การปฏิบัติราชการของ{office.name}เป็นไปด้วยความเรียบร้อย อาศัยอำนาจตามความใน"
                                        f"มาตรา {digits(str(rng.randint(30, 60)), draft.style.digits)} แห่ง{law} "
                                        f"จึง{subject} ดังนี้"))
        for i in range(1, rng.randint(2, 4) + 1):
            title, name = self._person(office.police)
            role = "ประธานกรรมการ" if i == 1 else "กรรมการ"
            draft.paras.append(Para("body", digits(f"{i}. {title}{name} ตำแหน่ง{rng.choice(office.staff)} {role}",
                                                   draft.style.digits)))
        extra = self._distractors(draft, "การปฏิบัติงาน")
        draft.paras.append(Para("body", "ให้ผู้ที่ได้รับการแต่งตั้งปฏิบัติหน้าที่ด้วยความรับผิดชอบ " + " ".join(extra)))
        draft.paras.append(Para("body", self._effective_rule(draft, "ทั้งนี้ ")))
        self._signed_on(draft, "สั่ง")

    def _announcement(self, draft: _Draft) -> None:
        rng, office = self.rng, draft.office
        subject = rng.choice(vocab.ANNOUNCEMENT_MATTERS)
        self._titled(draft, "announcement", subject)
        draft.paras.append(Para("body", f"ด้วย{office.name}เห็นสมควรประกาศ{subject} เพื่อให้ผู้เกี่ยวข้องทราบและถือปฏิบัติ"))
        extra = self._distractors(draft, "การรับสมัคร")
        draft.paras.append(Para("body", "รายละเอียดปรากฏตามบัญชีแนบท้ายประกาศนี้ " + " ".join(extra)))
        draft.paras.append(Para("body", self._effective_rule(draft, "ทั้งนี้ ให้มีผล", 0.6)))
        draft.paras.append(Para("body", "จึงประกาศให้ทราบโดยทั่วกัน"))
        self._signed_on(draft, "ประกาศ")

    def _regulation(self, draft: _Draft) -> None:
        rng, office, style = self.rng, draft.office, draft.style
        subject = rng.choice(vocab.REGULATION_MATTERS)
        self._titled(draft, "regulation", subject)
        year = digits(str(draft.slot.date.year + 543), style.digits)
        draft.paras.append(Para("body", f"โดยที่เป็นการสมควรปรับปรุงหลักเกณฑ์ว่าด้วย{subject}ให้เหมาะสมกับสภาพการณ์ปัจจุบัน "
                                        f"{office.name}จึงวางระเบียบไว้ ดังต่อไปนี้"))
        draft.paras.append(Para("body", digits(f"ข้อ 1 ระเบียบนี้เรียกว่า “ระเบียบ{office.name} ว่าด้วย{subject} พ.ศ. ", style.digits)
                                + year + "”"))
        draft.paras.append(Para("body", digits("ข้อ 2 ", style.digits) + self._effective_rule(draft, "ระเบียบนี้ให้ใช้บังคับ")))
        draft.paras.append(Para("body", digits("ข้อ 3 ", style.digits) + "ให้หัวหน้าหน่วยงานถือปฏิบัติตามระเบียบนี้โดยเคร่งครัด"))
        draft.paras.append(Para("body", digits("ข้อ 4 ", style.digits) + f"ให้{office.head}รักษาการตามระเบียบนี้"))
        self._signed_on(draft, "ประกาศ")


class _Draft:
    """A letter being written (mutable while composing; ``finish`` freezes it into a ``Letter``)."""

    def __init__(self, slot: Slot, office: Office, style: Style) -> None:
        self.slot, self.office, self.style = slot, office, style
        self.paras: list[Para] = []
        self.dates: list[dict] = []
        self.refs: list[dict] = []
        self.atts: list[Attachment] = []
        self.ref: RefNo | None = None
        file, index = slot.key.split("#")
        self.truth: dict = {"file": file, "segment_index": int(index), "doc_type": slot.kind, "ref_no": None,
                            "ref_no_text": None, "agency_code": None, "agency_name": None, "unit_code": None,
                            "serial": None, "is_circular": None, "issuer": None, "doc_date": None,
                            "doc_date_text": None, "subject": None, "recipient": None, "urgency": None,
                            "secrecy": None, "signer_title": None, "signer_name": None, "signer_position": None,
                            "signer_acting": None, "signer_acting_for": None, "effective_date": None,
                            "effective_date_text": None}

    def finish(self) -> Letter:
        style = self.style.digits
        paras = tuple(_styled(p, style) for p in self.paras)
        truth = {k: (digits(v, style) if isinstance(v, str) and k in _TEXT_FIELDS else v) for k, v in self.truth.items()}
        truth["references"] = [{k: v for k, v in r.items()} for r in self.refs]
        truth["attachments"] = [{"description": digits(a.description, style), "quantity": a.quantity, "unit": a.unit}
                                for a in self.atts]
        truth["dates"] = list(self.dates)
        return Letter(self.slot.key, self.slot.kind, paras, truth)


_TEXT_FIELDS = frozenset({"issuer", "subject", "recipient", "signer_position", "signer_acting_for", "signer_name"})


def _styled(p: Para, style: str) -> Para:
    return replace(p, text=digits(p.text, style), left=digits(p.left, style), right=digits(p.right, style),
                   hand=digits(p.hand, style))


def _split_position(position: str, rng: random.Random) -> list[str]:
    """A long position printed over two lines at a word boundary (``ผู้อำนวยการสำนักงานเขต…`` / ``…เขต ๑``)."""
    if len(position) < 34 or rng.random() < 0.35:
        return [position]
    cut = _cut_point(position)
    return [position[:cut].strip(), position[cut:].strip()] if cut else [position]


_CUTS = ("จังหวัด", "เขต", "กรม", "มหาวิทยาลัย", "สำนักงาน", "ฝ่าย", "กอง")


def _cut_point(text: str) -> int:
    """Where a position may break: before a space or a word such as จังหวัด, past its first third."""
    best = 0
    for i in range(len(text) // 3, len(text) - 4):
        if text[i] == " " or any(text.startswith(w, i) for w in _CUTS):
            best = i
            break
    return best


def plan(rng: random.Random, n: int, prefix: str = "sr") -> list[Slot]:
    """``n`` letters in files of one to three, each kind at least once and then weighted, dates spread over B.E. 2564–2567."""
    start = dt.date(2021, 1, 4)
    days = sorted(rng.sample(range(0, 4 * 365), n))
    kinds = list(KINDS[:n]) + [rng.choices(KINDS, KIND_WEIGHTS)[0] for _ in range(n - len(KINDS))]
    rng.shuffle(kinds)  # every kind at least once when n >= 6
    order = list(range(n))
    rng.shuffle(order)  # files mix letters of any date
    slots, i, file_no = [], 0, 1
    while i < n:
        size = min(n - i, rng.choices((1, 2, 3), (74, 20, 6))[0])
        for seg in range(size):
            j = order[i + seg]
            slots.append(Slot(f"{prefix}_{file_no:04d}#{seg}", kinds[j], start + dt.timedelta(days=days[j])))
        i += size
        file_no += 1
    return slots


__all__ = ["Composer", "Slot", "plan", "thai_digits"]
