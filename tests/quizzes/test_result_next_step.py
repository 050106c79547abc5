"""The result page tells the learner what to do next, and lists their attempts."""

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from courses.services import lesson_complete
from quizzes.models import Attempt
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build, translate
from tests.factories.quizzes import perfect_post, quiz_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return course_build(index=catalogue_build())


@pytest.fixture
def learner(client):
    user = UserFactory(username="aminata")
    client.force_login(user)
    return user


def _attempt(client, quiz, *, perfect: bool) -> Attempt:
    client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.latest("pk")
    data = {**perfect_post(quiz), "submit": "1"} if perfect else {"confirm": "1"}  # nothing answered: 0 %
    client.post(reverse("quiz_attempt", args=[attempt.pk]), data)
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.passed is perfect
    return attempt


def _result(client, attempt) -> str:
    response = client.get(reverse("quiz_result", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_failed_attempt_with_attempts_left_offers_a_retry_that_starts_the_next_one(client, learner, module):
    quiz = quiz_build(course=module, attempts_allowed=3)
    first = _attempt(client, quiz, perfect=False)
    html = _result(client, first)
    start = reverse("quiz_start", args=[quiz.pk])
    assert f'action="{start}" data-next="retry"' in html
    assert "Il te reste 2 tentatives." in html
    assert 'data-next="no-attempts-left"' not in html
    client.post(start)  # the retry button
    assert Attempt.objects.filter(user=learner).latest("pk").number == 2


def test_unlimited_attempts_offer_a_retry_without_a_count(client, learner, module):
    quiz = quiz_build(course=module)  # attempts_allowed = 0: unlimited
    html = _result(client, _attempt(client, quiz, perfect=False))
    assert 'data-next="retry"' in html
    assert "Il te reste" not in html


def test_no_attempt_left_is_said_kindly_and_points_back_to_the_lessons(client, learner, module):
    lesson_build(course=module, title="Reconnaître un deepfake", slug="reconnaitre")
    quiz = quiz_build(course=module, attempts_allowed=1)
    html = _result(client, _attempt(client, quiz, perfect=False))
    assert 'data-next="retry"' not in html
    assert 'data-next="no-attempts-left"' in html
    assert "Tu as utilisé toutes les tentatives permises pour ce quiz. Ce n'est pas grave" in html
    assert 'href="/modules/deepfakes/reconnaitre/">Reconnaître un deepfake</a>' in html


def test_a_pass_lists_the_lessons_still_to_complete_and_the_next_module(client, learner, module):
    done = lesson_build(course=module, title="Une photo suffit", slug="une-photo-suffit")
    lesson_build(course=module, title="Reconnaître un deepfake", slug="reconnaitre")
    lesson_complete(user=learner, lesson=done)
    next_module = course_build(index=catalogue_build(), title="Sextorsion", slug="sextorsion")
    draft = course_build(index=catalogue_build(), title="Brouillon", slug="brouillon")
    draft.unpublish()
    quiz = quiz_build(course=module)
    html = _result(client, _attempt(client, quiz, perfect=True))
    assert 'data-next="lessons-to-complete"' in html
    assert ">Reconnaître un deepfake</a>" in html and ">Une photo suffit</a>" not in html
    assert 'data-next="certificate"' not in html
    assert f'data-next="next-module">Module suivant : <a href="{next_module.url}">Sextorsion</a>' in html
    assert "Brouillon" not in html
    assert not Certificate.objects.exists()


def test_a_pass_that_earns_the_certificate_links_to_my_certificates(client, learner, module):
    lesson_complete(user=learner, lesson=lesson_build(course=module, title="Une photo suffit", slug="photo"))
    quiz = quiz_build(course=module)
    html = _result(client, _attempt(client, quiz, perfect=True))
    assert Certificate.objects.filter(user=learner, course_key=module.translation_key).exists()
    assert (
        f'data-next="certificate">Ton certificat pour ce module est prêt. <a class="button" href="{reverse("my_certificates")}">'
        in html
    )
    assert 'data-next="lessons-to-complete"' not in html
    assert 'data-next="next-module"' not in html  # the last module of the catalogue


def test_a_revoked_certificate_is_not_offered(client, learner, module):
    lesson_complete(user=learner, lesson=lesson_build(course=module, title="Une photo suffit", slug="photo"))
    quiz = quiz_build(course=module)
    attempt = _attempt(client, quiz, perfect=True)
    Certificate.objects.filter(user=learner).update(revoked_at=timezone.now(), revoked_reason="Triche")
    html = _result(client, attempt)
    assert 'data-next="certificate"' not in html and reverse("my_certificates") not in html.split("<main")[-1]


def test_the_history_lists_only_this_learners_attempts_at_this_quiz(client, learner, module):
    quiz = quiz_build(course=module)
    first = _attempt(client, quiz, perfect=False)
    second = _attempt(client, quiz, perfect=True)
    other = UserFactory(username="moussa")
    Attempt.objects.create(user=other, quiz_key=quiz.translation_key, number=1, submitted_at=timezone.now())
    html = _result(client, second)
    assert html.count("<tr data-attempt=") == 2
    assert '<tr data-attempt="1"><td>1</td>' in html
    assert f'<a href="{reverse("quiz_result", args=[first.pk])}">0 %</a></td><td data-passed="false">non réussi' in html
    assert '<tr data-attempt="2" aria-current="true"><td>2</td>' in html
    assert '<td data-passed="true">réussi' in html


@pytest.mark.parametrize("perfect", [True, False], ids=["passed", "no-attempt-left"])
def test_the_result_page_stays_within_the_query_budget(client, learner, module, perfect, django_assert_max_num_queries):
    for number in range(4):
        lesson_build(course=module, title=f"Leçon {number}", slug=f"lecon-{number}")
    course_build(index=catalogue_build(), title="Sextorsion", slug="sextorsion")
    quiz = quiz_build(course=module, attempts_allowed=1)
    attempt = _attempt(client, quiz, perfect=perfect)
    _result(client, attempt)  # the first view after submitting shows its messages once
    with django_assert_max_num_queries(10):
        html = _result(client, attempt)
    assert ('data-next="lessons-to-complete"' if perfect else 'data-next="no-attempts-left"') in html


def test_an_english_learner_is_led_to_the_next_module_in_english(client, learner, module):
    sextorsion = course_build(index=catalogue_build(), title="Sextorsion", slug="sextorsion")
    quiz = quiz_build(course=module)
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(module, "en", title="Deepfakes", slug="deepfakes")
    english_next = translate(sextorsion, "en", title="Sextortion", slug="sextortion")
    translate(quiz, "en", title="Quiz", slug="quiz")
    attempt = _attempt(client, quiz, perfect=True)
    response = client.get(f"/en{reverse('quiz_result', args=[attempt.pk])}")
    html = response.content.decode()
    assert f'data-next="next-module">Next module: <a href="{english_next.url}">Sextortion</a>' in html
