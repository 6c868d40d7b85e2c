"""Comparing two years: a plan rolled forward and edited diffs to exactly those edits."""

import copy
import json
import random

import pytest

from planbook.core import compare as compare_module
from planbook.core.compare import Cancelled, Change, compare, to_html, to_text
from planbook.core.model import Field, Node, NodeKind, Plan

from .conftest import run_cli, task

SENTENCES = [
    "全面加强党的建设，落实全面从严治党主体责任。",
    "推进学前教育普及普惠发展，扩大公办园学位供给。",
    "深化义务教育优质均衡发展，化解大班额问题。",
    "加强师德师风建设，完善教师考核评价制度。",
    "推进校园足球特色学校建设，组织开展联赛活动。",
    "加快职业教育产教融合，建设实训基地。",
    "提升高校人才培养质量，服务地方经济发展。",
    "完善学生资助体系，确保应助尽助。",
    "加强校园安全管理，开展隐患排查整治。",
    "推进教育信息化，建设智慧校园。",
]


def year_plan() -> Plan:
    tasks = [task(s.split("，")[0] + "。", s.split("，")[1], 牵头单位=f"科室{i}") for i, s in enumerate(SENTENCES)]
    return Plan(
        title="某局2020年工作要点",
        nodes=[
            Node(NodeKind.SECTION, "加强党的领导", children=tasks[:3]),
            Node(NodeKind.SECTION, "推进各类教育发展", children=tasks[3:8]),
            Node(NodeKind.SECTION, "加强保障", children=tasks[8:]),
        ],
    )


def test_rolled_forward_plan_diffs_to_exactly_the_edits():
    old = year_plan()
    new = copy.deepcopy(old)
    new.title = "某局2021年工作要点"
    s1, s2, s3 = new.nodes
    dropped = s2.children.pop(1)  # 完善教师考核评价制度 is dropped
    s1.children[1].body = "扩大公办园学位供给，公办园在园幼儿占比达到50%。"  # reworded body
    s3.children[0].fields = [Field("牵头单位", "安全科"), Field("完成时限", "12月底")]  # fields changed
    s3.children.append(task("实施课后服务全覆盖。", "开展课后托管服务。"))  # added
    moved = s2.children.pop(0)
    s3.children.insert(0, moved)  # moved to another section, unchanged
    diff = compare(old, new)
    assert diff.counts() == {"kept": 7, "changed": 2, "added": 1, "dropped": 1}
    by_change = {c: [t for s in diff.sections for t in s.tasks if t.change is c] for c in Change}
    assert [t.ref.title for t in by_change[Change.DROPPED]] == [dropped.title]
    assert [t.ref.title for t in by_change[Change.ADDED]] == ["实施课后服务全覆盖。"]
    changed = {t.ref.title: t for t in by_change[Change.CHANGED]}
    assert set(changed) == {"推进学前教育普及普惠发展。", "加强校园安全管理。"}
    assert ("insert", "，公办园在园幼儿占比达到50%") in changed["推进学前教育普及普惠发展。"].body
    assert changed["加强校园安全管理。"].fields == [("牵头单位", "科室8", "安全科"), ("完成时限", None, "12月底")]
    kept_moved = next(t for t in by_change[Change.KEPT] if t.ref.title == moved.title)
    assert kept_moved.old.section == "二、推进各类教育发展" and kept_moved.new.section == "三、加强保障"
    text = to_text(diff)
    assert "保留 7  修改 2  新增 1  删除 1" in text and "{+，公办园在园幼儿占比达到50%+}" in text
    page = to_html(diff)
    assert "<ins>，公办园在园幼儿占比达到50%</ins>" in page and "<script" not in page


def test_reworded_titles_still_match():
    old = year_plan()
    new = copy.deepcopy(old)
    new.nodes[0].children[2].title = "深入推进义务教育优质均衡发展。"
    diff = compare(old, new)
    assert diff.counts()["changed"] == 1 and diff.counts()["added"] == 0


def test_diff_cli(tmp_path, library):
    from planbook.core.exchange import dumps

    old = year_plan()
    new = copy.deepcopy(old)
    new.nodes[2].children.append(task("新增任务一项。"))
    (tmp_path / "a.json").write_text(dumps(old), encoding="utf-8")
    (tmp_path / "b.json").write_text(dumps(new), encoding="utf-8")
    run_cli("import", tmp_path / "a.json", tmp_path / "b.json", library=library)
    result = run_cli("diff", "1", "2", "--html", tmp_path / "r.html", library=library)
    assert result.code == 0, result.err
    assert "  + 11.新增任务一项。" in result.out
    data = json.loads(run_cli("diff", "1", "2", "--json", library=library).out)
    assert data["counts"] == {"kept": 10, "changed": 0, "added": 1, "dropped": 0}
    assert "新增任务一项" in (tmp_path / "r.html").read_text(encoding="utf-8")


def _random_text(rng, length: int) -> str:
    return "".join(chr(rng.randrange(0x4E00, 0x4E00 + 400)) for _ in range(length))


def _reword(rng, text: str, changes: int) -> str:
    chars = list(text)
    for k in rng.sample(range(len(chars)), changes):
        chars[k] = chr(rng.randrange(0x5000, 0x5100))
    return "".join(chars)


def _big_plan(rng, tasks: int) -> Plan:
    sections = [Node(NodeKind.SECTION, f"第{s}部分") for s in range(tasks // 20)]
    for i in range(tasks):
        sections[i % len(sections)].children.append(task(_random_text(rng, 14) + "。", _random_text(rng, 80)))
    return Plan(title="某局2020年工作要点", nodes=sections)


@pytest.mark.parametrize("budget", [compare_module.PAIR_BUDGET, 2_000])
def test_a_large_plan_with_a_fifth_reworded_pairs_every_task_with_its_old_self(monkeypatch, budget):
    """Exact and same-title tasks pair by hashing; the reworded rest by similarity, also when the pairs left
    exceed the budget and each old task only sees the new tasks around its own place."""
    monkeypatch.setattr(compare_module, "PAIR_BUDGET", budget)
    rng = random.Random(7)
    old = _big_plan(rng, 600)
    new = copy.deepcopy(old)
    for i, node in enumerate(new.walk()):
        node.id = i + 1  # the new plan's tasks carry ids, so each pair can be checked against the old task
    old_by_new_id = dict(zip((n.id for n in new.walk()), old.walk()))
    tasks = [n for n in new.walk() if n.kind is NodeKind.TASK]
    reworded = rng.sample(tasks, len(tasks) // 5)
    for node in reworded:
        node.title = _reword(rng, node.title, 3)
        node.body = _reword(rng, node.body, 15)
    punctuated = next(n for n in tasks if n not in reworded)
    punctuated.title = punctuated.title.replace("。", " ；")  # same title once normalised; body rewritten
    punctuated.body = _reword(rng, punctuated.body, 30)
    progress: list[tuple[int, int]] = []
    diff = compare(old, new, progress=lambda done, total: progress.append((done, total)))
    assert diff.counts() == {"kept": 600 - 121, "changed": 121, "added": 0, "dropped": 0}
    for section in diff.sections:
        for t in section.tasks:
            assert t.old.title == old_by_new_id[t.new.node_id].title
    assert progress[-1] == (120, 120)  # the punctuated task paired before the similarity step


def test_duplicate_tasks_pair_once_each_and_a_cancelled_compare_stops():
    old = year_plan()
    new = copy.deepcopy(old)
    old.nodes[0].children.append(copy.deepcopy(old.nodes[0].children[0]))  # the same task twice, once kept
    new.nodes[1].children[0].title = "全新的任务标题。"
    new.nodes[1].children[0].body = "与原来毫无关系的正文内容。"
    diff = compare(old, new)
    assert diff.counts() == {"kept": 9, "changed": 0, "added": 1, "dropped": 2}
    with pytest.raises(Cancelled):
        compare(old, new, cancelled=lambda: True)
