"""Reads on quizzes."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, Subquery

from certificates.selectors import certificate_for_course
from core.content_cache import content_memo
from courses.selectors import course_and_next, course_progress
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


def _question_pool(quiz: QuizPage, *, renditions: bool = True) -> dict[str, Question]:
    rows = (
        Question.objects.filter(page=quiz)
        .select_related("image", "audio")
        .prefetch_related("choices", *(["image__renditions"] if renditions else []))
    )
    return {str(q.translation_key): q for q in rows}


def attempt_questions(*, attempt: Attempt, quiz: QuizPage, remembered: bool = False) -> list[AttemptView]:
    """The drawn questions in the attempt's order, each with its choices in the stored order.

    Nothing here says which choice is correct: templates get only texts and opaque keys.
    `remembered`: read the question pool from the content memo (pages that show no media,
    like the result page; questions change only when the quiz is published).
    """
    if remembered:
        questions = content_memo(("quiz-questions", quiz.pk), lambda: _question_pool(quiz, renditions=False))
    else:
        questions = _question_pool(quiz)
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


def attempt_with_history(*, user, attempt_id: int) -> tuple[Attempt | None, list[Attempt]]:
    """The learner's attempt with this id (None if it is not theirs) and all their attempts at
    the same quiz (in any language), first one first. One query."""
    same_quiz = Attempt.objects.filter(pk=attempt_id, user=user).values("quiz_key")[:1]
    attempts = list(Attempt.objects.filter(user=user, quiz_key=Subquery(same_quiz)).order_by("number"))
    return next((a for a in attempts if a.pk == attempt_id), None), attempts


@dataclass(frozen=True)
class NextStep:
    """What the result page offers after an attempt.

    Failed: `can_retry` (an attempt in progress, or attempts left; `attempts_left` is None when
    unlimited), else the module's lessons to read again. Passed: the certificate if issued,
    else the lessons still to complete for it, and the next module of the catalogue.
    """

    passed: bool
    can_retry: bool = False
    attempts_left: int | None = None
    course: object = None  # the module (CoursePage) of a module quiz, None for a practice quiz
    certificate: object = None  # the learner's valid certificate for the module
    lessons: list = field(default_factory=list)  # LessonEntry: to read again, or still to complete
    next_course: object = None


def quiz_next_step(*, user, attempt: Attempt, quiz: QuizPage, attempts: list[Attempt]) -> NextStep:
    """The next step after a submitted attempt. At most two queries (the certificate, the
    learner's lesson statuses) once the module and its lessons are remembered."""
    course, next_course = course_and_next(page=quiz)
    if not attempt.passed:
        open_attempt = any(not a.is_submitted for a in attempts)
        left = max(0, quiz.attempts_allowed - len(attempts)) if quiz.attempts_allowed else None
        can_retry = open_attempt or left != 0
        lessons = []
        if not can_retry and course is not None:
            lessons = course_progress(user=user, course=course).entries
        return NextStep(passed=False, can_retry=can_retry, attempts_left=left, course=course, lessons=lessons)
    if course is None:
        return NextStep(passed=True)
    certificate = certificate_for_course(user=user, course_key=course.translation_key)
    lessons = []
    if certificate is None:
        lessons = [entry for entry in course_progress(user=user, course=course).entries if not entry.completed]
    elif certificate.is_revoked:
        certificate = None  # a revoked certificate is not offered again (My certificates explains it)
    return NextStep(passed=True, course=course, certificate=certificate, lessons=lessons, next_course=next_course)
