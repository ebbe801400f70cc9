/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-row.c: one row of the heat map (see the header): its cells,
 * their accessible names and tooltips, bound to a plan's live results. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-heat-cell.h"
#include "pacte-heat-row.h"
#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-light.h"
#include "pacte-report-format.h"
#include "pacte-rules-panel.h"

struct _PacteHeatRow
{
  GtkWidget                parent_instance;

  PacteOverview           *overview;  /* not owned: it owns the grid */
  PacteHeatRowKind         kind;
  const PacteHeatColumns  *columns;   /* the grid's */
  PactePlan               *plan;      /* bound (a reference), or NULL */
  guint                    position;
  PactePlanResults        *results;   /* the plan's (a reference) */
  gulong                   name_handler, score_handler;
  GtkWidget               *name, *score, *change;
  guint                    n_rules;
  GtkWidget              **cells;
  PacteRuleResult        **rule_results;  /* references */
  gulong                  *rule_handlers;
};

G_DEFINE_FINAL_TYPE (PacteHeatRow, pacte_heat_row, GTK_TYPE_WIDGET)

/* ---- names ------------------------------------------------------------ */

/* A cell's accessible name from its result. */
static char *
cell_name (PactePlan       *plan,
           PacteRuleResult *result)
{
  g_autofree char *word = g_utf8_strdown (pacte_light_status_word (pacte_rule_result_get_status (result)), -1);

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

/* ---- the plan's texts --------------------------------------------------- */

static void
update_name (PacteHeatRow *self)
{
  const char *name = _pacte_overview_plan_name (self->plan);

  gtk_label_set_label (GTK_LABEL (self->name), name);
  pacte_lazy_tooltip_set (self->name, name);
  /* The row reads as its plan (its cells say the rest). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_score (PacteHeatRow *self)
{
  int score = pacte_plan_results_get_score (self->results);
  g_autofree char *text = score >= 0 ? g_strdup_printf ("%d", score) : g_strdup ("–");
  g_autofree char *name = score >= 0 ? g_strdup_printf (_("Score %d out of 100"), score)
                                     : g_strdup (_("No score: every rule is switched off"));

  gtk_label_set_label (GTK_LABEL (self->score), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_change (PacteHeatRow *self)
{
  GtkLabel *label = GTK_LABEL (self->change);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  int change;

  if (self->plan == NULL || !_pacte_overview_plan_change (self->overview, self->plan, &change))
    {
      gtk_label_set_label (label, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->plan != NULL ? _("No review recorded") : "", -1);
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

static void
update_rule_cell (PacteHeatRow *self,
                  guint         rule)
{
  g_autofree char *name = cell_name (self->plan, self->rule_results[rule]);

  pacte_heat_cell_set_status (PACTE_HEAT_CELL (self->cells[rule]),
                              pacte_rule_result_get_status (self->rule_results[rule]), name, NULL);
}

static void
on_name_notify (PacteHeatRow *self)
{
  update_name (self);
  for (guint r = 0; r < self->n_rules; r++)
    update_rule_cell (self, r);
}

static void
on_rule_result_notify (PacteRuleResult *result,
                       GParamSpec      *pspec,
                       PacteHeatRow    *self)
{
  for (guint r = 0; r < self->n_rules; r++)
    if (self->rule_results[r] == result)
      update_rule_cell (self, r);
}

/* ---- the totals --------------------------------------------------------- */

static void
update_totals (PacteHeatRow *self)
{
  PacteAnalysis *analysis = self->overview->analysis;  /* not the getter: it takes the steps left */
  PacteContext *context = pacte_overview_get_context (self->overview);
  PacteRuleSet *rules = pacte_context_get_rules (context);
  guint n = pacte_analysis_get_n_plans (analysis);
  double average = pacte_analysis_get_average (analysis);
  g_autofree char *all = g_strdup_printf (ngettext ("All %u plan", "All %u plans", n), n);
  g_autofree char *avg = pacte_format_number (pacte_i18n_user_language (), average, 1);
  g_autofree char *avg_name = isnan (average) ? g_strdup (_("No average score"))
                                              : g_strdup_printf (_("Average score %s"), avg);

  gtk_label_set_label (GTK_LABEL (self->name), all);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, all, -1);
  gtk_label_set_label (GTK_LABEL (self->score), avg);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score), GTK_ACCESSIBLE_PROPERTY_LABEL, avg_name, -1);
  for (guint r = 0; r < self->n_rules; r++)
    {
      guint red = pacte_analysis_count (analysis, r, PACTE_STATUS_RED);
      guint amber = pacte_analysis_count (analysis, r, PACTE_STATUS_AMBER);
      guint green = pacte_analysis_count (analysis, r, PACTE_STATUS_GREEN);
      guint off = pacte_analysis_count (analysis, r, PACTE_STATUS_OFF);
      g_autofree char *text = g_strdup_printf ("■%u\n▲%u", red, amber);
      g_autofree char *rt = pacte_rules_panel_count_text (PACTE_STATUS_RED, red);
      g_autofree char *at = pacte_rules_panel_count_text (PACTE_STATUS_AMBER, amber);
      g_autofree char *gt = pacte_rules_panel_count_text (PACTE_STATUS_GREEN, green);
      g_autofree char *ot = pacte_rules_panel_count_text (PACTE_STATUS_OFF, off);
      /* Translators: a heat-map column total: "R04 Strong governance: 2 red, 3 amber, 2 green, 0 off" */
      g_autofree char *name = g_strdup_printf (_("%s %s: %s, %s, %s, %s"), pacte_rule_set_get_id (rules, r),
                                               pacte_rule_set_get_title (rules, r, pacte_context_get_language (context)),
                                               rt, at, gt, ot);

      pacte_heat_cell_set_text (PACTE_HEAT_CELL (self->cells[r]), text, name);
    }
}

/* ---- binding ------------------------------------------------------------ */

static void
unbind (PacteHeatRow *self)
{
  if (self->plan == NULL)
    return;
  g_clear_signal_handler (&self->name_handler, self->plan);
  g_clear_signal_handler (&self->score_handler, self->results);
  for (guint r = 0; r < self->n_rules; r++)
    {
      g_clear_signal_handler (&self->rule_handlers[r], self->rule_results[r]);
      g_clear_object (&self->rule_results[r]);
    }
  g_clear_object (&self->results);
  g_clear_object (&self->plan);
}

void
pacte_heat_row_bind (PacteHeatRow *self,
                     PactePlan    *plan,
                     guint         position)
{
  g_return_if_fail (PACTE_IS_HEAT_ROW (self) && self->kind == PACTE_HEAT_ROW_PLAN);

  self->position = position;
  if (plan == self->plan)
    return;
  unbind (self);
  if (plan == NULL)
    return;
  self->plan = g_object_ref (plan);
  self->results = g_object_ref (pacte_context_get_results (pacte_overview_get_context (self->overview), plan));
  update_name (self);
  update_score (self);
  update_change (self);
  for (guint r = 0; r < self->n_rules; r++)
    {
      self->rule_results[r] = g_object_ref (pacte_plan_results_get_result (self->results, r));
      update_rule_cell (self, r);
      self->rule_handlers[r] = g_signal_connect (self->rule_results[r], "notify", G_CALLBACK (on_rule_result_notify), self);
    }
  self->name_handler = g_signal_connect_swapped (plan, "notify::name", G_CALLBACK (on_name_notify), self);
  self->score_handler = g_signal_connect_swapped (self->results, "notify::score", G_CALLBACK (update_score), self);
}

PactePlan *
pacte_heat_row_get_plan (PacteHeatRow *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_ROW (self), NULL);
  return self->plan;
}

guint
pacte_heat_row_get_position (PacteHeatRow *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_ROW (self), 0);
  return self->position;
}

void
pacte_heat_row_update (PacteHeatRow *self)
{
  g_return_if_fail (PACTE_IS_HEAT_ROW (self));

  if (self->kind == PACTE_HEAT_ROW_TOTALS)
    update_totals (self);
  else if (self->kind == PACTE_HEAT_ROW_PLAN && self->plan != NULL)
    {
      update_score (self);
      update_change (self);
      for (guint r = 0; r < self->n_rules; r++)
        update_rule_cell (self, r);
    }
}

GtkWidget *
pacte_heat_row_get_cell (PacteHeatRow *self,
                         guint         rule)
{
  g_return_val_if_fail (PACTE_IS_HEAT_ROW (self), NULL);
  return self->cells != NULL && rule < self->n_rules ? self->cells[rule] : NULL;
}

int
pacte_heat_row_find_cell (PacteHeatRow *self,
                          GtkWidget    *widget)
{
  g_return_val_if_fail (PACTE_IS_HEAT_ROW (self), -1);

  for (guint r = 0; self->cells != NULL && r < self->n_rules; r++)
    if (widget == self->cells[r] || (widget != NULL && gtk_widget_is_ancestor (widget, self->cells[r])))
      return (int) r;
  return -1;
}

/* ---- cells' signals ----------------------------------------------------- */

static int
cell_index (PacteHeatRow *self,
            GtkWidget    *cell)
{
  for (guint r = 0; r < self->n_rules; r++)
    if (self->cells[r] == cell)
      return (int) r;
  return -1;
}

static void
on_cell_activate (GtkWidget    *cell,
                  PacteHeatRow *self)
{
  int r = cell_index (self, cell);

  if (self->plan != NULL && r >= 0)
    _pacte_overview_emit_plan (self->overview, self->plan,
                               pacte_rule_set_get_id (pacte_context_get_rules (pacte_overview_get_context (self->overview)),
                                                      (guint) r));
}

static gboolean
on_cell_query_tooltip (GtkWidget    *cell,
                       int           x,
                       int           y,
                       gboolean      keyboard,
                       GtkTooltip   *tooltip,
                       PacteHeatRow *self)
{
  int r = cell_index (self, cell);
  PacteRuleResult *result = r >= 0 && self->plan != NULL ? self->rule_results[r] : NULL;
  g_autofree char *text = NULL;

  if (result == NULL)
    return FALSE;
  text = g_strdup_printf ("%s %s: %s\n%s", pacte_rule_result_get_rule_id (result),
                          pacte_rule_result_get_title (result),
                          pacte_light_status_word (pacte_rule_result_get_status (result)),
                          pacte_rule_result_get_explanation (result));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A click on the plan's name, score or change opens the plan (a cell's
 * opens it on the cell's rule). */
static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PacteHeatRow    *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (self->plan != NULL && pacte_heat_row_find_cell (self, picked) < 0)
    _pacte_overview_emit_plan (self->overview, self->plan, NULL);
}

/* ---- widget ------------------------------------------------------------- */

static GtkWidget *
new_label (PacteHeatRow *self,
           const char   *text,
           double        xalign)
{
  GtkWidget *label;

  if (self->kind == PACTE_HEAT_ROW_TITLES)
    label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, NULL);
  else
    label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
pacte_heat_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PacteHeatRow *self = PACTE_HEAT_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->columns->x[self->columns->n];
      return;
    }
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, min);
    }
}

static void
pacte_heat_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PacteHeatRow *self = PACTE_HEAT_ROW (widget);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && i < self->columns->n;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_widget_size_allocate (child, &(GtkAllocation) { self->columns->x[i], 0,
                                                        self->columns->x[i + 1] - self->columns->x[i], height }, -1);
}

static void
pacte_heat_row_dispose (GObject *object)
{
  PacteHeatRow *self = PACTE_HEAT_ROW (object);
  GtkWidget *child;

  if (self->kind == PACTE_HEAT_ROW_PLAN)
    unbind (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->rule_results, g_free);
  g_clear_pointer (&self->rule_handlers, g_free);
  G_OBJECT_CLASS (pacte_heat_row_parent_class)->dispose (object);
}

static void
pacte_heat_row_class_init (PacteHeatRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_heat_row_dispose;
  widget_class->measure = pacte_heat_row_measure;
  widget_class->size_allocate = pacte_heat_row_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "heatrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
pacte_heat_row_init (PacteHeatRow *self)
{
}

GtkWidget *
pacte_heat_row_new (PacteOverview          *overview,
                    PacteHeatRowKind        kind,
                    const PacteHeatColumns *columns)
{
  PacteHeatRow *self = g_object_new (PACTE_TYPE_HEAT_ROW, NULL);
  PacteRuleSet *rules = pacte_context_get_rules (pacte_overview_get_context (overview));

  self->overview = overview;
  self->kind = kind;
  self->columns = columns;
  self->n_rules = pacte_rule_set_get_n_rules (rules);
  g_assert (columns->n == PACTE_HEAT_FIRST_RULE + self->n_rules);

  if (kind == PACTE_HEAT_ROW_TITLES)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "titles");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Heat map columns"), -1);
      self->name = new_label (self, _("Plan"), 0.0);
      self->score = new_label (self, _("Score"), 1.0);
      self->change = new_label (self, _("Change"), 1.0);
      for (guint r = 0; r < self->n_rules; r++)
        {
          GtkWidget *label = new_label (self, pacte_rule_set_get_id (rules, r), 0.5);
          g_autofree char *tip = g_strdup_printf ("%s %s", pacte_rule_set_get_id (rules, r),
                                                  pacte_rule_set_get_title (rules, r, pacte_context_get_language (pacte_overview_get_context (overview))));

          gtk_widget_set_margin_start (label, 0);
          gtk_widget_set_margin_end (label, 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
          pacte_lazy_tooltip_set (label, tip);
        }
      return GTK_WIDGET (self);
    }

  self->name = new_label (self, NULL, 0.0);
  self->score = new_label (self, NULL, 1.0);
  gtk_widget_add_css_class (self->score, "numeric");
  self->change = new_label (self, NULL, 1.0);
  self->cells = g_new0 (GtkWidget *, self->n_rules);
  self->rule_results = g_new0 (PacteRuleResult *, self->n_rules);
  self->rule_handlers = g_new0 (gulong, self->n_rules);
  for (guint r = 0; r < self->n_rules; r++)
    {
      self->cells[r] = pacte_heat_cell_new ();
      gtk_widget_set_parent (self->cells[r], GTK_WIDGET (self));
      if (kind == PACTE_HEAT_ROW_PLAN)
        {
          g_signal_connect (self->cells[r], "activate", G_CALLBACK (on_cell_activate), self);
          g_signal_connect (self->cells[r], "query-tooltip", G_CALLBACK (on_cell_query_tooltip), self);
        }
    }
  if (kind == PACTE_HEAT_ROW_TOTALS)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "totals");
      gtk_widget_add_css_class (self->name, "heading");
      update_totals (self);
    }
  else
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_widget_add_css_class (GTK_WIDGET (self), "plan");
      g_signal_connect (click, "released", G_CALLBACK (on_row_released), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    }
  return GTK_WIDGET (self);
}
