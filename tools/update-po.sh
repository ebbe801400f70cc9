#!/usr/bin/env bash
# Regenerates po/POTFILES.in from the sources, extracts the messages, and
# merges them into po/fr.po, keeping its translations.  Prints what is
# still untranslated (translate it in po/fr.po); the po-fr test fails until
# it is complete.
set -euo pipefail
cd "$(dirname "$0")/.."

{
  git ls-files -co --exclude-standard -- 'src/*.c' 'src/**/*.c' \
    | xargs -r grep -lE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|pacte_ngettext_lang)[[:space:]]*\(' || true
  git ls-files -co --exclude-standard -- 'ui/*.ui' | xargs -r grep -l 'translatable="yes"' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.mime.xml.in data/*.gschema.xml
} | LC_ALL=C sort -u > po/POTFILES.in

pot=$(mktemp --suffix=.pot)
compendium=$(mktemp --suffix=.po)
trap 'rm -f "$pot" "$compendium"' EXIT

xgettext --from-code=UTF-8 --add-comments=Translators --package-name=pacte \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=pacte_ngettext_lang:2,3 \
  --files-from=po/POTFILES.in -o "$pot"

msgattrib --translated --no-fuzzy po/fr.po -o "$compendium"
msgmerge --quiet --no-fuzzy-matching "$compendium" "$pot" -o po/fr.po.new
msgattrib --no-obsolete --no-fuzzy -o po/fr.po po/fr.po.new
rm -f po/fr.po.new
# Keep the header's date unless something else changed, so that running the
# script twice changes nothing.
if git diff --quiet -I'^"POT-Creation-Date: ' -- po/fr.po 2>/dev/null; then
  git checkout -q -- po/fr.po 2>/dev/null || true
fi

LC_ALL=C msgfmt --statistics -o /dev/null po/fr.po
msgattrib --untranslated --no-obsolete po/fr.po | grep -A1 '^msgid' | grep -v '^--' | head -40 || true
