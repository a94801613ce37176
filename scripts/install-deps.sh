#!/usr/bin/env bash
# Installs the Debian packages Clemency needs to build and test, and nothing
# else. Idempotent: packages already installed are left alone, and apt is not
# touched at all when nothing is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev
  libxlsxwriter-dev zlib1g-dev libssl-dev   # (libxlsxwriter links -lz)
  libsqlite3-dev                    # the differential test; clemency cases (its default store)
  libpq-dev postgresql              # clemency cases on PostgreSQL (libpq; the tests start a server)
  libzip-dev libexpat1-dev          # reading .xlsx input (clemency import)
  libre2-dev                        # linear-time regexes in mappings and catalogs
  clang libclang-rt-14-dev          # libFuzzer and the fuzz build
  time                              # /usr/bin/time for the benchmarks
  libcpp-httplib-dev                # clemency serve
  chromium fonts-liberation         # the browser tests (report.html to PDF, the dashboard)
  pybind11-dev python3-dev          # the clemency Python module (python/)
  python3-pandas python3-numpy python3-pytest  # its DataFrames and its tests (tests/python)
)

# The npm packages of web/ (report.html, the browser tests) and tests/sqlgen/
# (DuckDB for the SQL conformance test), each pinned by its package-lock.json,
# installed once per lock file.
install_web_packages() {
  local root dir stamp
  root="$(cd "$(dirname "$0")/.." && pwd)"
  for dir in "$root/web" "$root/tests/sqlgen"; do
    stamp="$dir/node_modules/.clemency-lock"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
      continue
    fi
    echo "install-deps: npm ci in ${dir#"$root"/}/" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  done
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# web/: uPlot (bundled into report.html) and playwright-core. A Node.js that
# is already installed (with its own npm) is used as it is.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  install_web_packages
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_web_packages
