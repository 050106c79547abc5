"""Certificate verification codes: KLN-XXX-XXX-XXX, 8 random symbols and a check character."""

import re

import pytest

from certificates.codes import (
    CERTIFICATE_CODE_ENTROPY_BITS,
    CERTIFICATE_CODE_RANDOM_LENGTH,
    CodeError,
    CodeFormatError,
    CodeTypoError,
    ParsedCode,
    certificate_code_new,
    certificate_code_parse,
)
from core import codes
from core.codes import ALPHABET, entropy_bits

CANONICAL = re.compile(rf"KLN-[{ALPHABET}]{{3}}-[{ALPHABET}]{{3}}-[{ALPHABET}]{{3}}")


def test_new_codes_are_canonical_and_parse_back_to_themselves():
    created = [certificate_code_new() for _ in range(1000)]
    # Two equal codes among 1,000 drawn from 30^8 happen with probability below 1e-6.
    assert len(set(created)) == 1000
    for code in created:
        assert CANONICAL.fullmatch(code), code
        assert certificate_code_parse(code) == ParsedCode(canonical=code, body=code[4:].replace("-", ""))


def test_new_code_is_eight_random_symbols_then_their_check_character(monkeypatch):
    monkeypatch.setattr(codes.secrets, "choice", lambda seq: "7")
    assert codes.check_character("77777777") == "2"
    assert certificate_code_new() == "KLN-777-777-772"


@pytest.mark.parametrize(
    "raw",
    [
        "KLN-7F3-K92-QXM",
        "kln-7f3-k92-qxm",
        "7F3-K92-QXM",
        "7F3K92QXM",
        "7f3 k92 qxm",
        "  KLN 7F3K92QXM \n",
        "kln7f3k92qxm",
        "KLN.7F3.K92.QXM",
        "KLN\u20137F3\u2013K92\u2013QXM",  # en dashes, as phone autocorrect makes them
        "KLN-7F3K-92QX-M",  # grouped differently, e.g. copied from an older print
    ],
)
def test_parse_accepts_any_case_spacing_separators_and_optional_prefix(raw):
    assert certificate_code_parse(raw) == ParsedCode(canonical="KLN-7F3-K92-QXM", body="7F3K92QXM")


def test_parse_reads_a_typed_u_as_the_v_it_must_be():
    assert certificate_code_parse("kln-u2u-3u4-u5a").canonical == "KLN-V2V-3V4-V5A"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "a certificate code has 9 characters after KLN, got 0"),
        ("KLN", "a certificate code has 9 characters after KLN, got 0"),
        ("KLNKLN-7F3-K92-QXM", "a certificate code has 9 characters after KLN, got 12"),
        ("KLN-7F3-K92-QX", "a certificate code has 9 characters after KLN, got 8"),
        ("KLN-7F3-K92-QXMM", "a certificate code has 9 characters after KLN, got 10"),
        ("ABC-7F3-K92-QXM", "a certificate code has 9 characters after KLN, got 12"),
        ("KLN-7F3-K92-QXM-7V", "a certificate code has 9 characters after KLN, got 11"),
        ("KLN-7F3-K92-Q0O", "characters never used in certificate codes: 0 O"),
        ("KLN-1F3-K92-QXM", "characters never used in certificate codes: 1"),
        ("7F3/K92/Q", "characters never used in certificate codes: /"),
        ("<b>7F3K92", "characters never used in certificate codes: < >"),
    ],
)
def test_parse_rejects_what_cannot_be_a_code_as_malformed(raw, message):
    with pytest.raises(CodeFormatError) as caught:
        certificate_code_parse(raw)
    assert str(caught.value) == message
    assert not isinstance(caught.value, CodeTypoError)


@pytest.mark.parametrize(
    "raw",
    [
        "KLN-7F3-K92-QXN",  # last character mistyped
        "KLN-7F3-K29-QXM",  # two neighbours swapped
        "KLN-7F3-K92-XQM",
        "7F3K92QXM"[::-1],
        "KLN-5F3-K92-QXM",  # 7 read as 5
    ],
)
def test_parse_reports_a_well_formed_code_with_a_wrong_check_character_as_a_typo(raw):
    with pytest.raises(CodeTypoError, match="probably a typo"):
        certificate_code_parse(raw)


def test_both_errors_are_value_errors_with_a_common_base():
    assert issubclass(CodeFormatError, CodeError)
    assert issubclass(CodeTypoError, CodeError)
    assert issubclass(CodeError, ValueError)
    assert not issubclass(CodeTypoError, CodeFormatError)


def test_entropy_is_above_35_bits_and_seven_random_symbols_would_not_be():
    assert CERTIFICATE_CODE_RANDOM_LENGTH == 8
    assert round(CERTIFICATE_CODE_ENTROPY_BITS, 6) == 39.255125
    assert CERTIFICATE_CODE_ENTROPY_BITS >= 35
    assert entropy_bits(7) == pytest.approx(34.34823416925963)


def test_the_guessing_times_quoted_in_the_docs():
    # Expected guesses to hit one of N issued codes, at 10 guesses per minute from one IP.
    guesses_per_day = 10 * 60 * 24
    space = len(ALPHABET) ** CERTIFICATE_CODE_RANDOM_LENGTH
    assert space == 656_100_000_000
    assert space // 100_000 == 6_561_000
    assert round(space / 100_000 / guesses_per_day, 1) == 455.6
    assert round(space / 1_000_000 / guesses_per_day, 1) == 45.6
