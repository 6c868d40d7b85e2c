"""File ▸ New from Template: plans to start from, shipped as planbook/1 files in resources/templates/.

Each template has the usual sections, subsections and field labels of its kind of document (工作要点, 行动计划,
任务分工方案); "XXXX" in its texts stands for the year and becomes this year. An office can drop its own
planbook/1 files into that folder (or export one of its plans as JSON there) to have them offered too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core import exchange
from ..core.errors import PlanbookError
from ..core.model import Plan
from .app import resources_dir

YEAR_MARK = "XXXX"


def template_paths() -> list[Path]:
    folder = resources_dir() / "templates"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _with_year(text: str, year: int) -> str:
    # "XXXX—XXXX年" is a span of years: the first is this year, the second three years on
    first = text.replace(f"{YEAR_MARK}—{YEAR_MARK}", f"{year}—{year + 2}", 1)
    return first.replace(YEAR_MARK, str(year))


def plan_from_template(path: Path, year: int | None = None) -> Plan:
    """The template's plan for `year` (this year by default); PlanbookError when the file is not planbook/1."""
    year = year or dt.date.today().year
    plan = exchange.loads(path.read_text(encoding="utf-8"))
    plan.year = year
    plan.title = _with_year(plan.title, year)
    plan.preamble = _with_year(plan.preamble, year)
    plan.closing = _with_year(plan.closing, year)
    for node in plan.walk():
        node.id = None
        node.title = _with_year(node.title, year)
        node.body = _with_year(node.body, year)
    return plan


def fill_menu(menu, window) -> None:
    """The templates as menu items (filled when the menu opens, so a template added meanwhile shows)."""
    menu.clear()
    for path in template_paths():
        menu.addAction(path.stem, lambda _=False, p=path: new_from_template(window, p))
    if menu.isEmpty():
        menu.addAction(window.tr("(none)")).setEnabled(False)


def new_from_template(window, path: Path) -> int | None:
    try:
        plan = plan_from_template(path)
    except (OSError, PlanbookError, UnicodeDecodeError) as e:
        from .messages import describe

        window._warn(path.name, describe(e) if isinstance(e, PlanbookError) else str(e))
        return None
    return window.plans.add_plan_to_name(plan)
