"""Errors the user is meant to read: each carries a one-line message fit for stderr or a dialog.

Raise them with a marked template and its fields (see `messages`):

    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=name)

`str(error)` is the English sentence (what the CLI prints); `error.message` is the `Message` the window shows
in its own language. Templates only the command line ever shows (planbook/cli.py) go unmarked.
"""

from .messages import Message


class PlanbookError(Exception):
    """Base of every error Planbook reports to the user instead of a traceback."""

    def __init__(self, template: str, /, **fields: object) -> None:
        self.message = Message(template, **fields)
        super().__init__(self.message)


class LibraryError(PlanbookError):
    """The library file cannot be opened or used as asked."""


class ReadOnlyLibrary(LibraryError):
    """A write was asked of a library opened read-only."""


class NotFound(PlanbookError):
    """A plan or node id that is not in the library."""


class HierarchyError(PlanbookError):
    """An edit would put a node where the section → task hierarchy forbids it."""


class FormatError(PlanbookError):
    """An input document is malformed (bad JSON, unknown format, wrong types)."""
