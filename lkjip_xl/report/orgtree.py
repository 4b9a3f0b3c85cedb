"""The organisation structure as a tree, and how it is cut into blocks for the chart.

Kept apart from the drawing (report.orgchart) so the rules about roots, cycles and which
units are shown can be read and tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class OrgUnit:
    kode: str
    nama: str
    atasan: str | None = None  # Kode Unit of the direct superior; None for the head
    pejabat: str = ""


def org_tree(units: Sequence[OrgUnit]) -> tuple[list[int], dict[int, list[int]], dict[int, int]]:
    """Roots, children and depth by unit index; never loops.

    A Kode Atasan that names no unit (or the unit itself) makes a root; the first row of a code
    counts when it is typed twice. A cycle (A under B under A) is broken at the first unit met
    on it, which becomes a root: the chart still shows every unit (checks.struktur reports the
    cycle)."""
    n = len(units)
    first: dict[str, int] = {}
    for i, unit in enumerate(units):
        first.setdefault(unit.kode, i)
    parent: dict[int, int | None] = {}
    for i, unit in enumerate(units):
        p = first.get(unit.atasan) if unit.atasan else None
        parent[i] = None if p == i else p
    children: dict[int, list[int]] = {i: [] for i in range(n)}
    for i in range(n):
        p = parent[i]
        if p is not None:
            children[p].append(i)
    depth: dict[int, int] = {}
    roots: list[int] = []

    def visit(root: int) -> None:
        todo = [(root, 0)]
        while todo:
            node, d = todo.pop()
            if node in depth:
                continue
            depth[node] = d
            todo.extend((c, d + 1) for c in children[node])

    for i in range(n):
        if parent[i] is None:
            roots.append(i)
            visit(i)
    for i in range(n):
        if i in depth:
            continue
        # i hangs on (or below) a cycle of unvisited units: walk up to the cycle, break it.
        node, seen = i, set()
        while node not in seen:
            seen.add(node)
            node = parent[node]  # type: ignore[assignment]
        up = parent[node]
        assert up is not None
        children[up].remove(node)
        parent[node] = None
        roots.append(node)
        visit(node)  # reaches the whole cycle and i below it
    return roots, children, depth


def select(
    roots: list[int], depth: dict[int, int], max_units: int, max_levels: int
) -> tuple[set[int], list[int], int]:
    """(units drawn, roots drawn, levels drawn or 0 for all): every unit up to `max_units`,
    else the deepest cut of at most `max_levels` levels that fits, else the first `max_units`
    roots."""
    if len(depth) <= max_units:
        return set(depth), roots, 0
    for levels in range(max_levels, 0, -1):
        keep = {i for i, d in depth.items() if d < levels}
        if len(keep) <= max_units:
            return keep, roots, levels
    shown = roots[:max_units]  # more roots than fit: the first ones, named in the note
    return set(shown), shown, 0


# -- blocks: what stands side by side, what is stacked ------------------------------------


@dataclass
class Stack:
    """A vertical list: (unit, indent level) in pre-order; ``head`` False for a group of leaf
    siblings (connected through a spine at the left), which may stand in several columns."""

    items: list[tuple[int, int]]
    head: bool
    columns: int = 1


@dataclass
class Node:
    """A unit with its children's blocks side by side below it (unit -1: the invisible root
    above several roots)."""

    unit: int
    blocks: list[Node | Stack] = field(default_factory=list)


def preorder(unit: int, children: dict[int, list[int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    todo = [(unit, 0)]
    while todo:
        node, rel = todo.pop()
        out.append((node, rel))
        todo.extend((c, rel + 1) for c in reversed(children[node]))
    return out


def blocks(
    unit: int, children: dict[int, list[int]], depth: dict[int, int], spread: int
) -> Node | Stack:
    """``unit``'s block: side by side below it while depth < spread, stacked lists below."""
    if unit >= 0 and depth[unit] >= spread and children[unit]:
        return Stack(preorder(unit, children), head=True)
    node = Node(unit)
    leaves: Stack | None = None
    rel = 0 if unit < 0 else 1  # units without a superior hang on no spine
    for child in children[unit]:
        if children[child]:
            node.blocks.append(blocks(child, children, depth, spread))
        elif leaves is None:
            leaves = Stack([(child, rel)], head=False)
            node.blocks.append(leaves)
        else:
            leaves.items.append((child, rel))
    return node


def columns(block: Node | Stack) -> int:
    if isinstance(block, Stack):
        return block.columns
    return sum(columns(b) for b in block.blocks) if block.blocks else 1


def stacks(block: Node | Stack) -> list[Stack]:
    if isinstance(block, Stack):
        return [block]
    return [s for b in block.blocks for s in stacks(b)]
