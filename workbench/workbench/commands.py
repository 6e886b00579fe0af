"""The workbench's commands, added to ``saraban`` through the ``saraban.commands`` entry point.

    saraban corpus --seed 1 --n 200 build/corpus     # the conformance corpus (truth + renders)
    saraban eval build/corpus                        # field accuracy per input format
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _corpus(args: argparse.Namespace) -> int:
    from workbench.corpus.render import write_corpus

    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    write_corpus(Path(args.out), seed=args.seed, n=args.n, formats=formats)
    print(f"wrote {args.n} letters ({', '.join(formats)}) to {args.out}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from workbench.evaluate import main as evaluate_main

    argv = [args.corpus]
    if args.formats:
        argv += ["--formats", args.formats]
    if args.write:
        argv += ["--write", args.write]
    if args.work:
        argv += ["--work", args.work]
    return evaluate_main(argv)


def register(sub) -> None:
    """Add ``corpus`` and ``eval`` to a subparsers object (``saraban`` calls this for its plugins)."""
    corpus = sub.add_parser("corpus", help="generate the conformance corpus (workbench)")
    corpus.add_argument("out")
    corpus.add_argument("--seed", type=int, default=1)
    corpus.add_argument("--n", type=int, default=200)
    corpus.add_argument("--formats", default="txt,docx,pdf", help="any of txt,docx,pdf,scan")
    corpus.set_defaults(run=_corpus)
    evaluate = sub.add_parser("eval", help="field accuracy of ingest on a corpus (workbench)")
    evaluate.add_argument("corpus")
    evaluate.add_argument("--formats", default="")
    evaluate.add_argument("--write", default="", help="write the report to this Markdown file")
    evaluate.add_argument("--work", default="", help="working folder for the ingest outputs")
    evaluate.set_defaults(run=_eval)


def main(argv: list[str] | None = None) -> int:
    """``python -m workbench corpus|eval …``: the same commands without ``saraban``."""
    top = argparse.ArgumentParser(prog="python -m workbench", description="saraban's workbench")
    register(top.add_subparsers(dest="command", required=True))
    args = top.parse_args(argv)
    return args.run(args)
