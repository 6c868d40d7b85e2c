"""Errors the user is meant to read: each carries a one-line message fit for stderr or a dialog."""


class PlanbookError(Exception):
    """Base of every error Planbook reports to the user instead of a traceback."""


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
