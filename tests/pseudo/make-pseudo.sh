#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the test suite's pseudo language, en@pseudo: every English message
# wrapped in ‹ ›, so that any text that did not go through the language
# table shows.  It is added to Pacte the way a real language is: its .po
# (made from the message list, po/fr.po, with every msgstr = ‹msgid›), its
# rule texts (an "en@pseudo" text beside every "en" one of the rule file)
# and one line in LINGUAS.  Output: a folder of catalogues as
# PACTE_LOCALEDIR expects it (LINGUAS, fr/ and en@pseudo/LC_MESSAGES/pacte.mo)
# and the rule file golden-rules.json.
# Usage: make-pseudo.sh OUTDIR po/fr.po po/LINGUAS data/rules/golden-rules.json
set -eu
out=$1
fr_po=$2
linguas=$3
rules=$4

rm -rf "$out"
mkdir -p "$out/fr/LC_MESSAGES" "$out/en@pseudo/LC_MESSAGES"
msgfmt -o "$out/fr/LC_MESSAGES/pacte.mo" "$fr_po"

# The messages without their French, then English (msgstr = msgid), then
# wrapped, with English's plural rule.
LC_ALL=C.UTF-8 msgfilter --keep-header -i "$fr_po" -o "$out/empty.po" sed -e d
msgen -o "$out/en.po" "$out/empty.po"
LC_ALL=C.UTF-8 msgfilter --keep-header -i "$out/en.po" -o "$out/pseudo.po" sed -e 's/^\(..*\)$/‹\1›/'
sed -i -e 's/^"Plural-Forms: .*/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' \
       -e 's/^"Language: .*/"Language: en@pseudo\\n"/' "$out/pseudo.po"
msgfmt -o "$out/en@pseudo/LC_MESSAGES/pacte.mo" "$out/pseudo.po"
rm -f "$out/empty.po" "$out/en.po"

# One line in LINGUAS.
{ cat "$linguas"; echo "en@pseudo"; } > "$out/LINGUAS"

# Its rule texts.
jq 'walk(if type == "object" and (.en | type) == "string"
         then . + {"en@pseudo": ("‹" + .en + "›")} else . end)' "$rules" > "$out/golden-rules.json"
