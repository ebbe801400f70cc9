/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-history.c: the undo history of a portfolio.
 *
 * A stack of steps; steps[0 .. pos) are applied, steps[pos ..] can be redone.
 * A step is a list of edits: a field edit (record, field, old and new value)
 * or a list edit (list owner, field, positions, item).  Undo applies the
 * inverse edits in reverse order without recording them.
 *
 * "modified" is pos != saved_pos: undoing back to the saved state clears it.
 * When a new edit drops the redo branch that contained the saved state, that
 * state can no longer be reached (saved_pos = -1) until the next save. */
#include "config.h"

#include "pacte-values-private.h"
#include "pacte-i18n.h"

/* Typing a word is one undo step: edits of the same field closer together
 * than this merge. */
#define MERGE_DELAY_USEC (G_USEC_PER_SEC * 3 / 2)

typedef enum {
  EDIT_FIELD,
  EDIT_INSERT,
  EDIT_REMOVE,
  EDIT_MOVE,
  EDIT_CUSTOM,
} EditKind;

typedef struct
{
  EditKind     kind;
  PacteRecord *record;     /* the edited record, or the list owner */
  guint        field;
  PacteValue   old_value;  /* EDIT_FIELD */
  PacteValue   new_value;
  guint        position;   /* EDIT_INSERT, EDIT_REMOVE; EDIT_MOVE: from */
  guint        to;         /* EDIT_MOVE */
  PacteRecord *item;       /* EDIT_INSERT, EDIT_REMOVE */
  PacteHistoryApplyFunc apply;  /* EDIT_CUSTOM */
  gpointer     data;
  GDestroyNotify destroy;
  char        *label;
} Edit;

typedef struct
{
  char      *label;
  GPtrArray *edits;      /* Edit* */
  gint64     time;       /* of the last edit merged into it */
  guint64    id;         /* unique, so a save point can tell it is still there */
} Step;

struct _PacteHistory
{
  PactePortfolio *portfolio;  /* not a reference: it owns the history */
  GPtrArray      *steps;      /* Step* */
  guint           pos;
  int             saved_pos;  /* -1 when the saved state is unreachable */
  Step           *group;      /* open group, or NULL */
  guint           group_depth;
  gboolean        can_merge;
};

static PacteFieldKind
edit_kind_of_field (PacteRecord *record,
                    guint        field)
{
  return pacte_record_get_field_info (record, field)->kind;
}

/* The portfolio itself is not referenced: it owns the history. */
static PacteRecord *
hold (PacteHistory *self,
      PacteRecord  *record)
{
  if (record == NULL || record == (PacteRecord *) self->portfolio)
    return record;
  return g_object_ref (record);
}

static void
release (PacteHistory *self,
         PacteRecord  *record)
{
  if (record != NULL && record != (PacteRecord *) self->portfolio)
    g_object_unref (record);
}

static void
edit_free (PacteHistory *self,
           Edit         *edit)
{
  if (edit->kind == EDIT_FIELD)
    {
      PacteFieldKind kind = edit_kind_of_field (edit->record, edit->field);

      pacte_value_clear (kind, &edit->old_value);
      pacte_value_clear (kind, &edit->new_value);
    }
  release (self, edit->record);
  g_clear_object (&edit->item);
  if (edit->destroy != NULL)
    edit->destroy (edit->data);
  g_free (edit->label);
  g_free (edit);
}

static Step *
step_new (const char *label)
{
  static guint64 last_id;
  Step *step = g_new0 (Step, 1);

  step->id = ++last_id;
  step->label = g_strdup (label);
  step->edits = g_ptr_array_new ();
  return step;
}

static void
step_free (PacteHistory *self,
           Step         *step)
{
  for (guint i = 0; i < step->edits->len; i++)
    edit_free (self, g_ptr_array_index (step->edits, i));
  g_ptr_array_unref (step->edits);
  g_free (step->label);
  g_free (step);
}

static const char *
type_label (PacteRecord *record)
{
  const char *label = PACTE_RECORD_GET_CLASS (record)->type_label;

  return label != NULL ? _(label) : "";
}

static char *
edit_label (Edit *edit)
{
  switch (edit->kind)
    {
    case EDIT_FIELD:
      /* A field of an item names the item's kind: which objective is
       * meant is clearer with "Action's" before it. */
      if (!PACTE_RECORD_GET_CLASS (edit->record)->is_owner && !PACTE_IS_PORTFOLIO (edit->record)
          && *type_label (edit->record) != '\0')
        /* TRANSLATORS: undo label: a kind of record, then its field: "Change Action’s Objective" */
        return g_strdup_printf (_("Change %s’s %s"), type_label (edit->record),
                                _(pacte_record_get_field_info (edit->record, edit->field)->label));
      /* TRANSLATORS: undo label, %s is a field name: "Change Target" */
      return g_strdup_printf (_("Change %s"),
                              _(pacte_record_get_field_info (edit->record, edit->field)->label));
    case EDIT_INSERT:
      /* TRANSLATORS: undo label, %s is a kind of record: "Add Action" */
      return g_strdup_printf (_("Add %s"), type_label (edit->item));
    case EDIT_REMOVE:
      /* TRANSLATORS: undo label, %s is a kind of record: "Remove Partner" */
      return g_strdup_printf (_("Remove %s"), type_label (edit->item));
    case EDIT_MOVE:
      {
        g_autoptr(PacteRecord) item = g_list_model_get_item (pacte_record_get_list (edit->record, edit->field),
                                                             edit->to);

        /* TRANSLATORS: undo label, %s is a kind of record: "Move Contact" */
        return g_strdup_printf (_("Move %s"), item != NULL ? type_label (item) : "");
      }
    case EDIT_CUSTOM:
      return g_strdup (edit->label);
    default:
      g_assert_not_reached ();
    }
}

PacteHistory *
pacte_history_new (PactePortfolio *portfolio)
{
  PacteHistory *self = g_new0 (PacteHistory, 1);

  self->portfolio = portfolio;
  self->steps = g_ptr_array_new ();
  return self;
}

static void
truncate_steps (PacteHistory *self,
                guint         length)
{
  while (self->steps->len > length)
    {
      Step *step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);

      step_free (self, step);
    }
}

void
pacte_history_free (PacteHistory *self)
{
  if (self == NULL)
    return;
  truncate_steps (self, 0);
  g_ptr_array_unref (self->steps);
  if (self->group != NULL)
    step_free (self, self->group);
  g_free (self);
}

static void
changed (PacteHistory *self)
{
  pacte_portfolio_history_changed (self->portfolio);
}

static void
push_step (PacteHistory *self,
           Step         *step)
{
  /* A new edit drops the redo branch (and the saved state if it was there). */
  truncate_steps (self, self->pos);
  if (self->saved_pos > (int) self->pos)
    self->saved_pos = -1;
  if (step->label == NULL && step->edits->len > 0)
    step->label = edit_label (g_ptr_array_index (step->edits, 0));
  g_ptr_array_add (self->steps, step);
  self->pos++;
}

static void
add_edit (PacteHistory *self,
          Edit         *edit)
{
  Step *step;

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->edits, edit);
      changed (self);
      return;
    }
  step = step_new (NULL);
  step->time = g_get_monotonic_time ();
  g_ptr_array_add (step->edits, edit);
  push_step (self, step);
  self->can_merge = edit->kind == EDIT_FIELD;
  changed (self);
}

void
pacte_history_add_field (PacteHistory *self,
                         PacteRecord  *record,
                         guint         field,
                         PacteValue   *old_value)
{
  PacteFieldKind kind = edit_kind_of_field (record, field);
  gint64 now = g_get_monotonic_time ();
  Edit *edit;

  /* Merge into the last step: same record and field, soon after, nothing
   * (undo, redo, save, group, break_merge) in between. */
  if (self->group == NULL && self->can_merge && self->pos > 0 && self->pos == self->steps->len)
    {
      Step *last = g_ptr_array_index (self->steps, self->pos - 1);
      Edit *prev = last->edits->len == 1 ? g_ptr_array_index (last->edits, 0) : NULL;

      if (prev != NULL && prev->kind == EDIT_FIELD && prev->record == record
          && prev->field == field && now - last->time < MERGE_DELAY_USEC)
        {
          pacte_value_clear (kind, old_value);
          pacte_value_clear (kind, &prev->new_value);
          pacte_value_copy (kind, pacte_record_peek_value (record, field), &prev->new_value);
          last->time = now;
          if (pacte_value_equal (kind, &prev->old_value, &prev->new_value))
            {
              /* Typed and erased: nothing left to undo. */
              g_ptr_array_steal_index (self->steps, self->pos - 1);
              step_free (self, last);
              self->pos--;
              self->can_merge = FALSE;
            }
          changed (self);
          return;
        }
    }

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_FIELD;
  edit->record = hold (self, record);
  edit->field = field;
  edit->old_value = *old_value;
  pacte_value_copy (kind, pacte_record_peek_value (record, field), &edit->new_value);
  add_edit (self, edit);
}

static Edit *
list_edit_new (PacteHistory *self,
               EditKind      kind,
               PacteRecord  *owner,
               guint         field,
               guint         position,
               guint         to,
               PacteRecord  *item)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->record = hold (self, owner);
  edit->field = field;
  edit->position = position;
  edit->to = to;
  edit->item = item != NULL ? g_object_ref (item) : NULL;
  return edit;
}

void
pacte_history_add_insert (PacteHistory *self,
                          PacteRecord  *owner,
                          guint         field,
                          guint         position,
                          PacteRecord  *item)
{
  add_edit (self, list_edit_new (self, EDIT_INSERT, owner, field, position, 0, item));
}

void
pacte_history_add_remove (PacteHistory *self,
                          PacteRecord  *owner,
                          guint         field,
                          guint         position,
                          PacteRecord  *item)
{
  add_edit (self, list_edit_new (self, EDIT_REMOVE, owner, field, position, 0, item));
}

void
pacte_history_add_move (PacteHistory *self,
                        PacteRecord  *owner,
                        guint         field,
                        guint         from,
                        guint         to)
{
  add_edit (self, list_edit_new (self, EDIT_MOVE, owner, field, from, to, NULL));
}

void
pacte_history_add_custom (PacteHistory          *self,
                          const char            *label,
                          PacteHistoryApplyFunc  apply,
                          gpointer               data,
                          GDestroyNotify         destroy)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = EDIT_CUSTOM;
  edit->label = g_strdup (label);
  edit->apply = apply;
  edit->data = data;
  edit->destroy = destroy;
  apply (data, TRUE);
  add_edit (self, edit);
  self->can_merge = FALSE;
}

gboolean
pacte_history_can_undo (PacteHistory *self)
{
  return self->pos > 0 || (self->group != NULL && self->group->edits->len > 0);
}

gboolean
pacte_history_can_redo (PacteHistory *self)
{
  return self->pos < self->steps->len && self->group == NULL;
}

const char *
pacte_history_get_undo_label (PacteHistory *self)
{
  if (self->pos == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->pos - 1))->label;
}

const char *
pacte_history_get_redo_label (PacteHistory *self)
{
  if (self->pos >= self->steps->len || self->group != NULL)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->pos))->label;
}

static void
apply_edit (Edit     *edit,
            gboolean  forward)
{
  switch (edit->kind)
    {
    case EDIT_FIELD:
      pacte_record_apply_value (edit->record, edit->field,
                                forward ? &edit->new_value : &edit->old_value);
      break;
    case EDIT_INSERT:
      if (forward)
        pacte_record_apply_insert (edit->record, edit->field, edit->position, edit->item);
      else
        pacte_record_apply_remove (edit->record, edit->field, edit->position, edit->item);
      break;
    case EDIT_REMOVE:
      if (forward)
        pacte_record_apply_remove (edit->record, edit->field, edit->position, edit->item);
      else
        pacte_record_apply_insert (edit->record, edit->field, edit->position, edit->item);
      break;
    case EDIT_MOVE:
      if (forward)
        pacte_record_apply_move (edit->record, edit->field, edit->position, edit->to);
      else
        pacte_record_apply_move (edit->record, edit->field, edit->to, edit->position);
      break;
    case EDIT_CUSTOM:
      edit->apply (edit->data, forward);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* An open group is closed before undo or redo: its edits become a step. */
static void
close_group (PacteHistory *self)
{
  if (self->group == NULL)
    return;
  self->group_depth = 0;
  pacte_history_end_group (self);
}

gboolean
pacte_history_undo (PacteHistory *self)
{
  Step *step;

  close_group (self);
  if (self->pos == 0)
    return FALSE;
  step = g_ptr_array_index (self->steps, self->pos - 1);
  /* Move the position first: handlers of the changes see the new state. */
  self->pos--;
  self->can_merge = FALSE;
  for (guint i = step->edits->len; i > 0; i--)
    apply_edit (g_ptr_array_index (step->edits, i - 1), FALSE);
  changed (self);
  return TRUE;
}

gboolean
pacte_history_redo (PacteHistory *self)
{
  Step *step;

  close_group (self);
  if (self->pos >= self->steps->len)
    return FALSE;
  step = g_ptr_array_index (self->steps, self->pos);
  self->pos++;
  self->can_merge = FALSE;
  for (guint i = 0; i < step->edits->len; i++)
    apply_edit (g_ptr_array_index (step->edits, i), TRUE);
  changed (self);
  return TRUE;
}

void
pacte_history_begin_group (PacteHistory *self,
                           const char   *label)
{
  if (self->group_depth++ == 0)
    self->group = step_new (label);
  else if (self->group->label == NULL && label != NULL)
    self->group->label = g_strdup (label);
  self->can_merge = FALSE;
}

void
pacte_history_end_group (PacteHistory *self)
{
  Step *group;

  if (self->group_depth > 1)
    {
      self->group_depth--;
      return;
    }
  self->group_depth = 0;
  group = g_steal_pointer (&self->group);
  if (group == NULL)
    return;
  self->can_merge = FALSE;
  if (group->edits->len == 0)
    {
      step_free (self, group);
      return;
    }
  group->time = g_get_monotonic_time ();
  push_step (self, group);
  changed (self);
}

void
pacte_history_break_merge (PacteHistory *self)
{
  self->can_merge = FALSE;
}

void
pacte_history_set_saved (PacteHistory *self)
{
  self->saved_pos = (int) self->pos;
  self->can_merge = FALSE;
  changed (self);
}

PacteSavePoint
pacte_history_get_save_point (PacteHistory *self)
{
  PacteSavePoint point = { self->pos, 0 };

  /* Later edits must not merge into the step being saved. */
  self->can_merge = FALSE;
  if (self->pos > 0)
    point.step_id = ((Step *) g_ptr_array_index (self->steps, self->pos - 1))->id;
  return point;
}

void
pacte_history_set_saved_at (PacteHistory         *self,
                            const PacteSavePoint *point)
{
  /* The saved state is still reachable if the step that ended it is still
   * at the same place (edits made during the save came after it). */
  if (point->pos == 0)
    self->saved_pos = 0;
  else if (point->pos <= self->steps->len
           && ((Step *) g_ptr_array_index (self->steps, point->pos - 1))->id == point->step_id)
    self->saved_pos = (int) point->pos;
  else
    self->saved_pos = -1;
  if (self->pos == point->pos)
    self->can_merge = FALSE;
  changed (self);
}

void
pacte_history_clear (PacteHistory *self)
{
  truncate_steps (self, 0);
  if (self->group != NULL)
    {
      step_free (self, self->group);
      self->group = NULL;
      self->group_depth = 0;
    }
  self->pos = 0;
  self->saved_pos = 0;
  self->can_merge = FALSE;
  changed (self);
}

gboolean
pacte_history_is_modified (PacteHistory *self)
{
  return self->saved_pos != (int) self->pos
         || (self->group != NULL && self->group->edits->len > 0);
}
