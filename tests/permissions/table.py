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

ROLES = ("anonymous", "student", "admin")


def everyone(expect: Expect) -> dict[str, Expect]:
    return dict.fromkeys(ROLES, expect)


def staff_only(outsider: Expect) -> dict[str, Expect]:
    return {"anonymous": outsider, "student": outsider, "admin": NO_ERROR}


RULES: list[Rule] = [
    # --- Kalan's own views ---
    Rule("healthz", everyone(OK), "load balancers poll it without an account"),
    Rule("^media/(?P<path>.*)$", everyone(NOT_FOUND), "local-demo uploads; unknown files 404"),
    # --- Wagtail's public pages ---
    Rule("^((?:[\\w\\-]+/)*)$", everyone(OK), "published pages are public", sample_url="/"),
    Rule("documents/^(\\d+)/(.*)$", everyone(NOT_FOUND), "documents by id", sample_url="/documents/999999/x.pdf"),
    Rule("documents/authenticate_with_password/*", everyone(NOT_FOUND), "unknown restriction"),
    Rule("_util/authenticate_with_password/*", everyone(NOT_FOUND), "unknown restriction"),
    Rule("_util/login/", everyone(OK), "Wagtail's front-end login for private pages"),
    # --- Wagtail admin: the pages a logged-out editor must reach ---
    Rule("admin/login/", everyone(PUBLIC_PAGE), "the admin sign-in form"),
    Rule("admin/password_reset/*", everyone(OK), "admin password reset"),
    Rule("admin/jsi18n/", everyone(OK), "admin translations for its scripts"),
    Rule("admin/sprite/", everyone(OK), "admin icon sprite"),
    Rule(
        "admin/failwhale/",
        {"anonymous": WAGTAIL_LOGIN, "student": WAGTAIL_LOGIN, "admin": Expect(frozenset({500}), label="500")},
        "Wagtail's deliberate error page for testing 500 handling",
    ),
    Rule(
        "admin/^.*/$",
        staff_only(WAGTAIL_LOGIN),
        "Wagtail's catch-all 404 inside the admin",
        sample_url="/admin/zz-none/",
    ),
    Rule("admin/*", staff_only(WAGTAIL_LOGIN), "everything else in the Wagtail admin is for staff"),
    # --- Django admin (administrators only) ---
    Rule("django-admin/login/", everyone(PUBLIC_PAGE), "the Django admin sign-in form"),
    Rule(
        "django-admin/logout/",
        {"anonymous": REDIRECT, "student": REDIRECT, "admin": NOT_ALLOWED},
        "logout is POST-only",
    ),
    Rule(
        "django-admin/^(?P<app_label>*",
        staff_only(DJANGO_ADMIN_LOGIN),
        "app index",
        sample_url="/django-admin/accounts/",
    ),
    Rule("django-admin/(?P<url>.*)$", staff_only(DJANGO_ADMIN_LOGIN), "catch-all", sample_url="/django-admin/zz-none/"),
    Rule("django-admin/*", staff_only(DJANGO_ADMIN_LOGIN), "the Django admin is for administrators"),
]
