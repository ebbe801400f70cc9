/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-checks.c: running the checks and conditions of a rule file, once
 * compiled (pacte-checks-compile.c), without allocation.  Their
 * explanations are rendered by pacte-check-render.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-check-run-private.h"
#include "pacte-i18n.h"

/* ==== Running =========================================================== */

static double
num_value (const PacteNumArg *arg,
           PacteRecord       *record,
           PacteEvalContext  *ctx)
{
  if (arg->param >= 0)
    return ctx->params[arg->param];
  if (arg->field >= 0)
    return get_number (record, arg->field) * arg->factor;
  return arg->literal;
}

static gboolean
field_filled (PacteRecord   *record,
              int            field,
              PacteFieldKind kind)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return *get_string (record, field) != '\0';
    case PACTE_FIELD_DATE:
      return get_date (record, field) != 0;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return !isnan (get_number (record, field));
    case PACTE_FIELD_BOOLEAN:
      return get_boolean (record, field) >= 0;
    case PACTE_FIELD_STRV:
      return get_strv (record, field)[0] != NULL;
    case PACTE_FIELD_LIST:
      return pacte_record_values (record)[field].list->n_items > 0;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return pacte_record_map_get_keys (record, field)[0] != NULL;
    default:
      return FALSE;
    }
}

static guint
field_length (PacteRecord   *record,
              int            field,
              PacteFieldKind kind)
{
  if (kind == PACTE_FIELD_STRV)
    {
      const char * const *strv = get_strv (record, field);
      guint n = 0;

      while (strv[n] != NULL)
        n++;
      return n;
    }
  return pacte_record_values (record)[field].list->n_items;
}

/* The rank of a choice value in the field's list; unset or unknown: 0. */
static int
choice_rank (PacteRecord *record,
             int          field)
{
  const PacteFieldInfo *info = &PACTE_RECORD_GET_CLASS (record)->fields[field];
  const char *value = get_string (record, field);

  if (*value == '\0' || info->choices == NULL)
    return 0;
  for (int i = 0; info->choices[i] != NULL; i++)
    if (strcmp (info->choices[i], value) == 0)
      return i;
  return 0;
}

static void
note_value (PacteRecord *record,
            int          field,
            PacteFieldKind kind,
            PacteFailure     *f)
{
  f->value = NULL;
  f->has_number = FALSE;
  if (pacte_field_kind_is_text (kind))
    f->value = get_string (record, field);
  else if (pacte_field_kind_is_number (kind))
    {
      f->number = get_number (record, field);
      f->has_number = !isnan (f->number);
    }
  else if (kind == PACTE_FIELD_DATE)
    f->date = get_date (record, field);
}

static gboolean cond_eval (const PacteCond  *c,
                           PacteRecord      *record,
                           PacteEvalContext *ctx,
                           PacteFailure          *f);

static gboolean
conds_all (const PacteCond  *conds,
           guint             n,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           PacteFailure          *f)
{
  for (guint i = 0; i < n; i++)
    if (!cond_eval (&conds[i], record, ctx, f))
      return FALSE;
  return TRUE;
}

static gboolean
cond_test (const PacteCond  *c,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           PacteFailure          *f)
{
  switch (c->op)
    {
    case PACTE_COND_SET:
      f->unset = TRUE;
      return field_filled (record, c->field, c->kind);

    case PACTE_COND_UNSET:
      note_value (record, c->field, c->kind, f);
      return !field_filled (record, c->field, c->kind);

    case PACTE_COND_ABOVE:
    case PACTE_COND_AT_LEAST:
    case PACTE_COND_BELOW:
      {
        double value = get_number (record, c->field);
        double limit = num_value (&c->num, record, ctx);

        note_value (record, c->field, c->kind, f);
        if (isnan (value))
          {
            f->unset = TRUE;
            return FALSE;
          }
        if (c->op == PACTE_COND_ABOVE)
          return value > limit;
        if (c->op == PACTE_COND_AT_LEAST)
          return value >= limit;
        return value < limit;
      }

    case PACTE_COND_EQUALS:
    case PACTE_COND_NOT_EQUALS:
      {
        gboolean equal;

        if (c->kind == PACTE_FIELD_BOOLEAN)
          equal = get_boolean (record, c->field) == c->boolean;
        else
          {
            note_value (record, c->field, c->kind, f);
            equal = strcmp (get_string (record, c->field), c->string) == 0;
            if (c->op == PACTE_COND_EQUALS && *f->value == '\0')
              f->unset = TRUE;
          }
        return c->op == PACTE_COND_EQUALS ? equal : !equal;
      }

    case PACTE_COND_IN:
    case PACTE_COND_NOT_IN:
      {
        const char *value = get_string (record, c->field);
        gboolean in = FALSE;

        note_value (record, c->field, c->kind, f);
        for (guint i = 0; c->strings[i] != NULL && !in; i++)
          in = strcmp (c->strings[i], value) == 0;
        if (c->op == PACTE_COND_IN && *value == '\0')
          f->unset = TRUE;
        return c->op == PACTE_COND_IN ? in : !in;
      }

    case PACTE_COND_CHOICE_AT_LEAST:
      note_value (record, c->field, c->kind, f);
      return choice_rank (record, c->field) >= c->rank;

    case PACTE_COND_CHOICE_BELOW:
      note_value (record, c->field, c->kind, f);
      return choice_rank (record, c->field) < c->rank;

    case PACTE_COND_LENGTH_AT_LEAST:
    case PACTE_COND_LENGTH_EQUALS:
      {
        guint length = field_length (record, c->field, c->kind);
        double wanted = num_value (&c->num, record, ctx);

        f->count = length;
        f->has_count = TRUE;
        f->min = (gint64) wanted;
        if (length == 0)
          f->unset = TRUE;
        return c->op == PACTE_COND_LENGTH_AT_LEAST ? length >= wanted : length == wanted;
      }

    case PACTE_COND_WITHIN_DAYS:
      {
        guint32 date = get_date (record, c->field);
        double limit = num_value (&c->num, record, ctx);

        f->date = date;
        if (date == 0)
          {
            f->unset = TRUE;
            return FALSE;
          }
        /* An unknown limit (the cadence is not filled in) cannot be missed. */
        if (isnan (limit))
          return TRUE;
        f->days = (gint64) ctx->today - (gint64) date;
        f->limit = (gint64) floor (limit);
        f->has_days = f->has_limit = TRUE;
        return (double) f->days <= limit;
      }

    case PACTE_COND_NAMES_ITEM:
      {
        const char *value = get_string (record, c->field);
        PacteRecord * const *items;
        guint n;

        note_value (record, c->field, c->kind, f);
        if (*value == '\0')
          {
            f->unset = TRUE;
            return FALSE;
          }
        items = get_items (ctx->plan_record, c->other_list, &n);
        for (guint i = 0; i < n; i++)
          if (strcmp (get_string (items[i], c->other_field), value) == 0)
            return TRUE;
        return FALSE;
      }

    case PACTE_COND_SAME_AS_PLAN:
      {
        const char *value = get_string (record, c->field);
        const char *plan_value = get_string (ctx->plan_record, c->other_field);

        note_value (record, c->field, c->kind, f);
        if (*value == '\0')
          f->unset = TRUE;
        return strcmp (value, plan_value) == 0;
      }

    case PACTE_COND_IN_HORIZON:
      {
        int year, quarter, index;
        double n = num_value (&c->num, record, ctx);

        note_value (record, c->field, c->kind, f);
        if (!pacte_quarter_parse (get_string (record, c->field), &year, &quarter))
          {
            f->unset = TRUE;
            return FALSE;
          }
        index = year * 4 + quarter - 1;
        return index >= ctx->today_quarter && index < ctx->today_quarter + n;
      }

    case PACTE_COND_ANY:
      {
        PacteRecord *fix_record = NULL;
        int fix_field = -1;
        gboolean fix_add = FALSE;

        for (guint i = 0; i < c->n_children; i++)
          {
            if (cond_eval (&c->children[i], record, ctx, f))
              return TRUE;
            if (i == 0 && ctx->explain)
              {
                fix_record = f->fix_record;
                fix_field = f->fix_field;
                fix_add = f->fix_add;
              }
          }
        /* The first alternative is the one to offer (only an explaining
         * run gathers where to fix). */
        if (ctx->explain)
          {
            f->fix_record = fix_record;
            f->fix_field = fix_field;
            f->fix_add = fix_add;
          }
        return FALSE;
      }

    case PACTE_COND_ALL:
      return conds_all (c->children, c->n_children, record, ctx, f);

    case PACTE_COND_NOT:
      {
        PacteFailure scratch;  /* written, never read */

        return !cond_eval (c->children, record, ctx, &scratch);
      }

    case PACTE_COND_COUNT:
      {
        guint n;
        PacteRecord * const *items = get_items (record, c->field, &n);
        double wanted = num_value (&c->num, record, ctx);
        gint64 count = 0;

        for (guint i = 0; i < n; i++)
          {
            PacteFailure scratch;  /* written, never read */

            if (conds_all (c->children, c->n_children, items[i], ctx, &scratch))
              count++;
          }
        f->count = count;
        f->min = (gint64) ceil (wanted);
        f->has_count = TRUE;
        if (n == 0)
          f->unset = TRUE;
        return count >= wanted;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
cond_eval (const PacteCond  *c,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           PacteFailure          *f)
{
  PacteFailure local;

  /* Only the explaining run (see pacte_check_decide) gathers what a failure is
   * about: the first one only says whether the condition holds. */
  if (!ctx->explain)
    return cond_test (c, record, ctx, f);
  /* What a test notes is kept only when it fails. */
  memset (&local, 0, sizeof local);
  if (cond_test (c, record, ctx, &local))
    return TRUE;
  if (c->label.text[0] != NULL && (local.label == NULL || c->op == PACTE_COND_ANY))
    local.label = c;
  if (local.fix_record == NULL && c->field >= 0)
    {
      local.fix_record = record;
      local.fix_field = c->field;
      local.fix_add = c->op == PACTE_COND_COUNT;
    }
  *f = local;
  return FALSE;
}

/* Explaining only: what the failure of check leaves for its explanation
 * (which template, what it is about, where it is fixed).  Returns FALSE. */
static gboolean
check_fails (const PacteCheck   *check,
             PacteEvalContext   *ctx,
             const PacteFailure *f,
             PacteCheckFailure  *out)
{
  if (!ctx->explain)
    return FALSE;
  out->tmpl = check->explanation;
  if (f->unset && check->explanation_unset[0].source != NULL)
    out->tmpl = check->explanation_unset;
  out->f = *f;
  out->fix.kind = PACTE_FIX_NONE;
  out->fix.record = NULL;
  out->fix.field = -1;
  if (check->fix_kind == PACTE_FIX_FIELD)
    {
      out->fix.kind = PACTE_FIX_FIELD;
      out->fix.record = ctx->plan_record;
      out->fix.field = check->fix_field;
    }
  else if (check->fix_kind == PACTE_FIX_ADD_ITEM
           && (!check->collection.via_partners || ctx->n_partners > 0))
    {
      out->fix.kind = PACTE_FIX_ADD_ITEM;
      out->fix.record = check->collection.via_partners ? ctx->partners[0] : ctx->plan_record;
      out->fix.field = check->collection.list_field;
    }
  else if (f->fix_record != NULL && f->fix_field >= 0)
    {
      out->fix.kind = f->fix_add ? PACTE_FIX_ADD_ITEM : PACTE_FIX_FIELD;
      out->fix.record = f->fix_record;
      out->fix.field = f->fix_field;
    }
  return FALSE;
}

static gboolean
no_partner (PacteEvalContext  *ctx,
            PacteCheckFailure *out)
{
  if (!ctx->explain)
    return FALSE;
  /* No template: the text is the program's own (see render). */
  out->tmpl = NULL;
  memset (&out->f, 0, sizeof out->f);
  /* Choosing a partner fixes it. */
  out->fix.kind = PACTE_FIX_FIELD;
  out->fix.record = ctx->plan_record;
  out->fix.field = PACTE_PLAN_PARTNERS;
  return FALSE;
}

/* Walks a collection: calls func (item, partner, position) until it returns
 * FALSE.  Returns FALSE when it was stopped. */
typedef gboolean (*ItemFunc) (PacteRecord *item,
                              PacteRecord *partner,
                              guint        position,
                              gpointer     data);

static gboolean
walk_list (PacteRecord *owner,
           int          field,
           PacteRecord *partner,
           ItemFunc     func,
           gpointer     data)
{
  guint n;
  PacteRecord * const *items = get_items (owner, field, &n);

  for (guint i = 0; i < n; i++)
    if (!func (items[i], partner, i + 1, data))
      return FALSE;
  return TRUE;
}

static gboolean
walk (const PacteCollection *collection,
      PacteWhich             which,
      PacteEvalContext      *ctx,
      ItemFunc               func,
      gpointer               data)
{
  if (!collection->via_partners)
    return walk_list (ctx->plan_record, collection->list_field, NULL, func, data);

  for (guint p = 0; p < ctx->n_partners; p++)
    {
      PacteRecord *partner = ctx->partners[p];

      if ((which == PACTE_WHICH_PRIMARY && p > 0) || (which == PACTE_WHICH_OTHERS && p == 0))
        continue;
      if (collection->list_field < 0)
        {
          if (!func (partner, partner, p + 1, data))
            return FALSE;
        }
      else if (!walk_list (partner, collection->list_field, partner, func, data))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const PacteCheck *check;
  PacteEvalContext *ctx;
  PacteFailure          *f;
  gint64            seen;
  gint64            count;
  gint64            linked;
  guint32           latest;
  const char       *distinct[64];
  guint             n_distinct;
  PacteFailure           miss;         /* explaining: the first item that did not count */
  PacteRecord      *first_owner;  /* the record of the first list walked */
} WalkData;

/* Explaining only: where a count falls short.  An item that is there but
 * does not count is fixed in the field that kept it out; otherwise (no
 * item, or too few, or too few kinds) a new item is wanted. */
static void
count_fix (const PacteCheck *check,
           WalkData         *d,
           gboolean          item_to_fix,
           PacteFailure          *f)
{
  if (check->fix_kind != PACTE_FIX_ADD_ITEM && item_to_fix && d->miss.fix_record != NULL)
    {
      f->fix_record = d->miss.fix_record;
      f->fix_field = d->miss.fix_field;
      f->fix_add = d->miss.fix_add;
    }
  else if (d->first_owner != NULL && check->collection.list_field >= 0)
    {
      f->fix_record = d->first_owner;
      f->fix_field = check->collection.list_field;
      f->fix_add = TRUE;
    }
}

static gboolean
each_item (PacteRecord *item,
           PacteRecord *partner,
           guint        position,
           gpointer     user_data)
{
  WalkData *d = user_data;
  PacteFailure scratch;  /* written, never read */

  if (!conds_all (d->check->where, d->check->n_where, item, d->ctx, &scratch))
    return TRUE;
  if (conds_all (d->check->require, d->check->n_require, item, d->ctx, d->f))
    return TRUE;
  d->f->position = position;
  if (partner != NULL)
    d->f->partner = get_string (partner, PACTE_PARTNER_NAME);
  if (d->check->name_field >= 0)
    d->f->item = get_string (item, d->check->name_field);
  return FALSE;
}

static gboolean
count_item (PacteRecord *item,
            PacteRecord *partner,
            guint        position,
            gpointer     user_data)
{
  WalkData *d = user_data;
  PacteFailure scratch;  /* written, read only to keep the first miss */

  d->seen++;
  /* Read only when explaining: the deciding run does not clear it for
   * every item. */
  if (d->ctx->explain)
    memset (&scratch, 0, sizeof scratch);
  if (!conds_all (d->check->where, d->check->n_where, item, d->ctx, &scratch))
    {
      if (d->ctx->explain && d->miss.fix_record == NULL && d->check->kind == PACTE_CHECK_COUNT)
        d->miss = scratch;
      return TRUE;
    }
  d->count++;
  switch (d->check->kind)
    {
    case PACTE_CHECK_RATIO:
      if (conds_all (d->check->linked, d->check->n_linked, item, d->ctx, &scratch))
        d->linked++;
      else if (d->ctx->explain && d->miss.fix_record == NULL)
        d->miss = scratch;
      break;
    case PACTE_CHECK_COUNT_DISTINCT:
      {
        const char *value = get_string (item, d->check->field);
        gboolean seen = *value == '\0';

        for (guint i = 0; i < d->n_distinct && !seen; i++)
          seen = strcmp (d->distinct[i], value) == 0;
        if (!seen && d->n_distinct < G_N_ELEMENTS (d->distinct))
          d->distinct[d->n_distinct++] = value;
      }
      break;
    case PACTE_CHECK_LATEST_DATE:
      {
        guint32 date = get_date (item, d->check->field);

        if (date != 0 && date <= d->ctx->today && date > d->latest)
          d->latest = date;
      }
      break;
    case PACTE_CHECK_PLAN:
    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_EACH_PARTNER:
    case PACTE_CHECK_COUNT:
    default:
      break;
    }
  return TRUE;
}

static gboolean
run_check (const PacteCheck  *check,
           PacteEvalContext  *ctx,
           PacteCheckFailure *out)
{
  PacteFailure f = { 0 };
  WalkData d;
  PacteFailure scratch;  /* written, never read */

  /* distinct[] is filled up to n_distinct: no need to clear it. */
  d.check = check;
  d.ctx = ctx;
  d.f = &f;
  d.seen = d.count = d.linked = 0;
  d.latest = 0;
  d.n_distinct = 0;
  d.first_owner = NULL;
  if (ctx->explain)
    {
      memset (&d.miss, 0, sizeof d.miss);
      if (!check->collection.via_partners)
        d.first_owner = ctx->plan_record;
      else if (ctx->n_partners > 0)
        d.first_owner = ctx->partners[0];
    }

  if (!conds_all (check->when, check->n_when, ctx->plan_record, ctx, &scratch))
    return TRUE;

  if (check->collection.via_partners && ctx->n_partners == 0)
    return no_partner (ctx, out);

  switch (check->kind)
    {
    case PACTE_CHECK_PLAN:
      if (conds_all (check->require, check->n_require, ctx->plan_record, ctx, &f))
        return TRUE;
      return check_fails (check, ctx, &f, out);

    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_EACH_PARTNER:
      if (walk (&check->collection, check->which, ctx, each_item, &d))
        return TRUE;
      if (check->kind == PACTE_CHECK_EACH_PARTNER)
        f.item = f.partner;
      return check_fails (check, ctx, &f, out);

    case PACTE_CHECK_COUNT:
    case PACTE_CHECK_COUNT_DISTINCT:
    case PACTE_CHECK_RATIO:
      {
        double wanted = num_value (&check->at_least, NULL, ctx);
        gint64 have;

        walk (&check->collection, PACTE_WHICH_ALL, ctx, count_item, &d);
        f.has_count = TRUE;
        f.min = (gint64) ceil (wanted);
        if (check->kind == PACTE_CHECK_RATIO)
          {
            if (d.count == 0)
              return TRUE;
            f.count = d.linked;
            f.total = d.count;
            f.has_total = TRUE;
            f.percent = (gint64) floor (100.0 * d.linked / d.count + 0.5);
            f.min = (gint64) floor (wanted * 100 + 0.5);
            if ((double) d.linked >= wanted * d.count - 1e-9)
              return TRUE;
            if (ctx->explain)
              count_fix (check, &d, TRUE, &f);
            return check_fails (check, ctx, &f, out);
          }
        have = check->kind == PACTE_CHECK_COUNT ? d.count : (gint64) d.n_distinct;
        f.count = have;
        f.unset = d.seen == 0;
        if ((double) have >= wanted)
          return TRUE;
        if (ctx->explain)
          count_fix (check, &d, check->kind == PACTE_CHECK_COUNT && d.count == 0, &f);
        return check_fails (check, ctx, &f, out);
      }

    case PACTE_CHECK_LATEST_DATE:
      {
        double limit = num_value (&check->within_days, NULL, ctx);

        walk (&check->collection, PACTE_WHICH_ALL, ctx, count_item, &d);
        f.limit = (gint64) floor (limit);
        f.has_limit = TRUE;
        if (ctx->explain)
          count_fix (check, &d, FALSE, &f);
        if (d.latest == 0)
          {
            f.unset = TRUE;
            return check_fails (check, ctx, &f, out);
          }
        f.date = d.latest;
        f.days = (gint64) ctx->today - (gint64) d.latest;
        f.has_days = TRUE;
        if ((double) f.days <= limit)
          return TRUE;
        return check_fails (check, ctx, &f, out);
      }

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Most checks pass: a first run only decides, without gathering anything
 * for an explanation; only a check that fails runs again, explaining (the
 * evaluation is deterministic, so the second run fails the same way). */
gboolean
pacte_check_decide (const PacteCheck  *check,
                    PacteEvalContext  *ctx,
                    PacteCheckFailure *failure)
{
  ctx->explain = FALSE;
  if (run_check (check, ctx, failure))
    return TRUE;
  ctx->explain = TRUE;
  run_check (check, ctx, failure);
  ctx->explain = FALSE;
  return FALSE;
}

void
pacte_check_failure_render (const PacteCheck        *check,
                            PacteEvalContext        *ctx,
                            const PacteCheckFailure *failure,
                            PacteRuleOutcome        *outcome)
{
  static const char *no_partner_texts[PACTE_N_LANGS];

  outcome->status = check->severity;
  outcome->fix = failure->fix;
  if (failure->tmpl != NULL)
    {
      pacte_check_render (&failure->tmpl[ctx->lang], ctx, &failure->f, outcome);
      return;
    }
  if (no_partner_texts[ctx->lang] == NULL)
    no_partner_texts[ctx->lang] = pacte_gettext_lang (pacte_lang_code (ctx->lang),
                                                      N_("No partner is chosen for this plan yet."));
  pacte_render_plain (no_partner_texts[ctx->lang], outcome);
}

gboolean
pacte_conds_hold (const PacteCond  *conds,
                  guint             n,
                  PacteEvalContext *ctx)
{
  PacteFailure scratch;  /* written, never read */

  return conds_all (conds, n, ctx->plan_record, ctx, &scratch);
}
