"""Shared test helpers: temporary libraries, sample plans, and running the real `planbook` command."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from planbook.core.model import Field, Node, NodeKind, Notice, Numbering, Plan

ROOT = Path(__file__).resolve().parent.parent
# CI has shared/ beside the checkout; a worktree elsewhere points PLANBOOK_SEEDS at it.
SEEDS = Path(os.environ.get("PLANBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(
    *args: str | os.PathLike,
    library: Path | None = None,
    env: dict | None = None,
    wrapper: list[str] | None = None,
    stdin: str | None = None,
) -> Result:
    """Run `python -m planbook ARGS` in a subprocess, as a user would from a terminal.

    `wrapper` goes before the command (e.g. a shell that first mounts a folder read-only).
    """
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("PLANBOOK_LIBRARY", None)
    if library is not None:
        full_env["PLANBOOK_LIBRARY"] = str(library)
    proc = subprocess.run(
        [*(wrapper or []), sys.executable, "-m", "planbook", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=ROOT,
        input=stdin,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(autouse=True, scope="session")
def no_user_word_fonts(tmp_path_factory):
    """A developer's own word-fonts.json never changes what a test sees, module-scoped fixtures included: the
    Word font names come from a file nobody writes, unless a test asks for `word_fonts_json`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANBOOK_WORD_FONTS", str(tmp_path_factory.mktemp("config") / "word-fonts.json"))
        yield


@pytest.fixture(autouse=True)
def word_fonts_json(tmp_path: Path, monkeypatch) -> Path:
    """Every test (and every CLI it runs, which inherits the environment) reads the Word font names from a file of
    its own, absent until the test writes it."""
    path = tmp_path / "config" / "word-fonts.json"
    monkeypatch.setenv("PLANBOOK_WORD_FONTS", str(path))
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "lib.db"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not at {SEEDS} (they live in ../shared/seeds beside the checkout)")
    return SEEDS


def library_at_version(path: Path, version: int):
    """A Planbook library file made by the first `version` migrations only, as an older Planbook left it; the
    open sqlite-utils Database, for the caller to add rows and close."""
    import sqlite_utils

    from planbook.core.schema import APPLICATION_ID, MIGRATIONS

    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:version]:
        migration(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {int(version)}")
    return db


def task(title: str, body: str = "", **fields: str) -> Node:
    return Node(NodeKind.TASK, title, body, [Field(k, v) for k, v in fields.items()])


def sample_plan(
    sections: int = 3,
    tasks_per_section: int = 2,
    numbering: Numbering = Numbering.CONTINUOUS,
    title: str = "某市教育局2021年工作要点",
    year: int = 2021,
) -> Plan:
    """A small plan with notice, sections, a subsection with tasks, and an item."""
    nodes = []
    for s in range(sections):
        section = Node(NodeKind.SECTION, f"第{s + 1}部分工作")
        for t in range(tasks_per_section):
            section.children.append(task(f"任务{s + 1}-{t + 1}。", "具体措施。", 牵头单位="基教科", 完成时限="12月底"))
        nodes.append(section)
    sub = Node(NodeKind.SUBSECTION, "加强队伍建设", children=[task("抓师德。", "师德师风。")])
    sub.children[0].children.append(Node(NodeKind.ITEM, "开展培训。"))
    nodes[0].children.append(sub)
    notice = Notice(
        masthead="某市教育局文件",
        doc_number="某教发〔2021〕3号",
        title="关于印发《某市教育局2021年工作要点》的通知",
        recipients="各县（市、区）教育局：",
        body="现将《某市教育局2021年工作要点》印发给你们，请认真贯彻落实。",
        signers=["某市教育局"],
    )
    return Plan(
        title=title,
        year=year,
        issuers=["某市教育局"],
        preamble="总体要求是……",
        closing="在完成上述工作的同时……",
        numbering=numbering,
        notice=notice,
        nodes=nodes,
    )


def crowded_notice_plan() -> Plan:
    """A notice like seed 003's: joint signers, a three-line title, two lines of recipients and a one-paragraph body
    that, on the 28.95 pt grid, leave no room on page 1 for the signature (GB/T 9704 7.3.5.5)."""
    plan = sample_plan()
    n = plan.notice
    n.masthead = "湖南省教育厅文件"
    n.doc_number = "湘教发〔2020〕8号"
    n.title = "关于印发《湖南省教育厅 中共湖南省委教育工委2020年工作要点》的通知"
    n.recipients = "各市州教育(体)局、普通高等学校,厅委机关各处室、驻厅纪检监察组、直属各单位:"
    n.body = "现将《湖南省教育厅 中共湖南省委教育工委2020年工作要点》印发给你们。请结合本地、本学校、本单位实际认真贯彻落实。"
    n.signers = ["湖南省教育厅", "中共湖南省委教育工作委员会"]
    n.signed_on = dt.date(2020, 3, 6)
    return plan


@pytest.fixture
def windows(qtbot, tmp_path, monkeypatch):
    """Real main windows on real library files, settings in a temporary .ini (see gui_support.Windows)."""
    from .gui_support import Windows

    monkeypatch.setenv("PLANBOOK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("PLANBOOK_FONTS", str(tmp_path / "fonts.json"))  # never the developer's own font choices
    monkeypatch.delenv("PLANBOOK_LIBRARY", raising=False)
    w = Windows(qtbot, tmp_path)
    yield w
    w.cleanup()
