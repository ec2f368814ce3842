"""Cell suppression for published counts: small counts hidden, and enough others with them.

Hiding every count from 1 to K-1 (*primary* suppression) is not enough when the published
figures are tied by relations a reader knows, such as "a total is the sum of its categories"
or "received = acknowledged in time + late + not acknowledged": a total and all but one of
its parts give the last one away. *Secondary* (complementary) suppression hides further
counts until no hidden count can be computed exactly from the published ones.

A relation is a linear equation over cells (``{cell: coefficient}``: the sum of coefficient
times value is zero). A
hidden cell is *determined* when the unit vector of its cell lies in the row space of the
relations restricted to the hidden cells (what is left once the published values are filled
in): then some combination of relations gives its value. That is tested exactly, over the
rationals, with the reduced row echelon form. Only relations that hold for the true values
are taken into account (one that does not hold would give a reader a wrong value, not the
right one).

The cells are chosen greedily, which is not the fewest possible but is deterministic: for a
determined cell, the relations it is in are searched for a published cell, preferring parts
to totals, counts above zero to zeros, and small counts to large ones (the table then loses
the least). The loop ends when no hidden cell is determined.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from typing import TypeVar

C = TypeVar("C", bound=Hashable)
"""A cell: anything hashable that names one published count."""


def holds(relation: Mapping[C, int], values: Mapping[C, int]) -> bool:
    """Whether ``relation`` holds for ``values`` (and names only cells that have one)."""
    return (all(cell in values for cell in relation)
            and sum(c * values[cell] for cell, c in relation.items()) == 0)


def determined(relations: Sequence[Mapping[C, int]], hidden: Sequence[C]) -> list[C]:
    """The cells of ``hidden`` whose value follows from the published cells and
    ``relations``, in the order of ``hidden``."""
    column = {cell: i for i, cell in enumerate(hidden)}
    rows = [[Fraction(0)] * len(hidden) for _ in relations]
    for row, relation in zip(rows, relations, strict=True):
        for cell, c in relation.items():
            if cell in column:
                row[column[cell]] += c
    rows = [row for row in rows if any(row)]
    # Reduced row echelon form.
    pivots: list[int] = []
    r = 0
    for col in range(len(hidden)):
        pick = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pick is None:
            continue
        rows[r], rows[pick] = rows[pick], rows[r]
        lead = rows[r][col]
        rows[r] = [v / lead for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(col)
        r += 1
        if r == len(rows):
            break
    # A cell is determined when its pivot row has no other unknown in it.
    return [hidden[col] for i, col in enumerate(pivots)
            if sum(1 for v in rows[i] if v != 0) == 1]


def protect(values: Mapping[C, int], relations: Sequence[Mapping[C, int]], below: int,
            totals: frozenset[C] = frozenset()) -> set[C]:
    """The cells to hide: every count from 1 to ``below - 1``, and then, one at a time, a
    complementary cell until no hidden cell is determined by the relations that hold.
    ``totals`` are taken last as complements. Nothing is hidden when ``below`` is 1 or less."""
    if below <= 1:
        return set()
    order = {cell: i for i, cell in enumerate(values)}
    hidden = {cell for cell, v in values.items() if 0 < v < below}
    active = [r for r in relations if holds(r, values)]
    while hidden:
        found = determined(active, sorted(hidden, key=order.__getitem__))
        if not found:
            break
        cell = found[0]
        near = [r for r in active if cell in r]
        others = [r for r in active if any(c in hidden for c in r)]
        candidates = ([c for r in near for c in r if c not in hidden]
                      or [c for r in others for c in r if c not in hidden])
        if not candidates:  # every cell of every relation is hidden: nothing more to do
            break
        hidden.add(min(candidates, key=lambda c: (c in totals, values[c] == 0, values[c],
                                                  order[c])))
    return hidden
