"""Issuing offices drawn from ``agency_codes.csv`` (provinces and ministries) and the unit banks.

>>> agency_names()["อท"]
'จังหวัดอ่างทอง'
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from workbench.corpus import vocab
from workbench.corpus.model import Office
from workbench.corpus.thaitext import digits


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with resources.files("extractors").joinpath("tables/agency_codes.csv").open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def agency_names() -> dict[str, str]:
    """Code -> name as letters print it; provinces get ``จังหวัด`` (``อท`` -> ``จังหวัดอ่างทอง``)."""
    out = {}
    for row in _rows():
        name = row["name_th"]
        if row["kind"] == "province" and row["code"] != "กท":
            name = "จังหวัด" + name
        out[row["code"]] = name
    return out


@lru_cache(maxsize=1)
def provinces() -> tuple[tuple[str, str], ...]:
    """(code, province name) for the 76 provinces (Bangkok left out: its letter code is unsettled)."""
    return tuple((r["code"], r["name_th"]) for r in _rows() if r["kind"] == "province" and r["code"] != "กท")


def _postcode(rng) -> str:
    return f"{rng.randint(10, 96)}000"


def _province_office(rng) -> Office:
    code, prov = rng.choice(provinces())
    base, unit, divisions = rng.choice(vocab.PROVINCE_UNITS)
    unit_name = unit.format(prov=prov)
    subs = (base,) if base == "51021" else (base, f"{base}.{rng.randint(1, 6)}", f"{base}.{rng.randint(1, 6)}")
    street = rng.choice(vocab.STREETS)
    if base == "51021":
        org, head = unit_name, f"นายก{unit_name}"
        deputies = ("รองนายกองค์การบริหารส่วนจังหวัด", "ปลัดองค์การบริหารส่วนจังหวัด")
        address = (unit_name, f"{street} อำเภอเมือง{prov} จังหวัด{prov} {_postcode(rng)}")
    else:
        org, head = f"จังหวัด{prov}", f"ผู้ว่าราชการจังหวัด{prov}"
        deputies = vocab.DEPUTY_POSITIONS_PROVINCE + (f"หัวหน้า{unit_name}",)
        address = rng.choice(((f"ศาลากลางจังหวัด{prov}", f"{street} {code} {_postcode(rng)}"),
                              (unit_name, f"ศาลากลางจังหวัด{prov}", f"{street} อำเภอเมือง จังหวัด{prov} {_postcode(rng)}")))
    return Office(code, agency_names()[code], org, unit_name, divisions, subs, address, head, deputies, prov, "province")


def _central_office(rng) -> Office:
    code, dept, units, divisions, address, head = rng.choice(vocab.CENTRAL_UNITS)
    _, prov = rng.choice(provinces())
    return Office(code, agency_names()[code], dept, rng.choice(divisions), divisions, units, (dept,) + address,
                  head, _deputies(head, divisions), prov, "central")


def _deputies(head: str, divisions: tuple[str, ...]) -> tuple[str, ...]:
    """Who signs for a head: ``อธิบดีกรมการปกครอง`` -> ``รองอธิบดี``, ``ผู้อำนวยการกองการเจ้าหน้าที่``."""
    word = next((w for w in ("อธิบดี", "เลขาธิการ", "ปลัดกระทรวง", "อธิการบดี", "ผู้บัญชาการ") if head.startswith(w)),
                "ผู้ช่วย")
    own = tuple(f"ผู้อำนวยการ{d}" for d in divisions if d.startswith(("กอง", "สำนัก")))
    return (f"รอง{word}", f"รอง{word}") + own


def _area_office(rng) -> Office:
    unit, name = rng.choice(vocab.AREA_OFFICES)
    _, prov = rng.choice(provinces())
    org = name.format(prov=prov)
    address = (org, f"{rng.choice(vocab.STREETS)} อำเภอเมือง จังหวัด{prov} {_postcode(rng)}")
    subs = (unit, f"{unit}.{rng.randint(1, 9)}")
    return Office("ศธ", agency_names()["ศธ"], org, "กลุ่มอำนวยการ", ("กลุ่มอำนวยการ", "กลุ่มบริหารงานบุคคล"), subs,
                  address, f"ผู้อำนวยการ{org}", ("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",), prov, "area")


def pick_office(rng) -> Office:
    """A random issuing office: 55% provincial, 37% central department, 8% education area office."""
    roll = rng.random()
    if roll < 0.55:
        return _province_office(rng)
    if roll < 0.92:
        return _central_office(rng)
    return _area_office(rng)


def localise(text: str, thai: bool) -> str:
    """Digits of an office string in the letter's style (addresses carry house numbers, postcodes)."""
    return digits(text, thai)
