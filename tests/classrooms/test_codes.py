"""Class join codes: six symbols, stored as "7KXMQ4", shown as "7KX-MQ4"."""

import pytest

from classrooms.codes import (
    JOIN_CODE_ENTROPY_BITS,
    JOIN_CODE_LENGTH,
    join_code_display,
    join_code_new,
    join_code_normalise,
)
from core import codes
from core.codes import ALPHABET


def test_new_codes_are_six_alphabet_symbols_that_normalise_to_themselves():
    created = [join_code_new() for _ in range(1000)]
    for code in created:
        assert len(code) == 6
        assert set(code) <= set(ALPHABET)
        assert join_code_normalise(code) == code
    # With 30^6 codes, 1,000 draws hold one repeated pair with probability ~7e-4 (birthday bound),
    # so demanding 1,000 distinct codes would be flaky; three repeats happen with p < 1e-10.
    assert len(set(created)) >= 998


def test_new_code_draws_from_secrets(monkeypatch):
    monkeypatch.setattr(codes.secrets, "choice", lambda seq: "K")
    assert join_code_new() == "KKKKKK"


@pytest.mark.parametrize(
    "raw",
    ["7KXMQ4", "7KX-MQ4", "7kx mq4", " 7kx.mq4\n", "7 K X M Q 4", "7KX\u2014MQ4", "7kxmq4"],
)
def test_normalise_accepts_what_pupils_type(raw):
    assert join_code_normalise(raw) == "7KXMQ4"


def test_normalise_reads_a_typed_u_as_a_v():
    assert join_code_normalise("7ku-mq4") == "7KVMQ4"


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "7KX-MQ", "7KX-MQ44", "7KX-MO4", "7KX-M04", "IKX-MQ4", "LKX-MQ4", "<b>7KX", "KLN-7KX-MQ4", "7KXMQ4Q"],
)
def test_normalise_returns_none_for_what_cannot_be_a_code(raw):
    assert join_code_normalise(raw) is None


def test_display_groups_three_and_three():
    assert join_code_display("7KXMQ4") == "7KX-MQ4"
    assert join_code_display("7kx mq4") == "7KX-MQ4"
    with pytest.raises(ValueError, match="'7KX-MO4' is not a join code"):
        join_code_display("7KX-MO4")


def test_entropy_and_the_guessing_time_quoted_in_the_docs():
    assert JOIN_CODE_LENGTH == 6
    assert round(JOIN_CODE_ENTROPY_BITS, 6) == 29.441344
    space = len(ALPHABET) ** JOIN_CODE_LENGTH
    assert space == 729_000_000
    # 10,000 active codes: expected guesses per hit, and days at 10 guesses a minute from one IP.
    assert space // 10_000 == 72_900
    assert round(space / 10_000 / (10 * 60 * 24), 2) == 5.06
