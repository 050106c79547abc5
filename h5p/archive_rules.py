"""Checks on a zip's central directory: names, file types, sizes. Nothing here reads file data.

Every function returns translated, human-readable messages that start with the name of the
entry at fault, so an author can fix the package and upload it again.
"""

import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from .limits import MB, Limits

# H5P core's default content whitelist (H5PCore::$defaultContentWhitelist), minus svg and xml:
# both can carry scripts, and content files are authored by anybody, unlike libraries.
CONTENT_EXTENSIONS = frozenset(
    {
        *("json", "txt", "md", "textile", "csv", "diff", "patch", "vtt", "webvtt"),
        *("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff"),
        *("eot", "ttf", "woff", "woff2", "otf"),
        *("webm", "mp4", "ogg", "mp3", "m4a", "wav", "swf"),
        *("pdf", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"),
    }
)
# Libraries are code by nature: H5P core adds js and css for them; their icon fonts need svg.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
# A server that maps a suffix to PHP runs "x.php.png" as PHP too, so every suffix counts.
PHP_EXTENSIONS = frozenset(
    {"php", "php2", "php3", "php4", "php5", "php6", "php7", "php8", "phtml", "pht", "phps", "phar"}
)
SCRIPT_EXTENSIONS = frozenset({"js", "mjs", "cjs"})
STYLESHEET_EXTENSIONS = frozenset({"css"})
WEB_PAGE_EXTENSIONS = frozenset({"html", "htm", "xhtml", "shtml"})
SVG_EXTENSIONS = frozenset({"svg", "svgz"})
XML_EXTENSIONS = frozenset({"xml", "xsl", "xslt"})

_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_LOCAL_HEADER_SIZE = 30  # fixed part of a zip local file header, before the name
# DEFLATE cannot expand more than 1032 times (a 258-byte match per 2 bits); an entry claiming
# more is lying about one of its sizes.
_DEFLATE_MAX_RATIO = 1032
_SUPPORTED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


def display_name(name: str) -> str:
    """The entry name as it can be shown to a person: control characters escaped."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)


def format_size(size: int) -> str:
    return f"{size / MB:.1f} MB"


def is_ignored(path: str) -> bool:
    """H5P core skips every file or folder whose name starts with '.' or '_' (__MACOSX/,
    .DS_Store): such entries are never installed, so they are reported as skipped."""
    return any(part[:1] in {".", "_"} for part in path.split("/"))


def path_problems(name: str, index: int) -> list[str]:
    """Names that could escape the extraction folder or mean different files on different systems."""
    if not name:
        return [_("Entry %(index)d of the archive has an empty file name.") % {"index": index}]
    shown = display_name(name)
    problems = []
    if any(unicodedata.category(char) == "Cc" for char in name):
        problems.append(
            _("%(name)s: file names must not contain NUL bytes or other control characters") % {"name": shown}
        )
    if "\\" in name:
        problems.append(_("%(name)s: file names must not contain backslashes") % {"name": shown})
    if name.startswith("/") or _DRIVE_LETTER.match(name):
        return [*problems, _("%(name)s: absolute paths are not allowed") % {"name": shown}]
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    if ".." in parts:
        problems.append(_("%(name)s: parent folder references (..) are not allowed") % {"name": shown})
    elif any(part in {"", "."} for part in parts):
        # "a//b" and "a/./b" are the same file as "a/b" once extracted: a duplicate in disguise.
        problems.append(_("%(name)s: empty or '.' path components are not allowed") % {"name": shown})
    return problems


def _kind_problems(info: zipfile.ZipInfo, shown: str) -> list[str]:
    file_type = stat.S_IFMT(info.external_attr >> 16)
    if stat.S_ISLNK(info.external_attr >> 16):
        return [_("%(name)s: symbolic links are not allowed") % {"name": shown}]
    if file_type not in {0, stat.S_IFREG, stat.S_IFDIR}:
        return [_("%(name)s: only ordinary files and folders are allowed") % {"name": shown}]
    if info.flag_bits & 0x1:
        return [_("%(name)s: encrypted files are not allowed") % {"name": shown}]
    if info.compress_type not in _SUPPORTED_METHODS:
        return [_("%(name)s: this compression method is not supported") % {"name": shown}]
    return []


def _sizes_are_consistent(info: zipfile.ZipInfo) -> bool:
    if info.is_dir():
        return info.file_size == 0
    if info.compress_type == zipfile.ZIP_STORED:
        return info.file_size == info.compress_size
    return info.file_size <= info.compress_size * _DEFLATE_MAX_RATIO + 1024


def _size_problems(info: zipfile.ZipInfo, shown: str, limits: Limits) -> list[str]:
    problems = []
    if not _sizes_are_consistent(info):
        problems.append(_("%(name)s: the sizes declared in the archive are inconsistent") % {"name": shown})
    if info.file_size > limits.max_file_size:
        problems.append(
            _("%(name)s: the file is %(size)s uncompressed; at most %(max)s is allowed")
            % {"name": shown, "size": format_size(info.file_size), "max": format_size(limits.max_file_size)}
        )
    if info.file_size > limits.ratio_threshold and info.file_size > info.compress_size * limits.max_ratio:
        problems.append(
            _("%(name)s: the file expands %(ratio)d times its compressed size; at most %(max)d is allowed (zip bomb?)")
            % {"name": shown, "ratio": info.file_size // max(info.compress_size, 1), "max": limits.max_ratio}
        )
    return problems


def entry_problems(info: zipfile.ZipInfo, limits: Limits) -> list[str]:
    """What is wrong with one entry's type and sizes, as its central directory record declares them."""
    shown = display_name(info.orig_filename)
    return _kind_problems(info, shown) + _size_problems(info, shown, limits)


def overlap_problems(infos: Sequence[zipfile.ZipInfo], end_of_entries: int) -> list[str]:
    """An entry whose data runs into the next one lies about its compressed size, or shares its
    data with another entry: the trick behind non-recursive zip bombs."""
    problems = []
    end = end_of_entries
    for info in sorted(infos, key=lambda item: item.header_offset, reverse=True):
        if info.header_offset + _LOCAL_HEADER_SIZE + info.compress_size > end:
            shown = display_name(info.orig_filename)
            problems.append(_("%(name)s: its data overlaps another file in the archive (zip bomb?)") % {"name": shown})
        end = info.header_offset
    return problems


def _folder_prefixes(name: str) -> Iterable[tuple[str, bool]]:
    """Every folder an entry implies, and the entry itself, with whether each is a folder."""
    parts = name.rstrip("/").split("/")
    for depth in range(1, len(parts)):
        yield "/".join(parts[:depth]), True
    yield "/".join(parts), name.endswith("/")


def name_clash_problems(infos: Sequence[zipfile.ZipInfo]) -> list[str]:
    """Duplicates, and names that only differ in case or Unicode normalisation: on a
    case-insensitive disk they land on the same file, so one could replace the other."""
    problems = []
    seen: set[str] = set()
    folded: dict[str, tuple[str, bool]] = {}
    reported: set[str] = set()
    for info in infos:
        name = info.orig_filename
        if name in seen:
            problems.append(
                _("%(name)s: this name appears more than once in the archive") % {"name": display_name(name)}
            )
            continue
        seen.add(name)
        for path, is_folder in _folder_prefixes(name):
            key = unicodedata.normalize("NFC", path).casefold()
            other, other_is_folder = folded.setdefault(key, (path, is_folder))
            if key in reported or (other == path and other_is_folder == is_folder):
                continue
            reported.add(key)
            if other == path:
                problems.append(
                    _("%(name)s: this name is used for both a file and a folder") % {"name": display_name(path)}
                )
            else:
                problems.append(
                    _("%(name)s: clashes with %(other)s (on some systems both names are the same file)")
                    % {"name": display_name(path), "other": display_name(other)}
                )
    return problems


def total_problems(infos: Sequence[zipfile.ZipInfo], limits: Limits) -> list[str]:
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos)
    problems = []
    if total > limits.max_total_size:
        problems.append(
            _("The package expands to %(size)s; at most %(max)s is allowed.")
            % {"size": format_size(total), "max": format_size(limits.max_total_size)}
        )
    if total > limits.ratio_threshold and total > compressed * limits.max_total_ratio:
        problems.append(
            _("The package expands %(ratio)d times its compressed size; at most %(max)d is allowed (zip bomb?).")
            % {"ratio": total // max(compressed, 1), "max": limits.max_total_ratio}
        )
    return problems


def _suffixes(path: str) -> list[str]:
    return [suffix.lower() for suffix in path.rsplit("/", 1)[-1].split(".")[1:]]


def php_problem(path: str) -> str | None:
    if PHP_EXTENSIONS.intersection(_suffixes(path)):
        return _("%(name)s: PHP files are not allowed") % {"name": display_name(path)}
    return None


def content_type_problem(path: str) -> str | None:
    """Content files are uploaded by authors and served from our domain: nothing executable."""
    suffixes = _suffixes(path)
    extension = suffixes[-1] if suffixes else ""
    if extension in CONTENT_EXTENSIONS or PHP_EXTENSIONS.intersection(suffixes):
        return None  # PHP is reported once, by php_problem, wherever it is
    shown = {"name": display_name(path)}
    if extension in SCRIPT_EXTENSIONS:
        return _("%(name)s: scripts are not allowed in content") % shown
    if extension in STYLESHEET_EXTENSIONS:
        return _("%(name)s: stylesheets are not allowed in content") % shown
    if extension in WEB_PAGE_EXTENSIONS:
        return _("%(name)s: web pages are not allowed in content") % shown
    if extension in SVG_EXTENSIONS:
        return _("%(name)s: SVG images are not allowed in content") % shown
    if extension in XML_EXTENSIONS:
        return _("%(name)s: XML files are not allowed in content") % shown
    return _("%(name)s: this file type is not allowed in content") % shown


def library_type_problem(path: str) -> str | None:
    suffixes = _suffixes(path)
    extension = suffixes[-1] if suffixes else ""
    if extension in LIBRARY_EXTENSIONS or PHP_EXTENSIONS.intersection(suffixes):
        return None
    shown = {"name": display_name(path)}
    if extension in WEB_PAGE_EXTENSIONS:
        return _("%(name)s: web pages are not allowed in libraries") % shown
    return _("%(name)s: this file type is not allowed in libraries") % shown
