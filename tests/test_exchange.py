"""planbook/1 JSON is lossless: whatever is exported imports back as an equal plan."""

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core.exchange import dumps, loads
from planbook.core.library import Library
from planbook.core.model import Field, Node, NodeKind, Notice, Numbering, Plan, Progress, ProgressNote, Status

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
fields = st.lists(st.builds(Field, label=text.filter(bool), value=text), max_size=3)
notes = st.lists(
    st.builds(ProgressNote, date=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), text=text), max_size=2
)


def nodes_under(kind: NodeKind | None, depth: int = 0):
    from planbook.core.model import ALLOWED_PARENTS

    kinds = [k for k in NodeKind if kind in ALLOWED_PARENTS[k]]
    if depth > 2 or not kinds:
        return st.just([])
    return st.lists(
        st.sampled_from(kinds).flatmap(
            lambda k: st.builds(
                Node,
                kind=st.just(k),
                title=text,
                body=text,
                fields=fields,
                children=nodes_under(k, depth + 1),
                status=st.sampled_from(Progress),
                notes=notes,
            )
        ),
        max_size=3,
    )


notices = st.builds(
    Notice,
    masthead=text,
    doc_number=text,
    title=text,
    recipients=text,
    body=text,
    signers=st.lists(text, max_size=3),
    signed_on=dates,
    annotation=text,
    cc=text,
    printed_by=text,
    printed_on=dates,
    published_on=dates,
    index_no=text,
    subject_words=text,
    issued_by=text,
    copy_no=text,
    classification=text,
    urgency=text,
    category=text,
    attachments=text,
)
plans = st.builds(
    Plan,
    title=text,
    kind=text.filter(bool),
    year=st.none() | st.integers(1900, 2200),
    issuers=st.lists(text, max_size=3),
    preamble=text,
    closing=text,
    numbering=st.sampled_from(Numbering),
    status=st.sampled_from(Status),
    notice=notices,
    nodes=nodes_under(None),
)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_json_round_trip_is_lossless(plan):
    assert loads(dumps(plan)) == plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans)
def test_a_stored_plan_exports_to_the_json_it_was_imported_from(tmp_path_factory, plan):
    with Library.open(tmp_path_factory.mktemp("x") / "lib.db") as lib:
        stored = lib.load_plan(lib.add_plan(plan))
    assert dumps(stored) == dumps(plan)


def test_a_file_from_before_progress_loads_with_nothing_started():
    old = """{"format": "planbook/1", "plan": {"title": "t", "nodes": [
        {"kind": "task", "title": "a", "body": "", "fields": [], "children": []}]}}"""
    node = loads(old).nodes[0]
    assert node.status is Progress.NOT_STARTED and node.notes == []
    written = json.loads(dumps(loads(old)))["plan"]["nodes"][0]
    assert "status" not in written and "notes" not in written
