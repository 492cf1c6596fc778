"""The README's examples run as written: its Python blocks, and the commands its synopsis names."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_blocks(section: str) -> list[str]:
    """The ```python blocks of one README section, in order."""
    start = README.index(f"## {section}\n")
    end = README.find("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", README[start : end if end > 0 else None], re.S)


def test_the_library_examples_run_in_order():
    blocks = python_blocks("Library")
    assert len(blocks) >= 2
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["events"], "the example article gives an event"
    assert namespace["doc"]._.news_events


def test_every_subcommand_in_the_synopsis_exists(cli):
    synopsis = README[README.index("## Command line") :]
    synopsis = synopsis[: synopsis.index("```\n", synopsis.index("```sh") + 5)]
    for command in sorted(set(re.findall(r"^extractor (\w+)", synopsis, re.M))):
        try:
            cli(command, "--help")
        except SystemExit as done:
            assert done.code == 0, command
