"""Issuing: exactly once, when every lesson (in any language) is done and the quiz is passed."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from certificates.announce import CERTIFICATE_EARNED
from certificates.models import Certificate
from certificates.selectors import certificate_index, user_certificate_name
from certificates.services import certificate_issue_if_complete, certificate_issuer_name
from courses.services import lesson_complete
from tests.factories.accounts import UserFactory
from tests.factories.certificates import module_build, module_finish, quiz_pass
from tests.factories.courses import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return module_build()


def test_no_certificate_until_every_lesson_is_done_and_the_quiz_passed(module, student):
    course, lessons, quiz = module
    lesson_complete(user=student, lesson=lessons[0])
    quiz_pass(user=student, quiz=quiz)
    assert certificate_issue_if_complete(user=student, course_key=course.translation_key) == (None, False)
    lesson_complete(user=student, lesson=lessons[1])
    certificate, issued = certificate_issue_if_complete(user=student, course_key=course.translation_key)
    assert issued and certificate.user == student and certificate.course_key == course.translation_key
    assert certificate.issuer_name == certificate_issuer_name(user=student) == "Kalan"
    assert certificate.code.startswith("KLN-") and len(certificate.code) == 15


def test_a_failed_quiz_earns_nothing(module, student):
    course, lessons, quiz = module
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    quiz_pass(user=student, quiz=quiz, passed=False)
    assert certificate_issue_if_complete(user=student, course_key=course.translation_key) == (None, False)


def test_issuing_twice_gives_one_certificate_and_the_database_refuses_a_double(module, student):
    course, lessons, quiz = module
    module_finish(user=student, lessons=lessons, quiz=quiz)
    first, issued = certificate_issue_if_complete(user=student, course_key=course.translation_key)
    again, issued_again = certificate_issue_if_complete(user=student, course_key=course.translation_key)
    assert issued and not issued_again and again == first
    assert Certificate.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(code="KLN-222-222-222", user=student, course_key=course.translation_key)


def test_completion_counts_across_languages(module, student):
    course, lessons, quiz = module
    translate(course, "en", title="Deepfakes (en)", slug="deepfakes-en")
    english_lesson = translate(lessons[1], "en", title="Lesson 2", slug="lesson-2")
    english_quiz = translate(quiz, "en", title="Quiz (en)", slug="quiz-en")
    lesson_complete(user=student, lesson=lessons[0])
    lesson_complete(user=student, lesson=english_lesson)
    quiz_pass(user=student, quiz=english_quiz)
    certificate, issued = certificate_issue_if_complete(
        user=student, course_key=english_quiz.get_parent().translation_key, language="en"
    )
    assert issued and certificate.language == "en"


def test_a_module_without_a_quiz_gives_no_certificate(student):
    course, lessons, quiz = module_build(slug="sans-quiz")
    quiz.delete()
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    assert certificate_issue_if_complete(user=student, course_key=course.translation_key) == (None, False)


def test_the_last_lesson_completed_tells_the_learner_and_the_module_page_shows_it(module, client, student):
    course, lessons, quiz = module
    lesson_complete(user=student, lesson=lessons[0])
    quiz_pass(user=student, quiz=quiz)
    client.force_login(student)
    response = client.post(reverse("lesson_complete", args=[lessons[1].pk]), follow=True)
    assert str(CERTIFICATE_EARNED) in response.content.decode()
    assert Certificate.objects.filter(user=student).count() == 1
    page = client.get(course.url).content.decode()
    assert 'data-status="valid"' in page and reverse("my_certificates") in page


def test_passing_the_quiz_last_issues_it_and_the_result_page_says_so(module, client, student):
    course, lessons, quiz = module
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    client.force_login(student)
    client.post(reverse("quiz_start", args=[quiz.pk]))
    from quizzes.models import Attempt

    attempt = Attempt.objects.get(user=student)
    answers = {}
    for entry in attempt.drawn:
        from quizzes.models import Question

        question = Question.objects.get(page=quiz, translation_key=entry["key"])
        name = f"q-{entry['key']}"
        choices = {str(c.translation_key): c for c in question.choices.all()}
        if question.kind == "single":
            answers[name] = next(key for key, c in choices.items() if c.correct)
        elif question.kind == "multiple":
            answers[name] = [key for key, c in choices.items() if c.correct]
        elif question.kind == "true_false":
            answers[name] = "false"
        elif question.kind == "ordering":
            for position, key in enumerate(choices, start=1):
                answers[f"{name}-{key}"] = str(position)
        elif question.kind == "matching":
            for key, c in choices.items():
                if c.text:
                    answers[f"{name}-{key}"] = key
    response = client.post(reverse("quiz_attempt", args=[attempt.pk]), {**answers, "confirm": "1"}, follow=True)
    attempt.refresh_from_db()
    assert attempt.passed, attempt.percent
    assert str(CERTIFICATE_EARNED) in response.content.decode()
    assert Certificate.objects.filter(user=student, course_key=course.translation_key).exists()


def test_certificate_index_is_one_query_whatever_the_class_size(module, django_assert_num_queries):
    course, lessons, quiz = module
    learners = [UserFactory() for _ in range(5)]
    for learner in learners[:3]:
        module_finish(user=learner, lessons=lessons, quiz=quiz)
        certificate_issue_if_complete(user=learner, course_key=course.translation_key)
    with django_assert_num_queries(1):
        index = certificate_index(user_ids=[u.pk for u in learners], course_keys=[course.translation_key])
    assert set(index) == {(u.pk, course.translation_key) for u in learners[:3]}
    assert all(isinstance(c, Certificate) for c in index.values())


def test_the_name_on_a_certificate_is_the_chosen_one_else_initials():
    assert user_certificate_name(UserFactory.build(certificate_name="Ɲɛnɛba Kɔnatɛ")) == "Ɲɛnɛba Kɔnatɛ"
    assert user_certificate_name(UserFactory.build(first_name="aminata", last_name="Traoré")) == "A. T."
    assert user_certificate_name(UserFactory.build(first_name="", last_name="", display_name="Ousmane")) == "O."
