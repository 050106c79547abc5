"""Writes on courses. Other apps call these functions, not the models."""

from django.db import transaction
from django.utils import timezone

from .models import LessonPage, LessonProgress


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson completed for the learner, in every language. Idempotent."""
    progress, created = LessonProgress.objects.select_for_update().get_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        defaults={"status": LessonProgress.Status.COMPLETED, "completed_at": timezone.now()},
    )
    if not created and progress.status != LessonProgress.Status.COMPLETED:
        progress.status = LessonProgress.Status.COMPLETED
        progress.completed_at = timezone.now()
        progress.save(update_fields=["status", "completed_at"])
    return progress
