import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.models import Translation, TranslationSource

from quizzes.forms import (
    MSG_MATCHING_NEEDS_PAIRS,
    MSG_NO_CORRECT_CHOICE,
    MSG_ORDERING_NEEDS_ITEMS,
    MSG_SINGLE_NEEDS_ONE,
    MSG_TRUE_FALSE_ANSWER,
    question_problems,
)
from quizzes.models import Attempt, Choice, Question, QuizPage
from quizzes.starter import starter_quizzes_load
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import quiz_build


@pytest.mark.parametrize(
    ("question", "choices", "field", "message"),
    [
        ({"kind": "single"}, [{"text": "a"}, {"text": "b"}], "kind", MSG_NO_CORRECT_CHOICE),
        (
            {"kind": "single"},
            [{"text": "a", "correct": True}, {"text": "b", "correct": True}],
            "kind",
            MSG_SINGLE_NEEDS_ONE,
        ),
        ({"kind": "multiple"}, [{"text": "a"}], "kind", MSG_NO_CORRECT_CHOICE),
        ({"kind": "ordering"}, [{"text": "seul"}], "kind", MSG_ORDERING_NEEDS_ITEMS),
        ({"kind": "matching"}, [{"text": "a", "match": "b"}], "kind", MSG_MATCHING_NEEDS_PAIRS),
        ({"kind": "true_false", "answer_true": None}, [], "answer_true", MSG_TRUE_FALSE_ANSWER),
    ],
)
def test_an_unanswerable_question_is_refused_with_a_message(question, choices, field, message):
    assert question_problems(question, choices) == {field: message}


def test_a_sound_question_passes():
    choices = [{"text": "a", "correct": True}, {"text": "b"}]
    assert question_problems({"kind": "single", "mode": "all_or_nothing"}, choices) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("pass_mark", [-1, 101])
def test_pass_mark_outside_0_to_100_is_refused(pass_mark):
    quiz = quiz_build(course=course_build(index=catalogue_build()))
    quiz.pass_mark = pass_mark
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert "pass_mark" in error.value.message_dict


@pytest.mark.django_db
def test_load_starter_content_loads_the_starter_quizzes_in_french_and_english_once(client):
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Page

    out = StringIO()
    call_command("load_starter_content", stdout=out)
    created = ", ".join(
        f"{m} ({lang})" for m in ("confidentialite", "deepfakes", "sextorsion") for lang in ("fr", "en")
    )
    assert f"Starter quizzes: created {created}." in out.getvalue()
    # Running it again, or the quiz command alone, creates nothing and keeps an editor's change.
    edited = Question.objects.filter(page__locale__language_code="fr").order_by("pk").first()
    Question.objects.filter(pk=edited.pk).update(text="Question revue par l'équipe éditoriale")
    pages = Page.objects.count()
    again = StringIO()
    call_command("load_starter_content", stdout=again)
    assert "Starter quizzes: created nothing." in again.getvalue()
    assert "skipped deepfakes: quiz exists" in again.getvalue()
    alone = StringIO()
    call_command("load_starter_quizzes", stdout=alone)
    assert "Starter quizzes: created nothing." in alone.getvalue()
    assert starter_quizzes_load().created == []
    assert Page.objects.count() == pages
    assert Question.objects.get(pk=edited.pk).text == "Question revue par l'équipe éditoriale"
    french = QuizPage.objects.filter(locale__language_code="fr")
    assert french.count() == 3
    for quiz in french:
        questions = Question.objects.filter(page=quiz)
        assert questions.count() >= 8
        assert len({q.kind for q in questions if q.kind != "reflection"}) >= 4
        english = QuizPage.objects.get(translation_key=quiz.translation_key, locale__language_code="en")
        english_questions = Question.objects.filter(page=english)
        assert {q.translation_key for q in english_questions} == {q.translation_key for q in questions}
        assert {q.text for q in english_questions}.isdisjoint({q.text for q in questions})
        french_choices = {c.text for c in Choice.objects.filter(question__page=quiz) if c.text}
        english_choices = {c.text for c in Choice.objects.filter(question__page=english) if c.text}
        assert english_choices and english_choices.isdisjoint(french_choices)
        # Translators find the English quiz in wagtail-localize, ready to edit and sync.
        source = TranslationSource.objects.get(object_id=quiz.translation_key)
        assert Translation.objects.filter(source=source, target_locale=english.locale, enabled=True).exists()
    # The module page offers its quiz; a learner can start it in English too.
    deepfakes = french.get(slug="quiz", url_path__contains="/deepfakes/")
    assert "Quiz : Deepfakes" in client.get(deepfakes.get_parent().url).content.decode()
    assert Attempt.objects.count() == 0


def test_an_opinion_scale_needs_two_points():
    from quizzes.forms import MSG_SCALE_NEEDS_POINTS

    problems = question_problems({"kind": "reflection", "reflection_format": "scale"}, [{"text": "Oui"}])
    assert problems == {"reflection_format": MSG_SCALE_NEEDS_POINTS}
    assert question_problems({"kind": "reflection", "reflection_format": "free_text"}, []) == {}


@pytest.mark.django_db
def test_an_editor_publishes_a_quiz_with_questions_and_choices_in_the_admin(client):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from quizzes.models import Choice

    course = course_build(index=catalogue_build())
    admin = get_user_model().objects.create_superuser(username="redaction", password="x")
    client.force_login(admin)
    choices = [{"text": "Je garde les preuves", "correct": True}, {"text": "Je paie", "correct": False}]
    question = {
        "kind": "single",
        "text": "Que fais-tu ?",
        "points": "1",
        "mode": "all_or_nothing",
        "choices": inline_formset([{**c, "match": "", "feedback": ""} for c in choices]),
    }
    data = nested_form_data(
        {
            "title": "Quiz",
            "slug": "quiz",
            "intro": rich_text(""),
            "pass_mark": 70,
            "attempts_allowed": 0,
            "questions_per_attempt": 0,
            "shuffle_choices": "on",
            "show_feedback": "after_each",
            "reveal_answers_after_pass": "on",
            "questions": inline_formset([question], min=1),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{course.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    quiz = QuizPage.objects.get(slug="quiz")
    assert quiz.live
    saved = Choice.objects.filter(question__page=quiz)
    assert {c.text for c in saved} == {"Je garde les preuves", "Je paie"}
    assert {c.locale_id for c in saved} == {quiz.locale_id}

    del data["questions-0-choices-0-correct"]  # no right answer left: refused with a message
    data["slug"] = "quiz-2"
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{course.pk}/", data)
    assert response.status_code == 200
    assert str(MSG_NO_CORRECT_CHOICE) in response.content.decode()
