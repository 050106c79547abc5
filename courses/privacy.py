"""courses' part of the privacy registry: a learner's progress through the lessons."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.privacy_registry import Erase, page_titles, register

from .models import LessonPage, LessonProgress


def lesson_progress_export(user) -> list[dict]:
    rows = list(
        LessonProgress.objects.filter(user=user)
        .order_by("started_at", "pk")
        .values("lesson_key", "status", "started_at", "completed_at")
    )
    titles = page_titles(LessonPage, [row["lesson_key"] for row in rows], translation.get_language())
    statuses = dict(LessonProgress.Status.choices)
    return [
        {
            "lesson": titles.get(row["lesson_key"], ""),
            "lesson_key": row["lesson_key"],
            "status": str(statuses.get(row["status"], row["status"])),
            "started_at": row["started_at"],
            "completed_at": row["completed_at"],
        }
        for row in rows
    ]


register(
    LessonProgress,
    label=_("Lesson progress"),
    export=lesson_progress_export,
    columns={
        "lesson": _("lesson"),
        "lesson_key": _("lesson key"),
        "status": _("status"),
        "started_at": _("started"),
        "completed_at": _("completed"),
    },
    erase=Erase.DELETE,
)
