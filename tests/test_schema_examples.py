"""Every example of docs/schema.md and of the README's "Asking questions", run on the shipped sample.

The examples are parsed out of the documents (never copied here); ``data/processed`` in them is
replaced by the folder the session fixture ingested data/raw into. Each question of docs/schema.md
must be answered in pandas, SQL and ``saraban query``, each answer must have rows, and the three
must have the same number of rows. The data dictionary's type column must be the declared types.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import sqlite3
from pathlib import Path

import pytest

from pipeline.tables import ALL_TABLES, TYPES

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)
TYPE_WORDS = {"text": "str", "integer": "int", "decimal": "float", "boolean": "bool", "date": "date"}


def _section(text: str, heading: str) -> str:
    """From after ``heading`` to the next heading of its level or above (``#`` lines in code blocks are not headings)."""
    level = len(heading.split(" ", 1)[0])
    lines = text[text.index(heading + "\n") + len(heading) + 1 :].split("\n")
    fenced = False
    for i, line in enumerate(lines):
        fenced = fenced != line.startswith("```")
        if not fenced and re.match(rf"#{{1,{level}}} ", line):
            return "\n".join(lines[:i])
    return "\n".join(lines)


QUESTIONS_TEXT = _section(SCHEMA, "## Questions, answered three ways")
PRELUDE = BLOCK.findall(QUESTIONS_TEXT.split("\n### ", 1)[0])
QUESTIONS = {
    part.split("\n", 1)[0]: BLOCK.findall(part) for part in QUESTIONS_TEXT.split("\n### ")[1:]
}
README_BLOCKS = BLOCK.findall(_section(README, "### Asking questions"))


def _local(code: str, out: Path) -> str:
    return code.replace("data/processed", str(out))


def _run_python(code: str, out: Path, namespace: dict) -> list:
    """Run ``code``; the value of each expression statement, in order."""
    values = []
    for node in ast.parse(_local(code, out)).body:
        if isinstance(node, ast.Expr):
            values.append(eval(compile(ast.Expression(node.value), "<example>", "eval"), namespace))
        else:
            exec(compile(ast.Module([node], []), "<example>", "exec"), namespace)
    return values


def _run_sql(code: str, out: Path) -> list:
    """Rows of the last statement: in DuckDB when the block says so, else in saraban.sqlite."""
    code = _local(code, out)
    statements = [s for s in code.split(";") if s.strip() and not all(
        line.strip().startswith("--") or not line.strip() for line in s.splitlines())]
    if "duckdb" in code.splitlines()[0]:
        import duckdb

        db = duckdb.connect()
    else:
        db = sqlite3.connect(out / "saraban.sqlite")
    rows = []
    for statement in statements:
        rows = db.execute(statement).fetchall()
    return rows


def _run_query(code: str, out: Path, capsys) -> list[list]:
    from pipeline.cli import main

    answers = []
    for line in code.strip().splitlines():
        argv = shlex.split(_local(line, out))
        assert argv[:2] == ["saraban", "query"], line
        assert main([*argv[1:], "--format", "json"]) == 0, line
        answers.append(json.loads(capsys.readouterr().out))
    return answers


@pytest.fixture(scope="module")
def prelude(shipped_out):
    namespace: dict = {}
    assert [lang for lang, _ in PRELUDE] == ["python"]
    _run_python(PRELUDE[0][1], shipped_out, namespace)
    return namespace


def test_at_least_ten_questions():
    assert len(QUESTIONS) >= 10


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_each_question_in_pandas_sql_and_query(question, shipped_out, prelude, capsys):
    blocks = QUESTIONS[question]
    assert [lang for lang, _ in blocks] == ["python", "sql", "sh"], question
    frames = _run_python(blocks[0][1], shipped_out, dict(prelude))
    assert frames and all(len(f) > 0 for f in frames)
    rows = _run_sql(blocks[1][1], shipped_out)
    answers = _run_query(blocks[2][1], shipped_out, capsys)
    assert rows and answers and all(answers)
    assert len(frames[-1]) == len(rows) == len(answers[-1])


@pytest.mark.parametrize("index", range(len(README_BLOCKS)))
def test_readme_examples(index, shipped_out):
    lang, code = README_BLOCKS[index]
    if lang == "python":
        values = _run_python(code, shipped_out, {})
        assert values and all(len(v) > 0 for v in values)
    else:
        assert lang == "sql"
        assert _run_sql(code, shipped_out)


def test_readme_has_python_sqlite_and_duckdb_examples():
    kinds = {(lang, "duckdb" in code.splitlines()[0]) for lang, code in README_BLOCKS}
    assert kinds == {("python", False), ("sql", False), ("sql", True)}


def _documented(table: str) -> dict[str, str]:
    heading = next(line for line in SCHEMA.splitlines() if re.match(rf"## {table}\.(csv|jsonl) ", line))
    columns = {}
    for line in _section(SCHEMA, heading).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[1] in TYPE_WORDS:
            columns[cells[0].strip("*")] = TYPE_WORDS[cells[1]]
    return columns


@pytest.mark.parametrize("table", sorted(ALL_TABLES))
def test_the_dictionary_documents_every_column_and_its_type(table):
    documented = _documented(table)
    assert tuple(documented) == ALL_TABLES[table]
    assert documented == TYPES[table]
