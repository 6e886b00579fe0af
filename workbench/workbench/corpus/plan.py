"""Plan a corpus before writing it: doc types, issuers, dates, unique numbers, and who cites whom.

Citations form threads (a ministry circular, then the provinces forwarding it, each citing the
circular and often the previous letter: chains and fan-in) plus occasional citations of any earlier
letter.  A cited letter is never dated after the letter that cites it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from workbench.corpus import vocab
from workbench.corpus.model import DOC_TYPES, LetterPlan
from workbench.corpus.offices import pick_office
from workbench.corpus.thaitext import RefNo, digits

TYPE_WEIGHTS = (25, 30, 10, 15, 7, 13)  # parallel to DOC_TYPES
LETTER_TYPES = ("memo", "external", "stamped")
FIRST_DAY, LAST_DAY = dt.date(1997, 1, 1), dt.date(2026, 12, 31)  # B.E. 2540-2569


class RefBook:
    """Hands out reference numbers that are unique across the corpus (cited outsiders included)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, ref: RefNo) -> bool:
        if ref.canonical in self.used:
            return False
        self.used.add(ref.canonical)
        return True

    def letter_ref(self, rng, office, circular_share: float) -> RefNo:
        """``อท 0017.2/ว 2055``-style number of *office*."""
        while True:
            ref = RefNo(office.code, rng.choice(office.unit_codes), rng.randint(1, 6000), rng.random() < circular_share)
            if self.take(ref):
                return ref

    def order_ref(self, rng, date: dt.date) -> RefNo:
        """``123/2562``: running number of the B.E. year."""
        while True:
            ref = RefNo("", "", rng.randint(1, 950), False, year=date.year + 543)
            if self.take(ref):
                return ref


def random_date(rng, lo: dt.date = FIRST_DAY, hi: dt.date = LAST_DAY) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def _subject(rng, doc_type: str, date: dt.date, thai: bool) -> str:
    bank = {"order": vocab.ORDER_SUBJECTS, "regulation": vocab.REGULATION_TITLES,
            "announcement": vocab.ANNOUNCEMENT_SUBJECTS}.get(doc_type, vocab.SUBJECTS)
    fiscal = date.year + 543 + (1 if date.month >= 10 else 0)
    return digits(rng.choice(bank).format(fy=fiscal), thai)


def _one(rng, idx: int, doc_type: str, book: RefBook) -> LetterPlan:
    office = pick_office(rng)
    date = random_date(rng)
    thai = rng.random() >= 0.25
    if doc_type in LETTER_TYPES:
        ref = book.letter_ref(rng, office, 0.25 if doc_type == "memo" else 0.55)
    else:
        ref = book.order_ref(rng, date) if doc_type == "order" else None
    letter = doc_type in LETTER_TYPES
    urgency = rng.choice(("ด่วนที่สุด", "ด่วนมาก", "ด่วน")) if letter and rng.random() < 0.25 else ""
    secrecy = rng.choice(("ลับที่สุด", "ลับมาก", "ลับ")) if letter and rng.random() < 0.08 else ""
    return LetterPlan(idx, doc_type, office, ref, date, thai, _subject(rng, doc_type, date, thai),
                      urgency=urgency, secrecy=secrecy)


def plan_letters(rng, n: int, book: RefBook) -> list[LetterPlan]:
    """*n* plans sorted by date (idx = position), every doc type present when n >= 6."""
    types = list(DOC_TYPES[: min(n, len(DOC_TYPES))])
    types += rng.choices(DOC_TYPES, weights=TYPE_WEIGHTS, k=n - len(types))
    rng.shuffle(types)
    plans = sorted((_one(rng, i, t, book) for i, t in enumerate(types)), key=lambda p: (p.date, p.idx))
    plans = [replace(p, idx=i) for i, p in enumerate(plans)]
    return _threads(rng, plans)


def _threads(rng, plans: list[LetterPlan]) -> list[LetterPlan]:
    """Join letters into threads sharing a subject; each cites the thread's first letter and the previous one."""
    letters = [p for p in plans if p.doc_type in LETTER_TYPES]
    n_threads = max(1, len(letters) // 6)
    members: dict[int, list[int]] = {}
    for p in letters:
        if rng.random() < 0.5:
            members.setdefault(rng.randrange(n_threads), []).append(p.idx)
    out = list(plans)
    for thread, idxs in members.items():
        idxs.sort()
        root = out[idxs[0]]
        for k, idx in enumerate(idxs):
            cites = () if k == 0 else tuple(sorted({idxs[0], idxs[k - 1]} if rng.random() < 0.6 else {idxs[0]}))
            subject = digits(root.subject, out[idx].thai)
            out[idx] = replace(out[idx], thread=thread, subject=subject, cites=cites)
    return _stray_cites(rng, out)


def _stray_cites(rng, plans: list[LetterPlan]) -> list[LetterPlan]:
    """Occasional citations of any earlier citable letter (orders cite earlier orders)."""
    out = list(plans)
    for p in plans:
        pool = [q.idx for q in plans[: p.idx] if q.doc_type in (LETTER_TYPES if p.doc_type != "order" else ("order",))]
        chance = 0.3 if p.doc_type == "order" else (0.2 if p.doc_type in LETTER_TYPES else 0.0)
        if pool and rng.random() < chance:
            extra = rng.choice(pool[-15:])
            out[p.idx] = replace(p, cites=tuple(sorted(set(p.cites) | {extra})))
    return out


def outside_ref(rng, book: RefBook, office) -> RefNo:
    """A number for a letter outside the corpus; 1 in 12 is the bare ``ว 10`` short form."""
    if rng.random() < 1 / 12:
        while True:
            ref = RefNo("", "", rng.randint(1, 60), True)
            if book.take(ref):
                return ref
    return book.letter_ref(rng, office, 0.6)
