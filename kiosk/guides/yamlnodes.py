"""Read a YAML document as plain strings, lists and mappings that remember their line.

Guide files are written by staff, not programmers. PyYAML's usual loader turns ``no``
into ``False`` and ``1.10`` into ``1.1``; here every value stays the text that was
written, and every value knows its line, so an error can say exactly where it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Scalar:
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Seq:
    items: list[Node]
    line: int


@dataclass(frozen=True, slots=True)
class Map:
    entries: dict[str, tuple[int, Node]]  # key -> (line of the key, value)
    line: int


Node = Scalar | Seq | Map


def _convert(node: yaml.Node) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return Scalar(str(node.value), line)
    if isinstance(node, yaml.SequenceNode):
        return Seq([_convert(child) for child in node.value], line)
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, tuple[int, Node]] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_line, "a name before ':' must be a single word")
            key = str(key_node.value)
            if key in entries:
                raise YamlError(key_line, f"'{key}' is written twice")
            entries[key] = (key_line, _convert(value_node))
        return Map(entries, line)
    raise YamlError(line, "unsupported YAML")  # pragma: no cover - PyYAML has no other kinds


# libyaml's parser where PyYAML was built with it (five times faster: the kiosk reads
# every guide at start-up); a file it refuses is read again by the Python parser, whose
# messages the hints below know. The base loader: every value stays text here, so the
# safe loader's guessing of numbers, dates and yes/no for each value is work thrown away.
_FAST_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def parse(text: str) -> Node | None:
    """Parse one YAML document; ``None`` for an empty file."""
    try:
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        root = _compose_explained(text)
    return None if root is None else _convert(root)


def _compose_explained(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "the file cannot be read"
        hint = ""
        if "mapping values are not allowed" in problem:
            hint = " (a text that contains ': ' must be put in quotes)"
        elif "found character '\\t'" in problem:
            hint = " (use spaces, not tabs, to indent)"
        raise YamlError(line, f"{problem}{hint}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, str(exc)) from None
