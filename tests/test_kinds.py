"""The node-kind table (`model.KINDS`): every rule that used to be written out per kind now reads one row, so the
rows must agree with each other and give what the program has always done."""

from planbook.core.model import DEFAULT_CHILD, KINDS, Node, NodeKind, Numbering, may_contain, misfit, outer_kinds
from planbook.core.numbering import label, number_tree


def test_every_row_is_consistent_with_the_hierarchy():
    assert set(KINDS) == set(NodeKind)
    assert may_contain(None, DEFAULT_CHILD[None])
    for kind, spec in KINDS.items():
        assert spec.kind is kind
        assert may_contain(kind, spec.default_child), kind  # a new child fits where it is put
        assert KINDS[spec.indented].depth >= spec.depth >= KINDS[spec.outdented].depth, kind  # Tab goes down
        for parent in spec.parents - {None}:
            assert KINDS[parent].depth <= spec.depth, (parent, kind)  # nothing hangs under a deeper kind
    assert len({spec.shortcut for spec in KINDS.values()}) == len(KINDS)  # one key each


def test_numbers_names_and_nesting_as_printed_plans_have_them():
    assert [label(k, 12) for k in NodeKind] == ["十二、", "（十二）", "12.", "（12）"]
    assert outer_kinds(NodeKind.ITEM) == (NodeKind.TASK, NodeKind.SUBSECTION)
    assert outer_kinds(NodeKind.TASK) == (NodeKind.SUBSECTION, NodeKind.SECTION)
    assert outer_kinds(NodeKind.SECTION) == ()


def test_misfit_names_the_first_node_that_does_not_fit():
    item = Node(NodeKind.ITEM, "子项")
    section = Node(NodeKind.SECTION, "一", children=[Node(NodeKind.TASK, "任务", children=[item])])
    assert misfit(None, section) is None
    inner = Node(NodeKind.SECTION, "误放的部分")
    section.children[0].children.append(inner)
    assert misfit(None, section) == (NodeKind.TASK, inner)
    assert misfit(NodeKind.TASK, section) == (NodeKind.TASK, section)


def test_tasks_run_on_through_the_plan_or_restart_per_section():
    tree = [
        Node(
            NodeKind.SECTION,
            children=[
                Node(NodeKind.TASK),
                Node(
                    NodeKind.SUBSECTION,
                    children=[Node(NodeKind.TASK, children=[Node(NodeKind.ITEM), Node(NodeKind.ITEM)])],
                ),
                Node(NodeKind.TASK),
            ],
        ),
        Node(NodeKind.SECTION, children=[Node(NodeKind.TASK)]),
    ]

    def printed(numbering):
        numbers = number_tree(tree, numbering)
        return [numbers[id(n)] for top in tree for n in top.walk()]

    assert printed(Numbering.CONTINUOUS) == ["一、", "1.", "（一）", "2.", "（1）", "（2）", "3.", "二、", "4."]
    assert printed(Numbering.PER_SECTION) == ["一、", "1.", "（一）", "1.", "（1）", "（2）", "2.", "二、", "1."]
