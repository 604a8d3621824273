"""The small typed-settings base that ``kiosk.config`` declares its sections with.

The kiosk's settings were pydantic models; pydantic cost every kiosk start about 16 MiB
and a tenth of a second (issue 14), for eleven flat sections of text, numbers, flags and
lists. This keeps the same way of declaring them (``Field(default, description=...,
ge=..., le=...)``, ``@field_validator``, ``@model_validator(mode="after")``,
``model_copy``, ``model_dump``, ``model_fields``) on frozen dataclasses, with the same
strict rules: unknown keys are errors, no type is coerced (``"5"`` is not a number,
``1`` is not ``true``), and every problem is reported at once as an error record that
``kiosk.config`` puts into words.

Pure Python (no Qt).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Self

#: One problem: ``loc`` (the key's parts), ``type`` (what kind), ``msg``, ``input``, ``ctx``.
Problem = dict[str, Any]

_MISSING: Any = dataclasses.MISSING


class ValidationError(ValueError):
    """Settings that do not validate; ``errors()`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the settings")
        self._problems = problems

    def errors(self) -> list[Problem]:
        return list(self._problems)


@dataclasses.dataclass(frozen=True)
class FieldInfo:
    """What ``model_fields`` says about a setting."""

    annotation: Any
    description: str
    default: Any


def Field(  # noqa: N802 - named like the declarations it replaces
    default: Any = _MISSING,
    *,
    default_factory: Callable[[], Any] | None = None,
    description: str = "",
    ge: int | None = None,
    le: int | None = None,
    exclude: bool = False,
) -> Any:
    """A setting's default, description and limits."""
    metadata = {"description": description, "ge": ge, "le": le, "exclude": exclude}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def field_validator(*names: str, mode: str = "after") -> Callable[[Any], Any]:
    """Marks a classmethod that checks (``after``) or converts (``before``) ``names``;
    it raises ValueError with a plain message."""

    def mark(method: Any) -> Any:
        function = method.__func__ if isinstance(method, classmethod) else method
        setattr(function, "__field_validator__", (names, mode))  # noqa: B010
        return method

    return mark


def model_validator(*, mode: str = "after") -> Callable[[Any], Any]:
    """Marks a method that checks the whole section once its fields are valid."""
    if mode != "after":
        raise ValueError("only mode='after' is supported")

    def mark(function: Any) -> Any:
        setattr(function, "__model_validator__", True)  # noqa: B010
        return function

    return mark


class BaseModel:
    """A frozen settings section: subclasses are made dataclasses of their own."""

    if typing.TYPE_CHECKING:
        # The dataclass's own __init__ (every setting by keyword, each with a default).
        def __init__(self, **values: Any) -> None: ...

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _hints: ClassVar[dict[str, Any] | None] = None
    _before: ClassVar[dict[str, list[Callable[..., Any]]]]
    _after: ClassVar[dict[str, list[Callable[..., Any]]]]
    _checks: ClassVar[list[Callable[..., Any]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True)(cls)
        cls._hints = None
        cls._before, cls._after, cls._checks = {}, {}, []
        for klass in reversed(cls.__mro__):
            for attribute in vars(klass).values():
                function = getattr(attribute, "__func__", attribute)
                marks = getattr(function, "__field_validator__", None)
                if marks is not None:
                    names, mode = marks
                    table = cls._before if mode == "before" else cls._after
                    for name in names:
                        table.setdefault(name, []).append(function)
                if getattr(function, "__model_validator__", False):
                    cls._checks.append(function)

    # -- what pydantic's models offered --------------------------------------------------
    @classmethod
    def _types(cls) -> dict[str, Any]:
        if cls._hints is None:
            cls._hints = typing.get_type_hints(cls, include_extras=True)
        return cls._hints

    @classmethod
    def _model_fields(cls) -> dict[str, FieldInfo]:
        types = cls._types()
        return {
            f.name: FieldInfo(
                _plain(types[f.name]),
                str(f.metadata.get("description", "")),
                f.default_factory() if callable(f.default_factory) else f.default,
            )
            for f in dataclasses.fields(cls)
        }

    model_fields: ClassVar[dict[str, FieldInfo]]

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with ``update``'s fields changed (not validated, as pydantic's)."""
        return dataclasses.replace(self, **(update or {}))

    def model_dump(self, *, exclude: set[str] | None = None) -> dict[str, Any]:
        """The settings as plain values (sections as dicts; excluded fields left out)."""
        dumped: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.metadata.get("exclude") or (exclude and f.name in exclude):
                continue
            value = getattr(self, f.name)
            if isinstance(value, BaseModel):
                value = value.model_dump()
            elif isinstance(value, list):
                value = list(value)
            dumped[f.name] = value
        return dumped

    @classmethod
    def model_validate(cls, raw: Any) -> Self:
        problems: list[Problem] = []
        made = cls._build(raw, (), problems)
        if problems or made is None:
            raise ValidationError(problems)
        return made

    # -- validation ----------------------------------------------------------------------
    @classmethod
    def _build(cls, raw: Any, loc: tuple[Any, ...], problems: list[Problem]) -> Self | None:
        if not isinstance(raw, dict):
            problems.append(_problem(loc, "model_type", "must be a section", raw))
            return None
        types = cls._types()
        fields = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        before = len(problems)
        for name, f in fields.items():
            if f.metadata.get("exclude") or name not in raw:
                continue
            try:
                value = _apply(cls, cls._before.get(name, []), raw[name])
                checked = _check(types[name], f, value, (*loc, name), problems)
                if checked is not _MISSING:
                    values[name] = _apply(cls, cls._after.get(name, []), checked)
            except ValueError as exc:
                message = f"Value error, {exc}"
                problems.append(_problem((*loc, name), "value_error", message, raw[name]))
        for name in raw:
            if name not in fields or fields[name].metadata.get("exclude"):
                problems.append(
                    _problem(
                        (*loc, name), "extra_forbidden", "Extra inputs are not permitted", raw[name]
                    )
                )
        if len(problems) > before:
            return None
        made = cls(**values)
        for check in cls._checks:
            try:
                check(made)
            except ValueError as exc:
                problems.append(_problem(loc, "value_error", f"Value error, {exc}", raw))
        return made


def _apply(cls: type, validators: list[Callable[..., Any]], value: Any) -> Any:
    for validate in validators:
        value = validate(cls, value)
    return value


def _problem(
    loc: tuple[Any, ...], kind: str, msg: str, value: Any, ctx: dict[str, Any] | None = None
) -> Problem:
    problem: Problem = {"loc": loc, "type": kind, "msg": msg, "input": value}
    if ctx:
        problem["ctx"] = ctx
    return problem


def _plain(annotation: Any) -> Any:
    """``Annotated[int, ...]`` -> ``int``."""
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _limits(annotation: Any, f: dataclasses.Field[Any]) -> tuple[int | None, int | None]:
    ge, le = f.metadata.get("ge"), f.metadata.get("le")
    if typing.get_origin(annotation) is typing.Annotated:
        for extra in typing.get_args(annotation)[1:]:
            if isinstance(extra, dataclasses.Field):
                ge = extra.metadata.get("ge") if ge is None else ge
                le = extra.metadata.get("le") if le is None else le
    return ge, le


def _check(
    annotation: Any,
    f: dataclasses.Field[Any],
    value: Any,
    loc: tuple[Any, ...],
    problems: list[Problem],
) -> Any:
    """``value`` if it has the declared type (strictly), else a problem and ``_MISSING``."""
    kind = _plain(annotation)
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        made = kind._build(value, loc, problems)
        return _MISSING if made is None else made
    if kind is bool:
        if isinstance(value, bool):
            return value
        problems.append(_problem(loc, "bool_type", "Input should be a valid boolean", value))
        return _MISSING
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(_problem(loc, "int_type", "Input should be a valid integer", value))
            return _MISSING
        ge, le = _limits(annotation, f)
        if ge is not None and value < ge:
            problems.append(_problem(loc, "greater_than_equal", "too small", value, {"ge": ge}))
            return _MISSING
        if le is not None and value > le:
            problems.append(_problem(loc, "less_than_equal", "too large", value, {"le": le}))
            return _MISSING
        return value
    if kind is str:
        if isinstance(value, str):
            return value
        problems.append(_problem(loc, "string_type", "Input should be a valid string", value))
        return _MISSING
    if origin is list:
        if not isinstance(value, list):
            problems.append(_problem(loc, "list_type", "Input should be a valid list", value))
            return _MISSING
        (item_kind,) = typing.get_args(kind)
        good = True
        for index, item in enumerate(value):
            if _check(item_kind, f, item, (*loc, index), problems) is _MISSING:
                good = False
        return list(value) if good else _MISSING
    if kind == Path | None:
        if value is None or isinstance(value, Path):
            return value
        problems.append(_problem(loc, "is_instance_of", "Input should be a path", value))
        return _MISSING
    raise TypeError(f"settings of type {kind!r} are not supported (at {'.'.join(map(str, loc))})")


class _ModelFields:
    """``Section.model_fields``: name -> FieldInfo (description, annotation, default)."""

    def __get__(self, instance: object, owner: type[BaseModel]) -> dict[str, FieldInfo]:
        return owner._model_fields()


BaseModel.model_fields = _ModelFields()  # type: ignore[assignment]
