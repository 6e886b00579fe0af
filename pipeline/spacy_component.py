"""saraban as a spaCy pipeline component: ``nlp.add_pipe("saraban")`` reads each Doc as a Thai letter.

It fills ``doc.spans["saraban"]`` with every value read (labels REF, DATE, ORG, PERSON, POSITION and
SUBJECT, RECIPIENT, CITATION, ATTACHMENT; each span's ``id_`` names the column it fills, e.g.
``ref_no``, ``date.document``, ``cites_ref_no.1``, and its ``kb_id_`` the letter's doc_id, for a text
of several letters), ``doc.ents`` with the spans of the five entity
labels that do not overlap (where two overlap, the longer wins: ``spacy.util.filter_spans``), and
``doc._.saraban`` with the first letter's ``Record`` as plain data (``pipeline.codec.to_plain``;
``from_plain`` gives the Record back); ``doc._.saraban_letters`` holds every letter of the text.

The component is found through the entry point ``spacy_factories`` (declared in pyproject.toml), so
an installed saraban needs no import:

>>> # nlp = spacy.blank("th"); nlp.add_pipe("saraban")
>>> # [(e.text, e.label_) for e in nlp("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ …").ents][0]  ->  ('อท ๐๐๑๗.๒/ว ๒๐๕๕', 'REF')

Spans index the Doc's own text: the letter is read from its normalised text and each value's offsets
are mapped back (``NormalizedText.raw_span``). Tokens are the Doc's (pythainlp's ``newmm`` for
``spacy.blank("th")``): a value whose edges fall inside a token is widened to whole tokens
(``alignment_mode="expand"``) and its column is listed in ``doc.user_data["saraban_widened"]``, so an
annotator knows which spans hold a few characters more than the value. ``saraban export-spacy``
avoids this by cutting the tokens at every value's edge (``pipeline.export.spacy_docbin``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.models import Record, Span

SPANS_KEY = "saraban"
ENTITY_LABELS = ("REF", "DATE", "ORG", "PERSON", "POSITION")

for _name in ("saraban", "saraban_letters"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    """A value's place in a letter (offsets into the text the record's spans index), its label and column."""

    start: int
    end: int
    label: str
    column: str


def _within(span: Span | None, text: str, base: int, needle: str) -> Span | None:
    """Where ``needle`` (a name, a position) is printed inside ``span``; None when it is not there verbatim."""
    if span is None or not needle:
        return None
    at = text.find(needle, span.start - base, span.end - base)
    return Span(at + base, at + base + len(needle)) if at >= 0 else None


def labelled_spans(record: Record, text: str, base: int = 0) -> list[LabelledSpan]:
    """Every value of ``record`` with a span, as offsets into ``text`` (the document's normalised text; or,
    with ``base=record.span.start``, the letter's own ``record.text``). The signer's name and position are
    found verbatim inside the signature block; a position wrapped over lines is left out."""
    signer = record.signer
    found: list[tuple[Span | None, str, str]] = [
        (record.ref_no.span if record.ref_no else None, "REF", "ref_no"),
        (record.issuer.span, "ORG", "issuer"), (record.subject.span, "SUBJECT", "subject"),
        (record.recipient.span, "RECIPIENT", "recipient"),
        (_within(signer.span, text, base, signer.name), "PERSON", "signer_name"),
        (_within(signer.span, text, base, signer.position), "POSITION", "signer_position"),
    ]
    found += [(d.span, "DATE", f"date.{d.role}") for d in record.dates]
    for c in record.citations:
        found.append((c.span, "CITATION", f"cites.{c.seq}"))
        found.append((c.ref_no.span if c.ref_no else None, "REF", f"cites_ref_no.{c.seq}"))
    found += [(a.span, "ATTACHMENT", f"attachment.{a.seq}") for a in record.attachments]
    return [LabelledSpan(s.start - base, s.end - base, label, column) for s, label, column in found
            if s and s.end > s.start and 0 <= s.start - base and s.end - base <= len(text)]


def annotate(doc: Doc, letters: list[tuple[Record, list[LabelledSpan]]], mode: str = "expand") -> Doc:
    """Put the spans (offsets into ``doc.text``) into ``doc.spans``, ``doc.ents`` and ``doc._``."""
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans

    from pipeline.codec import to_plain

    spans, widened = [], []
    for record, marks in letters:
        for mark in marks:
            piece = doc.char_span(mark.start, mark.end, alignment_mode=mode)
            if piece is None or len(piece) == 0:
                widened.append(mark.column)
                continue
            if (piece.start_char, piece.end_char) != (mark.start, mark.end):
                widened.append(mark.column)
            spans.append(SpacySpan(doc, piece.start, piece.end, label=mark.label, span_id=mark.column,
                                   kb_id=record.doc_id))
    doc.spans[SPANS_KEY] = spans
    doc.ents = filter_spans([s for s in spans if s.label_ in ENTITY_LABELS])
    plain = [to_plain(record) for record, _ in letters]
    doc._.saraban = plain[0] if plain else None
    doc._.saraban_letters = plain
    doc.user_data["saraban_widened"] = widened
    return doc


def read_letters(text: str) -> list[tuple[Record, list[LabelledSpan]]]:
    """The letters in ``text``, each with its spans mapped back onto ``text`` itself (before normalisation)."""
    from pipeline.models import Document, Page, SourceFile
    from pipeline.normalize import normalize
    from pipeline.process import process_document

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = Document(SourceFile("<spacy doc>", sha, len(text.encode("utf-8"))), "txt", (Page(1, text),))
    result = process_document("<spacy doc>", document)
    normal = normalize(document.raw_text)
    out = []
    for record in result.records:
        marks = []
        for mark in labelled_spans(record, normal.text):
            start, end = normal.raw_span(mark.start, mark.end)
            marks.append(LabelledSpan(start, end, mark.label, mark.column))
        out.append((record, marks))
    return out


class SarabanComponent:
    """Reads the Doc's text as letters and annotates the Doc (see the module's docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc, read_letters(doc.text))


@Language.factory("saraban")
def make_saraban(nlp: Language, name: str) -> SarabanComponent:
    """The factory of ``nlp.add_pipe("saraban")``: ``make_saraban(spacy.blank("th"), "saraban")(doc)``."""
    return SarabanComponent()
