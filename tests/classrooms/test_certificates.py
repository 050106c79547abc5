"""Teachers and certificates: the school is the issuer, and a pupil's teacher may revoke."""

import pytest
from django.urls import reverse

from certificates.models import CertificateRevocation
from certificates.services import certificate_issue_if_complete
from classrooms.models import ClassroomMembership
from tests.factories.accounts import UserFactory
from tests.factories.certificates import module_build, module_finish
from tests.factories.classrooms import assignment_build, classroom_build, pupil_join, school_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(settings, tmp_path):
    settings.KALAN_CERTIFICATE_PDF_ROOT = tmp_path / "certificates"
    teacher = UserFactory(username="teacher")
    classroom = classroom_build(school=school_build(name="Lycée Askia"), teacher=teacher)
    pupil = UserFactory(username="awa")
    pupil_join(classroom=classroom, user=pupil)
    course, lessons, quiz = module_build()
    assignment_build(classroom=classroom, course=course)
    module_finish(user=pupil, lessons=lessons, quiz=quiz)
    certificate, _issued = certificate_issue_if_complete(user=pupil, course_key=course.translation_key)
    membership = ClassroomMembership.objects.get(classroom=classroom, user=pupil)
    return teacher, classroom, membership, certificate


def _revoke_url(classroom, membership, certificate):
    return reverse("classrooms_certificate_revoke", args=[classroom.pk, membership.pk, certificate.pk])


def test_the_certificate_names_the_pupils_school(setting):
    _teacher, _classroom, _membership, certificate = setting
    assert certificate.issuer_name == "Lycée Askia"


def test_the_pupils_teacher_revokes_with_a_reason_and_it_is_logged(client, setting):
    teacher, classroom, membership, certificate = setting
    client.force_login(teacher)
    page = client.get(reverse("classrooms_pupil", args=[classroom.pk, membership.pk])).content.decode()
    assert certificate.code in page
    client.post(_revoke_url(classroom, membership, certificate), {"reason": "Travail copié"})
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_reason == "Travail copié"
    assert CertificateRevocation.objects.get(certificate=certificate).revoked_by == teacher
    verify = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert 'data-status="revoked"' in verify


def test_without_a_reason_nothing_is_revoked(client, setting):
    teacher, classroom, membership, certificate = setting
    client.force_login(teacher)
    client.post(_revoke_url(classroom, membership, certificate), {"reason": "  "})
    certificate.refresh_from_db()
    assert not certificate.is_revoked


@pytest.mark.parametrize("who", ["other_teacher", "coordinator", "pupil"])
def test_nobody_else_can_revoke(client, setting, who):
    teacher, classroom, membership, certificate = setting
    if who == "other_teacher":
        intruder = UserFactory()
        classroom_build(school=classroom.school, teacher=intruder, name="5e B")
    elif who == "coordinator":
        intruder = UserFactory()
        classroom.school.coordinators.add(intruder)
    else:
        intruder = membership.user
    client.force_login(intruder)
    response = client.post(_revoke_url(classroom, membership, certificate), {"reason": "Non"})
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_certificate_of_someone_outside_the_class_is_a_404(client, setting):
    teacher, classroom, membership, certificate = setting
    outsider = UserFactory()
    course, lessons, quiz = module_build(title="Vie privée", slug="vie-privee")
    module_finish(user=outsider, lessons=lessons, quiz=quiz)
    foreign, _issued = certificate_issue_if_complete(user=outsider, course_key=course.translation_key)
    client.force_login(teacher)
    response = client.post(_revoke_url(classroom, membership, foreign), {"reason": "Non"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert not foreign.is_revoked
