/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-grid.c: the overview's heat map, a row widget per plan in
 * view (see the header). */
#include "config.h"

#include <math.h>

#include "pacte-heat-grid.h"
#include "pacte-heat-row.h"

/* Column widths: the plan's name takes what is left. */
#define NAME_WIDTH   150
#define SCORE_WIDTH   56
#define CHANGE_WIDTH  64
#define RULE_WIDTH    30
#define NATURAL_ROWS  10  /* the height asked for: the rest scrolls */

struct _PacteHeatGrid
{
  GtkWidget         parent_instance;

  PacteOverview    *overview;  /* not owned: its child */
  GListModel       *plans;
  guint             n_plans;
  PacteHeatColumns  columns;
  GtkWidget        *titles;
  GtkWidget        *totals;
  GPtrArray        *rows;      /* PacteHeatRow: in view, the focus's, spare */
  guint             first, last;  /* the positions in view: [first, last) */
  int               row_height;
  int               top;          /* titles and totals */
  GtkAdjustment    *hadjustment, *vadjustment;
  GtkScrollablePolicy hscroll_policy, vscroll_policy;
  gboolean          allocating;
  /* The cell to focus when the focus comes back (Tab). */
  PactePlan        *focus_plan;  /* a reference */
  guint             focus_rule;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PacteHeatGrid, pacte_heat_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static PacteHeatRow *
row_at (PacteHeatGrid *self,
        guint          i)
{
  return g_ptr_array_index (self->rows, i);
}

static gboolean
in_view (PacteHeatGrid *self,
         PacteHeatRow  *row)
{
  guint position = pacte_heat_row_get_position (row);

  return pacte_heat_row_get_plan (row) != NULL && position >= self->first && position < self->last;
}

/* The row holding the focus, if any. */
static PacteHeatRow *
focus_row (PacteHeatGrid *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return PACTE_IS_HEAT_ROW (child) && child != self->titles && child != self->totals ? PACTE_HEAT_ROW (child) : NULL;
}

static guint
find_plan (PacteHeatGrid *self,
           PactePlan     *plan)
{
  for (guint i = 0; i < self->n_plans; i++)
    {
      g_autoptr(PactePlan) item = g_list_model_get_item (self->plans, i);

      if (item == plan)
        return i;
    }
  return G_MAXUINT;
}

/* ---- recycling ---------------------------------------------------------- */

/* Gives the rows the plans in view: a row whose plan is still in view
 * keeps it (and moves), the others take the plans that came into view.
 * The row holding the focus keeps its plan while it is listed. */
static void
update_rows (PacteHeatGrid *self)
{
  double value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  double page = self->vadjustment != NULL ? gtk_adjustment_get_page_size (self->vadjustment) : 0;
  PacteHeatRow *focused = focus_row (self);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);  /* plan → position + 1 */
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *placed = NULL;
  guint count, next = 0;

  if (self->row_height <= 0 || page <= 0)
    self->first = self->last = 0;
  else
    {
      self->first = MIN ((guint) (MAX (value, 0) / self->row_height), self->n_plans);
      count = (guint) ceil (page / self->row_height) + 1;
      self->last = MIN (self->n_plans, self->first + count);
    }
  placed = g_new0 (gboolean, self->last - self->first + 1);
  for (guint p = self->first; p < self->last; p++)
    {
      PactePlan *plan = g_list_model_get_item (self->plans, p);

      g_ptr_array_add (plans, plan);
      g_hash_table_insert (wanted, plan, GUINT_TO_POINTER (p + 1));
    }

  /* Rows whose plan stays in view; the others are free. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      PacteHeatRow *row = row_at (self, i);
      PactePlan *plan = pacte_heat_row_get_plan (row);
      guint position = plan != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (wanted, plan)) : 0;

      if (position > 0)
        {
          pacte_heat_row_bind (row, plan, position - 1);
          placed[position - 1 - self->first] = TRUE;
        }
      else if (row == focused && plan != NULL)
        {
          /* Kept out of view with the focus, if still listed. */
          guint where = find_plan (self, plan);

          if (where != G_MAXUINT)
            pacte_heat_row_bind (row, plan, where);
          else
            {
              pacte_heat_row_bind (row, NULL, 0);
              gtk_widget_grab_focus (GTK_WIDGET (self));
            }
        }
      else if (plan != NULL)
        pacte_heat_row_bind (row, NULL, 0);
    }

  /* The plans that came into view, to the free rows (or new ones). */
  for (guint p = self->first; p < self->last; p++)
    {
      PacteHeatRow *row = NULL;

      if (placed[p - self->first])
        continue;
      for (; next < self->rows->len && row == NULL; next++)
        if (pacte_heat_row_get_plan (row_at (self, next)) == NULL)
          row = row_at (self, next);
      if (row == NULL)
        {
          row = PACTE_HEAT_ROW (pacte_heat_row_new (self->overview, PACTE_HEAT_ROW_PLAN, &self->columns));
          gtk_widget_insert_before (GTK_WIDGET (row), GTK_WIDGET (self), self->titles);
          g_ptr_array_add (self->rows, row);
          next = self->rows->len;
        }
      pacte_heat_row_bind (row, g_ptr_array_index (plans, p - self->first), p);
    }

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_child_visible (GTK_WIDGET (row_at (self, i)), pacte_heat_row_get_plan (row_at (self, i)) != NULL);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page,
                      double         step)
{
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, upper - page));

  gtk_adjustment_configure (adjustment, value, 0, MAX (upper, page), step, page * 0.9, page);
}

static void
on_value_changed (PacteHeatGrid *self)
{
  update_rows (self);
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_items_changed (PacteHeatGrid *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  self->n_plans = g_list_model_get_n_items (self->plans);
  /* The range now (the page at the allocation), then the rows. */
  if (self->vadjustment != NULL && self->row_height > 0)
    configure_adjustment (self->vadjustment, (double) self->n_plans * self->row_height,
                          gtk_adjustment_get_page_size (self->vadjustment), self->row_height);
  update_rows (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ---- focus and keys ----------------------------------------------------- */

static void
scroll_to (PacteHeatGrid *self,
           guint          position)
{
  double value, page, top, bottom;

  if (self->vadjustment == NULL || self->row_height <= 0)
    return;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  top = (double) position * self->row_height;
  bottom = top + self->row_height;
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, bottom - page);
}

gboolean
pacte_heat_grid_focus_cell (PacteHeatGrid *self,
                            guint          position,
                            guint          rule)
{
  g_return_val_if_fail (PACTE_IS_HEAT_GRID (self), FALSE);

  if (position >= self->n_plans)
    return FALSE;
  scroll_to (self, position);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PacteHeatRow *row = row_at (self, i);

      if (pacte_heat_row_get_plan (row) != NULL && pacte_heat_row_get_position (row) == position)
        {
          GtkWidget *cell = pacte_heat_row_get_cell (row, rule);

          if (cell == NULL || !gtk_widget_grab_focus (cell))
            return FALSE;
          g_set_object (&self->focus_plan, pacte_heat_row_get_plan (row));
          self->focus_rule = rule;
          return TRUE;
        }
    }
  return FALSE;
}

/* Where the focus is: its row's position and rule; FALSE if in no cell. */
static gboolean
focus_position (PacteHeatGrid *self,
                guint         *position,
                guint         *rule)
{
  PacteHeatRow *row = focus_row (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int r;

  if (row == NULL || root == NULL || pacte_heat_row_get_plan (row) == NULL)
    return FALSE;
  r = pacte_heat_row_find_cell (row, gtk_root_get_focus (root));
  if (r < 0)
    return FALSE;
  *position = pacte_heat_row_get_position (row);
  *rule = (guint) r;
  return TRUE;
}

/* The focus comes (back) to the cell it left, if its plan is listed, or
 * to the first row in view. */
static gboolean
focus_remembered (PacteHeatGrid *self)
{
  guint position = self->focus_plan != NULL ? find_plan (self, self->focus_plan) : G_MAXUINT;

  if (position == G_MAXUINT || position < self->first || position >= self->last)
    position = self->first;
  return pacte_heat_grid_focus_cell (self, position, self->focus_rule);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PacteHeatGrid         *self)
{
  guint n_rules = self->columns.n - PACTE_HEAT_FIRST_RULE;
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  guint page = self->row_height > 0 && self->vadjustment != NULL
               ? MAX (1, (guint) (gtk_adjustment_get_page_size (self->vadjustment) / self->row_height) - 1) : 1;
  guint position, rule;
  gint64 p, r;

  if ((state & (GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0 || self->n_plans == 0)
    return FALSE;
  if (!focus_position (self, &position, &rule))
    {
      if (!gtk_widget_has_focus (GTK_WIDGET (self)))
        return FALSE;
      /* The grid itself holds the focus (its cell's plan went away). */
      switch (keyval)
        {
        case GDK_KEY_Up: case GDK_KEY_Down: case GDK_KEY_Left: case GDK_KEY_Right:
        case GDK_KEY_Page_Up: case GDK_KEY_Page_Down: case GDK_KEY_Home: case GDK_KEY_End:
          return focus_remembered (self);
        default:
          return FALSE;
        }
    }
  p = position;
  r = rule;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: p--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: p++; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: r--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: r++; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: p -= page; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: p += page; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      if (control)
        p = 0;
      else
        r = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      if (control)
        p = self->n_plans - 1;
      else
        r = n_rules - 1;
      break;
    default:
      return FALSE;
    }
  if (control && keyval != GDK_KEY_Home && keyval != GDK_KEY_End && keyval != GDK_KEY_KP_Home && keyval != GDK_KEY_KP_End)
    return FALSE;
  p = CLAMP (p, 0, (gint64) self->n_plans - 1);
  r = CLAMP (r, 0, (gint64) n_rules - 1);
  if (p != position || r != rule)
    pacte_heat_grid_focus_cell (self, (guint) p, (guint) r);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

/* Remembers the cell that has the focus, to come back to it. */
static void
remember_focus (PacteHeatGrid *self)
{
  guint position, rule;

  if (focus_position (self, &position, &rule))
    {
      g_set_object (&self->focus_plan, pacte_heat_row_get_plan (focus_row (self)));
      self->focus_rule = rule;
    }
}

static void
pacte_heat_grid_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  GTK_WIDGET_CLASS (pacte_heat_grid_parent_class)->set_focus_child (widget, child);
  remember_focus (PACTE_HEAT_GRID (widget));
}

/* Tab leaves the grid (the arrows move inside it); coming in, the focus
 * goes to the cell it left, not to the first of 300. */
static gboolean
pacte_heat_grid_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (widget);

  if (gtk_widget_get_focus_child (widget) != NULL || gtk_widget_has_focus (widget))
    {
      remember_focus (self);
      return direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD;
    }
  return focus_remembered (self);
}

/* ---- layout ------------------------------------------------------------- */

static int
min_width (void)
{
  return NAME_WIDTH + SCORE_WIDTH + CHANGE_WIDTH;
}

/* A rule's column: as wide as its light, or as its totals when they need
 * more ("■1030" for 2,000 plans). */
static int
rule_width (PacteHeatGrid *self,
            guint          rule)
{
  int natural = 0;

  if (self->totals != NULL)
    gtk_widget_measure (pacte_heat_row_get_cell (PACTE_HEAT_ROW (self->totals), rule), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &natural, NULL, NULL);
  return MAX (RULE_WIDTH, natural + 4);
}

static int
rules_width (PacteHeatGrid *self)
{
  int width = 0;

  for (guint r = 0; r < self->columns.n - PACTE_HEAT_FIRST_RULE; r++)
    width += rule_width (self, r);
  return width;
}

static void
set_columns (PacteHeatGrid *self,
             int            width)
{
  int name = MAX (NAME_WIDTH, width - rules_width (self) - SCORE_WIDTH - CHANGE_WIDTH);

  self->columns.x[0] = 0;
  self->columns.x[1] = name;
  self->columns.x[2] = name + SCORE_WIDTH;
  self->columns.x[3] = name + SCORE_WIDTH + CHANGE_WIDTH;
  for (guint i = PACTE_HEAT_FIRST_RULE; i < self->columns.n; i++)
    self->columns.x[i + 1] = self->columns.x[i] + rule_width (self, i - PACTE_HEAT_FIRST_RULE);
}

static int
height_of (GtkWidget *row)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  return height;
}

/* The plan rows' height, from a row (made if there is none yet). */
static void
ensure_row_height (PacteHeatGrid *self)
{
  if (self->rows->len == 0)
    {
      GtkWidget *row = pacte_heat_row_new (self->overview, PACTE_HEAT_ROW_PLAN, &self->columns);

      gtk_widget_insert_before (row, GTK_WIDGET (self), self->titles);
      gtk_widget_set_child_visible (row, FALSE);
      g_ptr_array_add (self->rows, row);
    }
  self->row_height = MAX (1, height_of (GTK_WIDGET (row_at (self, 0))));
}

static void
pacte_heat_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width () + rules_width (self);
      *natural = *minimum + NAME_WIDTH;
      return;
    }
  ensure_row_height (self);
  *minimum = height_of (self->titles) + height_of (self->totals) + self->row_height;
  *natural = *minimum + (NATURAL_ROWS - 1) * self->row_height;
}

static void
pacte_heat_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (widget);
  int titles = height_of (self->titles);
  int totals = height_of (self->totals);
  double value;

  self->allocating = TRUE;
  set_columns (self, width);
  ensure_row_height (self);
  self->top = titles + totals;
  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, width, width, RULE_WIDTH);
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, (double) self->n_plans * self->row_height,
                          MAX (0, height - self->top), self->row_height);
  update_rows (self);
  self->allocating = FALSE;

  value = self->vadjustment != NULL ? floor (gtk_adjustment_get_value (self->vadjustment)) : 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      PacteHeatRow *row = row_at (self, i);
      /* The focus's row out of view sits above the view, clipped. */
      int y = pacte_heat_row_get_plan (row) == NULL ? -self->row_height
              : self->top + (int) ((double) pacte_heat_row_get_position (row) * self->row_height - value);

      if (!in_view (self, row) && pacte_heat_row_get_plan (row) != NULL)
        y = -2 * self->row_height;
      gtk_widget_size_allocate (GTK_WIDGET (row), &(GtkAllocation) { 0, y, width, self->row_height }, -1);
    }
  gtk_widget_size_allocate (self->titles, &(GtkAllocation) { 0, 0, width, titles }, -1);
  gtk_widget_size_allocate (self->totals, &(GtkAllocation) { 0, titles, width, totals }, -1);
}

static void
pacte_heat_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->top, width, MAX (0, height - self->top)));
  for (guint i = 0; i < self->rows->len; i++)
    if (in_view (self, row_at (self, i)))
      gtk_widget_snapshot_child (widget, GTK_WIDGET (row_at (self, i)), snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_widget_snapshot_child (widget, self->titles, snapshot);
  gtk_widget_snapshot_child (widget, self->totals, snapshot);
}

/* ---- API ---------------------------------------------------------------- */

void
pacte_heat_grid_update (PacteHeatGrid *self)
{
  g_return_if_fail (PACTE_IS_HEAT_GRID (self));

  pacte_heat_row_update (PACTE_HEAT_ROW (self->totals));
  for (guint i = 0; i < self->rows->len; i++)
    pacte_heat_row_update (row_at (self, i));
}

guint
pacte_heat_grid_get_n_rows (PacteHeatGrid *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_GRID (self), 0);
  return self->rows->len;
}

/* ---- scrollable --------------------------------------------------------- */

static void
set_adjustment (PacteHeatGrid  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == *slot && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  if (slot == &self->vadjustment)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
pacte_heat_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_heat_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_heat_grid_dispose (GObject *object)
{
  PacteHeatGrid *self = PACTE_HEAT_GRID (object);
  GtkWidget *child;

  if (self->plans != NULL)
    g_signal_handlers_disconnect_by_data (self->plans, self);
  g_clear_object (&self->plans);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->focus_plan);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->titles = self->totals = NULL;
  G_OBJECT_CLASS (pacte_heat_grid_parent_class)->dispose (object);
}

static void
pacte_heat_grid_finalize (GObject *object)
{
  g_free (PACTE_HEAT_GRID (object)->columns.x);
  G_OBJECT_CLASS (pacte_heat_grid_parent_class)->finalize (object);
}

static void
pacte_heat_grid_class_init (PacteHeatGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_heat_grid_dispose;
  object_class->finalize = pacte_heat_grid_finalize;
  object_class->get_property = pacte_heat_grid_get_property;
  object_class->set_property = pacte_heat_grid_set_property;
  widget_class->measure = pacte_heat_grid_measure;
  widget_class->size_allocate = pacte_heat_grid_size_allocate;
  widget_class->snapshot = pacte_heat_grid_snapshot;
  widget_class->focus = pacte_heat_grid_focus;
  widget_class->set_focus_child = pacte_heat_grid_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "heatgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
pacte_heat_grid_init (PacteHeatGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_ptr_array_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* Focusable only to hold the focus when its cell's plan goes away. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
pacte_heat_grid_new (PacteOverview *overview,
                     GListModel    *plans)
{
  PacteHeatGrid *self;
  PacteRuleSet *rules;

  g_return_val_if_fail (PACTE_IS_OVERVIEW (overview), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (plans), NULL);

  self = g_object_new (PACTE_TYPE_HEAT_GRID, NULL);
  rules = pacte_context_get_rules (pacte_overview_get_context (overview));
  self->overview = overview;
  self->plans = g_object_ref (plans);
  self->n_plans = g_list_model_get_n_items (plans);
  self->columns.n = PACTE_HEAT_FIRST_RULE + pacte_rule_set_get_n_rules (rules);
  self->columns.x = g_new0 (int, self->columns.n + 1);
  set_columns (self, 0);
  self->titles = pacte_heat_row_new (overview, PACTE_HEAT_ROW_TITLES, &self->columns);
  gtk_widget_set_parent (self->titles, GTK_WIDGET (self));
  self->totals = pacte_heat_row_new (overview, PACTE_HEAT_ROW_TOTALS, &self->columns);
  gtk_widget_set_parent (self->totals, GTK_WIDGET (self));
  g_signal_connect_swapped (plans, "items-changed", G_CALLBACK (on_items_changed), self);
  return GTK_WIDGET (self);
}
