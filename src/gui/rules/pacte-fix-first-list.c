/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-analysis.h"
#include "pacte-fix-first-list.h"
#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-light.h"

#define N_SHOWN 3  /* the rest behind the expander */

struct _PacteFixFirstList
{
  GtkBox       parent_instance;

  GtkWidget   *heading;
  GtkWidget   *rows;       /* the first N_SHOWN */
  GtkExpander *more;
  GtkWidget   *more_label; /* the expander's: gtk_expander_set_label() makes a new one */
  GtkWidget   *more_rows;
  GArray      *fixes;      /* PacteFix, as shown */
  GPtrArray   *rule_ids;   /* char *, same order */
  GPtrArray   *texts;      /* what each row says, to skip rebinding the same */
  GArray      *pool;       /* FixRow, made once: the n-th shows the n-th fix */
};

/* The widgets of one entry, made the first time a plan has that many fixes
 * and given the fix of each later plan (a plan switch makes no widget). */
typedef struct {
  GtkWidget *row;
  GtkWidget *light;
  GtkWidget *title;
  GtkWidget *gain;
  GtkWidget *advice;
  GtkWidget *button;
} FixRow;

G_DEFINE_FINAL_TYPE (PacteFixFirstList, pacte_fix_first_list, GTK_TYPE_BOX)

enum { FIX_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_button_clicked (GtkButton         *button,
                   PacteFixFirstList *self)
{
  const char *rule_id = g_object_get_data (G_OBJECT (button), "rule-id");

  if (rule_id != NULL)
    g_signal_emit (self, signals[FIX_ACTIVATED], 0, rule_id);
}

/* A label queues a relayout even for the same text: only when it differs. */
static void
set_label (GtkWidget  *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
}

/* One fix: "R15 Joint customer events  +6 points" over its advice, and the
 * button that goes to the field; the n-th is in the first rows or behind
 * the expander. */
static FixRow
fix_row_new (PacteFixFirstList *self,
             guint              n)
{
  FixRow r;
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* A grid, not a horizontal box: a box allocating its children asks each
   * its width for the row's height, which for the wrapped advice is a
   * search over widths (a dozen text layouts) at every change. */
  r.row = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (r.row), 6);
  gtk_widget_add_css_class (r.row, "fix-first-row");
  r.light = pacte_light_new ();
  gtk_widget_set_valign (r.light, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), r.light);

  r.title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (r.title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (r.title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (r.title, TRUE);
  gtk_widget_add_css_class (r.title, "heading");
  gtk_box_append (GTK_BOX (line), r.title);

  r.gain = gtk_label_new (NULL);
  gtk_widget_add_css_class (r.gain, "numeric");
  gtk_box_append (GTK_BOX (line), r.gain);
  gtk_box_append (GTK_BOX (texts), line);

  r.advice = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (r.advice), 0);
  gtk_label_set_wrap (GTK_LABEL (r.advice), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (r.advice), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (r.advice), 3);
  gtk_label_set_ellipsize (GTK_LABEL (r.advice), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (r.advice, "caption");
  gtk_widget_add_css_class (r.advice, "dim-label");
  gtk_box_append (GTK_BOX (texts), r.advice);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_grid_attach (GTK_GRID (r.row), texts, 0, 0, 1, 1);

  r.button = gtk_button_new_from_icon_name ("go-jump-symbolic");
  gtk_widget_set_valign (r.button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (r.button, "flat");
  g_signal_connect (r.button, "clicked", G_CALLBACK (on_button_clicked), self);
  gtk_grid_attach (GTK_GRID (r.row), r.button, 1, 0, 1, 1);

  gtk_box_append (GTK_BOX (n < N_SHOWN ? self->rows : self->more_rows), r.row);
  return r;
}

static void
fix_row_bind (FixRow          *r,
              PacteRuleResult *result,
              const PacteFix  *fix)
{
  g_autofree char *rule = g_strdup_printf ("%s %s", pacte_rule_result_get_rule_id (result),
                                           pacte_rule_result_get_title (result));
  g_autofree char *gain_text = g_strdup_printf ("+%d", fix->gain);
  g_autofree char *gain_name = NULL;
  g_autofree char *go = NULL;
  const char *advice = pacte_rule_result_get_advice (result);

  pacte_light_set_status (PACTE_LIGHT (r->light), fix->status);
  pacte_light_set_rule_label (PACTE_LIGHT (r->light), rule);

  set_label (r->title, rule);
  pacte_lazy_tooltip_set (r->title, rule);

  set_label (r->gain, gain_text);
  /* Translators: what fixing a rule adds to the plan's score */
  gain_name = g_strdup_printf (ngettext ("+%d point to the score", "+%d points to the score", fix->gain), fix->gain);
  pacte_lazy_tooltip_set (r->gain, gain_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->gain), GTK_ACCESSIBLE_PROPERTY_LABEL, gain_name, -1);

  set_label (r->advice, advice);
  pacte_lazy_tooltip_set (r->advice, advice);

  /* Translators: the button beside a fix-first entry: "Go to the field that fixes R15 Joint customer events" */
  go = g_strdup_printf (_("Go to the field that fixes %s"), rule);
  pacte_lazy_tooltip_set (r->button, go);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->button), GTK_ACCESSIBLE_PROPERTY_LABEL, go, -1);
  g_object_set_data_full (G_OBJECT (r->button), "rule-id", g_strdup (pacte_rule_result_get_rule_id (result)), g_free);
  gtk_widget_set_visible (r->row, TRUE);
}

void
pacte_fix_first_list_update (PacteFixFirstList *self,
                             PactePlanResults  *results)
{
  guint n_rules = results != NULL ? g_list_model_get_n_items (G_LIST_MODEL (results)) : 0;
  g_autofree PacteStatus *statuses = g_new0 (PacteStatus, MAX (n_rules, 1));
  g_autofree PacteFix *fixes = g_new0 (PacteFix, MAX (n_rules, 1));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean same;
  guint n;

  g_return_if_fail (PACTE_IS_FIX_FIRST_LIST (self));
  g_return_if_fail (results == NULL || PACTE_IS_PLAN_RESULTS (results));

  for (guint r = 0; r < n_rules; r++)
    statuses[r] = pacte_rule_result_get_status (pacte_plan_results_get_result (results, r));
  n = pacte_fix_first_plan (statuses, n_rules, fixes);

  /* The rows say the rule, its status, its gain and its advice (which the
   * language switch changes): rebound only when one of those changed. */
  for (guint f = 0; f < n; f++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (results, fixes[f].rule_index);

      g_ptr_array_add (texts, g_strdup_printf ("%s\n%d\n%d\n%s\n%s", pacte_rule_result_get_rule_id (result),
                                               fixes[f].status, fixes[f].gain, pacte_rule_result_get_title (result),
                                               pacte_rule_result_get_advice (result)));
    }
  same = texts->len == self->texts->len;
  for (guint f = 0; same && f < n; f++)
    same = g_str_equal (g_ptr_array_index (texts, f), g_ptr_array_index (self->texts, f));
  if (same)
    return;

  g_ptr_array_set_size (self->texts, 0);
  g_ptr_array_set_size (self->rule_ids, 0);
  g_array_set_size (self->fixes, 0);
  for (guint f = 0; f < n; f++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (results, fixes[f].rule_index);

      g_ptr_array_add (self->texts, g_strdup (g_ptr_array_index (texts, f)));
      g_ptr_array_add (self->rule_ids, g_strdup (pacte_rule_result_get_rule_id (result)));
      g_array_append_val (self->fixes, fixes[f]);
      if (f == self->pool->len)
        {
          FixRow r = fix_row_new (self, f);

          g_array_append_val (self->pool, r);
        }
      fix_row_bind (&g_array_index (self->pool, FixRow, f), result, &fixes[f]);
    }
  /* Rows beyond this plan's fixes wait, hidden, for a plan with more. */
  for (guint f = n; f < self->pool->len; f++)
    {
      FixRow *r = &g_array_index (self->pool, FixRow, f);

      gtk_widget_set_visible (r->row, FALSE);
      g_object_set_data (G_OBJECT (r->button), "rule-id", NULL);
    }
  if (n > N_SHOWN)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u more rule to fix", "%u more rules to fix", n - N_SHOWN),
                                                n - N_SHOWN);

      set_label (self->more_label, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more), n > N_SHOWN);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

guint
pacte_fix_first_list_get_n_fixes (PacteFixFirstList *self)
{
  g_return_val_if_fail (PACTE_IS_FIX_FIRST_LIST (self), 0);
  return self->fixes->len;
}

const char *
pacte_fix_first_list_get_rule_id (PacteFixFirstList *self,
                                  guint              position)
{
  g_return_val_if_fail (PACTE_IS_FIX_FIRST_LIST (self), NULL);
  g_return_val_if_fail (position < self->rule_ids->len, NULL);
  return g_ptr_array_index (self->rule_ids, position);
}

int
pacte_fix_first_list_get_gain (PacteFixFirstList *self,
                               guint              position)
{
  g_return_val_if_fail (PACTE_IS_FIX_FIRST_LIST (self), 0);
  g_return_val_if_fail (position < self->fixes->len, 0);
  return g_array_index (self->fixes, PacteFix, position).gain;
}

GtkWidget *
pacte_fix_first_list_get_button (PacteFixFirstList *self,
                                 guint              position)
{
  g_return_val_if_fail (PACTE_IS_FIX_FIRST_LIST (self), NULL);
  g_return_val_if_fail (position < self->fixes->len, NULL);
  return g_array_index (self->pool, FixRow, position).button;
}

static void
pacte_fix_first_list_finalize (GObject *object)
{
  PacteFixFirstList *self = PACTE_FIX_FIRST_LIST (object);

  g_array_unref (self->fixes);
  g_ptr_array_unref (self->rule_ids);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->pool);
  G_OBJECT_CLASS (pacte_fix_first_list_parent_class)->finalize (object);
}

static void
pacte_fix_first_list_class_init (PacteFixFirstListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacte_fix_first_list_finalize;
  signals[FIX_ACTIVATED] =
    g_signal_new ("fix-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pacte_fix_first_list_init (PacteFixFirstList *self)
{
  GtkWidget *box = GTK_WIDGET (self);

  self->fixes = g_array_new (FALSE, FALSE, sizeof (PacteFix));
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->pool = g_array_new (FALSE, FALSE, sizeof (FixRow));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (box, "fix-first");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fix first: the failing rules, the largest gain first"), -1);

  self->heading = gtk_label_new (_("Fix First"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (self), self->heading);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self), self->rows);
  self->more = GTK_EXPANDER (gtk_expander_new (NULL));
  self->more_label = gtk_label_new (NULL);
  gtk_expander_set_label_widget (self->more, self->more_label);
  self->more_rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (self->more_rows, 6);
  gtk_expander_set_child (self->more, self->more_rows);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->more));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pacte_fix_first_list_new (void)
{
  return g_object_new (PACTE_TYPE_FIX_FIRST_LIST, NULL);
}
