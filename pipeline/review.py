"""A review page for archivists: one file's letters, each as read with every value highlighted where it
was read, and the values, link statuses and problems beside it.

``saraban show FILE --html OUT.html`` writes it: one self-contained file (its stylesheet inline), the
same blocks as the letter pages of ``saraban report`` (``pipeline.report.letter_page``): the text
exactly as read (no spaces put between Thai words, its own line breaks), each value a ``<mark>``
whose title names the column it fills.

>>> # review_html(records, "angthong_2562_computer_systems.txt")  ->  '<!DOCTYPE html>…<mark class="v-ref_no" …'
"""

from __future__ import annotations

import html
from pathlib import Path

from pipeline.models import Record


def review_html(records: list[Record], title: str) -> str:
    """One HTML page with every letter of a file (``records``, linked among themselves)."""
    from pipeline.graph import cited_by, cited_groups
    from pipeline.report.letter_page import LetterContext, letter_body, letter_name

    css = (Path(__file__).parent / "report" / "style.css").read_text(encoding="utf-8")
    groups, incoming = cited_groups(records), cited_by(records)
    sections = []
    for record in records:
        ctx = LetterContext({}, tuple(incoming.get(record.doc_id, ())), groups)
        sections.append(f'<h2 id="{html.escape(record.doc_id)}">letter {record.segment_index} ({html.escape(record.doc_type)}): '
                        f"{html.escape(letter_name(record))}</h2>{letter_body(record, ctx, f'{record.segment_index}-')}")
    return (f'<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'<style>\n{css}</style>\n</head>\n<body>\n<header class="top"><h1>{html.escape(title)}</h1></header>\n'
            f'<main>{"".join(sections)}</main>\n</body>\n</html>\n')
