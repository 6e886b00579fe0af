"""Synthetic conformance corpus of Thai official letters with truth (see ``generate`` and ``render``).

>>> from workbench.corpus import generate
>>> letters = generate(seed=1, n=6)
>>> sorted({x.truth["doc_type"] for x in letters})
['announcement', 'external', 'memo', 'order', 'regulation', 'stamped']
"""

from workbench.corpus.generate import generate
from workbench.corpus.model import DOC_TYPES, LetterTruth
from workbench.corpus.render import write_corpus

__all__ = ["generate", "write_corpus", "LetterTruth", "DOC_TYPES"]
