"""A visitor's own choices: language, text size, contrast. Reset by every wipe.

Pure Python. The shell listens for changes and re-renders; it keeps no copy of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

#: Text size steps, as a factor of the normal size (100 % to 200 %).
TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 1.75, 2.0)


@dataclass(frozen=True, slots=True)
class Choices:
    language: str
    text_scale_index: int = 0
    high_contrast: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_scale_index]


class Preferences:
    """The current visitor's choices, with listeners called after each change."""

    def __init__(self, default_language: str, languages: tuple[str, ...]) -> None:
        if default_language not in languages:
            raise ValueError(f"{default_language!r} is not one of {languages}")
        self.languages = languages
        self._defaults = Choices(language=default_language)
        self._choices = self._defaults
        self._listeners: list[Callable[[Choices, Choices], None]] = []

    @property
    def choices(self) -> Choices:
        return self._choices

    @property
    def defaults(self) -> Choices:
        return self._defaults

    def on_change(self, listener: Callable[[Choices, Choices], None]) -> None:
        """``listener(old, new)`` runs after every change."""
        self._listeners.append(listener)

    def _set(self, new: Choices) -> bool:
        old = self._choices
        if new == old:
            return False
        self._choices = new
        for listener in list(self._listeners):
            listener(old, new)
        return True

    def set_language(self, language: str) -> bool:
        if language not in self.languages:
            raise ValueError(f"{language!r} is not offered here")
        return self._set(replace(self._choices, language=language))

    def bigger_text(self) -> bool:
        index = min(self._choices.text_scale_index + 1, len(TEXT_SCALES) - 1)
        return self._set(replace(self._choices, text_scale_index=index))

    def smaller_text(self) -> bool:
        index = max(self._choices.text_scale_index - 1, 0)
        return self._set(replace(self._choices, text_scale_index=index))

    def toggle_contrast(self) -> bool:
        return self._set(replace(self._choices, high_contrast=not self._choices.high_contrast))

    def reset(self) -> bool:
        """Back to the defaults (every wipe does this)."""
        return self._set(self._defaults)

    @property
    def can_grow(self) -> bool:
        return self._choices.text_scale_index < len(TEXT_SCALES) - 1

    @property
    def can_shrink(self) -> bool:
        return self._choices.text_scale_index > 0
