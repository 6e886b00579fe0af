"""``saraban``: the command line. The only module that knows the filesystem layout of a run.

    saraban ingest data/raw --out data/processed     # tables of every letter under data/raw
    saraban show data/raw/angthong_2562_computer_systems.txt
    saraban corpus --seed 1 --n 200 build/corpus     # the conformance corpus (truth + renders)
    saraban eval build/corpus                        # field accuracy per input format

Exit status of ``ingest``: 0 when every file was read, 1 when at least one could not be read at all
(it is listed in issues.csv), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _ingest(args: argparse.Namespace) -> int:
    from pipeline.ingest import run_ingest, summary

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"saraban: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    extra = tuple(x for x in ("sqlite", "parquet") if getattr(args, x))
    result = run_ingest([Path(p) for p in args.paths], Path(args.out), workers=args.workers,
                        use_cache=not args.no_cache, extra=extra)
    print(summary(result))
    print(f"wrote {', '.join(p.name for p in result.written)} to {args.out}")
    for problem in result.problems:
        if problem.severity == "error":
            print(f"  {problem.code}: {problem.source_path}: {problem.message}", file=sys.stderr)
    return 1 if result.unreadable else 0


def _show(args: argparse.Namespace) -> int:
    from pipeline.show import show_file

    code = 0
    for path in args.paths:
        if not Path(path).is_file():
            print(f"saraban: not a file: {path}", file=sys.stderr)
            return 2
        html = Path(args.html) if args.html and len(args.paths) == 1 else None
        code = max(code, show_file(Path(path), spans=args.spans, out=sys.stdout, html=html))
    return code


def _corpus(args: argparse.Namespace) -> int:
    from pipeline.corpus.render import write_corpus

    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    write_corpus(Path(args.out), seed=args.seed, n=args.n, formats=formats)
    print(f"wrote {args.n} letters ({', '.join(formats)}) to {args.out}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import main as evaluate_main

    argv = [args.corpus]
    if args.formats:
        argv += ["--formats", args.formats]
    if args.write:
        argv += ["--write", args.write]
    if args.work:
        argv += ["--work", args.work]
    return evaluate_main(argv)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="saraban", description="Thai government circulars -> linked tables")
    sub = top.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="read files or folders and write the tables")
    ingest.add_argument("paths", nargs="+", help="files or folders (recursive)")
    ingest.add_argument("--out", required=True, help="output folder")
    ingest.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ingest.add_argument("--no-cache", action="store_true", help="ignore and do not write OUT/.cache")
    ingest.add_argument("--sqlite", action="store_true", default=True, help="also write saraban.sqlite (default)")
    ingest.add_argument("--no-sqlite", dest="sqlite", action="store_false")
    ingest.add_argument("--parquet", action="store_true", help="also write OUT/parquet/*.parquet")
    ingest.set_defaults(run=_ingest)
    show = sub.add_parser("show", help="print one file's letters readably")
    show.add_argument("paths", nargs="+")
    show.add_argument("--spans", action="store_true", help="also print the text with extracted spans marked")
    show.add_argument("--html", default="", help="write a review page (values highlighted in the text) here")
    show.set_defaults(run=_show)
    corpus = sub.add_parser("corpus", help="generate the conformance corpus")
    corpus.add_argument("out")
    corpus.add_argument("--seed", type=int, default=1)
    corpus.add_argument("--n", type=int, default=200)
    corpus.add_argument("--formats", default="txt,docx,pdf", help="any of txt,docx,pdf,scan")
    corpus.set_defaults(run=_corpus)
    evaluate = sub.add_parser("eval", help="field accuracy of ingest on a corpus")
    evaluate.add_argument("corpus")
    evaluate.add_argument("--formats", default="")
    evaluate.add_argument("--write", default="", help="write the report to this Markdown file")
    evaluate.add_argument("--work", default="", help="working folder for the ingest outputs")
    evaluate.set_defaults(run=_eval)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("saraban: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
