"""Bytes to text: UTF-8 first, byte-order marks, then charset detection among likely encodings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.datafiles import load_json

#: control characters that never occur in an article (tab, line feed, form feed, carriage return do)
_CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\x0b\x0c\r") | {"\x7f"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding that was used, and how many bad bytes were replaced (U+FFFD)."""

    text: str
    encoding: str
    replaced: int = 0


class DecodeError(ValueError):
    """Bytes that are not text: `kind` is 'binary' or 'undecodable'."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@cache
def _table() -> dict[str, Any]:
    data = dict(load_json("encodings.json"))
    data["signatures"] = [(bytes.fromhex(h), name) for name, h in data["binary_signatures"].items()]
    data["bom_list"] = [(bytes.fromhex(h), codec, name) for h, codec, name in data["boms"]]
    return data


def decode_bytes(raw: bytes) -> Decoded:
    """The text in `raw` and its encoding; DecodeError for binary or undecodable bytes."""
    table = _table()
    for signature, name in table["signatures"]:
        if raw.startswith(signature):
            raise DecodeError("binary", f"binary file ({name}), not text")
    for bom, codec, name in table["bom_list"]:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(codec), name)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    "undecodable", f"starts with a {name} byte-order mark but is not {name} (byte {err.start})"
                ) from None
    if b"\x00" not in raw:
        try:
            return _checked(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
        nearly = _nearly_utf8(raw, table["max_replaced_share"])
        if nearly is not None:
            return nearly
    return _detect(raw, table)


def _nearly_utf8(raw: bytes, max_share: float) -> Decoded | None:
    """UTF-8 with its few bad bytes replaced, when nearly all its non-ASCII characters are valid UTF-8."""
    text = raw.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - raw.count("\ufffd".encode())
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    valid = non_ascii - replaced
    if valid <= 0 or replaced > max_share * non_ascii:
        return None
    checked = _checked(text, "utf-8")
    return Decoded(checked.text, checked.encoding, replaced)


def _utf16_shaped(raw: bytes) -> bool:
    """True when NUL bytes sit as UTF-16 puts them: an even length, nearly all on one parity."""
    if len(raw) % 2 or len(raw) < 8:
        return False
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    return max(even, odd) >= 0.95 * (even + odd)


def _detect(raw: bytes, table: dict[str, Any]) -> Decoded:
    from charset_normalizer import from_bytes

    if b"\x00" in raw and not _utf16_shaped(raw):
        raise DecodeError("binary", "looks like a binary file (NUL bytes)")

    candidates = table["candidates"]
    matches = list(from_bytes(raw, cp_isolation=candidates))
    rank = {name: i for i, name in enumerate(candidates)}
    best = min(matches, key=lambda m: (round(m.chaos, 3), rank.get(m.encoding, len(rank))), default=None)
    if best is None:
        if b"\x00" in raw:
            raise DecodeError("binary", "looks like a binary file (NUL bytes, not UTF-16 text)")
        raise DecodeError("undecodable", "not text in UTF-8, UTF-16, GB18030, Big5 or another known encoding")
    name = table["names"].get(best.encoding, best.encoding)
    return _checked(str(best), name)


def _checked(text: str, encoding: str) -> Decoded:
    """The decoded text, unless control characters show it is binary data after all."""
    if text:
        controls = sum(1 for ch in text if ch in _CONTROL) if not text.isprintable() else 0
        if "\x00" in text or controls > _table()["max_control_share"] * len(text):
            raise DecodeError("binary", "looks like a binary file (control characters)")
    return Decoded(text, encoding)
