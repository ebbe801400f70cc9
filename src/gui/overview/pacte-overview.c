/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview.c: the overview's heat map (plans × rules), its totals,
 * the average score and its distribution (sorting and filtering:
 * pacte-overview-sort.c). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-heat-cell.h"
#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-light.h"
#include "pacte-name-sorter.h"
#include "pacte-overview-private.h"
#include "pacte-heat-grid.h"
#include "pacte-report-format.h"
#include "pacte-rules-panel.h"


G_DEFINE_FINAL_TYPE (PacteOverview, pacte_overview, GTK_TYPE_BOX)

enum { SIGNAL_PLAN_ACTIVATED, SIGNAL_OVERDUE_COUNTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------- */

const char *
_pacte_overview_plan_name (PactePlan *plan)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);

  return *name != '\0' ? name : _("Unnamed plan");
}

/* Computed when first asked for after a refresh (the rows in view, or a
 * sort by change): 2,000 plans' review history is not read for a frame. */
gboolean
_pacte_overview_plan_change (PacteOverview *self,
                             PactePlan     *plan,
                             int           *change)
{
  gpointer value;

  if (self->changes == NULL)
    return FALSE;
  if (!g_hash_table_lookup_extended (self->changes, plan, NULL, &value))
    {
      int computed = 0;

      value = GINT_TO_POINTER (0);  /* no review */
      if (pacte_plan_change_since_review (pacte_context_get_rules (self->context), plan,
                                          _pacte_overview_plan_score (self, plan), &computed))
        value = GINT_TO_POINTER (computed + NO_CHANGE);
      g_hash_table_insert (self->changes, plan, value);
    }
  if (GPOINTER_TO_INT (value) == 0)
    return FALSE;
  *change = GPOINTER_TO_INT (value) - NO_CHANGE;
  return TRUE;
}

int
_pacte_overview_plan_score (PacteOverview *self,
                            PactePlan     *plan)
{
  return pacte_plan_results_get_score (pacte_context_get_results (self->context, plan));
}

void
_pacte_overview_emit_plan (PacteOverview *self,
                           PactePlan     *plan,
                           const char    *rule_id)
{
  g_signal_emit (self, signals[SIGNAL_PLAN_ACTIVATED], 0, plan, rule_id);
}

static void
on_search_changed (PacteOverview  *self,
                   GtkSearchEntry *entry)
{
  if (self->setting_search)
    return;
  pacte_overview_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_sort_selected (PacteOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_drop);

  if (selected != GTK_INVALID_LIST_POSITION && selected != (guint) self->sort)
    pacte_overview_set_sort (self, selected);
}

static void
on_phase_selected (PacteOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_drop);
  const char *phase = selected > 0 && selected != GTK_INVALID_LIST_POSITION ? pacte_phases[selected - 1] : NULL;

  if (g_strcmp0 (phase, self->phase) != 0)
    pacte_overview_set_phase_filter (self, phase);
}

static void
on_segment_selected (PacteOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->segment_drop);
  const char *segment = selected > 0 && selected != GTK_INVALID_LIST_POSITION ? pacte_segments[selected - 1] : NULL;

  if (g_strcmp0 (segment, self->segment) != 0)
    pacte_overview_set_segment_filter (self, segment);
}

/* ---- the figures ------------------------------------------------------ */

static void
draw_histogram (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  PacteOverview *self = user_data;
  GdkRGBA color;
  guint max = 1;
  double bar;

  if (self->analysis == NULL)
    return;
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    max = MAX (max, pacte_analysis_get_bucket (self->analysis, b));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bar = (double) width / PACTE_ANALYSIS_N_BUCKETS;
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    {
      double h = (height - 2) * pacte_analysis_get_bucket (self->analysis, b) / max;

      /* Low scores in red, middle amber, high green, as the lights. */
      if (b < 4)
        cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
      else if (b < 7)
        cairo_set_source_rgb (cr, 0xf5 / 255.0, 0xc2 / 255.0, 0x11 / 255.0);
      else
        cairo_set_source_rgb (cr, 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0);
      cairo_rectangle (cr, b * bar + 1, height - 1 - h, bar - 2, h);
      cairo_fill (cr);
    }
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_rectangle (cr, 0, height - 1, width, 1);
  cairo_fill (cr);
}

static void
update_summary (PacteOverview *self)
{
  guint n = pacte_analysis_get_n_plans (self->analysis);
  double average = pacte_analysis_get_average (self->analysis);
  const char *ui_lang = pacte_i18n_user_language ();
  g_autofree char *avg = pacte_format_number (ui_lang, average, 1);
  g_autofree char *n_text = pacte_format_number (ui_lang, n, 0);
  /* Translators: %s is a count with its digit groups ("2 000" / "2,000"). */
  g_autofree char *plans = g_strdup_printf (ngettext ("%s plan", "%s plans", n), n_text);
  g_autofree char *text = NULL;
  GString *histogram = g_string_new (_("Scores:"));
  guint overdue = self->overdue_stale ? 0 : self->n_overdue;

  if (isnan (average))
    text = g_strdup (plans);
  else if (overdue > 0)
    {
      g_autofree char *overdue_text = pacte_format_number (ui_lang, overdue, 0);
      /* Translators: %s is a count with its digit groups ("10 678" / "10,678"). */
      g_autofree char *late = g_strdup_printf (ngettext ("%s item overdue", "%s items overdue", overdue), overdue_text);

      /* Translators: "7 plans · average score 60,7 · 2 items overdue" */
      text = g_strdup_printf (_("%s · average score %s · %s"), plans, avg, late);
    }
  else
    text = g_strdup_printf (_("%s · average score %s"), plans, avg);
  gtk_label_set_label (self->summary_label, text);

  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    {
      guint count = pacte_analysis_get_bucket (self->analysis, b);
      g_autofree char *count_text = pacte_format_number (ui_lang, count, 0);

      g_string_append_c (histogram, b == 0 ? ' ' : ',');
      if (b > 0)
        g_string_append_c (histogram, ' ');
      /* Translators: one bar of the score distribution: "2 plans from 60 to
       * 69"; the count has its digit groups ("1 250" / "1,250"). */
      g_string_append_printf (histogram, ngettext ("%s plan from %u to %u", "%s plans from %u to %u", count),
                              count_text, b * 10, b == PACTE_ANALYSIS_N_BUCKETS - 1 ? 100 : b * 10 + 9);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->histogram), histogram->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram), GTK_ACCESSIBLE_PROPERTY_LABEL, histogram->str, -1);
  g_string_free (histogram, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
}

/* The Fix First and Agenda pages are rebuilt when shown (their rows cost
 * more than the figures); a refresh marks them stale. */
static void
update_pages (PacteOverview *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if (visible == self->fix_first_page && self->fix_first_stale)
    {
      _pacte_overview_fix_first_update (self, self->fix_first_page);
      self->fix_first_stale = FALSE;
    }
  if (visible == self->agenda_page && self->agenda_stale)
    {
      _pacte_overview_agenda_update (self, self->agenda_page);
      self->agenda_stale = FALSE;
    }
}

/* The summary's count of overdue items reads every plan's dates (30 ms
 * for 2,000 plans): counted in an idle after the frame that shows the
 * refreshed figures, or when asked for. */
static void
count_overdue (PacteOverview *self)
{
  self->n_overdue = pacte_agenda_count_overdue_at (pacte_context_get_portfolio (self->context),
                                                   pacte_context_get_today (self->context));
  self->overdue_stale = FALSE;
  g_signal_emit (self, signals[SIGNAL_OVERDUE_COUNTED], 0, self->n_overdue);
}

guint
pacte_overview_count_overdue (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), 0);

  if (self->overdue_stale)
    {
      count_overdue (self);
      update_summary (self);
    }
  return self->n_overdue;
}

void
pacte_overview_set_overdue_count (PacteOverview *self,
                                  guint          n_overdue)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));

  g_clear_handle_id (&self->overdue_id, g_source_remove);
  self->n_overdue = n_overdue;
  self->overdue_stale = FALSE;
  if (self->analysis != NULL)
    update_summary (self);
  g_signal_emit (self, signals[SIGNAL_OVERDUE_COUNTED], 0, self->n_overdue);
}

static gboolean
overdue_idle (gpointer data)
{
  PacteOverview *self = data;

  self->overdue_id = 0;
  if (self->overdue_stale)
    {
      count_overdue (self);
      update_summary (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                PacteOverview *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  if (self->overdue_id == 0)
    self->overdue_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, overdue_idle, self, NULL);
}

/* After the next frame if shown; otherwise when mapped (or asked for). */
static void
schedule_overdue (PacteOverview *self)
{
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;

  if (clock != NULL && self->after_paint_id == 0 && self->overdue_id == 0)
    self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

/* A new overview shows its portfolio in three steps of the main loop
 * before its first frame, none of which stalls the loop long on 2,000
 * plans: pacte_overview_new() makes the widgets; an idle the figures
 * (analysis, summary, totals); another the order (filter and sort, with the
 * plans' name keys).  Then the frame lays out the rows in view.  The idles
 * run before the frame clock's paint (measured: at G_PRIORITY_HIGH_IDLE + 10
 * they ran after it in GTK 4.8, at the default priority before it). */
#define FIRST_STEPS_PRIORITY G_PRIORITY_DEFAULT

static void
set_order (PacteOverview *self)
{
  g_clear_handle_id (&self->order_id, g_source_remove);
  if (gtk_sort_list_model_get_sorter (self->sorted) != NULL)
    return;
  gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  gtk_sort_list_model_set_sorter (self->sorted, GTK_SORTER (self->sorter));
}

static gboolean
order_idle (gpointer data)
{
  PacteOverview *self = data;

  self->order_id = 0;
  set_order (self);
  return G_SOURCE_REMOVE;
}

static gboolean
figures_idle (gpointer data)
{
  PacteOverview *self = data;

  self->figures_id = 0;
  self->first_step = TRUE;
  pacte_overview_refresh (self);
  self->first_step = FALSE;
  return G_SOURCE_REMOVE;
}

/* What is asked for now is ready now: the steps left are taken at once. */
void
_pacte_overview_ensure_ready (PacteOverview *self)
{
  if (self->figures_id != 0)
    {
      g_clear_handle_id (&self->figures_id, g_source_remove);
      pacte_overview_refresh (self);
    }
  if (self->order_id != 0)
    set_order (self);
}

void
pacte_overview_refresh (PacteOverview *self)
{
  PactePortfolio *portfolio;
  PacteRuleSet *rules;
  GListModel *plans;
  g_autofree PacteStatus *statuses = NULL;
  guint n_rules;

  g_return_if_fail (PACTE_IS_OVERVIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->figures_id, g_source_remove);
  self->dirty = FALSE;
  portfolio = pacte_context_get_portfolio (self->context);
  rules = pacte_context_get_rules (self->context);
  n_rules = pacte_rule_set_get_n_rules (rules);
  statuses = g_new0 (PacteStatus, MAX (n_rules, 1));
  pacte_evaluator_flush (pacte_context_get_evaluator (self->context));

  g_clear_pointer (&self->analysis, pacte_analysis_free);
  self->analysis = pacte_analysis_new (rules);
  g_hash_table_remove_all (self->changes);
  /* The sort keys and search texts stay: names change through
   * on_portfolio_changed(), which drops them. */
  plans = pacte_portfolio_get_plans (portfolio);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      PactePlanResults *results = pacte_context_get_results (self->context, plan);
      int score = pacte_plan_results_get_score (results);

      for (guint r = 0; r < n_rules; r++)
        statuses[r] = pacte_rule_result_get_status (pacte_plan_results_get_result (results, r));
      pacte_analysis_add_plan (self->analysis, plan, statuses, score);
    }

  /* The agenda's items (15,000 for 2,000 plans) are made when its page is
   * shown; the summary only counts the overdue ones, after the frame. */
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->overdue_stale = TRUE;
  schedule_overdue (self);

  self->fix_first_stale = TRUE;
  self->agenda_stale = TRUE;
  update_summary (self);
  /* The first refresh gives the models their filter and order (sorted
   * once; made by pacte_overview_new(), in a step of its own); later ones
   * filter and sort again. */
  if (gtk_sort_list_model_get_sorter (self->sorted) == NULL)
    {
      if (!self->first_step)
        set_order (self);
      else if (self->order_id == 0)
        self->order_id = g_idle_add_full (FIRST_STEPS_PRIORITY, order_idle, self, NULL);
    }
  else
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }
  /* The totals and the rows in view show the new figures. */
  if (self->grid != NULL)
    pacte_heat_grid_update (PACTE_HEAT_GRID (self->grid));
  update_pages (self);
}

PacteAnalysis *
pacte_overview_get_analysis (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), NULL);
  _pacte_overview_ensure_ready (self);
  return self->analysis;
}

static gboolean
refresh_idle (gpointer data)
{
  PacteOverview *self = data;

  self->refresh_id = 0;
  pacte_overview_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Edits mark the figures stale; they are recomputed when the page shows. */
static void
on_portfolio_changed (PacteOverview *self)
{
  /* Names may have changed, plans come and go: keys are made again. */
  g_hash_table_remove_all (self->sort_keys);
  g_hash_table_remove_all (self->search_texts);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 200, refresh_idle, self, NULL);
}

static void
pacte_overview_map (GtkWidget *widget)
{
  PacteOverview *self = PACTE_OVERVIEW (widget);

  GTK_WIDGET_CLASS (pacte_overview_parent_class)->map (widget);
  if (self->dirty && self->figures_id == 0)
    pacte_overview_refresh (self);
  else if (self->overdue_stale)
    schedule_overdue (self);
}

static void
pacte_overview_unmap (GtkWidget *widget)
{
  PacteOverview *self = PACTE_OVERVIEW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
  GTK_WIDGET_CLASS (pacte_overview_parent_class)->unmap (widget);
}

/* ---- pages ------------------------------------------------------------ */

void
pacte_overview_show_page (PacteOverview *self,
                          const char    *name)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
  update_pages (self);
}

const char *
pacte_overview_get_page (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

PacteContext *
pacte_overview_get_context (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), NULL);
  return self->context;
}

static GtkDropDown *
choice_drop (const char         *all,
             const char * const *values,
             const char         *accessible)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkDropDown *drop;

  gtk_string_list_append (list, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, pacte_choice_display_name (values[i]));
  drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (list), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  pacte_lazy_tooltip_set (GTK_WIDGET (drop), accessible);
  return drop;
}

static GtkWidget *
build_heat_map (PacteOverview *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  const char * const sorts[] = {
    _("Worst first"), _("Best first"), _("Name"), _("Phase"), _("Change since review"), NULL
  };

  /* The figures: plans, average score, distribution. */
  gtk_widget_set_margin_start (figures, 12);
  gtk_widget_set_margin_end (figures, 12);
  gtk_widget_set_margin_top (figures, 6);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_box_append (GTK_BOX (figures), GTK_WIDGET (self->summary_label));
  self->histogram = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_width (self->histogram, 120);
  gtk_drawing_area_set_content_height (self->histogram, 28);
  gtk_drawing_area_set_draw_func (self->histogram, draw_histogram, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores"), -1);
  gtk_box_append (GTK_BOX (figures), GTK_WIDGET (self->histogram));
  gtk_box_append (GTK_BOX (page), figures);

  /* Sort and filter. */
  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_top (controls, 6);
  gtk_widget_set_margin_bottom (controls, 6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Filter by plan, owner or partner"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter plans by name, owner or partner"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->search_entry));
  self->phase_drop = choice_drop (_("All phases"), pacte_phases, _("Show the plans of one phase"));
  g_signal_connect_swapped (self->phase_drop, "notify::selected", G_CALLBACK (on_phase_selected), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->phase_drop));
  self->segment_drop = choice_drop (_("All segments"), pacte_segments, _("Show the plans of one segment"));
  g_signal_connect_swapped (self->segment_drop, "notify::selected", G_CALLBACK (on_segment_selected), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->segment_drop));
  self->sort_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort plans"), -1);
  pacte_lazy_tooltip_set (GTK_WIDGET (self->sort_drop), _("Sort plans"));
  g_signal_connect_swapped (self->sort_drop, "notify::selected", G_CALLBACK (on_sort_selected), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->sort_drop));
  gtk_box_append (GTK_BOX (page), controls);

  /* The model: the plans, filtered and sorted. */
  self->filter = gtk_custom_filter_new (_pacte_overview_filter_plan, self, NULL);
  self->sorter = gtk_custom_sorter_new (_pacte_overview_compare_plans, self, NULL);
  /* Without filter and order until the first refresh (which has the scores). */
  self->filtered = gtk_filter_list_model_new (g_object_ref (pacte_portfolio_get_plans (pacte_context_get_portfolio (self->context))),
                                              NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  /* The heat map: a row widget per plan in view (pacte-heat-grid.h). */
  self->grid = pacte_heat_grid_new (self, G_LIST_MODEL (self->sorted));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heat map of the plans and the golden rules"), -1);
  /* As wide as its columns: a narrow window scrolls the overview sideways. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (page), scrolled);
  return page;
}

/* ---- object ----------------------------------------------------------- */

static void
pacte_overview_dispose (GObject *object)
{
  PacteOverview *self = PACTE_OVERVIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->overdue_id, g_source_remove);
  g_clear_handle_id (&self->figures_id, g_source_remove);
  g_clear_handle_id (&self->order_id, g_source_remove);
  if (self->context != NULL)
    {
      PactePortfolio *portfolio = pacte_context_get_portfolio (self->context);

      g_signal_handlers_disconnect_by_data (portfolio, self);
      g_signal_handlers_disconnect_by_data (pacte_portfolio_get_plans (portfolio), self);
    }
  g_clear_object (&self->filtered);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  G_OBJECT_CLASS (pacte_overview_parent_class)->dispose (object);
}

static void
pacte_overview_finalize (GObject *object)
{
  PacteOverview *self = PACTE_OVERVIEW (object);

  g_clear_pointer (&self->analysis, pacte_analysis_free);
  g_clear_pointer (&self->agenda_shown, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->sort_keys, g_hash_table_unref);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_free (self->agenda_owner);
  g_free (self->search);
  g_free (self->phase);
  g_free (self->segment);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pacte_overview_parent_class)->finalize (object);
}

static void
pacte_overview_class_init (PacteOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_overview_dispose;
  object_class->finalize = pacte_overview_finalize;
  widget_class->map = pacte_overview_map;
  widget_class->unmap = pacte_overview_unmap;

  signals[SIGNAL_PLAN_ACTIVATED] =
    g_signal_new ("plan-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PACTE_TYPE_PLAN, G_TYPE_STRING);
  signals[SIGNAL_OVERDUE_COUNTED] =
    g_signal_new ("overdue-counted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
pacte_overview_init (PacteOverview *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->changes = g_hash_table_new (NULL, NULL);
  self->sort_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->sort = PACTE_OVERVIEW_SORT_WORST;
  self->overdue_stale = TRUE;  /* counted after the first frame */
}

GtkWidget *
pacte_overview_new (PacteContext *context)
{
  PacteOverview *self;
  GtkWidget *switcher;
  PactePortfolio *portfolio;

  g_return_val_if_fail (PACTE_IS_CONTEXT (context), NULL);

  self = g_object_new (PACTE_TYPE_OVERVIEW, NULL);
  self->context = g_object_ref (context);
  portfolio = pacte_context_get_portfolio (context);
  self->analysis = pacte_analysis_new (pacte_context_get_rules (context));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview pages"), -1);
  gtk_box_append (GTK_BOX (self), switcher);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  gtk_stack_add_titled (self->stack, build_heat_map (self), "heat-map", _("Heat Map"));
  self->fix_first_page = _pacte_overview_fix_first_new (self);
  gtk_stack_add_titled (self->stack, self->fix_first_page, "fix-first", _("Fix First"));
  self->agenda_page = _pacte_overview_agenda_new (self);
  gtk_stack_add_titled (self->stack, self->agenda_page, "agenda", _("Agenda"));

  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_pages), self);
  g_signal_connect_swapped (portfolio, "record-changed", G_CALLBACK (on_portfolio_changed), self);
  g_signal_connect_swapped (pacte_portfolio_get_plans (portfolio), "items-changed", G_CALLBACK (on_portfolio_changed), self);
  /* The figures and the order in the next steps (see FIRST_STEPS_PRIORITY). */
  self->dirty = TRUE;
  self->figures_id = g_idle_add_full (FIRST_STEPS_PRIORITY, figures_idle, self, NULL);
  return GTK_WIDGET (self);
}
