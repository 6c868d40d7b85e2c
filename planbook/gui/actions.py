"""Every action and menu of the main window, declared in one table.

A row names the action (its objectName, and the window attribute tests and other modules use), its text, keys,
the menu it sits in, whether it writes to the library, what it needs selected, and the handler: a dotted name
looked up on the window when triggered (`imports.import_dialog` is the import controller's method), or
`module:function` for a function of `planbook.gui.<module>` called with the window. Separators and submenus are
rows of the same table, so a menu reads top to bottom here as the clerk sees it.

Read-only mode derives from `writes`: on a read-only library every action that writes is off, and nothing else
lists them. Adding a GUI action that writes is one row here and its handler.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ..core.messages import QT_TRANSLATE_NOOP  # typed: returns str
from ..core.model import KINDS

S = QKeySequence.StandardKey
CONTEXT = "MainWindow"  # the translation context the texts had as the window's self.tr()


class Needs(enum.Enum):
    """What must be selected for the action to be on."""

    NOTHING = 0
    PLAN = 1  # an open plan
    NODE = 2  # a row below the plan row


class Made(enum.Enum):
    """Who makes the QAction: this table, the undo stack, or a dock's show/hide toggle."""

    HERE = 0
    UNDO = 1
    REDO = 2
    DOCK = 3  # `handler` names the dock


Keys = tuple["str | QKeySequence.StandardKey", ...]


@dataclass(frozen=True)
class ActionSpec:
    name: str  # objectName; tests and settings find the action by it
    attr: str  # the window attribute holding it (act_new_plan)
    text: str  # source text, translated in `context`
    handler: str  # dotted name on the window, or module:function called with the window
    menu: str  # menu key (see MENUS), "" for none
    keys: Keys = ()
    args: tuple[Any, ...] = ()  # passed to the handler
    writes: bool = False  # changes the library: off on a read-only one
    needs: Needs = Needs.NOTHING
    tree_only: bool = False  # keys such as Enter, Delete and Tab mean something else in the text editors
    made: Made = Made.HERE
    context: str = CONTEXT
    role: QAction.MenuRole | None = None


@dataclass(frozen=True)
class Separator:
    menu: str


class Fill(enum.Enum):
    """When a submenu's filler runs."""

    ON_SHOW = 1  # each time before it is shown (recent files)
    AT_START = 2  # once, when the menu is built (languages)
    BOTH = 3  # templates: ready at once, and fresh when shown


@dataclass(frozen=True)
class Submenu:
    """A submenu filled by `filler`, a `module:function` of planbook.gui called with (menu, window)."""

    menu: str
    name: str  # objectName, and the window attribute holding the QMenu ("" for neither)
    attr: str
    text: str
    filler: str = ""  # "" for Edit ▸ New…, whose rows are `kind_rows()`
    fill: Fill = Fill.ON_SHOW
    context: str = CONTEXT


@dataclass(frozen=True)
class MenuSpec:
    key: str
    text: str
    name: str = ""


PREFERENCES_KEYS = "preferences"  # stands for the platform's Preferences key, else Ctrl+, (Windows, most X11)


MENUS = (
    MenuSpec("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    MenuSpec("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), "editMenu"),
    MenuSpec("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    MenuSpec("plan", QT_TRANSLATE_NOOP("MainWindow", "&Plan")),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)
A, P, N = ActionSpec, Needs.PLAN, Needs.NODE

# fmt: off
ROWS: tuple[ActionSpec | Separator | Submenu, ...] = (
    # ---- File
    A("actNewPlan", "act_new_plan", QT_TRANSLATE_NOOP("MainWindow", "&New Plan"),
      "plans.new_plan", "file", (S.New,), writes=True),
    A("actNewFrom", "act_new_from", QT_TRANSLATE_NOOP("MainWindow", "New Plan &From…"),
      "plans.new_plan_from", "file", writes=True),
    Submenu("file", "templateMenu", "template_menu", QT_TRANSLATE_NOOP("MainWindow", "New from &Template"),
            "templates:fill_menu", Fill.BOTH),
    Submenu("file", "recentPlansMenu", "recent_plans_menu", QT_TRANSLATE_NOOP("MainWindow", "Recent P&lans"),
            "recent:fill_menu"),
    Separator("file"),
    A("actImport", "act_import", QT_TRANSLATE_NOOP("MainWindow", "&Import…"),
      "imports.import_dialog", "file", ("Ctrl+I",), writes=True),
    A("actImportClipboard", "act_import_clipboard", QT_TRANSLATE_NOOP("MainWindow", "Import from &Clipboard"),
      "imports.import_clipboard", "file", ("Ctrl+Shift+V",), writes=True),
    A("actExport", "act_export", QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
      "exports.export_dialog", "file", ("Ctrl+E",), needs=P),
    A("actPrintPreview", "act_print_preview", QT_TRANSLATE_NOOP("MainWindow", "Print Pre&view…"),
      "exports.print_preview", "file", ("Ctrl+Shift+P",), needs=P),
    A("actPrint", "act_print", QT_TRANSLATE_NOOP("MainWindow", "&Print…"), "exports.print_now", "file", (S.Print,), needs=P),  # as in Word and WPS
    Separator("file"),
    A("actOpenLibrary", "act_open_library", QT_TRANSLATE_NOOP("MainWindow", "&Open Library…"),
      "open_library_dialog", "file", (S.Open,)),
    A("actNewLibrary", "act_new_library", QT_TRANSLATE_NOOP("MainWindow", "New &Library…"),
      "new_library_dialog", "file"),
    Submenu("file", "recentMenu", "recent_menu", QT_TRANSLATE_NOOP("MainWindow", "Recent Libraries"),
            "session:fill_recent"),
    Separator("file"),
    # The dialog lists backups on a read-only library too, and turns its own Restore off there.
    A("actBackups", "act_backups", QT_TRANSLATE_NOOP("Safety", "&Backups and Restore…"),
      "safety.backups_dialog", "file", context="Safety"),
    Separator("file"),
    A("actQuit", "act_quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "file", (S.Quit,)),
    # ---- Edit
    A("actUndo", "act_undo", QT_TRANSLATE_NOOP("MainWindow", "Undo"), "", "edit", (S.Undo,), made=Made.UNDO),
    A("actRedo", "act_redo", QT_TRANSLATE_NOOP("MainWindow", "Redo"),
      "", "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), made=Made.REDO),
    Separator("edit"),
    # Finds in every plan; its replacing runs through the window's edits, which a read-only library refuses.
    A("actReplace", "act_replace", QT_TRANSLATE_NOOP("MainWindow", "Find and &Replace…"),
      "docks.replace_dialog", "edit", ("Ctrl+H",), needs=P),
    # Rows in the tree; in a text box the same menu items act on its text (clipboard.py).
    A("actCut", "act_cut", QT_TRANSLATE_NOOP("MainWindow", "Cu&t"),
      "clipboard:cut_rows", "edit", (S.Cut,), writes=True, tree_only=True),
    A("actCopy", "act_copy", QT_TRANSLATE_NOOP("MainWindow", "&Copy"),
      "clipboard:copy_rows", "edit", (S.Copy,), tree_only=True),
    A("actPaste", "act_paste", QT_TRANSLATE_NOOP("MainWindow", "&Paste"),
      "clipboard:paste_rows", "edit", (S.Paste,), writes=True, needs=P, tree_only=True),
    Separator("edit"),
    # Enter and F2 on a row edit it (the cursor goes to its title); Insert adds a row after it.
    A("actEditNode", "act_edit_node", QT_TRANSLATE_NOOP("MainWindow", "&Edit Selected"),
      "panes:edit_current", "edit", ("F2", "Return", "Enter"), needs=P, tree_only=True),
    A("actNewSibling", "act_new_sibling", QT_TRANSLATE_NOOP("MainWindow", "New Sibling"),
      "tree_edits.new_sibling", "edit", ("Insert", "Shift+Return"), writes=True, needs=P, tree_only=True),
    A("actNewChild", "act_new_child", QT_TRANSLATE_NOOP("MainWindow", "New Child"),
      "tree_edits.new_child", "edit", ("Ctrl+Return", "Ctrl+Enter"), writes=True, needs=P, tree_only=True),
    Submenu("edit", "", "", QT_TRANSLATE_NOOP("MainWindow", "New…")),  # its rows are `kind_rows()`
    A("actDelete", "act_delete", QT_TRANSLATE_NOOP("MainWindow", "Delete"),
      "tree_edits.delete_node", "edit", (S.Delete,), writes=True, needs=N, tree_only=True),
    Separator("edit"),
    A("actMoveUp", "act_up", QT_TRANSLATE_NOOP("MainWindow", "Move Up"),
      "tree_edits.move", "edit", ("Ctrl+Up",), (-1,), writes=True, needs=N, tree_only=True),
    A("actMoveDown", "act_down", QT_TRANSLATE_NOOP("MainWindow", "Move Down"),
      "tree_edits.move", "edit", ("Ctrl+Down",), (+1,), writes=True, needs=N, tree_only=True),
    A("actOutdent", "act_outdent", QT_TRANSLATE_NOOP("MainWindow", "Promote"),
      "tree_edits.outdent", "edit", ("Ctrl+[", "Alt+Shift+Left"), writes=True, needs=N, tree_only=True),
    A("actIndent", "act_indent", QT_TRANSLATE_NOOP("MainWindow", "Demote"),
      "tree_edits.indent", "edit", ("Ctrl+]", "Alt+Shift+Right"), writes=True, needs=N, tree_only=True),
    Separator("edit"),
    A("actPreferences", "act_preferences", QT_TRANSLATE_NOOP("MainWindow", "Pre&ferences…"),
      "helpmenu:preferences_dialog", "edit", (PREFERENCES_KEYS,), role=QAction.MenuRole.PreferencesRole),
    # ---- View
    A("actSearch", "act_search", QT_TRANSLATE_NOOP("MainWindow", "Search All Plans"),
      "focus_search", "view", (S.Find, "Ctrl+K")),
    A("actFilter", "act_filter", QT_TRANSLATE_NOOP("MainWindow", "Find Plan"),
      "focus_filter", "view", ("Ctrl+Shift+L",)),
    A("actExpand", "act_expand", QT_TRANSLATE_NOOP("MainWindow", "Expand All"), "tree.expandAll", "view"),
    A("actCollapse", "act_collapse", QT_TRANSLATE_NOOP("MainWindow", "Collapse to Sections"),
      "collapse_to_sections", "view"),
    # F6 and Shift+F6 go round the panes: library, structure, editor, fields.
    A("actNextPane", "act_next_pane", QT_TRANSLATE_NOOP("MainWindow", "Next Pane"),
      "panes:cycle_panes", "view", ("F6",), (+1,)),
    A("actPrevPane", "act_prev_pane", QT_TRANSLATE_NOOP("MainWindow", "Previous Pane"),
      "panes:cycle_panes", "view", ("Shift+F6",), (-1,)),
    Separator("view"),
    A("actUnitsView", "act_units", QT_TRANSLATE_NOOP("MainWindow", "&Units"), "docks.units_dock", "view", made=Made.DOCK),
    A("actDashboard", "act_dashboard", QT_TRANSLATE_NOOP("MainWindow", "Progress &Dashboard"),
      "docks.dashboard_dock", "view", made=Made.DOCK),
    A("actShowAll", "act_show_all", QT_TRANSLATE_NOOP("MainWindow", "Show All Tasks"),
      "docks.filter_unit", "view", (), ("",)),
    Submenu("view", "", "", QT_TRANSLATE_NOOP("MainWindow", "Language"),
            "actions:fill_languages", Fill.AT_START),
    # ---- Plan
    A("actNextYear", "act_next_year", QT_TRANSLATE_NOOP("MainWindow", "Draft Next Year's Plan"),
      "plans.draft_next_year", "plan", ("Ctrl+Shift+N",), writes=True, needs=P),
    A("actDuplicate", "act_duplicate", QT_TRANSLATE_NOOP("MainWindow", "D&uplicate Plan"),
      "plans.duplicate_plan", "plan", writes=True, needs=P),
    A("actDeletePlan", "act_delete_plan", QT_TRANSLATE_NOOP("MainWindow", "Delete Plan…"),
      "plans.delete_plan", "plan", writes=True, needs=P),
    Separator("plan"),
    A("actReview", "act_review", QT_TRANSLATE_NOOP("MainWindow", "&Review Draft…"),
      "docks.review_draft", "plan", ("Ctrl+Shift+R",), needs=P),
    A("actCheck", "act_check", QT_TRANSLATE_NOOP("MainWindow", "Chec&k Before Issuing…"),
      "docks.check_dialog", "plan", ("Ctrl+Shift+K",), needs=P),
    A("actCompare", "act_compare", QT_TRANSLATE_NOOP("MainWindow", "&Compare With…"),
      "docks.compare_dialog", "plan", needs=P),
    A("actRenameUnit", "act_rename_unit", QT_TRANSLATE_NOOP("MainWindow", "&Rename Unit…"),
      "docks.rename_unit_dialog", "plan", writes=True, needs=P),
    A("actTidy", "act_tidy", QT_TRANSLATE_NOOP("MainWindow", "Normalize &Punctuation"),
      "plans.tidy_punctuation", "plan", writes=True, needs=P),
    A("actExportBreakdown", "act_export_breakdown", QT_TRANSLATE_NOOP("MainWindow", "Export Task &Breakdown Table…"),
      "exports.export_breakdown_dialog", "plan", needs=P),
    Separator("plan"),
    A("actProperties", "act_properties", QT_TRANSLATE_NOOP("MainWindow", "Plan &Properties"),
      "select_plan_row", "plan", ("Alt+Return",), needs=P),
    # ---- Help
    A("actGuide", "act_guide", QT_TRANSLATE_NOOP("MainWindow", "&User Guide"), "helpmenu:show_guide", "help", (S.HelpContents,)),
    A("actAbout", "act_about", QT_TRANSLATE_NOOP("MainWindow", "&About Planbook"), "helpmenu:about", "help"),
)
# fmt: on


def kind_rows() -> list[ActionSpec]:
    """Edit ▸ New… : one row per node kind, from the kind table (its Ctrl+1…4)."""
    return [
        A(
            f"actNew_{kind}",
            "",
            QT_TRANSLATE_NOOP("MainWindow", "New {0}"),
            "tree_edits.new_of_kind",
            "",
            (spec.shortcut,),
            (kind,),
            writes=True,
            needs=P,
        )
        for kind, spec in KINDS.items()
    ]


def _text(spec: ActionSpec) -> str:
    text = QCoreApplication.translate(spec.context, spec.text)
    if spec.handler == "tree_edits.new_of_kind":
        from .editors import short_kind_names

        text = text.format(short_kind_names()[spec.args[0]])
    return text


def all_specs() -> list[ActionSpec]:
    return [row for row in ROWS if isinstance(row, ActionSpec)] + kind_rows()


def resolve(window: Any, handler: str) -> Callable[..., Any]:
    """The callable a handler name stands for on `window`."""
    module, sep, function = handler.partition(":")
    if sep:
        func = getattr(importlib.import_module(f"planbook.gui.{module}"), function)
        return lambda *args: func(window, *args)
    return attrgetter(handler)(window)


def _keys(keys: Keys) -> list[QKeySequence]:
    if keys == (PREFERENCES_KEYS,):
        keys = (S.Preferences,) if QKeySequence.keyBindings(S.Preferences) else ("Ctrl+,",)
    return [QKeySequence(k) for k in keys]


class ActionSet:
    """The window's actions made from the table: `by_name`, attributes set on the window, menus built."""

    def __init__(self, window: Any, guard: Callable[[Callable[[], Any]], Callable[[], None]]):
        self.window = window
        self.guard = guard  # library errors raised by a handler become one message (safety.py)
        self.specs = all_specs()
        self.by_name: dict[str, QAction] = {}
        self.spec_of: dict[str, ActionSpec] = {}
        for spec in self.specs:
            self._make(spec)
        window.act_new_kind = {
            spec.args[0]: self.by_name[spec.name] for spec in self.specs if spec.name.startswith("actNew_")
        }

    def _make(self, spec: ActionSpec) -> QAction:
        action = self._create(spec, _text(spec))
        action.setObjectName(spec.name)
        if spec.made is Made.HERE:
            action.triggered.connect(self.guard(self._slot(spec)))
        if spec.keys:
            action.setShortcuts(_keys(spec.keys))
        if spec.role is not None:
            action.setMenuRole(spec.role)
        if spec.tree_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.window.tree.addAction(action)
        self.by_name[spec.name] = action
        self.spec_of[spec.name] = spec
        if spec.attr:
            setattr(self.window, spec.attr, action)
        return action

    def _create(self, spec: ActionSpec, text: str) -> QAction:
        w = self.window
        if spec.made is Made.UNDO:
            return w.undo_stack.createUndoAction(w, text)
        if spec.made is Made.REDO:
            return w.undo_stack.createRedoAction(w, text)
        if spec.made is Made.DOCK:
            action = attrgetter(spec.handler)(w).toggleViewAction()
            action.setText(text)
            return action
        return QAction(text, w)

    def _slot(self, spec: ActionSpec) -> Callable[[], Any]:
        # Looked up when triggered: handlers may live on collaborators made after the actions.
        return lambda: resolve(self.window, spec.handler)(*spec.args)

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus: dict[str, QMenu] = {}
        for menu in MENUS:
            menus[menu.key] = bar.addMenu(QCoreApplication.translate(CONTEXT, menu.text))
            if menu.name:
                menus[menu.key].setObjectName(menu.name)
        for row in ROWS:
            self._place(menus[row.menu], row)
        return menus

    def _place(self, menu: QMenu, row: ActionSpec | Separator | Submenu) -> None:
        if isinstance(row, Separator):
            menu.addSeparator()
        elif isinstance(row, ActionSpec):
            menu.addAction(self.by_name[row.name])
        elif not row.filler:  # Edit ▸ New…
            menu.addMenu(QCoreApplication.translate(row.context, row.text)).addActions(
                [self.by_name[s.name] for s in kind_rows()]
            )
        else:
            self._submenu(menu, row)

    def _submenu(self, menu: QMenu, row: Submenu) -> None:
        sub = menu.addMenu(QCoreApplication.translate(row.context, row.text))
        if row.name:
            sub.setObjectName(row.name)
            setattr(self.window, row.attr, sub)
        module, _, function = row.filler.partition(":")
        fill = getattr(importlib.import_module(f"planbook.gui.{module}"), function)
        if row.fill is not Fill.AT_START:
            sub.aboutToShow.connect(lambda: fill(sub, self.window))
        if row.fill is not Fill.ON_SHOW:
            fill(sub, self.window)

    def update(self, has_plan: bool, on_node: bool, readonly: bool) -> None:
        """Enable what the selection allows; a read-only library offers no action that writes."""
        for spec in self.specs:
            if spec.needs is Needs.PLAN:
                self.by_name[spec.name].setEnabled(has_plan)
            elif spec.needs is Needs.NODE:
                self.by_name[spec.name].setEnabled(on_node)
        if readonly:
            for spec in self.specs:
                if spec.writes:
                    self.by_name[spec.name].setEnabled(False)

    def writing(self) -> list[QAction]:
        return [self.by_name[s.name] for s in self.specs if s.writes]


def fill_languages(menu: QMenu, window: Any) -> None:
    """View ▸ Language: the languages, the current one checked (the choice counts from the next start)."""
    from .helpmenu import set_language

    for code, name in (("zh", "中文（简体）"), ("en", "English")):
        act = menu.addAction(name, lambda _=False, c=code: set_language(window, c))
        act.setCheckable(True)
        act.setChecked(code == window.language)
