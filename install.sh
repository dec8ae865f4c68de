#!/usr/bin/env bash
# Installs delegation_crawler into ./.venv (a virtualenv of its own, so a Debian/Ubuntu Python
# that refuses pip installs (PEP 668) is never touched), plus what it needs outside Python:
# Debian's Chromium for the browser-rendered lists.
#   ./install.sh          the crawler           then: .venv/bin/scrapy crawlall --replica -o items.jsonl
#   ./install.sh --test   and its test tools    then: .venv/bin/python -m pytest
# PYTHON=/path/to/python3 picks the interpreter the venv is made from (3.11 to 3.13).
set -euo pipefail
cd "$(dirname "$0")"

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
root=false
[ "$(id -u)" = 0 ] && root=true

die() { echo "install.sh: $*" >&2; exit 1; }

apt_install() {  # apt_install WHAT PACKAGE...: as root with apt-get, else say what to run
  local what=$1; shift
  if $root && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $what (Debian packages: $*) ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    return 0
  fi
  return 1
}

python=${PYTHON:-$(command -v python3 || command -v python || true)}
if [ -z "$python" ]; then
  apt_install "Python 3" python3 python3-venv || die "no python3 found: install Python 3.11+ (sudo apt-get install python3 python3-venv)"
  python=$(command -v python3)
fi
"$python" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 14)))' \
  || die "$python is Python $("$python" -c 'import platform; print(platform.python_version())'); need 3.11 to 3.13 (set PYTHON=...)"

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $python ..."
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "venv support" "python$version-venv" || die "$python cannot create a virtualenv: sudo apt-get install python$version-venv"
    "$python" -m venv .venv
  fi
fi

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  apt_install "Chromium for browser-rendered list pages" chromium \
    || echo "warning: no Chromium found; install it (sudo apt-get install chromium) or zgm's column lists cannot be rendered" >&2
fi

.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"

# Build the place index and the repair character model once now, so that the first crawl,
# the batch CLIs and the first event of every later process load them in milliseconds.
.venv/bin/python -c "from delegation_crawler.places import gazetteer; from delegation_crawler.text.lm import model; gazetteer(); model()"
echo "Installed into .venv: run .venv/bin/scrapy ..., or 'source .venv/bin/activate' first."
