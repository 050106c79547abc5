import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates.announce import certificate_award
from core.content_cache import content_site_remember
from quizzes.feedback import question_feedback
from quizzes.models import Attempt, QuizPage
from quizzes.selectors import (
    answers_from_post,
    attempt_questions,
    attempt_with_history,
    quiz_for_attempt,
    quiz_next_step,
)
from quizzes.services import (
    AttemptLimitReached,
    attempt_answers_save,
    attempt_is_open,
    attempt_question_check,
    attempt_start,
    attempt_submit,
)


def _visible_quiz(request, page_id: int) -> QuizPage:
    quiz = QuizPage.objects.live().filter(pk=page_id).first()
    if quiz is None or any(not r.accept_request(request) for r in quiz.get_view_restrictions()):
        raise Http404
    return quiz


def _own_attempt(request, attempt_id: int) -> tuple[Attempt, QuizPage]:
    attempt = get_object_or_404(Attempt, pk=attempt_id, user=request.user)  # another learner's: 404
    quiz = quiz_for_attempt(attempt=attempt, language=translation.get_language())
    if quiz is None:
        raise Http404
    return attempt, quiz


def _submitted(request, *, attempt: Attempt, quiz: QuizPage, questions=None) -> Attempt:
    attempt = attempt_submit(attempt_id=attempt.pk, user=request.user, quiz=quiz, questions=questions)
    if attempt.passed:
        certificate_award(request, course_key=quiz.get_parent().translation_key)
    return attempt


@require_POST
@login_required
def quiz_start(request, page_id: int):
    quiz = _visible_quiz(request, page_id)
    try:
        attempt = attempt_start(user=request.user, quiz=quiz)
    except AttemptLimitReached:
        messages.error(request, _("You have used all the attempts allowed for this quiz."))
        return redirect(quiz.get_url(request))
    return redirect("quiz_attempt", attempt_id=attempt.pk)


@login_required
def quiz_attempt(request, attempt_id: int):
    attempt, quiz = _own_attempt(request, attempt_id)
    background = request.method == "POST" and _wants_json(request)
    if background and not attempt_is_open(attempt):
        return JsonResponse({"saved": 0, "open": False})  # the script reloads the page
    if attempt.is_submitted:
        return redirect("quiz_result", attempt_id=attempt.pk)
    views = attempt_questions(attempt=attempt, quiz=quiz)
    unanswered = []
    if request.method == "POST":
        if not attempt_is_open(attempt):
            _submitted(request, attempt=attempt, quiz=quiz)
            messages.error(request, _("Time is up: only the answers saved before the deadline count."))
            return redirect("quiz_result", attempt_id=attempt.pk)
        saved = attempt_answers_save(attempt=attempt, answers=answers_from_post(post=request.POST, views=views))
        if background:  # quiz.js saving as the learner goes: no message, no redirect
            return JsonResponse({"saved": saved, "open": True})
        if "check" in request.POST:
            return _check(request, attempt, quiz, request.POST["check"], {view.key for view in views})
        if "submit" in request.POST or "confirm" in request.POST:
            saved = set(attempt.responses.values_list("question_key", flat=True))
            unanswered = [view for view in views if view.key not in {str(k) for k in saved}]
            if unanswered and "confirm" not in request.POST:
                messages.warning(request, _("Some questions have no answer yet. Answer them, or submit anyway."))
            else:
                _submitted(request, attempt=attempt, quiz=quiz, questions=[view.question for view in views])
                return redirect("quiz_result", attempt_id=attempt.pk)
        else:
            messages.success(request, _("Your answers are saved."))
            return redirect("quiz_attempt", attempt_id=attempt.pk)
    responses = {str(r.question_key): r for r in attempt.responses.all()}
    saved = {key: r.answer for key, r in responses.items()}
    checking = quiz.show_feedback == QuizPage.Feedback.AFTER_EACH
    checked = {
        view.key: question_feedback(view=view, response=responses[view.key], reveal=False)
        for view in views
        if checking and view.key in responses and responses[view.key].checked_at is not None
    }
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "views": views,
        "saved": saved,
        "unanswered": unanswered,
        "checking": checking,
        "checked": checked,
        "seconds_left": max(0, math.ceil((attempt.deadline - timezone.now()).total_seconds()))
        if attempt.deadline
        else None,
    }
    return render(request, "quizzes/attempt.html", context)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _check(request, attempt: Attempt, quiz: QuizPage, key: str, drawn: set[str]):
    """Feedback after each question: lock the answer, then show the page at that question."""
    if attempt_question_check(attempt_id=attempt.pk, user=request.user, quiz=quiz, question_key=key) is None:
        messages.warning(request, _("Choose an answer before checking it."))
    url = reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    return redirect(f"{url}#q-{key}" if key in drawn else url)  # never echo a forged key


@login_required
def quiz_result(request, attempt_id: int):
    attempt, attempts = attempt_with_history(user=request.user, attempt_id=attempt_id)  # another's: 404
    quiz = quiz_for_attempt(attempt=attempt, language=translation.get_language()) if attempt else None
    if quiz is None:
        raise Http404
    if not attempt.is_submitted:
        return redirect("quiz_attempt", attempt_id=attempt.pk)
    content_site_remember(request)  # page links without site queries
    views = attempt_questions(attempt=attempt, quiz=quiz, remembered=True)
    responses = {str(r.question_key): r for r in attempt.responses.all()}
    show = quiz.show_feedback != QuizPage.Feedback.NEVER  # "never": the score only
    reveal = show and quiz.reveal_answers_after_pass and attempt.passed
    rows = [
        {"view": view, "feedback": question_feedback(view=view, response=responses.get(view.key), reveal=reveal)}
        for view in views
        if show
    ]
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "rows": rows,
        "show_feedback": show,
        "attempts": attempts,
        "next_step": quiz_next_step(user=request.user, attempt=attempt, quiz=quiz, attempts=attempts),
    }
    return render(request, "quizzes/result.html", context)
