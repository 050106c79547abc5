"""Human-friendly random codes: one alphabet, one normaliser, one check character.

Certificate codes and class join codes are read off paper or a cheap phone screen, read aloud,
and typed with thumbs. Everything here is pure (no Django, no database) so the rules can be
tested exhaustively.
"""

import math
import secrets
import unicodedata

# The 8 digits 2-9 and the 22 letters A-Z minus I, L, O and U: 30 symbols.
# - 0/O and 1/I/L are the classic misreadings on small screens and in handwriting; dropping all
#   five (rather than mapping one to the other, as Crockford's base 32 does) means nobody has to
#   know a rule: none of them is ever right.
# - U goes too, because U and V blur in handwriting and low-resolution fonts. With U gone, a typed
#   U can only ever be a misread V, so `normalise` maps it back (see below).
# - The remaining pairs that can still be misread (5/S, 2/Z, 8/B) are caught by the check
#   character where there is one, and by the rate-limited lookup where there is not.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {char: index for index, char in enumerate(ALPHABET)}

# What people type between groups, or what phones put there: spaces (including no-break ones),
# hyphens, the dashes autocorrect makes from them, dots and underscores.
_SEPARATORS = frozenset(" \t\r\n\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014\u2212._")

# Characters outside the alphabet that can only be a misreading of one symbol inside it.
# O/0 (D? Q?) and I/L/1 (7? J? T?) are deliberately absent: guessing would turn a typo into a
# silently wrong code, while leaving them invalid produces an honest "that is not a code".
_LOOK_ALIKES = {"U": "V"}


def random_code(*, length: int) -> str:
    """`length` characters drawn uniformly from ALPHABET with the OS's CSPRNG."""
    if length < 1:
        raise ValueError("length must be at least 1")
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise(raw: str) -> str:
    """What the user meant to type: upper case, separators removed, look-alikes mapped.

    The result may still contain characters outside ALPHABET (a typed O, say); callers check with
    `is_in_alphabet`, so that "malformed" stays distinguishable from "typo".
    """
    # NFKC folds full-width and other compatibility forms that some keyboards produce ("Ａ" -> "A").
    text = unicodedata.normalize("NFKC", raw).upper()
    return "".join(_LOOK_ALIKES.get(char, char) for char in text if char not in _SEPARATORS)


def is_in_alphabet(text: str) -> bool:
    """True if every character of `text` is an ALPHABET symbol (an empty string is, vacuously)."""
    return all(char in _INDEX for char in text)


def group(code: str, *, size: int = 4, sep: str = "-") -> str:
    """`code` cut into groups of `size` from the left, so it can be read aloud in chunks."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return sep.join(code[start : start + size] for start in range(0, len(code), size))


def entropy_bits(length: int) -> float:
    """Bits of entropy in `length` uniformly random ALPHABET symbols: length * log2(30)."""
    return length * math.log2(len(ALPHABET))


# --- Check character --------------------------------------------------------------------------
#
# Verhoeff's method generalised by Gumm (IEEE Trans. Inf. Theory 31(1), 1985) to any even base
# 2n with n odd: computing in the dihedral group D15, which has exactly 30 elements, one per
# symbol. It detects
# - every single substitution, at every position, check character included (group cancellation);
# - every transposition of two adjacent different symbols, the check character included, because
#   the permutation `_sigma` is anti-symmetric: sigma(x)*y != sigma(y)*x whenever x != y.
# A plain "Luhn mod 30" would miss some adjacent transpositions (base 30 is even), and a weighted
# sum mod 31 would need a 31st symbol for the check. The tests prove both properties exhaustively
# and pin down what is NOT guaranteed: jump transpositions (abc -> cba; 1,800 of 26,100 undetected)
# and twin errors (aa -> bb; 240 of 870 undetected).
#
# Symbol index k stands for the group element s^f r^i with f, i = divmod(k, 15): r is a rotation
# of order 15, s a reflection, and r^i s = s r^-i.
_ROTATIONS = 15
_IDENTITY = 0


def _multiply(x: int, y: int) -> int:
    f, i = divmod(x, _ROTATIONS)
    g, j = divmod(y, _ROTATIONS)
    # (s^f r^i)(s^g r^j) = s^(f+g) r^(j-i) when g = 1 (the reflection flips the rotation), else r^(i+j).
    return (f ^ g) * _ROTATIONS + ((j - i) if g else (i + j)) % _ROTATIONS


def _sigma(x: int) -> int:
    # One of the anti-symmetric permutations of D15 (found by exhaustive search over the affine
    # family): it maps rotations to reflections and back, r^i -> s r^2i and s r^i -> r^(i+1). Among
    # that family it leaves the fewest jump transpositions and twin errors undetected.
    f, i = divmod(x, _ROTATIONS)
    if f == 0:
        return _ROTATIONS + (2 * i) % _ROTATIONS
    return (i + 1) % _ROTATIONS


def _inverse(x: int) -> int:
    f, i = divmod(x, _ROTATIONS)
    # Reflections are their own inverse; rotations invert to the opposite rotation.
    return x if f else (-i) % _ROTATIONS


def _product(indices: list[int]) -> int:
    # The symbol k places from the end (the check character is 0 places from the end) enters as
    # sigma^k(symbol); consecutive symbols thus differ by exactly one sigma, which is what makes
    # anti-symmetry catch every adjacent swap.
    total = _IDENTITY
    last = len(indices) - 1
    for position, index in enumerate(indices):
        for _ in range(last - position):
            index = _sigma(index)
        total = _multiply(total, index)
    return total


def _indices(text: str) -> list[int]:
    try:
        return [_INDEX[char] for char in text]
    except KeyError as error:
        raise ValueError(f"{error.args[0]!r} is not in the code alphabet") from None


def check_character(body: str) -> str:
    """The character to append to `body` (ALPHABET symbols only) so that `has_valid_check` holds."""
    # Reserve position 0 for the check character, which enters unpermuted, then make the whole
    # product the identity.
    product = _product([*_indices(body), _IDENTITY])
    return ALPHABET[_inverse(product)]


def has_valid_check(code: str) -> bool:
    """True if the last character of `code` is the check character of the ones before it."""
    if len(code) < 2:
        raise ValueError("a code with a check character has at least 2 characters")
    return _product(_indices(code)) == _IDENTITY
