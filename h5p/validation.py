"""Decide whether an uploaded .h5p package is acceptable, before anything is written to disk.

Only the zip's central directory and the small JSON metadata files (h5p.json, each
library.json) are read, into memory; nothing is extracted. The rules follow H5P core's
validator (h5p-php-library, H5PValidator::isValidPackage) but are stricter: no scripts,
stylesheets, web pages, SVG or XML in content/, no PHP anywhere, zip bomb and zip slip checks.
"""

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import archive_rules as rules
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_LIMITS", "H5PValidationError", "LibraryRef", "Limits", "ValidatedPackage", "package_validate"]

H5P_JSON = "h5p.json"
CONTENT_FOLDER = "content"
CONTENT_JSON = "content/content.json"
# H5P core's pattern for machine names: they become folder names and URL parts, so no '/'.
_MACHINE_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,255}")
# H5P core accepts a version written as an integer or as a string of up to 5 digits in
# h5p.json (the Hub itself exports "1"); library.json versions must be integers.
_VERSION_STRING = re.compile(r"[0-9]{1,5}")
_MAX_TITLE_LENGTH = 255
_CHUNK = 1024 * 1024
_UNREADABLE = object()  # a JSON file that could not be read, already reported


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int
    patch: int

    @property
    def version(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def key(self) -> str:
        """The folder name H5P gives this library, e.g. H5P.TrueFalse-1.6."""
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass(frozen=True)
class ValidatedPackage:
    title: str
    main_library: str
    main_library_version: LibraryRef | None
    libraries: tuple[LibraryRef, ...]
    preloaded_dependencies: tuple[tuple[str, int, int], ...]
    content_files: tuple[str, ...]
    total_uncompressed: int
    entry_count: int
    sha256: str
    # Entries H5P core ignores (stray top-level files, names starting with '.' or '_'): they
    # passed the safety checks but must not be extracted.
    skipped: tuple[str, ...] = ()


class H5PValidationError(Exception):
    """The package is refused; `messages` lists every problem found, each naming its file."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class _Problems:
    limit: int
    messages: list[str] = field(default_factory=list)
    overflow: int = 0

    def add(self, *messages: str | None) -> None:
        for message in messages:
            if message is None:
                continue
            if len(self.messages) < self.limit:
                self.messages.append(message)
            else:
                self.overflow += 1

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        messages = list(self.messages)
        if self.overflow:
            messages.append(
                ngettext("…and %(count)d more problem.", "…and %(count)d more problems.", self.overflow)
                % {"count": self.overflow}
            )
        raise H5PValidationError(messages)


@dataclass
class _Layout:
    """The package's entries sorted by the role H5P gives them."""

    h5p_json: zipfile.ZipInfo | None = None
    content_files: list[str] = field(default_factory=list)
    libraries: dict[str, dict[str, zipfile.ZipInfo]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def package_validate(*, fileobj: IO[bytes], limits: Limits = DEFAULT_LIMITS) -> ValidatedPackage:
    """Validate an uploaded .h5p package; raise H5PValidationError listing every problem.

    `fileobj` is a seekable binary file; it is left at position 0 for whoever saves it next.
    """
    try:
        digest = _sha256(fileobj)
        return _validate_archive(fileobj, digest, limits)
    finally:
        fileobj.seek(0)


def _sha256(fileobj: IO[bytes]) -> str:
    fileobj.seek(0)
    digest = hashlib.sha256()
    while chunk := fileobj.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _not_a_zip() -> H5PValidationError:
    return H5PValidationError([_("This file is not a valid .h5p package (not a zip archive).")])


def _open_zip(fileobj: IO[bytes]) -> zipfile.ZipFile:
    fileobj.seek(0)
    # is_zipfile() only looks for an end record near the end of the file; also require the
    # archive to start like one, which refuses self-extracting and polyglot files.
    if fileobj.read(4) not in {b"PK\x03\x04", b"PK\x05\x06"} or not zipfile.is_zipfile(fileobj):
        raise _not_a_zip()
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise _not_a_zip() from error


def _validate_archive(fileobj: IO[bytes], digest: str, limits: Limits) -> ValidatedPackage:
    problems = _Problems(limit=limits.max_messages)
    with _open_zip(fileobj) as archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            # Stop here: looking at each of a huge number of entries is the attack.
            message = _("The package contains %(count)d files; at most %(max)d are allowed.")
            raise H5PValidationError([message % {"count": len(infos), "max": limits.max_entries}])
        bad_paths, unsafe = _check_listing(archive, infos, limits, problems)
        layout = _sort_entries([info for info in infos if info.orig_filename not in bad_paths], problems)
        title, main_library, dependencies = _check_h5p_json(archive, layout, unsafe, limits, problems)
        libraries = _check_libraries(archive, layout, unsafe, limits, problems)
    problems.raise_if_any()
    return ValidatedPackage(
        title=title,
        main_library=main_library,
        main_library_version=_main_library_version(main_library, dependencies, libraries),
        libraries=tuple(libraries),
        preloaded_dependencies=tuple(dependencies),
        content_files=tuple(layout.content_files),
        total_uncompressed=sum(info.file_size for info in infos),
        entry_count=len(infos),
        sha256=digest,
        skipped=tuple(layout.skipped),
    )


def _check_listing(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits, problems: _Problems
) -> tuple[set[str], set[str]]:
    """Run every central-directory check. Return the names with a bad path (they have no place
    in the package's layout) and the names of all entries that must not be decompressed."""
    bad_paths: set[str] = set()
    unsafe: set[str] = set()
    for index, info in enumerate(infos, start=1):
        path_found = rules.path_problems(info.orig_filename, index)
        found = rules.entry_problems(info, limits)
        if path_found:
            bad_paths.add(info.orig_filename)
        if path_found or found:
            unsafe.add(info.orig_filename)
        problems.add(*path_found, *found)
    # Entry data ends where the central directory starts (ZipFile computes start_dir from the
    # end record; it has kept that name since Python 2).
    end_of_entries = getattr(archive, "start_dir", None)
    if end_of_entries is not None:
        overlapping = rules.overlap_problems(infos, end_of_entries)
        problems.add(*overlapping)
        if overlapping:
            unsafe.update(info.orig_filename for info in infos)
    problems.add(*rules.name_clash_problems(infos))
    problems.add(*rules.total_problems(infos, limits))
    problems.add(*(rules.php_problem(info.orig_filename) for info in infos))
    return bad_paths, unsafe


def _sort_entries(infos: list[zipfile.ZipInfo], problems: _Problems) -> _Layout:
    layout = _Layout()
    for info in infos:
        name = info.orig_filename
        top, _separator, rest = name.partition("/")
        if rules.is_ignored(name) or (not rest and not name.endswith("/") and name != H5P_JSON):
            layout.skipped.append(name)
        elif name == H5P_JSON:
            layout.h5p_json = info
        elif top == CONTENT_FOLDER:
            if rest and not info.is_dir():
                layout.content_files.append(name)
                problems.add(rules.content_type_problem(name))
        else:
            files = layout.libraries.setdefault(top, {})
            if rest and not info.is_dir():
                files[rest] = info
                problems.add(rules.library_type_problem(name))
    if CONTENT_JSON not in layout.content_files:
        problems.add(_("%(name)s is missing: the package has no content.") % {"name": CONTENT_JSON})
    return layout


def _read_json(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, unsafe: set[str], limits: Limits, problems: _Problems
) -> Any:
    """Parse a small JSON file from the archive; report and return _UNREADABLE on any failure."""
    name = rules.display_name(info.orig_filename)
    if info.orig_filename in unsafe:
        return _UNREADABLE  # its listing problems are reported; do not decompress it
    if info.file_size > limits.max_json_size:
        problems.add(_("%(name)s: the file is too large for a metadata file") % {"name": name})
        return _UNREADABLE
    try:
        with archive.open(info) as stream:
            raw = stream.read(limits.max_json_size + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        problems.add(_("%(name)s: the file is damaged and cannot be read") % {"name": name})
        return _UNREADABLE
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        problems.add(_("%(name)s: the file is not UTF-8 text") % {"name": name})
    except json.JSONDecodeError as error:
        message = _("%(name)s: the file is not valid JSON (line %(line)d, column %(column)d)")
        problems.add(message % {"name": name, "line": error.lineno, "column": error.colno})
    except (ValueError, RecursionError):
        problems.add(_("%(name)s: the file is not valid JSON") % {"name": name})
    return _UNREADABLE


def _refuse_constant(constant: str) -> Any:
    raise ValueError(constant)  # NaN and Infinity are not JSON


def _version(value: Any, *, allow_string: bool) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 99_999:
        return value
    if allow_string and isinstance(value, str) and _VERSION_STRING.fullmatch(value):
        return int(value)
    return None


def _is_machine_name(value: Any) -> bool:
    return isinstance(value, str) and bool(_MACHINE_NAME.fullmatch(value))


def _check_h5p_json(
    archive: zipfile.ZipFile, layout: _Layout, unsafe: set[str], limits: Limits, problems: _Problems
) -> tuple[str, str, list[tuple[str, int, int]]]:
    if layout.h5p_json is None:
        problems.add(_("h5p.json is missing: an .h5p package must have h5p.json at its root."))
        return "", "", []
    data = _read_json(archive, layout.h5p_json, unsafe, limits, problems)
    if data is _UNREADABLE:
        return "", "", []
    if not isinstance(data, dict):
        problems.add(_("h5p.json: the file must contain a JSON object"))
        return "", "", []
    title, main_library = data.get("title"), data.get("mainLibrary")
    if not isinstance(title, str) or not title.strip() or len(title) > _MAX_TITLE_LENGTH:
        problems.add(_("h5p.json: title must be a non-empty text of at most 255 characters"))
    if not _is_machine_name(main_library):
        problems.add(_("h5p.json: mainLibrary must be a library machine name, such as H5P.TrueFalse"))
    dependencies = list(_preloaded_dependencies(data.get("preloadedDependencies"), problems))
    return (
        (title if isinstance(title, str) else ""),
        (main_library if isinstance(main_library, str) else ""),
        dependencies,
    )


def _preloaded_dependencies(value: Any, problems: _Problems) -> Iterator[tuple[str, int, int]]:
    if not isinstance(value, list):
        problems.add(_("h5p.json: preloadedDependencies must be a list"))
        return
    for position, item in enumerate(value, start=1):
        item = item if isinstance(item, dict) else {}
        major = _version(item.get("majorVersion"), allow_string=True)
        minor = _version(item.get("minorVersion"), allow_string=True)
        name = item.get("machineName")
        if not _is_machine_name(name) or major is None or minor is None:
            message = _(
                "h5p.json: preloadedDependencies item %(position)d must have a machineName, a majorVersion and a minorVersion"
            )
            problems.add(message % {"position": position})
            continue
        yield name, major, minor


def _check_libraries(
    archive: zipfile.ZipFile, layout: _Layout, unsafe: set[str], limits: Limits, problems: _Problems
) -> list[LibraryRef]:
    libraries: dict[str, LibraryRef] = {}
    folders_by_key: dict[str, str] = {}
    for folder, files in layout.libraries.items():
        shown = rules.display_name(f"{folder}/library.json")
        if "library.json" not in files:
            problems.add(_("%(name)s is missing: every library folder needs one.") % {"name": shown})
            continue
        library = _parse_library_json(archive, files["library.json"], unsafe, limits, problems)
        if library is None:
            continue
        if folder not in {library.key, library.machine_name}:
            message = _("%(name)s: the folder name does not match the library %(library)s %(major)d.%(minor)d")
            problems.add(
                message
                % {"name": shown, "library": library.machine_name, "major": library.major, "minor": library.minor}
            )
            continue
        other = folders_by_key.setdefault(library.key, folder)
        if other != folder:
            message = _("%(name)s: the library %(library)s is already in the folder %(other)s")
            problems.add(message % {"name": shown, "library": library.key, "other": rules.display_name(other)})
            continue
        libraries[folder] = library
    return list(libraries.values())


def _parse_library_json(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, unsafe: set[str], limits: Limits, problems: _Problems
) -> LibraryRef | None:
    shown = rules.display_name(info.orig_filename)
    data = _read_json(archive, info, unsafe, limits, problems)
    if data is _UNREADABLE:
        return None
    if not isinstance(data, dict):
        problems.add(_("%(name)s: the file must contain a JSON object") % {"name": shown})
        return None
    machine_name = data.get("machineName")
    versions = [_version(data.get(key), allow_string=False) for key in ("majorVersion", "minorVersion", "patchVersion")]
    valid = True
    if not _is_machine_name(machine_name):
        problems.add(_("%(name)s: machineName must be a library machine name, such as H5P.TrueFalse") % {"name": shown})
        valid = False
    for key, number in zip(("majorVersion", "minorVersion", "patchVersion"), versions, strict=True):
        if number is None:
            problems.add(_("%(name)s: %(field)s must be a whole number") % {"name": shown, "field": key})
            valid = False
    if not valid:
        return None
    major, minor, patch = versions
    return LibraryRef(machine_name=machine_name, major=major, minor=minor, patch=patch)


def _main_library_version(
    main_library: str, dependencies: list[tuple[str, int, int]], libraries: list[LibraryRef]
) -> LibraryRef | None:
    """The bundled main library: the version h5p.json asks for, else the newest one present."""
    candidates = [library for library in libraries if library.machine_name == main_library]
    wanted = {(major, minor) for name, major, minor in dependencies if name == main_library}
    preferred = [library for library in candidates if (library.major, library.minor) in wanted]
    pool = preferred or candidates
    return max(pool, key=lambda library: (library.major, library.minor, library.patch), default=None)
