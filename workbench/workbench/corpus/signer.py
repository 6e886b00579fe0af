"""Signers, signature blocks and contact blocks.

A signature block as printed (acting phrase on the position line, principal on the next)::

    (นายประมวล มุ่งมาตร)
    รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน
    ผู้ว่าราชการจังหวัดอ่างทอง
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.corpus import vocab
from workbench.corpus.model import Office, Person
from workbench.corpus.thaitext import digits, phone, tokens


@dataclass(frozen=True, slots=True)
class Signature:
    """Truth of a signature plus the lines that print it."""

    person: Person
    position: str
    acting: str
    acting_for: str
    lines: tuple[str, ...]

    def truth(self) -> dict:
        return {"signer_title": self.person.title, "signer_name": self.person.name,
                "signer_position": self.position, "signer_acting": self.acting,
                "signer_acting_for": self.acting_for}


def pick_person(rng, office: Office) -> Person:
    """``Person('พ.ต.ท.', 'สมชาย ใจดี')`` for the police, civil titles elsewhere."""
    given, surname = rng.choice(vocab.GIVEN_NAMES), rng.choice(vocab.SURNAMES)
    if office.code == "ตช" and rng.random() < 0.8:
        title = rng.choice(vocab.POLICE_TITLES)
    elif office.code == "กห" and rng.random() < 0.8:
        title = rng.choice(vocab.MILITARY_TITLES)
    elif given in vocab.FEMALE:
        title = rng.choice(vocab.FEMALE_TITLES)
    else:
        title = rng.choice(vocab.CIVIL_TITLES)
    return Person(title, f"{given} {surname}")


def name_line(rng, person: Person) -> str:
    """``(นายประมวล มุ่งมาตร)``; ranks and ว่าที่ sometimes take a space: ``(ว่าที่ร้อยตรี สมชาย ใจดี)``."""
    spaced = person.title.endswith(".") or person.title.startswith("ว่าที่") or person.title == "ม.ล."
    gap = " " if spaced and rng.random() < 0.4 else ""
    return f"({person.title}{gap}{person.name})"


def _split_phrase(text: str) -> tuple[str, str]:
    """Cut a position phrase in two at a word boundary near its middle."""
    toks = tokens(text)
    cut = max(1, len(toks) // 2)
    return "".join(toks[:cut]).rstrip(), "".join(toks[cut:]).lstrip()


def _position_lines(rng, position: str, acting: str, acting_for: str) -> tuple[str, ...]:
    if not acting:
        return (position,)
    if acting == "รักษาการในตำแหน่ง":
        return (position, f"{acting}{acting_for}")
    layout = rng.choice(("same", "same", "next", "next_space", "split", "split_principal"))
    if layout == "same":
        return (f"{position} {acting}", acting_for)
    if layout == "next":
        return (position, f"{acting}{acting_for}")
    if layout == "next_space":
        return (position, f"{acting} {acting_for}")
    if layout == "split":
        return (position, acting, acting_for)
    head, tail = _split_phrase(acting_for)
    return (position, f"{acting}{head}", tail)


def signature(rng, office: Office, closing: str = "") -> Signature:
    """Pick a signer for *office* and print the block (``closing`` such as ``ขอแสดงความนับถือ`` first)."""
    person = pick_person(rng, office)
    roll = rng.random()
    if roll < 0.35:
        position, acting, acting_for = office.head, "", ""
    else:
        position, acting_for = rng.choice(office.deputies), office.head
        acting = vocab.ACTING[0] if roll < 0.7 else rng.choice(vocab.ACTING)
    lines = ((closing, "", "") if closing else ("", "")) + (name_line(rng, person),)
    lines += _position_lines(rng, position, acting, acting_for)
    return Signature(person, position, acting, acting_for, lines)


def contact_lines(rng, office: Office, thai: bool) -> tuple[str, ...]:
    """The owner-of-matter block at the foot of an external or stamped letter."""
    lines = [office.unit_name] if office.kind == "province" else [office.unit_name]
    if rng.random() < 0.6 and office.divisions:
        lines.append(rng.choice(office.divisions))
    lines.append(f"{rng.choice(('โทร.', 'โทร', 'โทรศัพท์'))} {phone(rng, thai)}")
    if rng.random() < 0.5:
        lines.append(f"โทรสาร {phone(rng, thai)}")
    if rng.random() < 0.3:
        lines.append(f"ไปรษณีย์อิเล็กทรอนิกส์ saraban{rng.randint(1, 99)}@{rng.choice(('moi', 'dla', 'opm'))}.go.th")
    if rng.random() < 0.3:
        person = pick_person(rng, office)
        lines.append(f"ผู้ประสานงาน {person.title}{person.name} โทร. {phone(rng, thai)}")
    return tuple(digits(line, thai) if not line.startswith("ไปรษณีย์") else line for line in lines)
