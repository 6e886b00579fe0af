"""Write a corpus: letters composed from a seed, rendered in each format, with truth and artefacts.

    python -m workbench.second_renderer --seed 7 --n 40 build/second --formats txt,docx,pdf,scan

Layout (what ``workbench.evaluate`` reads)::

    OUT/truth.jsonl         one row per letter: file (stem), segment_index, SCALAR_FIELDS, references
                            (ref_no, cited_date, target "<stem>#<segment>"), attachments, dates (role, date)
    OUT/artefacts.jsonl     one row per rendered file: fonts, styles; for scans dpi, skew, colour and the
                            stamps, signatures, seals and holes drawn, with their boxes
    OUT/txt/sr_0001.txt, OUT/docx/sr_0001.docx, OUT/pdf/sr_0001.pdf, OUT/scan/sr_0001.{png,jpg,tif,pdf}
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

from workbench.second_renderer import docx_writer, txt
from workbench.second_renderer.compose import Composer, plan
from workbench.second_renderer.model import Letter

FORMATS = ("txt", "docx", "pdf", "scan")


def compose(seed: int, n: int) -> dict[str, list[Letter]]:
    """Letters by file stem, each file's letters in segment order (dates composed in time order)."""
    rng = random.Random(seed)
    slots = plan(rng, n)
    composer = Composer(random.Random(rng.random()))
    letters = {s.key: composer.letter(s) for s in sorted(slots, key=lambda s: (s.date, s.key))}
    files: dict[str, list[Letter]] = defaultdict(list)
    for s in slots:
        files[s.key.split("#")[0]].append(letters[s.key])
    return dict(files)


def _jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def write_corpus(out: Path, seed: int = 7, n: int = 40, formats: tuple[str, ...] = FORMATS,
                 plain_scans: bool = False) -> dict:
    """Compose ``n`` letters from ``seed`` and render them; returns a summary (counts by kind, files).
    ``plain_scans``: clean grey 300 dpi scans with nothing drawn on them (the same letters)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = compose(seed, n)
    style_rng = random.Random(seed * 7919 + 1)
    artefacts: dict[str, dict] = {stem: {"file": stem} for stem in files}
    paths: dict[str, dict[str, str]] = defaultdict(dict)
    if "txt" in formats or "docx" in formats or "pdf" in formats or "scan" in formats:
        for fmt in ("txt", "docx"):
            (out / fmt).mkdir(exist_ok=True)
    for stem, letters in files.items():
        t_style = txt.TxtStyle.pick(style_rng)
        d_style = docx_writer.DocxStyle.pick(style_rng)
        if "txt" in formats:
            (out / "txt" / f"{stem}.txt").write_bytes(txt.render_file(letters, t_style))
            paths[stem]["txt"] = f"txt/{stem}.txt"
            artefacts[stem]["txt"] = {"layout": t_style.layout, "width": t_style.width, "encoding": t_style.encoding,
                                      "newline": "crlf" if t_style.newline == "\r\n" else "lf"}
        # the docx is the source of the pdf and the scans, so it is written whenever they are asked for
        (out / "docx" / f"{stem}.docx").write_bytes(docx_writer.render_file(letters, d_style))
        if "docx" in formats:
            paths[stem]["docx"] = f"docx/{stem}.docx"
        artefacts[stem]["docx"] = {"font": d_style.font, "size": d_style.size, "left_cm": d_style.left_cm,
                                   "body_align": d_style.body_align, "memo_table": d_style.memo_table}
    if "pdf" in formats or "scan" in formats:
        from workbench.second_renderer import pdf

        pdf.convert(out / "docx", out / "pdf", sorted(files))
        if "pdf" in formats:
            for stem in files:
                paths[stem]["pdf"] = f"pdf/{stem}.pdf"
    if "scan" in formats:
        from workbench.second_renderer import scan

        scan_rng = random.Random(seed * 104729 + 3)
        for stem, letters in files.items():
            path, info = scan.scan_file(out / "pdf" / f"{stem}.pdf", out / "scan", stem, letters, scan_rng,
                                        plain=plain_scans)
            paths[stem]["scan"] = str(path.relative_to(out))
            artefacts[stem]["scan"] = info
    if "pdf" not in formats and (out / "pdf").exists():
        import shutil

        shutil.rmtree(out / "pdf")
    if "docx" not in formats:
        import shutil

        shutil.rmtree(out / "docx")
    rows = []
    for stem, letters in files.items():
        for letter in letters:
            rows.append({**letter.truth, "paths": paths[stem]})
    _jsonl(out / "truth.jsonl", rows)
    _jsonl(out / "artefacts.jsonl", [artefacts[s] for s in files])
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row["doc_type"]] += 1
    return {"letters": len(rows), "files": len(files), "kinds": dict(kinds),
            "corpus_links": sum(1 for r in rows for ref in r["references"] if ref["target"])}
