"""Certificate verification codes, printed on certificates and typed in by whoever checks them.

Format: KLN-XXX-XXX-XXX, i.e. the prefix and 9 symbols of `core.codes.ALPHABET`, the first 8
random and the last one a check character.

Why 8 random symbols: 7 would give only 34.3 bits; 8 give 8 * log2(30) = 39.26 bits, so there are
30^8 = 656,100,000,000 possible codes. The check character adds no secrecy (anyone can compute
it), so a guesser facing a verification endpoint rate-limited to 10 lookups per minute per IP
hits one of N issued certificates once per 30^8 / N guesses on average:
N = 100,000 -> 6,561,000 guesses, 455.6 days for one IP; N = 1,000,000 -> 45.6 days. What a hit
buys is the public page of one random certificate, not a forged or chosen one.

Why groups of three rather than the two groups of four of a shorter code: 9 symbols do not split
into fours, and three-symbol groups are the rhythm pupils already know from class join codes.
The prefix contains L, which is not in the alphabet, so "KLN" can never be mistaken for the
start of a code body and stripping it is unambiguous.

The two errors let the view answer differently: "this is not a certificate code" for
`CodeFormatError`, "one character looks mistyped, please check" for `CodeTypoError`. Since a
guesser never sends a code with a wrong check character, a rate limit may count only codes that
parse, and people who mistype are never locked out for it.
"""

from dataclasses import dataclass

from core.codes import check_character, entropy_bits, group, has_valid_check, is_in_alphabet, normalise, random_code

CERTIFICATE_CODE_PREFIX = "KLN"
CERTIFICATE_CODE_RANDOM_LENGTH = 8
# Random symbols plus the check character.
CERTIFICATE_CODE_BODY_LENGTH = CERTIFICATE_CODE_RANDOM_LENGTH + 1
CERTIFICATE_CODE_ENTROPY_BITS = entropy_bits(CERTIFICATE_CODE_RANDOM_LENGTH)


class CodeError(ValueError):
    """Base class: the text is not a valid certificate code."""


class CodeFormatError(CodeError):
    """The text cannot be a certificate code: wrong length, wrong prefix or foreign characters."""


class CodeTypoError(CodeError):
    """The text is shaped like a certificate code but its check character is wrong: a typo."""


@dataclass(frozen=True)
class ParsedCode:
    canonical: str  # "KLN-7F3-K92-QXM": the form stored in the database and printed.
    body: str  # "7F3K92QXM": the 9 symbols without prefix or dashes.


def _format(body: str) -> str:
    return f"{CERTIFICATE_CODE_PREFIX}-{group(body, size=3)}"


def certificate_code_new() -> str:
    """A fresh random code in canonical form, e.g. "KLN-7F3-K92-QXM". Uniqueness is the database's job."""
    body = random_code(length=CERTIFICATE_CODE_RANDOM_LENGTH)
    return _format(body + check_character(body))


def certificate_code_parse(raw: str) -> ParsedCode:
    """Read a code as typed: any case, with or without prefix, dashes, spaces or dots.

    Raises CodeFormatError if it cannot be a code, CodeTypoError if the check character is wrong.
    """
    text = normalise(raw)
    # A body never contains L, so whatever starts with "KLN" starts with the prefix.
    text = text.removeprefix(CERTIFICATE_CODE_PREFIX)
    if len(text) != CERTIFICATE_CODE_BODY_LENGTH:
        raise CodeFormatError(
            f"a certificate code has {CERTIFICATE_CODE_BODY_LENGTH} characters after {CERTIFICATE_CODE_PREFIX}, "
            f"got {len(text)}"
        )
    if not is_in_alphabet(text):
        foreign = sorted({char for char in text if not is_in_alphabet(char)})
        raise CodeFormatError(f"characters never used in certificate codes: {' '.join(foreign)}")
    if not has_valid_check(text):
        raise CodeTypoError("the check character does not match: probably a typo")
    return ParsedCode(canonical=_format(text), body=text)
