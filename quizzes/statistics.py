"""Per-question statistics of a quiz for dashboards (read only).

Responses are keyed by the question's `translation_key`, so a class answering in French and in
English or Bambara gets one row per question. Only submitted attempts count (every submitted
attempt, retries included). Nothing a learner typed is ever returned: texts come from the
editors' questions and choices, answers only as counts. Reflection questions (which may be
sensitive) are reduced to how many answered and, for an opinion scale, how many chose each point.

Four queries whatever the number of learners and questions.
"""

import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from quizzes import grading
from quizzes.models import Attempt, Question, Response

_CENT = Decimal("0.01")


@dataclass(frozen=True, kw_only=True)
class ChoiceStatistics:
    """One choice (or point of an opinion scale) and how many answers picked it."""

    key: str
    text: str
    correct: bool
    count: int


@dataclass(frozen=True, kw_only=True)
class QuestionStatistics:
    key: uuid.UUID  # the question's translation_key
    text: str
    kind: str
    sensitive: bool
    drawn: int  # submitted attempts that drew the question
    answered: int  # of those, how many had an answer
    percent_correct: Decimal | None  # full marks / drawn (no answer counts as wrong); None: not graded or never drawn
    mean_points: Decimal | None  # points earned / drawn; None as above
    max_points: Decimal
    most_chosen_wrong: str | None  # the editor's text of the most frequent wrong answer
    choices: tuple[ChoiceStatistics, ...] = ()  # choice questions and opinion scales


def _round(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _pick(versions: list[Question], language: str | None) -> Question:
    by_language = {q.locale.language_code: q for q in versions}
    return by_language.get(language or "") or by_language.get(settings.LANGUAGE_CODE) or versions[0]


def _choice_texts(versions: Iterable[Question], preferred: Question) -> dict[str, tuple[str, bool, str]]:
    """choice key -> (text, correct, match), in the preferred language where it has the choice."""
    texts: dict[str, tuple[str, bool, str]] = {}
    for question in [preferred, *versions]:
        for choice in question.choices.all():
            texts.setdefault(str(choice.translation_key), (choice.text, choice.correct, choice.match))
    return texts


def _pseudo_choices(kind: str, question: Question) -> dict[str, tuple[str, bool, str]]:
    if kind == grading.TRUE_FALSE:
        right = "true" if question.answer_true else "false"
        return {value: (label, value == right, "") for value, label in (("true", _("True")), ("false", _("False")))}
    return {
        value: (label, value == question.real_or_fake, "")
        for value, label in (("real", _("Real")), ("fake", _("Fake")))
    }


def _wrong_answer_text(kind: str, answer: object, texts: dict[str, tuple[str, bool, str]]) -> str | None:
    """The editors' wording of one wrong ordering or matching answer (never the learner's text)."""
    if kind == grading.ORDERING and isinstance(answer, list):
        names = [texts[key][0] for key in answer if isinstance(key, str) and key in texts]
        return " → ".join(names) if names else None
    if kind == grading.MATCHING and isinstance(answer, dict):
        pairs = [
            f"{texts[left][0]} — {texts[right][2]}"
            for left, right in sorted(answer.items())
            if left in texts and isinstance(right, str) and right in texts and left != right
        ]
        return "; ".join(pairs) if pairs else None
    return None


def _statistics_row(
    *, question: Question, versions: list[Question], drawn: int, responses: list[tuple[object, bool, Decimal]]
) -> QuestionStatistics:
    kind = question.kind
    answered = [(answer, correct, points) for answer, correct, points in responses if answer not in (None, "", [], {})]
    common = {
        "key": question.translation_key,
        "text": question.text,
        "kind": kind,
        "sensitive": any(v.sensitive for v in versions),
        "drawn": drawn,
        "answered": len(answered),
        "max_points": _round(Decimal(question.points)),
    }
    if kind == grading.REFLECTION:
        choices: tuple[ChoiceStatistics, ...] = ()
        if question.reflection_format == Question.ReflectionFormat.SCALE:
            texts = _choice_texts(versions, question)
            counts = Counter(answer for answer, _c, _p in answered if isinstance(answer, str) and answer in texts)
            choices = tuple(
                ChoiceStatistics(key=key, text=text, correct=False, count=counts[key])
                for key, (text, _correct, _match) in texts.items()
            )
        # Free text is never returned, not even to a teacher: counts only.
        return QuestionStatistics(
            **common, percent_correct=None, mean_points=None, most_chosen_wrong=None, choices=choices
        )

    full_marks = sum(1 for _a, correct, _p in answered if correct)
    points = sum((p for _a, _c, p in answered), Decimal(0))
    percent = _round(Decimal(100) * full_marks / drawn) if drawn else None
    mean = _round(points / drawn) if drawn else None
    choices = ()
    most_chosen_wrong = None
    if kind in (grading.SINGLE, grading.MULTIPLE, grading.TRUE_FALSE, grading.REAL_OR_FAKE):
        texts = _choice_texts(versions, question) if kind in (grading.SINGLE, grading.MULTIPLE) else None
        texts = texts or _pseudo_choices(kind, question)
        counts: Counter[str] = Counter()
        for answer, _c, _p in answered:
            picked = answer if isinstance(answer, list) else [answer]
            counts.update({key for key in picked if isinstance(key, str) and key in texts})
        choices = tuple(
            ChoiceStatistics(key=key, text=text, correct=correct, count=counts[key])
            for key, (text, correct, _match) in texts.items()
        )
        wrong = [c for c in choices if not c.correct and c.count]
        if wrong:
            most_chosen_wrong = max(wrong, key=lambda c: c.count).text
    elif kind in (grading.ORDERING, grading.MATCHING):
        texts = _choice_texts(versions, question)
        wrong_answers = Counter(
            text
            for answer, correct, _p in answered
            if not correct and (text := _wrong_answer_text(kind, answer, texts)) is not None
        )
        if wrong_answers:
            most_chosen_wrong = wrong_answers.most_common(1)[0][0]
    return QuestionStatistics(
        **common, percent_correct=percent, mean_points=mean, most_chosen_wrong=most_chosen_wrong, choices=choices
    )


def quiz_statistics(
    *, quiz_key: uuid.UUID, learner_ids: Collection[int] | None = None, language: str | None = None
) -> list[QuestionStatistics]:
    """One row per question of the quiz (in any of its languages), in the quiz's order.

    quiz_key: the QuizPage's translation_key. learner_ids: only these learners (a class); None
    for everyone. language: the language of the texts, falling back to French, then any.
    """
    versions_by_key: dict[str, list[Question]] = defaultdict(list)
    questions = (
        Question.objects.filter(page__translation_key=quiz_key)
        .select_related("locale")
        .prefetch_related("choices")
        .order_by("sort_order", "pk")
    )
    for question in questions:
        versions_by_key[str(question.translation_key)].append(question)

    attempts = Attempt.objects.filter(quiz_key=quiz_key, submitted_at__isnull=False)
    responses = Response.objects.filter(attempt__quiz_key=quiz_key, attempt__submitted_at__isnull=False)
    if learner_ids is not None:
        learner_ids = list(learner_ids)
        attempts = attempts.filter(user_id__in=learner_ids)
        responses = responses.filter(attempt__user_id__in=learner_ids)
    drawn: Counter[str] = Counter()
    for entries in attempts.values_list("drawn", flat=True):
        drawn.update({entry["key"] for entry in entries if isinstance(entry, dict) and "key" in entry})
    answers: dict[str, list[tuple[object, bool, Decimal]]] = defaultdict(list)
    for question_key, answer, correct, points in responses.values_list("question_key", "answer", "correct", "points"):
        answers[str(question_key)].append((answer, correct, points))

    rows = []
    with translation.override(language) if language else nullcontext():  # "True", "Real"... in that language
        for key, versions in versions_by_key.items():
            question = _pick(versions, language)
            row = _statistics_row(question=question, versions=versions, drawn=drawn[key], responses=answers[key])
            rows.append((question.sort_order or 0, row))
    return [row for _order, row in sorted(rows, key=lambda pair: pair[0])]
