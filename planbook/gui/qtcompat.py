"""Guards against reference leaks in the Qt bindings, each measured at run time so it follows the binding in use.

PySide6 6.12.0 drops references to Python's singletons: `SignalInstance.emit()` returns `True` without taking a
reference to it, and every conversion of an empty Qt value to `None` (any model `data()` of an unset role,
any empty QVariant) drops one reference to `None`. On Python 3.11, whose singletons are ordinary objects, the
count reaches zero within minutes of typing and Python aborts ("Fatal Python error: none_dealloc"). Python
3.12 and later make `None`, `True` and `False` immortal, so no leak can reach zero there.

- The `True` leak of `emit()` can be paid back call by call: `emit()` below does so when the binding leaks.
- The `None` leak happens inside every conversion and cannot be paid back. A binding with it, on a Python whose
  `None` is mortal, is refused at start (`binding_problem`, asked by `app.run`) with the fix, instead of aborting later.

pyproject.toml keeps PySide6 below 6.12 on Python 3.11 (6.11.3 measures clean); these checks catch a binding
installed by other means (a system package, a hand-upgraded venv).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QStandardItem

from ..core.messages import QT_TRANSLATE_NOOP  # typed: PySide6's is declared to return object

PROBES = 16  # calls per probe; a leaking binding loses exactly one reference per call


class _Probe(QObject):
    ping = Signal()


def singletons_immortal() -> bool:
    """Python 3.12+ (PEP 683): reference counts of None/True/False never reach zero, so leaks are harmless."""
    return sys.version_info >= (3, 12)


def _leaks(singleton: object, call: Callable[[], object]) -> bool:
    """Does `call()` drop a reference to `singleton`? Gives back whatever the probe itself took."""
    before = sys.getrefcount(singleton)
    for _ in range(PROBES):
        call()
    lost = before - sys.getrefcount(singleton)
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(singleton))
    return lost >= PROBES // 2


def _emit_leaks_true() -> bool:
    probe = _Probe()
    return _leaks(True, probe.ping.emit)


def _conversion_leaks_none() -> bool:
    item = QStandardItem()
    return _leaks(None, lambda: item.data(Qt.ItemDataRole.UserRole))


EMIT_LEAKS_TRUE = _emit_leaks_true()
CONVERSION_LEAKS_NONE = _conversion_leaks_none()


def emit(signal: SignalInstance, *args) -> None:
    """`signal.emit(*args)`, without the reference leak of the binding in use (see the module doc)."""
    result = signal.emit(*args)
    if EMIT_LEAKS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


BINDING_PROBLEM = QT_TRANSLATE_NOOP(
    "Binding",
    "PySide6 {0} on Python {1} loses a reference to None on every Qt value it converts, so the window would "
    'abort within minutes. Install PySide6 6.11 with\n\n{2} -m pip install "PySide6>=6.7,<6.12"\n\nor run '
    "Planbook on Python 3.12 or later.",
)


def binding_problem(translate: Callable[[str, str], str] = lambda _context, text: text) -> str | None:
    """Why the running binding cannot be used (translated by `translate` when given), or None."""
    if not CONVERSION_LEAKS_NONE or singletons_immortal():
        return None
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return translate("Binding", BINDING_PROBLEM).format(PySide6.__version__, python, sys.executable)
