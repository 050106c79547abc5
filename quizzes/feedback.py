"""What a learner is told about one answered question, as the quiz is configured (read only).

Used by the result page, and by the attempt page for answers already checked and locked
("feedback after each question"). The right answer is only named when `reveal` says so.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from quizzes import grading
from quizzes.models import Response
from quizzes.services import AttemptView

RIGHT, PARTIAL, WRONG, UNANSWERED, UNGRADED = "right", "partial", "wrong", "unanswered", "ungraded"


@dataclass(frozen=True, kw_only=True)
class QuestionFeedback:
    verdict: str  # one of RIGHT, PARTIAL, WRONG, UNANSWERED, UNGRADED
    chosen: tuple[tuple[str, str], ...]  # (choice text, the editor's feedback) for the choices picked
    explanation: str
    right_answer: tuple[str, ...]  # empty unless revealed; in order for an ordering question


def _chosen_keys(answer: object) -> set[str]:
    if isinstance(answer, str):
        return {answer}
    if isinstance(answer, list):
        return {key for key in answer if isinstance(key, str)}
    return set()


def _right_answer(view: AttemptView) -> tuple[str, ...]:
    question, kind = view.question, view.question.kind
    choices = list(question.choices.all())  # the editor's order, which is the solution of an ordering
    if kind in (grading.SINGLE, grading.MULTIPLE):
        return tuple(c.text for c in choices if c.correct)
    if kind == grading.TRUE_FALSE:
        return (_("True") if question.answer_true else _("False"),)
    if kind == grading.REAL_OR_FAKE:
        return (_("Real") if question.real_or_fake == "real" else _("Fake"),)
    if kind == grading.ORDERING:
        return tuple(c.text for c in choices if c.text)
    if kind == grading.MATCHING:
        return tuple(f"{c.text} — {c.match}" for c in choices if c.text and c.match)
    return ()


def question_feedback(*, view: AttemptView, response: Response | None, reveal: bool) -> QuestionFeedback:
    question = view.question
    answer = response.answer if response is not None else None
    if question.kind == grading.REFLECTION:
        verdict = UNGRADED
    elif response is None or answer in (None, "", [], {}):
        verdict = UNANSWERED
    elif response.correct:
        verdict = RIGHT
    elif response.points:
        verdict = PARTIAL
    else:
        verdict = WRONG
    chosen: tuple[tuple[str, str], ...] = ()
    if question.kind in (grading.SINGLE, grading.MULTIPLE):
        picked = _chosen_keys(answer)
        chosen = tuple((c.text, c.feedback) for c in view.choices if str(c.translation_key) in picked and c.feedback)
    return QuestionFeedback(
        verdict=verdict,
        chosen=chosen,
        explanation=question.explanation,
        right_answer=_right_answer(view) if reveal and verdict != UNGRADED else (),
    )
