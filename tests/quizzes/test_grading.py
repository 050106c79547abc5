"""Grading is pure: every test here builds specs by hand and never touches the database."""

import random
from decimal import Decimal

import pytest

from quizzes.grading import (
    DUPLICATE_CHOICE,
    DUPLICATE_ITEM,
    FOREIGN_CHOICE,
    FOREIGN_ITEM,
    FOREIGN_LEFT,
    FOREIGN_RIGHT,
    INCOMPLETE_ORDER,
    MALFORMED,
    REJECTION_CODES,
    TOO_LONG,
    AttemptGrade,
    Grade,
    QuestionSpec,
    grade_attempt,
    grade_question,
)

D = Decimal


def single(key: str = "q-single", *, points: str = "1") -> QuestionSpec:
    return QuestionSpec(
        key=key, kind="single", points=D(points), correct=frozenset({f"{key}:a"}), valid_ids=_ids(key, "abcd")
    )


def multiple(key: str = "q-multi", *, points: str = "1", mode: str = "all_or_nothing") -> QuestionSpec:
    # Three correct choices (a, b, c) out of four.
    return QuestionSpec(
        key=key, kind="multiple", points=D(points), correct=_ids(key, "abc"), valid_ids=_ids(key, "abcd"), mode=mode
    )


def true_false(key: str = "q-tf", *, truth: bool = True) -> QuestionSpec:
    return QuestionSpec(key=key, kind="true_false", points=D("1"), correct=truth)


def real_or_fake(key: str = "q-rof", *, truth: str = "fake") -> QuestionSpec:
    return QuestionSpec(key=key, kind="real_or_fake", points=D("1"), correct=truth)


def ordering(key: str = "q-order", *, points: str = "3", mode: str = "all_or_nothing") -> QuestionSpec:
    return QuestionSpec(key=key, kind="ordering", points=D(points), correct=("a", "b", "c", "d"), mode=mode)


def matching(key: str = "q-match", *, points: str = "3", mode: str = "partial") -> QuestionSpec:
    return QuestionSpec(
        key=key,
        kind="matching",
        points=D(points),
        correct={"l1": "r1", "l2": "r2", "l3": "r3"},
        valid_ids=frozenset({"r1", "r2", "r3", "r4"}),
        mode=mode,
    )


def reflection(key: str = "q-reflect") -> QuestionSpec:
    return QuestionSpec(key=key, kind="reflection", points=D("5"))


def _ids(key: str, letters: str) -> frozenset[str]:
    return frozenset(f"{key}:{letter}" for letter in letters)


def grade(question: QuestionSpec, answer: object) -> Grade:
    return grade_question(question=question, answer=answer)


def summary(g: Grade) -> tuple:
    return (g.correct, g.points, g.answered, g.rejected)


# --- QuestionSpec: a bad spec is the caller's bug and fails loudly -------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"kind": "essay", "points": D(1)}, ValueError),
        (
            {"kind": "single", "points": D(1), "correct": frozenset({"a"}), "valid_ids": {"a"}, "mode": "partial"},
            ValueError,
        ),
        (
            {"kind": "multiple", "points": D(1), "correct": frozenset({"a"}), "valid_ids": {"a"}, "mode": "pairs"},
            ValueError,
        ),
        ({"kind": "ordering", "points": D(1), "correct": ("a", "b"), "mode": "partial"}, ValueError),
        ({"kind": "single", "points": 1.5, "correct": frozenset({"a"}), "valid_ids": {"a"}}, TypeError),
        ({"kind": "single", "points": True, "correct": frozenset({"a"}), "valid_ids": {"a"}}, TypeError),
        ({"kind": "single", "points": D(-1), "correct": frozenset({"a"}), "valid_ids": {"a"}}, ValueError),
        ({"kind": "single", "points": D("NaN"), "correct": frozenset({"a"}), "valid_ids": {"a"}}, ValueError),
        ({"kind": "single", "points": D(1), "correct": frozenset({"a", "b"}), "valid_ids": {"a", "b"}}, ValueError),
        ({"kind": "single", "points": D(1), "correct": frozenset({"a"}), "valid_ids": {"b"}}, ValueError),
        ({"kind": "single", "points": D(1), "correct": frozenset({"a"})}, ValueError),
        ({"kind": "multiple", "points": D(1), "correct": frozenset(), "valid_ids": {"a"}}, ValueError),
        ({"kind": "multiple", "points": D(1), "correct": "ab", "valid_ids": {"a", "b"}}, TypeError),
        ({"kind": "multiple", "points": D(1), "correct": frozenset({1}), "valid_ids": {1}}, TypeError),
        ({"kind": "true_false", "points": D(1), "correct": "true"}, TypeError),
        ({"kind": "real_or_fake", "points": D(1), "correct": "maybe"}, ValueError),
        ({"kind": "ordering", "points": D(1), "correct": ("a",)}, ValueError),
        ({"kind": "ordering", "points": D(1), "correct": ("a", "b", "a")}, ValueError),
        ({"kind": "ordering", "points": D(1), "correct": {"a", "b"}}, TypeError),
        ({"kind": "ordering", "points": D(1), "correct": ("a", "b"), "valid_ids": {"a", "b", "c"}}, ValueError),
        ({"kind": "matching", "points": D(1), "correct": {}}, TypeError),
        ({"kind": "matching", "points": D(1), "correct": [("l1", "r1")]}, TypeError),
        ({"kind": "matching", "points": D(1), "correct": {"l1": 1}}, TypeError),
        ({"kind": "matching", "points": D(1), "correct": {"l1": "r1"}, "valid_ids": {"r2"}}, ValueError),
    ],
)
def test_an_inconsistent_spec_is_refused(kwargs, error):
    with pytest.raises(error):
        QuestionSpec(key="bad", **kwargs)


def test_spec_is_keyword_only_and_frozen():
    with pytest.raises(TypeError):
        QuestionSpec("k", "true_false", D(1), True)  # type: ignore[misc]
    spec = true_false()
    with pytest.raises(AttributeError):
        spec.points = D(100)  # type: ignore[misc]


def test_spec_normalises_its_inputs():
    spec = QuestionSpec(key="k", kind="ordering", points=2, correct=["x", "y"])
    assert spec.points == D(2) and isinstance(spec.points, Decimal)
    assert spec.correct == ("x", "y")
    assert spec.valid_ids == frozenset({"x", "y"})  # an ordering's ids default to its items

    source = {"l1": "r1"}
    match = QuestionSpec(key="m", kind="matching", points=D(1), correct=source)
    source["l1"] = "forged"  # a later change to the caller's dict must not move the answer key
    assert dict(match.correct) == {"l1": "r1"}
    assert match.valid_ids == frozenset({"r1"})
    with pytest.raises(TypeError):
        match.correct["l1"] = "r9"


# --- single choice ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("q-single:a", (True, D("2.00"), True, ())),
        ("q-single:c", (False, D("0.00"), True, ())),
        ("q-other:a", (False, D("0.00"), False, (FOREIGN_CHOICE,))),  # the right letter of another question
        ("not-an-id", (False, D("0.00"), False, (FOREIGN_CHOICE,))),
        (None, (False, D("0.00"), False, ())),
        ("", (False, D("0.00"), False, ())),
        (["q-single:a"], (False, D("0.00"), False, (MALFORMED,))),
        ({"q-single:a": True}, (False, D("0.00"), False, (MALFORMED,))),
        (7, (False, D("0.00"), False, (MALFORMED,))),
        (True, (False, D("0.00"), False, (MALFORMED,))),
        (b"q-single:a", (False, D("0.00"), False, (MALFORMED,))),
    ],
)
def test_single_choice(answer, expected):
    g = grade(single(points="2"), answer)
    assert summary(g) == expected
    assert (g.question_key, g.graded, g.max_points) == ("q-single", True, D("2.00"))


# --- multiple choice -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letters", "correct", "points"),
    [
        ("abc", True, "1.00"),
        ("cba", True, "1.00"),
        ("ab", False, "0.00"),
        ("abcd", False, "0.00"),
        ("d", False, "0.00"),
    ],
)
def test_multiple_all_or_nothing_needs_exactly_the_correct_set(letters, correct, points):
    g = grade(multiple(), [f"q-multi:{letter}" for letter in letters])
    assert summary(g) == (correct, D(points), True, ())


@pytest.mark.parametrize(
    ("letters", "points", "expected"),
    [
        ("abc", "1", "1.00"),
        ("ab", "1", "0.67"),
        ("abd", "1", "0.33"),  # 2 right + 1 wrong of 3 correct: (2 - 1) / 3
        ("ad", "1", "0.00"),  # 1 right cancelled by 1 wrong
        ("d", "1", "0.00"),  # floored at zero, never negative
        ("abcd", "1", "0.67"),  # ticking everything is not a free pass
        ("a", "1", "0.33"),
        ("abd", "2", "0.67"),
        ("ab", "3", "2.00"),  # exact: 3 * 2 / 3, not 3 * 0.666...
        ("a", "2.5", "0.83"),
        ("abc", "2.5", "2.50"),
    ],
)
def test_multiple_partial_credit(letters, points, expected):
    g = grade(multiple(points=points, mode="partial"), [f"q-multi:{letter}" for letter in letters])
    assert g.points == D(expected)
    assert str(g.points) == expected  # always two decimal places
    assert g.correct is (letters == "abc")
    assert g.max_points == D(points).quantize(D("0.01"))


def test_partial_credit_rounds_half_up():
    # 1 right of 8 correct is 0.125 points: half-up gives 0.13 where banker's rounding would give 0.12.
    ids = frozenset(f"c{i}" for i in range(8))
    spec = QuestionSpec(key="eight", kind="multiple", points=D(1), correct=ids, valid_ids=ids, mode="partial")
    assert grade(spec, ["c0"]).points == D("0.13")
    assert grade(spec, ["c0", "c1", "c2"]).points == D("0.38")  # 0.375


@pytest.mark.parametrize("container", [list, tuple, set, frozenset])
def test_multiple_accepts_any_collection_of_ids(container):
    assert grade(multiple(), container(["q-multi:a", "q-multi:b", "q-multi:c"])).points == D("1.00")


def test_multiple_drops_a_choice_of_another_question_and_grades_the_rest():
    other = multiple("q-other")
    answer = ["q-multi:a", "q-multi:b", "q-multi:c", sorted(other.correct)[0]]
    assert summary(grade(multiple(), answer)) == (True, D("1.00"), True, (FOREIGN_CHOICE,))
    # In partial mode the foreign id neither helps nor counts as a wrong tick.
    answer = ["q-multi:a", "q-other:a", "forged"]
    assert summary(grade(multiple(mode="partial"), answer)) == (False, D("0.33"), True, (FOREIGN_CHOICE,))


def test_multiple_with_only_foreign_choices_is_unanswered():
    assert summary(grade(multiple(), ["q-other:a", "q-other:b"])) == (False, D("0.00"), False, (FOREIGN_CHOICE,))


def test_multiple_counts_a_duplicate_once():
    answer = ["q-multi:a", "q-multi:a", "q-multi:b"]
    assert summary(grade(multiple(mode="partial"), answer)) == (False, D("0.67"), True, (DUPLICATE_CHOICE,))
    answer = ["q-multi:a", "q-multi:b", "q-multi:c", "q-multi:c"]
    assert summary(grade(multiple(), answer)) == (True, D("1.00"), True, (DUPLICATE_CHOICE,))


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("q-multi:a", MALFORMED),  # a bare string is not a set of ids (and must not be read letter by letter)
        ({"q-multi:a": True, "q-multi:b": True, "q-multi:c": True}, MALFORMED),
        (["q-multi:a", 3], MALFORMED),
        (["q-multi:a", None], MALFORMED),
        ([["q-multi:a"]], MALFORMED),
        (42, MALFORMED),
        (iter(["q-multi:a"]), MALFORMED),
        (["q-multi:a", "q-multi:b", "q-multi:c", "q-multi:d", "q-multi:a"], TOO_LONG),
        (["q-multi:a"] * 100_000, TOO_LONG),
    ],
)
def test_multiple_malformed_answers_score_nothing(answer, reason):
    for mode in ("all_or_nothing", "partial"):
        assert summary(grade(multiple(mode=mode), answer)) == (False, D("0.00"), False, (reason,))


@pytest.mark.parametrize("answer", [None, [], (), set(), frozenset()])
def test_multiple_blank_is_unanswered(answer):
    assert summary(grade(multiple(mode="partial"), answer)) == (False, D("0.00"), False, ())


# --- true/false and real-or-fake -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("truth", "answer", "expected"),
    [
        (True, True, (True, D("1.00"), True, ())),
        (True, "true", (True, D("1.00"), True, ())),
        (True, False, (False, D("0.00"), True, ())),
        (True, "false", (False, D("0.00"), True, ())),
        (False, False, (True, D("1.00"), True, ())),  # False is an answer, not a blank
        (False, "false", (True, D("1.00"), True, ())),
        (False, "true", (False, D("0.00"), True, ())),
        (False, None, (False, D("0.00"), False, ())),
        (False, "", (False, D("0.00"), False, ())),
        (True, 1, (False, D("0.00"), False, (MALFORMED,))),  # 1 == True in Python, but not here
        (False, 0, (False, D("0.00"), False, (MALFORMED,))),
        (True, "True", (False, D("0.00"), False, (MALFORMED,))),
        (True, "yes", (False, D("0.00"), False, (MALFORMED,))),
        (True, ["true"], (False, D("0.00"), False, (MALFORMED,))),
        (True, {"answer": True}, (False, D("0.00"), False, (MALFORMED,))),
    ],
)
def test_true_false(truth, answer, expected):
    assert summary(grade(true_false(truth=truth), answer)) == expected


@pytest.mark.parametrize(
    ("truth", "answer", "expected"),
    [
        ("fake", "fake", (True, D("1.00"), True, ())),
        ("fake", "real", (False, D("0.00"), True, ())),
        ("real", "real", (True, D("1.00"), True, ())),
        ("real", "fake", (False, D("0.00"), True, ())),
        ("real", None, (False, D("0.00"), False, ())),
        ("real", "", (False, D("0.00"), False, ())),
        ("real", "REAL", (False, D("0.00"), False, (MALFORMED,))),
        ("real", True, (False, D("0.00"), False, (MALFORMED,))),
        ("real", "true", (False, D("0.00"), False, (MALFORMED,))),
        ("fake", ["fake"], (False, D("0.00"), False, (MALFORMED,))),
    ],
)
def test_real_or_fake(truth, answer, expected):
    assert summary(grade(real_or_fake(truth=truth), answer)) == expected


# --- ordering --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("abcd", (True, D("3.00"), True, ())),
        ("abdc", (False, D("0.00"), True, ())),
        ("dcba", (False, D("0.00"), True, ())),
    ],
)
def test_ordering_all_or_nothing(order, expected):
    assert summary(grade(ordering(), list(order))) == expected


@pytest.mark.parametrize(
    ("order", "points", "expected"),
    [
        ("abcd", "3", "3.00"),
        ("bcda", "3", "2.00"),  # bc, cd right; da wrong
        ("acbd", "3", "2.00"),  # ac, bd right; cb wrong
        ("badc", "3", "1.00"),  # only ad right
        ("dcba", "3", "0.00"),
        ("bcda", "1", "0.67"),
    ],
)
def test_ordering_pairs_mode(order, points, expected):
    g = grade(ordering(points=points, mode="pairs"), tuple(order))
    assert (g.points, g.correct, g.answered, g.rejected) == (D(expected), order == "abcd", True, ())


@pytest.mark.parametrize(
    ("answer", "rejected"),
    [
        (["a", "a", "b", "c"], (DUPLICATE_ITEM,)),
        (["a", "b"], (INCOMPLETE_ORDER,)),
        (["a", "b", "zz", "d"], (FOREIGN_ITEM, INCOMPLETE_ORDER)),
        (["x", "y"], (FOREIGN_ITEM,)),
        (["a", "b", "c", "d", "zz"], (TOO_LONG,)),
        (["a", "b", "c", "d", "a"], (TOO_LONG,)),
        (list("abcd") * 50_000, (TOO_LONG,)),
        ({"a", "b", "c", "d"}, (MALFORMED,)),  # a set has no order
        ({"0": "a", "1": "b", "2": "c", "3": "d"}, (MALFORMED,)),
        ("abcd", (MALFORMED,)),
        ([1, 2, 3, 4], (MALFORMED,)),
        (["a", "b", "c", None], (MALFORMED,)),
        (4, (MALFORMED,)),
        (None, ()),
        ([], ()),
    ],
)
def test_ordering_rejects_anything_but_a_permutation(answer, rejected):
    for mode in ("all_or_nothing", "pairs"):
        assert summary(grade(ordering(mode=mode), answer)) == (False, D("0.00"), False, rejected)


# --- matching --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "partial", "all_or_nothing"),
    [
        ({"l1": "r1", "l2": "r2", "l3": "r3"}, "3.00", "3.00"),
        ({"l1": "r1", "l2": "r2", "l3": "r4"}, "2.00", "0.00"),
        ({"l1": "r1", "l2": "r3", "l3": "r2"}, "1.00", "0.00"),
        ({"l1": "r1", "l2": None}, "1.00", "0.00"),  # l2 and l3 left unmatched
        ({"l1": "r4", "l2": "r4", "l3": "r4"}, "0.00", "0.00"),
        ({"l1": "r1", "l2": "r1", "l3": "r1"}, "1.00", "0.00"),  # one right side for all: only l1 earns
    ],
)
def test_matching(answer, partial, all_or_nothing):
    for mode, expected in (("partial", partial), ("all_or_nothing", all_or_nothing)):
        g = grade(matching(mode=mode), answer)
        assert (g.points, g.correct, g.answered, g.rejected) == (D(expected), expected == "3.00", True, ())


def test_matching_partial_in_thirds():
    g = grade(matching(points="1"), {"l1": "r1", "l2": "r2", "l3": "r1"})
    assert (g.points, g.max_points) == (D("0.67"), D("1.00"))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"l1": "r1", "l9": "r2"}, (False, D("1.00"), True, (FOREIGN_LEFT,))),
        ({"l1": "r1", "l2": "rX"}, (False, D("1.00"), True, (FOREIGN_RIGHT,))),
        ({"l1": "other-q:r1", "l2": "r2"}, (False, D("1.00"), True, (FOREIGN_RIGHT,))),
        ({"l9": "r1", "l1": "rX"}, (False, D("0.00"), False, (FOREIGN_LEFT, FOREIGN_RIGHT))),
        ({"l1": "r1", "l2": "r2", "l3": "r3", "l4": "r4"}, (False, D("0.00"), False, (TOO_LONG,))),
        ({"l1": None, "l2": "", "l3": None}, (False, D("0.00"), False, ())),
        ({}, (False, D("0.00"), False, ())),
        (None, (False, D("0.00"), False, ())),
        ([("l1", "r1"), ("l2", "r2"), ("l3", "r3")], (False, D("0.00"), False, (MALFORMED,))),
        ([["l1", "r1"]], (False, D("0.00"), False, (MALFORMED,))),
        ("l1=r1", (False, D("0.00"), False, (MALFORMED,))),
        ({"l1": 1}, (False, D("0.00"), False, (MALFORMED,))),
        ({1: "r1"}, (False, D("0.00"), False, (MALFORMED,))),
        ({"l1": ["r1"]}, (False, D("0.00"), False, (MALFORMED,))),
        ({"l1": {"id": "r1"}}, (False, D("0.00"), False, (MALFORMED,))),
    ],
)
def test_matching_forged_and_malformed(answer, expected):
    assert summary(grade(matching(), answer)) == expected


# --- reflection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "answered"),
    [("I learned to check the source.", True), (4, True), (None, False), ("", False), ({"forged": 1}, True)],
)
def test_reflection_is_never_graded(answer, answered):
    g = grade(reflection(), answer)
    assert g == Grade(
        question_key="q-reflect", graded=False, correct=False, points=D("0"), max_points=D("0"), answered=answered
    )


# --- a whole attempt -------------------------------------------------------------------------------


def quiz() -> list[QuestionSpec]:
    return [
        single("s1", points="2"),
        multiple("m1", points="3", mode="partial"),
        true_false("tf"),
        real_or_fake("rf"),
        ordering("o1", points="2", mode="pairs"),
        matching("x1", points="3"),
        reflection("r1"),
    ]


ANSWERS = {
    "s1": "s1:a",  # 2.00 of 2
    "m1": ["m1:a", "m1:b", "m1:d"],  # 1.00 of 3
    "tf": "false",  # 0.00 of 1
    # rf: not answered, 0.00 of 1
    "o1": ["b", "c", "d", "a"],  # 1.33 of 2
    "x1": {"l1": "r1", "l2": "r2", "l3": "r4"},  # 2.00 of 3
    "r1": "It was hard.",
}


def test_grade_attempt_adds_up_exactly():
    result = grade_attempt(questions=quiz(), answers=ANSWERS, pass_mark_percent=D("50"))
    assert [(g.question_key, g.points, g.max_points) for g in result.grades] == [
        ("s1", D("2.00"), D("2.00")),
        ("m1", D("1.00"), D("3.00")),
        ("tf", D("0.00"), D("1.00")),
        ("rf", D("0.00"), D("1.00")),
        ("o1", D("1.33"), D("2.00")),
        ("x1", D("2.00"), D("3.00")),
        ("r1", D("0.00"), D("0.00")),
    ]
    assert (result.score_points, result.max_points) == (D("6.33"), D("12.00"))  # the reflection's 5 points never count
    assert result.percent == D("52.75")  # 633 / 12
    assert result.passed is True
    assert result.unanswered == ("rf",)


def test_unanswered_lists_graded_questions_in_order_and_never_reflections():
    result = grade_attempt(questions=quiz(), answers={"tf": True}, pass_mark_percent=D("0"))
    assert result.unanswered == ("s1", "m1", "rf", "o1", "x1")
    assert (result.score_points, result.percent, result.passed) == (D("1.00"), D("8.33"), True)  # 1 / 12


def test_forged_question_keys_are_ignored():
    forged = {**ANSWERS, "ghost": "s1:a", "s1 ": "s1:a", "__all__": True, 3: "x"}
    honest = grade_attempt(questions=quiz(), answers=ANSWERS, pass_mark_percent=D("50"))
    assert grade_attempt(questions=quiz(), answers=forged, pass_mark_percent=D("50")) == honest


def test_answers_for_questions_that_were_not_drawn_are_ignored():
    # The learner answers a question from the bank that this attempt did not draw.
    drawn = [single("s1")]
    result = grade_attempt(questions=drawn, answers={"s1": "s1:b", "s2": "s2:a"}, pass_mark_percent=D("50"))
    assert [g.question_key for g in result.grades] == ["s1"]
    assert (result.score_points, result.max_points, result.passed) == (D("0.00"), D("1.00"), False)


@pytest.mark.parametrize("answers", [["s1:a"], "s1:a", None, 42])
def test_answers_of_the_wrong_shape_answer_nothing(answers):
    result = grade_attempt(questions=[single("s1")], answers=answers, pass_mark_percent=D("50"))
    assert (result.score_points, result.max_points, result.percent, result.passed) == (D(0), D(1), D(0), False)
    assert result.unanswered == ("s1",)


def _four_points(right: int) -> AttemptGrade:
    questions = [true_false(f"t{i}") for i in range(4)]
    answers = {f"t{i}": i < right for i in range(4)}
    return grade_attempt(questions=questions, answers=answers, pass_mark_percent=D("50"))


def test_pass_mark_boundary():
    assert (_four_points(2).percent, _four_points(2).passed) == (D("50.00"), True)  # exactly equal passes
    assert (_four_points(1).percent, _four_points(1).passed) == (D("25.00"), False)
    assert (_four_points(4).percent, _four_points(4).passed) == (D("100.00"), True)


@pytest.mark.parametrize(
    ("mark", "passed"), [(D("66.66"), True), (D("66.67"), True), (D("66.68"), False), (100, False), (0, True)]
)
def test_pass_mark_compares_the_rounded_percent_the_learner_sees(mark, passed):
    questions = [true_false(f"t{i}") for i in range(3)]
    result = grade_attempt(questions=questions, answers={"t0": True, "t1": True}, pass_mark_percent=mark)
    assert (result.percent, result.passed) == (D("66.67"), passed)


def test_full_marks_pass_a_hundred_percent_mark():
    result = grade_attempt(questions=[single("s1")], answers={"s1": "s1:a"}, pass_mark_percent=D("100"))
    assert (result.percent, result.passed) == (D("100.00"), True)


@pytest.mark.parametrize("questions", [[], [reflection("r1"), reflection("r2")]])
def test_nothing_to_score_never_passes(questions):
    result = grade_attempt(questions=questions, answers={"r1": "yes"}, pass_mark_percent=D("0"))
    assert (result.score_points, result.max_points, result.percent, result.passed) == (D(0), D(0), D(0), False)
    assert result.unanswered == ()


@pytest.mark.parametrize(
    ("mark", "error"),
    [
        (D("-0.01"), ValueError),
        (D("100.01"), ValueError),
        (101, ValueError),
        (-1, ValueError),
        (D("NaN"), ValueError),
        (D("Infinity"), ValueError),
        (50.0, TypeError),
        ("50", TypeError),
        (True, TypeError),
        (None, TypeError),
    ],
)
def test_invalid_pass_mark_is_refused(mark, error):
    with pytest.raises(error):
        grade_attempt(questions=[single("s1")], answers={}, pass_mark_percent=mark)


def test_duplicate_question_keys_are_refused():
    with pytest.raises(ValueError, match="unique"):
        grade_attempt(questions=[single("s1"), single("s1")], answers={}, pass_mark_percent=D("50"))


# --- properties over random, partly hostile answers -------------------------------------------------

GARBAGE: list[object] = [
    None,
    "",
    "true",
    "real",
    0,
    1,
    True,
    False,
    3.5,
    b"bytes",
    [],
    {},
    [None],
    [[]],
    {"a": "b"},
    {"l1": ["r1"]},
    object(),
    ["x"] * 1000,
    "q-multi:a",
]


def _random_answer(rng: random.Random, spec: QuestionSpec) -> object:
    pool = sorted(spec.valid_ids | {"foreign", "q-other:a", ""})
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(GARBAGE)
    if spec.kind == "matching":
        lefts = [*spec.correct, "l9"]
        return {rng.choice(lefts): rng.choice([*pool, None]) for _ in range(rng.randint(0, 4))}
    if spec.kind in ("true_false", "real_or_fake"):
        return rng.choice([True, False, "true", "false", "real", "fake", "REAL"])
    picks = [rng.choice(pool) for _ in range(rng.randint(0, len(pool)))]
    if spec.kind == "single":
        return picks[0] if picks else rng.choice(pool)
    if spec.kind == "ordering" and roll < 0.6:
        return rng.sample(sorted(spec.valid_ids), len(spec.valid_ids))  # a genuine permutation
    return picks if roll < 0.8 else set(picks)


def test_random_answers_never_raise_exceed_the_maximum_or_go_negative():
    rng = random.Random(20240917)
    specs = [*quiz(), multiple("m2", points="1.5"), ordering("o2"), matching("x2", mode="all_or_nothing")]
    specs = [*specs, multiple("m3", points="7", mode="partial")]
    seen_full = seen_partial = seen_rejected = 0
    for _ in range(1000):
        answers: dict[object, object] = {spec.key: _random_answer(rng, spec) for spec in specs if rng.random() < 0.9}
        answers["ghost"] = rng.choice(GARBAGE)
        mark = D(rng.randint(0, 100))
        result = grade_attempt(questions=specs, answers=answers, pass_mark_percent=mark)
        for g in result.grades:
            assert D(0) <= g.points <= g.max_points
            assert g.points.as_tuple().exponent == -2 and g.max_points.as_tuple().exponent == -2
            assert set(g.rejected) <= REJECTION_CODES and len(set(g.rejected)) == len(g.rejected)
            if g.correct:
                assert g.graded and g.answered and g.points == g.max_points
            if not g.answered:
                assert (g.points, g.correct) == (D(0), False)
            if not g.graded:
                assert (g.points, g.max_points, g.correct) == (D(0), D(0), False)
            seen_full += g.correct
            seen_partial += D(0) < g.points < g.max_points
            seen_rejected += bool(g.rejected)
        assert sum(g.points for g in result.grades) == result.score_points
        assert D(0) <= result.score_points <= result.max_points == D("26.50")
        assert D(0) <= result.percent <= D(100)
        assert result.passed == (result.percent >= mark)
        assert result.unanswered == tuple(g.question_key for g in result.grades if g.graded and not g.answered)
    # The generator must actually reach the interesting cases, or the checks above prove little.
    assert min(seen_full, seen_partial, seen_rejected) > 200
