/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-layout.c: the JSON shape of a record class (its layout), derived
 * once from its field table; shared by the loader and the saver. */
#include "config.h"

#include "pacte-json-layout-private.h"

/* ---- Layouts ------------------------------------------------------------ */

static GMutex layouts_lock;
static GHashTable *layouts; /* GType -> PacteFormatLayout, never freed */

gboolean
pacte_format_is_keyed (GType item_type)
{
  return item_type == PACTE_TYPE_OVERRIDE;
}

gboolean
pacte_format_always_written (PacteRecord *record,
                             guint        field)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);

  if (info->required)
    return TRUE;
  /* A portfolio always shows its two lists, even empty: the shape of the
   * file is then obvious to whoever opens it in an editor. */
  return PACTE_IS_PORTFOLIO (record)
         && (field == PACTE_PORTFOLIO_PARTNERS || field == PACTE_PORTFOLIO_PLANS);
}

static PacteFormatGroup *
group_find_subgroup (PacteFormatGroup *group,
                     GArray           *entries,
                     const char       *member)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PacteFormatEntry *entry = &g_array_index (entries, PacteFormatEntry, i);

      if (entry->field < 0 && g_str_equal (entry->member, member))
        return entry->group;
    }
  return NULL;
}

/* Groups under construction keep their entries in a GArray stored in the
 * entries pointer; finish_group turns them into plain arrays. */
static PacteFormatGroup *
new_group (const char *object_path)
{
  PacteFormatGroup *group = g_new0 (PacteFormatGroup, 1);

  group->object_path = g_strdup (object_path);
  group->entries = (PacteFormatEntry *) g_array_new (FALSE, TRUE, sizeof (PacteFormatEntry));
  return group;
}

static void
finish_group (PacteFormatGroup *group)
{
  GArray *entries = (GArray *) group->entries;

  group->n_entries = entries->len;
  group->entries = (PacteFormatEntry *) (void *) g_array_free (entries, FALSE);
  for (guint i = 0; i < group->n_entries; i++)
    if (group->entries[i].group != NULL)
      finish_group (group->entries[i].group);
}

static PacteFormatLayout *
build_layout (PacteRecord *record)
{
  PacteFormatLayout *layout = g_new0 (PacteFormatLayout, 1);
  PacteFormatGroup *root = new_group ("");
  guint n_fields = pacte_record_get_n_fields (record);

  layout->key_field = -1;
  layout->id_field = -1;

  for (guint f = 0; f < n_fields; f++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, f);
      g_auto(GStrv) parts = NULL;
      PacteFormatGroup *group = root;
      guint n_parts;

      /* No path: the member name under which the record is written
       * (an override's rule id). */
      if (info->json_path == NULL)
        {
          layout->key_field = f;
          continue;
        }
      if (g_str_equal (info->json_path, "id"))
        layout->id_field = f;

      parts = g_strsplit (info->json_path, ".", -1);
      n_parts = g_strv_length (parts);
      for (guint p = 0; p + 1 < n_parts; p++)
        {
          GArray *entries = (GArray *) group->entries;
          PacteFormatGroup *sub = group_find_subgroup (group, entries, parts[p]);

          if (sub == NULL)
            {
              g_autofree char *saved = parts[p + 1];
              g_autofree char *path = NULL;
              PacteFormatEntry entry = { 0 };

              /* object_path: the first p + 1 parts */
              parts[p + 1] = NULL;
              path = g_strjoinv (".", parts);
              parts[p + 1] = g_steal_pointer (&saved);
              sub = new_group (path);
              entry.member = g_intern_string (parts[p]);
              entry.field = -1;
              entry.group = sub;
              g_array_append_val (entries, entry);
            }
          group = sub;
        }
      {
        PacteFormatEntry entry = { 0 };

        entry.member = g_intern_string (parts[n_parts - 1]);
        entry.field = f;
        g_array_append_val ((GArray *) group->entries, entry);
      }
    }
  finish_group (root);
  layout->root = *root;
  g_free (root);
  return layout;
}

const PacteFormatLayout *
pacte_format_layout_get (PacteRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  PacteFormatLayout *layout;

  g_mutex_lock (&layouts_lock);
  if (layouts == NULL)
    layouts = g_hash_table_new (g_direct_hash, g_direct_equal);
  layout = g_hash_table_lookup (layouts, GSIZE_TO_POINTER (type));
  if (layout == NULL)
    {
      layout = build_layout (record);
      g_hash_table_insert (layouts, GSIZE_TO_POINTER (type), layout);
    }
  g_mutex_unlock (&layouts_lock);
  return layout;
}
