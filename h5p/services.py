"""Turn a validated .h5p upload into an H5PActivity, its content folder and shared libraries."""

import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone

from . import storage
from .limits import DEFAULT_LIMITS, Limits
from .models import H5PActivity, H5PActivityLibrary, H5PLibrary, H5PResult, H5PUserState
from .validation import CONTENT_FOLDER, LibraryRef, ValidatedPackage, package_validate
from .xapi import Score

__all__ = ["activity_create_from_upload", "library_approve", "result_record", "user_state_save"]


class _Written:
    """Every file and folder this upload created, removed again if anything fails."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def add(self, path: Path) -> Path:
        self.paths.append(path)
        return path

    def remove_all(self) -> None:
        for path in reversed(self.paths):
            storage.remove(path)


def activity_create_from_upload(
    *, uploaded_file: IO[bytes], title: str, user, limits: Limits = DEFAULT_LIMITS
) -> H5PActivity:
    """Validate the package, store it and extract it; return its activity.

    The same file uploaded again returns the existing activity and writes nothing. Raises
    H5PValidationError (nothing written, no row) when the package is refused, even while
    extracting.
    """
    package = package_validate(fileobj=uploaded_file, limits=limits)
    existing = H5PActivity.objects.filter(sha256=package.sha256).first()
    if existing is not None:
        return existing
    written = _Written()
    try:
        with transaction.atomic():
            existing = H5PActivity.objects.filter(sha256=package.sha256).first()
            if existing is not None:
                return existing
            return _create(uploaded_file, package, title, user, limits, written)
    except BaseException:
        written.remove_all()
        raise


def _create(
    uploaded_file: IO[bytes], package: ValidatedPackage, title: str, user, limits: Limits, written: _Written
) -> H5PActivity:
    package_name = _store_original(uploaded_file, package.sha256, written)
    uploaded_file.seek(0)
    budget = storage.Budget(limits)
    with zipfile.ZipFile(uploaded_file) as archive:
        infos = [info for info in archive.infolist() if info.orig_filename not in set(package.skipped)]
        content_path = _extract_content(archive, infos, package, budget, written)
        links = [
            (_library_install(archive, infos, library, budget, written), library.patch) for library in package.libraries
        ]
    uploaded_file.seek(0)
    main = package.main_library_version
    activity = H5PActivity.objects.create(
        title=(title or "").strip() or package.title,
        package_file=package_name,
        sha256=package.sha256,
        main_library=package.main_library,
        main_library_version=main.version if main else "",
        size=_size(uploaded_file),
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        content_path=package.sha256,
        dependencies=[list(dependency) for dependency in package.preloaded_dependencies],
    )
    assert content_path.name == activity.content_path
    H5PActivityLibrary.objects.bulk_create(
        H5PActivityLibrary(activity=activity, library=library, patch=patch) for library, patch in links
    )
    return activity


def _size(fileobj: IO[bytes]) -> int:
    size = getattr(fileobj, "size", None)
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
        fileobj.seek(0)
    return size


def _store_original(uploaded_file: IO[bytes], sha256: str, written: _Written) -> str:
    private = storage.private_storage()
    name = f"packages/{sha256}.h5p"
    if private.exists(name):
        private.delete(name)  # a leftover with no row: this upload replaces it
    uploaded_file.seek(0)
    saved = private.save(name, uploaded_file)
    written.add(Path(private.path(saved)))
    return saved


def _extract_into(
    archive: zipfile.ZipFile,
    members: Iterable[tuple[zipfile.ZipInfo, str]],
    folder: Path,
    budget: storage.Budget,
) -> None:
    for info, relative in members:
        if info.is_dir():
            continue
        storage.extract_member(archive, info, storage.safe_target(folder, relative), budget)


def _extract_content(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    package: ValidatedPackage,
    budget: storage.Budget,
    written: _Written,
) -> Path:
    root = storage.content_root()
    staged = written.add(storage.staging_folder(root))
    prefix = f"{CONTENT_FOLDER}/"
    members = [(info, info.orig_filename) for info in infos if info.orig_filename.startswith(prefix)]
    _extract_into(archive, members, staged, budget)
    (staged / CONTENT_FOLDER).mkdir(exist_ok=True)
    final = storage.safe_target(root, package.sha256)
    storage.move_into_place(staged, final)
    written.add(final)
    return final


def _library_members(infos: list[zipfile.ZipInfo], library: LibraryRef) -> list[tuple[zipfile.ZipInfo, str]]:
    """The library's entries, relative to its folder in the package (Machine-1.2/ or Machine/)."""
    for folder in (library.key, library.machine_name):
        prefix = f"{folder}/"
        members = [
            (info, info.orig_filename.removeprefix(prefix)) for info in infos if info.orig_filename.startswith(prefix)
        ]
        if members:
            return members
    return []


def _library_install(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    library: LibraryRef,
    budget: storage.Budget,
    written: _Written,
) -> H5PLibrary:
    """The library's row, created or updated; its folder extracted when this patch is new."""
    row = (
        H5PLibrary.objects.select_for_update()
        .filter(machine_name=library.machine_name, major=library.major, minor=library.minor)
        .first()
    )
    folder = storage.library_folder_name(library.machine_name, library.major, library.minor, library.patch)
    if row is None:
        _library_extract(archive, infos, library, folder, budget, written)
        return H5PLibrary.objects.create(
            machine_name=library.machine_name,
            major=library.major,
            minor=library.minor,
            patch=library.patch,
            storage_path=folder,
        )
    if library.patch <= row.patch:
        return row  # the same or an older patch: never a downgrade, nothing to extract
    if row.pending_patch is not None and library.patch <= row.pending_patch:
        return row  # this patch, or a newer one, already waits for approval
    _library_extract(archive, infos, library, folder, budget, written)
    if row.approved:
        # The approved patch stays in use until an administrator approves this one.
        old = row.pending_storage_path
        row.pending_patch, row.pending_storage_path = library.patch, folder
    else:
        old = row.storage_path
        row.patch, row.storage_path = library.patch, folder
    row.save()
    if old and old != folder:
        transaction.on_commit(lambda: storage.remove(storage.safe_target(storage.library_root(), old)))
    return row


def _library_extract(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    library: LibraryRef,
    folder: str,
    budget: storage.Budget,
    written: _Written,
) -> None:
    root = storage.library_root()
    staged = written.add(storage.staging_folder(root))
    _extract_into(archive, _library_members(infos, library), staged, budget)
    final = storage.safe_target(root, folder)
    storage.move_into_place(staged, final)
    written.add(final)


def library_approve(library: H5PLibrary, user) -> H5PLibrary:
    """Approve the library's candidate version (its pending patch if any); packages needing
    it become ready."""
    with transaction.atomic():
        library = H5PLibrary.objects.select_for_update().get(pk=library.pk)
        old = None
        if library.pending_patch is not None:
            old = library.storage_path
            library.patch, library.storage_path = library.pending_patch, library.pending_storage_path
            library.pending_patch, library.pending_storage_path = None, ""
        library.approved = True
        library.approved_by = user
        library.approved_at = timezone.now()
        library.save()
        if old and old != library.storage_path:
            transaction.on_commit(lambda: storage.remove(storage.safe_target(storage.library_root(), old)))
    return library


def result_record(*, user, activity: H5PActivity, lesson_key, score: Score, statement: dict) -> H5PResult:
    """Record a learner's practice score: the last one, and the best so far. `score` comes from
    xapi.statement_score (scaled on the server, clamped); `statement` is kept as sent."""
    values = {
        "raw": score.raw,
        "max": score.max,
        "scaled": score.scaled,
        "completed": score.completed,
        "statement": statement,
    }
    with transaction.atomic():
        result, created = H5PResult.objects.select_for_update().get_or_create(
            user=user, activity=activity, lesson_key=lesson_key, defaults={**values, "best_scaled": score.scaled}
        )
        if not created:
            for name, value in values.items():
                setattr(result, name, value)
            result.best_scaled = max(result.best_scaled, score.scaled)
            result.completed = result.completed or score.completed
            result.save()
    return result


def user_state_save(*, user, activity: H5PActivity, state: str) -> None:
    """Keep where the learner left the activity (H5P's serialised state); an empty state
    forgets it."""
    if not state:
        H5PUserState.objects.filter(user=user, activity=activity).delete()
        return
    H5PUserState.objects.update_or_create(user=user, activity=activity, defaults={"state": state})
