"""Progress of pupils on assigned modules: the teacher's matrix, a pupil's page, a student's home.

Modules are named by their translation_key and their lessons and quiz are those of the French
module (the source every translation follows), so progress made in Bambara counts the same.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from certificates.selectors import certificate_index
from core.content_cache import content_memo
from courses.models import CoursePage, LessonPage, LessonProgress
from h5p.selectors import h5p_results_for
from quizzes.models import Attempt, QuizPage

from ..models import Assignment, Classroom, ClassroomMembership

NOT_STARTED, IN_PROGRESS, PASSED, CERTIFIED, OVERDUE = "not_started", "in_progress", "passed", "certified", "overdue"
STATUSES = {
    NOT_STARTED: _("not started"),
    IN_PROGRESS: _("in progress"),
    PASSED: _("quiz passed"),
    CERTIFIED: _("certificate issued"),
    OVERDUE: _("overdue"),
}


@dataclass
class CourseOutline:
    key: uuid.UUID
    title: str
    url: str
    lesson_keys: list[uuid.UUID] = field(default_factory=list)
    quiz_key: uuid.UUID | None = None
    quiz_title: str = ""


@dataclass(frozen=True)
class Cell:
    status: str  # NOT_STARTED, IN_PROGRESS, PASSED or CERTIFIED
    done: int
    total: int
    best: Decimal | None  # best quiz score in percent
    attempts: int
    overdue: bool
    label: str = ""  # the status in the current language

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def has_status(self, status: str) -> bool:
        return self.overdue if status == OVERDUE else self.status == status


def _page_path(page, cache_object) -> str:
    parts = page.get_url_parts(request=cache_object)
    return parts[2] if parts else ""


def course_outlines(*, course_keys) -> dict[uuid.UUID, CourseOutline]:
    """Title (in the current language when translated), URL, lessons and quiz of each module.

    Three queries, none while serving a request once remembered (core/content_cache.py: the
    outlines only change when content is published). Callers must not modify what they get.
    """
    keys = sorted(set(course_keys), key=str)
    if not keys:
        return {}
    language = get_language() or settings.LANGUAGE_CODE
    return content_memo(("course-outlines", language, tuple(keys)), lambda: _course_outlines(keys, language))


def _course_outlines(keys: list[uuid.UUID], language: str) -> dict[uuid.UUID, CourseOutline]:
    pages = list(
        CoursePage.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
    )
    french = {p.translation_key: p for p in pages if p.locale.language_code == settings.LANGUAGE_CODE}
    shown = {**french, **{p.translation_key: p for p in pages if p.locale.language_code == language}}
    # Wagtail caches the site root paths on the object it is given: one cache read, not one per module.
    root_paths_cache = SimpleNamespace()
    outlines = {
        key: CourseOutline(key=key, title=page.title, url=_page_path(page, root_paths_cache))
        for key, page in shown.items()
    }
    if french:
        children = Q()
        for page in french.values():
            children |= Q(path__startswith=page.path, depth=page.depth + 1)
        parent_key = {page.path: page.translation_key for page in french.values()}
        steplen = CoursePage.steplen
        lesson_type = ContentType.objects.get_for_model(LessonPage)  # cached in memory
        quiz_type = ContentType.objects.get_for_model(QuizPage)
        # Lessons and quiz in one query: their shared Page rows are all that is needed.
        children_rows = (
            Page.objects.live()
            .filter(children, content_type__in=[lesson_type, quiz_type])
            .order_by("path")
            .values_list("path", "translation_key", "title", "content_type_id")
        )
        for path, key, title, content_type_id in children_rows:
            outline = outlines[parent_key[path[:-steplen]]]
            if content_type_id == lesson_type.pk:
                outline.lesson_keys.append(key)
            elif outline.quiz_key is None:
                outline.quiz_key, outline.quiz_title = key, title
    return outlines


def assignable_courses() -> list[CoursePage]:
    """The published French modules, for the assignment form. One query."""
    return list(CoursePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path"))


def _cells(*, users, user_ids: list[int], assignments: list[Assignment], outlines) -> dict[tuple[int, int], Cell]:
    """The cell of every (user id, assignment id): three queries plus the certificate index.

    `users` is a queryset (or list) of user ids usable as a subquery, so a class of 500 is
    not sent back to the database as 500 parameters.
    """
    lesson_course = {}
    quiz_course = {}
    for outline in outlines.values():
        lesson_course.update(dict.fromkeys(outline.lesson_keys, outline.key))
        if outline.quiz_key:
            quiz_course[outline.quiz_key] = outline.key
    done: dict[tuple[int, uuid.UUID], int] = {}
    started: set[tuple[int, uuid.UUID]] = set()
    if lesson_course and user_ids:
        rows = LessonProgress.objects.filter(user_id__in=users, lesson_key__in=list(lesson_course)).values_list(
            "user_id", "lesson_key", "status"
        )
        for user_id, lesson_key, status in rows:
            key = (user_id, lesson_course[lesson_key])
            started.add(key)
            if status == LessonProgress.Status.COMPLETED:
                done[key] = done.get(key, 0) + 1
    scores: dict[tuple[int, uuid.UUID], tuple[Decimal | None, int, bool]] = {}
    if quiz_course and user_ids:
        rows = (
            Attempt.objects.filter(user_id__in=users, quiz_key__in=list(quiz_course), submitted_at__isnull=False)
            .values("user_id", "quiz_key")
            .annotate(best=Max("percent"), attempts=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
        )
        for row in rows:
            scores[(row["user_id"], quiz_course[row["quiz_key"]])] = (row["best"], row["attempts"], row["passes"] > 0)
    certificates = certificate_index(user_ids=user_ids, course_keys=list(outlines)) if user_ids and outlines else {}
    today = timezone.localdate()
    labels = {status: str(label) for status, label in STATUSES.items()}  # translated once, not per cell
    cells = {}
    for assignment in assignments:
        outline = outlines.get(assignment.course_key)
        total = len(outline.lesson_keys) if outline else 0
        for user_id in user_ids:
            key = (user_id, assignment.course_key)
            best, attempts, passed = scores.get(key, (None, 0, False))
            if key in certificates and not certificates[key].is_revoked:
                status = CERTIFIED
            elif passed:
                status = PASSED
            elif key in started or attempts:
                status = IN_PROGRESS
            else:
                status = NOT_STARTED
            finished = status in (CERTIFIED, PASSED) or (
                outline is not None and outline.quiz_key is None and total and done.get(key, 0) >= total
            )
            overdue = bool(assignment.due_date and assignment.due_date < today and not finished)
            cells[(user_id, assignment.pk)] = Cell(
                status=status,
                done=done.get(key, 0),
                total=total,
                best=best,
                attempts=attempts,
                overdue=overdue,
                label=labels[status],
            )
    return cells


@dataclass
class Row:
    membership: ClassroomMembership
    cells: list[Cell]

    @property
    def user(self):
        return self.membership.user


@dataclass
class ClassMatrix:
    classroom: Classroom
    assignments: list[Assignment]
    outlines: dict[uuid.UUID, CourseOutline]
    rows: list[Row]
    teachers: list[ClassroomMembership] = field(default_factory=list)
    all_assignments: list[Assignment] = field(default_factory=list)  # for the module filter

    def title(self, assignment: Assignment) -> str:
        outline = self.outlines.get(assignment.course_key)
        return outline.title if outline else str(_("(module no longer published)"))


def _sort_key(column: int | None):
    order = {NOT_STARTED: 0, IN_PROGRESS: 1, PASSED: 2, CERTIFIED: 3}

    def key(row: Row):
        if column is None:
            return (str(row.user).casefold(),)
        cell = row.cells[column]
        return (order[cell.status], cell.percent, cell.best or 0, str(row.user).casefold())

    return key


def class_matrix(
    *, classroom: Classroom, module: int | None = None, status: str | None = None, sort: str = "name"
) -> ClassMatrix:
    """Pupils × assigned modules. A fixed number of queries for 10 pupils or 500.

    `module` (an assignment id) keeps only that module's column; `status` keeps the pupils with
    that status in a shown column; `sort` is "name" or an assignment id (most advanced last,
    "-<id>" first).
    """
    all_assignments = list(classroom.assignments.all())
    outlines = course_outlines(course_keys=[a.course_key for a in all_assignments])
    assignments = [a for a in all_assignments if a.pk == module] or all_assignments
    students = ClassroomMembership.objects.filter(classroom=classroom, role=ClassroomMembership.Role.STUDENT)
    everyone = list(ClassroomMembership.objects.filter(classroom=classroom).select_related("user").order_by("pk"))
    memberships = [m for m in everyone if m.role == ClassroomMembership.Role.STUDENT]
    teachers = [m for m in everyone if m.role == ClassroomMembership.Role.TEACHER]
    user_ids = [m.user_id for m in memberships]
    cells = _cells(users=students.values("user_id"), user_ids=user_ids, assignments=assignments, outlines=outlines)
    rows = [Row(membership=m, cells=[cells[(m.user_id, a.pk)] for a in assignments]) for m in memberships]
    columns = {a.pk: index for index, a in enumerate(assignments)}
    if status in STATUSES:
        rows = [row for row in rows if any(cell.has_status(status) for cell in row.cells)]
    descending = sort.startswith("-")
    column = columns.get(int(sort.lstrip("-"))) if sort.lstrip("-").isdigit() else None
    rows.sort(key=_sort_key(column), reverse=descending)
    return ClassMatrix(
        classroom=classroom,
        assignments=assignments,
        outlines=outlines,
        rows=rows,
        teachers=teachers,
        all_assignments=all_assignments,
    )


@dataclass
class PupilDetail:
    membership: ClassroomMembership
    assignments: list[tuple[Assignment, CourseOutline | None, Cell]]
    attempts: list[Attempt]
    certificates: dict
    practice_scores: list = field(default_factory=list)  # H5P activities: practice, never graded

    @property
    def certificate_rows(self) -> list[tuple[CourseOutline, object]]:
        """(module, certificate) for each assigned module the pupil has a certificate for."""
        rows = []
        for _assignment, outline, _cell in self.assignments:
            certificate = self.certificates.get((self.membership.user_id, outline.key)) if outline else None
            if certificate is not None:
                rows.append((outline, certificate))
        return rows


def pupil_detail(*, classroom: Classroom, membership: ClassroomMembership) -> PupilDetail:
    assignments = list(classroom.assignments.all())
    outlines = course_outlines(course_keys=[a.course_key for a in assignments])
    user_ids = [membership.user_id]
    cells = _cells(users=user_ids, user_ids=user_ids, assignments=assignments, outlines=outlines)
    quiz_keys = [o.quiz_key for o in outlines.values() if o.quiz_key]
    attempts = list(
        Attempt.objects.filter(user_id=membership.user_id, quiz_key__in=quiz_keys, submitted_at__isnull=False)
        .order_by("-submitted_at")
        .only("quiz_key", "number", "submitted_at", "percent", "passed")
    )
    titles = {o.quiz_key: o.quiz_title for o in outlines.values()}
    for attempt in attempts:
        attempt.quiz_title = titles.get(attempt.quiz_key, "")
    return PupilDetail(
        membership=membership,
        assignments=[(a, outlines.get(a.course_key), cells[(membership.user_id, a.pk)]) for a in assignments],
        attempts=attempts,
        certificates=certificate_index(user_ids=user_ids, course_keys=list(outlines)) if outlines else {},
        practice_scores=h5p_results_for(user_ids=user_ids).get(membership.user_id, []),
    )


@dataclass
class StudentAssignment:
    assignment: Assignment
    outline: CourseOutline | None
    cell: Cell


def student_assignments(*, user) -> list[tuple[Classroom, list[StudentAssignment]]]:
    """A student's classes and what each asks of them, soonest due first. Fixed query count."""
    if not user.is_authenticated:
        return []
    memberships = list(
        ClassroomMembership.objects.filter(user=user, role=ClassroomMembership.Role.STUDENT)
        .select_related("classroom__school")
        .order_by("classroom__name")
    )
    assignments = list(Assignment.objects.filter(classroom__in=[m.classroom_id for m in memberships]))
    outlines = course_outlines(course_keys={a.course_key for a in assignments})
    cells = _cells(users=[user.pk], user_ids=[user.pk], assignments=assignments, outlines=outlines)
    far = datetime.date.max
    result = []
    for membership in memberships:
        mine = [a for a in assignments if a.classroom_id == membership.classroom_id]
        mine.sort(key=lambda a: (a.due_date or far, a.pk))
        result.append(
            (
                membership.classroom,
                [StudentAssignment(a, outlines.get(a.course_key), cells[(user.pk, a.pk)]) for a in mine],
            )
        )
    return result


def class_rows_iter(*, classroom: Classroom, chunk_size: int = 250):
    """(assignments, outlines, row iterator) for exports: pupils are read chunk by chunk, so a
    big class never sits in memory at once. Queries: 4 + 3 per chunk."""
    assignments = list(classroom.assignments.all())
    outlines = course_outlines(course_keys=[a.course_key for a in assignments])

    def rows():
        students = ClassroomMembership.objects.filter(
            classroom=classroom, role=ClassroomMembership.Role.STUDENT
        ).select_related("user")
        last = 0
        while True:
            memberships = list(students.filter(pk__gt=last).order_by("pk")[:chunk_size])
            if not memberships:
                return
            last = memberships[-1].pk
            user_ids = [m.user_id for m in memberships]
            cells = _cells(users=user_ids, user_ids=user_ids, assignments=assignments, outlines=outlines)
            for m in memberships:
                yield Row(membership=m, cells=[cells[(m.user_id, a.pk)] for a in assignments])

    return assignments, outlines, rows()


def quiz_results_iter(*, classroom: Classroom, chunk_size: int = 250):
    """(pupil membership, module outline, attempts, best percent, passed, last submitted) per
    pupil and assigned quiz, chunk by chunk."""
    outlines = course_outlines(course_keys=classroom.assignments.values_list("course_key", flat=True))
    quizzes = {o.quiz_key: o for o in outlines.values() if o.quiz_key}
    students = ClassroomMembership.objects.filter(
        classroom=classroom, role=ClassroomMembership.Role.STUDENT
    ).select_related("user")
    last = 0
    while quizzes:
        memberships = list(students.filter(pk__gt=last).order_by("pk")[:chunk_size])
        if not memberships:
            return
        last = memberships[-1].pk
        stats = {
            (row["user_id"], row["quiz_key"]): row
            for row in Attempt.objects.filter(
                user_id__in=[m.user_id for m in memberships], quiz_key__in=list(quizzes), submitted_at__isnull=False
            )
            .values("user_id", "quiz_key")
            .annotate(
                best=Max("percent"),
                attempts=Count("pk"),
                passes=Count("pk", filter=Q(passed=True)),
                last=Max("submitted_at"),
            )
        }
        for m in memberships:
            for quiz_key, outline in quizzes.items():
                row = stats.get((m.user_id, quiz_key))
                yield m, outline, row
