"""Classroom figures for `make bench`: a school of 25 classes of 40 pupils plus a lecture class of
500, three assigned modules with lesson progress and quiz attempts.

Prints the teacher dashboard's time and SQL queries for a 40-pupil class and the 500-pupil
class, and the time to export the whole school as CSV. Runs in-process (Django test client)
against the bench database; the data is built once and reused.

Standalone: `.venv/bin/python bench/classrooms.py` (migrates and loads the starter content first).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

SCHOOL_NAME = "Bench school"
CLASSES, CLASS_SIZE, LECTURE_SIZE = 25, 40, 500
RUNS = 5


def classroom_data_ensure():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from classrooms.models import Assignment, Classroom, ClassroomMembership, School, TeacherRequest
    from classrooms.selectors import course_outlines
    from courses.models import CoursePage, LessonProgress
    from quizzes.models import Attempt

    school = School.objects.filter(name=SCHOOL_NAME).first()
    if school is not None:
        return school
    call_command("load_starter_content", verbosity=0)  # the modules and their quizzes
    User = get_user_model()
    keys = list(
        CoursePage.objects.live().filter(locale__language_code="fr").values_list("translation_key", flat=True)[:3]
    )
    outlines = course_outlines(course_keys=keys)
    rng = random.Random(7)
    password = make_password("bench-pupil-not-secret")
    now = timezone.now()
    with transaction.atomic():
        school = School.objects.create(name=SCHOOL_NAME, town="Bench")
        teacher, _ = User.objects.get_or_create(username="bench-teacher")
        TeacherRequest.objects.create(user=teacher, school=school, status=TeacherRequest.Status.APPROVED)
        sizes = [CLASS_SIZE] * CLASSES + [LECTURE_SIZE]
        for number, size in enumerate(sizes):
            name = f"Bench class {number:02d}" if size == CLASS_SIZE else "Bench lecture"
            classroom = Classroom.objects.create(school=school, name=name)
            ClassroomMembership.objects.create(classroom=classroom, user=teacher, role="teacher")
            pupils = User.objects.bulk_create(
                [
                    User(username=f"bench-{number}-{n}", display_name=f"Élève {n}", password=password)
                    for n in range(size)
                ]
            )
            ClassroomMembership.objects.bulk_create(
                [ClassroomMembership(classroom=classroom, user=p, role="student") for p in pupils]
            )
            Assignment.objects.bulk_create([Assignment(classroom=classroom, course_key=key) for key in keys])
            progress, attempts = [], []
            for pupil in pupils:
                for outline in outlines.values():
                    done = rng.randint(0, len(outline.lesson_keys))
                    progress += [
                        LessonProgress(user=pupil, lesson_key=key, status="completed", completed_at=now)
                        for key in outline.lesson_keys[:done]
                    ]
                    if outline.quiz_key and done == len(outline.lesson_keys):
                        for attempt in range(rng.randint(1, 3)):
                            percent = rng.randint(30, 100)
                            attempts.append(
                                Attempt(
                                    user=pupil,
                                    quiz_key=outline.quiz_key,
                                    number=attempt + 1,
                                    submitted_at=now,
                                    percent=percent,
                                    score=percent,
                                    max_score=100,
                                    passed=percent >= 70,
                                )
                            )
            LessonProgress.objects.bulk_create(progress, batch_size=2000)
            Attempt.objects.bulk_create(attempts, batch_size=2000)
    return school


def _dashboard(client, classroom) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})
    client.get(url)  # warm caches the way a running site has them
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times), len(queries)


def classroom_figures() -> list[tuple[str, str, str]]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    school = classroom_data_ensure()
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-teacher"))
    rows = []
    small = school.classrooms.get(name="Bench class 00")
    big = school.classrooms.get(name="Bench lecture")
    for label, classroom in (
        (f"dashboard, {CLASS_SIZE} pupils × 3 modules", small),
        (f"dashboard, {LECTURE_SIZE} pupils × 3 modules", big),
    ):
        ms, queries = _dashboard(client, classroom)
        rows.append((label, f"{ms:.0f} ms", f"{queries} queries"))
    school.coordinators.add(get_user_model().objects.get(username="bench-teacher"))
    url = reverse("classrooms_school_csv", kwargs={"school_pk": school.pk})
    started = time.perf_counter()
    response = client.get(url)
    size = sum(len(chunk) for chunk in response.streaming_content)
    ms = (time.perf_counter() - started) * 1000
    pupils = CLASSES * CLASS_SIZE + LECTURE_SIZE
    rows.append((f"school CSV export, {CLASSES + 1} classes, {pupils} pupils", f"{ms:.0f} ms", f"{size / 1024:.0f} KB"))
    return rows


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    for label, time_figure, other in classroom_figures():
        print(f"{label:<52} {time_figure:>10} {other:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
