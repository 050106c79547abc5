"""Quiz questions and their choices: relational rows, translatable, with stable keys.

Attempts and statistics refer to questions and choices by `translation_key`, so a class
answering in French and in Bambara shares one statistics table, and re-publishing the page
(which re-creates these rows) does not break an attempt in progress.
"""

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from quizzes import grading


class Question(TranslatableMixin, Orderable, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = grading.SINGLE, _("Single choice")
        MULTIPLE = grading.MULTIPLE, _("Multiple choice")
        TRUE_FALSE = grading.TRUE_FALSE, _("True or false")
        REAL_OR_FAKE = grading.REAL_OR_FAKE, _("Real or fake?")
        ORDERING = grading.ORDERING, _("Put in order")
        MATCHING = grading.MATCHING, _("Matching")
        REFLECTION = grading.REFLECTION, _("Reflection (not graded)")

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = grading.ALL_OR_NOTHING, _("All or nothing")
        PARTIAL = grading.PARTIAL, _("Partial credit")
        PAIRS = grading.PAIRS, _("Partial credit by pairs (ordering)")

    class ReflectionFormat(models.TextChoices):
        FREE_TEXT = "free_text", _("Free text")
        SCALE = "scale", _("Opinion scale")

    page = ParentalKey("quizzes.QuizPage", related_name="questions", on_delete=models.CASCADE)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"), max_length=1000)
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    mode = models.CharField(_("scoring"), max_length=20, choices=Mode.choices, default=Mode.ALL_OR_NOTHING)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image description"), max_length=500, blank=True)
    # Sound is an uploaded document (as lesson narration is): no media library to add for one field.
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio clip"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio_transcript = models.TextField(
        _("transcript or description of the audio clip"),
        blank=True,
        help_text=_("Required with an audio clip: learners who cannot listen read it instead."),
    )
    answer_true = models.BooleanField(_("the statement is true"), null=True, blank=True)
    real_or_fake = models.CharField(
        _("the item is"), max_length=4, blank=True, choices=[("real", _("Real")), ("fake", _("Fake"))]
    )
    explanation = models.TextField(_("explanation shown after answering"), blank=True)
    sensitive = models.BooleanField(
        _("sensitive"), default=False, help_text=_("Answers are only ever shown to teachers as anonymous totals.")
    )
    reflection_format = models.CharField(
        _("reflection format"), max_length=12, blank=True, choices=ReflectionFormat.choices
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("points"), FieldPanel("mode"), FieldPanel("answer_true"), FieldPanel("real_or_fake")],
            heading=_("Answer and scoring"),
        ),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("audio"), FieldPanel("audio_transcript")],
            heading=_("Media"),
        ),
        FieldPanel("explanation"),
        MultiFieldPanel([FieldPanel("sensitive"), FieldPanel("reflection_format")], heading=_("Reflection")),
        InlinePanel("choices", heading=_("Choices, items or pairs"), label=_("choice")),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class Choice(TranslatableMixin, Orderable):
    """A choice (single/multiple), an item to order (in the right order), or a matching pair.

    For matching, `text` is the left side and `match` the right side; a row with only a
    `match` is a distractor. Translatable, so wagtail-localize offers its texts to translators;
    its `translation_key` is the same in every language, and attempts refer to it.
    """

    question = ParentalKey(Question, related_name="choices", on_delete=models.CASCADE)
    text = models.CharField(_("text"), max_length=500, blank=True)
    correct = models.BooleanField(_("correct"), default=False)
    match = models.CharField(_("matches (matching questions)"), max_length=500, blank=True)
    feedback = models.CharField(_("feedback when chosen"), max_length=500, blank=True)

    panels = [FieldPanel("text"), FieldPanel("correct"), FieldPanel("match"), FieldPanel("feedback")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text[:80] or self.match[:80]


@receiver(pre_save, sender=Choice)
def choice_locale_follow_question(sender, instance: Choice, raw: bool = False, **kwargs) -> None:
    """Keep a choice in its question's locale, and its key unique in that locale.

    Wagtail's page copy sets the locale of a page's direct children only (wagtail#14425;
    wagtail-localize works around it, Page.copy_for_translation does not), and a copy in the
    same locale keeps the nested keys. Both would break the (translation_key, locale) constraint.
    """
    if raw:
        return
    locale_id = instance.question.locale_id
    if instance.locale_id != locale_id:
        instance.locale_id = locale_id
    elif (
        instance._state.adding
        and Choice.objects.filter(translation_key=instance.translation_key, locale_id=locale_id)
        .exclude(question_id=instance.question_id)
        .exists()
    ):
        instance.translation_key = uuid.uuid4()  # a copy of the page, not a translation
