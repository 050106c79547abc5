"""The headers every response of the H5P player carries (no Django imports: settings use it).

Uploaded library JavaScript runs in the player. The player document is sandboxed without
`allow-same-origin` (by the lesson page's iframe and again by its own CSP header, so opening
it directly is sandboxed too): it runs in an opaque origin, cannot read the site's cookies,
DOM or authenticated pages. Files it loads (h5p.json, content.json, library.json, fonts) are
fetched from that opaque origin, so those public files - and only those - allow any origin,
without credentials.
"""

PLAYER_STATIC_MARKERS = ("/vendor/h5p-standalone/", "/h5p-player.")

# Files (JSON, JS, CSS, media): if one is ever opened as a document (an SVG, say), it is
# sandboxed and may load nothing but images and styles from the site.
FILE_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"
)


def player_csp(origin: str) -> str:
    """The player document's policy. `origin` is the site's own (scheme://host[:port]),
    spelled out because 'self' in a sandboxed, opaque-origin document is not reliable.

    H5P libraries build HTML with style attributes ('unsafe-inline' styles) and some evaluate
    strings as code (QuestionSet's sub-content: 'unsafe-eval'); both stay inside the sandbox's
    opaque origin. No inline script, nothing from another host, no forms, no plugins."""
    return (
        f"default-src 'none'; script-src {origin} 'unsafe-eval'; style-src {origin} 'unsafe-inline'; "
        f"img-src {origin} data: blob:; media-src {origin} blob:; font-src {origin} data:; "
        f"connect-src {origin}; object-src 'none'; base-uri {origin}; form-action 'none'; "
        "frame-ancestors 'self'; sandbox allow-scripts"
    )


def file_headers(headers) -> None:
    """Headers for a public file the player fetches (a mapping: HttpResponse or whitenoise)."""
    headers["Content-Security-Policy"] = FILE_CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Access-Control-Allow-Origin"] = "*"
    headers["Cross-Origin-Resource-Policy"] = "cross-origin"


def whitenoise_add_headers(headers, path: str, url: str) -> None:
    """WHITENOISE_ADD_HEADERS_FUNCTION: the player's static files (h5p-standalone, and our
    h5p-player.js/.css) get the player file headers."""
    if any(marker in url for marker in PLAYER_STATIC_MARKERS):
        file_headers(headers)
