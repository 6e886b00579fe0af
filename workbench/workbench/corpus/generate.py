"""Generate the conformance corpus: letters with their truth, grouped into files of 1-3 letters.

>>> letters = generate(seed=1, n=12)
>>> letters[0].truth["file"], letters[0].truth["segment_index"]   # doctest: +SKIP
('saraban_2562_0001', 0)
>>> sorted({x.truth["doc_type"] for x in letters}) == sorted(DOC_TYPES)
True

Deterministic: everything is drawn from ``random.Random(seed)``.
"""

from __future__ import annotations

import random

from workbench.corpus import directives, layout
from workbench.corpus.body import Cite
from workbench.corpus.model import DOC_TYPES, LetterPlan, LetterTruth
from workbench.corpus.offices import agency_names, pick_office
from workbench.corpus.plan import RefBook, outside_ref, plan_letters, random_date

COMPOSERS = {"memo": layout.memo, "external": layout.external, "stamped": layout.stamped,
             "order": directives.order, "regulation": directives.regulation, "announcement": directives.announcement}
STEM_PREFIXES = ("saraban_", "letter-", "doc_", "inbox_", "scan")
TRUTH_KEYS = ("file", "segment_index", "doc_type", "ref_no", "ref_no_text", "agency_code", "agency_name", "unit_code",
              "serial", "is_circular", "issuer", "doc_date", "doc_date_text", "subject", "recipient", "urgency",
              "secrecy", "signer_title", "signer_name", "signer_position", "signer_acting", "signer_acting_for",
              "effective_date", "effective_date_text", "references", "attachments", "dates")


def generate(seed: int, n: int) -> list[LetterTruth]:
    """*n* letters (every doc type when n >= 6) in file order; ``truth['file']`` is the file stem."""
    rng = random.Random(seed)
    book = RefBook()
    plans = plan_letters(rng, n, book)
    files = group_files(rng, plans)
    keys = {idx: f"{stem}#{seg}" for stem, idxs in files for seg, idx in enumerate(idxs)}
    out = []
    for stem, idxs in files:
        for seg, idx in enumerate(idxs):
            out.append(compose(rng, plans[idx], plans, keys, book, stem, seg))
    return out


def group_files(rng, plans: list[LetterPlan]) -> list[tuple[str, list[int]]]:
    """Shuffle letters into files of 1-3 (weights 60/28/12); stems are ASCII and unique."""
    order = [p.idx for p in plans]
    rng.shuffle(order)
    files, pos = [], 0
    while pos < len(order):
        size = rng.choices((1, 2, 3), weights=(60, 28, 12))[0]
        idxs = order[pos:pos + size]
        pos += size
        year = plans[idxs[0]].date.year + 543
        stem = f"{rng.choice(STEM_PREFIXES)}{year}_{len(files) + 1:04d}"
        files.append((stem, idxs))
    return files


def _cites(rng, plan: LetterPlan, plans: list[LetterPlan], keys: dict, book: RefBook) -> list[Cite]:
    """Corpus letters cited by *plan* plus 0-2 letters from outside the corpus, oldest first."""
    cites = []
    for idx in plan.cites:
        t = plans[idx]
        urgency = t.urgency if rng.random() < 0.7 else ""
        kind = "คำสั่ง" if t.doc_type == "order" else "หนังสือ"
        cites.append(Cite(t.office.org, t.ref, t.date, keys[idx], urgency, kind, t.subject))
    if plan.doc_type in layout_types() and rng.random() < 0.45:
        for _ in range(rng.choice((1, 1, 2))):
            office = pick_office(rng)
            ref = outside_ref(rng, book, office)
            issuer = office.org if ref.agency else "สำนักงาน ก.พ."
            when = random_date(rng, hi=plan.date)
            cites.append(Cite(issuer, ref, when, None, "ด่วนที่สุด" if rng.random() < 0.1 else ""))
    return sorted(cites, key=lambda c: c.date)


def layout_types() -> tuple[str, ...]:
    return ("memo", "external", "stamped")


def compose(rng, plan: LetterPlan, plans: list[LetterPlan], keys: dict, book: RefBook, stem: str,
            seg: int) -> LetterTruth:
    """Write one letter: blocks and the full truth row."""
    cites = _cites(rng, plan, plans, keys, book)
    header = cites if plan.doc_type == "external" and cites and rng.random() < 0.7 else []
    body = [c for c in cites if c not in header]
    blocks, fields = COMPOSERS[plan.doc_type](rng, plan, header, body)
    code = plan.ref.agency if plan.ref else ""
    truth = {"file": stem, "segment_index": seg, "doc_type": plan.doc_type, "agency_code": code,
             "agency_name": agency_names().get(code, ""), "urgency": plan.urgency, "secrecy": plan.secrecy, **fields}
    return LetterTruth(plan, tuple(blocks), {k: truth[k] for k in TRUTH_KEYS})


__all__ = ["generate", "DOC_TYPES", "TRUTH_KEYS"]
