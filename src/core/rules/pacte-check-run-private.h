/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-check-run-private.h: what running a check (pacte-checks.c) hands to
 * the rendering of its explanation (pacte-check-render.c). */
#pragma once

#include "pacte-checks-private.h"
#include "pacte-values-private.h"

G_BEGIN_DECLS

/* The fields a compiled rule names have been checked against the record
 * types when the rule file was loaded: while running, values are read in
 * place, without the type checks of the public getters. */

static inline const char *
get_string (PacteRecord *record,
            int          field)
{
  const char *s = pacte_record_values (record)[field].s;

  return s != NULL ? s : "";
}

static inline guint32
get_date (PacteRecord *record,
          int          field)
{
  return pacte_record_values (record)[field].date;
}

static inline double
get_number (PacteRecord *record,
            int          field)
{
  return pacte_record_values (record)[field].num;
}

static inline int
get_boolean (PacteRecord *record,
             int          field)
{
  return pacte_record_values (record)[field].boolean;
}

static inline const char * const *
get_strv (PacteRecord *record,
          int          field)
{
  static const char * const empty_strv[] = { NULL };
  char **strv = pacte_record_values (record)[field].strv;

  return strv != NULL ? (const char * const *) strv : empty_strv;
}

static inline PacteRecord * const *
get_items (PacteRecord *record,
           int          field,
           guint       *n_items)
{
  PacteItemList *list = pacte_record_values (record)[field].list;

  *n_items = list->n_items;
  return list->items;
}

/* What a failure is about, gathered while running, rendered into the
 * explanation.  Fixed-size: no allocation. */
typedef struct
{
  const PacteCond *label;      /* the labelled condition that failed */
  gboolean         unset;      /* it failed because a field was not filled in */
  const char      *value;      /* the failing field's text value */
  double           number;     /* or its number (when value is NULL and has_number) */
  gboolean         has_number;
  const char      *partner;
  const char      *item;
  int              position;
  gint64           count, min, total, percent;
  gboolean         has_count, has_total;
  gint64           days, limit;
  gboolean         has_days, has_limit;
  guint32          date;
  /* Where to fix it: the record and field of the condition that failed
   * (fix_add: the list it counts), the first that failed in an "any". */
  PacteRecord     *fix_record;
  int              fix_field;
  gboolean         fix_add;
} PacteFailure;

/* What a failing check leaves for its explanation: kept in a plan's
 * summary (pacte-rule-summaries.c), or not, and rendered at each
 * evaluation in the language of the moment. */
typedef struct
{
  PacteFailure         f;
  PacteFixTarget       fix;
  const PacteTemplate *tmpl;   /* the check's explanation (or explanation_unset)
                                * in every language; NULL: no partner chosen */
} PacteCheckFailure;

/* Runs check: TRUE when it passes or does not apply; else FALSE and failure
 * filled in. */
gboolean pacte_check_decide         (const PacteCheck        *check,
                                     PacteEvalContext        *ctx,
                                     PacteCheckFailure       *failure);
/* The outcome of check failing as failure says (status, fix, explanation). */
void     pacte_check_failure_render (const PacteCheck        *check,
                                     PacteEvalContext        *ctx,
                                     const PacteCheckFailure *failure,
                                     PacteRuleOutcome        *outcome);

/* Renders tmpl with what the failure f is about into outcome's explanation. */
void pacte_check_render (const PacteTemplate *tmpl,
                         PacteEvalContext    *ctx,
                         const PacteFailure  *f,
                         PacteRuleOutcome    *outcome);

G_END_DECLS
