"""Who may see what: the expectation table the permission walker checks every URL against.

Every URL pattern of the project must be matched by one rule here (first match wins), and each
rule must say what every role of the walk gets. Later features add their roles and rules.
"""

from tests.permissions.walker import Expect, Rule

OK = Expect(frozenset({200}), label="200")
REDIRECT = Expect(frozenset({301, 302}), label="a redirect")
NOT_FOUND = Expect(frozenset({404}), label="404")
NOT_ALLOWED = Expect(frozenset({405}), label="405")
WAGTAIL_LOGIN = Expect(frozenset({302}), redirect_contains="/admin/login/", label="redirect to the Wagtail login")
DJANGO_ADMIN_LOGIN = Expect(
    frozenset({302}), redirect_contains="/django-admin/login/", label="redirect to the Django admin login"
)
# Inside the admins, the superuser may meet any non-error answer: the point of the walk there is
# that nobody else gets in, and that nothing crashes.
NO_ERROR = Expect(frozenset({200, 301, 302, 403, 404, 405}), label="any answer but a server error")
PUBLIC_PAGE = Expect(frozenset({200, 302}), label="200 or a redirect")
SITE_LOGIN = Expect(frozenset({302}), redirect_contains="/accounts/login/", label="redirect to the site login")

# "teacher" teaches a class "student" is in, at the school "coordinator" coordinates;
# "other_teacher" teaches another class of that school (see test_permission_walker.role_clients).
# The walk requests objects that do not exist; tests/classrooms/test_access.py requests real
# classes, pupils and exports as each of these roles.
ROLES = ("anonymous", "student", "teacher", "other_teacher", "coordinator", "editor", "reviewer", "admin")
CMS_STAFF = ("editor", "reviewer")  # Wagtail admin access, no Django admin


def everyone(expect: Expect) -> dict[str, Expect]:
    return dict.fromkeys(ROLES, expect)


def wagtail_staff_only() -> dict[str, Expect]:
    expect = dict.fromkeys(ROLES, WAGTAIL_LOGIN)
    expect.update(dict.fromkeys((*CMS_STAFF, "admin"), NO_ERROR))
    return expect


def admins_only(outsider: Expect) -> dict[str, Expect]:
    return {**dict.fromkeys(ROLES, outsider), "admin": NO_ERROR}


def members_only() -> dict[str, Expect]:
    return {**dict.fromkeys(ROLES, OK), "anonymous": SITE_LOGIN}


def signed_in(expect: Expect, anonymous: Expect) -> dict[str, Expect]:
    return {**dict.fromkeys(ROLES, expect), "anonymous": anonymous}


RULES: list[Rule] = [
    # --- Kalan's own views ---
    Rule("healthz", everyone(OK), "load balancers poll it without an account"),
    Rule("accounts/profile/", members_only(), "My account: one's own data only"),
    Rule("accounts/profile/my-data/", members_only(), "one's own data, readable (no user id in any URL)"),
    Rule("accounts/profile/my-data.json", members_only(), "one's own data as a JSON download"),
    Rule(
        "accounts/profile/erase/",
        members_only(),
        "GET shows the confirmation form for one's own account; erasing is POST + CSRF + password",
    ),
    Rule(
        "learn/lessons/<int:page_id>/complete/",
        everyone(NOT_ALLOWED),
        "POST only (login, CSRF, 404 for anything but a visible lesson: tests/courses)",
    ),
    Rule("learn/search/", everyone(OK), "search published lessons"),
    Rule("learn/quizzes/<int:page_id>/start/", everyone(NOT_ALLOWED), "POST only (login, CSRF): tests/quizzes"),
    Rule(
        "learn/attempts/<int:attempt_id>/*",
        signed_in(NOT_FOUND, anonymous=SITE_LOGIN),
        "one's own attempts only: anyone else's is a 404 (tests/quizzes)",
    ),
    Rule("learn/certificates/", members_only(), "My certificates: one's own only"),
    Rule(
        "learn/certificates/<str:code>/pdf/",
        signed_in(NOT_FOUND, anonymous=SITE_LOGIN),
        "one's own PDF only: anyone else's is a 404 (tests/certificates)",
        sample_url="/learn/certificates/KLN-222-222-222/pdf/",
    ),
    Rule("verify/", everyone(OK), "public certificate verification: no login, no cookie"),
    Rule(
        "verify/<str:code>/",
        everyone(NOT_FOUND),
        "an unknown code is a 404 for everyone (valid ones: tests/certificates)",
        sample_url="/verify/KLN-222-222-222/",
    ),
    # --- Classes (tests/classrooms/test_access.py walks them with real classes and every role,
    # including a teacher of another class and a coordinator of another school) ---
    Rule("classes/", members_only(), "my classes: one's own assignments and classes"),
    Rule("classes/join/", members_only(), "type a class code"),
    Rule(
        "classes/join/<str:code>/",
        everyone(NOT_FOUND),
        "an unknown code is a 404 for everyone (wrong codes are throttled)",
    ),
    Rule(
        "classes/teach/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "ask to teach: POST only (login, CSRF)",
    ),
    Rule(
        "classes/requests/<int:pk>/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "approve or decline: POST only, coordinators of the school (tests/classrooms)",
    ),
    Rule(
        "classes/new/",
        {**signed_in(NOT_FOUND, anonymous=SITE_LOGIN), "teacher": OK, "other_teacher": OK},
        "only teachers approved at a school create classes",
    ),
    Rule(
        "classes/<int:pk>/*/change/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/coteachers/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/pupils/batches/<int:batch_pk>/clear/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/pupils/<int:membership_pk>/re*/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "reset a password, remove from the class: POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/pupils/<int:membership_pk>/certificates/<int:certificate_pk>/revoke/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "a teacher revokes a pupil's certificate: POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/assignments/<int:assignment_pk>/remove/",
        signed_in(NOT_ALLOWED, anonymous=SITE_LOGIN),
        "POST only (login, CSRF, the class's teachers)",
    ),
    Rule(
        "classes/<int:pk>/pupils/<int:membership_pk>/data.json",
        signed_in(NOT_FOUND, anonymous=SITE_LOGIN),
        "a pupil's data: only for a pupil account a teacher of the class made, by the class's teachers "
        "(tests/classrooms/test_pupil_privacy.py)",
    ),
    Rule(
        "classes/<int:pk>/pupils/<int:membership_pk>/erase/",
        signed_in(NOT_FOUND, anonymous=SITE_LOGIN),
        "erase a pupil account the class's teachers made: GET shows the form, POST + CSRF + the pupil's "
        "username erases (tests/classrooms/test_pupil_privacy.py)",
    ),
    Rule(
        "classes/*",
        signed_in(NOT_FOUND, anonymous=SITE_LOGIN),
        "a class, its pupils, slips, quizzes and exports: the class's teachers and the school's "
        "coordinators only; anything else is a 404",
    ),
    Rule(
        "h5p/play/<int:lesson_id>/<int:activity_id>/",
        everyone(NOT_FOUND),
        "an approved activity embedded in a lesson the requester may see, else 404 (tests/h5p/test_player.py)",
    ),
    Rule(
        "h5p/files/*",
        everyone(NOT_FOUND),
        "public files of approved activities and libraries only, for the sandboxed player (tests/h5p)",
    ),
    Rule("h5p/player/<path:path>", everyone(NOT_FOUND), "only the player's own static files (tests/h5p)"),
    Rule("h5p/xapi/", everyone(NOT_ALLOWED), "POST only (login, CSRF, visible lesson: tests/h5p/test_player.py)"),
    Rule("h5p/state/", everyone(NOT_ALLOWED), "POST only (login, CSRF, visible lesson: tests/h5p/test_player.py)"),
    # --- allauth's account pages ---
    Rule("accounts/login/", everyone(PUBLIC_PAGE), "sign-in (signed-in users are sent on)"),
    Rule("accounts/signup/", everyone(PUBLIC_PAGE), "sign-up (signed-in users are sent on)"),
    Rule("accounts/logout/", everyone(PUBLIC_PAGE), "GET only shows the confirmation form"),
    Rule("accounts/inactive/", everyone(OK), "explains an inactive account"),
    Rule("accounts/password/change/", members_only(), "change one's own password"),
    Rule("accounts/email/", members_only(), "one's own e-mail addresses"),
    Rule("accounts/reauthenticate/", members_only(), "confirm one's password"),
    Rule(
        "accounts/password/set/",
        signed_in(REDIRECT, anonymous=SITE_LOGIN),
        "users with a password are sent to change it",
    ),
    Rule(
        "accounts/reauthenticate/code/*",
        signed_in(REDIRECT, anonymous=SITE_LOGIN),
        "login-by-code is off",
    ),
    Rule("accounts/login/code/confirm/", everyone(REDIRECT), "login-by-code is off"),
    Rule("accounts/password/reset/", everyone(PUBLIC_PAGE), "ask for a reset link by e-mail"),
    Rule("accounts/password/reset/done/", everyone(PUBLIC_PAGE), "reset link sent"),
    Rule("accounts/password/reset/key/done/", everyone(PUBLIC_PAGE), "password was reset"),
    Rule(
        "accounts/^password/reset/key/(?P<uidb36>*",
        everyone(PUBLIC_PAGE),
        "a bad reset link says so",
        sample_url="/accounts/password/reset/key/zz-none/",
    ),
    Rule("accounts/confirm-email/", everyone(PUBLIC_PAGE), "after sign-up with an e-mail"),
    Rule(
        "accounts/^confirm-email/(?P<key>*",
        everyone(Expect(frozenset({200, 404}), label="200 or 404")),
        "a bad confirmation key says so",
    ),
    Rule("^media/(?P<path>.*)$", everyone(NOT_FOUND), "local-demo uploads; unknown files 404"),
    # --- Wagtail's public pages ---
    Rule("^(?!_util/)((?:[\\w\\-]+/)*)$", everyone(OK), "published pages are public", sample_url="/"),
    Rule("^((?:[\\w\\-]+/)*)$", everyone(OK), "Wagtail's own page serving (shadowed by ours)", sample_url="/"),
    Rule("documents/^(\\d+)/(.*)$", everyone(NOT_FOUND), "documents by id", sample_url="/documents/999999/x.pdf"),
    Rule("documents/authenticate_with_password/*", everyone(NOT_FOUND), "unknown restriction"),
    Rule("_util/authenticate_with_password/*", everyone(NOT_FOUND), "unknown restriction"),
    Rule("_util/login/", everyone(REDIRECT), "Wagtail's front-end login, redirected to the throttled site login"),
    # --- Wagtail admin: the pages a logged-out editor must reach ---
    Rule("admin/login/", everyone(PUBLIC_PAGE), "the admin sign-in form"),
    Rule("admin/password_reset/*", everyone(OK), "admin password reset"),
    Rule("admin/jsi18n/", everyone(OK), "admin translations for its scripts"),
    Rule("admin/sprite/", everyone(OK), "admin icon sprite"),
    Rule(
        "admin/failwhale/",
        {**wagtail_staff_only(), **dict.fromkeys((*CMS_STAFF, "admin"), Expect(frozenset({500}), label="500"))},
        "Wagtail's deliberate error page for testing 500 handling",
    ),
    Rule(
        "admin/^.*/$",
        wagtail_staff_only(),
        "Wagtail's catch-all 404 inside the admin",
        sample_url="/admin/zz-none/",
    ),
    Rule("admin/*", wagtail_staff_only(), "everything else in the Wagtail admin is for staff"),
    # --- Django admin (administrators only) ---
    Rule("django-admin/login/", everyone(PUBLIC_PAGE), "the Django admin sign-in form"),
    Rule(
        "django-admin/logout/",
        {**dict.fromkeys(ROLES, REDIRECT), "admin": NOT_ALLOWED},
        "logout is POST-only",
    ),
    Rule(
        "django-admin/^(?P<app_label>*",
        admins_only(DJANGO_ADMIN_LOGIN),
        "app index",
        sample_url="/django-admin/accounts/",
    ),
    Rule(
        "django-admin/(?P<url>.*)$", admins_only(DJANGO_ADMIN_LOGIN), "catch-all", sample_url="/django-admin/zz-none/"
    ),
    Rule("django-admin/*", admins_only(DJANGO_ADMIN_LOGIN), "the Django admin is for administrators"),
]
