#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks the window with the generated 10,000-partner, 2,000-plan
# portfolio under Xvfb (1280x800, 24 bits) and a private session bus:
# start-up beside a bare GTK 4 window, Open, keystroke to light, switching
# plans, scrolling.  See tests/bench/bench-window.c.
#
#   tests/bench/bench-window.sh [BUILD_DIR] [bench-window options…]
#
# PACTE_BENCH_FILE=FILE measures another portfolio (the sample:
# data/samples/…); PACTE_BENCH_A11Y=1 keeps the accessibility bridge on, as
# with a screen reader (the accessible tree is then exported over AT-SPI).
# Profiling the switches alone: mkfifo CTL; PACTE_BENCH_PERF_CTL=CTL perf
# record -g --control fifo:CTL -D -1 -- tests/bench/bench-window.sh … (the
# benchmark enables the events for its keystrokes and switches only).
# Which widgets a keystroke has GTK measure again: perf probe -x
# libgtk-4.so.1 'gtk_widget_measure widget=%di:u64 orient=%si:s32
# for_size=%dx:s32' (and gtk_widget_measure%return, gtk_widget_queue_resize
# widget=%di:u64), record those events with the control fifo above, and
# PACTE_BENCH_WIDGET_MAP=FILE writes every widget's address, type and path
# to read the addresses with.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift

if ! out=$(meson compile -C "$build" tests/bench/bench-window tests/bench/bench-bare-window 2>&1); then
  printf '%s\n' "$out" >&2
  exit 1
fi

portfolio=${PACTE_BENCH_FILE:-"$build/tests/bench/bench-10000-2000.pacte.json"}
if [ ! -f "$portfolio" ]; then
  echo "generating $portfolio…"
  python3 "$here/gen-portfolio.py" --partners 10000 --plans 2000 -o "$portfolio"
fi

# No drafts from a real session, no remembered window size, English.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
# An absolute folder: with a relative one, every gettext lookup asks for
# the current directory (getcwd), which an installed program never does.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC PACTE_LOCALEDIR="$(cd "$build" && pwd)/po"
# GTK 4 reads GTK_A11Y (NO_AT_BRIDGE is GTK 3's): without it the accessible
# tree is exported over the session bus's accessibility bus all the same.
if [ "${PACTE_BENCH_A11Y:-0}" = 1 ]; then
  unset NO_AT_BRIDGE GTK_A11Y
  bridge="accessibility bus on"
else
  export NO_AT_BRIDGE=1 GTK_A11Y=none
  bridge="no accessibility bridge"
fi

# The window as the desktop file and run.sh start it: glibc's heap in huge
# pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, for the benchmark's process
# only, not for Xvfb); PACTE_BENCH_LAUNCHER=0 measures without.
if [ "${PACTE_BENCH_LAUNCHER:-1}" = 1 ]; then
  launcher="GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"
else
  launcher="GLIBC_TUNABLES=${GLIBC_TUNABLES:-}"
fi

echo "GTK renderer: ${GSK_RENDERER:-default}; $bridge; $launcher; $(nproc) CPUs; $(uname -m); load $(cut -d' ' -f1-3 /proc/loadavg)"
exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  env "$launcher" "$build/tests/bench/bench-window" "$@" "$portfolio"
