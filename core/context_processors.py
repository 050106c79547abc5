from django.conf import settings


def site_shell(request):
    """What the base template needs on every page."""
    return {
        "QUICK_EXIT_URL": settings.KALAN_QUICK_EXIT_URL,
        "SITE_TITLE": settings.SITE_TITLE,
    }
