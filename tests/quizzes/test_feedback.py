"""Feedback as the quiz page configures it: after each question, after submitting, or never."""

import pytest

from quizzes.models import Attempt, Question, Response
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import question, quiz_build

pytestmark = pytest.mark.django_db

REVEALED = "Bonne réponse :"  # "Right answer:" in French, the test language


def _questions() -> list[Question]:
    return [
        question(
            "single",
            "Une vidéo choquante circule. Que fais-tu ?",
            [
                {"text": "Je vérifie la source", "correct": True, "feedback": "FB-SOURCE"},
                {"text": "Je la partage", "feedback": "FB-PARTAGE"},
                {"text": "Je l'ignore", "feedback": "FB-IGNORE"},
            ],
            explanation="EXPL-UN",
        ),
        question("true_false", "Un deepfake est toujours flou.", answer_true=False, explanation="EXPL-DEUX"),
    ]


def _quiz(mode: str, **settings):
    course = course_build(index=catalogue_build())
    return quiz_build(course=course, questions=_questions(), show_feedback=mode, pass_mark=50, **settings)


@pytest.fixture
def learner(client):
    user = UserFactory(username="aminata")
    client.force_login(user)
    return user


def _start(client, quiz) -> tuple[Attempt, Question, Question, dict[str, str]]:
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    single = Question.objects.get(page=quiz, kind="single")
    true_false = Question.objects.get(page=quiz, kind="true_false")
    choices = {c.feedback: str(c.translation_key) for c in single.choices.all()}
    return Attempt.objects.latest("pk"), single, true_false, choices


def _page(client, attempt) -> str:
    return client.get(f"/learn/attempts/{attempt.pk}/").content.decode()


def test_after_each_question_the_checked_answer_gets_its_feedback_and_is_locked(client, learner):
    quiz = _quiz("after_each")
    attempt, single, true_false, choices = _start(client, quiz)
    url = f"/learn/attempts/{attempt.pk}/"
    html = _page(client, attempt)
    assert html.count('name="check"') == 2
    for secret in ("FB-", "EXPL-", "correct", "Bonne réponse"):
        assert secret not in html

    response = client.post(
        url, {f"q-{single.translation_key}": choices["FB-PARTAGE"], "check": str(single.translation_key)}
    )
    assert response["Location"] == f"{url}#q-{single.translation_key}"
    html = _page(client, attempt)
    assert "FB-PARTAGE" in html and "EXPL-UN" in html and "Pas tout à fait." in html
    # Only what was checked: not the other choices' feedback, not the next question's explanation.
    for secret in ("FB-SOURCE", "FB-IGNORE", "EXPL-DEUX", "correct", REVEALED):
        assert secret not in html
    assert html.count('name="check"') == 1
    assert f'id="q-{single.translation_key}" disabled' in html

    # The checked answer cannot be changed any more, whatever the browser sends.
    client.post(url, {f"q-{single.translation_key}": choices["FB-SOURCE"], "save": "1"})
    client.post(url, {f"q-{single.translation_key}": choices["FB-SOURCE"], "check": str(single.translation_key)})
    locked = Response.objects.get(attempt=attempt, question_key=single.translation_key)
    assert locked.answer == choices["FB-PARTAGE"] and not locked.correct

    client.post(url, {f"q-{true_false.translation_key}": "false", "submit": "1"})
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.percent == 50


def test_checking_needs_an_answer_and_a_drawn_question(client, learner):
    quiz = _quiz("after_each")
    attempt, single, _, _ = _start(client, quiz)
    url = f"/learn/attempts/{attempt.pk}/"
    assert client.post(url, {"check": str(single.translation_key)})["Location"].endswith(f"#q-{single.translation_key}")
    assert not Response.objects.filter(attempt=attempt).exists()
    assert client.post(url, {"check": "<script>"})["Location"] == url  # a forged key is never echoed
    assert "FB-" not in _page(client, attempt)


def test_no_checking_while_in_progress_when_feedback_comes_after_submitting(client, learner):
    quiz = _quiz("after_submit")
    attempt, single, _, choices = _start(client, quiz)
    url = f"/learn/attempts/{attempt.pk}/"
    assert 'name="check"' not in _page(client, attempt)
    client.post(url, {f"q-{single.translation_key}": choices["FB-PARTAGE"], "check": str(single.translation_key)})
    assert Response.objects.get(attempt=attempt).checked_at is None
    html = _page(client, attempt)
    assert "FB-" not in html and "EXPL-" not in html
    client.post(url, {f"q-{single.translation_key}": choices["FB-SOURCE"], "save": "1"})
    assert Response.objects.get(attempt=attempt).answer == choices["FB-SOURCE"]  # still free to change


def test_after_submitting_the_result_shows_feedback_for_the_chosen_choices_and_explanations(client, learner):
    quiz = _quiz("after_submit")
    attempt, single, true_false, choices = _start(client, quiz)
    client.post(
        f"/learn/attempts/{attempt.pk}/",
        {
            f"q-{single.translation_key}": choices["FB-PARTAGE"],
            f"q-{true_false.translation_key}": "true",
            "submit": "1",
        },
    )
    html = client.get(f"/learn/attempts/{attempt.pk}/result/").content.decode()
    assert "FB-PARTAGE" in html and "EXPL-UN" in html and "EXPL-DEUX" in html
    assert "FB-SOURCE" not in html and "FB-IGNORE" not in html
    assert REVEALED not in html  # not passed: the right answers stay hidden


@pytest.mark.parametrize(("reveal", "shown"), [(True, True), (False, False)])
def test_right_answers_are_revealed_after_passing_only_if_configured(client, learner, reveal, shown):
    quiz = _quiz("after_submit", reveal_answers_after_pass=reveal)
    attempt, single, true_false, choices = _start(client, quiz)
    client.post(
        f"/learn/attempts/{attempt.pk}/",
        {f"q-{single.translation_key}": choices["FB-SOURCE"], f"q-{true_false.translation_key}": "true", "submit": "1"},
    )
    attempt.refresh_from_db()
    assert attempt.passed
    html = client.get(f"/learn/attempts/{attempt.pk}/result/").content.decode()
    assert (f"{REVEALED} Faux" in html) is shown  # the true/false statement was false


def test_never_shows_the_score_only(client, learner):
    quiz = _quiz("never")
    attempt, single, true_false, choices = _start(client, quiz)
    client.post(
        f"/learn/attempts/{attempt.pk}/",
        {
            f"q-{single.translation_key}": choices["FB-SOURCE"],
            f"q-{true_false.translation_key}": "false",
            "submit": "1",
        },
    )
    html = client.get(f"/learn/attempts/{attempt.pk}/result/").content.decode()
    assert "100 %" in html
    for hidden in ("FB-", "EXPL-", REVEALED, single.text):
        assert hidden not in html
