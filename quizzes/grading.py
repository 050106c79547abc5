"""Pure grading of quiz answers: one function per question type, no Django, no database.

The attempt service builds one QuestionSpec per drawn question from the DB rows and hands over the
learner's raw answers. Those answers come from the browser, so they are hostile until proven
otherwise: unknown question keys are ignored, ids that do not belong to the question are dropped,
and wrong shapes score zero. Nothing a learner sends can raise here or earn more than the maximum.
Rejection reasons are stable codes (for logs and audits), never UI text, and never echo the
submitted ids, which are attacker-controlled strings.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from types import MappingProxyType
from typing import Any

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
REAL_OR_FAKE = "real_or_fake"
ORDERING = "ordering"
MATCHING = "matching"
REFLECTION = "reflection"

ALL_OR_NOTHING = "all_or_nothing"
PARTIAL = "partial"
PAIRS = "pairs"

# Scoring modes each kind accepts; all_or_nothing, the default, applies to every kind.
MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        SINGLE: frozenset({ALL_OR_NOTHING}),
        MULTIPLE: frozenset({ALL_OR_NOTHING, PARTIAL}),
        TRUE_FALSE: frozenset({ALL_OR_NOTHING}),
        REAL_OR_FAKE: frozenset({ALL_OR_NOTHING}),
        ORDERING: frozenset({ALL_OR_NOTHING, PAIRS}),
        MATCHING: frozenset({ALL_OR_NOTHING, PARTIAL}),
        REFLECTION: frozenset({ALL_OR_NOTHING}),
    }
)

# Rejection codes reported in Grade.rejected.
MALFORMED = "malformed"  # wrong type or shape: the whole answer is discarded
TOO_LONG = "too_long"  # more entries than the question has ids: discarded before looking inside
FOREIGN_CHOICE = "foreign_choice"  # single/multiple: id not among this question's choices
DUPLICATE_CHOICE = "duplicate_choice"  # multiple: same id twice (harmless, counted once)
FOREIGN_ITEM = "foreign_item"  # ordering: id not among this question's items
DUPLICATE_ITEM = "duplicate_item"  # ordering: same item twice, so not a permutation
INCOMPLETE_ORDER = "incomplete_order"  # ordering: not every item placed
FOREIGN_LEFT = "foreign_left"  # matching: key is not one of the question's left-hand items
FOREIGN_RIGHT = "foreign_right"  # matching: value is not one of the question's right-hand options
REJECTION_CODES = frozenset(
    {MALFORMED, TOO_LONG, FOREIGN_CHOICE, DUPLICATE_CHOICE, FOREIGN_ITEM, DUPLICATE_ITEM}
    | {INCOMPLETE_ORDER, FOREIGN_LEFT, FOREIGN_RIGHT}
)

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
_HUNDRED = Decimal(100)
_TRUTHS = {"true": True, "false": False}
_REAL_OR_FAKE = frozenset({"real", "fake"})
_SEQUENCES = (list, tuple)
_COLLECTIONS = (list, tuple, set, frozenset)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _str_set(value: Any, *, what: str) -> frozenset[str]:
    # A bare str is iterable too; accepting it would silently turn "abc" into {"a", "b", "c"}.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"{what} must be a collection of str ids, not {type(value).__name__}")
    ids = frozenset(value)
    if not all(isinstance(i, str) for i in ids):
        raise TypeError(f"{what} must contain str ids only")
    return ids


@dataclass(frozen=True, kw_only=True)
class QuestionSpec:
    """What grading needs to know about one question; validated so that a bad spec fails loudly.

    correct per kind: single/multiple -> frozenset of choice ids (exactly one for single);
    true_false -> bool; real_or_fake -> "real" | "fake"; ordering -> tuple of item ids in order;
    matching -> mapping left_id -> right_id; reflection -> None.
    valid_ids: every choice id (single/multiple, distractors included), every item id (ordering,
    defaults to the items of `correct`), every right-hand option (matching, defaults to the
    values of `correct`). Unused by the other kinds.
    """

    key: str
    kind: str
    points: Decimal
    correct: Any = None
    valid_ids: frozenset[str] = frozenset()
    mode: str = ALL_OR_NOTHING

    def __post_init__(self) -> None:
        if self.kind not in MODES:
            raise ValueError(f"{self.key}: unknown question kind {self.kind!r}")
        if self.mode not in MODES[self.kind]:
            raise ValueError(f"{self.key}: mode {self.mode!r} does not apply to {self.kind!r}")
        # Floats are refused: 0.1 + 0.2 is not 0.3, and marks must add up exactly.
        if isinstance(self.points, bool) or not isinstance(self.points, Decimal | int):
            raise TypeError(f"{self.key}: points must be a Decimal, not {type(self.points).__name__}")
        points = Decimal(self.points)
        if not points.is_finite() or points < 0:
            raise ValueError(f"{self.key}: points must be a finite, non-negative number")
        object.__setattr__(self, "points", points)
        valid = _str_set(self.valid_ids, what="valid_ids")
        correct, valid = _normalise_correct(self.key, self.kind, self.correct, valid)
        object.__setattr__(self, "correct", correct)
        object.__setattr__(self, "valid_ids", valid)


def _normalise_correct(key: str, kind: str, correct: Any, valid: frozenset[str]) -> tuple[Any, frozenset[str]]:
    if kind in (SINGLE, MULTIPLE):
        ids = _str_set(correct, what=f"{key}: correct")
        if not ids or (kind == SINGLE and len(ids) != 1):
            raise ValueError(f"{key}: a {kind} question needs {'exactly one' if kind == SINGLE else 'a'} correct id")
        if not ids <= valid:
            raise ValueError(f"{key}: correct ids must be among valid_ids")
        return ids, valid
    if kind == TRUE_FALSE:
        if not isinstance(correct, bool):
            raise TypeError(f"{key}: true_false needs a bool as correct")
        return correct, valid
    if kind == REAL_OR_FAKE:
        if correct not in _REAL_OR_FAKE:
            raise ValueError(f"{key}: real_or_fake needs 'real' or 'fake' as correct")
        return correct, valid
    if kind == ORDERING:
        if not isinstance(correct, _SEQUENCES) or not all(isinstance(i, str) for i in correct):
            raise TypeError(f"{key}: ordering needs a tuple of str ids as correct")
        items = frozenset(correct)
        if len(correct) < 2 or len(items) != len(correct):
            raise ValueError(f"{key}: ordering needs at least two distinct items")
        # An ordering has no distractors: the ids to place are exactly the ids of the answer.
        if valid and valid != items:
            raise ValueError(f"{key}: valid_ids of an ordering must be its items")
        return tuple(correct), items
    if kind == MATCHING:
        if not isinstance(correct, Mapping) or not correct:
            raise TypeError(f"{key}: matching needs a non-empty mapping left -> right as correct")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in correct.items()):
            raise TypeError(f"{key}: matching ids must be str")
        rights = frozenset(correct.values())
        if valid and not rights <= valid:
            raise ValueError(f"{key}: every correct right-hand id must be among valid_ids")
        return MappingProxyType(dict(correct)), valid or rights
    return None, frozenset()  # reflection


@dataclass(frozen=True, kw_only=True)
class Grade:
    question_key: str
    graded: bool  # False only for reflections, which never count
    correct: bool  # full marks
    points: Decimal
    max_points: Decimal
    answered: bool  # a well-formed answer survived sanitising
    rejected: tuple[str, ...] = ()  # rejection codes, each once, in order of first occurrence


@dataclass(frozen=True, kw_only=True)
class AttemptGrade:
    grades: tuple[Grade, ...]  # in the order of `questions`
    score_points: Decimal
    max_points: Decimal
    percent: Decimal
    passed: bool
    unanswered: tuple[str, ...]  # keys of graded questions without a usable answer


# A kind grader returns the share of the points earned (None: nothing gradeable) and rejections.
_Outcome = tuple[Fraction | None, list[str]]
_RIGHT: Fraction = Fraction(1)
_WRONG: Fraction = Fraction(0)


def _grade_single(q: QuestionSpec, answer: object) -> _Outcome:
    if not isinstance(answer, str):
        return None, [MALFORMED]
    if answer not in q.valid_ids:
        return None, [FOREIGN_CHOICE]
    return (_RIGHT if answer in q.correct else _WRONG), []


def _grade_multiple(q: QuestionSpec, answer: object) -> _Outcome:
    if not isinstance(answer, _COLLECTIONS):
        return None, [MALFORMED]
    # Length first, so a forged million-entry list costs nothing to refuse.
    if len(answer) > len(q.valid_ids):
        return None, [TOO_LONG]
    if not all(isinstance(i, str) for i in answer):
        return None, [MALFORMED]
    rejected: list[str] = []
    selected: set[str] = set()
    for choice in answer:
        if choice not in q.valid_ids:
            rejected.append(FOREIGN_CHOICE)
        elif choice in selected:
            rejected.append(DUPLICATE_CHOICE)
        else:
            selected.add(choice)
    if not selected:
        return None, rejected
    if q.mode == PARTIAL:
        right, wrong = len(selected & q.correct), len(selected - q.correct)
        return max(_WRONG, Fraction(right - wrong, len(q.correct))), rejected
    return (_RIGHT if selected == q.correct else _WRONG), rejected


def _grade_true_false(q: QuestionSpec, answer: object) -> _Outcome:
    value = _TRUTHS.get(answer) if isinstance(answer, str) else answer
    if not isinstance(value, bool):  # 1 and 0 included: True == 1 in Python, but 1 is no answer here
        return None, [MALFORMED]
    return (_RIGHT if value is q.correct else _WRONG), []


def _grade_real_or_fake(q: QuestionSpec, answer: object) -> _Outcome:
    if not isinstance(answer, str) or answer not in _REAL_OR_FAKE:
        return None, [MALFORMED]
    return (_RIGHT if answer == q.correct else _WRONG), []


def _grade_ordering(q: QuestionSpec, answer: object) -> _Outcome:
    if not isinstance(answer, _SEQUENCES):  # a set has no order to grade
        return None, [MALFORMED]
    if len(answer) > len(q.correct):
        return None, [TOO_LONG]
    if not all(isinstance(i, str) for i in answer):
        return None, [MALFORMED]
    rejected = [FOREIGN_ITEM for i in answer if i not in q.valid_ids]
    order = [i for i in answer if i in q.valid_ids]
    if not order:
        return None, rejected
    if len(set(order)) != len(order):
        return None, [*rejected, DUPLICATE_ITEM]
    if len(order) != len(q.correct):
        return None, [*rejected, INCOMPLETE_ORDER]
    if q.mode == PAIRS:
        position = {item: index for index, item in enumerate(q.correct)}
        in_order = sum(position[a] < position[b] for a, b in pairwise(order))
        return Fraction(in_order, len(order) - 1), rejected
    return (_RIGHT if tuple(order) == q.correct else _WRONG), rejected


def _grade_matching(q: QuestionSpec, answer: object) -> _Outcome:
    if not isinstance(answer, Mapping):
        return None, [MALFORMED]
    if len(answer) > len(q.correct):
        return None, [TOO_LONG]
    if not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in answer.items()):
        return None, [MALFORMED]
    rejected: list[str] = []
    pairs: dict[str, str] = {}
    for left, right in answer.items():
        if not right:  # a left item the learner did not match yet
            continue
        if left not in q.correct:
            rejected.append(FOREIGN_LEFT)
        elif right not in q.valid_ids:
            rejected.append(FOREIGN_RIGHT)
        else:
            pairs[left] = right
    if not pairs:
        return None, rejected
    matched = sum(q.correct[left] == right for left, right in pairs.items())
    if q.mode == PARTIAL:
        return Fraction(matched, len(q.correct)), rejected
    return (_RIGHT if matched == len(q.correct) else _WRONG), rejected


_GRADERS: dict[str, Callable[[QuestionSpec, object], _Outcome]] = {
    SINGLE: _grade_single,
    MULTIPLE: _grade_multiple,
    TRUE_FALSE: _grade_true_false,
    REAL_OR_FAKE: _grade_real_or_fake,
    ORDERING: _grade_ordering,
    MATCHING: _grade_matching,
}


def _is_blank(answer: object) -> bool:
    # False is a real answer to a true/false question; only absence and emptiness are blank.
    return answer is None or (isinstance(answer, str | list | tuple | set | frozenset | Mapping) and not answer)


def grade_question(*, question: QuestionSpec, answer: object) -> Grade:
    """Grade one answer; never raises on anything the learner could have sent."""
    key, blank = question.key, _is_blank(answer)
    if question.kind == REFLECTION:
        return Grade(question_key=key, graded=False, correct=False, points=ZERO, max_points=ZERO, answered=not blank)
    share, rejected = (None, []) if blank else _GRADERS[question.kind](question, answer)
    earned = ZERO if share is None else _money(question.points * share.numerator / share.denominator)
    return Grade(
        question_key=key,
        graded=True,
        correct=share == _RIGHT,
        points=earned,
        max_points=_money(question.points),
        answered=share is not None,
        rejected=tuple(dict.fromkeys(rejected)),  # each code once: a thousand forged ids are one finding
    )


def _check_pass_mark(pass_mark_percent: Decimal) -> Decimal:
    if isinstance(pass_mark_percent, bool) or not isinstance(pass_mark_percent, Decimal | int):
        raise TypeError(f"pass_mark_percent must be a Decimal, not {type(pass_mark_percent).__name__}")
    mark = Decimal(pass_mark_percent)
    if not mark.is_finite() or not 0 <= mark <= 100:
        raise ValueError(f"pass_mark_percent must be within 0..100, got {pass_mark_percent}")
    return mark


def grade_attempt(
    *, questions: Sequence[QuestionSpec], answers: Mapping[str, object], pass_mark_percent: Decimal
) -> AttemptGrade:
    """Grade every drawn question of an attempt; answers to keys that were not drawn are ignored."""
    mark = _check_pass_mark(pass_mark_percent)
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise ValueError("question keys must be unique within an attempt")
    if not isinstance(answers, Mapping):  # a forged payload of the wrong shape answers nothing
        answers = {}
    grades = tuple(grade_question(question=q, answer=answers.get(q.key)) for q in questions)
    counted = [g for g in grades if g.graded]
    score = _money(sum((g.points for g in counted), ZERO))
    maximum = _money(sum((g.max_points for g in counted), ZERO))
    percent = _money(_HUNDRED * score / maximum) if maximum > 0 else ZERO
    return AttemptGrade(
        grades=grades,
        score_points=score,
        max_points=maximum,
        percent=percent,
        # Compared after rounding, so the percentage the learner sees always agrees with the verdict.
        passed=maximum > 0 and percent >= mark,
        unanswered=tuple(g.question_key for g in counted if not g.answered),
    )
