"""Production: every secret from the environment, HTTPS everywhere, refuse to start if unsafe."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("local-demo", "tests-only", "change-me")):
    raise ImproperlyConfigured(
        "The environment variable DJANGO_SECRET_KEY must be a random value of at least 50 "
        "characters (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable DJANGO_ALLOWED_HOSTS must list the site's host names.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS])
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)

# Teachers verify their e-mail and reset passwords by mail: production needs a real server.
_email_host = env_str("DJANGO_EMAIL_HOST", required=True)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email_host,
            "port": env_int("DJANGO_EMAIL_PORT", 587),
            "username": env_str("DJANGO_EMAIL_USER"),
            "password": env_str("DJANGO_EMAIL_PASSWORD"),
            "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", True),
        },
    }
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
