#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter, or explains why none was found.
# Tries python3.13 and python3.12 on PATH (pyenv shims included), then pyenv's own versions.
set -u
check() { "$@" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for cand in python3.13 python3.12; do
  if command -v "$cand" >/dev/null 2>&1 && check "$cand"; then
    "$cand" -c 'import sys; print(sys.executable)'; exit 0
  fi
done
# pyenv shims refuse versions that are installed but not selected: look them up directly.
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for dir in $(ls -d "$root"/versions/3.13* "$root"/versions/3.12* 2>/dev/null | sort -rV); do
    for exe in "$dir"/bin/python3.13 "$dir"/bin/python3.12; do
      if [ -x "$exe" ] && check "$exe"; then echo "$exe"; exit 0; fi
    done
  done
fi
echo "ERROR: Kalan needs Python 3.12 or newer (Django 6 requires it), and neither python3.13 nor python3.12 was found on PATH." >&2
echo "Install one (e.g. 'apt-get install python3.12' or 'pyenv install 3.13') and run the command again." >&2
exit 1
