#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures loading, saving and normalizing a generated 10,000-partner,
# 2,000-plan portfolio against python3's json.load of the same file.
#
#   tests/bench/run-bench-load.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR defaults to build; it must have been set up (gui may be off).
# The portfolio is generated once into BUILD_DIR/tests/bench/.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
runs=${2:-3}

meson compile -C "$build" tests/bench/bench-load >/dev/null
portfolio="$build/tests/bench/bench-10000-2000.pacte.json"
if [ ! -f "$portfolio" ]; then
  echo "generating $portfolio…"
  python3 "$here/gen-portfolio.py" --partners 10000 --plans 2000 -o "$portfolio"
fi
exec "$build/tests/bench/bench-load" --runs "$runs" "$portfolio"
