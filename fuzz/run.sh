#!/usr/bin/env bash
# Runs every fuzz target in BUILD_DIR for SECONDS each, starting from the
# checked-in corpus (new inputs go to a scratch copy, not the repository).
# Any crash, sanitizer report or leak fails the run and leaves the input in
# fuzz/artifacts/.
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/artifacts"
for target in "$build"/fuzz/*_fuzz; do
  name=$(basename "$target" _fuzz)
  scratch=$(mktemp -d)
  if [ -d "$here/corpus/$name" ]; then cp -r "$here/corpus/$name/." "$scratch/"; fi
  echo "fuzz: $name for ${seconds}s"
  set +e
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/$name-" "$scratch" 2>&1 | tail -n 12
  status=${PIPESTATUS[0]}
  set -e
  rm -rf "$scratch"
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $status); see fuzz/artifacts/" >&2
    exit 1
  fi
done
