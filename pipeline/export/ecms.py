"""The e-Saraban exchange JSON (ECMS): one file per letter, with the field names its clients send.

``saraban export OUT --format ecms --to DIR`` writes ``DIR/<doc_id>.json`` for every letter,
each valid against ``ecms.schema.json`` (beside this module). Nothing is guessed: a value the
letter does not give is an empty string, a person's name is split only when it is exactly a given
name and a family name, and organisation ids come only from the table the user gives
(``--org-ids FILE``).

>>> speed_code("ด่วนที่สุด"), secret_code(""), split_name("ประมวล มุ่งมาตร")
('004', '001', ('ประมวล', 'มุ่งมาตร'))
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.models import Record, Signer

SCHEMA_PATH = Path(__file__).with_name("ecms.schema.json")
# ECMS codes of urgency (ชั้นความเร็ว) and secrecy (ชั้นความลับ); no mark printed is 001 ปกติ
SPEED_CODES = {"": "001", "ด่วน": "002", "ด่วนมาก": "003", "ด่วนที่สุด": "004"}
SECRET_CODES = {"": "001", "ลับ": "002", "ลับมาก": "003", "ลับที่สุด": "004"}
_SPACE = re.compile(r"\s+")


def speed_code(urgency: str) -> str:
    """``speed_code("ด่วนมาก") == "003"``; ValueError for a mark the extractor never gives."""
    if urgency not in SPEED_CODES:
        raise ValueError(f"no ECMS speed code for {urgency!r}")
    return SPEED_CODES[urgency]


def secret_code(secrecy: str) -> str:
    """``secret_code("ลับ") == "002"``; ValueError for a mark the extractor never gives."""
    if secrecy not in SECRET_CODES:
        raise ValueError(f"no ECMS secret code for {secrecy!r}")
    return SECRET_CODES[secrecy]


def split_name(name: str) -> tuple[str, str]:
    """A Thai name without its title into (given, family): ``"ชัยวัฒน์ อินทรสุวรรณ"`` -> both parts;
    anything but exactly two words (``"สม ชาย วงศ์"``, a single word) -> ``("", "")``: never guessed."""
    words = name.split()
    return (words[0], words[1]) if len(words) == 2 else ("", "")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class OrgIds:
    """Organisation ids from the user's table: an office name as printed, an agency code (``อท``) or code
    and unit (``อท 0017.2``) -> id. Empty: every ``OrganizationID`` stays empty."""

    ids: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> OrgIds:
        """A CSV with the columns ``key`` and ``id`` (UTF-8, with or without BOM); ValueError when they are missing."""
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"key", "id"} <= set(reader.fieldnames or ()):
                raise ValueError(f"{path}: needs the columns key,id (found {','.join(reader.fieldnames or ())})")
            return cls({_clean(row["key"]): row["id"].strip() for row in reader if row["key"] and row["id"]})

    def find(self, *keys: str) -> str:
        return next((self.ids[k] for k in map(_clean, keys) if k and k in self.ids), "")


def _person(signer: Signer) -> dict:
    given, family = split_name(signer.name)
    return {"GivenName": given, "FamilyName": family, "JobTitle": _clean(signer.position)}


def _sender(record: Record, org_ids: OrgIds) -> dict:
    from extractors.issuer_office import split_issuer

    ref = record.ref_no
    codes = (f"{ref.agency} {ref.unit}".strip(), ref.agency) if ref and ref.agency else ()
    name, _address = split_issuer(_clean(record.issuer.value))  # the office, never its address block
    return {"OrganizationID": org_ids.find(*codes, name), "OrganizationName": name,
            "GivenName": "", "FamilyName": "", "JobTitle": ""}


def _receiver(record: Record, org_ids: OrgIds) -> dict:
    """เรียน names a position (``ผู้ว่าราชการจังหวัดอ่างทอง``) or a person (``นายสมชาย ใจดี``)."""
    from extractors.signature import split_title

    text = _clean(record.recipient.value)
    title, rest = split_title(text)
    given, family = split_name(rest) if title else ("", "")
    job = "" if title else text
    return {"OrganizationID": org_ids.find(text), "OrganizationName": "",
            "GivenName": given, "FamilyName": family, "JobTitle": job}


def _references(record: Record, by_id: dict[str, Record]) -> list[dict]:
    """Each cited letter: its number and date as cited; its subject when the link found it in the archive."""
    rows = []
    for i, citation in enumerate(record.citations):
        link = record.links[i] if i < len(record.links) else None
        target = by_id.get(link.target_doc_id) if link and link.status in ("resolved", "probable") else None
        rows.append({"ID": _clean(citation.ref_no.text) if citation.ref_no else "",
                     "CorrespondenceDate": citation.date.date.isoformat() if citation.date else "",
                     "Subject": _clean(target.subject.value) if target else ""})
    return rows


def ecms_letter(record: Record, by_id: dict[str, Record], org_ids: OrgIds = OrgIds()) -> dict:
    """One letter as an ECMS correspondence object (``by_id``: every letter, for the cited ones' subjects).

    >>> # ecms_letter(record, by_id)["ID"] -> 'อท ๐๐๑๗.๒/ว ๒๐๕๕'; ["SpeedCode"] -> '001'
    """
    return {
        "ID": _clean(record.ref_no.text) if record.ref_no else "",
        "CorrespondenceDate": record.doc_date.date.isoformat() if record.doc_date else "",
        "Subject": _clean(record.subject.value),
        "SpeedCode": speed_code(record.urgency),
        "SecretCode": secret_code(record.secrecy),
        "Sender": _sender(record, org_ids),
        "Receiver": _receiver(record, org_ids),
        "SignerParty": _person(record.signer),
        "ReferenceCorrespondence": _references(record, by_id),
        "Attachment": [{"Name": _clean(a.description), "Quantity": a.quantity, "Unit": a.unit}
                       for a in record.attachments if _clean(a.description)],
    }


def write_ecms(records: list[Record], to_dir: Path, org_ids: OrgIds = OrgIds()) -> list[Path]:
    """``to_dir/<doc_id>.json`` for every letter (UTF-8, Thai as is); returns the paths written."""
    to_dir = Path(to_dir)
    to_dir.mkdir(parents=True, exist_ok=True)
    by_id = {r.doc_id: r for r in records}
    written = []
    for record in records:
        path = to_dir / f"{record.doc_id}.json"
        text = json.dumps(ecms_letter(record, by_id, org_ids), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
