"""Undo commands: each wraps one core edit and the inverse `editing.apply` returned for it.

A command is pushed after its edit has already been applied (so a refused edit never reaches the stack); the
first `redo` that `QUndoStack.push` calls is therefore skipped. Typing in one field merges into one command.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from ..core import editing

TYPING_ID = 1  # commands with this id may merge (same field, same node, same typing session)

Apply = Callable[[editing.Edit, int | None], editing.Edit]


class EditCommand(QUndoCommand):
    """One undoable step: `forward` was applied and `backward` undoes it.

    `run(edit, plan_id)` applies an edit (opening plan `plan_id` first when another plan is shown) and returns
    the inverse.
    """

    def __init__(self, run: Apply, text: str, forward: editing.Edit, backward: editing.Edit,
                 plan_id: int | None, merge_key: Hashable | None = None):
        super().__init__(text)
        self._run = run
        self.forward = forward
        self.backward = backward
        self.plan_id = plan_id
        self.merge_key = merge_key
        self._done = True

    def redo(self) -> None:
        if self._done:  # push() calls redo; the edit is already in the library
            return
        self.backward = self._run(self.forward, self.plan_id)
        self._done = True

    def undo(self) -> None:
        self.forward = self._run(self.backward, self.plan_id)
        self._done = False

    def id(self) -> int:
        return TYPING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        # Keep the first inverse (what the field held before typing began), take the latest forward.
        self.forward = other.forward
        return True
