from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Kalan"

    def ready(self):
        from core.content_cache import content_signals_connect

        content_signals_connect()
