"""What an OCR engine gives for a page: its text and its words with confidences and boxes.

>>> w = OcrWord("เรื่อง", 0.91, (120, 340, 88, 30), (1, 1, 3))
>>> OcrResult("เรื่อง ขอเชิญประชุม", (w,)).confidence
0.91
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    confidence: float  # 0..1
    box: tuple[int, int, int, int]  # left, top, width, height in pixels
    line: tuple[int, int, int]  # (block, paragraph, line) numbers from tesseract


@dataclass(frozen=True, slots=True)
class OcrResult:
    """Tesseract's text (its own word spacing, which the TSV lacks for Thai) plus its words.

    Tesseract's TSV splits Thai into one "word" per character or cluster, so the text is taken from
    its ``txt`` output of the same run; ``words`` carry the confidences and boxes.
    """

    text: str
    words: tuple[OcrWord, ...]
    line_words: tuple[tuple[OcrWord, ...], ...] = ()  # per text line, the TSV words of it (() unpaired)

    def paired_lines(self) -> tuple[tuple[OcrWord, ...], ...]:
        """Each text line's TSV words (``()`` for a line without), as stored or paired now.

        A step must keep the text's lines one for one, so these stay valid after it.
        """
        if len(self.line_words) == self.text.count("\n") + 1:
            return self.line_words
        return pair_lines(self.text, self.words)

    def lines_with_words(self) -> list[tuple[int, tuple[OcrWord, ...]]]:
        """``(index of the text line, its words)`` for every line paired with TSV words."""
        return [(i, words) for i, words in enumerate(self.paired_lines()) if words]

    @property
    def confidence(self) -> float:
        """Mean word confidence weighted by word length, 0..1 (0.0 when nothing was read)."""
        total = sum(len(w.text) for w in self.words)
        return sum(w.confidence * len(w.text) for w in self.words) / total if total else 0.0


EMPTY = OcrResult("", ())


def pair_lines(text: str, words: tuple[OcrWord, ...]) -> tuple[tuple[OcrWord, ...], ...]:
    r"""Pair each text line with its TSV words (the same characters once spaces are removed), in order.

    >>> w = lambda t, n: OcrWord(t, 0.9, (0, 0, 10, 10), (1, 1, n))
    >>> [len(ws) for ws in pair_lines("ที่ อท\nเรื่อง", (w("ที่", 1), w("อท", 1), w("เรื่อง", 2)))]
    [2, 1]
    """
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        groups.setdefault(word.line, []).append(word)
    keys = [line.replace(" ", "") for line in text.split("\n")]
    paired: list[tuple[OcrWord, ...]] = [()] * len(keys)
    start = 0
    for group in groups.values():
        key = "".join(w.text for w in group)
        for i in range(start, len(keys)):
            if keys[i] == key:
                paired[i] = tuple(group)
                start = i + 1
                break
    return tuple(paired)
