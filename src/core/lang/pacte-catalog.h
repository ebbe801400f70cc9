/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-catalog.h: one compiled gettext catalogue (.mo), read into memory.
 *
 * glibc's gettext picks its language from the process environment
 * (LANGUAGE), which cannot be changed safely while other threads run (pango's
 * fontconfig thread reads it).  A report or --check in a chosen language
 * therefore reads that language's .mo itself: the format is small and
 * documented (GNU gettext manual, "The Format of GNU MO Files") and neither
 * GLib nor a Debian library reads it (libgettextpo reads .po sources only).
 *
 * A catalogue is immutable once read: lookups are safe from any thread. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PacteCatalog PacteCatalog;

/* Reads the .mo file at path.  NULL with an error naming the file and what
 * is wrong (missing, not a catalogue, truncated, bad plural expression). */
PacteCatalog *pacte_catalog_new_from_file  (const char         *path,
                                            GError            **error);
/* The same from bytes already in memory (name is used in messages only). */
PacteCatalog *pacte_catalog_new_from_bytes (GBytes             *bytes,
                                            const char         *name,
                                            GError            **error);
void          pacte_catalog_free           (PacteCatalog       *self);

/* The translation of msgid (with context: "context\004msgid"), or NULL
 * when the catalogue has none (or an empty one). */
const char   *pacte_catalog_lookup         (const PacteCatalog *self,
                                            const char         *msgid);
/* The plural form for n of msgid, or NULL when untranslated. */
const char   *pacte_catalog_lookup_plural  (const PacteCatalog *self,
                                            const char         *msgid,
                                            gulong              n);
/* The catalogue's plural rule (its Plural-Forms header) applied to n;
 * without a header, the Germanic rule (n != 1). */
guint         pacte_catalog_plural_index   (const PacteCatalog *self,
                                            gulong              n);

/* A Plural-Forms expression ("n > 1", "n%10==1 && n%100!=11 ? 0 : …")
 * evaluated for n; FALSE when the expression does not parse. */
gboolean      pacte_plural_eval            (const char         *expression,
                                            gulong              n,
                                            gulong             *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteCatalog, pacte_catalog_free)

G_END_DECLS
