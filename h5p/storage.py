"""Where H5P files live, and how a package's members are written there safely.

Three roots, read from settings at call time (tests override them):
- H5P_PRIVATE_ROOT: the original .h5p files, never served (default BASE_DIR/private/h5p);
- H5P_CONTENT_ROOT: each package's content/ folder, in <sha256>/content/ (default MEDIA_ROOT/h5p/content);
- H5P_LIBRARY_ROOT: one folder per library version, <Machine>-<major>.<minor>.<patch>/,
  shared by every package (default MEDIA_ROOT/h5p/libraries).

Members are streamed out of the zip with the size limits enforced again while writing: the
central directory's declared sizes are never trusted alone.
"""

import shutil
import uuid
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

from .limits import Limits
from .validation import H5PValidationError

_CHUNK = 64 * 1024
STAGING_PREFIX = ".staging-"


def private_root() -> Path:
    return Path(getattr(settings, "H5P_PRIVATE_ROOT", settings.BASE_DIR / "private" / "h5p"))


def content_root() -> Path:
    return Path(getattr(settings, "H5P_CONTENT_ROOT", Path(settings.MEDIA_ROOT) / "h5p" / "content"))


def library_root() -> Path:
    return Path(getattr(settings, "H5P_LIBRARY_ROOT", Path(settings.MEDIA_ROOT) / "h5p" / "libraries"))


def private_storage() -> FileSystemStorage:
    """The original packages: outside MEDIA_ROOT, with no URL."""
    return FileSystemStorage(location=private_root(), base_url=None)


def library_folder_name(machine_name: str, major: int, minor: int, patch: int) -> str:
    return f"{machine_name}-{major}.{minor}.{patch}"


class ExtractionError(H5PValidationError):
    """A member turned out to be unsafe or damaged while it was being written."""


def safe_target(folder: Path, relative: str) -> Path:
    """The path `relative` names inside `folder`; refuse anything that would land outside it."""
    if not relative or relative.startswith("/") or "\\" in relative or "\x00" in relative:
        raise ExtractionError([_("%(name)s: this path is not allowed") % {"name": relative}])
    parts = relative.split("/")
    if any(part in {"", ".", ".."} for part in parts):
        raise ExtractionError([_("%(name)s: this path is not allowed") % {"name": relative}])
    base = folder.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise ExtractionError([_("%(name)s: this path would escape its folder") % {"name": relative}])
    return target


class Budget:
    """The bytes still allowed to be written for one package."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.remaining = limits.max_total_size


def extract_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: Budget) -> None:
    """Stream one member to `target`, refusing it as soon as it outgrows what it declared or
    what the limits allow. zipfile checks the CRC at the end of the stream."""
    limit = min(info.file_size, budget.limits.max_file_size, budget.remaining)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        with archive.open(info) as source, open(target, "xb") as destination:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > limit:
                    raise ExtractionError(
                        [_("%(name)s: the file is larger than allowed or than declared") % {"name": info.filename}]
                    )
                destination.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        raise ExtractionError(
            [_("%(name)s: the file is damaged and cannot be read") % {"name": info.filename}]
        ) from error
    if written != info.file_size:
        raise ExtractionError([_("%(name)s: the file is damaged and cannot be read") % {"name": info.filename}])
    budget.remaining -= written


def staging_folder(root: Path) -> Path:
    """A fresh folder next to its final place, so the final move is a rename on one filesystem."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    folder.mkdir()
    return folder


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def move_into_place(staged: Path, final: Path) -> None:
    """Rename a staged file or folder to its final place, replacing a leftover with no row."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists() or final.is_symlink():
        remove(final)
    staged.rename(final)
