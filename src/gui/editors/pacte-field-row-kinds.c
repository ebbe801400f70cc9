/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row-kinds.c: which row edits which field.  The kind comes
 * from the field table (its model kind), except for the few fields whose
 * meaning asks for another row (notes, partners, an action's
 * objective, identifiers). */
#include "config.h"

#include "pacte-field-row.h"
#include "pacte-field-rows.h"

G_DEFINE_ENUM_TYPE (PacteFieldRowKind, pacte_field_row_kind,
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_MULTILINE, "multiline"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_CHOICE, "choice"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_QUARTER, "quarter"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_BOOLEAN, "boolean"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_TAGS, "tags"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_PARTNERS, "partners"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_OBJECTIVE, "objective"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_READONLY, "readonly"))

/* ---- Which row for which field ------------------------------------------------ */

PacteFieldRowKind
pacte_field_row_kind_for_field (const PacteFieldInfo *info)
{
  g_return_val_if_fail (info != NULL, PACTE_FIELD_ROW_READONLY);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
      return PACTE_FIELD_ROW_TEXT;
    case PACTE_FIELD_CHOICE:
      return PACTE_FIELD_ROW_CHOICE;
    case PACTE_FIELD_QUARTER:
      return PACTE_FIELD_ROW_QUARTER;
    case PACTE_FIELD_DATE:
      return PACTE_FIELD_ROW_DATE;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return PACTE_FIELD_ROW_NUMBER;
    case PACTE_FIELD_BOOLEAN:
      return PACTE_FIELD_ROW_BOOLEAN;
    case PACTE_FIELD_STRV:
      return PACTE_FIELD_ROW_TAGS;
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      return PACTE_FIELD_ROW_READONLY;
    }
}

/* Fields whose model kind is plain (a string, a list of strings) but whose
 * meaning asks for another row. */
static const struct {
  GType             (*record_type) (void);
  guint               field;
  PacteFieldRowKind   kind;
} special_fields[] = {
  { pacte_partner_get_type, PACTE_PARTNER_NOTES, PACTE_FIELD_ROW_MULTILINE },
  { pacte_partner_get_type, PACTE_PARTNER_CROSS_BUSINESS_NOTES, PACTE_FIELD_ROW_MULTILINE },
  { pacte_activity_get_type, PACTE_ACTIVITY_NOTE, PACTE_FIELD_ROW_MULTILINE },
  { pacte_plan_get_type, PACTE_PLAN_PARTNERS, PACTE_FIELD_ROW_PARTNERS },
  { pacte_action_get_type, PACTE_ACTION_PARTIES, PACTE_FIELD_ROW_PARTNERS },
  { pacte_event_get_type, PACTE_EVENT_PARTNERS, PACTE_FIELD_ROW_PARTNERS },
  { pacte_action_get_type, PACTE_ACTION_OBJECTIVE, PACTE_FIELD_ROW_OBJECTIVE },
};

PacteFieldRowKind
pacte_field_row_kind_for_record_field (GType record_type,
                                       guint field)
{
  g_autoptr(GTypeClass) klass = NULL;
  const PacteFieldInfo *info;

  g_return_val_if_fail (g_type_is_a (record_type, PACTE_TYPE_RECORD), PACTE_FIELD_ROW_READONLY);

  for (guint i = 0; i < G_N_ELEMENTS (special_fields); i++)
    if (special_fields[i].record_type () == record_type && special_fields[i].field == field)
      return special_fields[i].kind;
  klass = g_type_class_ref (record_type);
  g_return_val_if_fail (field < PACTE_RECORD_CLASS (klass)->n_fields, PACTE_FIELD_ROW_READONLY);
  info = &PACTE_RECORD_CLASS (klass)->fields[field];
  /* Identifiers are made by the application, never typed. */
  if (g_strcmp0 (info->property, "id") == 0)
    return PACTE_FIELD_ROW_READONLY;
  return pacte_field_row_kind_for_field (info);
}

GType
pacte_field_row_type_for_kind (PacteFieldRowKind kind)
{
  switch (kind)
    {
    case PACTE_FIELD_ROW_TEXT:
      return PACTE_TYPE_TEXT_ROW;
    case PACTE_FIELD_ROW_MULTILINE:
      return PACTE_TYPE_NOTES_ROW;
    case PACTE_FIELD_ROW_CHOICE:
      return PACTE_TYPE_CHOICE_ROW;
    case PACTE_FIELD_ROW_DATE:
      return PACTE_TYPE_DATE_ROW;
    case PACTE_FIELD_ROW_NUMBER:
      return PACTE_TYPE_NUMBER_ROW;
    case PACTE_FIELD_ROW_QUARTER:
      return PACTE_TYPE_QUARTER_ROW;
    case PACTE_FIELD_ROW_BOOLEAN:
      return PACTE_TYPE_SWITCH_ROW;
    case PACTE_FIELD_ROW_TAGS:
      return PACTE_TYPE_TAGS_ROW;
    case PACTE_FIELD_ROW_PARTNERS:
      return PACTE_TYPE_PARTNERS_ROW;
    case PACTE_FIELD_ROW_OBJECTIVE:
      return PACTE_TYPE_OBJECTIVE_ROW;
    case PACTE_FIELD_ROW_READONLY:
      return PACTE_TYPE_READONLY_ROW;
    default:
      g_return_val_if_reached (PACTE_TYPE_READONLY_ROW);
    }
}

