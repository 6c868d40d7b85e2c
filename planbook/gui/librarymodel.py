"""The library pane's model: years → issuing organs → plans, answered from plain summaries.

Nothing is made per plan: the view asks for the rows it paints, so 10,000 plans cost a sort and a grouping in
Python, not 20,000 Qt items. Filtering, a new order, added and removed plans regroup and tell the view through
one layout change that keeps its folds and selection; a plan that keeps its place (a title typed, a status
set) changes its one row.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count, groupby, repeat

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.model import PlanSummary, Status
from .treemodel import kind_icon

PlanIdRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
_YEAR, _ORGAN = "y", "o"
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # made once: Python's enum `|` is slow


@dataclass(eq=False)
class Group:
    """A year, or an issuing organ within a year: its place among its siblings and what it holds."""

    kind: str  # _YEAR or _ORGAN
    key: tuple  # (year,) or (year, organ): the same group keeps its uid through regrouping
    uid: int
    row: int = 0
    parent: Group | None = None
    organs: list[Group] = field(default_factory=list)  # a year's organs
    plans: list[int] = field(default_factory=list)  # an organ's plans, in the order shown
    total: int = 0  # plans below, shown in the second column


@dataclass
class Texts:
    """The words the model shows, translated by the pane (the model holds no translations)."""

    year: str  # "Year {0}"
    no_year: str
    no_organ: str
    draft: str
    issued: str
    tip: str  # "{0} nodes · modified {1}"
    headers: list[str]


def haystack(p: PlanSummary) -> str:
    """What the filter box matches: title, kind, year, document number and organs, in lower case."""
    return " ".join([p.title, p.kind, str(p.year or ""), p.doc_number, *p.issuers]).casefold()


def organ_of(p: PlanSummary) -> str:
    return p.issuers[0] if p.issuers else ""


def _place(p: PlanSummary) -> tuple[int | None, str]:
    return p.year, (p.issuers[0] if p.issuers else "")


def sorted_ids(order: str, plans: Iterable[PlanSummary]) -> list[int]:
    """The order plans are shown in, groups kept together: years newest first, organs by name, plans by
    title; or ("modified") the freshest year, organ and plan first."""
    if order != "modified":
        return [p.id for p in sorted(plans, key=lambda p: (-(p.year or 0), organ_of(p), p.title, p.id))]
    plans = list(plans)
    years: dict[int | None, str] = {}
    organs: dict[tuple, str] = {}
    for p in plans:
        organ = (p.year, organ_of(p))
        years[p.year] = max(years.get(p.year, ""), p.modified_at)
        organs[organ] = max(organs.get(organ, ""), p.modified_at)
    # Every part descending, so one reversed sort: no per-character key to turn a timestamp round.
    return [
        p.id
        for p in sorted(
            plans,
            reverse=True,
            key=lambda p: (years[p.year], p.year or 0, organs[(p.year, organ_of(p))], organ_of(p), p.modified_at, p.id),
        )
    ]


@dataclass
class Listing:
    """Plans with what the model keeps beside each (filter text, group, order): plain Python, so it can be
    made on the worker that read the plans, and the GUI thread only groups and shows them."""

    summaries: dict[int, PlanSummary]
    haystacks: dict[int, str]
    places: dict[int, tuple[int | None, str]]
    by_year: list[int]  # `sorted_ids("year", …)`

    @classmethod
    def of(cls, plans: Iterable[PlanSummary]) -> Listing:
        summaries = {p.id: p for p in plans}
        return cls(
            summaries,
            {pid: haystack(p) for pid, p in summaries.items()},
            {pid: _place(p) for pid, p in summaries.items()},
            sorted_ids("year", summaries.values()),
        )


class LibraryModel(QAbstractItemModel):
    """Rows from `PlanSummary` values. Internal ids: 0 for a year row, the year's uid for an organ row, the
    organ's uid for a plan row."""

    def __init__(self, texts: Texts, parent: QObject | None = None):
        super().__init__(parent)
        self.texts = texts
        self.summaries: dict[int, PlanSummary] = {}
        self.order = "year"
        self.words: list[str] = []
        self.years: list[Group] = []
        self.shown: list[int] = []  # the plans shown, top to bottom
        self._haystacks: dict[int, str] = {}
        self._places: dict[int, tuple[int | None, str]] = {}  # plan id → (year, organ): its group
        self._sorted: list[int] | None = None  # every plan in `order`, kept until plans change
        self._groups: dict[int, Group] = {}
        self._uids: dict[tuple, int] = {}
        self._next_uid = count(1)
        self._where: dict[int, tuple[int, int]] = {}  # shown plan id → (its organ's uid, its row)
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#777777"))
        self._status_brush = {Status.ISSUED: QBrush(QColor("#2e7d32")), Status.DRAFT: QBrush(QColor("#b26a00"))}
        self._icon = kind_icon(None)
        self.count_nodes: Callable[[int], int] = lambda plan_id: 0  # for summaries read without counts

    # ---- what the pane tells it -------------------------------------------------------------------------

    def set_plans(self, plans: Iterable[PlanSummary] | Listing) -> None:
        """A whole new list; a `Listing` was prepared already (on a worker: see `Listing.of`)."""
        listing = plans if isinstance(plans, Listing) else Listing.of(plans)
        self.beginResetModel()
        self.summaries, self._haystacks, self._places = listing.summaries, listing.haystacks, listing.places
        self._sorted = list(listing.by_year) if self.order == "year" else None
        self._regroup()
        self.endResetModel()

    def set_view(self, order: str, words: list[str]) -> bool:
        """A new order or filter; False if neither changed."""
        words = [w.casefold() for w in words]
        if (order, words) == (self.order, self.words):
            return False

        def change() -> None:
            if order != self.order:
                self._sorted = None
            self.order, self.words = order, words

        self._relayout(change)
        return True

    def update(self, changed: Iterable[PlanSummary], removed: Iterable[int] = ()) -> None:
        """Plans added or changed, and plans removed: a plan that keeps its place changes its row; anything
        else moves rows in one layout change."""
        changed, removed = list(changed), set(removed)
        moved = bool(removed & self.summaries.keys())
        for pid in removed:
            self.summaries.pop(pid, None)
            self._haystacks.pop(pid, None)
            self._places.pop(pid, None)
        in_place, within = [], []
        for p in changed:
            old = self.summaries.get(p.id)
            self.summaries[p.id] = p
            self._haystacks[p.id] = haystack(p)
            self._places[p.id] = _place(p)
            if old == p:
                continue
            if old is not None and self._keeps_place(old, p):
                in_place.append(p.id)
            elif old is not None and self._stays_in_organ(old, p):
                within.append(p.id)
            else:
                moved = True
        if moved:
            self._sorted = None
            self._relayout()
            return
        if within:
            self._relayout(lambda: self._resort(within), regroup=False)
        for pid in in_place:
            if pid in self._where:
                self.dataChanged.emit(self.index_of(pid, 0), self.index_of(pid, 1))

    def _stays_in_organ(self, old: PlanSummary, new: PlanSummary) -> bool:
        """Shown before and after, in the same organ, by title: only its organ's plans are sorted again."""
        return (
            self.order != "modified" and new.id in self._where and self._matches(new.id) and _place(old) == _place(new)
        )

    def _resort(self, ids: list[int]) -> None:
        """Plans whose titles moved them within their organ: that organ's rows, and the whole-library order,
        are put in order again without sorting or regrouping the other plans."""
        summaries = self.summaries
        for uid in {self._where[pid][0] for pid in ids}:
            organ = self._groups[uid]
            organ.plans.sort(key=lambda pid: (summaries[pid].title, pid))
            self._where.update(zip(organ.plans, zip(repeat(uid), range(len(organ.plans)))))
        if self._sorted is not None:

            def key(pid: int) -> tuple:
                p = summaries[pid]
                return (-(p.year or 0), organ_of(p), p.title, p.id)

            for pid in ids:
                self._sorted.remove(pid)
                insort(self._sorted, pid, key=key)
        self.shown = [pid for year in self.years for organ in year.organs for pid in organ.plans]

    def _keeps_place(self, old: PlanSummary, new: PlanSummary) -> bool:
        if self._matches(new.id) != (new.id in self._where):
            return False  # the filter now shows or hides it
        if new.id not in self._where:
            return True  # hidden before and after
        if (new.year, organ_of(new)) != (old.year, organ_of(old)):
            return False
        organ = self._groups[self._where[new.id][0]]
        if self.order == "modified":  # still the freshest of all, or nothing that orders it changed
            first = organ.row == 0 and organ.parent is not None and organ.parent.row == 0
            return old.modified_at == new.modified_at or (first and self._where[new.id][1] == 0)
        row = self._where[new.id][1]
        before = self.summaries[organ.plans[row - 1]] if row > 0 else None
        after = self.summaries[organ.plans[row + 1]] if row + 1 < len(organ.plans) else None
        return not (
            (before and (before.title, before.id) > (new.title, new.id))
            or (after and (new.title, new.id) > (after.title, after.id))
        )

    # ---- grouping ---------------------------------------------------------------------------------------

    def _matches(self, pid: int) -> bool:
        hay = self._haystacks[pid]
        return all(w in hay for w in self.words)

    def _regroup(self) -> None:
        if self._sorted is None:
            self._sorted = sorted_ids(self.order, self.summaries.values())
        shown = self._sorted
        for word in self.words:  # one pass a word, in C: 10,000 plans in a few milliseconds
            hay = self._haystacks
            shown = [pid for pid in shown if word in hay[pid]]
        self.shown = list(shown)
        self.years, self._groups, self._where = [], {}, {}
        # Runs of the same (year, organ) in the sorted list are the organ groups.
        for (year_value, organ_name), run in groupby(self.shown, self._places.__getitem__):
            self._add_organ(year_value, organ_name, list(run))

    def _add_organ(self, year_value: int | None, organ_name: str, plans: list[int]) -> None:
        if not self.years or self.years[-1].key != (year_value,):
            self.years.append(self._group(_YEAR, (year_value,), len(self.years), None))
        year = self.years[-1]
        organ = self._group(_ORGAN, (year_value, organ_name), len(year.organs), year)
        organ.plans, organ.total = plans, len(plans)
        year.organs.append(organ)
        year.total += len(plans)
        self._where.update(zip(plans, zip(repeat(organ.uid), range(len(plans)))))

    def _group(self, kind: str, key: tuple, row: int, parent: Group | None) -> Group:
        uid = self._uids.get(key) or self._uids.setdefault(key, next(self._next_uid))
        group = Group(kind, key, uid, row, parent)
        self._groups[uid] = group
        return group

    def _relayout(self, change: Callable[[], None] = lambda: None, regroup: bool = True) -> None:
        """Make `change`, regroup, and move the view's folds, selection and current row along with what they
        pointed at."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [self._key_of(i) for i in persistent]
        change()
        if regroup:
            self._regroup()
        self.changePersistentIndexList(persistent, [self._index_for(k, i.column()) for k, i in zip(keys, persistent)])
        self.layoutChanged.emit()

    def _key_of(self, index: QModelIndex | QPersistentModelIndex) -> tuple:
        iid = index.internalId()
        parent = self._groups.get(iid)
        if parent is not None and parent.kind == _ORGAN:
            return ("plan", self.plan_id(index))
        if parent is not None:  # an organ row
            return parent.organs[index.row()].key if index.row() < len(parent.organs) else ()
        return self.years[index.row()].key if index.row() < len(self.years) else ()

    def _index_for(self, key: tuple, column: int) -> QModelIndex:
        if key[:1] == ("plan",):
            return self.index_of(key[1], column)
        group = self._groups.get(self._uids.get(key, -1))
        if group is None:
            return QModelIndex()
        return self.createIndex(group.row, column, group.parent.uid if group.parent else 0)

    # ---- reading it ---------------------------------------------------------------------------------------

    def index_of(self, plan_id: int | None, column: int = 0) -> QModelIndex:
        """The row of a shown plan (an invalid index if it is filtered out or unknown)."""
        where = self._where.get(plan_id) if plan_id is not None else None
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], column, where[0])

    def group_index(self, plan_id: int) -> QModelIndex:
        """The organ row holding a shown plan, else invalid."""
        where = self._where.get(plan_id)
        group = self._groups.get(where[0]) if where else None
        return self.createIndex(group.row, 0, group.parent.uid) if group and group.parent else QModelIndex()

    def plan_id(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid():
            return None
        iid = index.internalId()
        group = self._groups.get(iid)
        if group is None or group.kind != _ORGAN or index.row() >= len(group.plans):
            return None
        return group.plans[index.row()]

    def walk(self) -> Iterator[QModelIndex]:
        """Every group row, top to bottom (for folding)."""
        for year in self.years:
            yield self.createIndex(year.row, 0, 0)
            for organ in year.organs:
                yield self.createIndex(organ.row, 0, year.uid)

    # ---- QAbstractItemModel ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if column not in (0, 1) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.years) else QModelIndex()
        group = self._children_of(parent)
        if group is None:
            return QModelIndex()
        size = len(group.organs) if group.kind == _YEAR else len(group.plans)
        return self.createIndex(row, column, group.uid) if row < size else QModelIndex()

    def _children_of(self, parent: QModelIndex | QPersistentModelIndex) -> Group | None:
        """The group a row stands for (None for a plan row)."""
        iid = parent.internalId()
        if iid == 0:
            if parent.row() >= len(self.years):
                return None
            return self.years[parent.row()]
        group = self._groups.get(iid)
        if group is None or group.kind != _YEAR or parent.row() >= len(group.organs):
            return None
        return group.organs[parent.row()]

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        iid = index.internalId() if index.isValid() else 0
        group = self._groups.get(iid) if iid else None
        if group is None:
            return QModelIndex()
        return self.createIndex(group.row, 0, group.parent.uid if group.parent else 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        if not parent.isValid():
            return len(self.years)
        if parent.column() != 0:
            return 0
        group = self._children_of(parent)
        if group is None:
            return 0
        return len(group.organs) if group.kind == _YEAR else len(group.plans)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:  # noqa: N802 - Qt's name
        # One call per row the view lays out (Qt's own asks rowCount, then columnCount).
        if not parent.isValid():
            return bool(self.years)
        return parent.column() == 0 and self._children_of(parent) is not None

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 2

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt's name
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < 2:
            return self.texts.headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pid = self.plan_id(index)
        if pid is not None:
            return self._plan_data(self.summaries[pid], index.column(), role)
        group = self._children_of(index)
        return self._group_data(group, index.column(), role) if group is not None else None

    def _plan_data(self, p: PlanSummary, column: int, role: int):
        if role == PlanIdRole:
            return p.id
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.texts.issued if p.status is Status.ISSUED else self.texts.draft
            return self._status_brush.get(p.status) if role == Qt.ItemDataRole.ForegroundRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return p.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [p.title, p.doc_number] if p.doc_number else [p.title]
            nodes = p.node_count if p.node_count >= 0 else self.count_nodes(p.id)
            return "\n".join([*tip, self.texts.tip.format(nodes, p.modified_at[:16].replace("T", " "))])
        return None

    def _group_data(self, group: Group, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return str(group.total)
            if group.kind == _YEAR:
                year = group.key[0]
                return self.texts.year.format(year) if year else self.texts.no_year
            return group.key[1] or self.texts.no_organ
        if role == Qt.ItemDataRole.FontRole and group.kind == _YEAR and column == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (column == 1 or group.kind == _ORGAN):
            return self._grey
        return None
