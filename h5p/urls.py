from django.urls import path

from . import player

# Outside the language prefixes: files the player fetches, and the endpoints it posts to.
urlpatterns = [
    path("h5p/files/content/<slug:sha256>/h5p.json", player.h5p_json, name="h5p_json"),
    path("h5p/files/content/<slug:sha256>/content/<path:path>", player.content_file, name="h5p_content_file"),
    path("h5p/files/libraries/<str:folder>/<path:path>", player.library_file, name="h5p_library_file"),
    path("h5p/player/<path:path>", player.player_file, name="h5p_player_file"),
    path("h5p/xapi/", player.xapi_statement, name="h5p_xapi"),
    path("h5p/state/", player.user_state, name="h5p_state"),
]

# Inside the language prefixes: the player document, in the lesson's language.
player_urlpatterns = [
    path("h5p/play/<int:lesson_id>/<int:activity_id>/", player.player, name="h5p_player"),
]
