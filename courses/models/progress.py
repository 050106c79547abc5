from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    """A learner's progress on one lesson, in every language at once.

    Keyed by the lesson's `translation_key`, not its page id: the French, English and Bambara
    versions of a lesson are different pages, and wagtail-localize may re-create them.
    """

    class Status(models.TextChoices):
        STARTED = "started", _("started")
        COMPLETED = "completed", _("completed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson_key = models.UUIDField(_("lesson"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.STARTED)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_position = models.CharField(_("last position"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson_key"], name="unique_progress_per_lesson")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.lesson_key}:{self.status}"
