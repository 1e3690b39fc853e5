#!/usr/bin/env bash
# The browser test drives Debian's Chromium (never a test tool's own browser download).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium}"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "Chromium installed: /usr/bin/chromium"
  exit 0
fi
echo "Chromium is missing: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
