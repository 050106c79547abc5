"""Read a list of pupils' names typed or uploaded by a teacher, and say what is wrong with it.

Nothing is created here: the teacher sees the preview (names kept, problems listed) and
confirms, and only then are the accounts made.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_PUPILS = 200
MAX_NAME_LENGTH = 80
MAX_UPLOAD_BYTES = 200_000

PROBLEM_EMPTY = "empty"
PROBLEM_DUPLICATE = "duplicate"
PROBLEM_TOO_LONG = "too_long"
PROBLEM_TOO_MANY = "too_many"
PROBLEM_ENCODING = "encoding"
PROBLEM_TOO_BIG = "too_big"
HEADER_WORDS = {"nom", "name", "prénom", "prenom", "noms", "names", "élève", "eleve"}


@dataclass(frozen=True)
class Problem:
    line: int | None
    code: str
    text: str


@dataclass
class PupilList:
    names: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.names) and not self.problems


def _messages(code: str, **values) -> str:
    return {
        PROBLEM_EMPTY: _("Line %(line)s has no name."),
        PROBLEM_DUPLICATE: _("Line %(line)s repeats the name “%(name)s”."),
        PROBLEM_TOO_LONG: _("Line %(line)s is longer than %(limit)s characters."),
        PROBLEM_TOO_MANY: _("The list has more than %(limit)s names; make several smaller lists."),
        PROBLEM_ENCODING: _("The file is not in a text format we can read; save it as CSV (UTF-8) and try again."),
        PROBLEM_TOO_BIG: _("The file is too big for a list of pupils."),
    }[code] % values


def pupil_list_from_lines(lines: list[str], *, first_line: int = 1) -> PupilList:
    result = PupilList()
    seen: dict[str, int] = {}
    for index, raw in enumerate(lines):
        number = index + first_line
        if len(result.names) + len(result.problems) >= MAX_PUPILS and raw.strip():
            # Stop reading: a list this long is a mistake, and its problems would fill pages.
            result.problems.append(Problem(None, PROBLEM_TOO_MANY, _messages(PROBLEM_TOO_MANY, limit=MAX_PUPILS)))
            return result
        name = " ".join(raw.split())
        if not name:
            # A blank line at the end of a pasted list is harmless; inside the list, say so.
            if any(line.strip() for line in lines[index + 1 :]):
                result.problems.append(Problem(number, PROBLEM_EMPTY, _messages(PROBLEM_EMPTY, line=number)))
            continue
        if len(name) > MAX_NAME_LENGTH:
            problem = _messages(PROBLEM_TOO_LONG, line=number, limit=MAX_NAME_LENGTH)
            result.problems.append(Problem(number, PROBLEM_TOO_LONG, problem))
            continue
        folded = name.casefold()
        if folded in seen:
            problem = _messages(PROBLEM_DUPLICATE, line=number, name=name)
            result.problems.append(Problem(number, PROBLEM_DUPLICATE, problem))
            continue
        seen[folded] = number
        result.names.append(name)
    return result


def pupil_list_from_text(text: str) -> PupilList:
    return pupil_list_from_lines(text.splitlines())


def pupil_list_from_csv(data: bytes) -> PupilList:
    """One pupil per row; the name is the first column, or the first two joined (first name,
    last name). A header row naming the columns is skipped."""
    if len(data) > MAX_UPLOAD_BYTES:
        return PupilList(problems=[Problem(None, PROBLEM_TOO_BIG, _messages(PROBLEM_TOO_BIG))])
    text = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        return PupilList(problems=[Problem(None, PROBLEM_ENCODING, _messages(PROBLEM_ENCODING))])
    try:
        dialect = csv.Sniffer().sniff(text[:2000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = [" ".join(cell.strip() for cell in row[:2]) for row in csv.reader(io.StringIO(text), dialect)]
    if lines and lines[0].split(" ")[0].casefold() in HEADER_WORDS:
        return pupil_list_from_lines(lines[1:], first_line=2)
    return pupil_list_from_lines(lines)
