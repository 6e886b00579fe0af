"""Plain text: laid out with spaces like a typed page, or flattened to one line a paragraph.

Laid out (``TxtStyle(layout=True, …)``)::

    ที่ ลป ๐๐๒๓.๔/ว ๑๘๒๒                      ศาลากลางจังหวัดลำปาง
                                              ถนนพหลโยธิน ลำปาง ๕๒๐๐๐
                                  ๓ มีนาคม ๒๕๖๖
    เรื่อง  การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง

Flattened, the same letter reads ``ที่ ลป ๐๐๒๓.๔/ว ๑๘๒๒ ศาลากลางจังหวัดลำปาง`` on one line and each
body paragraph on one long line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from workbench.second_renderer.model import Letter, Para
from workbench.second_renderer.thai import visible_width, wrap


@dataclass(frozen=True, slots=True)
class TxtStyle:
    """One file's choices: ``TxtStyle(True, 76, 44, "hang", True, "utf-8", "\\n", "\\f")``."""

    layout: bool
    width: int
    column: int  # where the right column (office, address) starts
    continuation: str  # hang | flush: where a wrapped field's next line starts
    spaced: bool  # a blank line between header fields
    encoding: str
    newline: str
    separator: str  # between letters of one file

    @staticmethod
    def pick(rng: random.Random) -> TxtStyle:
        encoding = rng.choices(("utf-8", "utf-8-sig", "cp874"), (72, 16, 12))[0]
        return TxtStyle(rng.random() < 0.6, rng.randint(70, 84), rng.randint(40, 48), rng.choice(("hang", "flush")),
                        rng.random() < 0.6, encoding, "\r\n" if rng.random() < 0.2 else "\n",
                        rng.choice(("\n\n\n\n", "\f\n", "\n\n\n")))


def _pad(text: str, column: int) -> str:
    return text + " " * max(2, column - visible_width(text))


def _centre(text: str, left: int, width: int) -> str:
    return " " * max(0, left + (width - visible_width(text)) // 2) + text


def _laid_out(p: Para, s: TxtStyle) -> list[str]:
    w = s.width
    if p.kind == "emblem":
        return [""]
    if p.kind in ("memo_head", "centre"):
        return [_centre(line, 0, w) for line in wrap(p.text, w - 10)]
    if p.kind == "stamp":
        return [p.text]
    if p.kind == "pair":
        return [_pad(p.left + p.hand, s.column) + p.right]
    if p.kind == "right":
        return [" " * s.column + line for line in wrap(p.text, w - s.column)]
    if p.kind == "date":
        return [_centre(p.text, 0, w)]
    if p.kind == "field":
        head = f"{p.label}  " if len(p.label) < 8 else f"{p.label} "
        indent = visible_width(head) if s.continuation == "hang" else 0
        lines = wrap(p.text, w - indent, first_width=w - visible_width(head))
        return [head + lines[0]] + [" " * indent + line for line in lines[1:]]
    if p.kind == "item":
        return ["                " + line for line in wrap(p.text, w - 16)]
    if p.kind == "body":
        lines = wrap(p.text, w, first_width=w - 10)
        return ["          " + lines[0]] + lines[1:]
    if p.kind == "sig":
        return [_centre(line, s.column - 6, w - s.column + 6) for line in wrap(p.text, w - s.column + 4)]
    if p.kind == "gap":
        return ["", ""]
    if p.kind == "blank":
        return [""]
    return [p.text]


def _flat(p: Para, s: TxtStyle) -> list[str]:
    if p.kind == "emblem":
        return []
    if p.kind == "pair":
        return [f"{p.left}{p.hand} {p.right}"] if s.spaced else [p.left + p.hand, p.right]
    if p.kind == "field":
        return [f"{p.label} {p.text}"]
    if p.kind == "gap":
        return [""]
    return [p.text]


_HEADER = ("field", "item", "date", "memo_head")


def render_letter(letter: Letter, s: TxtStyle) -> list[str]:
    """The lines of one letter."""
    out: list[str] = []
    previous = ""
    for p in letter.paras:
        lines = _laid_out(p, s) if s.layout else _flat(p, s)
        if s.spaced and p.kind in ("field", "body", "date") and previous != "item" and out and out[-1] != "":
            out.append("")
        out.extend(lines)
        previous = p.kind
    return out


def render_file(letters: list[Letter], s: TxtStyle) -> bytes:
    """The bytes of a .txt file holding ``letters``; cp874 falls back to UTF-8 for text it lacks."""
    parts = ["\n".join(render_letter(letter, s)) for letter in letters]
    text = s.separator.join(parts) + "\n"
    text = text.replace("\n", s.newline)
    try:
        return text.encode(s.encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")
