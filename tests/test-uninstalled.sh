#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The build tree runs as installed: build/src/pacte, with a clean
# environment (no PACTE_LOCALEDIR, no GSETTINGS_SCHEMA_DIR, no LANG), finds
# the build's French catalogue by itself; and a report in a language whose
# catalogue is missing fails with a message instead of mixing languages.
# Arguments: the program, the sample portfolio.  TAP output.
set -u
pacte=$1
sample=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# Nothing of the test environment but the sanitizers' options (ASan build).
clean () {
  env -i PATH=/usr/bin:/bin HOME="$dir" \
    ${ASAN_OPTIONS+"ASAN_OPTIONS=$ASAN_OPTIONS"} ${LSAN_OPTIONS+"LSAN_OPTIONS=$LSAN_OPTIONS"} \
    ${UBSAN_OPTIONS+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} "$@"
}

echo "1..5"

clean LANGUAGE=fr "$pacte" --help > "$dir/help.txt" 2>&1
grep -q "Évaluer les règles d’or" "$dir/help.txt"
check $? "--help in French under LANGUAGE=fr alone"

clean LANGUAGE=fr "$pacte" --check "$sample" > "$dir/check.txt" 2>&1
grep -q "^Score.*: 97/100" "$dir/check.txt" && grep -q "Travailler à un niveau stratégique" "$dir/check.txt"
check $? "--check in French, rule texts and messages"

clean LANGUAGE=fr "$pacte" --report "$dir/r.pdf" "$sample" > "$dir/report.txt" 2>&1
pdftotext -enc UTF-8 "$dir/r.pdf" "$dir/r.txt" \
  && grep -q "Page 1 sur " "$dir/r.txt" && grep -q "1er octobre 2026" "$dir/r.txt" \
  && ! grep -q "Review date\|Page 1 of\|January\|October" "$dir/r.txt"
check $? "a French report with no English left"

# A language of the table whose catalogue is missing: a clear refusal.
clean LANGUAGE=en PACTE_LOCALEDIR="$dir/no-catalogues" "$pacte" --report "$dir/r2.pdf" --lang fr "$sample" > "$dir/missing.txt" 2>&1
status=$?
[ "$status" = 2 ] && grep -q "messages of the language “fr” cannot be read" "$dir/missing.txt" && [ ! -e "$dir/r2.pdf" ]
check $? "a report in French without its catalogue is refused (exit $status: $(head -c 200 "$dir/missing.txt"))"

clean LANGUAGE=en PACTE_LOCALEDIR="$dir/no-catalogues" "$pacte" --check "$sample" --lang fr > "$dir/missing2.txt" 2>&1
status=$?
[ "$status" = 2 ] && grep -q "messages of the language “fr” cannot be read" "$dir/missing2.txt"
check $? "--check in French without its catalogue is refused (exit $status)"

exit $failed
