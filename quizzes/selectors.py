"""Reads on quizzes."""

from django.conf import settings
from django.db.models import Q

from quizzes import grading
from quizzes.models import Attempt, Question, QuizPage
from quizzes.services import AttemptView


def quiz_for_attempt(*, attempt: Attempt, language: str) -> QuizPage | None:
    """The quiz page of the attempt in the learner's language, else in French."""
    pages = {
        page.locale.language_code: page
        for page in QuizPage.objects.live().filter(translation_key=attempt.quiz_key).select_related("locale")
    }
    return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)


def attempt_questions(*, attempt: Attempt, quiz: QuizPage) -> list[AttemptView]:
    """The drawn questions in the attempt's order, each with its choices in the stored order.

    Nothing here says which choice is correct: templates get only texts and opaque keys.
    """
    rows = (
        Question.objects.filter(page=quiz)
        .select_related("image", "audio")
        .prefetch_related("choices", "image__renditions")
    )
    questions = {str(q.translation_key): q for q in rows}
    views = []
    for entry in attempt.drawn:
        question = questions.get(entry["key"])
        if question is None:
            continue
        choices = {str(c.translation_key): c for c in question.choices.all()}
        ordered = [choices[key] for key in entry["order"] if key in choices]
        views.append(AttemptView(key=entry["key"], question=question, choices=ordered))
    return views


def answers_from_post(*, post, views: list[AttemptView]) -> dict[str, object]:
    """Turn the quiz form into answers, per question type. Unknown fields are ignored."""
    answers: dict[str, object] = {}
    for view in views:
        name, kind = f"q-{view.key}", view.question.kind
        if kind == grading.MULTIPLE:
            value = post.getlist(name)
        elif kind == grading.ORDERING:
            positions = []
            for choice in view.choices:
                raw = post.get(f"{name}-{choice.translation_key}", "")
                positions.append((int(raw) if raw.isdigit() else 999, str(choice.translation_key)))
            value = [key for _, key in sorted(positions)] if any(p < 999 for p, _ in positions) else None
        elif kind == grading.MATCHING:
            value = {
                str(choice.translation_key): post.get(f"{name}-{choice.translation_key}", "")
                for choice in view.choices
                if choice.text
            }
            value = {left: right for left, right in value.items() if right} or None
        elif kind == grading.REFLECTION and view.question.reflection_format == Question.ReflectionFormat.SCALE:
            value = post.get(name, "")
            value = value if value in {str(choice.translation_key) for choice in view.choices} else None
        else:
            value = post.get(name, "").strip()[:2000] or None
        if value not in (None, [], ""):
            answers[view.key] = value
    return answers


def quiz_keys_of_course(*, course_key) -> set:
    """The translation keys of the live quizzes under a module, in any language. Two queries."""
    from wagtail.models import Page

    parents = list(Page.objects.filter(translation_key=course_key).values_list("path", "depth"))
    if not parents:
        return set()
    under_any = Q()
    for path, depth in parents:
        under_any |= Q(path__startswith=path, depth=depth + 1)
    return set(QuizPage.objects.live().filter(under_any).values_list("translation_key", flat=True))


def quiz_passed_for_course(*, user, course_key) -> bool:
    """Has the learner passed a quiz of the module (in any language)? False if it has none."""
    keys = quiz_keys_of_course(course_key=course_key)
    return (
        bool(keys)
        and Attempt.objects.filter(user=user, quiz_key__in=keys, passed=True, submitted_at__isnull=False).exists()
    )
