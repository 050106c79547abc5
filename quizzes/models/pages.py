from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.routing import KnownAncestorsMixin
from quizzes.forms import QuizPageForm


class QuizPage(KnownAncestorsMixin, Page):
    """A module's quiz (under a module page). Passing it, with every lesson done, earns the
    module's certificate."""

    class Feedback(models.TextChoices):
        AFTER_EACH = "after_each", _("After each question")
        AFTER_SUBMIT = "after_submit", _("After submitting")
        NEVER = "never", _("Never")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"), default=0, help_text=_("Drawn at random from the questions below; 0 means all.")
    )
    shuffle_choices = models.BooleanField(_("shuffle the choices"), default=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    show_feedback = models.CharField(
        _("show feedback"), max_length=16, choices=Feedback.choices, default=Feedback.AFTER_SUBMIT
    )
    reveal_answers_after_pass = models.BooleanField(_("reveal the correct answers after passing"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("shuffle_choices"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("show_feedback"),
                FieldPanel("reveal_answers_after_pass"),
            ],
            heading=_("Settings"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("question"), min_num=1),
    ]
    base_form_class = QuizPageForm
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def get_context(self, request, *args, **kwargs):
        from quizzes.models import Attempt

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            attempts = list(Attempt.objects.filter(user=request.user, quiz_key=self.translation_key))
            context["attempts"] = attempts
            context["open_attempt"] = next((a for a in attempts if not a.is_submitted), None)
            context["attempts_left"] = max(0, self.attempts_allowed - len(attempts)) if self.attempts_allowed else None
        return context
