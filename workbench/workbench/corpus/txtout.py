"""Plain-text rendering of letters, the way text files arrive in an archive.

Each file draws its own habits: body paragraphs wrapped at 70-95 characters or one line each,
dotted leaders of the printed memo form (``เรื่อง...การปรับปรุง`` / ``.....ที่มีลักษณะ``), ที่ and the
address on one line or two, 2-5 blank lines between letters.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.corpus.model import Block, LetterTruth
from workbench.corpus.thaitext import strip_atoms, wrap


@dataclass(frozen=True, slots=True)
class TxtStyle:
    width: int  # 0 = one line per paragraph
    indent: str  # first-line indent of body paragraphs
    gap: str  # between blocks: "\n" (blank line) or ""
    side_by_side: bool  # external: ที่ line and first address line on one line
    sig_pad: str  # left padding of signature lines
    sep: str  # between letters


def draw_style(rng) -> TxtStyle:
    return TxtStyle(width=rng.choice((0, 0, 72, 80, 92)), indent=rng.choice(("", "        ", "\t", "    ")),
                    gap=rng.choice(("\n", "\n", "")), side_by_side=rng.random() < 0.4,
                    sig_pad=rng.choice(("", "", " " * 30, " " * 40)),
                    sep=rng.choice(("\n\n\n", "\n\n\n\n\n", "\n\f\n", "\n\n")))


def _field(b: Block, rng) -> list[str]:
    if b.extra == "dots":
        lead, cont = "." * rng.randint(3, 8), "." * rng.randint(4, 9)
        first = f"{b.label}{lead}{b.lines[0]}"
        if b.label == "ส่วนราชการ":
            first += "." * rng.randint(0, 12)
        return [first] + [f"{cont}{line}" for line in b.lines[1:]]
    sep = rng.choice((" ", "  ", "\t"))
    pad = " " * (len(b.label) + len(sep)) if rng.random() < 0.5 else ""
    return [f"{b.label}{sep}{b.lines[0]}"] + [f"{pad}{line}" for line in b.lines[1:]]


def _refdate(b: Block, rng) -> list[str]:
    if rng.random() < 0.35:
        return [f"ที่{'.' * rng.randint(2, 6)}{b.lines[0]}{'.' * rng.randint(6, 20)}วันที่{'.' * rng.randint(2, 6)}"
                f"{b.extra}{'.' * rng.randint(0, 10)}"]
    return [f"ที่ {b.lines[0]}{' ' * rng.choice((1, 4, 12, 20))}วันที่ {b.extra}"]


def _refhead(b: Block, style: TxtStyle) -> list[str]:
    pad = " " * 40
    if style.side_by_side:
        gap = " " * max(2, 44 - len(b.label))
        return [f"{b.label}{gap}{b.lines[0]}"] + [pad + line for line in b.lines[1:]]
    return [b.label, ""] + [pad + line for line in b.lines]


def _items(b: Block, rng) -> list[str]:
    sep = rng.choice((" ", "  ", "\t"))
    pad = " " * (len(b.label) + 1) if rng.random() < 0.5 else ""
    blank = [""] if rng.random() < 0.3 else []
    out = [f"{b.label}{sep}{b.lines[0]}"]
    for line in b.lines[1:]:
        out += blank + [f"{pad}{line}"]
    return out


def _para(b: Block, style: TxtStyle) -> list[str]:
    text = b.lines[0]
    if not style.width:
        return [style.indent + strip_atoms(text)]
    lines = wrap(text, style.width, style.width - len(style.indent.expandtabs(8)))
    return [style.indent + lines[0]] + lines[1:]


def block_lines(b: Block, style: TxtStyle, rng) -> list[str]:
    """The printed lines of one block."""
    if b.kind == "field":
        lines = _field(b, rng)
        return [" " * 24 + line for line in lines] if b.extra == "center" else lines
    if b.kind == "refdate":
        return _refdate(b, rng)
    if b.kind == "refhead":
        return _refhead(b, style)
    if b.kind == "items":
        return _items(b, rng)
    if b.kind == "para":
        return _para(b, style)
    if b.kind in ("title", "center", "rule"):
        return [" " * 28 + strip_atoms(line) for line in b.lines]
    if b.kind == "sig":
        return [style.sig_pad + line if line else "" for line in b.lines]
    if b.kind == "top":
        return [rng.choice(("", " " * 30)) + b.lines[0]]
    return [strip_atoms(line) for line in b.lines]  # left, contact


def letter_text(letter: LetterTruth, style: TxtStyle, rng) -> str:
    lines: list[str] = []
    for b in letter.blocks:
        lines += block_lines(b, style, rng)
        if style.gap:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def file_text(letters: list[LetterTruth], rng) -> str:
    """All letters of one file, in segment order."""
    style = draw_style(rng)
    head = "\n" * rng.choice((0, 0, 2, 4))
    return head + style.sep.join(letter_text(x, style, rng) for x in letters)
