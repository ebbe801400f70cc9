#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 13's memory goal: the window holding the generated 2,000-plan,
# 10,000-partner portfolio uses at most twice the peak of the command
# line's --check of the same file.  Prints both figures and the ratio.
#
#   tests/bench/bench-memory.sh [BUILD_DIR]
#
# PACTE_BENCH_FILE=FILE measures another portfolio.  The window's figure is
# its peak resident memory (VmHWM) 2 s after the list's first frame, opened
# as a user opens a file (the load in the background); --check's is the
# peak resident memory of the whole run (/usr/bin/time %M).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}

meson compile -C "$build" tests/bench/bench-window src/pacte >/dev/null

portfolio=${PACTE_BENCH_FILE:-"$build/tests/bench/bench-10000-2000.pacte.json"}
if [ ! -f "$portfolio" ]; then
  echo "generating $portfolio…"
  python3 "$here/gen-portfolio.py" --partners 10000 --plans 2000 -o "$portfolio"
fi

home=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$home" "$out"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC PACTE_LOCALEDIR="$(cd "$build" && pwd)/po"

echo "GTK renderer: ${GSK_RENDERER:-default}; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); $(basename "$portfolio")"
# --check exits 1 when a plan is red: the figure is what matters here.
/usr/bin/time -f "%M" -o "$out" "$build/src/pacte" --check "$portfolio" >/dev/null 2>&1 || true
check=$(tail -n 1 "$out")
echo "pacte --check: peak $check KiB"

xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  "$build/tests/bench/bench-window" --runs 0 --memory-only 1 "$portfolio" 2>/dev/null | grep 'VmHWM' >"$out"
cat "$out"
window=$(grep '^window VmHWM' "$out")
hwm=$(echo "$window" | sed 's/^window VmHWM \([0-9]*\) KiB.*/\1/')

awk -v w="$hwm" -v c="$check" 'BEGIN {
  r = w / c;
  printf "GOAL %-44s %9.2f x  (goal <= 2 x): %s; %.0f MiB / %.0f MiB\n",
         "window memory / --check peak", r, r <= 2 ? "met" : "NOT MET", w / 1024, c / 1024 }'
