"""Planbook: draft, keep, search and issue annual government work plans."""

__version__ = "0.1.0"
APP_NAME = "planbook"
