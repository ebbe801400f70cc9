/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-plan-editor.c: every section of a plan, edited in place.
 *
 * The template declares the groups and the rows of the plan's own fields;
 * the lists (objectives, actions…) are PacteListSection groups bound to the
 * plan's list models.  Showing another plan rebinds rows and models: no
 * widget of the fixed groups is rebuilt, and list rows are created collapsed,
 * their fields only when opened.
 *
 * A plan has some eighty list items, and laying out their texts is most of
 * the cost of showing a plan: the sections are deferred, and made from the
 * frame clock, those in view in the frame that shows the plan, the others
 * one per frame after it, in page order.  Anything that needs a section's
 * rows (focus, the tests' accessors) makes them at once.
 *
 * The page's groups below the view are folded (hidden) when another plan is
 * shown, so that the frame showing it measures only what the user sees;
 * they come back one per frame after it, in page order, and at once for
 * anything that needs them (a light followed to its field, the accessors). */
#include "config.h"

#include <string.h>

#include "pacte-editor-rows.h"
#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-list-section.h"
#include "pacte-plan-editor.h"

struct _PactePlanEditor
{
  AdwBin             parent_instance;

  PacteContext      *context;
  PactePlan         *plan;
  gulong             partners_notify_id;
  gulong             portfolio_changed_id;

  GPtrArray         *field_rows;   /* every PacteFieldRow of the template */
  GPtrArray         *sections;     /* every PacteListSection of the template */
  guint              populate_id;  /* tick callback making deferred sections */
  GPtrArray         *folded;       /* groups of the page hidden below the view */
  GPtrArray         *spare_people; /* person rows out of the list, for later plans */

  GtkStack          *stack;
  AdwPreferencesPage *page;
  GtkListBox        *people_list;

  PacteFieldRow     *name_row;
  PacteFieldRow     *phase_row;
  PacteFieldRow     *segment_row;
  PacteFieldRow     *owner_row;
  PacteFieldRow     *partners_row;
  PacteFieldRow     *sponsor_name_row;
  PacteFieldRow     *revenue_row;
  PacteFieldRow     *budget_row;
  PacteFieldRow     *headcount_row;
  PacteFieldRow     *agreement_type_row;
  PacteListSection  *objectives_section;
  PacteListSection  *forecast_section;
  PacteListSection  *governance_section;
  PacteListSection  *actions_section;
  PacteListSection  *events_section;
  PacteListSection  *communication_section;
  PacteListSection  *enablement_section;
  PacteListSection  *activity_section;
};

G_DEFINE_FINAL_TYPE (PactePlanEditor, pacte_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- People: the partners' alliance partners and champions --------------- */

/* A person row: title, subtitle, and a warning icon shown when the
 * partner names no alliance partner. */
static GtkWidget *
person_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Missing"), -1);
  gtk_widget_set_visible (icon, FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "pacte-missing-icon", icon);
  return row;
}

/* The n-th person row, made only when no earlier plan left one. */
static void
show_person (PactePlanEditor *self,
             guint            n,
             const char      *title,
             const char      *subtitle,
             gboolean         missing)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, (int) n);

  if (row == NULL)
    {
      if (self->spare_people->len > 0)
        {
          row = g_ptr_array_steal_index (self->spare_people, self->spare_people->len - 1);
          gtk_list_box_append (self->people_list, GTK_WIDGET (row));
          g_object_unref (row);
        }
      else
        {
          row = GTK_LIST_BOX_ROW (person_row_new ());
          gtk_list_box_append (self->people_list, GTK_WIDGET (row));
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "pacte-missing-icon"), missing);
}

static void
rebuild_people (PactePlanEditor *self)
{
  PactePortfolio *portfolio = pacte_context_get_portfolio (self->context);
  const char * const *ids;
  GtkListBoxRow *extra;
  guint n_rows = 0;

  ids = self->plan != NULL ? pacte_record_get_strv (PACTE_RECORD (self->plan), PACTE_PLAN_PARTNERS) : NULL;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      PactePartner *partner = pacte_portfolio_find_partner (portfolio, ids[i]);
      const char *partner_name;
      GListModel *contacts;
      gboolean has_alliance = FALSE;
      guint n;

      if (partner == NULL)
        continue;
      partner_name = pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME);
      contacts = pacte_record_get_list (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS);
      n = g_list_model_get_n_items (contacts);
      for (guint c = 0; c < n; c++)
        {
          g_autoptr(PacteRecord) contact = g_list_model_get_item (contacts, c);
          const char *role = pacte_record_get_string (contact, PACTE_CONTACT_ROLE);
          const char *job = pacte_record_get_string (contact, PACTE_CONTACT_JOB_TITLE);
          g_autofree char *subtitle = NULL;

          if (strcmp (role, "alliance-partner") != 0 && strcmp (role, "champion") != 0)
            continue;
          if (strcmp (role, "alliance-partner") == 0)
            has_alliance = TRUE;
          if (job[0] != '\0')
            subtitle = g_strdup_printf ("%s · %s · %s", pacte_choice_display_name (role), partner_name, job);
          else
            subtitle = g_strdup_printf ("%s · %s", pacte_choice_display_name (role), partner_name);
          show_person (self, n_rows++, pacte_record_get_string (contact, PACTE_CONTACT_NAME), subtitle, FALSE);
        }
      if (!has_alliance)
        show_person (self, n_rows++, partner_name, _("No alliance partner named among the contacts"), TRUE);
    }

  if (n_rows == 0 && self->plan != NULL)
    show_person (self, n_rows++, _("No partner chosen yet"), _("Add partners to the plan in the overview"), FALSE);

  /* Rows left over wait, out of the list, for a plan with more people. */
  while ((extra = gtk_list_box_get_row_at_index (self->people_list, (int) n_rows)) != NULL)
    {
      g_ptr_array_add (self->spare_people, g_object_ref (extra));
      gtk_list_box_remove (self->people_list, GTK_WIDGET (extra));
    }
}

static void
portfolio_record_changed_cb (PactePlanEditor *self,
                             PacteRecord     *owner,
                             PacteRecord     *record,
                             guint            field)
{
  if (self->plan == NULL || !PACTE_IS_PARTNER (owner))
    return;

  /* Only partners of this plan, and only what the summary shows. */
  if (!g_strv_contains (pacte_record_get_strv (PACTE_RECORD (self->plan), PACTE_PLAN_PARTNERS),
                        pacte_record_get_string (owner, PACTE_PARTNER_ID)))
    return;
  if ((record == owner && (field == PACTE_PARTNER_NAME || field == PACTE_PARTNER_CONTACTS))
      || PACTE_IS_CONTACT (record))
    rebuild_people (self);
}

/* ---- Deferred sections and folded groups ---------------------------------- */

/* In the page's view. */
static gboolean
section_near_view (GtkWidget *section)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  float height;

  /* A folded group keeps its last allocation: it is not in view. */
  if (!gtk_widget_get_mapped (section))
    return FALSE;
  if (scrolled == NULL || !gtk_widget_compute_bounds (section, scrolled, &bounds))
    return FALSE;
  height = gtk_widget_get_height (scrolled);
  return bounds.origin.y < height && bounds.origin.y + bounds.size.height > 0;
}

/* The box of the page's groups, in page order. */
static GtkWidget *
groups_box (PactePlanEditor *self)
{
  return gtk_widget_get_parent (GTK_WIDGET (self->objectives_section));
}

static void
unfold (PactePlanEditor *self,
        GtkWidget       *group)
{
  if (!g_ptr_array_remove (self->folded, group))
    return;
  gtk_widget_set_visible (group, TRUE);
  if (PACTE_IS_LIST_SECTION (group))
    pacte_list_section_ensure_rows (PACTE_LIST_SECTION (group));
}

static void
unfold_all (PactePlanEditor *self)
{
  while (self->folded->len > 0)
    unfold (self, g_ptr_array_index (self->folded, 0));
}

/* The folded group holding widget, shown again (its rows are wanted). */
static void
unfold_around (PactePlanEditor *self,
               GtkWidget       *widget)
{
  for (guint i = 0; i < self->folded->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->folded, i);

      if (widget == group || gtk_widget_is_ancestor (widget, group))
        {
          unfold (self, group);
          return;
        }
    }
}

/* Before another plan's texts go in: the groups wholly below the view (as
 * last laid out) are hidden, so that the frame showing the plan does not
 * measure them.  Never those above: the content in view stays put. */
static void
fold_below_view (PactePlanEditor *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->objectives_section), GTK_TYPE_SCROLLED_WINDOW);
  float height;

  if (scrolled == NULL || !gtk_widget_get_mapped (scrolled))
    return;
  height = gtk_widget_get_height (scrolled);
  if (height <= 0)
    return;
  for (GtkWidget *group = gtk_widget_get_first_child (groups_box (self));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (group) || !gtk_widget_compute_bounds (group, scrolled, &bounds))
        continue;
      if (bounds.origin.y >= height)
        {
          gtk_widget_set_visible (group, FALSE);
          g_ptr_array_add (self->folded, group);
        }
    }
}

static gboolean
populate_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  PactePlanEditor *self = PACTE_PLAN_EDITOR (widget);
  gboolean laid_out = gtk_widget_get_height (GTK_WIDGET (self->page)) > 0;
  guint made = 0;
  gboolean pending = FALSE;

  /* This frame: the sections the user sees (before laying out, the first
   * ones).  The frames after it: one more each. */
  for (guint i = 0; i < self->sections->len; i++)
    {
      PacteListSection *section = g_ptr_array_index (self->sections, i);

      if (!pacte_list_section_get_pending (section))
        continue;
      if (laid_out ? section_near_view (GTK_WIDGET (section)) : made < 2)
        {
          pacte_list_section_ensure_rows (section);
          made++;
        }
    }
  /* The first thing left in page order: a folded group, or a section
   * (above the view) whose rows are not made. */
  for (GtkWidget *group = gtk_widget_get_first_child (groups_box (self));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      gboolean left = g_ptr_array_find (self->folded, group, NULL)
                      || (PACTE_IS_LIST_SECTION (group) && pacte_list_section_get_pending (PACTE_LIST_SECTION (group)));

      if (!left)
        continue;
      if (made == 0)
        {
          if (g_ptr_array_find (self->folded, group, NULL))
            unfold (self, group);
          else
            pacte_list_section_ensure_rows (PACTE_LIST_SECTION (group));
          made++;
        }
      else
        pending = TRUE;
    }

  if (pending)
    return G_SOURCE_CONTINUE;
  self->populate_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_populate (PactePlanEditor *self)
{
  if (self->populate_id == 0)
    self->populate_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), populate_tick_cb, NULL, NULL);
}

/* ---- Focus for a rule ------------------------------------------------------ */

gboolean
pacte_plan_editor_reveal_fix (PactePlanEditor *self,
                              PacteFixKind     kind,
                              PacteRecord     *record,
                              const char      *field)
{
  g_return_val_if_fail (PACTE_IS_PLAN_EDITOR (self), FALSE);

  if (self->plan == NULL || record == NULL
      || pacte_record_get_owner (record) != PACTE_RECORD (self->plan))
    return FALSE;
  /* The field may be in a group still folded: the whole page, as the user
   * is taken somewhere in it. */
  unfold_all (self);
  return pacte_editor_reveal_fix (self->field_rows, self->sections, kind, record, field);
}

/* ---- Plumbing ---------------------------------------------------------------- */

static void
pacte_plan_editor_constructed (GObject *object)
{
  PactePlanEditor *self = PACTE_PLAN_EDITOR (object);
  PactePortfolio *portfolio;
  const char *currency;

  G_OBJECT_CLASS (pacte_plan_editor_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  portfolio = pacte_context_get_portfolio (self->context);
  currency = pacte_portfolio_get_currency (portfolio);
  for (guint i = 0; i < self->field_rows->len; i++)
    pacte_field_row_set_context (g_ptr_array_index (self->field_rows, i), self->context);
  for (guint i = 0; i < self->sections->len; i++)
    {
      pacte_list_section_set_context (g_ptr_array_index (self->sections, i), self->context);
      pacte_list_section_set_deferred (g_ptr_array_index (self->sections, i), TRUE);
    }
  pacte_field_row_set_unit (self->revenue_row, currency);
  pacte_field_row_set_unit (self->budget_row, currency);
  pacte_field_row_set_unit (self->headcount_row, _("FTE"));

  self->portfolio_changed_id = g_signal_connect_swapped (portfolio, "record-changed",
                                                         G_CALLBACK (portfolio_record_changed_cb), self);
}

static void
pacte_plan_editor_dispose (GObject *object)
{
  PactePlanEditor *self = PACTE_PLAN_EDITOR (object);

  if (self->plan != NULL)
    g_clear_signal_handler (&self->partners_notify_id, self->plan);
  if (self->context != NULL)
    g_clear_signal_handler (&self->portfolio_changed_id, pacte_context_get_portfolio (self->context));
  if (self->populate_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->populate_id);
  self->populate_id = 0;
  g_clear_object (&self->plan);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->spare_people, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pacte_plan_editor_parent_class)->dispose (object);
}

static void
pacte_plan_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactePlanEditor *self = PACTE_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_plan_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PactePlanEditor *self = PACTE_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      pacte_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_plan_editor_class_init (PactePlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pacte_plan_editor_constructed;
  object_class->dispose = pacte_plan_editor_dispose;
  object_class->get_property = pacte_plan_editor_get_property;
  object_class->set_property = pacte_plan_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PACTE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, PACTE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PACTE_TYPE_FIELD_ROW);
  g_type_ensure (PACTE_TYPE_LIST_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, segment_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, sponsor_name_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, headcount_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, agreement_type_row);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, objectives_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, forecast_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, governance_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, actions_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, events_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, communication_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, enablement_section);
  gtk_widget_class_bind_template_child (widget_class, PactePlanEditor, activity_section);
}

static void
pacte_plan_editor_init (PactePlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  self->sections = g_ptr_array_new ();
  self->spare_people = g_ptr_array_new_with_free_func (g_object_unref);
  self->folded = g_ptr_array_new ();
  pacte_editor_collect_rows (GTK_WIDGET (self->page), PACTE_TYPE_PLAN, self->field_rows, self->sections);
}

GtkWidget *
pacte_plan_editor_new (PacteContext *ctx)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (ctx), NULL);

  return g_object_new (PACTE_TYPE_PLAN_EDITOR, "context", ctx, NULL);
}

void
pacte_plan_editor_set_plan (PactePlanEditor *self,
                            PactePlan       *plan)
{
  g_return_if_fail (PACTE_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || PACTE_IS_PLAN (plan));

  if (plan == self->plan)
    return;

  if (self->plan != NULL)
    g_clear_signal_handler (&self->partners_notify_id, self->plan);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    fold_below_view (self);
  else
    unfold_all (self);
  for (guint i = 0; i < self->field_rows->len; i++)
    pacte_field_row_set_record (g_ptr_array_index (self->field_rows, i), PACTE_RECORD (plan));
  for (guint i = 0; i < self->sections->len; i++)
    pacte_list_section_set_record (g_ptr_array_index (self->sections, i), PACTE_RECORD (plan));
  if (plan != NULL)
    schedule_populate (self);

  if (plan != NULL)
    {
      const char *property = pacte_record_get_field_info (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS)->property;
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      self->partners_notify_id = g_signal_connect_swapped (plan, signal, G_CALLBACK (rebuild_people), self);
    }
  rebuild_people (self);

  gtk_stack_set_visible_child_name (self->stack, plan != NULL ? "editor" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

PactePlan *
pacte_plan_editor_get_plan (PactePlanEditor *self)
{
  g_return_val_if_fail (PACTE_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

GtkWidget *
pacte_plan_editor_get_field_row (PactePlanEditor *self,
                                 const char      *key)
{
  GtkWidget *row;

  g_return_val_if_fail (PACTE_IS_PLAN_EDITOR (self), NULL);

  row = pacte_editor_find_field_row (self->field_rows, key);
  if (row != NULL)
    unfold_around (self, row);
  return row;
}

GtkWidget *
pacte_plan_editor_get_section (PactePlanEditor *self,
                               const char      *key)
{
  g_return_val_if_fail (PACTE_IS_PLAN_EDITOR (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    if (g_strcmp0 (pacte_list_section_get_key (g_ptr_array_index (self->sections, i)), key) == 0)
      {
        unfold_around (self, g_ptr_array_index (self->sections, i));
        return g_ptr_array_index (self->sections, i);
      }
  return NULL;
}
