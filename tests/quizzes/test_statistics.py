from decimal import Decimal

import pytest

from quizzes.models import Question
from quizzes.services import attempt_answers_save, attempt_start, attempt_submit
from quizzes.statistics import quiz_statistics
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build, translate
from tests.factories.quizzes import question, quiz_build, sample_questions

pytestmark = pytest.mark.django_db

SECRET = "Mon oncle me menace depuis mars"


def _questions() -> list[Question]:
    return [
        *sample_questions(),
        question(
            "reflection",
            "Te sens-tu capable d'en parler ?",
            [{"text": "Pas du tout"}, {"text": "Un peu"}, {"text": "Tout à fait"}],
            sensitive=True,
            reflection_format="scale",
        ),
    ]


@pytest.fixture
def quiz():
    return quiz_build(course=course_build(index=catalogue_build()), questions=_questions())


def _by_kind(quiz) -> dict[str, Question]:
    return {
        q.kind + ("-scale" if q.reflection_format == "scale" else ""): q for q in Question.objects.filter(page=quiz)
    }


def _choice(q: Question, *, correct: bool | None = None, text: str | None = None) -> str:
    for choice in q.choices.order_by("sort_order"):
        if (correct is None or choice.correct == correct) and (text is None or choice.text == text):
            return str(choice.translation_key)
    raise LookupError


def _take(quiz, user, answers: dict[Question, object]):
    attempt = attempt_start(user=user, quiz=quiz)
    attempt_answers_save(attempt=attempt, answers={str(q.translation_key): a for q, a in answers.items()})
    return attempt_submit(attempt_id=attempt.pk, user=user, quiz=quiz)


def _row(rows, q: Question):
    return next(row for row in rows if row.key == q.translation_key)


def test_a_french_and_an_english_attempt_merge_into_one_row(quiz):
    english = translate(quiz, "en", title="Quiz", slug="quiz")
    for q in Question.objects.filter(page=english):
        q.text = f"EN {q.text}"
        q.save()
    english.save_revision().publish()
    fr, en = _by_kind(quiz), _by_kind(english)
    assert fr["single"].translation_key == en["single"].translation_key
    _take(quiz, UserFactory(), {fr["single"]: _choice(fr["single"], correct=True)})
    _take(english, UserFactory(), {en["single"]: _choice(en["single"], text="Je paie pour qu'il arrête")})

    rows = quiz_statistics(quiz_key=quiz.translation_key, language="en")
    assert len(rows) == len(_questions())  # one row per question, not one per language
    row = _row(rows, fr["single"])
    assert row.text.startswith("EN ")
    assert (row.drawn, row.answered, row.percent_correct) == (2, 2, Decimal("50.00"))
    assert {c.text: c.count for c in row.choices} == {
        "Je paie pour qu'il arrête": 1,
        "Je garde les preuves et je ne paie pas": 1,
        "Je supprime tout": 0,
    }
    assert row.most_chosen_wrong == "Je paie pour qu'il arrête"
    assert _row(quiz_statistics(quiz_key=quiz.translation_key, language="fr"), fr["single"]).text == fr["single"].text


def test_a_sensitive_answer_is_only_ever_counted(quiz):
    q = _by_kind(quiz)
    scale = q["reflection-scale"]
    for answer in ("Pas du tout", "Un peu", "Un peu"):
        _take(
            quiz,
            UserFactory(),
            {q["reflection"]: SECRET, scale: _choice(scale, text=answer), q["true_false"]: "true"},
        )

    rows = quiz_statistics(quiz_key=quiz.translation_key)
    free_text = _row(rows, q["reflection"])
    assert free_text.sensitive and free_text.answered == 3
    assert free_text.choices == () and free_text.most_chosen_wrong is None and free_text.percent_correct is None
    assert {c.text: c.count for c in _row(rows, scale).choices} == {"Pas du tout": 1, "Un peu": 2, "Tout à fait": 0}
    assert SECRET not in repr(rows)
    true_false = _row(rows, q["true_false"])
    assert true_false.percent_correct == 0 and true_false.most_chosen_wrong == "Vrai"


def test_only_submitted_attempts_of_the_given_learners_count(quiz):
    q = _by_kind(quiz)
    in_class, outside, unfinished = UserFactory(), UserFactory(), UserFactory()
    _take(quiz, in_class, {q["multiple"]: [_choice(q["multiple"], correct=True)]})
    _take(quiz, outside, {q["multiple"]: [_choice(q["multiple"], correct=False)]})
    attempt = attempt_start(user=unfinished, quiz=quiz)
    attempt_answers_save(attempt=attempt, answers={str(q["multiple"].translation_key): ["x"]})

    row = _row(quiz_statistics(quiz_key=quiz.translation_key, learner_ids=[in_class.pk, unfinished.pk]), q["multiple"])
    assert (row.drawn, row.answered) == (1, 1)
    assert row.percent_correct == 0  # one of two right choices, partial credit is not full marks
    assert row.mean_points == Decimal("0.50") and row.max_points == Decimal("1.00")
    everyone = _row(quiz_statistics(quiz_key=quiz.translation_key), q["multiple"])
    assert everyone.drawn == 2 and everyone.most_chosen_wrong == "Rien"
    assert _row(quiz_statistics(quiz_key=quiz.translation_key, learner_ids=[]), q["multiple"]).drawn == 0


def test_an_unanswered_question_counts_as_wrong_and_orders_and_pairs_are_named(quiz):
    q = _by_kind(quiz)
    ordering = q["ordering"]
    reversed_order = [str(c.translation_key) for c in ordering.choices.all()][::-1]
    _take(quiz, UserFactory(), {ordering: reversed_order})
    _take(quiz, UserFactory(), {})
    row = _row(quiz_statistics(quiz_key=quiz.translation_key), ordering)
    assert (row.drawn, row.answered, row.percent_correct) == (2, 1, 0)
    assert row.most_chosen_wrong == "Signaler → Bloquer → Garder les preuves"


def _class_takes_quiz(quiz, size: int) -> list[int]:
    q = _by_kind(quiz)
    ids = []
    for n in range(size):
        user = UserFactory()
        answer = _choice(q["single"], correct=n % 2 == 0)
        _take(quiz, user, {q["single"]: answer, q["reflection"]: SECRET, q["true_false"]: "false"})
        ids.append(user.pk)
    return ids


def test_query_count_does_not_grow_with_the_class_or_the_questions(django_assert_num_queries):
    small = quiz_build(course=course_build(index=catalogue_build(), slug="a"), questions=sample_questions()[:2])
    large = quiz_build(course=course_build(index=catalogue_build(), slug="b"), questions=_questions())
    few, many = _class_takes_quiz(large, 5), _class_takes_quiz(large, 50)
    with django_assert_num_queries(4):
        quiz_statistics(quiz_key=large.translation_key, learner_ids=few)
    with django_assert_num_queries(4):
        rows = quiz_statistics(quiz_key=large.translation_key, learner_ids=many)
    with django_assert_num_queries(4):
        quiz_statistics(quiz_key=small.translation_key)
    assert _row(rows, _by_kind(large)["single"]).percent_correct == Decimal("50.00")


def test_a_learner_answers_an_opinion_scale_in_the_editors_order_and_a_forged_value_is_dropped(client, quiz):
    learner = UserFactory()
    client.force_login(learner)
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    attempt = learner.quiz_attempts.get()
    scale = _by_kind(quiz)["reflection-scale"]
    html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    points = [html.index(f'value="{c.translation_key}"') for c in scale.choices.all()]
    assert points == sorted(points)  # a scale is never shuffled
    client.post(f"/learn/attempts/{attempt.pk}/", {f"q-{scale.translation_key}": SECRET, "save": "1"})
    assert not attempt.responses.exists()
    client.post(f"/learn/attempts/{attempt.pk}/", {f"q-{scale.translation_key}": _choice(scale), "save": "1"})
    assert attempt.responses.get().answer == _choice(scale)
