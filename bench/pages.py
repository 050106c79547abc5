"""The pages `make bench` measures. Later features add theirs here.

Each entry: (label, path, username or None for anonymous). Usernames are created by
bench.fixtures.bench_data_ensure().
"""

from bench.fixtures import BENCH_CERTIFICATE_CODE

PAGES: list[tuple[str, str, str | None]] = [
    ("home page", "/", None),
    ("home page (English)", "/en/", None),
    ("catalogue", "/modules/", None),
    ("module page, learner", "/modules/deepfakes/", "bench-student"),
    ("lesson page, anonymous", "/modules/deepfakes/une-photo-suffit/", None),
    ("lesson page, learner", "/modules/deepfakes/une-photo-suffit/", "bench-student"),
    ("lesson page (English), learner", "/en/modules/deepfakes/one-photo-is-enough/", "bench-student"),
    ("lesson with H5P, learner", "/modules/deepfakes/bench-h5p/", "bench-student"),
    ("search", "/learn/search/?q=deepfake", None),
    ("certificate verification", f"/verify/{BENCH_CERTIFICATE_CODE}/", None),
    ("quiz page, learner", "/modules/deepfakes/quiz/", "bench-student"),
]
