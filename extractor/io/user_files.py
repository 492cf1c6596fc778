"""Reading a file the user named on the command line (a rate table, a gazetteer), with errors that name it."""

from __future__ import annotations

import os
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
