"""File ▸ Recent Plans: the plans last opened in this library, newest first (kept in the settings)."""

from __future__ import annotations

MAX_RECENT_PLANS = 10


def _key(window) -> str:
    return "recentPlans/" + str(window.lib.path.resolve()).replace("/", "|").replace("\\", "|")


def recent_plan_ids(window) -> list[int]:
    value = window.settings.value(_key(window), []) or []
    value = [value] if isinstance(value, (str, int)) else list(value)
    out = []
    for v in value:
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            continue
    return out


def remember(window, plan_id: int) -> None:
    ids = [plan_id, *[i for i in recent_plan_ids(window) if i != plan_id]][:MAX_RECENT_PLANS]
    window.settings.setValue(_key(window), [str(i) for i in ids])


def fill_menu(menu, window) -> None:
    """Plans that still exist, with their year; the open one is shown but off."""
    menu.clear()
    plans = {p.id: p for p in window.library_pane.plans}
    for plan_id in recent_plan_ids(window):
        if (p := plans.get(plan_id)) is None:
            continue
        text = f"{p.title}（{p.year}）" if p.year else p.title
        act = menu.addAction(text, lambda _=False, i=plan_id: window.open_plan(i))
        act.setEnabled(plan_id != window.model.plan_id)
    if menu.isEmpty():
        menu.addAction(window.tr("(none)")).setEnabled(False)
