#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line and the report in the pseudo language (make-pseudo.sh):
# --help, --check's text and a report's text (pdftotext) show the wrapped
# ‹ › strings, and no English sentence of the report is left unwrapped.
# Arguments: the program, the pseudo-locale folder, the sample.  TAP output.
set -u
pacte=$1
locale=$2
sample=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
failed=0
export PACTE_LOCALEDIR="$locale" PACTE_RULES_FILE="$locale/golden-rules.json" LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en@pseudo

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

echo "1..4"

"$pacte" --help > "$dir/help.txt" 2>&1
grep -q "^‹Pacte: partnership plans" "$dir/help.txt"
check $? "--help in the pseudo language"

"$pacte" --check "$sample" --lang en@pseudo > "$dir/check.txt" 2>&1
grep -q "^‹Score:› 97/100" "$dir/check.txt" && grep -q "‹Green›  ‹Work at a strategic level›  *‹A revenue target" "$dir/check.txt"
check $? "--check: messages, rule titles, explanations"

"$pacte" --report "$dir/r.pdf" "$sample" --lang en@pseudo > "$dir/report.txt" 2>&1 \
  && pdftotext -enc UTF-8 "$dir/r.pdf" "$dir/r.txt"
grep -q "‹Portfolio review›" "$dir/r.txt" && grep -q "‹Review date›" "$dir/r.txt" \
  && grep -q "‹December›" "$dir/r.txt" && grep -q "‹Work at a strategic" "$dir/r.txt"
check $? "the report: headings, month names, rule titles"

# The report's own words never appear unwrapped.
! grep -q "^Review date\|^Portfolio review\|Page [0-9]* of [0-9]*$\|^Owner$" "$dir/r.txt"
check $? "no English heading of the report left unwrapped"

exit $failed
