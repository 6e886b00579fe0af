"""``python -m workbench.second_renderer --seed 7 --n 40 OUT --formats txt,docx,pdf,scan``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.second_renderer.corpus import FORMATS, write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.second_renderer",
                                     description="A second, independent corpus of Thai official letters with truth.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=40, help="number of letters")
    parser.add_argument("--formats", default="txt,docx,pdf,scan", help="comma list of " + ",".join(FORMATS))
    parser.add_argument("--plain-scans", action="store_true",
                        help="clean grey 300 dpi scans: no stamps, signatures, seals, holes, notes or copier damage")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        parser.error(f"unknown formats: {', '.join(unknown)}")
    summary = write_corpus(args.out, args.seed, args.n, formats, plain_scans=args.plain_scans)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
