"""Decoding article bytes: byte-order marks, UTF-8, detected Chinese and Western encodings, binary data."""

from __future__ import annotations

import pytest

from extractor.io.decoding import DecodeError, decode_bytes

ENGLISH = (
    "The Hong Kong Innovative Drug ETF (159567) rose 3.72% on February 10, with turnover of 166 million "
    "yuan, as investors bought biotech names after the licensing deal was announced.\n"
) * 4
SIMPLIFIED = "恒瑞医药发布公告，公司与默沙东签署独家许可协议，首付款2亿美元，里程碑付款最高可达17.7亿美元。\n"
TRADITIONAL = "恆瑞醫藥發佈公告，公司與默沙東簽署獨家許可協議，首付款2億美元，里程碑付款最高可達17.7億美元。\n"

TEXTS = [
    # (case, text, codec used to write it, encoding reported)
    ("utf-8", ENGLISH + SIMPLIFIED, "utf-8", "utf-8"),
    ("utf-8 with a byte-order mark", ENGLISH, "utf-8-sig", "utf-8-sig"),
    ("utf-16 with a byte-order mark", ENGLISH + SIMPLIFIED, "utf-16", "utf-16"),
    ("utf-16 big-endian with a byte-order mark", ENGLISH, "utf-16", "utf-16"),
    ("utf-16 little-endian, no byte-order mark", ENGLISH, "utf-16-le", "utf-16-le"),
    ("utf-32 with a byte-order mark", ENGLISH, "utf-32", "utf-32"),
    ("GB18030, all Chinese", SIMPLIFIED * 3, "gb18030", "gb18030"),
    ("GBK, English with a Chinese paragraph", ENGLISH + SIMPLIFIED, "gbk", "gb18030"),
    ("Big5, all Chinese", TRADITIONAL * 3, "big5", "big5"),
    ("Big5, English with a Chinese paragraph", ENGLISH + TRADITIONAL, "big5", "big5"),
    ("Windows-1252 accents", "Sanofi SA and Société Générale: the café chain’s shares rose 2%.\n", "cp1252", "cp1252"),
    ("plain ASCII", ENGLISH, "ascii", "utf-8"),
]


@pytest.mark.parametrize("case, text, codec, encoding", TEXTS, ids=[t[0] for t in TEXTS])
def test_text_is_decoded_and_its_encoding_named(case, text, codec, encoding):
    raw = text.encode(codec)
    if case.startswith("utf-16 big-endian"):
        raw = b"\xfe\xff" + text.encode("utf-16-be")
    decoded = decode_bytes(raw)
    assert decoded.text == text
    assert decoded.encoding == encoding


NOT_TEXT = [
    # (case, bytes, kind, words in the message)
    ("PNG image", bytes.fromhex("89504e470d0a1a0a") + b"\x00\x00\x00\rIHDR" * 20, "binary", "PNG image"),
    ("PDF document", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", "PDF document"),
    ("ZIP archive", b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "binary", "ZIP archive"),
    ("ELF executable", b"\x7fELF\x02\x01\x01" + bytes(64), "binary", "ELF executable"),
    ("NUL bytes in text", b"ETF\x00\x00\x01rose", "binary", "NUL bytes"),
    ("random bytes with NULs", bytes(range(256)) * 8, "binary", "binary"),
    ("control characters", b"\x01\x02\x03\x04\x05\x06 abc " * 40, "binary", "control characters"),
    (
        "high bytes and controls",
        bytes([0x81, 0x02, 0xFF, 0x90, 0x05, 0xFE, 0x83, 0x07]) * 50,
        "undecodable",
        "not text",
    ),
    ("a UTF-16 mark on odd bytes", b"\xff\xfe" + b"abc", "undecodable", "utf-16 byte-order mark"),
]


@pytest.mark.parametrize("case, raw, kind, words", NOT_TEXT, ids=[t[0] for t in NOT_TEXT])
def test_bytes_that_are_not_text_are_named(case, raw, kind, words):
    with pytest.raises(DecodeError) as caught:
        decode_bytes(raw)
    assert caught.value.kind == kind
    assert words in str(caught.value)


def test_empty_bytes_are_empty_text():
    assert decode_bytes(b"").text == ""
