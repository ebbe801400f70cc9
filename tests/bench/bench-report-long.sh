#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks the review report of one plan whose name is one long unbroken
# text (the worst case for line breaking), for several lengths: wall time of
# `pacte --report --plan`, exit status, peak memory and pages.  A run that
# takes longer than LIMIT seconds is stopped and reported as such.
#
#   tests/bench/bench-report-long.sh [PACTE] [LIMIT] [LENGTH...]
#
# PACTE defaults to build/src/pacte, LIMIT to 120 s, the lengths to
# 2100 5000 20000 50000 1048576 (the loader's limit for one text).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pacte=${1:-build/src/pacte}
limit=${2:-120}
[ $# -gt 2 ] && shift 2 || set --
lengths=${*:-2100 5000 20000 50000 1048576}
plan=plan-sgi-secteur-public
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for n in $lengths; do
  python3 - "$root/data/samples/sample.pacte.json" "$out/long.pacte.json" "$n" "$plan" <<'PY'
import json, sys
source, target, n, plan = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
data = json.load(open(source, encoding="utf-8"))
text = "".join("%07d" % i for i in range(n // 7 + 1))[:n]
for p in data["plans"]:
    if p["id"] == plan:
        p["name"] = text
json.dump(data, open(target, "w", encoding="utf-8"), ensure_ascii=False)
PY
  rm -f "$out/long.pdf"
  set +e
  /usr/bin/time -f "%e %M" -o "$out/time" timeout "$limit" \
    "$pacte" --report "$out/long.pdf" "$out/long.pacte.json" --plan "$plan" --date 2027-03-15 --lang en \
    >/dev/null 2>"$out/err"
  status=$?
  set -e
  wall=$(tail -n 1 "$out/time" | cut -d' ' -f1)
  memory=$(tail -n 1 "$out/time" | cut -d' ' -f2)
  pages=$(pdfinfo "$out/long.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  case $status in
    0) result="ok" ;;
    124) result="stopped after ${limit} s" ;;
    *) result="exit $status$(grep -q 'signal 11' "$out/time" && echo ' (SIGSEGV)')" ;;
  esac
  printf '%8d characters: %6.2f s, peak %6d KB, %5s pages, %s\n' "$n" "${wall:-0}" "${memory:-0}" "${pages:--}" "$result"
done
