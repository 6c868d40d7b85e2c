"""File ▸ Recent Plans: the plans last opened in this library, newest first (kept in the settings).

Opening a plan only reorders a list kept here; the settings file is written once the clerk has stayed on a plan
for a moment (`WRITE_AFTER_MS`), and when the window closes or leaves the library (`flush`). Writing it at every
open cost 11–15 ms of the GUI thread per plan switch (QSettings rewrites the whole file).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

MAX_RECENT_PLANS = 10
WRITE_AFTER_MS = 2000


def _key(window) -> str:
    return "recentPlans/" + str(window.lib.path.resolve()).replace("/", "|").replace("\\", "|")


class _Pending(QObject):
    """The reordered list of one library not yet written to the settings."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.key = window, _key(window)
        self.ids: list[int] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_AFTER_MS)
        self.timer.timeout.connect(self.write)

    def write(self) -> None:
        self.timer.stop()
        if self.ids is not None:
            self.window.settings.setValue(self.key, [str(i) for i in self.ids])
            self.ids = None


def _pending(window) -> _Pending | None:
    pending = getattr(window, "_recent_pending", None)
    return pending if isinstance(pending, _Pending) else None


def _stored(window, key: str) -> list[int]:
    value = window.settings.value(key, []) or []
    value = [value] if isinstance(value, (str, int)) else list(value)
    out = []
    for v in value:
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            continue
    return out


def recent_plan_ids(window) -> list[int]:
    pending = _pending(window)
    if pending is not None and pending.ids is not None and pending.key == _key(window):
        return list(pending.ids)
    return _stored(window, _key(window))


def remember(window, plan_id: int) -> None:
    pending = _pending(window)
    if pending is None:
        pending = window._recent_pending = _Pending(window)
    ids = pending.ids
    if ids is None:  # (the library is the same while a list waits: leaving it flushes the list first)
        pending.key = _key(window)
        ids = _stored(window, pending.key)
    pending.ids = [plan_id, *[i for i in ids if i != plan_id]][:MAX_RECENT_PLANS]
    pending.timer.start()


def flush(window) -> None:
    """Write a list still waiting (the window closes, or another library is opened)."""
    if (pending := _pending(window)) is not None:
        pending.write()


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
