"""quizzes' part of the privacy registry: a learner's attempts and every answer they gave,
reflections included (their own words: they may take them; erasure deletes them)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.privacy_registry import Erase, page_titles, register

from .models import Attempt, Question, QuizPage, Response


def attempts_export(user) -> list[dict]:
    attempts = list(Attempt.objects.filter(user=user).order_by("started_at", "pk"))
    responses: dict[int, list[Response]] = {}
    for response in Response.objects.filter(attempt__user=user).order_by("pk"):
        responses.setdefault(response.attempt_id, []).append(response)
    language = translation.get_language()
    quiz_titles = page_titles(QuizPage, [attempt.quiz_key for attempt in attempts], language)
    question_keys = [response.question_key for rows in responses.values() for response in rows]
    questions = page_titles(Question, question_keys, language, field="text")
    return [
        {
            "quiz": quiz_titles.get(attempt.quiz_key, ""),
            "quiz_key": attempt.quiz_key,
            "number": attempt.number,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "score": attempt.score,
            "max_score": attempt.max_score,
            "percent": attempt.percent,
            "passed": attempt.passed,
            "responses": [
                {
                    "question": questions.get(response.question_key, ""),
                    "question_key": response.question_key,
                    "answer": response.answer,
                    "correct": response.correct,
                    "points": response.points,
                    "saved_at": response.saved_at,
                }
                for response in responses.get(attempt.pk, [])
            ],
        }
        for attempt in attempts
    ]


register(
    Attempt,
    label=_("Quiz attempts and answers"),
    export=attempts_export,
    columns={
        "quiz": _("quiz"),
        "quiz_key": _("quiz key"),
        "number": _("attempt number"),
        "started_at": _("started"),
        "submitted_at": _("submitted"),
        "score": _("score"),
        "max_score": _("maximum score"),
        "percent": _("percent"),
        "passed": _("passed"),
        "responses": _("answers"),
        "responses.question": _("question"),
        "responses.question_key": _("question key"),
        "responses.answer": _("answer"),
        "responses.correct": _("correct"),
        "responses.points": _("points"),
        "responses.saved_at": _("saved"),
    },
    erase=Erase.DELETE,  # answers (Response) go with their attempt
)
