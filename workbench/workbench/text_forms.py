"""The real Gazette texts in the forms other extractors give them: do the figures hold?

    .venv/bin/python -m workbench.text_forms --real ../shared/real [--forms thai_digits,wrapped] [--limit 300]

The development Gazette set was extracted from the PDFs by one public project, so its damage is that
project's: one long line, Arabic digits, sara am lost or decomposed, years split (``256 6``). The
held-out texts come from other sources, and another extractor gives the same document otherwise. Each
form below rewrites every text the way such a tool would, keeping its words, and the set is scored
against the same labels (``workbench.eval_real.score_gazette``); a figure that falls under a form is
a habit of the development extractor that the code learned:

- ``as_is``: the texts unchanged (the development figure);
- ``thai_digits``: every Arabic digit as a Thai digit, as the Gazette prints them (``พ.ศ. ๒๕๖๖``);
- ``wrapped``: lines broken at a space every 60-100 characters, as a layout-keeping extractor
  (``pdftotext -layout``) gives a page;
- ``decomposed_am``: every ``ำ`` as nikhahit + sara aa (``ํา``), as glyph-by-glyph extraction gives it;
- ``head_first``: the Gazette running head before its page's text, not after it;
- ``head_first_wrapped``: both of the last two;
- ``repaired``: the texts as ``pipeline.normalize`` repairs them (a clean layer: the repairs must not
  damage text that needs none);
- ``windows``: cp874 (TIS-620 with Windows' additions) with CRLF line ends, as old Windows tools save
  (PUA glyphs as their Thai letters, characters cp874 lacks as ``?``).

The rewrites are seeded by the file name, so every run gives the same texts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.normalize import pua_table
from workbench.eval_real import _labels, read_records, score_gazette

ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text: str, name: str) -> str:
    """``"พ.ศ. 256 6"`` -> ``"พ.ศ. ๒๕๖ ๖"``."""
    return text.translate(ARABIC_TO_THAI)


def wrapped(text: str, name: str) -> str:
    """Each line broken at the first space after 60-100 characters (the length drawn per line)."""
    rng = random.Random(name)
    out = []
    for line in text.splitlines():
        while len(line) > 100:
            width = rng.randint(60, 100)
            cut = line.find(" ", width)
            if cut < 0:
                break
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out) + "\n"


def decomposed_am(text: str, name: str) -> str:
    """``"กำหนด"`` -> ``"กําหนด"``."""
    return text.replace("\u0e33", "\u0e4d\u0e32")


D = "[0-9๐-๙]"
# the head as the development texts carry it, damage included: " ้ หนา 13 ่ เลม 140 ตอนพิเศษ 106 ง ราชกิจจานุเบกษา 8 พฤษภาคม 2566"
RAW_HEAD = re.compile(rf"\u0e49? ?หน้?า *{D}+ *\u0e48? ?เล่?ม *{D}+\s*ตอน(?:ที่|พิเศษ) *{D}+ *[กขคง]\s*ราชกิจจานุเบกษา\s*"
                      rf"{D}{{1,2}} *[ก-๙.]+ *(?:พ\.ศ\. *)?{D}(?: ?{D}){{3}}")


def head_first(text: str, name: str) -> str:
    """Each Gazette running head moved before the text of its page, as a page-by-page extractor gives it
    (``หน้า ๑ เล่ม ๑๔๐ ตอนที่ ๒๒ ก ราชกิจจานุเบกษา ๒๐ มีนาคม ๒๕๖๖`` first, then the title): the
    development texts carry it after the page's text."""
    pages, start = [], 0
    for m in RAW_HEAD.finditer(text):
        date_end = m.end()
        pages.append(m.group(0).strip() + "\n" + text[start:m.start()].strip())
        start = date_end
    pages.append(text[start:].strip())
    return "\n".join(p for p in pages if p) + "\n"


def repaired(text: str, name: str) -> str:
    """The text as ``pipeline.normalize`` leaves it."""
    from pipeline.normalize import normalize

    return normalize(text).text


FORMS: dict[str, Callable[[str, str], str]] = {
    "as_is": lambda text, name: text,
    "thai_digits": thai_digits,
    "wrapped": wrapped,
    "decomposed_am": decomposed_am,
    "head_first": head_first,
    "head_first_wrapped": lambda text, name: wrapped(head_first(text, name), name),
    "repaired": repaired,
    "windows": lambda text, name: text,  # the text as is; written as cp874 with CRLF (``write_form``)
}


def write_form(form: str, files: list[Path], folder: Path) -> None:
    """Every file of ``files`` rewritten by ``form`` into ``folder`` (same names)."""
    folder.mkdir(parents=True, exist_ok=True)
    rewrite = FORMS[form]
    for path in files:
        text = rewrite(path.read_text(encoding="utf-8"), path.name)
        target = folder / path.name
        if form == "windows":  # cp874 has no PUA glyphs (a Windows tool saves their Thai letters) and no "≤"
            text = text.translate(pua_table()).replace("\r\n", "\n").replace("\n", "\r\n")
            target.write_bytes(text.encode("cp874", "replace"))
        else:
            target.write_text(text, encoding="utf-8")


def score_form(form: str, files: list[Path], labels: list[dict], work: Path) -> dict:
    """Ingest ``files`` in ``form`` and score them: found, kind, subject, date, signer (shares) and the
    count of dates after publication."""
    from pipeline.ingest import run_ingest

    folder, out = work / form / "in", work / form / "out"
    shutil.rmtree(work / form, ignore_errors=True)
    write_form(form, files, folder)
    run_ingest([folder], out, use_cache=False)
    score = score_gazette(read_records(out), labels)
    return {"form": form, **{name: round(100 * score.rate(name), 1) for name in
                             ("found", "kind", "subject", "date", "signer")}, "after_publication": score.impossible}


def table(rows: list[dict]) -> str:
    lines = ["| form | found | kind | subject | date | signer | after publication |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['form']} | {r['found']} | {r['kind']} | {r['subject']} | {r['date']} | {r['signer']} | "
              f"{r['after_publication']} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=Path("../shared/real"))
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated, of: " + ", ".join(FORMS))
    parser.add_argument("--limit", type=int, default=0, help="the first N labelled files only (0: all)")
    parser.add_argument("--work", type=Path, default=None, help="where the rewritten sets go (default: a temp dir)")
    parser.add_argument("--json", action="store_true", help="one JSON object per form instead of a table")
    args = parser.parse_args(argv)
    folder = args.real / "gazette"
    if not (folder / "labels.jsonl").exists():
        print(f"skipped: no real Gazette texts in {folder}")
        return 0
    labels = _labels(folder / "labels.jsonl")
    if args.limit:
        labels = labels[: args.limit]
    files = [folder / lab["file"] for lab in labels]
    work = args.work or Path(tempfile.mkdtemp(prefix="saraban-forms-"))
    rows = []
    for form in args.forms.split(","):
        if form not in FORMS:
            parser.error(f"unknown form {form!r}")
        rows.append(score_form(form, files, labels, work))
        if args.json:
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    if not args.json:
        print(f"{len(files)} real Gazette texts ({folder}), each form scored against the same labels\n")
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
