"""Production settings: safe by construction, and loud when the environment is incomplete."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "DJANGO_SETTINGS_MODULE": "elearn.settings.production",
    "DJANGO_SECRET_KEY": "x7Gq2-" * 10,
    "DJANGO_ALLOWED_HOSTS": "kalan.example.org",
    "DJANGO_EMAIL_HOST": "smtp.example.org",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_passes_the_deployment_checklist_with_no_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in GOOD_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_or_demo_secret_key():
    result = _manage("check", env={**GOOD_ENV, "DJANGO_SECRET_KEY": "local-demo-only-not-secret-4f1c9a7e2b8d"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in GOOD_ENV.items() if k != "DJANGO_ALLOWED_HOSTS"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_an_invalid_boolean_names_its_variable():
    result = _manage("check", env={**GOOD_ENV, "DJANGO_SECURE_SSL_REDIRECT": "perhaps"})
    assert result.returncode != 0
    assert "DJANGO_SECURE_SSL_REDIRECT" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    env = {k: v for k, v in GOOD_ENV.items() if k != "DJANGO_EMAIL_HOST"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_EMAIL_HOST" in result.stderr
