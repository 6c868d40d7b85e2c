"""Work-arounds for bugs in the Qt bindings, each checked at run time so it switches itself off once fixed.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference to it, so every emit made from
Python drops one reference to the `True` singleton. After some thousands of emits (an afternoon of editing)
the count reaches zero and Python aborts ("Fatal Python error: bool_dealloc"). `emit()` below gives the
reference back when, and only when, the running binding is found to leak.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    leaks = sys.getrefcount(True) <= before - 8
    if leaks:  # give back what the probe itself took
        for _ in range(16):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaks


EMIT_LEAKS_TRUE = _emit_leaks_true()


def emit(signal: SignalInstance, *args) -> None:
    """`signal.emit(*args)`, without the reference leak of the binding in use (see the module doc)."""
    result = signal.emit(*args)
    if EMIT_LEAKS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
