"""Cut, copy and paste of sections and tasks in the structure tree, within a plan, between plans and into Word.

A copied row goes on the clipboard three ways: planbook/1 JSON (`application/x-planbook+json`, for pasting back
here with kinds, fields and progress intact), HTML in the 公文 fonts (Word and WPS paste it formatted) and
numbered plain text (any editor). Pasting takes the JSON when it is there; otherwise it reads copied text as the
importer does (a few tasks copied out of a Word file or a web page become rows), without the import preview.
Every paste and cut is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from ..core import editing, fragments
from ..core.errors import PlanbookError
from ..core.model import Node
from .messages import describe
from .treemodel import PLAN_ID


def _text_editor():
    """The focused text box, if any: Edit ▸ Cut/Copy/Paste act on its text, not on the tree's rows."""
    focus = QApplication.focusWidget()
    return focus if isinstance(focus, (QLineEdit, QPlainTextEdit, QTextEdit)) else None


def _numbers(window, node: Node) -> dict[int, str]:
    out = {}
    stack = [node]
    while stack:
        n = stack.pop()
        out[n.id] = window.model.number(n.id)
        stack.extend(n.children)
    return out


def mime_for(window, node: Node) -> QMimeData:
    numbers = _numbers(window, node)
    data = QMimeData()
    ancestors = []
    parent = window.model.parent_id(node.id)
    while parent is not None:
        ancestors.insert(0, window.model.node(parent))
        parent = window.model.parent_id(parent)
    text = fragments.to_json(window.model.plan, node, ancestors)
    data.setData(fragments.MIME_TYPE, QByteArray(text.encode("utf-8")))
    data.setHtml(fragments.to_html([node], numbers))
    data.setText(fragments.to_text([node], numbers))
    return data


def copy_rows(window) -> bool:
    if (editor := _text_editor()) is not None:
        editor.copy()
        return False
    node_id = window.current_id()
    if node_id in (None, PLAN_ID):
        return False
    QApplication.clipboard().setMimeData(mime_for(window, window.model.node(node_id)))
    window.statusBar().showMessage(
        QCoreApplication.translate("Clipboard", "Copied: paste it into a plan here, or into Word or WPS"), 4000
    )
    return True


def cut_rows(window) -> bool:
    if (editor := _text_editor()) is not None:
        editor.cut()
        return False
    node_id = window.current_id()
    if node_id in (None, PLAN_ID) or not copy_rows(window):
        return False
    window.tree_edits.delete_node(name=QCoreApplication.translate("Clipboard", "Cut"))
    return True


def clipboard_nodes(window) -> list[Node]:
    """The rows on the clipboard: planbook/1 JSON, else recognised from its HTML or text; [] when none."""
    mime = QApplication.clipboard().mimeData()
    if mime is None:
        return []
    try:
        if mime.hasFormat(fragments.MIME_TYPE):
            return fragments.from_json(bytes(mime.data(fragments.MIME_TYPE).data()).decode("utf-8"))
        from ..importers.pasted import parse_pasted

        html = mime.html() if mime.hasHtml() else ""
        text = mime.text() if mime.hasText() else ""
        if not (html.strip() or text.strip()):
            return []
        result = parse_pasted(html, text)
    except (PlanbookError, UnicodeDecodeError) as e:
        window.statusBar().showMessage(describe(e) if isinstance(e, PlanbookError) else str(e), 6000)
        return []
    return [n for plan in result.plans for n in plan.nodes]


def paste_rows(window) -> list[int]:
    """Paste after (or into) the selected row; returns the ids of the rows added."""
    if (editor := _text_editor()) is not None:
        editor.paste()
        return []
    if window.model.plan is None:
        return []
    nodes = clipboard_nodes(window)
    if not nodes:
        window.statusBar().showMessage(
            QCoreApplication.translate("Clipboard", "The clipboard holds no sections or tasks"), 5000
        )
        return []
    current = window.current_id()
    anchor = None if current in (None, PLAN_ID) else current
    batch = fragments.paste_edit(window.lib, window.model.plan_id, anchor, nodes)
    if batch is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Clipboard", "These rows cannot go here: select a task or section"), 5000
        )
        return []
    change = window.do(batch, QCoreApplication.translate("Clipboard", "Paste {0} Rows").format(len(nodes)))
    if change is None:
        return []
    inverse = change.inverse  # deleting the added rows
    inverses = inverse.edits if isinstance(inverse, editing.Batch) else (inverse,)
    added = [e.node_id for e in inverses if isinstance(e, editing.DeleteNode)]
    if added:
        window.select_node(min(added, key=lambda i: window.model.index_of(i).row()))
    return added
