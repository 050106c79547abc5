"""Schools, classes, who is in them, and what they are asked to do.

Other apps call classrooms.services and classrooms.selectors, not these models.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class School(models.Model):
    """Created by administrators, who also name its coordinators."""

    name = models.CharField(_("name"), max_length=120)
    town = models.CharField(_("town"), max_length=80)
    country = models.CharField(_("country"), max_length=80, default="Mali")
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_schools", verbose_name=_("coordinators")
    )

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.town})"


class TeacherRequest(models.Model):
    """Someone asks to teach at a school; a coordinator of that school or an administrator decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher_requests")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="teacher_requests")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("teacher request")
        verbose_name_plural = _("teacher requests")
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="one_teacher_request_per_school")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.school_id}:{self.status}"


class Classroom(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="classrooms")
    name = models.CharField(_("name"), max_length=80)
    level = models.CharField(_("level"), max_length=40, blank=True)
    year = models.CharField(_("school year"), max_length=9, blank=True)
    # Unique when set; None once the teacher disables the code.
    join_code = models.CharField(_("join code"), max_length=6, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Pupils who erased their account: the dashboard says how many left, never who.
    erased_pupils = models.PositiveIntegerField(_("pupils who erased their account"), default=0)

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["school_id", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def code_active(self) -> bool:
        return bool(self.join_code)


class ClassroomMembership(models.Model):
    class Role(models.TextChoices):
        STUDENT = "student", _("student")
        TEACHER = "teacher", _("teacher")

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classroom_memberships")
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.STUDENT)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    # Accounts the teacher created (login slips, password reset by the teacher).
    created_by_teacher = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [models.UniqueConstraint(fields=["classroom", "user"], name="one_membership_per_class")]
        indexes = [models.Index(fields=["classroom", "role"])]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.classroom_id}:{self.role}"


class Assignment(models.Model):
    """A module given to a class. `course_key` is the CoursePage translation_key, so the
    assignment is the same whichever language the pupil reads the module in."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    course_key = models.UUIDField(_("module"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["classroom", "course_key"], name="one_assignment_per_module")]

    def __str__(self) -> str:
        return f"{self.classroom_id}:{self.course_key}"


class PupilBatch(models.Model):
    """Pupil accounts a teacher asked for, created by a background task.

    The generated passwords are kept here only until the teacher has printed the slips and
    clears them (or the batch is a day old): nobody can read them back from the account.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("in progress")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="pupil_batches")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    names = models.JSONField(default=list)
    # The privacy notice the teacher confirmed the school's consent for (accounts.ConsentRecord).
    notice_version = models.CharField(max_length=40, blank=True)
    notice_language = models.CharField(max_length=8, blank=True)
    slips = models.JSONField(default=list)  # [{"name", "username", "password"}]
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # Whoever holds an unexpired lease is creating accounts; nobody else touches the batch.
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pupil accounts batch")
        verbose_name_plural = _("pupil accounts batches")

    def __str__(self) -> str:
        return f"{self.classroom_id}:{self.pk}:{self.status}"

    @property
    def total(self) -> int:
        return len(self.names)
