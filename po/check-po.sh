#!/bin/sh
# Fails when a .po file does not compile, or has untranslated or fuzzy entries.
set -eu
po="$1"
msgfmt --check --check-format -o /dev/null "$po"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
echo "$po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "$po is not complete" >&2; exit 1 ;;
esac
