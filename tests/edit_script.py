"""Random but reproducible editing sessions: the same seed on the same library makes the same edits.

Used by the crash test's worker process and by the property tests, so both exercise every editing operation
through `editing.apply`, the path the GUI takes.
"""

from __future__ import annotations

import random

from planbook.core import editing as ed
from planbook.core.library import Library
from planbook.core.model import Field

OPERATIONS = ("add", "add", "delete", "up", "down", "indent", "outdent", "edit", "edit", "fields", "undo", "plan")


class Session:
    """A clerk at work: edits chosen at random from what the plan holds now, with an undo stack."""

    def __init__(self, lib: Library, plan_id: int, seed: int):
        self.lib, self.plan_id, self.rng = lib, plan_id, random.Random(seed)
        self.undo: list[ed.Edit] = []
        self.count = 0

    def step(self) -> None:
        """Make one edit (or one undo) and return once it is committed."""
        op = self.rng.choice(OPERATIONS)
        self.count += 1
        if op == "undo":
            if self.undo:
                ed.apply(self.lib, self.undo.pop())
            return
        edit = self.pick(op)
        if edit is not None:
            self.undo.append(ed.apply(self.lib, edit).inverse)

    def pick(self, op: str) -> ed.Edit | None:
        ids = [n.id for n in self.lib.load_plan(self.plan_id).walk()]
        n = self.count
        if not ids:
            return ed.new_node(self.lib, self.plan_id, None, title=f"节{n}") if op == "add" else None
        target = self.rng.choice(ids)
        match op:
            case "add":
                return ed.new_sibling(self.lib, target, title=f"新增{n}")
            case "delete":
                return ed.DeleteNode(target) if len(ids) > 3 else None
            case "up" | "down":
                return ed.move_by(self.lib, target, -1 if op == "up" else 1)
            case "indent":
                return ed.indent(self.lib, target)
            case "outdent":
                return ed.outdent(self.lib, target)
            case "edit":
                return ed.EditNode(target, title=f"标题{n}。", body="正文内容，" * self.rng.randint(0, 40))
            case "fields":
                return ed.SetFields(
                    target,
                    tuple(
                        Field(label, f"{label}{n}")
                        for label in self.rng.sample(["牵头单位", "责任单位", "完成时限"], 2)
                    ),
                )
            case "plan":
                return ed.UpdatePlan.of(
                    self.plan_id, preamble=f"总体要求{n}", **{"notice.doc_number": f"〔2021〕{n}号"}
                )
        return None
