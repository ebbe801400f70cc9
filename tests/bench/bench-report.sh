#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks the review report:
#  1. `pacte --report` of one plan of the sample, wall time including the
#     program's start-up (best and median of RUNS);
#  2. the stages of the one-plan report and of the generated 2,000-plan
#     portfolio report (tests/bench/bench-report), with pages per second;
#  3. one plan whose name is a long unbroken text, up to 1 MiB
#     (tests/bench/bench-report-long.sh).
#
#   tests/bench/bench-report.sh [BUILD_DIR] [RUNS]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build}
runs=${2:-20}
sample="$root/data/samples/sample.pacte.json"
plan=plan-sgi-secteur-public
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

meson compile -C "$build" src/pacte tests/bench/bench-report >/dev/null

echo "== pacte --report, one plan, including start-up ($runs runs)"
i=0
: > "$out/times"
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  "$build/src/pacte" --report "$out/one.pdf" "$sample" --plan "$plan" --date 2027-03-15 --lang en
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 )) >> "$out/times"
  i=$((i + 1))
done
sort -n "$out/times" | awk '{ t[NR] = $1 } END { printf "best %.1f ms, median %.1f ms, worst %.1f ms\n", t[1] / 1000, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }'
echo "pages: $(pdfinfo "$out/one.pdf" | awk '/^Pages:/ { print $2 }')"

echo "== one plan, by stage"
"$build/tests/bench/bench-report" --runs 5 --plan "$plan" "$sample" "$out/one.pdf"

portfolio="$build/tests/bench/bench-10000-2000.pacte.json"
if [ ! -f "$portfolio" ]; then
  echo "generating $portfolio…"
  python3 "$here/gen-portfolio.py" --partners 10000 --plans 2000 -o "$portfolio"
fi
echo "== 2,000-plan portfolio, by stage"
/usr/bin/time -f "peak memory %M KB, wall %e s" "$build/tests/bench/bench-report" "$portfolio" "$out/all.pdf"
echo "PDF: $(pdfinfo "$out/all.pdf" | awk '/^Pages:/ { print $2 }') pages, $(du -h "$out/all.pdf" | cut -f1)"

echo "== one plan with a long unbroken name"
"$here/bench-report-long.sh" "$build/src/pacte" 120
