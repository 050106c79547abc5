"""Writing package members to disk: paths never escape, sizes are checked again while writing."""

import io
import zipfile

import pytest

from h5p import storage
from h5p.limits import Limits
from tests.h5p.test_validation import build_zip, patch_central


@pytest.mark.parametrize(
    "relative",
    ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "a//b", "./a", "a\\..\\b", "nul\x00.txt", "", "a/.."],
)
def test_safe_target_refuses_escaping_paths(tmp_path, relative):
    with pytest.raises(storage.ExtractionError):
        storage.safe_target(tmp_path, relative)


def test_safe_target_refuses_symlinked_folders(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "link").symlink_to(outside)
    with pytest.raises(storage.ExtractionError):
        storage.safe_target(folder, "link/evil.txt")


def test_safe_target_accepts_nested_paths(tmp_path):
    assert storage.safe_target(tmp_path, "content/images/a.png") == tmp_path.resolve() / "content/images/a.png"


def archive_of(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_extract_member_writes_the_file(tmp_path):
    archive = archive_of(build_zip([("content/a.txt", "hello")]))
    budget = storage.Budget(Limits())
    storage.extract_member(archive, archive.getinfo("content/a.txt"), tmp_path / "a" / "a.txt", budget)
    assert (tmp_path / "a" / "a.txt").read_text() == "hello"
    assert budget.remaining == Limits().max_total_size - 5


def test_extract_member_stops_at_the_file_limit(tmp_path):
    archive = archive_of(build_zip([("content/a.txt", "x" * 1000)]))
    with pytest.raises(storage.ExtractionError):
        storage.extract_member(
            archive, archive.getinfo("content/a.txt"), tmp_path / "a.txt", storage.Budget(Limits(max_file_size=100))
        )


def test_extract_member_stops_at_the_total_budget(tmp_path):
    archive = archive_of(build_zip([("content/a.txt", "x" * 1000)]))
    budget = storage.Budget(Limits(max_total_size=10_000))
    budget.remaining = 10
    with pytest.raises(storage.ExtractionError):
        storage.extract_member(archive, archive.getinfo("content/a.txt"), tmp_path / "a.txt", budget)


def test_extract_member_refuses_a_lying_declared_size(tmp_path):
    data = build_zip([("content/a.txt", "x" * 5000)], compression=zipfile.ZIP_DEFLATED)
    data = patch_central(data, "content/a.txt", file_size=100)
    archive = archive_of(data)
    with pytest.raises(storage.ExtractionError):
        storage.extract_member(archive, archive.getinfo("content/a.txt"), tmp_path / "a.txt", storage.Budget(Limits()))


def test_extract_member_never_overwrites(tmp_path):
    archive = archive_of(build_zip([("content/a.txt", "new")]))
    (tmp_path / "a.txt").write_text("old")
    with pytest.raises(FileExistsError):
        storage.extract_member(archive, archive.getinfo("content/a.txt"), tmp_path / "a.txt", storage.Budget(Limits()))
    assert (tmp_path / "a.txt").read_text() == "old"


def test_private_storage_is_outside_media(settings, tmp_path):
    settings.H5P_PRIVATE_ROOT = tmp_path / "private"
    private = storage.private_storage()
    assert private.location == str(tmp_path / "private")
    assert not str(private.location).startswith(str(settings.MEDIA_ROOT))


def test_default_private_root_is_not_under_media_root(settings):
    del settings.H5P_PRIVATE_ROOT
    assert storage.private_root() == settings.BASE_DIR / "private" / "h5p"
    assert not storage.private_root().is_relative_to(settings.MEDIA_ROOT)
