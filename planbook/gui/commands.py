"""Undo commands: each wraps one core edit and the inverse `editing.apply` returned for it (`Change.inverse`).

A command is pushed after its edit has already been applied (so a refused edit never reaches the stack); the
first `redo` that `QUndoStack.push` calls is therefore skipped. Typing in one field merges into one command.

A stored edit can fail when it is undone or redone: another program may have deleted the node it names, the disk
may be full. The library is then unchanged (each edit is one transaction); the command reports the error
through `on_error` and marks itself obsolete, so QUndoStack takes it off the stack instead of believing it ran.
A command marked `stale` (what it names was deleted elsewhere) fails the same way without running at all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from ..core import editing

TYPING_ID = 1  # commands with this id may merge (same field, same node, same typing session)

Apply = Callable[[editing.Edit, int | None], editing.Change]
OnError = Callable[["EditCommand", Exception, bool], None]  # (command, error, undoing)


class StaleEdit(Exception):
    """A stored edit names a node or plan that another program has deleted since."""


class EditCommand(QUndoCommand):
    """One undoable step: `forward` was applied and `backward` undoes it.

    `run(edit, plan_id)` applies an edit (showing the plan it changed) and returns its change record.
    """

    def __init__(
        self,
        run: Apply,
        text: str,
        forward: editing.Edit,
        backward: editing.Edit,
        plan_id: int | None,
        merge_key: Hashable | None = None,
        on_error: OnError | None = None,
    ):
        super().__init__(text)
        self._run = run
        self.forward = forward
        self.backward = backward
        self.plan_id = plan_id
        self.merge_key = merge_key
        self._done = True
        self.on_error = on_error
        self.stale = False

    def redo(self) -> None:
        if self._done:  # push() calls redo; the edit is already in the library
            return
        if self._attempt(self.forward, undoing=False):
            self._done = True

    def undo(self) -> None:
        if self._attempt(self.backward, undoing=True):
            self._done = False

    def pending(self) -> editing.Edit:
        """The edit that undo (when done) or redo (when undone) would run next."""
        return self.backward if self._done else self.forward

    def _attempt(self, edit: editing.Edit, undoing: bool) -> bool:
        try:
            if self.stale:
                raise StaleEdit(self.text())
            inverse = self._run(edit, self.plan_id).inverse
        except Exception as e:  # noqa: BLE001 - any failure must leave the stack sane, never half-run
            self.setObsolete(True)  # QUndoStack drops it once undo()/redo() returns
            if self.on_error is None:
                raise
            self.on_error(self, e, undoing)
            return False
        if undoing:
            self.forward = inverse
        else:
            self.backward = inverse
        return True

    def id(self) -> int:
        return TYPING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        if self.stale:  # typing on after another program changed the node: a fresh step, undoable on its own
            return False
        # Keep the first inverse (what the field held before typing began), take the latest forward.
        self.forward = other.forward
        return True
