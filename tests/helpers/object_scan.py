"""A marker scan of the kiosk itself, as the disk scan is of the disk.

After a visitor typed a marker into every input the kiosk owns, walk every live QObject:
its Qt properties (texts, window titles, tool tips, accessible names ...), the data of
every item model, the undo history of every text field, and the plain Python attributes
of the kiosk's own objects (a few levels deep). State that forgot to register as a
visitor part is found this way without anyone remembering to write a test for it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
# How deep plain Python attributes are followed (object -> list -> dataclass -> str).
_DEPTH = 4


def _objects(roots: Iterable[QObject]) -> Iterator[QObject]:
    seen: set[int] = set()
    stack = [r for r in roots if shiboken6.isValid(r)]
    while stack:
        obj = stack.pop()
        key = id(obj)
        if key in seen or not shiboken6.isValid(obj):
            continue
        seen.add(key)
        yield obj
        stack.extend(c for c in obj.children() if shiboken6.isValid(c))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("utf-8", "replace")
    elif isinstance(value, QUrl):
        yield value.toString()
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


def _properties(obj: QObject) -> Iterator[tuple[str, str]]:
    meta = obj.metaObject()
    for index in range(meta.propertyCount()):
        prop = meta.property(index)
        name = prop.name()
        if not prop.isReadable():
            continue
        try:
            value = obj.property(name)
        except Exception:  # some properties are not convertible to Python
            continue
        for text in _strings(value):
            yield f"property {name}", text
    for name in obj.dynamicPropertyNames():
        key = bytes(name.data()).decode()
        try:
            value = obj.property(key)
        except Exception:  # Qt's own internal ones are not convertible
            continue
        for text in _strings(value):
            yield f"dynamic property {key}", text


def _model_data(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> Iterator[str]:
    if depth > 3:
        return
    for row in range(model.rowCount(parent)):
        for column in range(max(1, model.columnCount(parent))):
            index = model.index(row, column, parent)
            for role in _ROLES:
                yield from _strings(model.data(index, role))
            if model.hasChildren(index):
                yield from _model_data(model, index, depth + 1)


def _python_values(value: Any, depth: int, seen: set[int]) -> Iterator[str]:
    if depth > _DEPTH or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str | bytes | bytearray | QUrl):
        yield from _strings(value)
    elif isinstance(value, dict):
        for key, item in list(value.items()):
            yield from _python_values(key, depth + 1, seen)
            yield from _python_values(item, depth + 1, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in list(value):
            yield from _python_values(item, depth + 1, seen)
    elif isinstance(value, QObject):
        return  # walked as an object of its own
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _python_values(getattr(value, field.name, None), depth + 1, seen)
    elif type(value).__module__.startswith("kiosk.") and hasattr(value, "__dict__"):
        for item in list(vars(value).values()):
            yield from _python_values(item, depth + 1, seen)


def _undone_text(field: QLineEdit) -> list[str]:
    """What Ctrl+Z would bring back into ``field`` (redone afterwards)."""
    texts = []
    steps = 0
    while field.isUndoAvailable() and steps < 200:
        field.undo()
        steps += 1
        texts.append(field.text())
    for _ in range(steps):
        field.redo()
    return texts


def find_marker(marker: str, roots: Iterable[QObject], skip: tuple[type, ...] = ()) -> list[str]:
    """Every place ``marker`` is still found, described for the failure message.

    ``skip``: classes whose own attributes legitimately hold visitor data (say why at the
    call site), e.g. the help desk's outbox still delivering a request."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    everything = [*roots, app, *app.topLevelWidgets(), *app.allWidgets()]
    found: list[str] = []
    for obj in _objects(everything):
        if isinstance(obj, skip):
            continue
        where = f"{type(obj).__name__} {obj.objectName()!r}"
        for what, text in _properties(obj):
            if marker in text:
                found.append(f"{where}: {what}")
        if isinstance(obj, QAbstractItemModel) and any(
            marker in text for text in _model_data(obj, QModelIndex())
        ):
            found.append(f"{where}: model data")
        if isinstance(obj, QLineEdit) and any(marker in text for text in _undone_text(obj)):
            found.append(f"{where}: undo history")
        if isinstance(obj, QTextDocument) and obj.isUndoAvailable():
            found.append(f"{where}: a text document with undo history")
        attributes = getattr(obj, "__dict__", {})
        for name, value in list(attributes.items()):
            if isinstance(value, skip):
                continue
            if any(marker in text for text in _python_values(value, 0, set())):
                found.append(f"{where}: attribute {name}")
    return found
