"""Parts of a plan on the clipboard: a section or task with everything under it, as planbook/1 JSON, HTML for Word
and WPS, and numbered plain text; and where such a part goes when it is pasted.

The JSON is a whole planbook/1 document (the copied nodes under the source plan's title), so a copied part can
also be imported, or read by any program that reads planbook/1. No Qt here: the window puts these strings on the
clipboard.
"""

from __future__ import annotations

import copy
import html
import json

from . import exchange
from .editing import AddNode, Batch
from .library import Library
from .model import Node, NodeKind, Plan, may_contain

MIME_TYPE = "application/x-planbook+json"  # planbook/1 JSON


def _walk(nodes: list[Node]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def to_json(plan: Plan, node: Node, ancestors: list[Node]) -> str:
    """`node` with everything under it as a planbook/1 document. An item or subsection cannot stand at the top of a
    plan, so the rows above it come along as bare shells (kind and title) and the top-level key "selection" gives
    the path to the copied row."""
    top = copy.deepcopy(node)
    for shell in reversed(ancestors):
        top = Node(shell.kind, shell.title, children=[top])
    part = Plan(title=plan.title or "—", kind=plan.kind, year=plan.year, numbering=plan.numbering, nodes=[top])
    for n in _walk(part.nodes):
        n.id = None
    data = exchange.plan_to_dict(part)
    data["selection"] = [0] * (len(ancestors) + 1)
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> list[Node]:
    """The copied rows of a planbook/1 document (all its top-level rows when it names no selection); FormatError
    when it is not one."""
    plan = exchange.loads(text)
    try:
        path = json.loads(text).get("selection")
        nodes = plan.nodes
        if isinstance(path, list) and path and all(isinstance(i, int) for i in path):
            for i in path[:-1]:
                nodes = nodes[i].children
            return [nodes[path[-1]]]
    except (IndexError, AttributeError, TypeError):
        pass  # a selection that does not match the rows: take the rows
    return plan.nodes


def _number(numbers: dict[int, str], node: Node) -> str:
    """The node's printed number (none for a node not stored: it was never numbered)."""
    return numbers.get(node.id, "") if node.id is not None else ""


def to_text(nodes: list[Node], numbers: dict[int, str]) -> str:
    """As `planbook show` prints a plan: number and title, then the text, then 标签：值 a line."""
    lines: list[str] = []
    for node in _walk(nodes):
        lines.append(f"{_number(numbers, node)}{node.title}")
        if node.body:
            lines.append(node.body)
        lines += [f"{f.label}：{f.value}" for f in node.fields]
    return "\n".join(lines) + "\n"


# How Word and WPS should show each kind when the HTML is pasted: the 公文 fonts by name (a reader without them
# gets their own fallback), 三号 (16 pt), headings bold as in print.
_STYLE = {
    NodeKind.SECTION: "font-family:黑体;font-size:16pt",
    NodeKind.SUBSECTION: "font-family:楷体_GB2312,楷体;font-size:16pt",
    NodeKind.TASK: "font-family:仿宋_GB2312,仿宋;font-size:16pt;font-weight:bold",
    NodeKind.ITEM: "font-family:仿宋_GB2312,仿宋;font-size:16pt",
}
_BODY = "font-family:仿宋_GB2312,仿宋;font-size:16pt;text-indent:2em;margin:0"


def to_html(nodes: list[Node], numbers: dict[int, str]) -> str:
    out = ["<html><head><meta charset='utf-8'></head><body>"]
    for node in _walk(nodes):
        head = html.escape(f"{_number(numbers, node)}{node.title}")
        out.append(f"<p style='{_STYLE[node.kind]};text-indent:2em;margin:0'>{head}</p>")
        if node.body:
            out.append(f"<p style='{_BODY}'>{html.escape(node.body)}</p>")
        for f in node.fields:
            out.append(f"<p style='{_BODY}'>{html.escape(f.label)}：{html.escape(f.value)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def _kind(lib: Library, node_id: int | None) -> NodeKind | None:
    return None if node_id is None else NodeKind(lib.node_row(node_id)["kind"])


def paste_edit(lib: Library, plan_id: int, anchor_id: int | None, nodes: list[Node]) -> AddNode | Batch | None:
    """Add copies of `nodes` where they fit nearest `anchor_id` (None: the plan row): beside a node of their own
    kind, else inside the node (at its end), else beside it, else beside its nearest ancestor where they fit.
    None when they fit nowhere along that path (an item pasted on the plan row)."""
    if not nodes:
        return None
    kinds = {n.kind for n in nodes}

    def fits(parent: NodeKind | None) -> bool:
        return all(may_contain(parent, k) for k in kinds)

    walk = anchor_id
    while True:
        if walk is None:  # the plan row: at the end of the plan
            if not fits(None):
                return None
            parent, position = None, len(lib.child_ids(plan_id, None))
            break
        row = lib.node_row(walk)
        kind, parent_kind = NodeKind(row["kind"]), _kind(lib, row["parent_id"])
        if kinds == {kind} or (walk != anchor_id and fits(parent_kind)):
            parent, position = row["parent_id"], row["position"] + 1
            break
        if walk == anchor_id and fits(kind):
            parent, position = walk, len(lib.child_ids(plan_id, walk))
            break
        if walk == anchor_id and fits(parent_kind):
            parent, position = row["parent_id"], row["position"] + 1
            break
        walk = row["parent_id"]
    edits = []
    for i, node in enumerate(nodes):
        fresh = copy.deepcopy(node)
        for n in _walk([fresh]):
            n.id = None
        edits.append(AddNode(plan_id, parent, position + i, fresh))
    # One row (the usual copy) is a plain AddNode: the window inserts it in place instead of reloading the tree.
    return edits[0] if len(edits) == 1 else Batch(tuple(edits))
