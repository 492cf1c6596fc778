"""Reading a file the user named on the command line (a rate table, a gazetteer), with errors that name it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path


def read_user_file(path: str | os.PathLike[str], error: type[ValueError], what: str) -> bytes:
    """The bytes of the file at `path`; `error` naming the file and why (`what` says what it should be) otherwise."""
    where = os.fspath(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{where}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{where}: is a folder, not {_article(what)} {what}") from None
    except OSError as err:
        raise error(f"{where}: cannot be read ({err.strerror})") from None


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def json_lines(text: str, not_json: Callable[[int, json.JSONDecodeError], Exception]) -> list[tuple[int, object]]:
    """(line number, parsed JSON) of every non-blank line; `not_json(number, error)` is raised for a bad line.

    Lines end at LF, CRLF or CR only: a U+2028 written raw inside a JSON string does not cut its line.
    """
    rows: list[tuple[int, object]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as err:
            raise not_json(number, err) from None
    return rows
