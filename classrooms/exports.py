"""CSV files a teacher opens in Excel or LibreOffice: UTF-8 with a BOM (so accents show
correctly), one row at a time, and no cell a spreadsheet would run as a formula."""

import csv
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def cell_safe(value) -> str:
    """A cell that a spreadsheet shows as text: a leading ' before = + - @ (OWASP advice)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_lines(rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow([cell_safe(value) for value in row])


def _percent(value) -> str:
    return "" if value is None else f"{value:.0f}"


def matrix_rows(*, classroom, assignments, outlines, rows, with_class: bool = False) -> Iterator[list]:
    """Header, then one row per pupil: per module its status, lessons done, best quiz score, overdue."""

    def title(assignment):
        outline = outlines.get(assignment.course_key)
        return outline.title if outline else str(assignment.course_key)

    header = [_("Class")] if with_class else []
    header += [_("Pupil"), _("Username")]
    for assignment in assignments:
        name = title(assignment)
        header += [
            f"{name} – {_('status')}",
            f"{name} – {_('lessons done (%)')}",
            f"{name} – {_('best quiz score (%)')}",
            f"{name} – {_('overdue')}",
        ]
    yield header
    for row in rows:
        line = [classroom.name] if with_class else []
        line += [str(row.user), row.user.username]
        for cell in row.cells:
            line += [str(cell.label), cell.percent, _percent(cell.best), _("yes") if cell.overdue else ""]
        yield line


def quiz_result_rows(results) -> Iterator[list]:
    yield [
        _("Pupil"),
        _("Username"),
        _("Module"),
        _("Quiz"),
        _("Attempts"),
        _("Best score (%)"),
        _("Passed"),
        _("Last attempt"),
    ]
    for membership, outline, stats in results:
        yield [
            str(membership.user),
            membership.user.username,
            outline.title,
            outline.quiz_title,
            stats["attempts"] if stats else 0,
            _percent(stats["best"]) if stats else "",
            (_("yes") if stats["passes"] else _("no")) if stats else "",
            stats["last"].date().isoformat() if stats and stats["last"] else "",
        ]
