/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-overview.c: the window's Overview page (heat map, fix first,
 * agenda: PacteOverview), the actions that show it (Ctrl+1) and its agenda,
 * opening a plan from it with a rule's row focused, and the note saying how
 * many items are overdue when a portfolio opens. */
#include "config.h"

#include "pacte-accessible.h"
#include "pacte-i18n.h"
#include "pacte-overview.h"
#include "pacte-report-format.h"
#include "pacte-window-private.h"

/* Ten frames after a cell opened a plan: the rules panel stays revealed
 * and the rule's row keeps the focus. */
static gboolean
keep_rule_focused (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  GtkWidget *row = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int frames = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pacte-focus-frames"));

  if (self->rules_panel == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (self->rules_panel)))
    return G_SOURCE_REMOVE;
  if (!adw_flap_get_reveal_flap (self->plan_flap))
    adw_flap_set_reveal_flap (self->plan_flap, TRUE);
  if (focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row)))
    gtk_widget_grab_focus (row);
  g_object_set_data (G_OBJECT (row), "pacte-focus-frames", GINT_TO_POINTER (frames + 1));
  return frames < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_plan_activated (PacteWindow   *self,
                   PactePlan     *plan,
                   const char    *rule_id,
                   PacteOverview *overview)
{
  GtkWidget *row;

  pacte_window_select_plan (self, plan);
  if (pacte_window_get_plan (self) != plan)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (rule_id == NULL)
    return;
  /* The rule's row in the golden-rules panel, shown and focused. */
  gtk_toggle_button_set_active (self->rules_toggle, TRUE);
  row = pacte_rules_panel_get_row (self->rules_panel, rule_id);
  if (row != NULL)
    {
      gtk_widget_grab_focus (row);
      /* The plan's page is laid out in the next frames, and a page too wide
       * for the window folds the flap, which closes it: keep the panel
       * shown and the row focused while it settles. */
      g_object_set_data (G_OBJECT (row), "pacte-focus-frames", GINT_TO_POINTER (0));
      gtk_widget_add_tick_callback (GTK_WIDGET (self), keep_rule_focused, g_object_ref (row), g_object_unref);
    }
}

/* The overview's page (a scroller) without the overview: shown while an
 * open makes it. */
static void
ensure_page (PacteWindow *self)
{
  if (self->overview_page != NULL)
    return;
  self->overview_page = gtk_scrolled_window_new ();
  g_object_add_weak_pointer (G_OBJECT (self->overview_page), (gpointer *) &self->overview_page);
  /* Its controls and sixteen columns are wider than a narrow window (and
   * a stack is as wide as its widest page): it scrolls sideways then. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->overview_page), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_stack_add_named (self->content_stack, self->overview_page, "overview");
}

void
_pacte_window_overview_build (PacteWindow *self)
{
  if (self->overview != NULL || self->context == NULL)
    return;
  ensure_page (self);
  self->overview = pacte_overview_new (self->context);
  /* Its drop-downs' toggle buttons get names (pacte-accessible.c). */
  pacte_accessible_tidy_on_map (self->overview);
  g_signal_connect_swapped (self->overview, "plan-activated", G_CALLBACK (on_plan_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->overview_page), self->overview);
}

void
_pacte_window_overview_show_page (PacteWindow *self,
                                  const char  *page,
                                  gboolean     build)
{
  if (self->context == NULL)
    return;
  /* Made when first shown: a window that never shows it pays nothing. */
  ensure_page (self);
  if (build)
    _pacte_window_overview_build (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->partner);
  pacte_rules_panel_set_plan (self->rules_panel, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_toggle), FALSE);
  gtk_single_selection_set_selected (self->plan_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->partner_selection, GTK_INVALID_LIST_POSITION);
  if (page != NULL && self->overview != NULL)
    pacte_overview_show_page (PACTE_OVERVIEW (self->overview), page);
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  _pacte_window_update_actions (self);
  _pacte_window_update_title (self);
}

void
pacte_window_show_overview (PacteWindow *self,
                            const char  *page)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));

  /* Asked for now: what an open left for later is done first. */
  _pacte_window_steps_finish (self);
  _pacte_window_overview_show_page (self, page, TRUE);
}

GtkWidget *
pacte_window_get_overview (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  _pacte_window_steps_finish (self);
  return self->overview;
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pacte_window_show_overview (PACTE_WINDOW (widget), NULL);
}

static void
show_agenda_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pacte_window_show_overview (PACTE_WINDOW (widget), "agenda");
}

/* A plan by its id, shown as the sidebar shows it (the partner page's
 * plans, actions and events open theirs). */
static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  PactePlan *plan;

  if (self->context == NULL)
    return;
  plan = pacte_portfolio_find_plan (pacte_context_get_portfolio (self->context), g_variant_get_string (parameter, NULL));
  if (plan == NULL)
    return;
  pacte_window_select_plan (self, plan);
  if (pacte_window_get_plan (self) == plan)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
_pacte_window_class_add_overview_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-agenda", NULL, show_agenda_action);
  gtk_widget_class_install_action (widget_class, "win.open-plan", "s", open_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "win.show-overview", NULL);
}

void
_pacte_window_overview_attach (PacteWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-overview", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-agenda", TRUE);
}

typedef struct {
  AdwToast *toast;
  GWeakRef  window;
} NoteDismissal;

static void
note_dismissal_free (gpointer data)
{
  NoteDismissal *d = data;

  g_object_unref (d->toast);
  g_weak_ref_clear (&d->window);
  g_free (d);
}

static gboolean
dismiss_note_later (gpointer data)
{
  NoteDismissal *d = data;
  g_autoptr(GObject) window = g_weak_ref_get (&d->window);

  /* Not when its window is gone, nor when it went by itself meanwhile. */
  if (window != NULL && g_object_get_data (G_OBJECT (d->toast), "pacte-dismissed") == NULL)
    adw_toast_dismiss (d->toast);
  return G_SOURCE_REMOVE;
}

/* The note waiting for the lists to be whole (note_tick_cb) is not told. */
static void
drop_pending_note (PacteWindow *self)
{
  if (self->note_tick == 0)
    return;
  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->note_tick);
  self->note_tick = 0;
}

/* libadwaita 1.2 crashes (a freed animation's "done") when a toast is
 * dismissed during its show animation: the note goes half a second later;
 * the next toast waits in the overlay's queue until then. */

void
_pacte_window_overview_dismiss_note (PacteWindow *self)
{
  NoteDismissal *d;

  /* Not told yet: never told. */
  drop_pending_note (self);
  if (self->overdue_note == NULL)
    return;
  d = g_new0 (NoteDismissal, 1);
  d->toast = g_object_ref (self->overdue_note);
  g_weak_ref_init (&d->window, self);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 500, dismiss_note_later, d, note_dismissal_free);
  self->overdue_note = NULL;
}

static void
on_note_dismissed (AdwToast *toast,
                   gpointer  data)
{
  g_object_set_data (G_OBJECT (toast), "pacte-dismissed", GINT_TO_POINTER (TRUE));
}

static void
on_note_gone (PacteWindow *self,
              AdwToast    *toast)
{
  if (self->overdue_note == toast)
    self->overdue_note = NULL;
}

/* A passing note, not a dialog: how many items of the agenda are overdue,
 * with a button to it.  Any other toast dismisses it (it must not hold
 * "Saved" back behind it). */
static void
tell_overdue (PacteWindow *self,
              guint        overdue)
{
  g_autofree char *title = NULL;
  g_autofree char *count = pacte_format_number (pacte_i18n_user_language (), overdue, 0);
  AdwToast *toast;

  /* Translators: a passing note when a portfolio opens; %s is a count with
   * its digit groups ("10 678" / "10,678") */
  title = g_strdup_printf (ngettext ("%s item is overdue", "%s items are overdue", overdue), count);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Show _Agenda"));
  adw_toast_set_action_name (toast, "win.show-agenda");
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_note_dismissed), NULL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_note_gone), self, G_CONNECT_SWAPPED);
  self->overdue_note = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The lists in view have all their rows (one not shown grows when shown). */
static gboolean
lists_whole (PacteWindow *self)
{
  return (pacte_growing_list_is_complete (self->plan_growing) || !gtk_widget_get_mapped (GTK_WIDGET (self->plan_view))) &&
         (pacte_growing_list_is_complete (self->partner_growing) || !gtk_widget_get_mapped (GTK_WIDGET (self->partner_view)));
}

/* Once per frame until the lists have all their rows. */
static gboolean
note_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  PacteWindow *self = PACTE_WINDOW (widget);

  if (!lists_whole (self))
    return G_SOURCE_CONTINUE;
  self->note_tick = 0;
  tell_overdue (self, self->note_overdue);
  return G_SOURCE_REMOVE;
}

void
_pacte_window_overview_opened (PacteWindow *self)
{
  guint overdue;

  _pacte_window_overview_dismiss_note (self);
  if (self->context == NULL)
    return;
  /* Counted by the load's worker thread: told to the overview too. */
  if (self->prepared_overdue >= 0)
    {
      overdue = (guint) self->prepared_overdue;
      self->prepared_overdue = -1;
      if (self->overview != NULL)
        pacte_overview_set_overdue_count (PACTE_OVERVIEW (self->overview), overdue);
    }
  else if (self->overview != NULL)
    overdue = pacte_overview_count_overdue (PACTE_OVERVIEW (self->overview));
  else
    overdue = pacte_agenda_count_overdue_at (pacte_context_get_portfolio (self->context),
                                             pacte_context_get_today (self->context));
  if (overdue == 0)
    return;
  /* The note slides in over several frames.  While the lists still grow
   * (a batch of rows per frame, pacte-growing-list.h) each of those frames
   * would draw the rectangle around both the list and the note, most of
   * the window, in fresh memory with the cairo renderer (20 ms and more):
   * it comes when the list in view is whole, and its frames draw it alone. */
  if (lists_whole (self))
    {
      tell_overdue (self, overdue);
      return;
    }
  self->note_overdue = overdue;
  self->note_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), note_tick_cb, NULL, NULL);
}

void
_pacte_window_overview_detach (PacteWindow *self)
{
  /* A note still to come was about the portfolio going. */
  drop_pending_note (self);
  if (self->overview_page != NULL)
    gtk_stack_remove (self->content_stack, self->overview_page);
  self->overview = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-overview", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-agenda", FALSE);
}
