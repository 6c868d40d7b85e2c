"""What the Qt-free core says to the user: English templates with named fields, translated by the window.

A `Message` is the English sentence itself (a `str`, so the CLI, logs and JSON use it unchanged) that also
keeps the template and the field values it was made from. The window translates the template and fills in the
same values (`planbook.gui.messages.describe`); a field that is itself a `Message` (a nested reason) is
translated too, while file names, numbers and other values are shown as they are.

Templates are marked where they are written, for `pyside6-lupdate`, which reads the text without running it:

    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=name)
    doc.warn(QT_TRANSLATE_NOOP("Messages", "no plan title found"))

So the call is spelled out each time, with the literal context "Messages" and literal strings (adjacent
literals are joined); `scripts/update_translations.py` collects them from the Qt-free packages into the .ts.
"""

from __future__ import annotations

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


class Message(str):
    """The English sentence `template.format(**fields)`, remembering `template` and `fields`."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, /, **fields: object) -> Message:
        self = super().__new__(cls, template.format(**fields))
        self.template, self.fields = template, fields
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:  # copy and pickle rebuild it whole
        return (self.template,), self.fields
