"""The centre's paper: how many pages one visitor may still print. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass

MAX_COPIES = 5


@dataclass(frozen=True, slots=True)
class PrintQuota:
    limit: int  # pages per visitor (config printing.max_pages_per_session); 0: printing off
    printed: int  # pages this visitor has printed so far

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.printed)

    def sheets(self, pages: int, copies: int) -> int:
        return max(0, pages) * max(0, copies)

    def allows(self, pages: int, copies: int) -> bool:
        if not self.enabled or pages <= 0 or not 1 <= copies <= MAX_COPIES:
            return False
        return self.sheets(pages, copies) <= self.remaining

    def max_copies(self, pages: int) -> int:
        """The most copies of a ``pages``-page document this visitor may still print."""
        if pages <= 0 or not self.enabled:
            return 0
        return min(MAX_COPIES, self.remaining // pages)
