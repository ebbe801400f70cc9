/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-steps.c: a new portfolio shown in steps.
 *
 * Everything that can be done away from the main loop is done in the
 * load's worker thread (pacte-load-prepared.h).  What must touch widgets is
 * spread so that no turn of the main loop is long: the turn that receives
 * the portfolio shows the plans (their first rows in the next frame, the
 * others a batch per frame: pacte-growing-list.h); then the partners' list
 * (10,000 of them to filter and sort) in a turn of its own, then the
 * overview in another.  Until then the overview's page is shown empty.
 * Code that needs the partners' list or the overview before their turn
 * (selecting a partner, the Overview button) calls
 * _pacte_window_steps_finish(). */
#include "config.h"

#include "pacte-overview.h"
#include "pacte-window-private.h"

enum {
  STEP_PARTNERS,
  STEP_OVERVIEW,
  STEP_DONE
};

/* One step; FALSE when none is left. */
static gboolean
next_step (PacteWindow *self)
{
  switch (self->step)
    {
    case STEP_PARTNERS:
      self->step = STEP_OVERVIEW;
      _pacte_window_lists_set_partners (self, pacte_context_get_portfolio (self->context), self->partner_order);
      g_clear_pointer (&self->partner_order, g_ptr_array_unref);
      return TRUE;
    case STEP_OVERVIEW:
      self->step = STEP_DONE;
      /* Unless a plan or partner was chosen meanwhile: the overview is
       * then made when shown. */
      if (self->overview_page == NULL)
        return TRUE;
      if (self->overview == NULL &&
          gtk_stack_get_visible_child (self->content_stack) == self->overview_page)
        {
          _pacte_window_overview_build (self);
          /* The page asked for when the portfolio opened. */
          pacte_overview_show_page (PACTE_OVERVIEW (self->overview), "heat-map");
        }
      /* The note of the items overdue, counted by the load's worker (or
       * now, when the portfolio did not come from a load). */
      _pacte_window_overview_opened (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
step_idle (gpointer data)
{
  PacteWindow *self = data;

  if (self->context != NULL && next_step (self) && self->step != STEP_DONE)
    return G_SOURCE_CONTINUE;
  self->steps_id = 0;
  return G_SOURCE_REMOVE;
}

void
_pacte_window_steps_start (PacteWindow *self,
                           GPtrArray   *partner_order)
{
  _pacte_window_steps_cancel (self);
  self->step = STEP_PARTNERS;
  self->partner_order = partner_order != NULL ? g_ptr_array_ref (partner_order) : NULL;
  /* Lower than the frame clock's: the frame that shows the plans comes
   * first, and each step has a turn of its own. */
  self->steps_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step_idle, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->steps_id), "[pacte] show portfolio");
}

void
_pacte_window_steps_finish (PacteWindow *self)
{
  if (self->steps_id == 0)
    return;
  while (self->context != NULL && next_step (self))
    ;
  g_clear_handle_id (&self->steps_id, g_source_remove);
}

void
_pacte_window_steps_cancel (PacteWindow *self)
{
  g_clear_handle_id (&self->steps_id, g_source_remove);
  g_clear_pointer (&self->partner_order, g_ptr_array_unref);
  self->step = STEP_DONE;
}
