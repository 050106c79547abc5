from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    """One learner's attempt at a quiz, in any language.

    What was drawn is stored here (question keys and each question's choice order), not a seed:
    editors may republish the question pool while the attempt is in progress.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    drawn = models.JSONField(_("questions drawn"), default=list)  # [{"key": uuid, "order": [choice keys]}]
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=7, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [models.UniqueConstraint(fields=["user", "quiz_key", "number"], name="unique_attempt_number")]
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.quiz_key}#{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Response(models.Model):
    """The learner's answer to one drawn question, saved as they go; graded on submit."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question_key = models.UUIDField(_("question"))
    answer = models.JSONField(_("answer"), null=True, blank=True)
    correct = models.BooleanField(_("correct"), default=False)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, default=0)
    saved_at = models.DateTimeField(_("saved"), auto_now=True)
    # Set when the learner checks this answer ("feedback after each question"): from then on
    # the answer is locked and its feedback may be shown, while the attempt is still open.
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [models.UniqueConstraint(fields=["attempt", "question_key"], name="unique_response_per_question")]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.question_key}"
