#!/usr/bin/env bash
# Installs what Pacte needs (Debian 12), builds it, and runs every test:
#  1. build/       the whole program; meson test under a virtual X server and
#                  a session bus;
#  2. build-asan/  the display-free libraries and their tests with
#                  AddressSanitizer and UndefinedBehaviorSanitizer.
# Ends with one line "N passed, N failed, N skipped" and exits non-zero on
# any failure.  PACTE_WERROR=1 turns compiler warnings into errors (CI).
set -uo pipefail
cd "$(dirname "$0")"
source tools/setup.sh
set -e

werror=false
if [ "${PACTE_WERROR:-0}" = 1 ]; then werror=true; fi

pacte_install_packages
pacte_build build -Dwerror=$werror
pacte_build build-asan -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=$werror
set +e

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  meson test -C build --print-errorlogs --num-processes 2 || status=1
meson test -C build-asan --print-errorlogs --num-processes 2 || status=1

# One plain summary line, counted from meson's test logs.
summary=$(python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
)
echo "$summary"
case "$summary" in
  *" 0 failed"*) ;;
  *) status=1 ;;
esac
if [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  status=1
fi
exit $status
