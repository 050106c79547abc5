"""The pages `make bench` measures. Later features add theirs here.

Each entry: (label, path, username or None for anonymous). Usernames are created by
bench.fixtures.bench_data_ensure().
"""

PAGES: list[tuple[str, str, str | None]] = [
    ("home page", "/", None),
    ("home page (English)", "/en/", None),
]
