"""Uploading .h5p packages through the Wagtail admin, and approving the libraries they bring."""

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from h5p import services
from h5p.blocks import H5PActivityBlock
from h5p.models import STATUS_READY, STATUS_WAITING, H5PActivity, H5PLibrary
from h5p.validation import H5PValidationError
from h5p.views import UPLOADERS_GROUP
from tests.factories.accounts import UserFactory
from tests.h5p.test_validation import LIBRARY_JSON, base_files, build_zip, package, real_package, with_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def h5p_roots(settings, tmp_path):
    roots = {name: tmp_path / name for name in ("private", "content", "libraries")}
    settings.H5P_PRIVATE_ROOT = roots["private"]
    settings.H5P_CONTENT_ROOT = roots["content"]
    settings.H5P_LIBRARY_ROOT = roots["libraries"]
    return roots


def files_under(roots: dict[str, Path]) -> list[Path]:
    return [path for root in roots.values() if root.exists() for path in root.rglob("*")]


@pytest.fixture
def uploader(db):
    user = UserFactory(username="h5p-uploader")
    user.groups.add(Group.objects.get(name=UPLOADERS_GROUP))
    return user


@pytest.fixture
def editor(db):
    user = UserFactory(username="cms-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def upload(client, user, data: bytes, name: str = "activity.h5p", title: str = ""):
    client.force_login(user)
    file = SimpleUploadedFile(name, data, content_type="application/zip")
    return client.post(reverse("h5p_upload"), {"title": title, "file": file})


def approve_all(client, admin_user) -> None:
    client.force_login(admin_user)
    for library in H5PLibrary.objects.filter(approved=False):
        response = client.post(reverse("h5p_library_approve", args=[library.pk]))
        assert response.status_code == 302


def zip_libraries(data: bytes) -> set[tuple[str, int, int, int]]:
    found = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.count("/") == 1 and name.endswith("/library.json"):
                info = json.loads(archive.read(name))
                found.add((info["machineName"], info["majorVersion"], info["minorVersion"], info["patchVersion"]))
    return found


@pytest.mark.parametrize("name", ["h5p-test.h5p", "H5P.QuestionSet.h5p"])
def test_real_package_waits_for_approval_then_is_ready(client, uploader, admin_user, h5p_roots, name):
    data = real_package(name).read_bytes()
    response = upload(client, uploader, data, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = H5PActivity.objects.get()
    assert activity.status == STATUS_WAITING
    assert activity.uploaded_by == uploader
    libraries = zip_libraries(data)
    assert {(lib.machine_name, lib.major, lib.minor, lib.patch) for lib in H5PLibrary.objects.all()} == libraries
    assert not H5PLibrary.objects.filter(approved=True).exists()
    # Files: the original in private storage, the content by sha256, each library once.
    assert (h5p_roots["private"] / activity.package_file).read_bytes() == data
    assert (h5p_roots["content"] / activity.sha256 / "content" / "content.json").is_file()
    for machine_name, major, minor, patch in libraries:
        assert (h5p_roots["libraries"] / f"{machine_name}-{major}.{minor}.{patch}" / "library.json").is_file()
    assert not [path for root in h5p_roots.values() for path in root.glob(".staging-*")]

    client.force_login(admin_user)
    listing = client.get(reverse("h5p_libraries"))
    assert listing.status_code == 200
    assert escape(activity.title) in listing.content.decode()

    approve_all(client, admin_user)
    activity = H5PActivity.objects.get()
    assert activity.status == STATUS_READY
    assert H5PLibrary.objects.filter(approved=True, approved_by=admin_user).count() == len(libraries)


def test_reupload_returns_the_same_activity(client, uploader, h5p_roots):
    data = real_package("h5p-test.h5p").read_bytes()
    assert upload(client, uploader, data).status_code == 302
    before = sorted(files_under(h5p_roots))
    assert upload(client, uploader, data, title="Another title").status_code == 302
    assert H5PActivity.objects.count() == 1
    assert sorted(files_under(h5p_roots)) == before


@pytest.mark.parametrize("role", ["student", "editor"])
def test_outsiders_cannot_upload(client, request, role, h5p_roots):
    user = request.getfixturevalue(role)
    data = real_package("h5p-test.h5p").read_bytes()
    client.force_login(user)
    assert client.get(reverse("h5p_upload")).status_code in {302, 403}
    response = upload(client, user, data)
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response.url != reverse("wagtailsnippets_h5p_h5pactivity:list")
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert files_under(h5p_roots) == []


def test_uploader_cannot_approve(client, uploader, h5p_roots):
    assert upload(client, uploader, package()).status_code == 302
    library = H5PLibrary.objects.get()
    response = client.post(reverse("h5p_library_approve", args=[library.pk]))
    assert response.status_code in {302, 403}
    assert not H5PLibrary.objects.get().approved
    assert client.get(reverse("h5p_libraries")).status_code in {302, 403}


def test_approve_needs_post_and_a_real_library(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("h5p_library_approve", args=[999])).status_code == 405
    assert client.post(reverse("h5p_library_approve", args=[999])).status_code == 404


def test_approve_checks_csrf(admin_user, uploader, client):
    assert upload(client, uploader, package()).status_code == 302
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    response = strict.post(reverse("h5p_library_approve", args=[H5PLibrary.objects.get().pk]))
    assert response.status_code == 403
    assert not H5PLibrary.objects.get().approved


def _symlink_package() -> bytes:
    buffer = io.BytesIO(package())
    with zipfile.ZipFile(buffer, "a") as archive:
        link = zipfile.ZipInfo("content/link.json")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def _bomb_package() -> bytes:
    buffer = io.BytesIO(package())
    with zipfile.ZipFile(buffer, "a") as archive:
        bomb = zipfile.ZipInfo("content/bomb.txt")
        bomb.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(bomb, "w") as stream:
            for _chunk in range(60):
                stream.write(bytes(1024 * 1024))
    return buffer.getvalue()


def hostile_packages() -> dict[str, tuple[bytes | None, str]]:
    mismatched = {**base_files(), "H5P.Foo-1.0/library.json": json.dumps({**LIBRARY_JSON, "machineName": "H5P.Bar"})}
    return {
        "broken-h5p-json": (None, "h5p.json"),
        "zip-slip": (with_files(("content/../../evil.json", "{}")), "evil.json"),
        "absolute-path": (with_files(("/etc/cron.d/evil", "x")), "/etc/cron.d/evil"),
        "zip-bomb": (_bomb_package(), "bomb.txt"),
        "symlink": (_symlink_package(), "link.json"),
        "js-in-content": (package(**{"content/evil.js": "alert(1)"}), "content/evil.js"),
        "html-in-content": (package(**{"content/page.html": "<script></script>"}), "content/page.html"),
        "svg-in-content": (package(**{"content/image.svg": "<svg onload='x'/>"}), "content/image.svg"),
        "php-in-content": (package(**{"content/shell.php": "<?php system($_GET['c']);"}), "shell.php"),
        "php-in-library": (package(**{"H5P.Foo-1.0/shell.php": "<?php"}), "H5P.Foo-1.0/shell.php"),
        "20000-entries": (with_files(*[(f"content/{n}.txt", "") for n in range(20_000)]), "20"),
        "missing-h5p-json": (package(**{"h5p.json": None}), "h5p.json"),
        "library-folder-mismatch": (
            build_zip(mismatched.items()),
            "H5P.Foo-1.0/library.json",
        ),
    }


@pytest.mark.parametrize("name", list(hostile_packages()))
def test_hostile_packages_are_refused_and_nothing_is_written(client, uploader, h5p_roots, name):
    data, fragment = hostile_packages()[name]
    if data is None:
        data = real_package("broken-h5p-json.h5p").read_bytes()
    response = upload(client, uploader, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors
    content = response.content.decode()
    for error in errors:
        assert escape(error) in content
    assert any(fragment in error for error in errors)
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert files_under(h5p_roots) == []


def library_package(patch: int, marker: str) -> bytes:
    return package(
        **{
            "H5P.Foo-1.0/library.json": json.dumps({**LIBRARY_JSON, "patchVersion": patch}),
            "content/content.json": json.dumps({"marker": marker}),
        }
    )


def test_patches_never_downgrade_and_newer_ones_wait(client, uploader, admin_user, h5p_roots):
    assert upload(client, uploader, library_package(2, "first")).status_code == 302
    approve_all(client, admin_user)
    library = H5PLibrary.objects.get()
    assert (library.patch, library.approved) == (2, True)

    # An older patch: nothing extracted, the approved one stays, the new activity is ready.
    assert upload(client, uploader, library_package(1, "older")).status_code == 302
    library.refresh_from_db()
    assert (library.patch, library.pending_patch, library.approved) == (2, None, True)
    assert not (h5p_roots["libraries"] / "H5P.Foo-1.0.1").exists()
    older = H5PActivity.objects.order_by("-id").first()
    assert H5PActivity.objects.count() == 2
    assert older.status == STATUS_READY

    # A newer patch waits for approval; the approved one stays in use meanwhile.
    assert upload(client, uploader, library_package(3, "newer")).status_code == 302
    newer = H5PActivity.objects.order_by("-id").first()
    library.refresh_from_db()
    assert (library.patch, library.pending_patch, library.approved) == (2, 3, True)
    assert (h5p_roots["libraries"] / "H5P.Foo-1.0.3" / "library.json").is_file()
    assert newer.status == STATUS_WAITING
    assert H5PActivity.objects.get(pk=older.pk).status == STATUS_READY

    approve_all_pending(client, admin_user)
    library.refresh_from_db()
    assert (library.patch, library.pending_patch, library.storage_path) == (3, None, "H5P.Foo-1.0.3")
    assert H5PActivity.objects.get(pk=newer.pk).status == STATUS_READY


def approve_all_pending(client, admin_user) -> None:
    client.force_login(admin_user)
    for library in H5PLibrary.objects.filter(pending_patch__isnull=False):
        assert client.post(reverse("h5p_library_approve", args=[library.pk])).status_code == 302


def test_unapproved_library_takes_the_newer_patch(uploader, h5p_roots):
    services.activity_create_from_upload(uploaded_file=io.BytesIO(library_package(2, "a")), title="", user=uploader)
    services.activity_create_from_upload(uploaded_file=io.BytesIO(library_package(4, "b")), title="", user=uploader)
    library = H5PLibrary.objects.get()
    assert (library.patch, library.storage_path, library.approved) == (4, "H5P.Foo-1.0.4", False)


def test_skipped_entries_are_not_extracted(uploader, h5p_roots):
    data = with_files(
        ("content/.hidden.json", "{}"),
        ("__MACOSX/content/._content.json", "x"),
        ("stray.txt", "hello"),
        ("H5P.Foo-1.0/.DS_Store", "x"),
    )
    activity = services.activity_create_from_upload(uploaded_file=io.BytesIO(data), title="Skips", user=uploader)
    names = {path.name for path in files_under(h5p_roots)}
    assert {"content.json", "photo.jpg", "library.json", "foo.js"} <= names
    assert not names & {".hidden.json", "__MACOSX", "._content.json", "stray.txt", ".DS_Store"}
    assert activity.title == "Skips"
    assert activity.main_library == "H5P.Foo"
    assert activity.main_library_version == "1.0.2"


def test_title_defaults_to_the_package_title(uploader):
    activity = services.activity_create_from_upload(uploaded_file=io.BytesIO(package()), title=" ", user=uploader)
    assert activity.title == "Les mots de passe"


def test_failure_while_extracting_leaves_nothing(uploader, h5p_roots, monkeypatch):
    real_extract = services.storage.extract_member

    def failing(archive, info, target, budget):
        if info.filename.endswith("foo.css"):
            raise H5PValidationError(["boom"])
        return real_extract(archive, info, target, budget)

    monkeypatch.setattr(services.storage, "extract_member", failing)
    with pytest.raises(H5PValidationError):
        services.activity_create_from_upload(uploaded_file=io.BytesIO(package()), title="", user=uploader)
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert [path for path in files_under(h5p_roots) if not path.is_dir()] == []
    assert not [path for root in h5p_roots.values() for path in root.glob(".staging-*")]


def test_package_with_no_library_folder_for_a_dependency_waits(uploader, admin_user, client):
    files = base_files()
    files = {name: data for name, data in files.items() if not name.startswith("H5P.Foo")}
    files["h5p.json"] = json.dumps(
        {
            "title": "Needs Bar",
            "mainLibrary": "H5P.Bar",
            "preloadedDependencies": [{"machineName": "H5P.Bar", "majorVersion": 2, "minorVersion": 1}],
        }
    )
    activity = services.activity_create_from_upload(
        uploaded_file=io.BytesIO(build_zip(files.items())), title="", user=uploader
    )
    assert activity.status == STATUS_WAITING
    assert activity.missing_libraries == ["H5P.Bar 2.1"]


def test_admin_pages_render(client, uploader, admin_user):
    client.force_login(uploader)
    assert client.get(reverse("h5p_upload")).status_code == 200
    assert upload(client, uploader, package()).status_code == 302
    activity = H5PActivity.objects.get()
    listing = client.get(reverse("wagtailsnippets_h5p_h5pactivity:list"))
    assert listing.status_code == 200
    assert reverse("h5p_upload") in listing.content.decode()
    # The snippet's own "add" form would make an activity without a package: it sends to the upload.
    add = client.get(reverse("wagtailsnippets_h5p_h5pactivity:add"))
    assert add.status_code == 302 and add.url == reverse("h5p_upload")
    client.force_login(admin_user)
    assert client.get(reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_h5p_h5pactivity:inspect", args=[activity.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippetchoosers_h5p_h5pactivity:choose")).status_code == 200


def test_block_renders_title_and_placeholder(uploader):
    activity = services.activity_create_from_upload(uploaded_file=io.BytesIO(package()), title="Quiz", user=uploader)
    block = H5PActivityBlock()
    value = block.to_python({"activity": activity.pk, "intro": "<p>Read first</p>"})
    html = block.render(value)
    assert "Quiz" in html
    assert "Read first" in html
    assert "h5p-activity__placeholder" in html
