"""Reads on H5P activities for other apps (the teacher dashboard), in a fixed number of queries."""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from .models import H5PActivity, H5PResult, H5PUserState


@dataclass(frozen=True)
class PracticeScore:
    """One learner's H5P result on one activity of one lesson. Practice only: it comes from the
    learner's browser and never gates a certificate."""

    user_id: int
    activity_id: int
    activity_title: str
    lesson_key: UUID  # the lesson's translation_key
    raw: float
    max: float
    scaled: float  # the last score, 0 to 1
    best_scaled: float  # the best score so far, 0 to 1
    completed: bool
    updated_at: datetime

    @property
    def percent(self) -> int:
        return round(100 * self.scaled)

    @property
    def best_percent(self) -> int:
        return round(100 * self.best_scaled)


def h5p_results_for(*, user_ids: Collection[int]) -> dict[int, list[PracticeScore]]:
    """Every practice score of these learners, by user id (learners without any are absent),
    by activity title. One query, whatever the number of learners."""
    rows = (
        H5PResult.objects.filter(user_id__in=list(user_ids))
        .order_by("user_id", "activity__title", "lesson_key")
        .values_list(
            "user_id",
            "activity_id",
            "activity__title",
            "lesson_key",
            "raw",
            "max",
            "scaled",
            "best_scaled",
            "completed",
            "updated_at",
        )
    )
    by_user: dict[int, list[PracticeScore]] = defaultdict(list)
    for row in rows:
        by_user[row[0]].append(PracticeScore(*row))
    return dict(by_user)


def user_state_for(*, user, activity: H5PActivity) -> str:
    """The state the learner left the activity in ("" if none, or for a visitor)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return H5PUserState.objects.filter(user=user, activity=activity).values_list("state", flat=True).first() or ""
