"""What each kind of staff account may do.

``staff`` answer help requests; ``publisher`` may also publish guide packs;
``coordinator`` may do everything (kiosks and their remote commands, statistics,
guide packs). Endpoints ask for a :class:`Permission`, never for a role, through
:func:`kiosk.helpdesk.server.deps.requires`; a new role is one line in
:data:`PERMISSIONS`.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    STAFF = "staff"
    PUBLISHER = "publisher"
    COORDINATOR = "coordinator"


class Permission(StrEnum):
    HANDLE_REQUESTS = "handle_requests"
    PUBLISH_GUIDES = "publish_guides"
    VIEW_STATISTICS = "view_statistics"
    MANAGE_KIOSKS = "manage_kiosks"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.STAFF: frozenset({Permission.HANDLE_REQUESTS}),
    Role.PUBLISHER: frozenset({Permission.HANDLE_REQUESTS, Permission.PUBLISH_GUIDES}),
    Role.COORDINATOR: frozenset(Permission),
}


def can(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
