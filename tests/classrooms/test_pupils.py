import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from accounts.models import ConsentRecord
from classrooms.models import ClassroomMembership, PupilBatch
from classrooms.pupil_lists import MAX_PUPILS, pupil_list_from_csv
from classrooms.views.pupils import SCHOOL_CONSENT_REQUIRED
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import classroom_build, pupil_join

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def classroom():
    return classroom_build(teacher=UserFactory(username="teacher"))


@pytest.fixture
def teacher_client(client, classroom):
    client.force_login(User.objects.get(username="teacher"))
    return client


def _url(classroom):
    return reverse("classrooms_pupils_new", kwargs={"pk": classroom.pk})


def test_the_preview_lists_problems_and_creates_nothing(teacher_client, classroom):
    users = User.objects.count()
    response = teacher_client.post(
        _url(classroom), {"names": "Awa Diarra\n\nAwa  diarra\nMoussa Keïta\n", "step": "preview"}
    )
    page = response.content.decode()
    assert escape("La ligne 2 n'a pas de nom.") in page
    assert "La ligne 3 répète le nom" in page
    assert "Create the accounts" not in page
    assert User.objects.count() == users


def _confirm(client, classroom, names, capture):
    # The task is queued once the request's transaction commits.
    with capture(execute=True):
        return client.post(_url(classroom), {"step": "confirm", "name": names, "school_consent": "1"})


def test_confirmed_names_become_accounts_with_slips_escaped_in_html_and_pdf(
    teacher_client, classroom, django_capture_on_commit_callbacks
):
    names = ["Aïssata Traoré", "<script>alert(1)</script>", "N'Diaye Sow", "Awa Diarra", "Moussa Keïta"]
    preview = teacher_client.post(_url(classroom), {"names": "\n".join(names), "step": "preview"})
    assert "5 comptes vont être créés" in preview.content.decode()
    response = _confirm(teacher_client, classroom, names, django_capture_on_commit_callbacks)
    batch = PupilBatch.objects.get()
    assert response["Location"] == reverse("classrooms_batch", kwargs={"pk": classroom.pk, "batch_pk": batch.pk})
    assert batch.status == PupilBatch.Status.DONE and batch.done == 5  # the immediate task backend ran it

    status = teacher_client.get(response["Location"]).content.decode()
    assert "5 comptes créés sur 5." in status
    pupils = classroom.memberships.filter(role=ClassroomMembership.Role.STUDENT, created_by_teacher=True)
    assert sorted(pupils.values_list("user__username", flat=True)) == [
        "aissata.traore",
        "awa.diarra",
        "moussa.keita",
        "ndiaye.sow",
        "script.alert.1.script",
    ]
    slip = batch.slips[0]
    assert User.objects.get(username=slip["username"]).check_password(slip["password"])

    slips = teacher_client.get(reverse("classrooms_slips", kwargs={"pk": classroom.pk, "batch_pk": batch.pk}))
    html = slips.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert slip["password"] in html
    pdf = teacher_client.get(reverse("classrooms_slips_pdf", kwargs={"pk": classroom.pk, "batch_pk": batch.pk}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    teacher_client.post(reverse("classrooms_slips_clear", kwargs={"pk": classroom.pk, "batch_pk": batch.pk}))
    batch.refresh_from_db()
    assert all(s["password"] == "" for s in batch.slips)


def test_a_tampered_confirmation_is_checked_again(teacher_client, classroom):
    teacher_client.post(_url(classroom), {"step": "confirm", "name": ["Awa", "awa"], "school_consent": "1"})
    assert not PupilBatch.objects.exists()


def test_without_the_schools_consent_nothing_is_created(teacher_client, classroom):
    users = User.objects.count()
    page = teacher_client.post(_url(classroom), {"step": "confirm", "name": ["Awa", "Moussa"]}).content.decode()
    assert escape(str(SCHOOL_CONSENT_REQUIRED)) in page
    assert not PupilBatch.objects.exists() and User.objects.count() == users


def test_each_account_records_the_consent_the_teacher_confirmed(
    teacher_client, classroom, django_capture_on_commit_callbacks
):
    _confirm(teacher_client, classroom, ["Awa Diarra"], django_capture_on_commit_callbacks)
    pupil = classroom.memberships.get(role=ClassroomMembership.Role.STUDENT, created_by_teacher=True).user
    consent = ConsentRecord.objects.get(user=pupil)
    assert consent.given_by.username == "teacher"
    assert consent.notice_version


def test_csv_with_header_semicolons_and_latin1(teacher_client, classroom):
    data = "Nom;Prénom\nTraoré;Aïssata\n;\nKeïta;Moussa\n".encode("cp1252")
    result = pupil_list_from_csv(data)
    assert result.names == ["Traoré Aïssata", "Keïta Moussa"]
    assert [p.line for p in result.problems] == [3]
    upload = SimpleUploadedFile("classe.csv", b"Nom\nAwa\nAwa\n", content_type="text/csv")
    page = teacher_client.post(_url(classroom), {"file": upload, "step": "preview"}).content.decode()
    assert "La ligne 3 répète le nom" in page


def test_ten_thousand_lines_or_binary_files_are_refused_before_anything_is_made():
    huge = "\n".join(f"Élève {n}" for n in range(10_000)).encode()
    result = pupil_list_from_csv(huge)
    assert not result.ok and len(result.names) <= MAX_PUPILS
    assert any(p.code in {"too_many", "too_big"} for p in result.problems)
    assert pupil_list_from_csv(b"PK\x03\x04\x00\x00binary").problems[0].code == "encoding"


def test_reset_gives_a_new_slip_only_for_accounts_the_teacher_made(
    teacher_client, classroom, django_capture_on_commit_callbacks
):
    _confirm(teacher_client, classroom, ["Awa Diarra"], django_capture_on_commit_callbacks)
    made = classroom.memberships.get(user__username="awa.diarra")
    old_hash = made.user.password
    page = teacher_client.post(reverse("classrooms_pupil_reset", kwargs={"pk": classroom.pk, "membership_pk": made.pk}))
    assert page.status_code == 200 and "awa.diarra" in page.content.decode()
    made.user.refresh_from_db()
    assert made.user.password != old_hash

    joined = pupil_join(classroom=classroom, user=UserFactory())
    url = reverse("classrooms_pupil_reset", kwargs={"pk": classroom.pk, "membership_pk": joined.pk})
    assert teacher_client.post(url).status_code == 404


def test_removing_a_pupil_keeps_their_account(teacher_client, classroom):
    pupil = UserFactory()
    membership = pupil_join(classroom=classroom, user=pupil)
    teacher_client.post(reverse("classrooms_pupil_remove", kwargs={"pk": classroom.pk, "membership_pk": membership.pk}))
    assert not classroom.memberships.filter(user=pupil).exists()
    assert User.objects.filter(pk=pupil.pk).exists()


def test_without_a_worker_the_status_page_finishes_a_big_batch_slice_by_slice(
    teacher_client, classroom, django_capture_on_commit_callbacks, monkeypatch
):
    from classrooms import tasks

    monkeypatch.setattr(tasks, "BATCH_SLICE_SECONDS", 0)  # one account per slice
    names = [f"Élève {n}" for n in range(4)]
    _confirm(teacher_client, classroom, names, django_capture_on_commit_callbacks)
    batch = PupilBatch.objects.get()
    assert (batch.status, batch.done) == (PupilBatch.Status.RUNNING, 1)  # the confirm request did one slice
    url = reverse("classrooms_batch", kwargs={"pk": classroom.pk, "batch_pk": batch.pk})
    assert 'http-equiv="refresh"' in teacher_client.get(url).content.decode()
    teacher_client.get(url)
    page = teacher_client.get(url).content.decode()
    batch.refresh_from_db()
    assert (batch.status, batch.done, len(batch.slips)) == (PupilBatch.Status.DONE, 4, 4)
    assert 'http-equiv="refresh"' not in page
    teacher_client.get(url)  # a late refresh creates nothing more
    assert classroom.memberships.filter(created_by_teacher=True).count() == 4


def test_a_running_slice_keeps_others_out(classroom):
    from django.utils import timezone

    from classrooms.tasks import pupil_batch_work

    batch = PupilBatch.objects.create(
        classroom=classroom,
        requested_by=classroom.memberships.get().user,
        names=["Awa"],
        status=PupilBatch.Status.RUNNING,
        lease_until=timezone.now() + datetime.timedelta(seconds=30),
    )
    assert pupil_batch_work(batch_id=batch.pk) is False
    assert not classroom.memberships.filter(created_by_teacher=True).exists()


def test_slip_passwords_are_forgotten_after_a_day(teacher_client, classroom, django_capture_on_commit_callbacks):
    _confirm(teacher_client, classroom, ["Awa Diarra"], django_capture_on_commit_callbacks)
    batch = PupilBatch.objects.get()
    password = batch.slips[0]["password"]
    url = reverse("classrooms_slips", kwargs={"pk": classroom.pk, "batch_pk": batch.pk})
    assert password in teacher_client.get(url).content.decode()
    PupilBatch.objects.filter(pk=batch.pk).update(created_at=batch.created_at - datetime.timedelta(days=2))
    assert password not in teacher_client.get(url).content.decode()
    batch.refresh_from_db()
    assert batch.slips[0]["password"] == ""
