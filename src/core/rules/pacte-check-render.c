/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-check-render.c: the explanation of a check that failed, rendered
 * from its template (docs/rules.md: placeholders, plurals) in the chosen
 * language, into a fixed buffer: no allocation. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-check-run-private.h"
#include "pacte-i18n.h"

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
                    const PacteFailure    *f,
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

void
pacte_check_render (const PacteTemplate *tmpl,
                    PacteEvalContext    *ctx,
                    const PacteFailure  *f,
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

