"""The shared code machinery: alphabet, normaliser, grouping, entropy and the check character."""

import itertools
import math

import pytest

from core import codes
from core.codes import (
    ALPHABET,
    check_character,
    entropy_bits,
    group,
    has_valid_check,
    is_in_alphabet,
    normalise,
    random_code,
)

# Bodies with structure (repeats, runs, both ends of the alphabet) plus the example used in docs.
BODIES = ["7F3K92QX", "22222222", "ZZZZZZZZ", "23456789", "ABABABAB", "VWXYZ234", "M", "Q9", "HJKMNPQRSTVW"]


def _swap(text: str, i: int, j: int) -> str:
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def _with(text: str, position: int, char: str) -> str:
    return text[:position] + char + text[position + 1 :]


def test_alphabet_is_thirty_distinct_symbols_without_look_alikes():
    assert ALPHABET == "23456789ABCDEFGHJKMNPQRSTVWXYZ"
    assert len(set(ALPHABET)) == 30
    assert set("01ILOU").isdisjoint(ALPHABET)
    assert sorted(ALPHABET) == list(ALPHABET)


def test_random_code_has_the_requested_length_and_only_alphabet_symbols():
    for length in (1, 6, 8, 20):
        code = random_code(length=length)
        assert len(code) == length
        assert set(code) <= set(ALPHABET)


def test_random_code_draws_from_secrets(monkeypatch):
    drawn_from = []
    monkeypatch.setattr(codes.secrets, "choice", lambda seq: drawn_from.append(seq) or "Q")
    assert random_code(length=3) == "QQQ"
    assert drawn_from == [ALPHABET] * 3


def test_random_code_reaches_every_symbol_and_does_not_repeat_itself():
    # 3,000 draws miss a given symbol with probability (29/30)^3000 < 1e-44.
    assert set(random_code(length=3000)) == set(ALPHABET)
    assert len({random_code(length=8) for _ in range(1000)}) == 1000


def test_random_code_refuses_an_empty_length():
    with pytest.raises(ValueError, match="at least 1"):
        random_code(length=0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7f3k-92qx", "7F3K92QX"),
        ("  7F3K 92QX\n", "7F3K92QX"),
        ("7f3k.92qx", "7F3K92QX"),
        ("7f3k_92qx", "7F3K92QX"),
        ("7F3K\u201392QX", "7F3K92QX"),  # en dash from autocorrect
        ("7F3K\u00a092QX", "7F3K92QX"),  # no-break space
        ("\uff17\uff26\uff13\uff2b", "7F3K"),  # full-width forms
        ("uvu", "VVV"),  # U can only be a misread V
        ("o0il1", "O0IL1"),  # ambiguous look-alikes are kept, to be rejected as malformed
        ("", ""),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_is_in_alphabet():
    assert is_in_alphabet(ALPHABET)
    assert is_in_alphabet("")
    assert not is_in_alphabet("7F3O")
    assert not is_in_alphabet("7f3k")


def test_group():
    assert group("7F3K92QX") == "7F3K-92QX"
    assert group("7F3K92QXM", size=3) == "7F3-K92-QXM"
    assert group("ABCDEFG", size=3, sep=" ") == "ABC DEF G"
    assert group("AB") == "AB"
    assert group("") == ""
    with pytest.raises(ValueError, match="at least 1"):
        group("AB", size=0)


def test_entropy_bits():
    assert entropy_bits(1) == pytest.approx(4.906890595608519)
    assert entropy_bits(6) == pytest.approx(29.441343573651113)
    assert entropy_bits(8) == pytest.approx(39.25512476486815)
    assert entropy_bits(8) == pytest.approx(math.log2(30**8))


def test_check_character_known_values():
    # Stored codes depend on these: changing the algorithm would make printed certificates "typos".
    assert [check_character(body) for body in BODIES] == ["M", "2", "2", "C", "C", "P", "D", "2", "5"]
    assert check_character("") == "2"


def test_codes_with_their_check_character_are_valid():
    for body in [*BODIES, *(random_code(length=8) for _ in range(200))]:
        assert has_valid_check(body + check_character(body))


def test_check_character_catches_every_single_substitution():
    bodies = [*BODIES, *(random_code(length=8) for _ in range(20))]
    for body in bodies:
        code = body + check_character(body)
        mistyped = [_with(code, position, char) for position in range(len(code)) for char in ALPHABET]
        undetected = [typo for typo in mistyped if typo != code and has_valid_check(typo)]
        assert undetected == []
        assert len(mistyped) - mistyped.count(code) == len(code) * 29


def test_check_character_catches_every_adjacent_transposition_in_all_three_character_codes():
    # Every code of two symbols plus check: 900 codes, both adjacent swaps each.
    undetected = []
    for a, b in itertools.product(ALPHABET, repeat=2):
        code = a + b + check_character(a + b)
        for i in (0, 1):
            swapped = _swap(code, i, i + 1)
            if swapped != code and has_valid_check(swapped):
                undetected.append(swapped)
    assert undetected == []


def test_check_character_catches_every_adjacent_transposition_at_every_position_of_a_nine_character_code():
    filler = "7F3K92QX"
    checked_pairs = set()
    undetected = []
    # Both swapped symbols in the body: all 870 ordered pairs of distinct symbols at each position.
    for position in range(7):
        for a, b in itertools.permutations(ALPHABET, 2):
            body = _with(_with(filler, position, a), position + 1, b)
            code = body + check_character(body)
            if has_valid_check(_swap(code, position, position + 1)):
                undetected.append(code)
            checked_pairs.add((position, a, b))
    # The last body symbol and the check character: varying the first symbol moves the check
    # character through the whole alphabet, so every ordered pair occurs.
    for first, last in itertools.product(ALPHABET, repeat=2):
        body = _with(_with(filler, 0, first), 7, last)
        code = body + check_character(body)
        if code[7] != code[8]:
            if has_valid_check(_swap(code, 7, 8)):
                undetected.append(code)
            checked_pairs.add((7, code[7], code[8]))
    assert undetected == []
    assert len(checked_pairs) == 8 * 870


def test_what_the_check_character_does_not_guarantee():
    # Jump transpositions (abc -> cba) and twin errors (aa -> bb) are not always caught. The counts
    # are the same at every position; these are the exact figures quoted in core/codes.py.
    filler = "7F3K92QX"
    jumps_missed = twins_missed = 0
    for a, b in itertools.permutations(ALPHABET, 2):
        twin_body = _with(_with(filler, 2, a), 3, a)
        twin_code = twin_body + check_character(twin_body)
        twins_missed += has_valid_check(_with(_with(twin_code, 2, b), 3, b))
        for middle in ALPHABET:
            body = _with(_with(_with(filler, 2, a), 3, middle), 4, b)
            code = body + check_character(body)
            jumps_missed += has_valid_check(_swap(code, 2, 4))
    assert (jumps_missed, 30 * 29 * 30) == (1800, 26100)
    assert (twins_missed, 30 * 29) == (240, 870)


def test_check_functions_reject_foreign_characters_and_too_short_codes():
    with pytest.raises(ValueError, match="'O' is not in the code alphabet"):
        check_character("7F3O")
    with pytest.raises(ValueError, match="'1' is not in the code alphabet"):
        has_valid_check("71")
    with pytest.raises(ValueError, match="at least 2"):
        has_valid_check("7")
