"""Of two readings of one metric's figure, the fuller: a range that holds the other, or the same figure more precisely.

An article often gives a figure twice: rounded in its lead ('profit likely up about 50%', 'sales of $8.4 billion')
and in full in its body ('up 49.84 percent', 'a range of $8.38 billion to $8.52 billion'). Both are one figure when
the rounded one agrees with the other to its own precision, or when one is a range that holds the other; the fuller
is the one a reader would quote.
"""

from __future__ import annotations

import math

from extractor.contract import Money

#: the fewest significant digits an amount is taken to be written with ('$10 billion' is read as 10, not as 1e10)
MIN_AMOUNT_DIGITS = 2
#: more decimals than a figure is ever written with: a float's noise
MAX_DECIMALS = 6


def _decimals(x: float) -> int:
    """The decimals a percentage is written with (49.84: 2; 50.0: 0)."""
    text = f"{abs(x):.{MAX_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _significant(x: float) -> int:
    """The significant digits of an amount (5.7e9: 2; 1.25e10: 3), at least `MIN_AMOUNT_DIGITS`."""
    digits = f"{abs(x):.{MAX_DECIMALS}e}".split("e")[0].replace(".", "").rstrip("0")
    return max(len(digits), MIN_AMOUNT_DIGITS)


def _amount_step(x: float) -> float:
    """Half a unit of an amount's last significant digit: how far a figure it rounds may lie from it."""
    if x == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(x)))
    return 0.5 * 10.0 ** (exponent - _significant(x) + 1)


def fuller_change(old: float, old_range: list[float] | None, new: float, new_range: list[float] | None) -> bool:
    """Whether a change `new` (with its range) is a fuller reading of `old` than `old` itself: a range holding a point
    ('over 25%' and '25% to 35%'), or the same point with more decimals (50 and 49.84)."""
    if new_range and not old_range:
        return min(new_range) - 1e-9 <= old <= max(new_range) + 1e-9
    if old_range or new_range:
        return False
    rounded, precise = _decimals(old), _decimals(new)
    return precise > rounded and abs(old - new) <= 0.5 * 10.0**-rounded + 1e-9


def fuller_value(old: Money, new: Money) -> bool:
    """Whether an amount `new` is a fuller reading of `old`: of the same currency and sign, a range holding the point
    `old` ('$8.38' and '$7.88 to $8.38'), or the same amount with more significant digits that `old` rounds."""
    if old.currency != new.currency or (old.value < 0) != (new.value < 0):
        return False
    old_range = old.low is not None and old.high is not None
    new_range = new.low is not None and new.high is not None
    if new_range and not old_range:
        low, high = sorted((new.low or 0.0, new.high or 0.0))
        slack = 1e-9 * max(abs(low), abs(high))
        return low - slack <= old.value <= high + slack
    if old_range or new_range:
        return False
    return _significant(new.value) > _significant(old.value) and abs(old.value - new.value) <= _amount_step(old.value)
