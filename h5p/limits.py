"""Size and count limits applied to an uploaded .h5p package before anything is extracted."""

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every limit is checked against the zip's central directory, so a hostile package is
    refused from its listing alone, before a single byte of it is decompressed or written."""

    max_entries: int = 2_000
    max_file_size: int = 50 * MB
    max_total_size: int = 200 * MB
    # Zip bombs: an entry may expand at most this many times its compressed size...
    max_ratio: int = 100
    # ...but only entries (and archives) larger than this are checked: a tiny JSON file can
    # legitimately compress very well, and is harmless whatever its ratio.
    ratio_threshold: int = 1 * MB
    max_total_ratio: int = 100
    # h5p.json and library.json are read into memory; real ones are a few kilobytes.
    max_json_size: int = 1 * MB
    # Past this many problems the uploader learns nothing more from a longer list.
    max_messages: int = 50


DEFAULT_LIMITS = Limits()
