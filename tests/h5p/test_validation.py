"""The .h5p upload validator: real packages pass, hostile or broken archives are refused.

Hostile archives are built here, in memory: zipfile for the ordinary ones, and byte patches
of the central directory for what zipfile refuses to write (lying sizes, NUL bytes, flags).
"""

import hashlib
import io
import json
import stat
import struct
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from django.utils import translation

from h5p import archive_rules, validation
from h5p.limits import MB, Limits
from h5p.validation import H5PValidationError, LibraryRef, ValidatedPackage, package_validate

SHARED_H5P = Path(__file__).resolve().parents[2].parent / "shared" / "h5p"
NOT_A_ZIP = "This file is not a valid .h5p package (not a zip archive)."

H5P_JSON = {
    "title": "Les mots de passe",
    "language": "fr",
    "mainLibrary": "H5P.Foo",
    "embedTypes": ["div"],
    "preloadedDependencies": [{"machineName": "H5P.Foo", "majorVersion": 1, "minorVersion": 0}],
}
LIBRARY_JSON = {"title": "Foo", "machineName": "H5P.Foo", "majorVersion": 1, "minorVersion": 0, "patchVersion": 2}

Entry = tuple[str | zipfile.ZipInfo, bytes | str]


@pytest.fixture(autouse=True)
def english():
    # The project's default language is French; the assertions below read the English msgids.
    with translation.override("en"):
        yield


def base_files() -> dict[str, bytes | str]:
    return {
        "h5p.json": json.dumps(H5P_JSON),
        "content/content.json": '{"question": "Vrai ou faux ?"}',
        "content/images/photo.jpg": b"\xff\xd8\xff" + bytes(100),
        "H5P.Foo-1.0/library.json": json.dumps(LIBRARY_JSON),
        "H5P.Foo-1.0/js/foo.js": "H5P.Foo = function () {};",
        "H5P.Foo-1.0/css/foo.css": ".h5p-foo { color: red; }",
        "H5P.Foo-1.0/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    }


def build_zip(entries: Iterable[Entry], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are written on purpose
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return buffer.getvalue()


def package(**changes: bytes | str | None) -> bytes:
    """The valid base package, with files added, replaced or (given None) removed."""
    files = {**base_files(), **changes}
    return build_zip((name, data) for name, data in files.items() if data is not None)


def with_files(*extra: Entry) -> bytes:
    return build_zip([*base_files().items(), *extra])


def validate(data: bytes, limits: Limits | None = None) -> ValidatedPackage:
    kwargs = {"limits": limits} if limits else {}
    return package_validate(fileobj=io.BytesIO(data), **kwargs)


def problems(data: bytes, limits: Limits | None = None) -> list[str]:
    with pytest.raises(H5PValidationError) as caught:
        validate(data, limits)
    assert str(caught.value) == "\n".join(caught.value.messages)
    return caught.value.messages


def patch_central(data: bytes, name: str, **fields: int) -> bytes:
    """Overwrite fields of one entry's central directory record, which zipfile would not let
    us write: the validator must not trust what the listing declares."""
    offsets = {"flags": (8, "<H"), "compress_size": (20, "<I"), "file_size": (24, "<I"), "header_offset": (42, "<I")}
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == name.encode():
            break
        start = data.find(b"PK\x01\x02", start + 4)
    else:
        raise AssertionError(f"{name} is not in the central directory")
    patched = bytearray(data)
    for field, value in fields.items():
        offset, layout = offsets[field]
        struct.pack_into(layout, patched, start + offset, value)
    return bytes(patched)


def info_of(data: bytes, name: str) -> zipfile.ZipInfo:
    return zipfile.ZipFile(io.BytesIO(data)).getinfo(name)


def real_package(name: str) -> Path:
    if not SHARED_H5P.is_dir():
        pytest.skip("the real H5P packages are missing: expected them in ../shared/h5p/")
    path = SHARED_H5P / name
    if not path.is_file():
        pytest.skip(f"../shared/h5p/{name} is missing (listed in ../shared/h5p/README.md)")
    return path


# --- Real packages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "main_library", "title", "library_count", "main_version"),
    [
        ("h5p-test.h5p", "H5P.TrueFalse", "Hello World", 10, "1.6.1"),
        ("H5P.MultiChoice.h5p", "H5P.MultiChoice", "Multiple Choice", 13, "1.14.6"),
        ("H5P.QuestionSet.h5p", "H5P.QuestionSet", "Hub Download Question Set All", 32, "1.17.3"),
        ("valid2.h5p", "H5P.GreetingCard", "Greeting card", 1, "1.0.6"),
    ],
)
def test_real_packages_from_the_hub_are_accepted(filename, main_library, title, library_count, main_version):
    path = real_package(filename)
    data = path.read_bytes()
    with path.open("rb") as upload:
        result = package_validate(fileobj=upload)
        assert upload.tell() == 0  # left ready for whoever saves the upload
    assert result.main_library == main_library
    assert result.title == title
    assert len(result.libraries) == library_count
    assert result.main_library_version.version == main_version
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert f"{result.sha256}  {filename}" in (SHARED_H5P / "SHA256SUMS").read_text()
    assert result.entry_count == len(zipfile.ZipFile(path).infolist())
    assert "content/content.json" in result.content_files


def test_a_stray_top_level_file_is_skipped_not_refused():
    result = validate(real_package("h5p-test.h5p").read_bytes())
    assert result.skipped == ("H5P_CONTENT_HERE.txt",)
    assert result.content_files == ("content/content.json",)
    assert result.main_library_version == LibraryRef("H5P.TrueFalse", 1, 6, 1)
    assert result.main_library_version.key == "H5P.TrueFalse-1.6"
    assert result.preloaded_dependencies[0] == ("H5P.TrueFalse", 1, 6)  # the Hub writes versions as "1", "6"


def test_an_unparsable_h5p_json_is_refused_naming_it():
    assert problems(real_package("broken-h5p-json.h5p").read_bytes()) == [
        "h5p.json: the file is not valid JSON (line 16, column 2)"
    ]


# --- A valid built package, and the shape of the result -------------------------------------------


def test_a_minimal_package_is_described_completely():
    data = package(**{"__MACOSX/._photo.jpg": b"mac", "content/.DS_Store": b"mac", "readme.html": "<p>hi</p>"})
    result = validate(data)
    assert result.title == "Les mots de passe"
    assert result.main_library == "H5P.Foo"
    assert result.libraries == (LibraryRef("H5P.Foo", 1, 0, 2),)
    assert result.main_library_version.version == "1.0.2"
    assert result.preloaded_dependencies == (("H5P.Foo", 1, 0),)
    assert result.content_files == ("content/content.json", "content/images/photo.jpg")
    assert result.skipped == ("__MACOSX/._photo.jpg", "content/.DS_Store", "readme.html")
    assert result.entry_count == 10
    assert result.total_uncompressed == sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert result.sha256 == hashlib.sha256(data).hexdigest()


def test_a_legacy_folder_named_after_the_machine_name_alone_is_accepted():
    files = {name.replace("H5P.Foo-1.0/", "H5P.Foo/"): data for name, data in base_files().items()}
    assert validate(build_zip(files.items())).libraries == (LibraryRef("H5P.Foo", 1, 0, 2),)


def test_a_package_without_libraries_is_accepted_and_has_no_main_library_version():
    # Content-only packages rely on libraries already installed on the site.
    files = {name: data for name, data in base_files().items() if not name.startswith("H5P.Foo-1.0/")}
    result = validate(build_zip(files.items()))
    assert result.preloaded_dependencies == (("H5P.Foo", 1, 0),)
    assert result.libraries == ()
    assert result.main_library_version is None


# --- Not a zip -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<?php system($_GET['c']); ?>",
        b"\x89PNG\r\n\x1a\n" + build_zip(base_files().items()),  # a polyglot: image first, zip after
        build_zip(base_files().items())[:-30],  # truncated: the end record is gone
    ],
    ids=["empty", "php", "polyglot", "truncated"],
)
def test_a_file_that_is_not_a_zip_archive_is_refused(data):
    upload = io.BytesIO(data)
    with pytest.raises(H5PValidationError) as caught:
        package_validate(fileobj=upload)
    assert caught.value.messages == [NOT_A_ZIP]
    assert upload.tell() == 0


# --- Paths -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.txt", "../evil.txt: parent folder references (..) are not allowed"),
        ("content/../../x", "content/../../x: parent folder references (..) are not allowed"),
        ("/etc/cron.d/evil.txt", "/etc/cron.d/evil.txt: absolute paths are not allowed"),
        ("C:/Windows/evil.txt", "C:/Windows/evil.txt: absolute paths are not allowed"),
        ("content\\evil.txt", "content\\evil.txt: file names must not contain backslashes"),
        ("content/./photo.jpg", "content/./photo.jpg: empty or '.' path components are not allowed"),
        ("content//photo.jpg", "content//photo.jpg: empty or '.' path components are not allowed"),
        ("content/a\nb.txt", "content/a\\nb.txt: file names must not contain NUL bytes or other control characters"),
        ("", "Entry 8 of the archive has an empty file name."),
    ],
)
def test_paths_that_could_escape_the_package_folder_are_refused(name, message):
    assert problems(with_files((name, b"x"))) == [message]


def test_a_nul_byte_hidden_in_a_name_is_refused():
    # zipfile cuts names at NUL, so a name like "a.png\0.php" looks harmless once parsed.
    data = with_files(("content/photoXevil.jpg", b"x")).replace(b"content/photoXevil.jpg", b"content/photo\0evil.jpg")
    assert problems(data) == [
        "content/photo\\x00evil.jpg: file names must not contain NUL bytes or other control characters"
    ]


@pytest.mark.parametrize("name", ["content/photo.jpg", "H5P.Foo-1.0/js/foo.js"])
def test_symbolic_links_are_refused(name):
    link = zipfile.ZipInfo(name)
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    files = {**base_files(), name: None}
    entries = [(entry, data) for entry, data in files.items() if data is not None]
    assert problems(build_zip([*entries, (link, "/etc/passwd")])) == [f"{name}: symbolic links are not allowed"]


def test_a_device_file_is_refused():
    device = zipfile.ZipInfo("content/tty.txt")
    device.external_attr = (stat.S_IFCHR | 0o666) << 16
    assert problems(with_files((device, b""))) == ["content/tty.txt: only ordinary files and folders are allowed"]


# --- Duplicates --------------------------------------------------------------------------------------


def test_a_name_listed_twice_is_refused():
    assert problems(with_files(("content/content.json", "{}"))) == [
        "content/content.json: this name appears more than once in the archive"
    ]


def test_names_differing_only_in_case_are_refused():
    assert problems(with_files(("content/images/PHOTO.jpg", b"x"))) == [
        "content/images/PHOTO.jpg: clashes with content/images/photo.jpg (on some systems both names are the same file)"
    ]


def test_names_differing_only_in_unicode_normalisation_are_refused():
    composed, decomposed = unicodedata.normalize("NFC", "été.jpg"), unicodedata.normalize("NFD", "été.jpg")
    assert problems(with_files((f"content/{composed}", b"x"), (f"content/{decomposed}", b"y"))) == [
        f"content/{decomposed}: clashes with content/{composed} (on some systems both names are the same file)"
    ]


def test_folders_differing_only_in_case_are_refused():
    # On a case-insensitive disk "CONTENT/" is "content/": a library could drop files there.
    message = "CONTENT: clashes with content (on some systems both names are the same file)"
    assert message in problems(with_files(("CONTENT/evil.js", "alert(1)"), ("CONTENT/library.json", "{}")))


def test_a_name_used_for_a_file_and_a_folder_is_refused():
    data = with_files(("content/pics.jpg", b"x"), ("content/pics.jpg/1.png", b"x"))
    assert problems(data) == ["content/pics.jpg: this name is used for both a file and a folder"]


# --- Sizes and zip bombs ---------------------------------------------------------------------------


def test_too_many_entries_are_refused_from_the_listing_alone():
    data = build_zip(((f"content/{number}.txt", b"") for number in range(20_000)), zipfile.ZIP_STORED)
    assert problems(data) == ["The package contains 20000 files; at most 2000 are allowed."]


def test_the_entry_limit_counts_every_entry():
    data = package()
    assert validate(data, Limits(max_entries=7)).entry_count == 7
    assert problems(data, Limits(max_entries=6)) == ["The package contains 7 files; at most 6 are allowed."]


def test_a_zip_bomb_is_refused_without_being_decompressed():
    buffer = io.BytesIO(package())
    with zipfile.ZipFile(buffer, "a") as archive:
        bomb = zipfile.ZipInfo("content/bomb.txt")
        bomb.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(bomb, "w") as stream:  # zlib streams it: 60 MB never sit in memory
            for _chunk in range(60):
                stream.write(bytes(MB))
    data = buffer.getvalue()
    bomb = info_of(data, "content/bomb.txt")
    total = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    compressed = sum(info.compress_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert problems(data) == [
        "content/bomb.txt: the file is 60.0 MB uncompressed; at most 50.0 MB is allowed",
        f"content/bomb.txt: the file expands {bomb.file_size // bomb.compress_size} times its compressed size;"
        " at most 100 is allowed (zip bomb?)",
        f"The package expands {total // compressed} times its compressed size; at most 100 is allowed (zip bomb?).",
    ]


def test_many_small_well_compressed_files_trip_the_overall_ratio():
    data = with_files(*((f"content/blank{number}.txt", bytes(900_000)) for number in range(3)))
    listing = zipfile.ZipFile(io.BytesIO(data)).infolist()
    ratio = sum(info.file_size for info in listing) // sum(info.compress_size for info in listing)
    assert problems(data) == [
        f"The package expands {ratio} times its compressed size; at most 100 is allowed (zip bomb?)."
    ]


def test_a_small_file_may_compress_very_well():
    assert "content/blank.txt" in validate(with_files(("content/blank.txt", bytes(500_000)))).content_files


def test_a_declared_size_that_deflate_cannot_produce_is_refused():
    data = with_files(("content/notes.txt", "x" * 1000))
    data = patch_central(data, "content/notes.txt", file_size=60 * MB)
    assert "content/notes.txt: the sizes declared in the archive are inconsistent" in problems(data)


def test_a_stored_entry_whose_two_sizes_differ_is_refused():
    data = build_zip([*base_files().items(), ("content/notes.txt", "x" * 1000)], zipfile.ZIP_STORED)
    data = patch_central(data, "content/notes.txt", file_size=999)
    assert problems(data) == ["content/notes.txt: the sizes declared in the archive are inconsistent"]


def test_an_entry_whose_data_runs_into_the_next_is_refused():
    data = with_files(("content/notes.txt", "x" * 1000))
    notes = info_of(data, "content/notes.txt")
    data = patch_central(data, "content/notes.txt", compress_size=notes.compress_size + 10_000)
    assert problems(data) == ["content/notes.txt: its data overlaps another file in the archive (zip bomb?)"]


def test_entries_sharing_their_data_are_refused():
    data = with_files(("content/notes.txt", "x" * 1000))
    data = patch_central(data, "content/notes.txt", header_offset=info_of(data, "h5p.json").header_offset)
    assert "content/notes.txt: its data overlaps another file in the archive (zip bomb?)" in problems(data)


def test_the_total_size_limit_is_read_from_the_listing():
    assert problems(package(), Limits(max_total_size=MB // 10_000)) == [
        "The package expands to 0.0 MB; at most 0.0 MB is allowed."
    ]


def test_encrypted_entries_are_refused():
    data = patch_central(package(), "content/images/photo.jpg", flags=0x1)
    assert problems(data) == ["content/images/photo.jpg: encrypted files are not allowed"]


def test_unusual_compression_methods_are_refused():
    data = build_zip([*base_files().items()])
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("content/notes.txt", "hello")
    assert problems(buffer.getvalue()) == ["content/notes.txt: this compression method is not supported"]


# --- File types ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("content/evil.js", "scripts are not allowed in content"),
        ("content/module.MJS", "scripts are not allowed in content"),
        ("content/theme.css", "stylesheets are not allowed in content"),
        ("content/page.html", "web pages are not allowed in content"),
        ("content/page.htm", "web pages are not allowed in content"),
        ("content/images/logo.svg", "SVG images are not allowed in content"),
        ("content/data.xml", "XML files are not allowed in content"),
        ("content/setup.exe", "this file type is not allowed in content"),
        ("content/Makefile", "this file type is not allowed in content"),
        ("content/photo.jpg.js", "scripts are not allowed in content"),
    ],
)
def test_content_may_not_hold_code_or_unknown_types(name, reason):
    assert problems(with_files((name, b"x"))) == [f"{name}: {reason}"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("H5P.Foo-1.0/demo.html", "web pages are not allowed in libraries"),
        ("H5P.Foo-1.0/demo.HTM", "web pages are not allowed in libraries"),
        ("H5P.Foo-1.0/install.sh", "this file type is not allowed in libraries"),
    ],
)
def test_libraries_may_not_hold_web_pages_or_unknown_types(name, reason):
    assert problems(with_files((name, b"x"))) == [f"{name}: {reason}"]


def test_libraries_may_hold_scripts_styles_svg_and_xml():
    result = validate(with_files(("H5P.Foo-1.0/language/fr.json", "{}"), ("H5P.Foo-1.0/data.xml", "<a/>")))
    assert result.libraries == (LibraryRef("H5P.Foo", 1, 0, 2),)


@pytest.mark.parametrize(
    "name",
    [
        "content/shell.php",
        "content/photo.php.jpg",  # Apache's AddHandler runs this as PHP
        "content/shell.PHTML",
        "H5P.Foo-1.0/shell.php5",
        "H5P.Foo-1.0/lib.phar",
        "shell.php",  # a stray top-level file: skipped by H5P, still refused
        "__MACOSX/shell.php",
    ],
)
def test_php_is_refused_anywhere(name):
    assert problems(with_files((name, "<?php system($_GET['c']);"))) == [f"{name}: PHP files are not allowed"]


# --- h5p.json --------------------------------------------------------------------------------------


def test_a_missing_h5p_json_is_refused():
    assert problems(package(**{"h5p.json": None})) == [
        "h5p.json is missing: an .h5p package must have h5p.json at its root."
    ]


def test_h5p_json_in_a_subfolder_does_not_count():
    files = {("wrapper/" + name if name == "h5p.json" else name): data for name, data in base_files().items()}
    messages = problems(build_zip(files.items()))
    assert "h5p.json is missing: an .h5p package must have h5p.json at its root." in messages
    assert "wrapper/library.json is missing: every library folder needs one." in messages


@pytest.mark.parametrize(
    ("h5p_json", "messages"),
    [
        ("[]", ["h5p.json: the file must contain a JSON object"]),
        ('{"title": NaN}', ["h5p.json: the file is not valid JSON"]),
        ("{'title': 'x'}", ["h5p.json: the file is not valid JSON (line 1, column 2)"]),
        (json.dumps(H5P_JSON).encode("utf-16"), ["h5p.json: the file is not UTF-8 text"]),
        (
            json.dumps({**H5P_JSON, "title": "  ", "mainLibrary": "../H5P.Foo"}),
            [
                "h5p.json: title must be a non-empty text of at most 255 characters",
                "h5p.json: mainLibrary must be a library machine name, such as H5P.TrueFalse",
            ],
        ),
        (
            json.dumps({key: value for key, value in H5P_JSON.items() if key != "preloadedDependencies"}),
            ["h5p.json: preloadedDependencies must be a list"],
        ),
        (
            json.dumps({**H5P_JSON, "preloadedDependencies": [{"machineName": "H5P.Foo", "majorVersion": 1}, "x"]}),
            [
                "h5p.json: preloadedDependencies item 1 must have a machineName, a majorVersion and a minorVersion",
                "h5p.json: preloadedDependencies item 2 must have a machineName, a majorVersion and a minorVersion",
            ],
        ),
        (
            json.dumps(
                {
                    **H5P_JSON,
                    "mainLibrary": "H5P.Foo\n",
                    "preloadedDependencies": [{"machineName": "H5P.Foo", "majorVersion": "1\n", "minorVersion": "0"}],
                }
            ),
            [
                "h5p.json: mainLibrary must be a library machine name, such as H5P.TrueFalse",
                "h5p.json: preloadedDependencies item 1 must have a machineName, a majorVersion and a minorVersion",
            ],
        ),
    ],
    ids=[
        "array",
        "nan",
        "single-quotes",
        "utf-16",
        "title-and-main",
        "no-dependencies",
        "bad-dependencies",
        "newlines",
    ],
)
def test_an_invalid_h5p_json_is_refused(h5p_json, messages):
    assert problems(package(**{"h5p.json": h5p_json})) == messages


def test_an_oversized_h5p_json_is_not_read():
    assert problems(package(), Limits(max_json_size=60)) == [
        "h5p.json: the file is too large for a metadata file",
        "H5P.Foo-1.0/library.json: the file is too large for a metadata file",
    ]


def test_a_damaged_h5p_json_is_refused():
    data = build_zip(base_files().items(), zipfile.ZIP_STORED).replace(b'"title"', b'"titlf"', 1)
    assert problems(data) == ["h5p.json: the file is damaged and cannot be read"]


def test_content_json_is_required():
    assert problems(package(**{"content/content.json": None})) == [
        "content/content.json is missing: the package has no content."
    ]


# --- Libraries ------------------------------------------------------------------------------------


def test_a_library_folder_must_match_its_library_json():
    data = with_files(("H5P.Foo-1.1/library.json", json.dumps({**LIBRARY_JSON, "machineName": "H5P.Bar"})))
    assert problems(data) == ["H5P.Foo-1.1/library.json: the folder name does not match the library H5P.Bar 1.0"]


def test_a_library_folder_must_match_its_version():
    data = with_files(("H5P.Foo-1.1/library.json", json.dumps(LIBRARY_JSON)))
    assert problems(data) == ["H5P.Foo-1.1/library.json: the folder name does not match the library H5P.Foo 1.0"]


def test_a_library_folder_needs_a_library_json():
    assert problems(with_files(("H5P.Bar-1.0/bar.js", "x"))) == [
        "H5P.Bar-1.0/library.json is missing: every library folder needs one."
    ]


def test_the_same_library_in_two_folders_is_refused():
    assert problems(with_files(("H5P.Foo/library.json", json.dumps(LIBRARY_JSON)))) == [
        "H5P.Foo/library.json: the library H5P.Foo-1.0 is already in the folder H5P.Foo-1.0"
    ]


def test_library_json_needs_integer_versions_and_a_machine_name():
    library = {**LIBRARY_JSON, "machineName": "H5P/Foo", "majorVersion": "1", "patchVersion": True}
    assert problems(package(**{"H5P.Foo-1.0/library.json": json.dumps(library)})) == [
        "H5P.Foo-1.0/library.json: machineName must be a library machine name, such as H5P.TrueFalse",
        "H5P.Foo-1.0/library.json: majorVersion must be a whole number",
        "H5P.Foo-1.0/library.json: patchVersion must be a whole number",
    ]


def test_the_main_library_version_is_the_one_h5p_json_asks_for():
    newer = {**LIBRARY_JSON, "minorVersion": 1, "patchVersion": 0}
    result = validate(with_files(("H5P.Foo-1.1/library.json", json.dumps(newer))))
    assert result.main_library_version == LibraryRef("H5P.Foo", 1, 0, 2)
    assert len(result.libraries) == 2


# --- Reporting ------------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once():
    data = with_files(("content/evil.js", "x"), ("../evil.txt", "x"), ("H5P.Foo-1.0/shell.php", "x"))
    assert problems(data) == [
        "../evil.txt: parent folder references (..) are not allowed",
        "H5P.Foo-1.0/shell.php: PHP files are not allowed",
        "content/evil.js: scripts are not allowed in content",
    ]


def test_a_flood_of_problems_is_cut_short():
    data = with_files(*((f"content/evil{number}.js", "x") for number in range(60)))
    messages = problems(data)
    assert len(messages) == 51
    assert messages[0] == "content/evil0.js: scripts are not allowed in content"
    assert messages[-1] == "…and 10 more problems."


def test_messages_go_through_gettext(monkeypatch):
    def fake_gettext(message: str) -> str:
        return "[fr] " + message

    monkeypatch.setattr(validation, "_", fake_gettext)
    monkeypatch.setattr(archive_rules, "_", fake_gettext)
    assert problems(package(**{"h5p.json": None, "content/evil.js": "x"})) == [
        "[fr] content/evil.js: scripts are not allowed in content",
        "[fr] h5p.json is missing: an .h5p package must have h5p.json at its root.",
    ]
    assert problems(b"nope") == ["[fr] " + NOT_A_ZIP]
