/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-section-private.h: shared by pacte-list-section.c (the
 * section), pacte-list-section-specs.c (the table of how each kind of item
 * is edited) and pacte-item-row.c (one item's expander row). */
#pragma once

#include "pacte-list-section.h"

G_BEGIN_DECLS

/* One field of an item.  Its label and its kind of row come from the
 * field table (pacte_field_row_kind_for_record_field()). */
typedef struct {
  guint              field;
  gboolean           currency;  /* an amount: the portfolio currency as its unit */
} ItemField;

typedef struct _ItemSpec ItemSpec;
struct _ItemSpec {
  const char      *key;
  GType          (*owner_type) (void);
  guint            list_field;
  int              title_field;
  const char      *untitled;          /* N_() */
  const char      *accessible_format; /* N_("%s of objective “%s”"): field label, item title */
  const char      *add_label;         /* N_() */
  const char      *empty_label;       /* N_() */
  const char      *id_prefix;         /* items with ids get fresh ones */
  int              id_field;
  void           (*describe)  (PacteListSection *section, PacteRecord *item, GPtrArray *parts);
  void           (*init_item) (PacteListSection *section, PacteRecord *item);
  const ItemField *fields;
  guint            n_fields;
  gboolean         read_only;
};

struct _PacteListSection
{
  AdwPreferencesGroup  parent_instance;

  char                *key;
  const ItemSpec      *spec;
  PacteContext        *context;
  PacteRecord         *record;
  GListModel          *items;

  GtkWidget           *list_box;
  GtkWidget           *add_button;
  GtkWidget           *empty_label;

  gboolean             deferred;  /* set_record leaves the rows to ensure_rows */
  gboolean             bound;     /* list_box shows the rows of items */
  GPtrArray           *spare_rows;/* rows out of the list box, for later items */
};

/* pacte-list-section-specs.c */
/* The spec of the lists named key ("objectives"), or NULL. */
const ItemSpec *pacte_list_section_find_spec (const char *key);
/* A translated pattern with two "%s" (or "%1$s" and "%2$s") filled in
 * without printf. */
char    *pacte_list_section_fill_pattern (const char     *pattern,
                                          const char     *first,
                                          const char     *second);
/* The title of an item as its row shows it. */
char    *pacte_list_section_item_title   (const ItemSpec *spec,
                                          PacteRecord    *item);

G_END_DECLS
