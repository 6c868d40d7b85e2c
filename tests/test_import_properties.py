"""Property tests: whatever the input, the importer gives a valid plan or one clear error, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planbook.core.errors import PlanbookError
from planbook.core.exchange import plan_from_dict, plan_to_dict
from planbook.core.library import Library
from planbook.importers import import_with_warnings
from planbook.importers.plaintext import parse_text
from planbook.importers.webpage import parse_html
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
PIECES = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2．",
    "3、",
    "（1）",
    "①",
    "牵头单位：",
    "责任单位:",
    "。",
    "\n",
    "\u3000",
    "\u00a0",
    "关于印发《某市2021年工作要点》的通知",
    "某教发〔2021〕3号",
    "2018319",
    "2020年3月6日",
    "（此件公开发布）",
    "各县区教育局：",
    "您的位置：首页 > ",
    "扫一扫",
    "<p>",
    "</table>",
    "<td>",
    "&nbsp;",
    "工作要点",
    "湖南省教育厅文件",
]
plan_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=60).map("".join)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def valid(result) -> None:
    """A recognised plan must survive the strict planbook/1 reader: hierarchy, kinds, types."""
    for plan in result.plans:
        again = plan_from_dict(plan_to_dict(plan))
        assert again.title == plan.title
    assert all(isinstance(w, str) and w for w in result.warnings)


@SETTINGS
@given(st.one_of(st.text(), plan_like))
def test_any_text(text):
    try:
        valid(parse_text(text))
    except PlanbookError as e:
        assert str(e) and "\n" not in str(e)


@SETTINGS
@given(st.one_of(st.text(), plan_like))
def test_any_html(text):
    try:
        valid(parse_html(text))
    except PlanbookError as e:
        assert str(e)


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".htm", ".docx", ".json"]))
def test_any_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    try:
        valid(import_with_warnings(path))
    except PlanbookError as e:
        assert str(e)


edit = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "insert", "cut", "join"]),
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)),
)


@pytest.mark.skipif(not SEED_TEXTS, reason="the seed plans are not beside the checkout")
@SETTINGS
@given(which=st.integers(min_value=0, max_value=4), edits=st.lists(edit, min_size=1, max_size=8))
def test_random_edits_of_the_seeds(tmp_path_factory, which, edits):
    lines = SEED_TEXTS[which % len(SEED_TEXTS)].split("\n")
    for op, at, text in edits:
        i = at % len(lines) if lines else 0
        if op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op == "swap" and len(lines) > 1:
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, text)
        elif op == "cut" and lines:
            lines[i] = lines[i][: at % (len(lines[i]) + 1)]
        elif op == "join" and len(lines) > 1:
            lines[i - 1 : i + 1] = ["".join(lines[i - 1 : i + 1])]
    try:
        result = parse_text("\n".join(lines))
    except PlanbookError:
        return
    valid(result)
    # and it can be stored, as `planbook import` would
    with Library.open(tmp_path_factory.mktemp("lib") / "lib.db") as lib:
        plan_id = lib.add_plan(result.plans[0])
        assert lib.load_plan(plan_id).task_count() == result.plans[0].task_count()
