#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download is blocked here).
# Installs it when missing and we are root; in CI a missing browser is a failure, not a skip.
set -u
CHROMIUM=${KALAN_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/kalan-apt.log 2>&1 \
    || { echo "apt-get install chromium failed; see /tmp/kalan-apt.log" >&2; }
fi
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "${CI:-}" = "true" ]; then
  echo "ERROR: $CHROMIUM is missing and could not be installed: the browser tests cannot run." >&2
  exit 1
fi
echo "WARNING: $CHROMIUM is missing: the browser tests will be skipped (install Debian's chromium)." >&2
exit 0
