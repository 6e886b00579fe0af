"""``saraban``: the command line. The only module that knows the filesystem layout of a run.

    saraban ingest data/raw --out data/processed     # tables of every letter under data/raw
    saraban show data/raw/angthong_2562_computer_systems.txt
    saraban query data/processed cited-by "อว 0603.32.01/4432"

The OCR switches are read here, once, from the flags and the ``SARABAN_OCR_*`` environment
(``pipeline.ocr.options.ENVIRONMENT``), into one ``OcrOptions`` value passed down.
Commands of installed plugins (entry points of the group ``saraban.commands``) are added as
subcommands: the workbench adds ``saraban corpus`` and ``saraban eval``.

Exit status of ``ingest`` (``pipeline.exits``): 0 when every file was read, 1 when at least one could
not be read at all (it is listed in issues.csv), 2 for bad usage (missing inputs, a bad option),
3 when another run holds ``--out``, 4 when ``--out`` cannot be written, 5 when the disk is full,
130 when interrupted (what was read is kept in the catalog; run again to resume). 3-5 leave the
previous tables as they were.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from pipeline.ocr import OcrOptions

PLUGIN_GROUP = "saraban.commands"


def ocr_options(args: argparse.Namespace, environ: Mapping[str, str]) -> OcrOptions:
    """The ``OcrOptions`` of this run: the environment, then the command line's flags (the readers' size caps too)."""
    from pipeline.limits import ReadLimits

    limits = ReadLimits(max_part_mb=args.max_part_mb, max_stream_mb=args.max_stream_mb, max_pages=args.max_pages,
                        max_megapixels=args.max_megapixels)
    return OcrOptions.from_env(environ, limits=limits, langs=args.ocr_langs, timeout_s=args.ocr_timeout,
                               binarize=False if args.no_binarize else None,
                               thai_digits=False if args.no_thai_digits else None,
                               stock=True if args.stock_ocr else None,
                               qr_codes=False if args.no_qr else None,
                               stamps=False if args.no_stamps else None)


def _add_ocr_flags(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group("OCR (scans and PDF pages without a usable text layer)")
    group.add_argument("--ocr-langs", default=None, help="Tesseract model(s) for the page (default tha)")
    group.add_argument("--ocr-timeout", type=float, default=None, help="seconds per Tesseract call (default 180)")
    group.add_argument("--no-binarize", action="store_true", help="give Tesseract the grey page")
    group.add_argument("--no-thai-digits", action="store_true", help="keep Tesseract's digits (no digit reader)")
    group.add_argument("--stock-ocr", action="store_true", help="bare tesseract -l tha+eng, for comparison only")
    group.add_argument("--no-qr", action="store_true", help="do not decode QR codes on scanned pages")
    group.add_argument("--no-stamps", action="store_true", help="do not look for receipt stamps on scanned pages")
    caps = command.add_argument_group("size caps per file (past one: an over_limit row in issues.csv; what was "
                                      "read before it is kept, marked partial)")
    caps.add_argument("--max-pages", type=int, default=1000, metavar="N", help="pages of a PDF or frames of a TIFF read (default 1000)")
    caps.add_argument("--max-megapixels", type=int, default=200, metavar="N", help="pixels of one page image (default 200)")
    caps.add_argument("--max-part-mb", type=int, default=256, metavar="MB", help="inflated size of one part of a .docx (default 256)")
    caps.add_argument("--max-stream-mb", type=int, default=256, metavar="MB", help="inflated size of one PDF stream (default 256)")


def check_out(out: Path, inputs: list[Path]) -> str | None:
    """Why ``out`` cannot be the output folder (None when it can): checked before any file is read."""
    for path in inputs:
        if path.resolve() == out.resolve():
            return f"--out {out} is one of the inputs"
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file, not a folder"
    probe = out
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        return f"--out {out}: cannot create or write to {probe}"
    return None


def _run_options(args: argparse.Namespace):
    """The ingest options of this run from its flags (ValueError for a bad value)."""
    from pipeline.discover import Selection
    from pipeline.executors import ExecutorOptions, Limits
    from pipeline.progress import ProgressOptions

    limits = Limits(time_s=args.file_timeout, memory_mb=args.file_memory_mb)
    executor = ExecutorOptions(kind=args.executor, workers=args.workers or 0, scheduler=args.scheduler, limits=limits)
    if args.scheduler and args.executor != "dask":
        raise ValueError("--scheduler needs --executor dask")
    progress = ProgressOptions(mode="quiet" if args.quiet else args.progress, interval_s=args.progress_every)
    return Selection(include=tuple(args.include), exclude=tuple(args.exclude)), executor, progress


def _ingest(args: argparse.Namespace) -> int:
    from pipeline import exits
    from pipeline.ingest import run_ingest, summary
    from pipeline.lock import OutputLocked

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"saraban: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    trouble = check_out(Path(args.out), [Path(p) for p in args.paths])
    status = exits.UNWRITABLE if trouble and "is one of the inputs" not in trouble else exits.USAGE
    try:
        selection, executor, progress = _run_options(args)
    except ValueError as exc:
        trouble, status = str(exc), exits.USAGE
    if trouble:
        print(f"saraban: {trouble}", file=sys.stderr)
        return status
    extra = tuple(x for x in ("sqlite", "search_index", "xlsx", "parquet") if getattr(args, x))
    extra = tuple(x.replace("_", "-") for x in extra)
    if "parquet" in extra and args.executor == "dask":  # cluster scale: each table a folder of parts
        extra = tuple("parquet-parts" if x == "parquet" else x for x in extra)
    try:
        result = run_ingest([Path(p) for p in args.paths], Path(args.out), use_cache=not args.no_cache, extra=extra,
                            ocr=args.ocr, selection=selection, executor=executor, progress=progress,
                            stream=sys.stderr, wait=args.wait, keep_tables=True)
    except OutputLocked as exc:
        print(f"saraban: {exc}", file=sys.stderr)
        return exits.LOCKED
    except OSError as exc:
        status, line = exits.environment_failure(exc, args.out)
        print(f"saraban: {line}", file=sys.stderr)
        return status
    if not args.quiet:
        print(summary(result))
        verb = "kept" if result.kept else "wrote"
        print(f"{verb} {', '.join(p.name for p in result.written)} in {args.out}")
    for problem in result.problems:
        if problem.severity == "error":
            print(f"  {problem.code}: {problem.source_path}: {problem.message}", file=sys.stderr)
    for path in result.changed:
        print(f"  fixity: {path} changed since the last run", file=sys.stderr)
    return 1 if result.unreadable else 0


def _show(args: argparse.Namespace) -> int:
    from pipeline.show import show_file

    code = 0
    for path in args.paths:
        if not Path(path).is_file():
            print(f"saraban: not a file: {path}", file=sys.stderr)
            return 2
        html = Path(args.html) if args.html and len(args.paths) == 1 else None
        code = max(code, show_file(Path(path), spans=args.spans, out=sys.stdout, html=html, ocr=args.ocr,
                                   fmt=args.format))
    return code


def _report(args: argparse.Namespace) -> int:
    from pipeline.linked import NoCatalog
    from pipeline.report import write_report

    try:
        report = write_report(Path(args.out), Path(args.to) if args.to else None)
    except (NoCatalog, OSError) as exc:
        print(f"saraban: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {report.letters} letter pages and {report.images} page images: {report.root / 'index.html'}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pipeline.export import run_export
    from pipeline.linked import NoCatalog

    try:
        print(run_export(Path(args.out), args.format, Path(args.to), Path(args.org_ids) if args.org_ids else None))
    except (NoCatalog, ValueError, OSError) as exc:
        print(f"saraban: {exc}", file=sys.stderr)
        return 2
    return 0


def _query(args: argparse.Namespace) -> int:
    from pipeline.query import QueryError, ask, render

    out = Path(args.out)
    if not out.is_dir():
        print(f"saraban: not a folder: {out}", file=sys.stderr)
        return 2
    try:
        answer = ask(out, args.question or "", " ".join(args.argument), args.sql)
    except QueryError as exc:
        print(f"saraban: {exc}", file=sys.stderr)
        return 2
    render(answer, args.format, sys.stdout, terminal=sys.stdout.isatty())
    if not answer.rows:
        print("saraban: no rows", file=sys.stderr)
    return 0


def _add_plugins(sub) -> None:
    """Each installed plugin's ``register(subparsers)`` (entry points of ``PLUGIN_GROUP``) adds its commands."""
    from importlib.metadata import entry_points

    for point in sorted(entry_points(group=PLUGIN_GROUP), key=lambda p: p.name):
        try:
            register = point.load()
        except ImportError as exc:  # a plugin whose own dependencies are missing adds nothing
            print(f"saraban: plugin {point.name!r} not loaded ({exc})", file=sys.stderr)
            continue
        register(sub)


BUILT_IN = ("ingest", "show", "report", "export", "export-spacy", "query")


def _command_word(argv: list[str]) -> str:
    """The first argument that is no option: the command asked for (``""`` when none)."""
    return next((a for a in argv if not a.startswith("-")), "")


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; the installed plugins' commands are added unless ``argv`` asks for a built-in
    one (finding them reads every installed package's entry points, which a run of ``ingest`` need not pay)."""
    from pipeline.ingest import version_string

    top = argparse.ArgumentParser(prog="saraban", description="Thai government circulars -> linked tables")
    top.add_argument("--version", action="version", version=f"saraban {version_string()}")
    sub = top.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="read files or folders and write the tables",
                            formatter_class=argparse.RawDescriptionHelpFormatter,
                            epilog="exit status: 0 every file read; 1 some input unreadable (see issues.csv); "
                                   "2 bad usage;\n3 another run holds --out; 4 --out cannot be written; "
                                   "5 the disk is full;\n130 interrupted (run again to resume). "
                                   "3-5 leave the previous tables as they were.")
    ingest.add_argument("paths", nargs="+", help="files or folders (recursive)")
    ingest.add_argument("--out", required=True, help="output folder")
    ingest.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ingest.add_argument("--no-cache", action="store_true",
                        help="ignore and do not write the catalog OUT/.saraban/catalog.sqlite")
    ingest.add_argument("--include", action="append", default=[], metavar="GLOB",
                        help="take only files matching GLOB (path or name; repeatable)")
    ingest.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="leave out files matching GLOB (path or name; repeatable)")
    ingest.add_argument("--quiet", action="store_true", help="print nothing but errors")
    ingest.add_argument("--progress", choices=("auto", "bar", "plain"), default="auto",
                        help="a bar on a terminal, log lines otherwise (default auto)")
    ingest.add_argument("--progress-every", type=float, default=10.0, metavar="S",
                        help="seconds between progress lines when not on a terminal (default 10)")
    ingest.add_argument("--file-timeout", type=float, default=1800.0, metavar="S",
                        help="stop a file after S seconds, reported in issues.csv (0: no limit; default 1800)")
    ingest.add_argument("--file-memory-mb", type=int, default=0, metavar="MB",
                        help="memory (address space) a worker may use per file (0: no limit)")
    ingest.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask distributed cluster")
    ingest.add_argument("--scheduler", default="", metavar="tcp://HOST:8786",
                        help="the Dask scheduler (with --executor dask; none: a LocalCluster)")
    ingest.add_argument("--wait", action="store_true", help="wait for another run on --out to end, not refuse")
    ingest.add_argument("--sqlite", action="store_true", default=True, help="also write saraban.sqlite (default)")
    ingest.add_argument("--no-sqlite", dest="sqlite", action="store_false")
    ingest.add_argument("--search-index", action="store_true",
                        help="also build saraban.sqlite's trigram full-text index (texts_fts), for fast `saraban query "
                             "OUT search` over large runs (about 1.5 ms a Gazette text; `make ingest` builds it)")
    ingest.add_argument("--xlsx", action="store_true",
                        help="also write saraban.xlsx, the main tables as one workbook (about 0.7 ms a letter; "
                             "`make ingest` writes it)")
    ingest.add_argument("--parquet", action="store_true",
                        help="also write OUT/parquet/*.parquet (with --executor dask: partitioned, OUT/parquet/TABLE/part-*.parquet)")
    _add_ocr_flags(ingest)
    ingest.set_defaults(run=_ingest)
    show = sub.add_parser("show", help="print one file's letters readably")
    show.add_argument("paths", nargs="+")
    show.add_argument("--spans", action="store_true", help="also print the text with extracted spans marked")
    show.add_argument("--html", default="", help="write a review page (values highlighted in the text) here")
    show.add_argument("--format", choices=("text", "json"), default="text",
                      help="json: one line a file with every letter's values, text, citations, attachments, dates and problems")
    _add_ocr_flags(show)
    show.set_defaults(run=_show)
    report = sub.add_parser("report", help="write a static review site of a run (OUT/report/index.html)")
    report.add_argument("out", help="the output folder of `saraban ingest`")
    report.add_argument("--to", default="", help="the site's folder (default OUT/report)")
    report.set_defaults(run=_report)
    export = sub.add_parser("export", help="export every letter of a run for another system")
    export.add_argument("out", help="the output folder of `saraban ingest`")
    export.add_argument("--format", required=True, choices=("ecms", "spacy"),
                        help="ecms: one e-Saraban exchange JSON per letter; spacy: one DocBin of every letter")
    export.add_argument("--to", required=True, help="folder (ecms) or .spacy file (spacy)")
    export.add_argument("--org-ids", default="", metavar="CSV",
                        help="ecms: organisation ids, a CSV with columns key (office name or agency code) and id")
    export.set_defaults(run=_export)
    export_spacy = sub.add_parser("export-spacy", help="write every letter of a run as a spaCy DocBin (for annotators)")
    export_spacy.add_argument("out", help="the output folder of `saraban ingest`")
    export_spacy.add_argument("--to", required=True, help="the .spacy file")
    export_spacy.set_defaults(run=_export, format="spacy", org_ids="")
    query = sub.add_parser("query", help="ask a run's tables a question",
                           description="Questions: cites REF, cited-by REF, missing, effective YEAR (B.E.), "
                                       "from AGENCY (code or name), search WORDS; or --sql.")
    query.add_argument("out", help="output folder of saraban ingest")
    query.add_argument("question", nargs="?", choices=("cites", "cited-by", "missing", "effective", "from", "search"))
    query.add_argument("argument", nargs="*", help="REF, YEAR, AGENCY or WORDS")
    query.add_argument("--sql", default="", help="any SELECT over saraban.sqlite (tables and views)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="table (default; tab-separated when not a terminal), csv or json")
    query.set_defaults(run=_query)
    if argv is None or _command_word(argv) not in BUILT_IN:
        _add_plugins(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    try:
        if hasattr(args, "ocr_langs"):
            args.ocr = ocr_options(args, os.environ)
    except ValueError as exc:
        print(f"saraban: {exc}", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("saraban: interrupted; the files read so far are kept: run the same command again to resume",
              file=sys.stderr)
        if argv is None:  # the command itself (not a caller in this process): leave now
            _leave(130)
        return 130


def _leave(code: int) -> None:
    """Exit at once with ``code``, without the interpreter's exit handlers. After Ctrl-C a worker may die
    while writing its result, leaving half a message in the pool's pipe; ``concurrent.futures`` then
    joins a thread that waits forever for the rest at exit. Everything read is committed by then."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
