/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-growing-list.c: a list's first items, then more each frame (see
 * the header). */
#include "config.h"

#include "pacte-growing-list.h"

/* GTK 4.8's list views keep a row for at most 200 items (and 2 more) from
 * the top: past that, items cost the view no row, and come all at once. */
#define ROWS_KEPT 210

struct _PacteGrowingList
{
  GObject     parent_instance;

  GListModel *source;
  guint       n_source;  /* the source's length, as last told */
  guint       shown;     /* G_MAXUINT: all */
  guint       batch;
  GtkWidget  *ticking;   /* weak: the widget whose frames make it grow */
  guint       tick_id;
  gboolean    ticked;    /* the frame that shows the first items is past */
};

static void pacte_growing_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PacteGrowingList, pacte_growing_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pacte_growing_list_model_init))

static guint
n_shown (PacteGrowingList *self)
{
  return MIN (self->shown, self->n_source);
}

static GType
pacte_growing_list_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (PACTE_GROWING_LIST (model)->source);
}

static guint
pacte_growing_list_get_n_items (GListModel *model)
{
  return n_shown (PACTE_GROWING_LIST (model));
}

static gpointer
pacte_growing_list_get_item (GListModel *model,
                             guint       position)
{
  PacteGrowingList *self = PACTE_GROWING_LIST (model);

  if (position >= n_shown (self))
    return NULL;
  return g_list_model_get_item (self->source, position);
}

static void
pacte_growing_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pacte_growing_list_get_item_type;
  iface->get_n_items = pacte_growing_list_get_n_items;
  iface->get_item = pacte_growing_list_get_item;
}

static void
stop_ticking (PacteGrowingList *self)
{
  if (self->ticking == NULL)
    return;
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->ticking, self->tick_id);
  self->tick_id = 0;
  g_object_remove_weak_pointer (G_OBJECT (self->ticking), (gpointer *) &self->ticking);
  self->ticking = NULL;
}

/* Shows up to shown items (G_MAXUINT: all). */
static void
show_up_to (PacteGrowingList *self,
            guint             shown)
{
  guint before = n_shown (self);
  guint after;

  self->shown = shown;
  if (shown == G_MAXUINT || shown >= self->n_source)
    {
      self->shown = G_MAXUINT;
      stop_ticking (self);
    }
  after = n_shown (self);
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  PacteGrowingList *self = data;
  guint next = self->shown + self->batch;

  /* Not in the frame that shows the first items: it has them to make, lay
   * out and draw, and often the rest of its page too. */
  if (!self->ticked)
    {
      self->ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }
  /* Cleared by show_up_to() when this is the last step. */
  show_up_to (self, next >= ROWS_KEPT ? G_MAXUINT : next);
  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The source's items before position are as they were; past it, the
 * change is told as the whole rest of what is shown changing (the view
 * keeps the rows of the items still there). */
static void
source_changed (PacteGrowingList *self,
                guint             position,
                guint             removed,
                guint             added,
                GListModel       *source)
{
  guint before = n_shown (self);
  guint after;

  self->n_source = self->n_source - removed + added;
  if (self->shown == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  after = n_shown (self);
  if (position < MAX (before, after))
    g_list_model_items_changed (G_LIST_MODEL (self), position,
                                before > position ? before - position : 0,
                                after > position ? after - position : 0);
}

static void
pacte_growing_list_dispose (GObject *object)
{
  PacteGrowingList *self = PACTE_GROWING_LIST (object);

  stop_ticking (self);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_changed, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (pacte_growing_list_parent_class)->dispose (object);
}

static void
pacte_growing_list_class_init (PacteGrowingListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacte_growing_list_dispose;
}

static void
pacte_growing_list_init (PacteGrowingList *self)
{
  self->shown = G_MAXUINT;
}

PacteGrowingList *
pacte_growing_list_new (GListModel *source)
{
  PacteGrowingList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (PACTE_TYPE_GROWING_LIST, NULL);
  self->source = g_object_ref (source);
  self->n_source = g_list_model_get_n_items (source);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_changed), self);
  return self;
}

GListModel *
pacte_growing_list_get_source (PacteGrowingList *self)
{
  g_return_val_if_fail (PACTE_IS_GROWING_LIST (self), NULL);
  return self->source;
}

void
pacte_growing_list_restart (PacteGrowingList *self,
                            GtkWidget        *widget,
                            guint             first,
                            guint             batch)
{
  guint before;

  g_return_if_fail (PACTE_IS_GROWING_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (first > 0 && batch > 0);

  stop_ticking (self);
  before = n_shown (self);
  self->batch = batch;
  self->shown = first;
  if (before > first)
    g_list_model_items_changed (G_LIST_MODEL (self), first, before - first, 0);
  self->ticked = FALSE;
  self->ticking = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->ticking);
  self->tick_id = gtk_widget_add_tick_callback (widget, tick_cb, self, NULL);
}

gboolean
pacte_growing_list_shrink (PacteGrowingList *self,
                           guint             keep,
                           guint             batch)
{
  guint before, after;

  g_return_val_if_fail (PACTE_IS_GROWING_LIST (self), FALSE);
  g_return_val_if_fail (batch > 0, FALSE);

  before = n_shown (self);
  /* Past the rows a view keeps, items cost nothing to drop. */
  after = before > ROWS_KEPT ? ROWS_KEPT : (before > batch ? before - batch : 0);
  after = MAX (after, keep);
  if (after >= before)
    return FALSE;
  stop_ticking (self);
  self->shown = after;
  g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
  return after > keep;
}

void
pacte_growing_list_complete (PacteGrowingList *self)
{
  g_return_if_fail (PACTE_IS_GROWING_LIST (self));

  if (self->shown != G_MAXUINT)
    show_up_to (self, G_MAXUINT);
}

gboolean
pacte_growing_list_is_complete (PacteGrowingList *self)
{
  g_return_val_if_fail (PACTE_IS_GROWING_LIST (self), TRUE);
  return self->shown == G_MAXUINT;
}
