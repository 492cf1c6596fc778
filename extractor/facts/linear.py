"""A structural check that a `regex` pattern cannot backtrack super-linearly, for the patterns called without a
time budget (`patterns.untimed`).

The check is conservative: it refuses the shapes that make a backtracking engine try more than a bounded number of
ways per starting position on a text that almost matches, and a pattern it refuses may still be safe (it then keeps
its `timeout=`):
- a part repeated by a quantifier that gives back what it took (not possessive) and allows more than one repetition,
  holding a choice: an alternation, or a quantifier that gives back and whose count is not fixed ('(a+)+',
  '(?:\\w+\\s)*', '(?:a|ab)+', '(?:ab?)*');
- two neighbouring unbounded quantifiers that give back, over characters both may take ('\\w+\\d+', '\\s*\\s*').
A possessive quantifier ('*+', '++', '{1,3}+'), an atomic group and a lookaround give nothing back once matched, so
they hold no choice for what encloses them (their insides are checked on their own); a fixed count ('{3}') is no
choice; an optional part ('?') repeats nothing and may hold anything. The cost per starting position is then linear
in the text read; a search tries every position, as any unanchored pattern does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

import regex

#: the characters two single-character parts are compared on: Latin, Greek, Cyrillic, punctuation, spaces,
#: fullwidth forms and the first CJK ideographs (enough to tell '\\d' from '\\s' or '[a-z]' from '\\p{Lu}')
_SAMPLE = "".join(
    chr(c)
    for lo, hi in ((0, 0x0530), (0x2000, 0x2070), (0x3000, 0x3040), (0x4E00, 0x4F00), (0xFF00, 0xFF66))
    for c in range(lo, hi)
)
_SPECIAL_ESCAPES = "pPN"
_QUANTIFIER = regex.compile(r"\{(\d*)(?:(,)(\d*))?\}")
#: what may follow '(?': a lookaround or atomic group (frozen: it gives nothing back), a named, plain, scoped-flags or
#: conditional group, or something that opens no group (inline flags, a comment, a back reference)
_GROUP_HEAD = regex.compile(
    r"\?(?:(?P<frozen>[=!>]|<[=!])|:|P?<\w+>|\(\w+\)|(?P<scoped>[a-zA-Z-]*):"
    r"|(?P<bare>(?P<flags>[a-zA-Z-]*)\)|#[^)]*\)|P=\w+\)))"
)


class PatternSyntaxUnknown(ValueError):
    """A construct the checker does not read (verbose mode, branch reset): the pattern is refused."""


@dataclass
class _Node:
    """A part of a pattern: a single character (`atom` set), a group (`parts`, `branches`), or a quantified part."""

    atom: str | None = None
    branches: list[list[_Node]] = field(default_factory=list)
    #: set on a quantified part: the part repeated, its bounds (None: unbounded) and whether it gives nothing back
    body: _Node | None = None
    low: int = 0
    high: int | None = 1
    possessive: bool = False
    atomic: bool = False


class _Reader:
    """A recursive-descent reader of `regex` syntax, enough to find quantifiers, groups and alternations."""

    def __init__(self, pattern: str) -> None:
        """A reader at the start of `pattern`."""
        self.text = pattern
        self.pos = 0

    def branches(self) -> list[list[_Node]]:
        """The alternatives up to the closing bracket or the end."""
        out: list[list[_Node]] = [[]]
        while self.pos < len(self.text) and self.text[self.pos] != ")":
            if self.text[self.pos] == "|":
                self.pos += 1
                out.append([])
                continue
            node = self._item()
            if node is not None:
                out[-1].append(self._quantified(node))
        return out

    def _item(self) -> _Node | None:
        """The next part: a group, a set, an escape or a character (None for an anchor or a flag group)."""
        ch = self.text[self.pos]
        if ch == "(":
            return self._group()
        if ch == "[":
            return _Node(atom=self._class())
        if ch == "\\":
            return _Node(atom=self._escape())
        self.pos += 1
        if ch in "^$":
            return None  # anchors match no character
        return _Node(atom=ch)

    def _escape(self) -> str:
        """An escape as written ('\\d', '\\p{Lu}', '\\x41')."""
        start = self.pos
        self.pos += 2
        if self.text[start + 1] in _SPECIAL_ESCAPES and self.text[self.pos : self.pos + 1] == "{":
            self.pos = self.text.index("}", self.pos) + 1
        elif self.text[start + 1] == "x":
            self.pos += 2
        elif self.text[start + 1] == "u":
            self.pos += 4
        elif self.text[start + 1] == "U":
            self.pos += 8
        return self.text[start : self.pos]

    def _class(self) -> str:
        """A character set as written ('[^a-z]')."""
        start = self.pos
        self.pos += 1
        if self.text[self.pos] == "^":
            self.pos += 1
        if self.text[self.pos] == "]":
            self.pos += 1
        while self.text[self.pos] != "]":
            if self.text[self.pos] == "[":
                raise PatternSyntaxUnknown("nested character set")
            self.pos += 2 if self.text[self.pos] == "\\" else 1
        self.pos += 1
        return self.text[start : self.pos]

    def _group(self) -> _Node | None:
        """A bracketed group, or None for one that opens none (inline flags, a comment)."""
        self.pos += 1
        atomic = False
        if self.text.startswith("?", self.pos):
            head = _GROUP_HEAD.match(self.text, self.pos)
            if head is None or "x" in (head.group("flags") or "") + (head.group("scoped") or ""):
                raise PatternSyntaxUnknown(f"group opened by {self.text[self.pos : self.pos + 4]!r}")
            self.pos = head.end()
            if head.group("bare"):
                return None  # inline flags, a comment or a back reference: nothing to repeat
            atomic = head.group("frozen") is not None
        node = _Node(branches=self.branches(), atomic=atomic)
        self.pos += 1  # the closing bracket
        return node

    def _quantified(self, node: _Node) -> _Node:
        """`node` with the quantifier that follows it, if any."""
        if self.pos >= len(self.text):
            return node
        ch = self.text[self.pos]
        if ch in "*+?":
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
            self.pos += 1
        else:
            m = _QUANTIFIER.match(self.text, self.pos) if ch == "{" else None
            if m is None:
                return node
            self.pos = m.end()
            low = int(m.group(1) or 0)
            high = None if m.group(2) and not m.group(3) else int(m.group(3) if m.group(2) else m.group(1))
        possessive = self.text[self.pos : self.pos + 1] == "+"
        if self.text[self.pos : self.pos + 1] in ("+", "?"):
            self.pos += 1
        return _Node(body=node, low=low, high=high, possessive=possessive)


def _repeats(node: _Node) -> bool:
    """A quantifier that gives back and may repeat its part more than once."""
    return node.body is not None and not node.possessive and (node.high is None or node.high > 1)


def _holds_choice(node: _Node) -> bool:
    """Whether a part can match the same text more than one way: an alternation, or a quantifier that gives back and
    whose count is not fixed, outside any possessive quantifier, atomic group or lookaround."""
    if node.body is not None:
        if node.possessive:
            return False
        return node.low != node.high or _holds_choice(node.body)
    if node.atomic:
        return False
    if len(node.branches) > 1:
        return True
    return any(_holds_choice(n) for branch in node.branches for n in branch)


@cache
def _taken(atom: str, ignore_case: bool) -> frozenset[str]:
    """The sample characters a single-character part matches."""
    try:
        rx = regex.compile(atom, regex.IGNORECASE if ignore_case else 0)
    except regex.error:
        return frozenset(_SAMPLE)  # a back reference ('\\1'): it may take anything
    return frozenset(ch for ch in _SAMPLE if rx.fullmatch(ch))


def _gives_back(node: _Node) -> str | None:
    """The single-character part of an unbounded quantifier that gives back what it took, else None."""
    if node.body is None or node.high is not None or node.possessive or node.body.atom is None:
        return None
    return node.body.atom


def _problems(branches: list[list[_Node]], ignore_case: bool) -> list[str]:
    """What the rules of this module refuse in some alternatives and every part inside them."""
    out: list[str] = []
    for branch in branches:
        for node in branch:
            if _repeats(node) and node.body is not None and _holds_choice(node.body):
                out.append("a part repeated by a quantifier that gives back holds a choice")
            inner = node.body if node.body is not None else node
            out += _problems(inner.branches, ignore_case)
        for a, b in pairwise(branch):
            first, second = _gives_back(a), _gives_back(b)
            if first and second and _taken(first, ignore_case) & _taken(second, ignore_case):
                out.append(f"neighbouring quantifiers over overlapping characters: {first} and {second}")
    return out


def backtracking_problems(pattern: regex.Pattern[str]) -> list[str]:
    """Why a compiled pattern could backtrack super-linearly (empty: it cannot, by the rules of this module)."""
    ignore_case = bool(pattern.flags & regex.IGNORECASE) or "(?i" in pattern.pattern
    if pattern.flags & regex.VERBOSE:
        return ["verbose patterns are not read"]
    try:
        reader = _Reader(pattern.pattern)
        branches = reader.branches()
    except (PatternSyntaxUnknown, IndexError, ValueError) as err:
        return [f"not read: {err}"]
    if reader.pos != len(pattern.pattern):
        return ["not read: an unbalanced bracket"]
    return _problems(branches, ignore_case)
