"""Class join codes: a teacher writes one on the board or reads it out, pupils type it on a phone.

Six symbols of `core.codes.ALPHABET`, stored ungrouped ("7KXMQ4") and shown as two groups of
three ("7KX-MQ4"), which is easy to read aloud and to hold in mind while typing.

No check character: each extra symbol is a real cost for young pupils who read little, and a
typo is already harmless. A mistyped code names another class only with probability
(active codes) / 30^6, i.e. 1 in 72,900 with 10,000 active classes, and the join view answers
"no class has this code, check it with your teacher" otherwise. Showing the class and teacher
name before the pupil confirms is the better guard against the rare wrong hit.

Entropy: 6 * log2(30) = 29.45 bits, 30^6 = 729,000,000 codes. That is enough because guessing is
slow and the prize is small and visible: with 10,000 active codes a guesser needs 72,900 guesses
on average, i.e. about 5 days at 10 attempts per minute from one IP, and a per-account limit
caps each account far lower. A successful guess only puts an unknown pupil on a class roster,
where the teacher sees and removes them, and the teacher can disable or regenerate the code at
any time (for instance once everyone has joined). Note that a whole class often shares one IP
(school network or carrier NAT), so the per-IP limit must allow a class joining at once and the
per-account limit is the tight one.
"""

from core.codes import entropy_bits, group, is_in_alphabet, normalise, random_code

JOIN_CODE_LENGTH = 6
JOIN_CODE_ENTROPY_BITS = entropy_bits(JOIN_CODE_LENGTH)


def join_code_new() -> str:
    """A fresh random code in canonical (ungrouped) form. Uniqueness is the database's job."""
    return random_code(length=JOIN_CODE_LENGTH)


def join_code_normalise(raw: str) -> str | None:
    """The canonical code for what a pupil typed ("7kx mq4", "7KX-MQ4" ...), or None if it cannot be one."""
    text = normalise(raw)
    if len(text) != JOIN_CODE_LENGTH or not is_in_alphabet(text):
        return None
    return text


def join_code_display(code: str) -> str:
    """The code as shown to people: "7KXMQ4" -> "7KX-MQ4". Raises ValueError if it is not a join code."""
    canonical = join_code_normalise(code)
    if canonical is None:
        raise ValueError(f"{code!r} is not a join code")
    return group(canonical, size=3)
