"""Writes on quizzes: starting, saving and submitting attempts. Scoring is in grading.py.

Other apps call these functions, not the models.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes import grading
from quizzes.models import Attempt, Question, QuizPage, Response

_random = random.SystemRandom()


class AttemptLimitReached(Exception):
    pass


@dataclass(frozen=True)
class AttemptView:
    """One drawn question as the learner sees it: texts in their language, no answers."""

    key: str
    question: Question
    choices: list  # Choice rows in the attempt's stored order


def _pool(quiz: QuizPage) -> list[Question]:
    return list(Question.objects.filter(page=quiz).prefetch_related("choices").order_by("sort_order"))


def attempt_open(*, user, quiz: QuizPage) -> Attempt | None:
    """The learner's attempt in progress on this quiz, if any (to resume it)."""
    now = timezone.now()
    for attempt in Attempt.objects.filter(user=user, quiz_key=quiz.translation_key, submitted_at__isnull=True):
        if attempt.deadline is None or attempt.deadline > now:
            return attempt
    return None


def attempt_start(*, user, quiz: QuizPage) -> Attempt:
    """Resume the attempt in progress, or draw a new one (questions and each choice order)."""
    existing = attempt_open(user=user, quiz=quiz)
    if existing is not None:
        return existing
    used = Attempt.objects.filter(user=user, quiz_key=quiz.translation_key).count()
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise AttemptLimitReached
    questions = _pool(quiz)
    if quiz.questions_per_attempt and quiz.questions_per_attempt < len(questions):
        questions = _random.sample(questions, quiz.questions_per_attempt)
    drawn = []
    for question in questions:
        order = [str(choice.translation_key) for choice in question.choices.all()]
        is_scale = question.kind == grading.REFLECTION  # an opinion scale keeps its order
        if (quiz.shuffle_choices and not is_scale) or question.kind == grading.ORDERING:
            # Ordering items must never be shown in their solution order.
            _shuffle_away_from(order, solution=order[:] if question.kind == grading.ORDERING else None)
        drawn.append({"key": str(question.translation_key), "order": order})
    deadline = timezone.now() + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                user=user, quiz_key=quiz.translation_key, number=used + 1, drawn=drawn, deadline=deadline
            )
    except IntegrityError:  # another tab started the same attempt number first
        return attempt_open(user=user, quiz=quiz) or Attempt.objects.get(
            user=user, quiz_key=quiz.translation_key, number=used + 1
        )


def _shuffle_away_from(order: list[str], *, solution: list[str] | None) -> None:
    _random.shuffle(order)
    if solution and len(order) > 1 and order == solution:
        order.append(order.pop(0))


def attempt_is_open(attempt: Attempt) -> bool:
    return not attempt.is_submitted and (attempt.deadline is None or attempt.deadline > timezone.now())


def attempt_answers_save(*, attempt: Attempt, answers: dict[str, object]) -> int:
    """Save answers for questions of this attempt; others are ignored. Returns how many were kept.

    Nothing is saved once the attempt is submitted or past its deadline, and an answer the
    learner has checked (feedback after each question) stays as it was. A constant number of
    queries, whatever the number of questions.
    """
    if not attempt_is_open(attempt):
        return 0
    drawn = {entry["key"] for entry in attempt.drawn}
    wanted = {key: answer for key, answer in answers.items() if key in drawn}
    if not wanted:
        return 0
    with transaction.atomic():
        # The row lock orders this save after a submit or a check running at the same time.
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not attempt_is_open(locked):
            return 0
        existing = {str(r.question_key): r for r in Response.objects.filter(attempt=locked, question_key__in=wanted)}
        now, changed, created, kept = timezone.now(), [], [], 0
        for key, answer in wanted.items():
            response = existing.get(key)
            if response is None:
                created.append(Response(attempt=locked, question_key=key, answer=answer))
            elif response.checked_at is not None:
                continue
            elif response.answer != answer:
                response.answer, response.saved_at = answer, now
                changed.append(response)
            kept += 1
        Response.objects.bulk_create(created)
        Response.objects.bulk_update(changed, ["answer", "saved_at"])
    return kept


def attempt_question_check(*, attempt_id: int, user, quiz: QuizPage, question_key: str) -> Response | None:
    """Lock one saved answer and grade it now, for a quiz giving feedback after each question.

    Returns the checked response, or None when there is nothing to check: another feedback
    mode, a closed attempt, a question not drawn, or no answer yet. Checking twice changes nothing.
    """
    if quiz.show_feedback != QuizPage.Feedback.AFTER_EACH:
        return None
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt_id, user=user)
        if not attempt_is_open(attempt) or question_key not in {entry["key"] for entry in attempt.drawn}:
            return None
        response = Response.objects.filter(attempt=attempt, question_key=question_key).first()
        if response is None or response.checked_at is not None:
            return response
        question = Question.objects.filter(page=quiz, translation_key=question_key).first()
        if question is None:
            return None
        grade = grading.grade_question(question=_spec(question), answer=response.answer)
        response.correct, response.points, response.checked_at = grade.correct, grade.points, timezone.now()
        response.save(update_fields=["correct", "points", "checked_at"])
        return response


def _spec(question: Question) -> grading.QuestionSpec:
    choices = list(question.choices.all())
    keys = frozenset(str(choice.translation_key) for choice in choices)
    common = {"key": str(question.translation_key), "kind": question.kind, "points": question.points}
    kind = question.kind
    if kind in (grading.SINGLE, grading.MULTIPLE):
        correct = frozenset(str(c.translation_key) for c in choices if c.correct)
        return grading.QuestionSpec(**common, correct=correct, valid_ids=keys, mode=question.mode)
    if kind == grading.TRUE_FALSE:
        return grading.QuestionSpec(**common, correct=bool(question.answer_true))
    if kind == grading.REAL_OR_FAKE:
        return grading.QuestionSpec(**common, correct=question.real_or_fake)
    if kind == grading.ORDERING:
        items = tuple(str(c.translation_key) for c in choices if c.text)
        return grading.QuestionSpec(**common, correct=items, mode=question.mode)
    if kind == grading.MATCHING:
        pairs = {str(c.translation_key): str(c.translation_key) for c in choices if c.text and c.match}
        rights = frozenset(str(c.translation_key) for c in choices if c.match)
        return grading.QuestionSpec(**common, correct=pairs, valid_ids=rights, mode=question.mode)
    return grading.QuestionSpec(**{**common, "points": Decimal(0)})


def attempt_submit(*, attempt_id: int, user, quiz: QuizPage, questions: list[Question] | None = None) -> Attempt:
    """Grade the attempt once. A second submit (double click, replay, another tab) returns the
    same result and grades nothing again: the row lock serialises concurrent submits.

    `questions`: the quiz's questions with their choices, when the caller has them already.
    """
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt_id, user=user)
        if attempt.is_submitted:
            return attempt
        by_key = {str(q.translation_key): q for q in (questions if questions is not None else _pool(quiz))}
        specs = [_spec(by_key[entry["key"]]) for entry in attempt.drawn if entry["key"] in by_key]
        responses = {str(r.question_key): r for r in attempt.responses.all()}
        result = grading.grade_attempt(
            questions=specs,
            answers={key: response.answer for key, response in responses.items()},
            pass_mark_percent=Decimal(quiz.pass_mark),
        )
        for grade in result.grades:
            response = responses.get(grade.question_key)
            if response is not None:
                response.correct, response.points = grade.correct, grade.points
        Response.objects.bulk_update(list(responses.values()), ["correct", "points"])
        attempt.score, attempt.max_score = result.score_points, result.max_points
        attempt.percent, attempt.passed = result.percent, result.passed
        attempt.submitted_at = timezone.now()
        attempt.save(update_fields=["score", "max_score", "percent", "passed", "submitted_at"])
        return attempt
