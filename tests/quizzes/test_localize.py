"""Translating a quiz with wagtail-localize: questions and their choices keep their keys, and a
learner's answers, keyed on them, survive the translation being synced with a new source."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from quizzes.models import Attempt, Choice, Question, QuizPage
from quizzes.services import attempt_answers_save, attempt_start, attempt_submit
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build, translate
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db


def _translate_all_strings(source: TranslationSource, locale: Locale) -> None:
    """What a translator does in wagtail-localize's editor: every string, in English."""
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}"},
        )


def _sync(quiz: QuizPage, english: Locale) -> QuizPage:
    source, _ = TranslationSource.update_or_create_from_instance(quiz)
    _translate_all_strings(source, english)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=english, defaults={"enabled": True})
    translation.save_target(user=None, publish=False)
    page = translation.get_target_instance().specific
    page.get_latest_revision().publish()
    return QuizPage.objects.get(pk=page.pk)


def _choice_keys(page) -> dict[str, set[str]]:
    return {
        str(q.translation_key): {str(c.translation_key) for c in q.choices.all()}
        for q in Question.objects.filter(page=page).prefetch_related("choices")
    }


def test_translating_a_quiz_carries_questions_and_choices_with_their_keys_and_answers_survive_a_sync():
    course = course_build(index=catalogue_build())
    quiz = quiz_build(course=course)
    english = Locale.objects.get(language_code="en")
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(course, "en", title="Deepfakes", slug="deepfakes")

    translated = _sync(quiz, english)
    assert translated.translation_key == quiz.translation_key and translated.locale == english
    assert _choice_keys(translated) == _choice_keys(quiz)
    questions = list(Question.objects.filter(page=translated).prefetch_related("choices"))
    assert all(q.locale == english and q.text.startswith("EN ") for q in questions)
    texts = [c.text for q in questions for c in q.choices.all() if c.text]
    assert texts and all(text.startswith("EN ") for text in texts)
    matches = [c.match for q in questions for c in q.choices.all() if c.match]
    assert matches and all(match.startswith("EN ") for match in matches)

    # A learner answers in English, then the French source changes and the translation is synced.
    learner = UserFactory(username="amadou")
    attempt = attempt_start(user=learner, quiz=translated)
    single = Question.objects.get(page=translated, kind="single")
    right = str(single.choices.get(correct=True).translation_key)
    attempt_answers_save(attempt=attempt, answers={str(single.translation_key): right})
    questions = list(quiz.questions.all())
    french_single = next(q for q in questions if q.kind == "single")
    french_single.text = "Un inconnu te menace. Que fais-tu en premier ?"
    quiz.questions = questions
    quiz.save_revision().publish()
    quiz = QuizPage.objects.get(pk=quiz.pk)
    assert Question.objects.get(page=quiz, kind="single").text == french_single.text

    resynced = _sync(quiz, english)
    assert _choice_keys(resynced) == _choice_keys(quiz)
    assert Question.objects.get(page=resynced, kind="single").text == f"EN {french_single.text}"
    graded = attempt_submit(attempt_id=attempt.pk, user=learner, quiz=resynced)
    response = graded.responses.get()
    assert response.correct and response.answer == right
    assert Attempt.objects.count() == 1 and Choice.objects.filter(translation_key=right).count() == 2


def test_a_quiz_copied_in_the_same_language_gets_its_own_keys_and_a_translation_copy_the_same_keys():
    course = course_build(index=catalogue_build())
    quiz = quiz_build(course=course)
    copy = quiz.copy(to=course, update_attrs={"slug": "quiz-copie", "title": "Quiz (copie)"})
    original, copied = _choice_keys(quiz), _choice_keys(copy)
    assert set().union(*original.values()).isdisjoint(set().union(*copied.values()))

    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(course, "en", title="Deepfakes", slug="deepfakes")
    english = translate(quiz, "en", title="Quiz", slug="quiz")  # Wagtail's own copy for translation
    assert _choice_keys(english) == original
    assert set(Choice.objects.filter(question__page=english).values_list("locale__language_code", flat=True)) == {"en"}
