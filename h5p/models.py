"""H5P activities uploaded by authors, and the shared libraries their packages bring."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

STATUS_READY = "ready"
STATUS_WAITING = "waiting for library approval"


class H5PLibrary(models.Model):
    """One major.minor of an H5P library, extracted once and shared by every package.

    `patch` is the version in use (approved when `approved` is set). A newer patch of an
    approved library waits in `pending_patch` until an administrator approves it; an older
    patch never replaces the current one.
    """

    machine_name = models.CharField(_("machine name"), max_length=255)
    major = models.PositiveIntegerField(_("major version"))
    minor = models.PositiveIntegerField(_("minor version"))
    patch = models.PositiveIntegerField(_("patch version"))
    approved = models.BooleanField(_("approved"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    storage_path = models.CharField(_("folder"), max_length=300)
    pending_patch = models.PositiveIntegerField(_("patch awaiting approval"), null=True, blank=True)
    pending_storage_path = models.CharField(_("folder awaiting approval"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major", "minor"]
        constraints = [
            models.UniqueConstraint(fields=["machine_name", "major", "minor"], name="h5p_library_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def awaiting_approval(self) -> bool:
        return not self.approved or self.pending_patch is not None

    @property
    def candidate_version(self) -> str:
        """The version an approval would approve."""
        patch = self.pending_patch if self.pending_patch is not None else self.patch
        return f"{self.major}.{self.minor}.{patch}"

    def satisfies(self, patch: int | None) -> bool:
        """Whether the approved version serves a package needing this patch (None: any)."""
        return self.approved and (patch is None or self.patch >= patch)


class H5PActivity(models.Model):
    """An uploaded .h5p package: the original file (private) and its extracted content."""

    title = models.CharField(_("title"), max_length=255)
    package_file = models.CharField(_("original package"), max_length=300, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    main_library_version = models.CharField(_("main library version"), max_length=32, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    content_path = models.CharField(_("content folder"), max_length=300, editable=False)
    # [[machine name, major, minor], ...] from h5p.json: what the package needs to run.
    dependencies = models.JSONField(_("dependencies"), default=list, blank=True, editable=False)
    libraries = models.ManyToManyField(
        H5PLibrary, through="H5PActivityLibrary", related_name="activities", verbose_name=_("libraries")
    )

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title

    @cached_property
    def missing_libraries(self) -> list[str]:
        """The libraries (name and version) not yet approved for this activity."""
        missing = []
        brought = set()
        for link in self.library_links.select_related("library"):
            library = link.library
            brought.add((library.machine_name, library.major, library.minor))
            if not library.satisfies(link.patch):
                missing.append(f"{library.machine_name} {library.major}.{library.minor}.{link.patch}")
        needed = {(name, int(major), int(minor)) for name, major, minor in self.dependencies} - brought
        if needed:
            approved = {
                (library.machine_name, library.major, library.minor)
                for library in H5PLibrary.objects.filter(
                    approved=True, machine_name__in={name for name, _major, _minor in needed}
                )
            }
            missing.extend(f"{name} {major}.{minor}" for name, major, minor in sorted(needed - approved))
        return missing

    @property
    def status(self) -> str:
        return STATUS_WAITING if self.missing_libraries else STATUS_READY

    @property
    def is_ready(self) -> bool:
        return self.status == STATUS_READY

    def get_status_display(self) -> str:
        return _("Ready") if self.is_ready else _("Waiting for library approval")

    get_status_display.short_description = _("status")


class H5PActivityLibrary(models.Model):
    """A library a package brought, with the exact patch it brought."""

    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="library_links")
    library = models.ForeignKey(H5PLibrary, on_delete=models.PROTECT, related_name="activity_links")
    patch = models.PositiveIntegerField(_("patch version"))

    class Meta:
        verbose_name = _("library of an H5P activity")
        verbose_name_plural = _("libraries of H5P activities")
        constraints = [
            models.UniqueConstraint(fields=["activity", "library"], name="h5p_activity_library_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.library.machine_name} {self.library.major}.{self.library.minor}.{self.patch}"


class H5PResult(models.Model):
    """A learner's practice score on one activity in one lesson: the last and the best.

    The score comes from the learner's browser, so it is a practice score: it shows in the
    teacher's dashboard and never gates a certificate. `lesson_key` is the lesson's
    translation_key, so a result survives a change of language.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_results")
    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="results")
    lesson_key = models.UUIDField(_("lesson"))
    raw = models.FloatField(_("raw score"))
    max = models.FloatField(_("maximum score"))
    scaled = models.FloatField(_("last score (0 to 1)"))
    best_scaled = models.FloatField(_("best score (0 to 1)"))
    completed = models.BooleanField(_("completed"), default=False)
    statement = models.JSONField(_("last xAPI statement"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P practice score")
        verbose_name_plural = _("H5P practice scores")
        constraints = [
            models.UniqueConstraint(fields=["user", "activity", "lesson_key"], name="h5p_result_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.activity_id}: {self.scaled:.0%}"


class H5PUserState(models.Model):
    """Where a learner left an activity (H5P's "user data"), to resume it later."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_states")
    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="user_states")
    state = models.TextField(_("state"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(fields=["user", "activity"], name="h5p_user_state_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.activity_id}"
