"""Builders for H5P activities from the real packages in ../shared/h5p/."""

from pathlib import Path

import pytest

from h5p import services
from h5p.models import H5PActivity, H5PLibrary

SHARED_H5P = Path(__file__).resolve().parents[2].parent / "shared" / "h5p"


def shared_package(name: str) -> Path:
    path = SHARED_H5P / name
    if not path.is_file():
        pytest.skip(f"../shared/h5p/{name} is missing: the real H5P packages live in ../shared/h5p/ (see its README)")
    return path


def activity_build(name: str = "h5p-test.h5p", *, title: str = "", approve: bool = True) -> H5PActivity:
    """An activity uploaded from a real package; its libraries approved unless told not to."""
    with shared_package(name).open("rb") as file:
        activity = services.activity_create_from_upload(uploaded_file=file, title=title, user=None)
    if approve:
        for library in H5PLibrary.objects.filter(approved=False):
            services.library_approve(library, None)
    return H5PActivity.objects.get(pk=activity.pk)


def h5p_body(activity: H5PActivity, intro: str = "") -> list[dict]:
    return [
        {"type": "paragraph", "value": "<p>Avant l'exercice.</p>"},
        {"type": "h5p_activity", "value": {"activity": activity.pk, "intro": intro}},
    ]
