"""The recogniser's working state: what has been read so far, and the warnings for the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.messages import Message
from ...core.model import Notice


@dataclass
class _Doc:
    """Working state: what has been read so far."""

    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    notice: Notice = field(default_factory=Notice)
    numbers: dict[int, int] = field(default_factory=dict)  # id(node) → number the source printed
    _said: set[str] = field(default_factory=set)  # the warnings' sentences, for a constant-time "said already?"
    forwarded_signers: list[str] = field(default_factory=list)  # who issued the plan a 转发 notice forwards

    def warn(self, template: str, /, **fields: object) -> None:
        message = Message(template, **fields)
        if message not in self._said:
            self._said.add(message)
            self.warnings.append(message)
