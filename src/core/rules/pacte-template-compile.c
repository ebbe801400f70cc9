/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-template-compile.c: the explanation templates of a rule file
 * (docs/rules.md: {placeholders}, {n|one|other} plurals), compiled once at
 * load time into segments that pacte-check-render.c fills in without
 * lookup or allocation. */
#include "config.h"

#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-i18n.h"

/* ---- Templates ---------------------------------------------------------- */


static const struct {
  const char      *name;
  PactePlaceholder kind;
  guint            needs;
} placeholders[] = {
  { "plan", PACTE_PH_PLAN, 0 },
  { "phase", PACTE_PH_PHASE, 0 },
  { "today", PACTE_PH_TODAY, 0 },
  { "quarter", PACTE_PH_QUARTER, 0 },
  { "partner", PACTE_PH_PARTNER, AVAIL_PARTNER },
  { "item", PACTE_PH_ITEM, AVAIL_ITEM },
  { "position", PACTE_PH_POSITION, AVAIL_ITEM },
  { "count", PACTE_PH_COUNT, 0 },
  { "min", PACTE_PH_MIN, 0 },
  { "total", PACTE_PH_TOTAL, AVAIL_RATIO },
  { "percent", PACTE_PH_PERCENT, AVAIL_RATIO },
  { "days", PACTE_PH_DAYS, 0 },
  { "limit", PACTE_PH_LIMIT, 0 },
  { "date", PACTE_PH_DATE, 0 },
  { "failed", PACTE_PH_FAILED, 0 },
  { "value", PACTE_PH_VALUE, 0 },
};

void
pacte_template_clear (PacteTemplate *tmpl)
{
  g_clear_pointer (&tmpl->source, g_free);
  g_clear_pointer (&tmpl->segments, g_free);
  tmpl->n_segments = 0;
}

/* Resolves a placeholder's name: a fixed placeholder or a parameter of the
 * rule. */
static gboolean
resolve_placeholder (const char       *name,
                     PacteRule        *rule,
                     guint             available,
                     PactePlaceholder *kind,
                     guint            *param,
                     const char       *path,
                     GError          **error)
{
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strcmp (placeholders[i].name, name) == 0)
      {
        if ((placeholders[i].needs & available) != placeholders[i].needs)
          return pacte_rules_fail (error, path, _("the placeholder {%s} has no meaning for this kind of check"), name);
        *kind = placeholders[i].kind;
        *param = 0;
        return TRUE;
      }
  index = pacte_rule_find_param (rule, name);
  if (index < 0)
    return pacte_rules_fail (error, path, _("unknown placeholder {%s}; expected a parameter of the rule or one of {plan}, {phase}, {today}, {quarter}, {partner}, {item}, {position}, {count}, {min}, {total}, {percent}, {days}, {limit}, {date}, {failed}, {value}"), name);
  *kind = PACTE_PH_PARAM;
  *param = (guint) index;
  return TRUE;
}

static gboolean
placeholder_is_number (PactePlaceholder kind)
{
  switch (kind)
    {
    case PACTE_PH_POSITION:
    case PACTE_PH_COUNT:
    case PACTE_PH_MIN:
    case PACTE_PH_TOTAL:
    case PACTE_PH_PERCENT:
    case PACTE_PH_DAYS:
    case PACTE_PH_LIMIT:
    case PACTE_PH_VALUE:
    case PACTE_PH_PARAM:
      return TRUE;
    case PACTE_PH_LITERAL:
    case PACTE_PH_PLAN:
    case PACTE_PH_PHASE:
    case PACTE_PH_TODAY:
    case PACTE_PH_QUARTER:
    case PACTE_PH_PARTNER:
    case PACTE_PH_ITEM:
    case PACTE_PH_DATE:
    case PACTE_PH_FAILED:
    case PACTE_PH_PLURAL:
    default:
      return FALSE;
    }
}

/* Compiles the inside of "{...}" (between open and close, excluded) into
 * segment: a placeholder "{name}", or a plural "{name|one|other}" whose
 * forms point into the template's source. */
static gboolean
placeholder_compile (const char   *open,
                     const char   *close,
                     PacteRule    *rule,
                     guint         available,
                     int           lang,
                     PacteSegment *segment,
                     const char   *path,
                     GError      **error)
{
  const char *bar = memchr (open + 1, '|', close - open - 1);
  g_autofree char *name = NULL;

  if (bar == NULL)
    {
      name = g_strndup (open + 1, close - open - 1);
      return resolve_placeholder (name, rule, available, &segment->kind, &segment->param, path, error);
    }
  {
    const char *bar2 = memchr (bar + 1, '|', close - bar - 1);

    name = g_strndup (open + 1, bar - open - 1);
    if (bar2 == NULL || memchr (bar2 + 1, '|', close - bar2 - 1) != NULL)
      return pacte_rules_fail (error, path, _("the plural {%s|…} must have exactly two forms, as in {%s|quarter|quarters}"), name, name);
    if (!resolve_placeholder (name, rule, available, &segment->of, &segment->param, path, error))
      return FALSE;
    if (!placeholder_is_number (segment->of))
      return pacte_rules_fail (error, path, _("the plural {%s|…} needs a number placeholder, and {%s} is not a number"), name, name);
    segment->kind = PACTE_PH_PLURAL;
    segment->text = bar + 1;
    segment->len = bar2 - bar - 1;
    segment->other = bar2 + 1;
    segment->other_len = close - bar2 - 1;
    segment->lang = lang;
  }
  return TRUE;
}

static gboolean
template_compile (const char    *source,
                        PacteRule     *rule,
                        guint          available,
                  int            lang,
                  PacteTemplate *tmpl,
                  const char    *path,
                  GError       **error)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (PacteSegment));
  const char *p;

  tmpl->source = g_strdup (source);
  p = tmpl->source;
  while (*p != '\0')
    {
      PacteSegment segment = { .kind = PACTE_PH_LITERAL, .text = p };
      const char *open = strchr (p, '{');

      if (open == NULL)
        {
          segment.len = strlen (p);
          g_array_append_val (segments, segment);
          break;
        }
      if (open > p)
        {
          segment.len = open - p;
          g_array_append_val (segments, segment);
        }
      if (open[1] == '{')
        {
          PacteSegment brace = { .kind = PACTE_PH_LITERAL, .text = open, .len = 1 };

          g_array_append_val (segments, brace);
          p = open + 2;
          continue;
        }
      {
        const char *close = strchr (open, '}');
        PacteSegment placeholder = { .kind = PACTE_PH_LITERAL };

        if (close == NULL)
          return pacte_rules_fail (error, path, _("a \"{\" is not closed (write \"{{\" for a brace)"));
        if (!placeholder_compile (open, close, rule, available, lang, &placeholder, path, error))
          return FALSE;
        g_array_append_val (segments, placeholder);
        p = close + 1;
      }
    }
  tmpl->n_segments = segments->len;
  tmpl->segments = (PacteSegment *) (void *) g_array_free (g_steal_pointer (&segments), FALSE);
  return TRUE;
}

typedef struct
{
  PacteRule     *rule;
  guint          available;
  PacteTemplate *out;
} TemplateData;

static gboolean
compile_one (const char *text,
             int         lang,
             const char *path,
             gpointer    user_data,
             GError    **error)
{
  TemplateData *data = user_data;

  return template_compile (text, data->rule, data->available, lang, &data->out[lang], path, error);
}

gboolean
pacte_templates_parse (JsonObject    *object,
                       const char    *member,
                       gboolean       required,
                       PacteRule     *rule,
                       guint          available,
                       PacteTemplate *out,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  TemplateData data = { rule, available, out };

  if (node == NULL)
    {
      g_autofree char *expected = pacte_texts_expected ();

      if (required)
        return pacte_rules_fail (error, here, _("missing; %s"), expected);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *expected = pacte_texts_expected ();

      return pacte_rules_fail (error, here, "%s", expected);
    }
  return pacte_texts_parse (json_node_get_object (node), FALSE, here, compile_one, &data, error);
}

