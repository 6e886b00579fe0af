"""Scan accuracy split by how the page was worn (mode, dpi band), from ``artefacts.jsonl``.

    python -m workbench.second_renderer.breakdown OUT --work OUT/work

reads ``OUT/work/scan/records.jsonl`` (written by ``python -m workbench.evaluate OUT --formats scan
--work OUT/work``) and prints, for each group of files (``mode=photocopy``, ``dpi<=200`` …), the letters
in it and the exact-match % of a few key fields, e.g. ``| grey | 16 | 87.5 | 93.8 | …``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.evaluate import read_jsonl, score

KEY_FIELDS = ("doc_type", "ref_no", "doc_date", "subject", "recipient", "issuer", "signer_name", "signer_position")


def groups(artefacts: list[dict]) -> dict[str, set[str]]:
    """File stems by scan mode and by dpi band: ``{"mode=grey": {"sr_0002", …}, "dpi<=200": …}``."""
    out: dict[str, set[str]] = {}
    for a in artefacts:
        s = a.get("scan")
        if not s:
            continue
        out.setdefault(f"mode={s['mode']}", set()).add(a["file"])
        out.setdefault("dpi<=200" if s["dpi"] <= 200 else "dpi>200", set()).add(a["file"])
        out.setdefault("skew>1.5" if abs(s["skew"]) > 1.5 else "skew<=1.5", set()).add(a["file"])
        stamped = any(m["kind"] == "receipt_stamp" for p in s["pages"] for m in p["marks"])
        out.setdefault("receipt stamp" if stamped else "no receipt stamp", set()).add(a["file"])
    return dict(sorted(out.items()))


def table(truth: list[dict], records: list[dict], artefacts: list[dict]) -> str:
    from pathlib import PurePath

    head = "| files | letters | " + " | ".join(KEY_FIELDS) + " |"
    lines = [head, "|" + "---|" * (len(KEY_FIELDS) + 2)]
    for name, stems in groups(artefacts).items():
        t = [r for r in truth if r["file"] in stems]
        rec = [r for r in records if PurePath(str(r.get("source_path", ""))).stem in stems]
        acc = score(t, rec, "scan").formats[0].field_accuracy
        lines.append(f"| {name} | {len(t)} | " + " | ".join(f"{100 * acc[f]:.1f}" for f in KEY_FIELDS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.second_renderer.breakdown")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args(argv)
    print(table(read_jsonl(args.corpus / "truth.jsonl"), read_jsonl(args.work / "scan" / "records.jsonl"),
                read_jsonl(args.corpus / "artefacts.jsonl")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
