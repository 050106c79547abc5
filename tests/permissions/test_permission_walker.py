import pytest
from django.test import Client
from django.urls import path

from accounts.roles import Role
from accounts.services import user_role_grant
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import classroom_build, pupil_join, school_build
from tests.permissions import table
from tests.permissions.walker import Rule, classify, iter_patterns, walk

ROLE_OF = {
    "teacher": Role.TEACHER,
    "other_teacher": Role.TEACHER,
    "coordinator": Role.COORDINATOR,
    "editor": Role.EDITOR,
    "reviewer": Role.REVIEWER,
    "admin": Role.ADMINISTRATOR,
}


def _clients(users: dict) -> dict:
    def make(user):
        def factory():
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            return client

        return factory

    return {role: make(user) for role, user in users.items()}


@pytest.fixture
def role_clients(db):
    users = {"anonymous": None}
    for role in table.ROLES[1:]:
        user = UserFactory(username=f"walker-{role}")
        if role in ROLE_OF:
            user_role_grant(user=user, role=ROLE_OF[role])
        users[role] = user
    # A real school: the teacher's class holds the student; another teacher has another class.
    school = school_build(coordinator=users["coordinator"])
    pupil_join(classroom=classroom_build(school=school, teacher=users["teacher"]), user=users["student"])
    classroom_build(school=school, teacher=users["other_teacher"], name="5e B")
    return _clients(users)


def test_every_url_pattern_answers_every_role_as_the_table_says(role_clients):
    result = walk(table.RULES, role_clients)
    assert not result.unclassified, "URL patterns with no rule in tests/permissions/table.py:\n" + "\n".join(
        p.route for p in result.unclassified
    )
    assert not result.unbuildable, "Patterns the walker cannot build a URL for (add sample_url):\n" + "\n".join(
        p.route for p in result.unbuildable
    )
    assert not result.failures, "\n".join(result.failures)
    assert result.requests > 200  # the walk really covered the project


def view_nobody_classified(request):  # pragma: no cover - never requested
    raise AssertionError


urlpatterns = [path("brand-new-view/", view_nobody_classified, name="brand_new")]


def test_walker_fails_on_a_new_pattern_without_an_expectation(settings, role_clients):
    settings.ROOT_URLCONF = __name__
    result = walk(table.RULES, role_clients)
    assert [p.route for p in result.unclassified] == ["brand-new-view/"]


def test_walker_reports_a_view_that_answers_differently_from_the_table(settings, role_clients):
    patterns = [p for p in iter_patterns() if p.route == "healthz"]
    wrong = [Rule("healthz", table.everyone(table.NOT_FOUND))]
    result = walk(wrong, role_clients, patterns)
    assert len(result.failures) == len(table.ROLES)  # one per role
    assert "got 200, expected 404" in result.failures[0]


def test_every_rule_names_every_role():
    for rule in table.RULES:
        assert set(rule.expect) == set(table.ROLES), rule.route


def test_no_rule_is_dead_weight():
    """A rule that matches no pattern is a sign the table drifted from the code."""
    patterns = list(iter_patterns())
    classified, _ = classify(patterns, table.RULES)
    used = {rule.route for rule in classified.values()}
    assert [rule.route for rule in table.RULES if rule.route not in used] == []
