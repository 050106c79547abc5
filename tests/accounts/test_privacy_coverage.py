"""Every relation to the user, in every installed app, is exported, erased or excluded with a
reason (accounts/privacy_registry.py), so a new model cannot be forgotten by the export or the
erasure. The tests of the test build models with a user foreign key and watch the check fail."""

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from accounts import privacy_registry
from accounts.privacy_registry import Erase, RegistryError, register, uncovered_user_relations, user_relations

# The real user class, not its "accounts.User" name: the test models live in an isolated app
# registry (isolate_apps) where that name would not resolve.
User = get_user_model()


def test_every_relation_to_the_user_is_exported_erased_or_excluded_with_a_reason():
    assert uncovered_user_relations() == []


def test_every_declaration_has_a_reason_or_an_export():
    for declaration in privacy_registry.declarations():
        assert declaration.exported or declaration.reason, declaration.key


def test_the_learners_data_is_exported():
    exported = {declaration.key for declaration in privacy_registry.exported_declarations()}
    assert {
        "accounts.user",
        "accounts.consentrecord.user",
        "courses.lessonprogress.user",
        "quizzes.attempt.user",
    } <= exported
    assert "account.emailaddress.user" in exported


def test_third_party_relations_are_found_too():
    found = {f"{model._meta.label}.{name}" for model, name in user_relations()}
    assert {"wagtailcore.Revision.user", "account.EmailAddress.user", "admin.LogEntry.user"} <= found
    # Inherited once, on the model declaring the field: not again on every page type.
    assert "wagtailcore.Page.owner" in found
    assert "core.HelpPage.owner" not in found


@pytest.fixture
def registry_restored():
    saved = dict(privacy_registry._declarations)
    yield
    privacy_registry._declarations.clear()
    privacy_registry._declarations.update(saved)


@isolate_apps("accounts")
def test_a_new_model_with_a_user_foreign_key_is_reported(registry_restored):
    class Diary(models.Model):  # noqa: DJ008 - a throwaway model
        owner = models.ForeignKey(User, on_delete=models.CASCADE)
        readers = models.ManyToManyField(User, related_name="+")

        class Meta:
            app_label = "accounts"
            managed = False

    from django.apps import apps

    problems = uncovered_user_relations([*apps.get_models(), Diary])
    assert len(problems) == 2
    assert problems[0].startswith("accounts.Diary.owner: neither exported, erased nor excluded")
    assert problems[1].startswith("accounts.Diary.readers: neither exported, erased nor excluded")

    register(Diary, field="owner", label="Diary", export=("id",), erase=Erase.DELETE)
    privacy_registry.exclude(Diary, field="readers", reason="who may read it; goes with the reader")
    assert uncovered_user_relations([*apps.get_models(), Diary]) == []


@isolate_apps("accounts")
def test_an_exclusion_that_would_keep_the_users_id_is_reported(registry_restored):
    class Trace(models.Model):  # noqa: DJ008 - a throwaway model
        user = models.ForeignKey(User, on_delete=models.DO_NOTHING, db_constraint=False)

        class Meta:
            app_label = "accounts"
            managed = False

    privacy_registry.exclude(Trace, field="user", reason="looks harmless")
    problems = uncovered_user_relations([Trace])
    assert problems == ["accounts.Trace.user: excluded, but its on_delete (DO_NOTHING) keeps the user's id"]


@isolate_apps("accounts")
def test_a_declaration_without_export_needs_a_reason(registry_restored):
    class Note(models.Model):  # noqa: DJ008 - a throwaway model
        user = models.ForeignKey(User, on_delete=models.CASCADE)

        class Meta:
            app_label = "accounts"
            managed = False

    with pytest.raises(RegistryError, match="say why nothing is exported"):
        register(Note, erase=Erase.DELETE)
    with pytest.raises(RegistryError, match="an exclusion needs a reason"):
        privacy_registry.exclude(Note, field="user", reason="")
    with pytest.raises(RegistryError, match="not a relation to the user"):
        register(Note, field="id", label="x", export=("id",))
