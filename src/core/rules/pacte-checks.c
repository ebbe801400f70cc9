/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-checks.c: running the checks and conditions of a rule file, once
 * compiled (pacte-checks-compile.c), without allocation; rendering their
 * explanations. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-values-private.h"
#include "pacte-i18n.h"

/* ==== Running =========================================================== */

/* The fields a compiled rule names have been checked against the record
 * types when the rule file was loaded: while running, values are read in
 * place, without the type checks of the public getters. */
static const char * const empty_strv[] = { NULL };

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
} Failure;

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
            Failure     *f)
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
                           Failure          *f);

static gboolean
conds_all (const PacteCond  *conds,
           guint             n,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           Failure          *f)
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
           Failure          *f)
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
            if (i == 0)
              {
                fix_record = f->fix_record;
                fix_field = f->fix_field;
                fix_add = f->fix_add;
              }
          }
        /* The first alternative is the one to offer. */
        f->fix_record = fix_record;
        f->fix_field = fix_field;
        f->fix_add = fix_add;
        return FALSE;
      }

    case PACTE_COND_ALL:
      return conds_all (c->children, c->n_children, record, ctx, f);

    case PACTE_COND_NOT:
      {
        Failure scratch;  /* written, never read */

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
            Failure scratch;  /* written, never read */

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
           Failure          *f)
{
  Failure local;

  /* Only the explaining run (see pacte_check_run) gathers what a failure is
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

/* ---- Rendering ---------------------------------------------------------- */

typedef struct
{
  char  *buf;
  gsize  len;
  gsize  cap;
} Out;

static void
out_append (Out        *out,
            const char *text,
            gsize       len)
{
  gsize room = out->cap - 1 - out->len;

  if (len > room)
    {
      /* Cut at a character boundary. */
      len = room;
      while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
        len--;
    }
  memcpy (out->buf + out->len, text, len);
  out->len += len;
  out->buf[out->len] = '\0';
}

static void
out_append_str (Out        *out,
                const char *text)
{
  if (text != NULL)
    out_append (out, text, strlen (text));
}

static void
out_append_int (Out    *out,
                gint64  value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  out_append_str (out, buf);
}

static void
out_append_number (Out    *out,
                   double  value,
                   int     lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  if (value == floor (value) && fabs (value) < 1e15)
    {
      out_append_int (out, (gint64) value);
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  {
    char *dot = strchr (buf, '.');

    if (dot != NULL)
      {
        *dot = '\0';
        out_append_str (out, buf);
        out_append_str (out, pacte_language_decimal_separator (pacte_language_nth ((guint) lang)));
        out_append_str (out, dot + 1);
        return;
      }
  }
  out_append_str (out, buf);
}

/* Dates and quarters inside an explanation read as the report writes them:
 * "10 September 2026" / "10 septembre 2026", "Q1 2027" / "T1 2027", from the
 * language table. */
static void
out_append_date (Out     *out,
                 guint32  julian,
                 int      lang)
{
  g_autofree char *text = NULL;

  if (julian == 0)
    return;
  text = pacte_language_format_date (pacte_language_nth ((guint) lang), julian);
  out_append_str (out, text);
}

static void
out_append_quarter (Out *out,
                    int  index,
                    int  lang)
{
  g_autofree char *text = pacte_language_format_quarter (pacte_language_nth ((guint) lang),
                                                         index / 4, index % 4 + 1);

  out_append_str (out, text);
}

/* The number a number placeholder stands for; FALSE when the failure does
 * not give one (the placeholder then writes nothing). */
static gboolean
placeholder_number (PactePlaceholder  kind,
                    guint             param,
                    PacteEvalContext *ctx,
                    const Failure    *f,
                    double           *number)
{
  switch (kind)
    {
    case PACTE_PH_POSITION:
      *number = f->position;
      return TRUE;
    case PACTE_PH_COUNT:
      *number = (double) f->count;
      return f->has_count;
    case PACTE_PH_MIN:
      *number = (double) f->min;
      return f->has_count;
    case PACTE_PH_TOTAL:
      *number = (double) f->total;
      return f->has_total;
    case PACTE_PH_PERCENT:
      *number = (double) f->percent;
      return f->has_total;
    case PACTE_PH_DAYS:
      *number = (double) f->days;
      return f->has_days;
    case PACTE_PH_LIMIT:
      *number = (double) f->limit;
      return f->has_limit;
    case PACTE_PH_VALUE:
      *number = f->number;
      return f->value == NULL && f->has_number && !isnan (f->number);
    case PACTE_PH_PARAM:
      *number = ctx->params[param];
      return !isnan (*number);
    default:
      return FALSE;
    }
}

/* The plural rule of a language (the language table's): is n written with
 * the singular form? */
static gboolean
plural_is_one (double n,
               int    lang)
{
  return pacte_language_is_singular (pacte_language_nth ((guint) lang), n);
}

static void
render (const PacteTemplate *tmpl,
        PacteEvalContext    *ctx,
        const Failure       *f,
        PacteRuleOutcome    *outcome)
{
  Out out = { outcome->explanation, 0, sizeof outcome->explanation };

  outcome->explanation[0] = '\0';
  for (guint i = 0; i < tmpl->n_segments; i++)
    {
      const PacteSegment *s = &tmpl->segments[i];

      switch (s->kind)
        {
        case PACTE_PH_LITERAL:
          out_append (&out, s->text, s->len);
          break;
        case PACTE_PH_PLAN:
          out_append_str (&out, get_string (ctx->plan_record, PACTE_PLAN_NAME));
          break;
        case PACTE_PH_PHASE:
          {
            const char *phase = get_string (ctx->plan_record, PACTE_PLAN_PHASE);

            out_append_str (&out, pacte_rule_set_get_word (ctx->rules, *phase ? phase : "exploration", ctx->lang));
          }
          break;
        case PACTE_PH_TODAY:
          out_append_date (&out, ctx->today, ctx->lang);
          break;
        case PACTE_PH_QUARTER:
          out_append_quarter (&out, ctx->today_quarter, ctx->lang);
          break;
        case PACTE_PH_PARTNER:
          out_append_str (&out, f->partner);
          break;
        case PACTE_PH_ITEM:
          if (f->item != NULL && *f->item != '\0')
            out_append_str (&out, f->item);
          else
            {
              out_append_str (&out, "#");
              out_append_int (&out, f->position);
            }
          break;
        case PACTE_PH_POSITION:
          out_append_int (&out, f->position);
          break;
        case PACTE_PH_COUNT:
          if (f->has_count)
            out_append_int (&out, f->count);
          break;
        case PACTE_PH_MIN:
          if (f->has_count)
            out_append_int (&out, f->min);
          break;
        case PACTE_PH_TOTAL:
          if (f->has_total)
            out_append_int (&out, f->total);
          break;
        case PACTE_PH_PERCENT:
          if (f->has_total)
            out_append_int (&out, f->percent);
          break;
        case PACTE_PH_DAYS:
          if (f->has_days)
            out_append_int (&out, f->days);
          break;
        case PACTE_PH_LIMIT:
          if (f->has_limit)
            out_append_int (&out, f->limit);
          break;
        case PACTE_PH_DATE:
          out_append_date (&out, f->date, ctx->lang);
          break;
        case PACTE_PH_FAILED:
          if (f->label != NULL)
            out_append_str (&out, f->label->label.text[ctx->lang]);
          break;
        case PACTE_PH_VALUE:
          if (f->value != NULL)
            out_append_str (&out, pacte_rule_set_get_word (ctx->rules, f->value, ctx->lang));
          else if (f->has_number)
            out_append_number (&out, f->number, ctx->lang);
          break;
        case PACTE_PH_PARAM:
          out_append_number (&out, ctx->params[s->param], ctx->lang);
          break;
        case PACTE_PH_PLURAL:
          {
            double n;

            if (placeholder_number (s->of, s->param, ctx, f, &n) && plural_is_one (n, s->lang))
              out_append (&out, s->text, s->len);
            else
              out_append (&out, s->other, s->other_len);
          }
          break;
        default:
          break;
        }
    }
}

void
pacte_render_plain (const char       *text,
                    PacteRuleOutcome *outcome)
{
  Out out = { outcome->explanation, 0, sizeof outcome->explanation };

  outcome->explanation[0] = '\0';
  out_append_str (&out, text);
}

static gboolean
check_fails (const PacteCheck *check,
             PacteEvalContext *ctx,
             const Failure    *f,
             PacteRuleOutcome *outcome)
{
  const PacteTemplate *tmpl = check->explanation;

  if (!ctx->explain)
    return FALSE;
  if (f->unset && check->explanation_unset[0].source != NULL)
    tmpl = check->explanation_unset;
  outcome->status = check->severity;
  outcome->fix.kind = PACTE_FIX_NONE;
  outcome->fix.record = NULL;
  outcome->fix.field = -1;
  if (check->fix_kind == PACTE_FIX_FIELD)
    {
      outcome->fix.kind = PACTE_FIX_FIELD;
      outcome->fix.record = ctx->plan_record;
      outcome->fix.field = check->fix_field;
    }
  else if (check->fix_kind == PACTE_FIX_ADD_ITEM
           && (!check->collection.via_partners || ctx->n_partners > 0))
    {
      outcome->fix.kind = PACTE_FIX_ADD_ITEM;
      outcome->fix.record = check->collection.via_partners ? ctx->partners[0] : ctx->plan_record;
      outcome->fix.field = check->collection.list_field;
    }
  else if (f->fix_record != NULL && f->fix_field >= 0)
    {
      outcome->fix.kind = f->fix_add ? PACTE_FIX_ADD_ITEM : PACTE_FIX_FIELD;
      outcome->fix.record = f->fix_record;
      outcome->fix.field = f->fix_field;
    }
  render (&tmpl[ctx->lang], ctx, f, outcome);
  return FALSE;
}

static gboolean
no_partner (const PacteCheck *check,
            PacteEvalContext *ctx,
            PacteRuleOutcome *outcome)
{
  static const char *texts[PACTE_N_LANGS];

  if (!ctx->explain)
    return FALSE;
  if (texts[ctx->lang] == NULL)
    texts[ctx->lang] = pacte_gettext_lang (pacte_lang_code (ctx->lang),
                                           N_("No partner is chosen for this plan yet."));
  outcome->status = check->severity;
  pacte_render_plain (texts[ctx->lang], outcome);
  /* Choosing a partner fixes it. */
  outcome->fix.kind = PACTE_FIX_FIELD;
  outcome->fix.record = ctx->plan_record;
  outcome->fix.field = PACTE_PLAN_PARTNERS;
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
  Failure          *f;
  gint64            seen;
  gint64            count;
  gint64            linked;
  guint32           latest;
  const char       *distinct[64];
  guint             n_distinct;
  Failure           miss;         /* explaining: the first item that did not count */
  PacteRecord      *first_owner;  /* the record of the first list walked */
} WalkData;

/* Explaining only: where a count falls short.  An item that is there but
 * does not count is fixed in the field that kept it out; otherwise (no
 * item, or too few, or too few kinds) a new item is wanted. */
static void
count_fix (const PacteCheck *check,
           WalkData         *d,
           gboolean          item_to_fix,
           Failure          *f)
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
  Failure scratch;  /* written, never read */

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
  Failure scratch;  /* written, read only to keep the first miss */

  d->seen++;
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
run_check (const PacteCheck *check,
           PacteEvalContext *ctx,
           PacteRuleOutcome *outcome)
{
  Failure f = { 0 };
  WalkData d;
  Failure scratch;  /* written, never read */

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
    return no_partner (check, ctx, outcome);

  switch (check->kind)
    {
    case PACTE_CHECK_PLAN:
      if (conds_all (check->require, check->n_require, ctx->plan_record, ctx, &f))
        return TRUE;
      return check_fails (check, ctx, &f, outcome);

    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_EACH_PARTNER:
      if (walk (&check->collection, check->which, ctx, each_item, &d))
        return TRUE;
      if (check->kind == PACTE_CHECK_EACH_PARTNER)
        f.item = f.partner;
      return check_fails (check, ctx, &f, outcome);

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
            return check_fails (check, ctx, &f, outcome);
          }
        have = check->kind == PACTE_CHECK_COUNT ? d.count : (gint64) d.n_distinct;
        f.count = have;
        f.unset = d.seen == 0;
        if ((double) have >= wanted)
          return TRUE;
        if (ctx->explain)
          count_fix (check, &d, check->kind == PACTE_CHECK_COUNT && d.count == 0, &f);
        return check_fails (check, ctx, &f, outcome);
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
            return check_fails (check, ctx, &f, outcome);
          }
        f.date = d.latest;
        f.days = (gint64) ctx->today - (gint64) d.latest;
        f.has_days = TRUE;
        if ((double) f.days <= limit)
          return TRUE;
        return check_fails (check, ctx, &f, outcome);
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
pacte_check_run (const PacteCheck *check,
                 PacteEvalContext *ctx,
                 PacteRuleOutcome *outcome)
{
  ctx->explain = FALSE;
  if (run_check (check, ctx, outcome))
    return TRUE;
  ctx->explain = TRUE;
  run_check (check, ctx, outcome);
  ctx->explain = FALSE;
  return FALSE;
}

gboolean
pacte_conds_hold (const PacteCond  *conds,
                  guint             n,
                  PacteEvalContext *ctx)
{
  Failure scratch;  /* written, never read */

  return conds_all (conds, n, ctx->plan_record, ctx, &scratch);
}
