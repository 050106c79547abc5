"""Reads on certificates.

Placeholder on the classrooms branch: the certificates branch replaces this file at merge.
"""

import uuid
from collections.abc import Collection


def certificate_index(
    *, user_ids: Collection[int], course_keys: Collection[uuid.UUID]
) -> dict[tuple[int, uuid.UUID], object]:
    """The valid certificate of each (user id, course key) that has one. Placeholder: none yet."""
    return {}
