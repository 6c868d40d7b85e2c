"""Model-based test: random sequences of every editing operation plus undo/redo, on the real library and on a
plain in-memory tree that follows the rules as the user understands them, compared after every step."""

import copy
import os

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from planbook.core import editing as ed
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, may_contain

from .conftest import sample_plan
from .test_editing import check_invariants

INDENTED = {
    NodeKind.SECTION: NodeKind.SUBSECTION,
    NodeKind.SUBSECTION: NodeKind.TASK,
    NodeKind.TASK: NodeKind.ITEM,
    NodeKind.ITEM: NodeKind.ITEM,
}
OUTDENTED = {
    NodeKind.ITEM: NodeKind.TASK,
    NodeKind.TASK: NodeKind.TASK,
    NodeKind.SUBSECTION: NodeKind.SECTION,
    NodeKind.SECTION: NodeKind.SECTION,
}


def strip(nodes: list[Node]) -> list[Node]:
    out = copy.deepcopy(nodes)
    for root in out:
        for node in root.walk():
            node.id = None
    return out


def fits(parent_kind, node: Node, kind: NodeKind) -> bool:
    return may_contain(parent_kind, kind) and all(fits(kind, c, c.kind) for c in node.children)


class Model:
    """The plan tree as plain lists: where is a node, who are its siblings."""

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes

    def locate(self, index: int):
        """Where the index-th node in document order sits: (siblings, position, parent, grandparent, the
        list the parent sits in). Parents and grandparents are None at the top level."""
        found = []

        def visit(children, parent, grand, parent_siblings):
            for i, child in enumerate(children):
                found.append((children, i, parent, grand, parent_siblings))
                visit(child.children, child, parent, children)

        visit(self.nodes, None, None, None)
        return found[index]

    def count(self) -> int:
        return sum(1 for root in self.nodes for _ in root.walk())


class EditingMachine(RuleBasedStateMachine):
    @initialize()
    def start(self):
        import tempfile
        from pathlib import Path

        self.dir = tempfile.TemporaryDirectory()
        self.lib = Library.open(Path(self.dir.name) / "lib.db")
        plan = sample_plan(sections=2, tasks_per_section=2)
        self.plan_id = self.lib.add_plan(plan)
        self.model = Model(strip(self.lib.load_plan(self.plan_id).nodes))
        self.undo: list[tuple[ed.Edit, list[Node]]] = []
        self.redo: list[tuple[ed.Edit, list[Node]]] = []

    def teardown(self):
        if hasattr(self, "lib"):
            self.lib.close()
            self.dir.cleanup()

    # -- helpers ----------------------------------------------------------------------------------------

    def node_id(self, index: int) -> int:
        ids = [n.id for n in self.lib.load_plan(self.plan_id).walk()]
        return ids[index % len(ids)]

    def do(self, edit: ed.Edit | None, change_model) -> None:
        """Apply `edit` to the library and `change_model` to the model, or neither when the edit is None."""
        if edit is None:
            return
        before = copy.deepcopy(self.model.nodes)
        self.undo.append((ed.apply(self.lib, edit).inverse, before))
        change_model()
        self.redo.clear()

    # -- rules: what a clerk can do ------------------------------------------------------------------------

    @rule(i=st.integers(0, 500), title=st.text(max_size=8))
    def add_sibling(self, i, title):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)
        kind = siblings[pos].kind
        self.do(
            ed.new_sibling(self.lib, self.node_id(index), title=title),
            lambda: siblings.insert(pos + 1, Node(kind, title)),
        )

    @rule(i=st.integers(0, 500))
    def delete(self, i):
        if self.model.count() <= 1:
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)
        self.do(ed.DeleteNode(self.node_id(index)), lambda: siblings.pop(pos))

    @rule(i=st.integers(0, 500), delta=st.sampled_from([-1, 1]))
    def move(self, i, delta):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)
        edit = ed.move_by(self.lib, self.node_id(index), delta)
        assert (edit is None) == (not 0 <= pos + delta < len(siblings))

        def change():
            siblings.insert(pos + delta, siblings.pop(pos))

        self.do(edit, change)

    @rule(i=st.integers(0, 500))
    def indent(self, i):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)
        node = siblings[pos]
        target_kind = None
        if pos > 0:
            prev = siblings[pos - 1]
            for kind in (node.kind, INDENTED[node.kind]):
                if may_contain(prev.kind, kind):
                    target_kind = kind if fits(prev.kind, node, kind) else None
                    break
        edit = ed.indent(self.lib, self.node_id(index))
        assert (edit is None) == (target_kind is None)

        def change():
            moved = siblings.pop(pos)
            moved.kind = target_kind
            siblings[pos - 1].children.append(moved)

        self.do(edit, change)

    @rule(i=st.integers(0, 500))
    def outdent(self, i):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, parent, grand, parent_siblings = self.model.locate(index)
        node = siblings[pos]
        target_kind = None
        if parent is not None:
            grand_kind = grand.kind if grand is not None else None
            for kind in (node.kind, OUTDENTED[node.kind], parent.kind):
                if may_contain(grand_kind, kind):
                    target_kind = kind if fits(grand_kind, node, kind) else None
                    break
        edit = ed.outdent(self.lib, self.node_id(index))
        assert (edit is None) == (target_kind is None)

        def change():
            moved = siblings.pop(pos)
            moved.kind = target_kind
            # by identity: two empty sections are equal as values
            at = next(k for k, node in enumerate(parent_siblings) if node is parent)
            parent_siblings.insert(at + 1, moved)

        self.do(edit, change)

    @rule(i=st.integers(0, 500), title=st.text(max_size=10), body=st.text(max_size=30))
    def edit_text(self, i, title, body):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)

        def change():
            siblings[pos].title, siblings[pos].body = title, body

        self.do(ed.EditNode(self.node_id(index), title=title, body=body), change)

    @rule(
        i=st.integers(0, 500),
        values=st.lists(st.tuples(st.text(min_size=1, max_size=4), st.text(max_size=6)), max_size=3),
    )
    def set_fields(self, i, values):
        if not self.model.count():
            return
        index = i % self.model.count()
        siblings, pos, *_ = self.model.locate(index)
        fields = tuple(Field(label, value) for label, value in values)

        def change():
            siblings[pos].fields = list(fields)

        self.do(ed.SetFields(self.node_id(index), fields), change)

    @rule()
    def undo_last(self):
        if not self.undo:
            return
        inverse, before = self.undo.pop()
        after = copy.deepcopy(self.model.nodes)
        self.redo.append((ed.apply(self.lib, inverse).inverse, after))
        self.model.nodes = before

    @rule()
    def redo_last(self):
        if not self.redo:
            return
        edit, after = self.redo.pop()
        before = copy.deepcopy(self.model.nodes)
        self.undo.append((ed.apply(self.lib, edit).inverse, before))
        self.model.nodes = after

    # -- after every step --------------------------------------------------------------------------------

    @invariant()
    def library_matches_model(self):
        if not hasattr(self, "lib"):
            return
        assert strip(self.lib.load_plan(self.plan_id).nodes) == self.model.nodes
        check_invariants(self.lib)


# PLANBOOK_MODEL_EXAMPLES raises the count for long local runs.
EditingMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("PLANBOOK_MODEL_EXAMPLES", "150")), stateful_step_count=50, deadline=None
)
test_editing_matches_the_model = EditingMachine.TestCase
