"""The local demo served by `make run`: production-like (DEBUG off by default) on plain HTTP."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DJANGO_DEBUG", False)
# A fixed key is fine for a local demo that never leaves this machine; production refuses one.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "local-demo-only-not-secret-4f1c9a7e2b8d")
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
KALAN_DEMO = True  # `make run` may create the local demo accounts
