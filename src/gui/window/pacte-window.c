/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-light.h"
#include "pacte-list-search.h"
#include "pacte-window-private.h"
#include "pacte-frame-memory.h"
#include "pacte-window-csv.h"
#include "pacte-accessible.h"

#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"

G_DEFINE_FINAL_TYPE (PacteWindow, pacte_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN_SORT,
  PROP_PARTNER_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- showing an item ------------------------------------------------ */

/* With nothing shown: "No Plans Yet" (or "No Partners Yet") with its Add
 * button when the list in view is empty in the document, else "Nothing
 * Selected".  A search that hides every item is not an empty list. */
static void
update_nothing_page (PacteWindow *self)
{
  const char *page = "none";

  if (self->plan != NULL || self->partner != NULL)
    return;
  /* The overview stays until a plan or partner is chosen (also while it
   * is being made, after an open). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "overview") == 0 && self->overview_page != NULL)
    return;
  if (self->context != NULL)
    {
      PactePortfolio *doc = pacte_context_get_portfolio (self->context);

      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "partners") == 0)
        {
          if (g_list_model_get_n_items (pacte_portfolio_get_partners (doc)) == 0)
            page = "no-partners";
        }
      else if (g_list_model_get_n_items (pacte_portfolio_get_plans (doc)) == 0)
        page = "no-plans";
    }
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
show_nothing (PacteWindow *self)
{
  g_clear_object (&self->plan);
  g_clear_object (&self->partner);
  pacte_rules_panel_set_plan (self->rules_panel, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_toggle), FALSE);
  update_nothing_page (self);
  _pacte_window_update_actions (self);
}

/* The editors are built when first needed, not at open: a portfolio opens
 * on its overview. */
static GtkWidget *
ensure_editor (PacteWindow  *self,
               GtkWidget   **editor,
               GtkBox       *box,
               GtkWidget   *(*new_editor) (PacteContext *context))
{
  if (*editor == NULL && self->context != NULL)
    {
      *editor = new_editor (self->context);
      gtk_widget_set_vexpand (*editor, TRUE);
      gtk_box_append (box, *editor);
    }
  return *editor;
}

static GtkWidget *
ensure_plan_editor (PacteWindow *self)
{
  return ensure_editor (self, &self->plan_editor, self->plan_editor_box, pacte_plan_editor_new);
}

static GtkWidget *
ensure_partner_editor (PacteWindow *self)
{
  return ensure_editor (self, &self->partner_editor, self->partner_editor_box, pacte_partner_editor_new);
}

static void
show_plan (PacteWindow *self,
           PactePlan   *plan)
{
  g_clear_object (&self->partner);
  g_set_object (&self->plan, plan);
  if (ensure_plan_editor (self) != NULL)
    pacte_plan_editor_set_plan (PACTE_PLAN_EDITOR (self->plan_editor), plan);
  pacte_rules_panel_set_plan (self->rules_panel, plan);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_toggle), TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  _pacte_window_update_actions (self);
}

static void
show_partner (PacteWindow  *self,
              PactePartner *partner)
{
  g_clear_object (&self->plan);
  g_set_object (&self->partner, partner);
  if (ensure_partner_editor (self) != NULL)
    pacte_partner_editor_set_partner (PACTE_PARTNER_EDITOR (self->partner_editor), partner);
  pacte_rules_panel_set_plan (self->rules_panel, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_toggle), FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "partner");
  _pacte_window_update_actions (self);
}

/* Shows the editor when the leaflet is folded.  The leaflet moves the focus
 * into the page it shows; side by side, choosing in the list keeps the focus
 * in the list (a key typed next must not land in the item's name). */
static void
navigate_to_content (PacteWindow *self)
{
  g_autoptr(GtkWidget) focus = NULL;

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL)
    g_object_ref (focus);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) &&
      gtk_root_get_focus (GTK_ROOT (self)) != focus)
    gtk_widget_grab_focus (focus);
}

static gboolean select_in (GtkSingleSelection *selection,
                           gpointer            item);

/* The lists select again what the editor shows. */
static void
restore_selection (PacteWindow *self)
{
  if (self->plan != NULL)
    select_in (self->plan_selection, self->plan);
  else
    gtk_single_selection_set_selected (self->plan_selection, GTK_INVALID_LIST_POSITION);
  if (self->partner != NULL)
    select_in (self->partner_selection, self->partner);
  else
    gtk_single_selection_set_selected (self->partner_selection, GTK_INVALID_LIST_POSITION);
}

static void
on_plan_selected (PacteWindow *self)
{
  PactePlan *plan = gtk_single_selection_get_selected_item (self->plan_selection);

  /* Losing the selection to the search filter keeps the editor as it is. */
  if (plan == NULL || plan == self->plan)
    return;
  if (_pacte_window_ask_leave_rejected (self, G_OBJECT (plan)))
    {
      /* Stay until the user answers. */
      restore_selection (self);
      return;
    }
  gtk_single_selection_set_selected (self->partner_selection, GTK_INVALID_LIST_POSITION);
  show_plan (self, plan);
  navigate_to_content (self);
}

static void
on_partner_selected (PacteWindow *self)
{
  PactePartner *partner = gtk_single_selection_get_selected_item (self->partner_selection);

  if (partner == NULL || partner == self->partner)
    return;
  if (_pacte_window_ask_leave_rejected (self, G_OBJECT (partner)))
    {
      restore_selection (self);
      return;
    }
  gtk_single_selection_set_selected (self->plan_selection, GTK_INVALID_LIST_POSITION);
  show_partner (self, partner);
  navigate_to_content (self);
}

static void
on_plan_view_activate (PacteWindow *self,
                       guint        position)
{
  gtk_single_selection_set_selected (self->plan_selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_partner_view_activate (PacteWindow *self,
                          guint        position)
{
  gtk_single_selection_set_selected (self->partner_selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
list_contains (GListModel *list,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

/* An undo or a removal may take away the item being edited. */
/* "No Results" in place of a list whose search hides every item; a list
 * that is empty in the document stays a list (the content shows "No Plans
 * Yet" or "No Partners Yet"). */
static void
update_list_stack (GtkStack         *stack,
                   GtkSortListModel *sorted)
{
  GListModel *all = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted)));
  gboolean no_results = all != NULL && g_list_model_get_n_items (all) > 0
                        && g_list_model_get_n_items (G_LIST_MODEL (sorted)) == 0;

  gtk_stack_set_visible_child_name (stack, no_results ? "no-results" : "list");
}

static void
update_list_stacks (PacteWindow *self)
{
  update_list_stack (self->plan_list_stack, self->plan_sorted);
  update_list_stack (self->partner_list_stack, self->partner_sorted);
}

static void
on_records_changed (PacteWindow *self,
                    guint        position,
                    guint        removed,
                    guint        added,
                    GListModel  *list)
{
  if (self->context == NULL)
    return;
  self->prepared_overdue = -1;
  update_nothing_page (self);
  /* A change that the search hides entirely does not reach the lists. */
  update_list_stacks (self);
  if (removed == 0)
    return;
  if (self->plan != NULL && list == pacte_portfolio_get_plans (pacte_context_get_portfolio (self->context)) &&
      !list_contains (list, self->plan))
    show_nothing (self);
  else if (self->partner != NULL &&
           list == pacte_portfolio_get_partners (pacte_context_get_portfolio (self->context)) &&
           !list_contains (list, self->partner))
    show_nothing (self);
}

static void
on_back_clicked (PacteWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- the document --------------------------------------------------- */

static void
on_portfolio_state_changed (PacteWindow *self)
{
  _pacte_window_update_title (self);
  _pacte_window_update_actions (self);
}

static void
clear_editor (GtkBox     *box,
              GtkWidget **editor)
{
  if (*editor != NULL)
    gtk_box_remove (box, *editor);
  *editor = NULL;
}

/* later: a new portfolio takes its place, and the old one goes in a
 * thread of its own (pacte_context_release_in_thread). */
static void
drop_document (PacteWindow *self,
               gboolean     later)
{
  if (self->context == NULL)
    return;

  g_signal_handlers_disconnect_by_data (pacte_context_get_portfolio (self->context), self);
  g_signal_handlers_disconnect_by_data (pacte_portfolio_get_plans (pacte_context_get_portfolio (self->context)), self);
  g_signal_handlers_disconnect_by_data (pacte_portfolio_get_partners (pacte_context_get_portfolio (self->context)), self);
  _pacte_window_steps_cancel (self);
  show_nothing (self);
  _pacte_window_lists_set_plans (self, NULL, NULL);
  _pacte_window_lists_set_partners (self, NULL, NULL);
  pacte_rules_panel_set_context (self->rules_panel, NULL);
  _pacte_window_overview_detach (self);
  clear_editor (self->plan_editor_box, &self->plan_editor);
  clear_editor (self->partner_editor_box, &self->partner_editor);
  if (later)
    pacte_context_release_in_thread (g_steal_pointer (&self->context));
  else
    g_clear_object (&self->context);
}

void
pacte_window_set_portfolio (PacteWindow    *self,
                            PactePortfolio *portfolio)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (PACTE_IS_PORTFOLIO (portfolio));

  pacte_document_set_portfolio (self->document, portfolio);
}

void
_pacte_window_show_portfolio (PacteWindow    *self,
                              PactePortfolio *portfolio)
{
  PactePortfolio *doc;
  g_autoptr(PacteContext) context = NULL;
  g_autoptr(PacteLoadPrepared) prepared = NULL;
  gboolean many;

  if (portfolio != NULL && self->context != NULL && pacte_context_get_portfolio (self->context) == portfolio)
    return;
  self->prepared_overdue = -1;
  if (portfolio != NULL)
    {
      /* Loaded here: every plan was evaluated in the worker thread, for
       * the date and language of now (unless they changed since). */
      prepared = pacte_document_take_prepared (self->document, portfolio);
      if (prepared != NULL && prepared->rules == _pacte_window_get_rules (self) &&
          prepared->today == _pacte_window_get_today (self) &&
          g_strcmp0 (prepared->lang, pacte_i18n_user_language ()) == 0)
        {
          context = pacte_context_new_adopting (prepared, self->settings);
          self->prepared_overdue = (int) MIN (prepared->n_overdue, G_MAXINT);
        }
      else
        context = pacte_context_new (portfolio, _pacte_window_get_rules (self), self->settings, self->today);
    }
  drop_document (self, portfolio != NULL);
  if (portfolio == NULL)
    {
      if (gtk_widget_get_parent (self->document_page) != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "empty");
      _pacte_window_update_title (self);
      _pacte_window_update_actions (self);
      return;
    }
  self->context = g_steal_pointer (&context);
  if (gtk_widget_get_parent (self->document_page) == NULL)
    gtk_stack_add_named (self->main_stack, self->document_page, "document");
  doc = pacte_context_get_portfolio (self->context);

  g_signal_connect_swapped (doc, "notify::modified", G_CALLBACK (on_portfolio_state_changed), self);
  g_signal_connect_swapped (doc, "notify::file", G_CALLBACK (on_portfolio_state_changed), self);
  g_signal_connect_swapped (doc, "notify::can-undo", G_CALLBACK (_pacte_window_update_history), self);
  g_signal_connect_swapped (doc, "notify::can-redo", G_CALLBACK (_pacte_window_update_history), self);
  g_signal_connect_swapped (doc, "notify::undo-label", G_CALLBACK (_pacte_window_update_history), self);
  g_signal_connect_swapped (doc, "notify::redo-label", G_CALLBACK (_pacte_window_update_history), self);
  g_signal_connect_swapped (pacte_portfolio_get_plans (doc), "items-changed", G_CALLBACK (on_records_changed), self);
  g_signal_connect_swapped (pacte_portfolio_get_partners (doc), "items-changed", G_CALLBACK (on_records_changed), self);

  g_signal_connect_swapped (doc, "record-changed", G_CALLBACK (_pacte_window_lists_record_changed), self);

  pacte_rules_panel_set_context (self->rules_panel, self->context);
  _pacte_window_overview_attach (self);

  gtk_editable_set_text (GTK_EDITABLE (self->plan_search), "");
  gtk_editable_set_text (GTK_EDITABLE (self->partner_search), "");
  g_clear_pointer (&self->plan_words, g_strfreev);
  g_clear_pointer (&self->partner_words, g_strfreev);
  _pacte_window_apply_search (self->plan_sorted, self->plan_filter, NULL);
  _pacte_window_apply_search (self->partner_sorted, self->partner_filter, NULL);
  /* The plans now, their first rows in the next frame; the partners and
   * the overview each in a turn of the main loop after it. */
  _pacte_window_lists_set_plans (self, doc, prepared != NULL ? prepared->plans_by_name : NULL);
  gtk_single_selection_set_selected (self->plan_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->partner_selection, GTK_INVALID_LIST_POSITION);
  many = g_list_model_get_n_items (G_LIST_MODEL (self->plan_sorted)) > 1;
  _pacte_window_steps_start (self, prepared != NULL ? prepared->partners_by_name : NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  /* A portfolio opens on its overview; a file of one plan on that plan
   * (an overview of one row says less than the plan's own page). */
  if (many)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "plans");
      _pacte_window_overview_show_page (self, "heat-map", FALSE);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->plan_sorted)) > 0)
    {
      g_autoptr(PactePlan) first = g_list_model_get_item (G_LIST_MODEL (self->plan_sorted), 0);

      /* Shown first, so that selecting it does not leave the list when folded. */
      adw_view_stack_set_visible_child_name (self->view_stack, "plans");
      show_plan (self, first);
      gtk_single_selection_set_selected (self->plan_selection, 0);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }
  else if (g_list_model_get_n_items (pacte_portfolio_get_plans (doc)) == 0 &&
           g_list_model_get_n_items (pacte_portfolio_get_partners (doc)) > 0)
    {
      _pacte_window_steps_finish (self);
      adw_view_stack_set_visible_child_name (self->view_stack, "partners");
    }

  update_nothing_page (self);
  _pacte_window_update_title (self);
  _pacte_window_update_actions (self);
  /* With an overview, when it is made. */
  if (!many)
    _pacte_window_overview_opened (self);
}

/* ---- object --------------------------------------------------------- */

/* The rules, parsed when the first document needs them (not before the
 * empty window's first frame). */
PacteRuleSet *
_pacte_window_get_rules (PacteWindow *self)
{
  if (self->rules == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self->rules = g_object_ref (PACTE_IS_APPLICATION (app)
                                  ? pacte_application_get_rules (PACTE_APPLICATION (app))
                                  : pacte_rule_set_get_default ());
    }
  return self->rules;
}

void
pacte_window_set_rules (PacteWindow  *self,
                        PacteRuleSet *rules)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (PACTE_IS_RULE_SET (rules));

  g_set_object (&self->rules, rules);
}

/* After construction: "application" is not a construct property. */
static void
use_application (PacteWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (PACTE_IS_APPLICATION (app))
    {
      GSettings *settings = pacte_application_get_settings (PACTE_APPLICATION (app));

      if (settings != NULL)
        self->settings = g_object_ref (settings);
    }

  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 360));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
pacte_window_constructed (GObject *object)
{
  PacteWindow *self = PACTE_WINDOW (object);

  G_OBJECT_CLASS (pacte_window_parent_class)->constructed (object);

  _pacte_window_update_title (self);
  _pacte_window_update_actions (self);
}

static void
pacte_window_dispose (GObject *object)
{
  PacteWindow *self = PACTE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _pacte_window_progress_dispose (self);
  _pacte_window_life_dispose (self);
  drop_document (self, FALSE);
  g_clear_object (&self->plan);
  g_clear_object (&self->partner);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, update_nothing_page, self);
  if (self->plan_sorted != NULL)
    g_signal_handlers_disconnect_by_func (self->plan_sorted, update_list_stacks, self);
  if (self->partner_sorted != NULL)
    g_signal_handlers_disconnect_by_func (self->partner_sorted, update_list_stacks, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_WINDOW);
  g_clear_object (&self->document_page);
  g_clear_object (&self->plan_selection);
  g_clear_object (&self->partner_selection);
  g_clear_object (&self->plan_filter);
  g_clear_object (&self->partner_filter);
  g_clear_pointer (&self->plan_words, g_strfreev);
  g_clear_pointer (&self->partner_words, g_strfreev);
  g_clear_object (&self->plan_sorted);
  g_clear_object (&self->partner_sorted);
  g_clear_object (&self->plan_growing);
  g_clear_object (&self->partner_growing);
  g_clear_object (&self->settings);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (pacte_window_parent_class)->dispose (object);
}

static void
pacte_window_finalize (GObject *object)
{
  PacteWindow *self = PACTE_WINDOW (object);

  g_free (self->plan_sort);
  g_free (self->partner_sort);
  g_free (self->undo_label);
  g_free (self->redo_label);
  G_OBJECT_CLASS (pacte_window_parent_class)->finalize (object);
}

static void
pacte_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PacteWindow *self = PACTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN_SORT:
      g_value_set_string (value, self->plan_sort);
      break;
    case PROP_PARTNER_SORT:
      g_value_set_string (value, self->partner_sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PacteWindow *self = PACTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN_SORT:
      _pacte_window_set_sort (self, &self->plan_sort, g_value_get_string (value), pspec);
      break;
    case PROP_PARTNER_SORT:
      _pacte_window_set_sort (self, &self->partner_sort, g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_window_class_init (PacteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pacte_window_constructed;
  object_class->dispose = pacte_window_dispose;
  object_class->finalize = pacte_window_finalize;
  object_class->get_property = pacte_window_get_property;
  object_class->set_property = pacte_window_set_property;
  window_class->close_request = _pacte_window_close_request;

  properties[PROP_PLAN_SORT] =
    g_param_spec_string ("plan-sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_SORT] =
    g_param_spec_string ("partner-sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PACTE_TYPE_RULES_PANEL);
  g_type_ensure (PACTE_TYPE_LIGHT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, plan_search);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, partner_search);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, plan_list_stack);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, partner_list_stack);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, partner_view);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, rules_toggle);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, plan_flap);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, plan_editor_box);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, partner_editor_box);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, rules_panel);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, PacteWindow, recent_menu);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_plan_search_changed",
                                                G_CALLBACK (_pacte_window_on_plan_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_partner_search_changed",
                                                G_CALLBACK (_pacte_window_on_partner_search_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_plan_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_rule_activated", G_CALLBACK (_pacte_window_on_rule_activated));

  gtk_widget_class_install_property_action (widget_class, "win.sort-plans", "plan-sort");
  gtk_widget_class_install_property_action (widget_class, "win.sort-partners", "partner-sort");
  _pacte_window_class_add_document_actions (widget_class);
  _pacte_window_class_add_overview_actions (widget_class);
  _pacte_window_class_add_progress_actions (widget_class);
  _pacte_window_class_add_settings_actions (widget_class);
  _pacte_window_class_add_export_actions (widget_class);
  _pacte_window_install_calendar_actions (widget_class);
  _pacte_window_class_add_csv_actions (widget_class);
}

static void
setup_list (PacteWindow         *self,
            GType                type,
            GtkSorter           *sorter,
            GtkCustomFilter    **filter,
            GtkSortListModel   **sorted,
            PacteGrowingList   **growing,
            GtkSingleSelection **selection,
            GtkListView         *view,
            GCallback            setup,
            GCallback            bind,
            GCallback            unbind,
            GCallback            selected)
{
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory;

  *filter = gtk_custom_filter_new (type == PACTE_TYPE_PLAN ? _pacte_window_plan_matches : _pacte_window_partner_matches, self, NULL);

  /* No filter until a search (_pacte_window_apply_search). */
  filtered = gtk_filter_list_model_new (NULL, NULL);
  *sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter);
  g_object_ref (*sorted);
  *growing = pacte_growing_list_new (G_LIST_MODEL (*sorted));
  *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (*growing)));
  gtk_single_selection_set_autoselect (*selection, FALSE);
  gtk_single_selection_set_can_unselect (*selection, TRUE);
  g_signal_connect_swapped (*selection, "notify::selected-item", selected, self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", unbind, self);

  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (*selection));
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
}

static void
pacte_window_init (PacteWindow *self)
{
  const char *today = g_getenv ("PACTE_TODAY");

  self->plan_sort = g_strdup ("name");
  self->partner_sort = g_strdup ("name");
  self->prepared_overdue = -1;
  if (today != NULL && *today != '\0')
    self->today = pacte_date_parse (today);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Added back by the first document (pacte_window_set_portfolio). */
  self->document_page = g_object_ref (gtk_stack_get_child_by_name (self->main_stack, "document"));
  gtk_stack_remove (self->main_stack, self->document_page);
  pacte_accessible_tidy (self->document_page);

  setup_list (self, PACTE_TYPE_PLAN, _pacte_window_make_plan_sorter (self),
              &self->plan_filter, &self->plan_sorted, &self->plan_growing, &self->plan_selection, self->plan_view,
              G_CALLBACK (_pacte_window_plan_setup), G_CALLBACK (_pacte_window_plan_bind), G_CALLBACK (_pacte_window_plan_unbind),
              G_CALLBACK (on_plan_selected));
  setup_list (self, PACTE_TYPE_PARTNER, _pacte_window_make_partner_sorter (self),
              &self->partner_filter, &self->partner_sorted, &self->partner_growing, &self->partner_selection, self->partner_view,
              G_CALLBACK (_pacte_window_partner_setup), G_CALLBACK (_pacte_window_partner_bind), G_CALLBACK (_pacte_window_partner_unbind),
              G_CALLBACK (on_partner_selected));

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (update_nothing_page), self);
  g_signal_connect_swapped (self->plan_sorted, "items-changed", G_CALLBACK (update_list_stacks), self);
  g_signal_connect_swapped (self->partner_sorted, "items-changed", G_CALLBACK (update_list_stacks), self);

  /* The search entries take typing from anywhere in their list. */
  gtk_search_entry_set_key_capture_widget (self->plan_search, GTK_WIDGET (self->plan_view));
  gtk_search_entry_set_key_capture_widget (self->partner_search, GTK_WIDGET (self->partner_view));

  _pacte_window_init_document_life (self);
  _pacte_window_life_init (self);
  _pacte_window_progress_init (self);
  /* Whole-window frames (a portfolio shown after the progress page) drawn
   * in memory already there, with cairo on X11. */
  pacte_frame_memory_keep (GTK_WINDOW (self));
  /* No document yet: no overview. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-overview", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-agenda", FALSE);
}

PacteWindow *
pacte_window_new (PacteApplication *app)
{
  PacteWindow *self;

  g_return_val_if_fail (app == NULL || PACTE_IS_APPLICATION (app), NULL);

  self = g_object_new (PACTE_TYPE_WINDOW, "application", app, NULL);
  use_application (self);
  return self;
}

PacteDocument *
pacte_window_get_document (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
pacte_window_has_document (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  return self->context != NULL;
}

gboolean
pacte_window_is_empty (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  return self->context == NULL && (self->document == NULL || !pacte_document_get_loading (self->document));
}

GFile *
pacte_window_get_file (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->document != NULL ? pacte_document_get_file (self->document) : NULL;
}

GMenuModel *
pacte_window_get_recent_menu (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

PactePortfolio *
pacte_window_get_portfolio (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->context != NULL ? pacte_context_get_portfolio (self->context) : NULL;
}

PacteContext *
pacte_window_get_context (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->context;
}

/* The date the rules are checked for: the window's, or the day's. */
guint32
_pacte_window_get_today (PacteWindow *self)
{
  return self->today != 0 ? self->today : pacte_context_today_now ();
}

void
pacte_window_set_today (PacteWindow *self,
                        guint32      today)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  self->today = today;
}

static gboolean
select_in (GtkSingleSelection *selection,
           gpointer            item)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n;

  /* The item may be past the rows shown so far after an open. */
  pacte_growing_list_complete (PACTE_GROWING_LIST (gtk_single_selection_get_model (selection)));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
pacte_window_select_plan (PacteWindow *self,
                          PactePlan   *plan)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (PACTE_IS_PLAN (plan));

  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  if (!select_in (self->plan_selection, plan))
    {
      /* Hidden by the search: clear it and try again. */
      gtk_editable_set_text (GTK_EDITABLE (self->plan_search), "");
      g_clear_pointer (&self->plan_words, g_strfreev);
      _pacte_window_apply_search (self->plan_sorted, self->plan_filter, NULL);
      if (!select_in (self->plan_selection, plan))
        return;
    }
  /* Not when the editor asked to keep text it refused (the selection went back). */
  if (self->plan != plan && gtk_single_selection_get_selected_item (self->plan_selection) == (gpointer) plan)
    show_plan (self, plan);
}

void
pacte_window_select_partner (PacteWindow  *self,
                             PactePartner *partner)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (PACTE_IS_PARTNER (partner));

  _pacte_window_steps_finish (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "partners");
  if (!select_in (self->partner_selection, partner))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->partner_search), "");
      g_clear_pointer (&self->partner_words, g_strfreev);
      _pacte_window_apply_search (self->partner_sorted, self->partner_filter, NULL);
      if (!select_in (self->partner_selection, partner))
        return;
    }
  if (self->partner != partner && gtk_single_selection_get_selected_item (self->partner_selection) == (gpointer) partner)
    show_partner (self, partner);
}

PactePlan *
pacte_window_get_plan (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->plan;
}

PactePartner *
pacte_window_get_partner (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->partner;
}

PacteRulesPanel *
pacte_window_get_rules_panel (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return self->rules_panel;
}

GtkWidget *
pacte_window_get_plan_editor (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return ensure_plan_editor (self);
}

GtkWidget *
pacte_window_get_partner_editor (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return ensure_partner_editor (self);
}

GListModel *
pacte_window_get_plan_list (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->plan_sorted);
}

GListModel *
pacte_window_get_partner_list (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  _pacte_window_steps_finish (self);
  return G_LIST_MODEL (self->partner_sorted);
}

void
pacte_window_show_toast (PacteWindow *self,
                         const char  *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (PACTE_IS_WINDOW (self));
  /* libadwaita 1.2 reads a toast's title as Pango markup; text quotes file
   * names and messages ("R&D <b>x</b>.pacte.json"). */
  markup = g_markup_escape_text (text, -1);
  _pacte_window_overview_dismiss_note (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}
