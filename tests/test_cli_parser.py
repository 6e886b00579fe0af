"""The command line's parser: a built-in command does not look for plugins; any other word does."""

from __future__ import annotations

import pytest

from pipeline import cli


@pytest.mark.parametrize(("argv", "looks"), [
    (["ingest", "data/raw", "--out", "out"], False),
    (["--quiet", "query", "out", "missing"], False),
    (["corpus", "--n", "5"], True),  # the workbench's command, a plugin
    ([], True),  # no command: the help lists the plugins' too
    (["--help"], True),
])
def test_plugins_are_looked_for_only_when_needed(monkeypatch, argv, looks):
    looked = []
    monkeypatch.setattr(cli, "_add_plugins", lambda sub: looked.append(sub))
    cli.parser(argv)
    assert bool(looked) is looks


def test_the_version_is_the_packages():
    from importlib.metadata import version

    from pipeline import __version__
    from pipeline.ingest import version_string

    assert version_string() == __version__ == version("saraban")
