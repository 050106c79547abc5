"""Writes on classrooms. Other apps and the views call these functions, not the models."""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.passwords import pupil_password_new, username_from_name
from accounts.roles import Role
from accounts.services import consent_record, user_role_grant

from .codes import join_code_new
from .models import Assignment, Classroom, ClassroomMembership, PupilBatch, School, TeacherRequest

ERROR_NOT_APPROVED = _("Your request to teach at this school has not been approved yet.")
ERROR_ALREADY_ASKED = _("You have already asked to teach at this school.")
ERROR_DUE_DATE_PAST = _("The due date cannot be in the past.")
ERROR_NOT_A_TEACHER_ACCOUNT = _("No approved teacher has this username.")


class ClassroomError(Exception):
    """A refusal with a message for the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def teacher_request_create(*, user, school: School) -> TeacherRequest:
    if TeacherRequest.objects.filter(user=user, school=school).exists():
        raise ClassroomError(ERROR_ALREADY_ASKED)
    return TeacherRequest.objects.create(user=user, school=school)


@transaction.atomic
def teacher_request_decide(*, request: TeacherRequest, approve: bool, decided_by) -> TeacherRequest:
    request.status = TeacherRequest.Status.APPROVED if approve else TeacherRequest.Status.DECLINED
    request.decided_at = timezone.now()
    request.decided_by = decided_by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        user_role_grant(user=request.user, role=Role.TEACHER)
    return request


def _is_approved_teacher(*, user, school: School) -> bool:
    return TeacherRequest.objects.filter(user=user, school=school, status=TeacherRequest.Status.APPROVED).exists()


def _with_fresh_code(save):
    """Retry on the (rare) collision of a random code with an existing one."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return save(join_code_new())
        except IntegrityError:
            continue
    raise RuntimeError("no free join code after 10 tries")


@transaction.atomic
def classroom_create(*, teacher, school: School, name: str, level: str = "", year: str = "") -> Classroom:
    if not _is_approved_teacher(user=teacher, school=school):
        raise ClassroomError(ERROR_NOT_APPROVED)

    def save(code):
        return Classroom.objects.create(school=school, name=name, level=level, year=year, join_code=code)

    classroom = _with_fresh_code(save)
    ClassroomMembership.objects.create(classroom=classroom, user=teacher, role=ClassroomMembership.Role.TEACHER)
    return classroom


def classroom_coteacher_add(*, classroom: Classroom, username: str) -> ClassroomMembership:
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None or not _is_approved_teacher(user=user, school=classroom.school):
        raise ClassroomError(ERROR_NOT_A_TEACHER_ACCOUNT)
    membership, _created = ClassroomMembership.objects.update_or_create(
        classroom=classroom, user=user, defaults={"role": ClassroomMembership.Role.TEACHER}
    )
    return membership


def join_code_regenerate(*, classroom: Classroom) -> Classroom:
    def save(code):
        classroom.join_code = code
        classroom.save(update_fields=["join_code"])
        return classroom

    return _with_fresh_code(save)


def join_code_disable(*, classroom: Classroom) -> Classroom:
    classroom.join_code = None
    classroom.save(update_fields=["join_code"])
    return classroom


def classroom_join(*, classroom: Classroom, user) -> tuple[ClassroomMembership, bool]:
    """Join as a student. Joining twice (or as the class's teacher) changes nothing."""
    return ClassroomMembership.objects.get_or_create(
        classroom=classroom, user=user, defaults={"role": ClassroomMembership.Role.STUDENT}
    )


def membership_remove(*, membership: ClassroomMembership) -> None:
    """Takes the pupil off the roster; their account and progress stay theirs."""
    membership.delete()


def pupil_batch_create(
    *, classroom: Classroom, requested_by, names: list[str], notice_version: str = "", notice_language: str = ""
) -> PupilBatch:
    """Queue the accounts; the task in classrooms.tasks creates them. The teacher has confirmed
    the school's consent for the privacy notice `notice_version`: each account records it."""
    from .tasks import pupil_batch_run

    batch = PupilBatch.objects.create(
        classroom=classroom,
        requested_by=requested_by,
        names=names,
        notice_version=notice_version,
        notice_language=notice_language,
    )
    transaction.on_commit(lambda: pupil_batch_run.enqueue(batch_id=batch.pk))
    return batch


def pupil_account_create(*, classroom: Classroom, name: str, batch: PupilBatch | None = None) -> dict:
    """One pupil account in the class, with a generated username and password: its slip. With
    the batch, the consent the teacher confirmed for the school is recorded on the account."""
    User = get_user_model()
    password = pupil_password_new()
    with transaction.atomic():
        username = username_from_name(name, taken=lambda c: User.objects.filter(username__iexact=c).exists())
        user = User(username=username, display_name=name[:80])
        user.set_password(password)
        user.save()
        ClassroomMembership.objects.create(
            classroom=classroom, user=user, role=ClassroomMembership.Role.STUDENT, created_by_teacher=True
        )
        if batch is not None and batch.notice_version:
            consent_record(
                user=user,
                notice_version=batch.notice_version,
                notice_language=batch.notice_language,
                given_by=batch.requested_by,
            )
    return {"name": name, "username": username, "password": password}


def pupil_batch_slips_clear(*, batch: PupilBatch) -> None:
    batch.slips = [{**slip, "password": ""} for slip in batch.slips]
    batch.save(update_fields=["slips"])


SLIP_PASSWORDS_KEPT = datetime.timedelta(days=1)


def pupil_batch_slips_expire(*, batch: PupilBatch) -> None:
    """Passwords wait a day at most for the teacher to print them; then only a reset helps."""
    if batch.created_at < timezone.now() - SLIP_PASSWORDS_KEPT and any(s["password"] for s in batch.slips):
        pupil_batch_slips_clear(batch=batch)


def pupil_password_reset(*, membership: ClassroomMembership) -> dict:
    """A new password for a pupil account the teacher created: returns the new slip."""
    password = pupil_password_new()
    user = membership.user
    user.set_password(password)
    user.save(update_fields=["password"])
    return {"name": str(user), "username": user.username, "password": password}


def assignment_create(
    *, classroom: Classroom, course_key, assigned_by, due_date: datetime.date | None = None, message: str = ""
) -> Assignment:
    if due_date is not None and due_date < timezone.localdate():
        raise ClassroomError(ERROR_DUE_DATE_PAST)
    assignment, _created = Assignment.objects.update_or_create(
        classroom=classroom,
        course_key=course_key,
        defaults={"due_date": due_date, "message": message, "assigned_by": assigned_by},
    )
    return assignment


def assignment_delete(*, assignment: Assignment) -> None:
    assignment.delete()


def teacher_requests_expired_delete(*, days: int, now: datetime.datetime | None = None) -> int:
    """Delete requests to teach left pending, or declined, for more than `days` days. Approved
    ones stay: they are what makes someone a teacher at a school. Returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    expired = TeacherRequest.objects.filter(created_at__lt=cutoff).exclude(status=TeacherRequest.Status.APPROVED)
    count, _by_model = expired.delete()
    return count
