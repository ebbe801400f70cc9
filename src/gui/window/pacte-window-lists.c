/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-lists.c: the window's lists of plans and partners: their
 * rows, and their orders (plans by name, phase or score, partners by name
 * or segment: the property actions win.sort-plans and win.sort-partners). */
#include "config.h"

#include "pacte-list-mirror.h"
#include "pacte-name-sorter.h"
#include "pacte-partner-row.h"
#include "pacte-plan-row.h"
#include "pacte-window-private.h"

/* ---- sorting -------------------------------------------------------- */

static int
compare_phase (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int ra = pacte_phase_rank (pacte_record_get_string ((PacteRecord *) a, PACTE_PLAN_PHASE));
  int rb = pacte_phase_rank (pacte_record_get_string ((PacteRecord *) b, PACTE_PLAN_PHASE));

  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_score (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PacteWindow *self = user_data;
  PacteEvaluator *evaluator;
  int sa, sb;

  if (self->context == NULL)
    return GTK_ORDERING_EQUAL;
  evaluator = pacte_context_get_evaluator (self->context);
  sa = pacte_plan_results_get_score (pacte_evaluator_get_results (evaluator, (PactePlan *) a));
  sb = pacte_plan_results_get_score (pacte_evaluator_get_results (evaluator, (PactePlan *) b));
  /* Lowest score first: the plans that need attention.  No score goes last. */
  if (sa < 0)
    sa = G_MAXINT;
  if (sb < 0)
    sb = G_MAXINT;
  return sa < sb ? GTK_ORDERING_SMALLER : sa > sb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_segment (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *sa = pacte_record_get_string ((PacteRecord *) a, PACTE_PARTNER_SEGMENT);
  const char *sb = pacte_record_get_string ((PacteRecord *) b, PACTE_PARTNER_SEGMENT);
  int cmp;

  /* Unset segments last. */
  if (*sa == '\0' || *sb == '\0')
    return (*sa == '\0') - (*sb == '\0');
  cmp = g_utf8_collate (pacte_choice_display_name (sa), pacte_choice_display_name (sb));
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
name_sorter (GType type)
{
  return pacte_name_sorter_new (type);
}

GtkSorter *
_pacte_window_make_plan_sorter (PacteWindow *self)
{
  GtkMultiSorter *multi;

  if (g_strcmp0 (self->plan_sort, "phase") != 0 && g_strcmp0 (self->plan_sort, "score") != 0)
    return name_sorter (PACTE_TYPE_PLAN);

  multi = gtk_multi_sorter_new ();
  if (g_strcmp0 (self->plan_sort, "phase") == 0)
    gtk_multi_sorter_append (multi, GTK_SORTER (gtk_custom_sorter_new (compare_phase, NULL, NULL)));
  else
    gtk_multi_sorter_append (multi, GTK_SORTER (gtk_custom_sorter_new (compare_score, self, NULL)));
  gtk_multi_sorter_append (multi, name_sorter (PACTE_TYPE_PLAN));
  return GTK_SORTER (multi);
}

GtkSorter *
_pacte_window_make_partner_sorter (PacteWindow *self)
{
  GtkMultiSorter *multi;

  if (g_strcmp0 (self->partner_sort, "segment") != 0)
    return name_sorter (PACTE_TYPE_PARTNER);

  multi = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (multi, GTK_SORTER (gtk_custom_sorter_new (compare_segment, NULL, NULL)));
  gtk_multi_sorter_append (multi, name_sorter (PACTE_TYPE_PARTNER));
  return GTK_SORTER (multi);
}

void
_pacte_window_set_sort (PacteWindow *self,
                        char       **field,
                        const char  *value,
                        GParamSpec  *pspec)
{
  g_autoptr(GtkSorter) sorter = NULL;

  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);

  if (field == &self->plan_sort)
    {
      sorter = _pacte_window_make_plan_sorter (self);
      gtk_sort_list_model_set_sorter (self->plan_sorted, sorter);
    }
  else
    {
      sorter = _pacte_window_make_partner_sorter (self);
      gtk_sort_list_model_set_sorter (self->partner_sorted, sorter);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* A sort model does not watch its items: a change to what orders a list
 * (a name; a phase or segment when sorted by it) sorts it again.  The list
 * is in order but for that one item, so that is one pass. */
void
_pacte_window_lists_record_changed (PacteWindow *self,
                                    PacteRecord *owner,
                                    PacteRecord *record,
                                    guint        field)
{
  GtkSortListModel *sorted = NULL;

  /* Any change: the load's count of overdue items no longer holds. */
  self->prepared_overdue = -1;
  if (record != owner)
    return;
  if (PACTE_IS_PLAN (owner) &&
      (field == PACTE_PLAN_NAME || (field == PACTE_PLAN_PHASE && g_strcmp0 (self->plan_sort, "phase") == 0)))
    sorted = self->plan_sorted;
  else if (PACTE_IS_PARTNER (owner) &&
           (field == PACTE_PARTNER_NAME || (field == PACTE_PARTNER_SEGMENT && g_strcmp0 (self->partner_sort, "segment") == 0)))
    sorted = self->partner_sorted;
  if (sorted != NULL)
    gtk_sorter_changed (gtk_sort_list_model_get_sorter (sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

/* A long list shows its first rows in the frame that shows the portfolio,
 * and a batch more in each frame after it (pacte-growing-list.h). */
#define FIRST_ROWS 20
#define ROWS_PER_FRAME 20

static void
set_list (GtkSortListModel *sorted,
          PacteGrowingList *growing,
          GtkListView      *view,
          GListModel       *records,
          GPtrArray        *order)
{
  g_autoptr(GListModel) mirror = NULL;

  /* No list: emptied first, so that a list that gave rows back (while
   * another portfolio loaded) does not make them all again to drop them. */
  if (records == NULL)
    {
      gtk_filter_list_model_set_model (GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted)), NULL);
      pacte_growing_list_complete (growing);
      return;
    }
  if (g_list_model_get_n_items (records) > FIRST_ROWS + ROWS_PER_FRAME)
    pacte_growing_list_restart (growing, GTK_WIDGET (view), FIRST_ROWS, ROWS_PER_FRAME);
  else
    pacte_growing_list_complete (growing);
  /* In name order already when the load prepared it: the sort model has
   * then one pass to make. */
  mirror = pacte_list_mirror_new (records, order);
  gtk_filter_list_model_set_model (GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted)), mirror);
}

/* Rows given back per turn while another portfolio loads: each costs
 * about 0.2 ms to destroy. */
#define ROWS_PER_SHRINK 40

static gboolean
shrink_step (PacteGrowingList   *growing,
             GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);
  guint keep = FIRST_ROWS;

  /* The selection stays as it is. */
  if (selected != GTK_INVALID_LIST_POSITION)
    keep = MAX (keep, selected + 1);
  return pacte_growing_list_shrink (growing, keep, ROWS_PER_SHRINK);
}

gboolean
_pacte_window_lists_shrink_step (PacteWindow *self)
{
  gboolean plans = shrink_step (self->plan_growing, self->plan_selection);
  gboolean partners = shrink_step (self->partner_growing, self->partner_selection);

  return plans || partners;
}

static void
regrow (PacteGrowingList *growing,
        GtkListView      *view)
{
  /* From the rows it has (the selected one among them). */
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (growing));

  if (!pacte_growing_list_is_complete (growing))
    pacte_growing_list_restart (growing, GTK_WIDGET (view), MAX (shown, FIRST_ROWS), ROWS_PER_FRAME);
}

void
_pacte_window_lists_regrow (PacteWindow *self)
{
  regrow (self->plan_growing, self->plan_view);
  regrow (self->partner_growing, self->partner_view);
}

void
_pacte_window_lists_set_plans (PacteWindow    *self,
                               PactePortfolio *doc,
                               GPtrArray      *order)
{
  set_list (self->plan_sorted, self->plan_growing, self->plan_view,
            doc != NULL ? pacte_portfolio_get_plans (doc) : NULL, order);
}

void
_pacte_window_lists_set_partners (PacteWindow    *self,
                                  PactePortfolio *doc,
                                  GPtrArray      *order)
{
  set_list (self->partner_sorted, self->partner_growing, self->partner_view,
            doc != NULL ? pacte_portfolio_get_partners (doc) : NULL, order);
}

/* ---- list rows ------------------------------------------------------ */

void
_pacte_window_plan_setup (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  gtk_list_item_set_child (item, pacte_plan_row_new ());
}

void
_pacte_window_plan_bind (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  PacteWindow *self = user_data;
  PactePlan *plan = gtk_list_item_get_item (item);

  if (self->context == NULL)
    return;
  pacte_plan_row_bind (PACTE_PLAN_ROW (gtk_list_item_get_child (item)), plan,
                       pacte_context_get_results (self->context, plan));
}

void
_pacte_window_plan_unbind (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  pacte_plan_row_bind (PACTE_PLAN_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

void
_pacte_window_partner_setup (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  gtk_list_item_set_child (item, pacte_partner_row_new ());
}

void
_pacte_window_partner_bind (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  pacte_partner_row_bind (PACTE_PARTNER_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
}

void
_pacte_window_partner_unbind (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  user_data)
{
  pacte_partner_row_bind (PACTE_PARTNER_ROW (gtk_list_item_get_child (item)), NULL);
}
