/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-tags-row.h: the field row of a list of strings (territories,
 * options…), shown as removable chips, with an entry to add more (several
 * at once, separated by commas).  PactePartnersRow shows partner ids by
 * name and adds them with a chooser.
 *
 * Actions: "field.add-value" (s), "field.remove-value" (s). */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_TAGS_ROW (pacte_tags_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (PacteTagsRow, pacte_tags_row, PACTE, TAGS_ROW, PacteFieldRow)

struct _PacteTagsRowClass
{
  PacteFieldRowClass parent_class;

  /* The text of a chip (value itself by default). */
  char *(*display)       (PacteTagsRow       *self,
                          const char         *value);
  /* Optional: the chips now show values (NULL without a record). */
  void  (*chips_changed) (PacteTagsRow       *self,
                          const char * const *values);
};

/* Adds the chips under the title, in content (the classes' build()). */
void pacte_tags_row_add_chips    (PacteTagsRow *self,
                                  GtkBox       *content);
/* Shows the record's values again (a partner was renamed). */
void pacte_tags_row_update_chips (PacteTagsRow *self);

G_END_DECLS
