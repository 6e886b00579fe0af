"""``saraban export-spacy OUT --to FILE.spacy``: every letter of a run as a spaCy ``Doc`` in one DocBin,
its values as spans, so annotators can correct the extractions (Prodigy, spacy-annotator, a script)
and train on them.

Each Doc's text is the letter's normalised text (``Record.text``, exactly what its spans index).
Its tokens are those of ``spacy.blank("th")`` (pythainlp), cut further at every value's edge, so each
span covers its value exactly (no widening). ``doc.user_data`` holds ``doc_id`` and ``source_path``;
``doc._.saraban`` the letter's Record as plain data (``pipeline.codec``).

>>> # docs = list(DocBin().from_disk("letters.spacy").get_docs(spacy.blank("th").vocab))
>>> # [(s.text, s.label_) for s in docs[0].spans["saraban"]][:1]  ->  [('อท ๐๐๑๗.๒ / ว ๒๐๕๕', 'REF')]
"""

from __future__ import annotations

from pathlib import Path

from pipeline.models import Record


def cut_tokens(words: list[str], cuts: set[int]) -> list[str]:
    """``words`` (which join to the text) split further at each offset in ``cuts``.

    >>> cut_tokens(["ที่อท", " ", "๐๐๑๗"], {3})
    ['ที่', 'อท', ' ', '๐๐๑๗']
    """
    out, pos = [], 0
    for word in words:
        edges = sorted(c - pos for c in cuts if pos < c < pos + len(word))
        last = 0
        for edge in edges:
            out.append(word[last:edge])
            last = edge
        out.append(word[last:])
        pos += len(word)
    return out


def letter_doc(nlp, record: Record):
    """The Doc of one letter with its values as spans (``doc.spans["saraban"]``, ``doc.ents``, ``doc._.saraban``)."""
    from spacy.tokens import Doc

    from pipeline.spacy_component import annotate, labelled_spans

    marks = labelled_spans(record, record.text, record.span.start)
    words = [t.text_with_ws for t in nlp.make_doc(record.text)]
    words = [w for w in cut_tokens(words, {m.start for m in marks} | {m.end for m in marks}) if w]
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    annotate(doc, [(record, marks)], mode="strict")
    doc.user_data["doc_id"] = record.doc_id
    doc.user_data["source_path"] = record.source.path
    return doc


def write_docbin(records: list[Record], path: Path) -> int:
    """Write every letter to the DocBin ``path``; returns how many letters it holds."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("th")
    docs = DocBin(store_user_data=True)
    for record in records:
        docs.add(letter_doc(nlp, record))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)
    return len(records)
