/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-import.c: what importing a CSV of partners will change, and
 * making those changes in one undo step.
 *
 * The plan is computed without touching the portfolio: each row is read
 * into a detached partner (the new one, or a scratch copy of the mapped
 * fields for an update) through the record setters, which check every
 * value as the editors do; an update keeps the fields whose value differs.
 * Applying copies those values through the setters of the real partners,
 * inside one history group. */
#include "config.h"

#include <string.h>

#include "pacte-csv-private.h"
#include "pacte-i18n.h"

typedef struct
{
  PacteCsvEntry entry;
  PactePartner *values;   /* updates: the new values (detached); NULL for a new partner */
  PacteContact *contact;  /* updates: the row's contact, new (detached) or its new values; or NULL */
  PacteContact *contact_target; /* the partner's contact it updates; NULL: contact is added */
} Entry;

struct _PacteCsvPlan
{
  PactePortfolio *portfolio;
  gulong          changed_id;
  gboolean        stale;
  gboolean        applied;
  GPtrArray      *entries;   /* Entry *, in the order of the rows */
  guint           n_added;
  guint           n_updated;
  guint           n_unchanged;
};

static void
change_free (gpointer data)
{
  PacteCsvChange *change = data;

  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->entry.partner);
  g_clear_object (&entry->values);
  g_clear_object (&entry->contact);
  g_clear_object (&entry->contact_target);
  g_clear_pointer (&entry->entry.changes, g_ptr_array_unref);
  g_free (entry);
}

static void
on_portfolio_changed (PactePortfolio *portfolio G_GNUC_UNUSED,
                      PacteRecord    *owner G_GNUC_UNUSED,
                      PacteRecord    *record G_GNUC_UNUSED,
                      guint           field G_GNUC_UNUSED,
                      PacteCsvPlan   *self)
{
  self->stale = TRUE;
}

/* "FILE: row 4 (line 6), column 2 (“Account Name”): DETAIL". */
static void
row_error (GError        **error,
           int             code,
           PacteCsvTable  *table,
           guint           row,
           int             column,
           const char     *detail)
{
  guint number = pacte_csv_table_get_row_number (table, row);
  guint line = pacte_csv_table_get_row_line (table, row);

  if (column >= 0)
    {
      g_autofree char *header = g_strdup (pacte_csv_table_get_header (table, column));
      g_autofree char *where = g_strdup_printf (_("row %u (line %u), column %u (“%s”)"),
                                                number, line, column + 1, header);

      g_set_error (error, PACTE_CSV_ERROR, code, "%s: %s: %s",
                   pacte_csv_table_get_display_name (table), where, detail);
    }
  else
    {
      /* Translators: a row of a CSV file, as a spreadsheet numbers it, and the line where it starts. */
      g_autofree char *where = g_strdup_printf (_("row %u (line %u)"), number, line);

      g_set_error (error, PACTE_CSV_ERROR, code, "%s: %s: %s",
                   pacte_csv_table_get_display_name (table), where, detail);
    }
}

static const char *
cell_text (PacteCsvTable *table,
           guint          row,
           int            column,
           char         **stripped)
{
  if (column < 0)
    return "";
  *stripped = g_strstrip (g_strdup (pacte_csv_unguard (pacte_csv_table_get_cell (table, row, column))));
  return *stripped;
}

/* A change of field (PACTE_PARTNER_*, or PACTE_CSV_CONTACT + a contact's
 * field, read from the contacts before and after). */
static PacteCsvChange *
change_new (PacteRecord *before,
            PacteRecord *after,
            guint        field)
{
  PacteCsvChange *change = g_new0 (PacteCsvChange, 1);
  guint own = field >= PACTE_CSV_CONTACT ? field - PACTE_CSV_CONTACT : field;

  change->field = field;
  change->before = before != NULL ? pacte_csv_format_record_value (before, own, NULL, FALSE)
                                  : g_strdup ("");
  change->after = pacte_csv_format_record_value (after, own, NULL, FALSE);
  return change;
}

/* Ids for new partners, as the window gives them ("p-12"): counted on from
 * the highest in use, skipping any the import itself brings. */
typedef struct
{
  PactePortfolio *portfolio;
  GHashTable     *new_ids;
  guint64         next;
} IdMaker;

static char *
id_maker_next (IdMaker *maker)
{
  for (;;)
    {
      char *id = g_strdup_printf ("p-%" G_GUINT64_FORMAT, maker->next++);

      if (pacte_portfolio_find_partner (maker->portfolio, id) == NULL
          && !g_hash_table_contains (maker->new_ids, id))
        return id;
      g_free (id);
    }
}

/* Reads the mapped cells of row into values, and those of the contact's
 * columns into contact (fields_set then holds PACTE_CSV_CONTACT + field);
 * FALSE with the row and column on a value the field cannot take, or on a
 * contact's details without the contact's name. */
static gboolean
read_row (PacteCsvTable   *table,
          PacteCsvMapping *mapping,
          guint            row,
          PactePartner    *values,
          PacteContact    *contact,
          gboolean         with_id,
          GPtrArray       *fields_set,
          GError         **error)
{
  int contact_column = -1;

  for (guint c = 0; c < pacte_csv_table_get_n_columns (table); c++)
    {
      int field = pacte_csv_mapping_get_field (mapping, c);
      const char *cell = pacte_csv_table_get_cell (table, row, c);
      PacteRecord *record = PACTE_RECORD (values);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *stripped = NULL;

      if (field == PACTE_CSV_IGNORE || (field == PACTE_PARTNER_ID && !with_id))
        continue;
      stripped = g_strstrip (g_strdup (cell));
      /* An empty cell leaves the field as it is. */
      if (*stripped == '\0')
        continue;
      if (field >= PACTE_CSV_CONTACT)
        {
          record = PACTE_RECORD (contact);
          if (contact_column < 0)
            contact_column = (int) c;
        }
      if (!pacte_csv_set_from_text (record, (guint) (field >= PACTE_CSV_CONTACT ? field - PACTE_CSV_CONTACT : field),
                                    cell, &local_error))
        {
          row_error (error, PACTE_CSV_ERROR_VALUE, table, row, c, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (fields_set, GUINT_TO_POINTER (field));
    }
  if (contact_column >= 0 && *pacte_record_get_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME) == '\0')
    {
      int name_column = pacte_csv_mapping_find_column (mapping, PACTE_CSV_CONTACT + PACTE_CONTACT_NAME);

      row_error (error, PACTE_CSV_ERROR_VALUE, table, row, name_column >= 0 ? name_column : contact_column,
                 name_column >= 0
                 ? _("this row has a contact’s details but not the contact’s name: a contact needs one")
                 : _("this row has a contact’s details, and no column is mapped to the contact’s name it needs"));
      return FALSE;
    }
  return TRUE;
}

/* The partner's contact of that name (without case or accents), or NULL. */
static PacteContact *
find_contact (PactePartner *partner,
              const char   *name)
{
  g_autofree char *key = pacte_csv_match_key (name);
  guint n;
  PacteRecord * const *contacts = pacte_record_get_items (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *other = pacte_csv_match_key (pacte_record_get_string (contacts[i], PACTE_CONTACT_NAME));

      if (g_str_equal (key, other))
        return PACTE_CONTACT (contacts[i]);
    }
  return NULL;
}

PacteCsvPlan *
pacte_csv_plan_new (PactePortfolio   *portfolio,
                    PacteCsvTable    *table,
                    PacteCsvMapping  *mapping,
                    GError          **error)
{
  g_autoptr(PacteCsvPlan) self = NULL;
  g_autoptr(GHashTable) by_name = NULL;    /* key -> PactePartner (in the portfolio) */
  g_autoptr(GHashTable) targeted = NULL;   /* PactePartner -> row number */
  g_autoptr(GHashTable) new_by_id = NULL;  /* id -> row number */
  g_autoptr(GHashTable) new_by_name = NULL;/* key -> row number */
  g_autoptr(GPtrArray) fields_set = g_ptr_array_new ();
  g_autofree char *first_id = NULL;
  PacteRecord * const *partners;
  guint n_partners;
  int id_column, name_column;
  IdMaker maker;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (table != NULL && mapping != NULL, NULL);
  g_return_val_if_fail (pacte_csv_mapping_get_n_columns (mapping) == pacte_csv_table_get_n_columns (table), NULL);

  self = g_new0 (PacteCsvPlan, 1);
  self->portfolio = g_object_ref (portfolio);
  self->entries = g_ptr_array_new_with_free_func (entry_free);

  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  partners = pacte_record_get_items (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, &n_partners);
  for (guint i = 0; i < n_partners; i++)
    {
      char *key = pacte_csv_match_key (pacte_record_get_string (partners[i], PACTE_PARTNER_NAME));

      /* Two partners of the same name: the first is matched. */
      if (g_hash_table_contains (by_name, key))
        g_free (key);
      else
        g_hash_table_insert (by_name, key, partners[i]);
    }
  targeted = g_hash_table_new (NULL, NULL);
  new_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  new_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  first_id = pacte_portfolio_new_id (portfolio, PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, "p");
  maker.portfolio = portfolio;
  maker.new_ids = new_by_id;
  maker.next = g_ascii_strtoull (first_id + 2, NULL, 10);

  id_column = pacte_csv_mapping_find_column (mapping, PACTE_PARTNER_ID);
  name_column = pacte_csv_mapping_find_column (mapping, PACTE_PARTNER_NAME);

  for (guint row = 0; row < pacte_csv_table_get_n_rows (table); row++)
    {
      g_autofree char *id_buffer = NULL;
      g_autofree char *name_buffer = NULL;
      g_autofree char *name_key = NULL;
      const char *id = cell_text (table, row, id_column, &id_buffer);
      const char *name = cell_text (table, row, name_column, &name_buffer);
      guint number = pacte_csv_table_get_row_number (table, row);
      PactePartner *partner = NULL;
      gboolean by_id = FALSE;
      guint earlier = 0;
      Entry *entry;

      if (*name != '\0')
        name_key = pacte_csv_match_key (name);
      if (*id != '\0')
        {
          partner = pacte_portfolio_find_partner (portfolio, id);
          by_id = partner != NULL;
          if (partner == NULL)
            earlier = GPOINTER_TO_UINT (g_hash_table_lookup (new_by_id, id));
        }
      if (partner == NULL && earlier == 0 && name_key != NULL)
        {
          partner = g_hash_table_lookup (by_name, name_key);
          if (partner == NULL)
            earlier = GPOINTER_TO_UINT (g_hash_table_lookup (new_by_name, name_key));
        }
      if (partner != NULL)
        earlier = GPOINTER_TO_UINT (g_hash_table_lookup (targeted, partner));
      if (earlier != 0)
        {
          g_autofree char *detail = g_strdup_printf (_("this row describes the same partner as row %u: keep one of them"),
                                                     earlier);

          row_error (error, PACTE_CSV_ERROR_DUPLICATE, table, row,
                     *id != '\0' ? id_column : name_column, detail);
          return NULL;
        }

      g_ptr_array_set_size (fields_set, 0);
      if (partner != NULL)
        {
          g_autoptr(PactePartner) values = g_object_new (PACTE_TYPE_PARTNER, NULL);
          g_autoptr(PacteContact) contact = g_object_new (PACTE_TYPE_CONTACT, NULL);
          g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
          PacteContact *target = NULL;

          g_hash_table_insert (targeted, partner, GUINT_TO_POINTER (number));
          /* The id only finds the partner: ids are what plans refer to. */
          if (!read_row (table, mapping, row, values, contact, FALSE, fields_set, error))
            return NULL;
          if (*pacte_record_get_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME) != '\0')
            target = find_contact (partner, pacte_record_get_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME));
          else
            g_clear_object (&contact);
          for (guint i = 0; i < fields_set->len; i++)
            {
              guint field = GPOINTER_TO_UINT (g_ptr_array_index (fields_set, i));

              if (field >= PACTE_CSV_CONTACT)
                {
                  guint own = field - PACTE_CSV_CONTACT;

                  /* A contact found by name keeps its name as written. */
                  if (target != NULL && (own == PACTE_CONTACT_NAME
                                         || pacte_csv_same_value (PACTE_RECORD (contact), PACTE_RECORD (target), own)))
                    continue;
                  g_ptr_array_add (changes, change_new (target != NULL ? PACTE_RECORD (target) : NULL,
                                                        PACTE_RECORD (contact), field));
                  continue;
                }
              /* A name that matched without case or accents stays as
               * the user wrote it in Pacte. */
              if (field == PACTE_PARTNER_NAME && !by_id)
                continue;
              if (!pacte_csv_same_value (PACTE_RECORD (values), PACTE_RECORD (partner), field))
                g_ptr_array_add (changes, change_new (PACTE_RECORD (partner), PACTE_RECORD (values), field));
            }
          if (changes->len == 0)
            {
              self->n_unchanged++;
              continue;
            }
          entry = g_new0 (Entry, 1);
          entry->entry.row_number = number;
          entry->entry.partner = g_object_ref (partner);
          entry->entry.changes = g_steal_pointer (&changes);
          entry->values = g_steal_pointer (&values);
          entry->contact = g_steal_pointer (&contact);
          entry->contact_target = target != NULL ? g_object_ref (target) : NULL;
          g_ptr_array_add (self->entries, entry);
          self->n_updated++;
          continue;
        }

      /* A new partner. */
      {
        g_autoptr(PactePartner) added = g_object_new (PACTE_TYPE_PARTNER, NULL);
        g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
        g_autofree char *new_id = NULL;
        PacteRecord *contact_added = NULL;  /* owned by added */
        gboolean empty = TRUE;

        for (guint c = 0; c < pacte_csv_table_get_n_columns (table) && empty; c++)
          if (pacte_csv_mapping_get_field (mapping, c) != PACTE_CSV_IGNORE)
            {
              g_autofree char *text = g_strstrip (g_strdup (pacte_csv_table_get_cell (table, row, c)));

              empty = *text == '\0';
            }
        /* A row with nothing in its mapped columns adds nothing. */
        if (empty)
          continue;
        if (name_key == NULL)
          {
            row_error (error, PACTE_CSV_ERROR_VALUE, table, row, name_column,
                       name_column >= 0
                       ? _("this row matches no partner and has no name: a new partner needs one")
                       : _("this row matches no partner, and no column is mapped to the name a new partner needs"));
            return NULL;
          }
        {
          g_autoptr(PacteContact) contact = g_object_new (PACTE_TYPE_CONTACT, NULL);

          if (!read_row (table, mapping, row, added, contact, TRUE, fields_set, error))
            return NULL;
          /* The new partner's first contact. */
          if (*pacte_record_get_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME) != '\0')
            {
              pacte_record_list_insert (PACTE_RECORD (added), PACTE_PARTNER_CONTACTS, 0, PACTE_RECORD (contact));
              contact_added = PACTE_RECORD (contact);
            }
        }
        if (*id == '\0')
          {
            new_id = id_maker_next (&maker);
            pacte_record_set_string (PACTE_RECORD (added), PACTE_PARTNER_ID, new_id, NULL);
            g_ptr_array_insert (fields_set, 0, GUINT_TO_POINTER (PACTE_PARTNER_ID));
          }
        g_hash_table_insert (new_by_id, g_strdup (pacte_record_get_string (PACTE_RECORD (added), PACTE_PARTNER_ID)),
                             GUINT_TO_POINTER (number));
        g_hash_table_insert (new_by_name, g_steal_pointer (&name_key), GUINT_TO_POINTER (number));
        for (guint i = 0; i < fields_set->len; i++)
          {
            guint field = GPOINTER_TO_UINT (g_ptr_array_index (fields_set, i));

            g_ptr_array_add (changes, change_new (NULL, field >= PACTE_CSV_CONTACT ? contact_added : PACTE_RECORD (added),
                                                  field));
          }
        entry = g_new0 (Entry, 1);
        entry->entry.row_number = number;
        entry->entry.partner = g_steal_pointer (&added);
        entry->entry.is_new = TRUE;
        entry->entry.changes = g_steal_pointer (&changes);
        g_ptr_array_add (self->entries, entry);
        self->n_added++;
      }
    }

  self->changed_id = g_signal_connect (portfolio, "record-changed",
                                       G_CALLBACK (on_portfolio_changed), self);
  return g_steal_pointer (&self);
}

void
pacte_csv_plan_free (PacteCsvPlan *self)
{
  if (self == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->portfolio);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

guint
pacte_csv_plan_get_n_added (PacteCsvPlan *self)
{
  return self->n_added;
}

guint
pacte_csv_plan_get_n_updated (PacteCsvPlan *self)
{
  return self->n_updated;
}

guint
pacte_csv_plan_get_n_unchanged (PacteCsvPlan *self)
{
  return self->n_unchanged;
}

guint
pacte_csv_plan_get_n_entries (PacteCsvPlan *self)
{
  return self->entries->len;
}

const PacteCsvEntry *
pacte_csv_plan_get_entry (PacteCsvPlan *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &((Entry *) g_ptr_array_index (self->entries, index))->entry;
}

gboolean
pacte_csv_plan_apply (PacteCsvPlan  *self,
                      GError       **error)
{
  PacteRecord *root;
  guint n_partners;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (self->stale)
    {
      g_set_error_literal (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_VALUE,
                           _("The portfolio changed after the preview was made: nothing was imported; preview the import again"));
      return FALSE;
    }
  if (self->entries->len == 0)
    {
      self->applied = TRUE;
      return TRUE;
    }

  root = PACTE_RECORD (self->portfolio);
  g_signal_handler_block (self->portfolio, self->changed_id);
  pacte_portfolio_break_merge (self->portfolio);
  pacte_portfolio_begin_group (self->portfolio, _("Import Partners"));
  n_partners = g_list_model_get_n_items (pacte_portfolio_get_partners (self->portfolio));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->entry.is_new)
        {
          pacte_record_list_insert (root, PACTE_PORTFOLIO_PARTNERS, n_partners++,
                                    PACTE_RECORD (entry->entry.partner));
          continue;
        }
      /* A new contact of the partner, added whole. */
      if (entry->contact != NULL && entry->contact_target == NULL)
        {
          PacteRecord *partner = PACTE_RECORD (entry->entry.partner);

          pacte_record_list_insert (partner, PACTE_PARTNER_CONTACTS,
                                    g_list_model_get_n_items (pacte_record_get_list (partner, PACTE_PARTNER_CONTACTS)),
                                    PACTE_RECORD (entry->contact));
        }
      for (guint j = 0; j < entry->entry.changes->len; j++)
        {
          PacteCsvChange *change = g_ptr_array_index (entry->entry.changes, j);
          gboolean of_contact = change->field >= PACTE_CSV_CONTACT;

          if (of_contact && entry->contact_target == NULL)
            continue;
          if (!pacte_csv_copy_value (of_contact ? PACTE_RECORD (entry->contact) : PACTE_RECORD (entry->values),
                                     of_contact ? PACTE_RECORD (entry->contact_target) : PACTE_RECORD (entry->entry.partner),
                                     of_contact ? change->field - PACTE_CSV_CONTACT : change->field, error))
            {
              /* Checked when the plan was made: only a bug gets here.
               * Take back what was done. */
              pacte_portfolio_end_group (self->portfolio);
              pacte_portfolio_undo (self->portfolio);
              g_signal_handler_unblock (self->portfolio, self->changed_id);
              self->stale = TRUE;
              return FALSE;
            }
        }
    }
  pacte_portfolio_end_group (self->portfolio);
  pacte_portfolio_break_merge (self->portfolio);
  g_signal_handler_unblock (self->portfolio, self->changed_id);
  self->applied = TRUE;
  /* The plan's partners now live in the portfolio: further edits are not
   * the plan's business. */
  self->stale = TRUE;
  return TRUE;
}
