/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview-columns.c: the heat map's columns (plan, score, change and
 * one per rule) and their cells, bound to the slots of pacte-overview.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-heat-cell.h"
#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-light.h"
#include "pacte-overview-private.h"
#include "pacte-overview-slot.h"
#include "pacte-report-format.h"
#include "pacte-rules-panel.h"

typedef struct {
  PacteOverview *self;
  guint          rule;
} RuleColumn;

static char *
status_word_lower (PacteStatus status)
{
  return g_utf8_strdown (pacte_light_status_word (status), -1);
}

/* A cell's accessible name from its result. */
static char *
cell_name (PactePlan       *plan,
           PacteRuleResult *result)
{
  g_autofree char *word = status_word_lower (pacte_rule_result_get_status (result));

  /* Translators: a heat-map cell: plan, rule id, rule title, status, explanation:
   * "Ashford & Lowe, R04 Strong governance: amber — the body … has no meeting cadence" */
  return g_strdup_printf (_("%s, %s %s: %s — %s"), _pacte_overview_plan_name (plan),
                          pacte_rule_result_get_rule_id (result), pacte_rule_result_get_title (result),
                          word, pacte_rule_result_get_explanation (result));
}

char *
pacte_overview_cell_name (PacteContext *context,
                          PactePlan    *plan,
                          guint         rule_index)
{
  PacteRuleResult *result;

  g_return_val_if_fail (PACTE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), NULL);

  result = pacte_plan_results_get_result (pacte_context_get_results (context, plan), rule_index);
  g_return_val_if_fail (result != NULL, NULL);
  return cell_name (plan, result);
}

/* ---- cells ------------------------------------------------------------ */

static PactePlan *
item_plan (PacteOverview *self,
           GtkListItem   *item)
{
  /* The plan its slot holds; NULL for the totals row. */
  return pacte_overview_slot_item_plan (item);
}

static GtkWidget *
new_label (double xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static void
label_setup_start (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gtk_list_item_set_child (item, new_label (0.0));
}

/* Numbers: aligned to the end. */
static void
label_setup_end (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, new_label (1.0));
}

/* The name column. */
static void
update_name_label (GtkLabel  *label,
                   GParamSpec *pspec,
                   PactePlan  *plan)
{
  gtk_label_set_label (label, _pacte_overview_plan_name (plan));
}

static void
name_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PacteOverview            *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  PactePlan *plan = item_plan (self, item);

  gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
  if (plan == NULL)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("All %u plan", "All %u plans",
                                                         pacte_analysis_get_n_plans (self->analysis)),
                                               pacte_analysis_get_n_plans (self->analysis));

      gtk_label_set_label (label, text);
      gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      return;
    }
  update_name_label (label, NULL, plan);
  g_signal_connect_object (plan, "notify::name", G_CALLBACK (update_name_label), label, G_CONNECT_SWAPPED);
  pacte_lazy_tooltip_set (GTK_WIDGET (label), _pacte_overview_plan_name (plan));
}

static void
name_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PacteOverview            *self)
{
  PactePlan *plan = item_plan (self, item);

  if (plan != NULL)
    g_signal_handlers_disconnect_by_func (plan, update_name_label, gtk_list_item_get_child (item));
}

/* The score and change columns follow the plan's results. */
static void
update_score_label (GtkLabel         *label,
                    GParamSpec       *pspec,
                    PactePlanResults *results)
{
  int score = pacte_plan_results_get_score (results);
  g_autofree char *text = score >= 0 ? g_strdup_printf ("%d", score) : g_strdup ("–");
  g_autofree char *name = score >= 0 ? g_strdup_printf (_("Score %d out of 100"), score)
                                     : g_strdup (_("No score: every rule is switched off"));

  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
score_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PacteOverview            *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  PactePlan *plan = item_plan (self, item);
  PactePlanResults *results;

  gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
  if (plan == NULL)
    {
      double average = pacte_analysis_get_average (self->analysis);
      g_autofree char *text = pacte_format_number (pacte_i18n_user_language (), average, 1);
      g_autofree char *name = isnan (average) ? g_strdup (_("No average score"))
                                              : g_strdup_printf (_("Average score %s"), text);

      gtk_label_set_label (label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      return;
    }
  results = pacte_context_get_results (self->context, plan);
  update_score_label (label, NULL, results);
  g_signal_connect_object (results, "notify::score", G_CALLBACK (update_score_label), label, G_CONNECT_SWAPPED);
}

static void
score_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PacteOverview            *self)
{
  PactePlan *plan = item_plan (self, item);

  if (plan != NULL)
    g_signal_handlers_disconnect_by_func (pacte_context_get_results (self->context, plan), update_score_label,
                                          gtk_list_item_get_child (item));
}

static void
change_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PacteOverview            *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  PactePlan *plan = item_plan (self, item);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  int change;

  if (plan == NULL || !_pacte_overview_plan_change (self, plan, &change))
    {
      gtk_label_set_label (label, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      plan != NULL ? _("No review recorded") : "", -1);
      pacte_lazy_tooltip_set (GTK_WIDGET (label), NULL);
      return;
    }
  if (change > 0)
    {
      text = g_strdup_printf ("↑ %d", change);
      name = g_strdup_printf (ngettext ("Up %d point since the last review", "Up %d points since the last review", change), change);
    }
  else if (change < 0)
    {
      text = g_strdup_printf ("↓ %d", -change);
      name = g_strdup_printf (ngettext ("Down %d point since the last review", "Down %d points since the last review", -change), -change);
    }
  else
    {
      text = g_strdup ("=");
      name = g_strdup (_("Unchanged since the last review"));
    }
  gtk_label_set_label (label, text);
  pacte_lazy_tooltip_set (GTK_WIDGET (label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The rule columns.  A sort rebinds every row the view keeps (GTK 4.8
 * keeps up to 200, of which about 25 show): a cell's binding is kept cheap,
 * one handler on its result, and its tooltip made when asked for. */
typedef struct {
  PacteOverview   *self;
  guint            rule;
  PactePlan       *plan;     /* bound, or NULL */
  PacteRuleResult *result;   /* the plan's result for the rule (a reference) */
  gulong           handler;  /* its "notify" */
} RuleCell;

static void
rule_cell_free (gpointer data)
{
  RuleCell *rc = data;

  if (rc->result != NULL)
    g_clear_signal_handler (&rc->handler, rc->result);
  g_clear_object (&rc->result);
  g_clear_object (&rc->plan);
  g_free (rc);
}

static void
update_rule_cell (PacteHeatCell *cell,
                  GParamSpec    *pspec,
                  RuleCell      *rc)
{
  g_autofree char *name = cell_name (rc->plan, rc->result);

  pacte_heat_cell_set_status (cell, pacte_rule_result_get_status (rc->result), name, NULL);
}

static void
on_rule_result_notify (PacteRuleResult *result,
                       GParamSpec      *pspec,
                       PacteHeatCell   *cell)
{
  update_rule_cell (cell, pspec, g_object_get_data (G_OBJECT (cell), "rule-cell"));
}

static gboolean
on_rule_cell_query_tooltip (PacteHeatCell *cell,
                            int            x,
                            int            y,
                            gboolean       keyboard,
                            GtkTooltip    *tooltip,
                            RuleCell      *rc)
{
  g_autofree char *text = NULL;

  if (rc->result == NULL)
    return FALSE;
  text = g_strdup_printf ("%s %s: %s\n%s", pacte_rule_result_get_rule_id (rc->result),
                          pacte_rule_result_get_title (rc->result),
                          pacte_light_status_word (pacte_rule_result_get_status (rc->result)),
                          pacte_rule_result_get_explanation (rc->result));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_cell_activate (PacteHeatCell *cell,
                  RuleCell      *rc)
{
  if (rc->plan != NULL)
    _pacte_overview_emit_plan (rc->self, rc->plan,
                               pacte_rule_set_get_id (pacte_context_get_rules (rc->self->context), rc->rule));
}

static void
rule_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            RuleColumn               *column)
{
  GtkWidget *cell = pacte_heat_cell_new ();
  RuleCell *rc = g_new0 (RuleCell, 1);

  rc->self = column->self;
  rc->rule = column->rule;
  g_object_set_data_full (G_OBJECT (cell), "rule-cell", rc, rule_cell_free);
  g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate), rc);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_rule_cell_query_tooltip), rc);
  gtk_list_item_set_child (item, cell);
}

static void
rule_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RuleColumn               *column)
{
  PacteOverview *self = column->self;
  PacteHeatCell *cell = PACTE_HEAT_CELL (gtk_list_item_get_child (item));
  RuleCell *rc = g_object_get_data (G_OBJECT (cell), "rule-cell");
  PactePlan *plan = item_plan (self, item);

  if (plan == NULL)
    {
      PacteRuleSet *rules = pacte_context_get_rules (self->context);
      guint red = pacte_analysis_count (self->analysis, column->rule, PACTE_STATUS_RED);
      guint amber = pacte_analysis_count (self->analysis, column->rule, PACTE_STATUS_AMBER);
      guint green = pacte_analysis_count (self->analysis, column->rule, PACTE_STATUS_GREEN);
      guint off = pacte_analysis_count (self->analysis, column->rule, PACTE_STATUS_OFF);
      g_autofree char *text = g_strdup_printf ("■%u\n▲%u", red, amber);
      g_autofree char *r = pacte_rules_panel_count_text (PACTE_STATUS_RED, red);
      g_autofree char *a = pacte_rules_panel_count_text (PACTE_STATUS_AMBER, amber);
      g_autofree char *g = pacte_rules_panel_count_text (PACTE_STATUS_GREEN, green);
      g_autofree char *o = pacte_rules_panel_count_text (PACTE_STATUS_OFF, off);
      /* Translators: a heat-map column total: "R04 Strong governance: 2 red, 3 amber, 2 green, 0 off" */
      g_autofree char *name = g_strdup_printf (_("%s %s: %s, %s, %s, %s"),
                                               pacte_rule_set_get_id (rules, column->rule),
                                               pacte_rule_set_get_title (rules, column->rule,
                                                                         pacte_context_get_language (self->context)),
                                               r, a, g, o);

      pacte_heat_cell_set_text (cell, text, name);
      return;
    }
  rc->plan = g_object_ref (plan);
  rc->result = g_object_ref (pacte_plan_results_get_result (pacte_context_get_results (self->context, plan), column->rule));
  update_rule_cell (cell, NULL, rc);
  rc->handler = g_signal_connect (rc->result, "notify", G_CALLBACK (on_rule_result_notify), cell);
}

static void
rule_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RuleColumn               *column)
{
  RuleCell *rc = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "rule-cell");

  if (rc->result != NULL)
    g_clear_signal_handler (&rc->handler, rc->result);
  g_clear_object (&rc->result);
  g_clear_object (&rc->plan);
}

static GtkColumnViewColumn *
add_column (PacteOverview *self,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            GCallback      unbind,
            gpointer       data,
            GClosureNotify destroy_data)
{
  GtkListItemFactory *factory = pacte_overview_slot_factory_new (self->slot_queue, setup, bind, unbind, data, destroy_data);
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}


void
_pacte_overview_add_columns (PacteOverview *self,
                             PacteRuleSet  *rules)
{
  GtkColumnViewColumn *column;

  column = add_column (self, _("Plan"), G_CALLBACK (label_setup_start), G_CALLBACK (name_bind),
                       G_CALLBACK (name_unbind), self, NULL);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, 150);
  /* No phase column: the sixteen lights need the room (the lists show the
   * phase; the overview sorts and filters by it). */
  column = add_column (self, _("Score"), G_CALLBACK (label_setup_end), G_CALLBACK (score_bind),
                       G_CALLBACK (score_unbind), self, NULL);
  gtk_column_view_column_set_fixed_width (column, 56);
  column = add_column (self, _("Change"), G_CALLBACK (label_setup_end), G_CALLBACK (change_bind), NULL, self, NULL);
  gtk_column_view_column_set_fixed_width (column, 64);

  for (guint r = 0; r < pacte_rule_set_get_n_rules (rules); r++)
    {
      RuleColumn *data = g_new0 (RuleColumn, 1);

      data->self = self;
      data->rule = r;
      column = add_column (self, pacte_rule_set_get_id (rules, r), G_CALLBACK (rule_setup), G_CALLBACK (rule_bind),
                           G_CALLBACK (rule_unbind), data, (GClosureNotify) (void (*) (void)) g_free);
      gtk_column_view_column_set_fixed_width (column, 30);
    }

}
