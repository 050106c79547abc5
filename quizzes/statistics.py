"""Per-question statistics of a quiz.

Placeholder on the classrooms branch: the quizzes statistics branch replaces this file at merge.
"""

import uuid
from collections.abc import Collection


def quiz_statistics(
    *, quiz_key: uuid.UUID, learner_ids: Collection[int] | None = None, language: str | None = None
) -> list:
    """Statistics of each question of the quiz over the given learners. Placeholder: none yet."""
    return []
