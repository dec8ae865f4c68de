#!/usr/bin/env bash
# Installs delegation_crawler and what it needs outside Python (Debian's Chromium for the
# browser-rendered lists). Usage: ./install.sh          the crawler
#                                 ./install.sh --test   the crawler and its test tools
set -euo pipefail
cd "$(dirname "$0")"

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium (Debian package) for browser-rendered list pages ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: no Chromium found; install it (e.g. 'apt-get install chromium') or zgm's column lists cannot be rendered" >&2
  fi
fi

python -m pip install --quiet --disable-pip-version-check -e ".${extras}"

# Build the place index and the repair character model once now, so that the first crawl,
# the batch CLIs and the first event of every later process load them in milliseconds.
python -c "from delegation_crawler.places import gazetteer; from delegation_crawler.text.lm import model; gazetteer(); model()"
