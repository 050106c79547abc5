"""The quiz editor's form: refuses a question that could never be answered right."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from quizzes import grading

MSG_NO_CORRECT_CHOICE = _("Mark at least one choice as correct.")
MSG_SINGLE_NEEDS_ONE = _("A single-choice question needs exactly one correct choice.")
MSG_ORDERING_NEEDS_ITEMS = _("An ordering question needs at least two items.")
MSG_MATCHING_NEEDS_PAIRS = _("A matching question needs at least two pairs.")
MSG_TRUE_FALSE_ANSWER = _("Say whether the statement is true or false.")
MSG_REAL_OR_FAKE_ANSWER = _("Say whether the item is real or fake.")
MSG_MODE_NOT_FOR_KIND = _("This scoring does not apply to this type of question.")
MSG_AUDIO_NEEDS_TRANSCRIPT = _("Write what the audio clip says (or describes) for learners who cannot listen.")
MSG_IMAGE_NEEDS_DESCRIPTION = _("Describe the image for learners who cannot see it.")
MSG_SCALE_NEEDS_POINTS = _("An opinion scale needs at least two choices (its points, in order).")


def _live_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.cleaned_data:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        rows.append(form.cleaned_data)
    return rows


def question_problems(question: dict, choices: list[dict]) -> dict[str, str]:
    """Field name -> message for one question's data (pure, so it is easy to test)."""
    kind, mode = question.get("kind"), question.get("mode") or grading.ALL_OR_NOTHING
    problems: dict[str, str] = {}
    if mode not in grading.MODES.get(kind, (grading.ALL_OR_NOTHING,)):
        problems["mode"] = MSG_MODE_NOT_FOR_KIND
    correct = [row for row in choices if row.get("correct")]
    if kind == grading.SINGLE and len(correct) != 1:
        problems["kind"] = MSG_SINGLE_NEEDS_ONE if correct else MSG_NO_CORRECT_CHOICE
    elif kind == grading.MULTIPLE and not correct:
        problems["kind"] = MSG_NO_CORRECT_CHOICE
    elif kind == grading.ORDERING and len([row for row in choices if row.get("text")]) < 2:
        problems["kind"] = MSG_ORDERING_NEEDS_ITEMS
    elif kind == grading.MATCHING and len([row for row in choices if row.get("text") and row.get("match")]) < 2:
        problems["kind"] = MSG_MATCHING_NEEDS_PAIRS
    elif kind == grading.TRUE_FALSE and question.get("answer_true") is None:
        problems["answer_true"] = MSG_TRUE_FALSE_ANSWER
    elif kind == grading.REAL_OR_FAKE and not question.get("real_or_fake"):
        problems["real_or_fake"] = MSG_REAL_OR_FAKE_ANSWER
    elif (
        kind == grading.REFLECTION
        and question.get("reflection_format") == "scale"
        and len([row for row in choices if row.get("text")]) < 2
    ):
        problems["reflection_format"] = MSG_SCALE_NEEDS_POINTS
    if question.get("audio") and not (question.get("audio_transcript") or "").strip():
        problems["audio_transcript"] = MSG_AUDIO_NEEDS_TRANSCRIPT
    if question.get("image") and not (question.get("image_alt") or "").strip():
        problems["image_alt"] = MSG_IMAGE_NEEDS_DESCRIPTION
    return problems


class QuizPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        if questions is None:
            return cleaned
        # ClusterForm cleans the inline formsets after this form: without this, every question
        # form would still lack its cleaned_data here, and nothing would be checked.
        questions.is_valid()
        for form in questions.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            choices = _live_rows(form.formsets["choices"]) if "choices" in getattr(form, "formsets", {}) else []
            for field, message in question_problems(data, choices).items():
                form.add_error(field, message)
        return cleaned
