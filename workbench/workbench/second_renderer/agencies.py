"""Issuing offices: their letter code (from the agency table), owner number, names, address and heads.

>>> office = make_office(random.Random(3), "province_hall")
>>> office.code in province_names() and office.head.startswith("ผู้ว่าราชการจังหวัด")
True

The codes are the two-letter codes of ``extractors/tables/agency_codes.csv`` (ภาคผนวก ๑); owner
numbers follow the shapes seen in real letters: four digits with dotted sub-units (``๐๐๑๗.๒``,
``๐๘๑๐.๕``), five for education area offices (``๐๔๐๒๕``), two levels for universities (``๐๖๐๓.๐๙``).
"""

from __future__ import annotations

import csv
import random  # noqa: F401  (doctest)
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.second_renderer.thai import thai_digits
from workbench.second_renderer.vocab import BANGKOK_AREAS, ROADS


@dataclass(frozen=True, slots=True)
class Office:
    """One issuing office, e.g. ``Office("นน", "0032.004", "สำนักงานสาธารณสุขจังหวัดน่าน", …)``.

    Text is written with Thai digits; a letter in Arabic digits converts it when printing."""

    code: str
    unit: str  # Arabic digits: "0032.004"
    name: str  # as cited: "หนังสือสำนักงานสาธารณสุขจังหวัดน่าน"
    divisions: tuple[str, ...]  # units that own a matter: "กลุ่มงานควบคุมโรคติดต่อ"
    address: tuple[str, ...]  # external letter's address lines under the name
    head: str  # "นายแพทย์สาธารณสุขจังหวัดน่าน"
    deputies: tuple[str, ...]  # positions that sign for the head
    staff: tuple[str, ...]  # positions that sign memos of a division
    recipients: tuple[str, ...]  # to whom this office writes
    police: bool = False


@cache
def agency_rows() -> dict[str, dict[str, str]]:
    with resources.files("extractors").joinpath("tables/agency_codes.csv").open(encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


@cache
def province_names() -> dict[str, str]:
    """``province_names()["นน"] == "น่าน"`` (Bangkok left out: it has no provincial offices)."""
    return {c: r["name_th"] for c, r in agency_rows().items() if r["kind"] == "province" and c != "กท"}


def agency_name(code: str) -> str:
    """The schema's name for a code: provinces as ``จังหวัด…``: ``agency_name("ลป") == "จังหวัดลำปาง"``."""
    row = agency_rows()[code]
    return f"จังหวัด{row['name_th']}" if row["kind"] == "province" and code != "กท" else row["name_th"]


def _postcode(rng: random.Random) -> str:
    return thai_digits(f"{rng.randint(10, 96)}{rng.choice(('000', '100', '110', '120', '130'))}")


def _province(rng: random.Random) -> tuple[str, str]:
    code = rng.choice(sorted(province_names()))
    return code, province_names()[code]


# ministry departments: (code, owner number, department, its divisions)
DEPARTMENTS = (
    ("มท", "0810", "กรมส่งเสริมการปกครองท้องถิ่น", ("กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "กองคลัง")),
    ("สธ", "0410", "กรมควบคุมโรค", ("กองโรคติดต่อทั่วไป", "สำนักงานเลขานุการกรม")),
    ("กค", "0405", "กรมบัญชีกลาง", ("กองระบบการคลังภาครัฐ", "กองกฎหมาย")),
    ("รส", "0307", "กรมการจัดหางาน", ("กองส่งเสริมการมีงานทำ", "กองบริหารแรงงานต่างด้าว")),
    ("กษ", "0803", "กรมพัฒนาที่ดิน", ("กองแผนงาน", "สำนักงานเลขานุการกรม")),
    ("ทส", "0610", "กรมทรัพยากรน้ำ", ("กองอนุรักษ์และฟื้นฟูแหล่งน้ำ", "กองการเจ้าหน้าที่")),
    ("วธ", "0406", "กรมศิลปากร", ("สำนักโบราณคดี", "กองโบราณคดีใต้น้ำ")),
    ("คค", "0408", "กรมการขนส่งทางบก", ("สำนักวิศวกรรมยานยนต์", "สำนักกฎหมาย")),
    ("พม", "0607", "กรมกิจการผู้สูงอายุ", ("กองส่งเสริมศักยภาพผู้สูงอายุ", "กองคุ้มครองสิทธิผู้สูงอายุ")),
    ("อก", "0306", "กรมโรงงานอุตสาหกรรม", ("กองบริหารจัดการกากอุตสาหกรรม", "กองกฎหมาย")),
    ("พน", "0402", "กรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน", ("กองพัฒนาพลังงานทดแทน", "กองกลาง")),
    ("ยธ", "0604", "กรมคุมประพฤติ", ("กองพัฒนาระบบงานคุมประพฤติ", "กองบริหารทรัพยากรบุคคล")),
)
UNIVERSITIES = ("เชียงใหม่", "อุดรธานี", "นครสวรรค์", "สุราษฎร์ธานี", "บุรีรัมย์", "มหาสารคาม", "เพชรบุรี")
FACULTIES = ("คณะมนุษยศาสตร์และสังคมศาสตร์", "คณะวิทยาศาสตร์และเทคโนโลยี", "คณะครุศาสตร์", "คณะวิทยาการจัดการ")
KINDS = ("province_hall", "public_health", "education_area", "university", "department", "police", "municipality")
KIND_WEIGHTS = (5, 3, 3, 3, 5, 1, 2)


def make_office(rng: random.Random, kind: str | None = None) -> Office:
    """A random office of ``kind`` (one of ``KINDS``; weighted at random when ``None``)."""
    kind = kind or rng.choices(KINDS, KIND_WEIGHTS)[0]
    return globals()[f"_{kind}"](rng)


def _sub(rng: random.Random, width: int = 1) -> str:
    return f"{rng.randint(1, 9 if width == 1 else 40):0{width}d}"


def _province_hall(rng: random.Random) -> Office:
    code, p = _province(rng)
    return Office(
        code, f"00{rng.randint(10, 39)}.{_sub(rng)}", f"จังหวัด{p}",
        ("สำนักงานจังหวัด" + p + " กลุ่มงานอำนวยการ", "สำนักงานจังหวัด" + p + " กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด"),
        (f"ศาลากลางจังหวัด{p}", f"{rng.choice(ROADS)} {p} {_postcode(rng)}"),
        f"ผู้ว่าราชการจังหวัด{p}", ("รองผู้ว่าราชการจังหวัด", f"ปลัดจังหวัด{p}"),
        (f"หัวหน้าสำนักงานจังหวัด{p}",),
        ("นายอำเภอ ทุกอำเภอ", f"หัวหน้าส่วนราชการประจำจังหวัด{p}", f"นายกองค์การบริหารส่วนจังหวัด{p}"),
    )


def _public_health(rng: random.Random) -> Office:
    code, p = _province(rng)
    name = f"สำนักงานสาธารณสุขจังหวัด{p}"
    return Office(
        code, f"00{rng.randint(27, 35)}.{rng.randint(1, 12):03d}", name,
        (f"{name} กลุ่มงานควบคุมโรคติดต่อ", f"{name} กลุ่มงานบริหารทรัพยากรบุคคล"),
        (f"{rng.choice(ROADS)} อำเภอเมือง{p}", f"จังหวัด{p} {_postcode(rng)}"),
        f"นายแพทย์สาธารณสุขจังหวัด{p}", ("นายแพทย์เชี่ยวชาญ (ด้านเวชกรรมป้องกัน)", "นักวิชาการสาธารณสุขเชี่ยวชาญ"),
        ("หัวหน้ากลุ่มงานควบคุมโรคติดต่อ",),
        (f"ผู้อำนวยการโรงพยาบาลทุกแห่งในจังหวัด{p}", f"สาธารณสุขอำเภอทุกอำเภอในจังหวัด{p}"),
    )


def _education_area(rng: random.Random) -> Office:
    code, p = _province(rng)
    area = thai_digits(str(rng.randint(1, 3)))
    name = f"สำนักงานเขตพื้นที่การศึกษาประถมศึกษา{p} เขต {area}"
    return Office(
        "ศธ", f"04{rng.randint(0, 3)}{rng.randint(10, 99)}", name,
        (f"กลุ่มส่งเสริมการจัดการศึกษา {name}", f"กลุ่มบริหารงานบุคคล {name}"),
        (f"{rng.choice(ROADS)} อำเภอเมือง{p}", f"จังหวัด{p} {_postcode(rng)}"),
        f"ผู้อำนวยการ{name}", (f"รองผู้อำนวยการ{name}",), ("ผู้อำนวยการกลุ่มส่งเสริมการจัดการศึกษา",),
        ("ผู้อำนวยการโรงเรียนในสังกัด ทุกโรงเรียน", f"ผู้อำนวยการ{name.replace('ประถมศึกษา', 'มัธยมศึกษา')}"),
    )


def _university(rng: random.Random) -> Office:
    town = rng.choice(UNIVERSITIES)
    name = f"มหาวิทยาลัยราชภัฏ{town}"
    faculty = rng.choice(FACULTIES)
    return Office(
        "อว", f"06{rng.randint(3, 60):02d}.{_sub(rng, 2)}", name,
        (f"{faculty} {name}", f"สำนักงานอธิการบดี {name}"),
        (f"{rng.choice(ROADS)} อำเภอเมือง", f"จังหวัด{town} {_postcode(rng)}"),
        f"อธิการบดี{name}", ("รองอธิการบดีฝ่ายบริหาร", "รองอธิการบดีฝ่ายวิชาการ"), (f"คณบดี{faculty}",),
        ("คณบดีทุกคณะ", f"ผู้อำนวยการสำนักงานอธิการบดี{name}", "ผู้อำนวยการสถาบันวิจัยและพัฒนา"),
    )


def _department(rng: random.Random) -> Office:
    code, owner, dept, divisions = rng.choice(DEPARTMENTS)
    area = rng.choice(BANGKOK_AREAS)
    return Office(
        code, f"{owner}.{_sub(rng)}", dept, tuple(f"{d} {dept}" for d in divisions),
        (f"{rng.choice(ROADS)} {area[0]}", f"{area[1]} กรุงเทพฯ {area[2]}"),
        f"อธิบดี{dept}", (f"รองอธิบดี{dept}", "ผู้อำนวยการ" + divisions[0]), ("ผู้อำนวยการ" + divisions[0],),
        ("ผู้ว่าราชการจังหวัด ทุกจังหวัด", "อธิการบดีมหาวิทยาลัยราชภัฏ ทุกแห่ง", f"ผู้อำนวยการ{divisions[1]}"),
    )


def _police(rng: random.Random) -> Office:
    code, p = _province(rng)
    name = f"ตำรวจภูธรจังหวัด{p}"
    return Office(
        "ตช", f"0018.{rng.randint(1, 40)}", name, (f"ฝ่ายอำนวยการ {name}",),
        (f"{rng.choice(ROADS)} อำเภอเมือง{p}", f"จังหวัด{p} {_postcode(rng)}"),
        f"ผู้บังคับการ{name}", (f"รองผู้บังคับการ{name}",), (f"ผู้กำกับการฝ่ายอำนวยการ {name}",),
        (f"ผู้กำกับการสถานีตำรวจภูธรทุกแห่งในจังหวัด{p}", f"ผู้ว่าราชการจังหวัด{p}"), police=True,
    )


def _municipality(rng: random.Random) -> Office:
    code, p = _province(rng)
    name = f"เทศบาลเมือง{p}"
    return Office(
        code, f"5{rng.randint(1, 3)}{rng.randint(100, 999)}", name, (f"กองคลัง {name}", f"กองสาธารณสุขและสิ่งแวดล้อม {name}"),
        (f"สำนักงาน{name}", f"{rng.choice(ROADS)} {p} {_postcode(rng)}"),
        f"นายกเทศมนตรีเมือง{p}", (f"ปลัดเทศบาลเมือง{p}", f"รองนายกเทศมนตรีเมือง{p}"), ("ผู้อำนวยการกองคลัง",),
        ("ประธานชุมชนทุกชุมชน", f"ผู้ว่าราชการจังหวัด{p}", f"นายอำเภอเมือง{p}"),
    )
