/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-language-private.h: what the language table (pacte-language.c) and
 * the reading of dates and quarters (pacte-language-read.c) share. */
#pragma once

#include "pacte-catalog.h"
#include "pacte-language.h"

G_BEGIN_DECLS

struct _PacteLanguage
{
  guint         index;
  char         *code;

  gsize         loaded;      /* g_once: the fields below are set */
  PacteCatalog *catalog;     /* NULL for English, or when it cannot be read */
  GError       *load_error;

  /* Conventions, from the catalogue (English defaults). */
  const char   *months[12];
  const char   *months_abbrev[12];
  const char   *days[7];
  const char   *first_day;      /* the 1st in a long date: "1er" */
  const char   *date_format;    /* "{day} {month} {year}" */
  const char   *decimal;
  const char   *group;
  const char   *percent_format; /* "{number}%" */
  const char   *amount_symbol_format; /* "{sign}{symbol}{number}" */
  const char   *amount_code_format;   /* "{sign}{code} {number}" */
  const char   *dollar;         /* the symbol of USD ("$"; "USD" in French) */
  const char   *quarter_format; /* "Q{quarter} {year}" */
  const char   *name;           /* its own name: "Français" */
  gboolean      zero_singular;  /* the plural rule treats 0 as 1 (French) */
};

/* The English month names and abbreviations (the msgids every language
 * translates): a date in English is read in any language. */
extern const char * const pacte_month_msgids[12];
extern const char * const pacte_month_abbrev_msgids[12];

/* Loads the language's catalogue and conventions, once (thread-safe). */
void pacte_language_ensure_loaded (const PacteLanguage *lang);

G_END_DECLS
