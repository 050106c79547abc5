"""Settings shared by every environment. Environment-specific files import from here."""

from pathlib import Path

import dj_database_url
import django.conf.locale
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from h5p.headers import whitenoise_add_headers

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Kalan's own apps come first so their templates win.
    "core",
    "accounts",
    "courses",
    "quizzes",
    "h5p",
    "classrooms",
    "certificates",
    "allauth",
    "allauth.account",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "core.content_cache.ContentMemoMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SharedDeviceSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "elearn.urls"
WSGI_APPLICATION = "elearn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_shell",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets gunicorn workers read while one writes; a busy timeout queues writers
    # instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")  # Wagtail's search index uses its fields
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache, sessions and rate limits must be shared by every gunicorn worker: Redis when
# configured, the database otherwise -- never per-process memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kalan",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kalan_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background work: the django_tasks framework Wagtail itself uses. Immediate here;
# production switches to the database backend and its worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Accounts (django-allauth) --------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"  # private pages send visitors to the throttled login
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm", "signup": "accounts.forms.SignupForm"}
# Pupils log in with a username (no e-mail needed); adults may use their e-mail address.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# An address, when given, is verified; becoming a teacher requires a verified one.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_SESSION_REMEMBER = True  # "this is not my phone" at login shortens the session instead
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
# Forty pupils behind one school IP must all get in: limit failures per username, and keep the
# per-IP limits generous. (allauth's defaults lock out the 31st pupil of a class.)
LOGIN_FAILURES_PER_USERNAME = 5  # in 5 minutes; the admin logins use the same limit
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": f"60/m/ip,{LOGIN_FAILURES_PER_USERNAME}/300s/key",
    "signup": "120/10m/ip",
    "reset_password": "30/m/ip,5/m/key",
    "change_password": "5/m/user",
    # Certificate lookups by code (only codes that parse count: see certificates/codes.py).
    "certificate_verify": "10/m/ip",
    "h5p_post": "120/m/user",  # H5P scores and saved states a learner's browser posts
}
# "This is not my phone": the session ends when the browser closes and after 30 minutes idle.
SHARED_DEVICE_IDLE_SECONDS = 30 * 60

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("bm", "Bamanankan"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Bamako"
# Django has no Bambara entry of its own.
EXTRA_LANG_INFO = {
    "bm": {"bidi": False, "code": "bm", "name": "Bambara", "name_local": "Bamanankan"},
}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 365 * 24 * 3600  # fingerprinted names make a year safe
# The H5P player's own static files (h5p-standalone, copied by the Makefile into the git-ignored
# static/vendor/) get the player's file headers: strict sandboxing CSP, nosniff, CORS.
WHITENOISE_ADD_HEADERS_FUNCTION = whitenoise_add_headers
# Serve /media/ from Django itself (local demo only; production uses the web server or S3).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Mail (Django 6.1 MAILERS) --------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Kalan <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
# The site: nothing from third parties, scripts only from our origin or with a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's and Django's admins still use inline scripts and styles: a looser policy scoped to
# their URL prefixes (core.middleware) rather than weakening the site's.
ADMIN_CSP_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "media-src": [CSP.SELF, "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kalan"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "odt", "docx"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

# --- Site-specific --------------------------------------------------------------------------
# Where "quick exit" sends someone who needs to leave the site at once. A setting, so tests can
# point it at a local URL.
KALAN_QUICK_EXIT_URL = env_str("KALAN_QUICK_EXIT_URL", "https://www.google.com/search?q=m%C3%A9t%C3%A9o")
# H5P: the largest xAPI statement or saved state a learner's browser may post (64 KB).
H5P_MAX_POST_BYTES = env_int("KALAN_H5P_MAX_POST_BYTES", 64 * 1024)
SITE_TITLE = _("Kalan — digital citizenship")
KALAN_DEMO = False  # only the local demo settings (dev) may create demo accounts
# Pupil accounts nobody signed in to for this many days are erased by `purge_inactive_accounts`
# (run it daily). The privacy notice shows the value.
KALAN_INACTIVE_ACCOUNT_DAYS = env_int("KALAN_INACTIVE_ACCOUNT_DAYS", 730)
# Requests to teach still pending (or declined) after this many days are deleted by the same
# daily command: nobody decided on them, and they name a person.
KALAN_TEACHER_REQUEST_DAYS = env_int("KALAN_TEACHER_REQUEST_DAYS", 90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no call to a third-party server from the admin
