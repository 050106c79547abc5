"""CSV downloads, streamed."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from ..exports import csv_lines, matrix_rows, quiz_result_rows
from ..selectors import classroom_for_staff, schools_for_coordinator
from ..selectors.progress import class_rows_iter, quiz_results_iter


def _csv_response(lines, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _name(text: str) -> str:
    return slugify(text) or "classe"


@login_required
def class_matrix_csv(request, pk: int):
    classroom = classroom_for_staff(user=request.user, pk=pk)
    assignments, outlines, rows = class_rows_iter(classroom=classroom)
    lines = csv_lines(matrix_rows(classroom=classroom, assignments=assignments, outlines=outlines, rows=rows))
    return _csv_response(lines, f"{_name(classroom.name)}-progress.csv")


@login_required
def quiz_results_csv(request, pk: int):
    classroom = classroom_for_staff(user=request.user, pk=pk)
    lines = csv_lines(quiz_result_rows(quiz_results_iter(classroom=classroom)))
    return _csv_response(lines, f"{_name(classroom.name)}-quiz-results.csv")


def school_rows(school):
    """Every class of the school, one after the other, each with its own header."""
    for classroom in school.classrooms.order_by("name"):
        assignments, outlines, rows = class_rows_iter(classroom=classroom)
        yield from matrix_rows(
            classroom=classroom, assignments=assignments, outlines=outlines, rows=rows, with_class=True
        )
        yield []


@login_required
def school_csv(request, school_pk: int):
    school = get_object_or_404(schools_for_coordinator(user=request.user), pk=school_pk)
    return _csv_response(csv_lines(school_rows(school)), f"{_name(school.name)}-progress.csv")
