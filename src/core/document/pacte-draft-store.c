/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-draft-store.c: the folder of drafts (see pacte-draft-store.h). */
#include "config.h"

#include <string.h>

#include "pacte-draft-info-private.h"
#include "pacte-atomic-file.h"
#include "pacte-draft-store.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"
#include "pacte-record-private.h"

#define DRAFT_FORMAT      "pacte-draft"
#define DRAFT_VERSION     1
#define DATA_SUFFIX       ".pacte.json"
#define INFO_SUFFIX       ".draft.json"
#define MAX_INFO_SIZE     (64 * 1024)

struct _PacteDraftStore
{
  GObject  parent_instance;
  GFile   *dir;
};

G_DEFINE_FINAL_TYPE (PacteDraftStore, pacte_draft_store, G_TYPE_OBJECT)

static void
pacte_draft_store_finalize (GObject *object)
{
  PacteDraftStore *self = PACTE_DRAFT_STORE (object);

  g_clear_object (&self->dir);

  G_OBJECT_CLASS (pacte_draft_store_parent_class)->finalize (object);
}

static void
pacte_draft_store_class_init (PacteDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacte_draft_store_finalize;
}

static void
pacte_draft_store_init (PacteDraftStore *self)
{
}

GFile *
pacte_draft_store_default_dir (void)
{
  const char *env = g_getenv ("PACTE_DRAFTS_DIR");

  if (env != NULL && env[0] != '\0')
    return g_file_new_for_path (env);

  return g_file_new_build_filename (g_get_user_data_dir (), "pacte", "drafts", NULL);
}

PacteDraftStore *
pacte_draft_store_new (GFile *dir)
{
  PacteDraftStore *self;

  g_return_val_if_fail (dir == NULL || G_IS_FILE (dir), NULL);

  self = g_object_new (PACTE_TYPE_DRAFT_STORE, NULL);
  self->dir = dir ? g_object_ref (dir) : pacte_draft_store_default_dir ();

  return self;
}

GFile *
pacte_draft_store_get_dir (PacteDraftStore *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), NULL);

  return self->dir;
}

char *
pacte_draft_new_id (void)
{
  return g_uuid_string_random ();
}

gboolean
pacte_draft_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return len > 0 && len <= 64;
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (pacte_draft_id_is_valid (id))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a valid draft name: expected 1 to 64 letters, digits, “-” or “_”"),
               id ? id : "");
  return FALSE;
}

static GFile *
get_data_file (PacteDraftStore *self,
               const char      *id)
{
  g_autofree char *name = g_strconcat (id, DATA_SUFFIX, NULL);

  return g_file_get_child (self->dir, name);
}

static GFile *
get_info_file (PacteDraftStore *self,
               const char      *id)
{
  g_autofree char *name = g_strconcat (id, INFO_SUFFIX, NULL);

  return g_file_get_child (self->dir, name);
}

/* The description of a draft, as JSON. */
static GBytes *
build_info (const char     *id,
            PactePortfolio *portfolio)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  GFile *file = pacte_portfolio_get_file (portfolio);
  const char *etag = pacte_portfolio_get_etag (portfolio);
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DRAFT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DRAFT_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "etag");
  if (file != NULL && etag != NULL)
    json_builder_add_string_value (builder, etag);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder,
                                 pacte_record_get_string (PACTE_RECORD (portfolio),
                                                          PACTE_PORTFOLIO_META_TITLE));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

static gboolean
ensure_dir (PacteDraftStore  *self,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (self->dir, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Cannot create the drafts folder “%s”: "),
                              g_file_peek_path (self->dir));
  return FALSE;
}

static gboolean
write_file (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Atomic: a temporary file beside it, renamed over the old one once
   * complete; drafts are private to the user. */
  if (pacte_atomic_write (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                          PACTE_ATOMIC_PRIVATE, NULL, cancellable, &local_error))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Cannot write the draft “%s”: "),
                              g_file_peek_path (file));
  return FALSE;
}

gboolean
pacte_draft_store_save (PacteDraftStore  *self,
                        const char       *draft_id,
                        PactePortfolio   *portfolio,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) info = NULL;
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (draft_id, error) || !ensure_dir (self, cancellable, error))
    return FALSE;

  data = pacte_portfolio_to_bytes (portfolio);
  info = build_info (draft_id, portfolio);
  data_file = get_data_file (self, draft_id);
  info_file = get_info_file (self, draft_id);

  /* Data first: a crash in between leaves complete data to be listed. */
  return write_file (data_file, data, cancellable, error) &&
         write_file (info_file, info, cancellable, error);
}

/* ---- Asynchronous save: the same two writes in a worker thread ------------ */

typedef struct {
  GFile  *data_file;
  GFile  *info_file;
  char   *draft_id;
  GBytes *data;
  GBytes *info;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->data_file);
  g_clear_object (&data->info_file);
  g_clear_pointer (&data->data, g_bytes_unref);
  g_clear_pointer (&data->info, g_bytes_unref);
  g_free (data->draft_id);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  /* Data first: a crash in between leaves complete data to be listed. */
  if (write_file (data->data_file, data->data, cancellable, &error) &&
      write_file (data->info_file, data->info, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_snapshot_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->data = pacte_portfolio_snapshot_finish (PACTE_PORTFOLIO (source), result, &error);
  if (data->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->info = build_info (data->draft_id, PACTE_PORTFOLIO (source));
  g_task_run_in_thread (task, save_in_thread);
}

void
pacte_draft_store_save_async (PacteDraftStore     *self,
                              const char          *draft_id,
                              PactePortfolio      *portfolio,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_return_if_fail (PACTE_IS_DRAFT_STORE (self));
  g_return_if_fail (PACTE_IS_PORTFOLIO (portfolio));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacte_draft_store_save_async);

  /* Creating a folder is quick and rare: done here, synchronously. */
  if (!check_id (draft_id, &error) || !ensure_dir (self, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->data_file = get_data_file (self, draft_id);
  data->info_file = get_info_file (self, draft_id);
  data->draft_id = g_strdup (draft_id);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  /* The text is made a slice at a time on this thread (the main loop keeps
   * running), then written in a worker thread. */
  pacte_portfolio_snapshot_async (portfolio, cancellable, save_snapshot_done, g_steal_pointer (&task));
}

gboolean
pacte_draft_store_save_finish (PacteDraftStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
delete_if_exists (GFile   *file,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Cannot remove the draft “%s”: "),
                              g_file_peek_path (file));
  return FALSE;
}

gboolean
pacte_draft_store_remove (PacteDraftStore  *self,
                          const char       *draft_id,
                          GError          **error)
{
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (draft_id, error))
    return FALSE;

  data_file = get_data_file (self, draft_id);
  info_file = get_info_file (self, draft_id);

  /* Data first: a description left alone is ignored by the listing. */
  return delete_if_exists (data_file, error) &&
         delete_if_exists (info_file, error);
}

/* ---- Listing ------------------------------------------------------------ */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Reads ID.draft.json; NULL when absent or not a draft description, in which
 * case the caller still lists the data with what the file system says. */
static PacteDraftInfo *
read_info (PacteDraftStore *self,
           const char      *id)
{
  g_autoptr(GFile) info_file = get_info_file (self, id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize len = 0;
  JsonNode *root;
  JsonObject *object;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) saved = NULL;
  const char *uri;
  const char *saved_text;
  const char *title;

  if (!pacte_file_read (info_file, MAX_INFO_SIZE, NULL, NULL, &contents, &len, NULL, NULL, NULL, NULL) ||
      !json_parser_load_from_data (parser, contents, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (member_string (object, "format"), DRAFT_FORMAT) != 0)
    return NULL;

  uri = member_string (object, "file");
  if (uri != NULL && uri[0] != '\0')
    file = g_file_new_for_uri (uri);
  saved_text = member_string (object, "saved");
  if (saved_text != NULL)
    saved = g_date_time_new_from_iso8601 (saved_text, NULL);
  title = member_string (object, "title");

  return _pacte_draft_info_new (id, file, saved, title);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PacteDraftInfo *ia = *(PacteDraftInfo **) a;
  PacteDraftInfo *ib = *(PacteDraftInfo **) b;
  int cmp = g_date_time_compare (pacte_draft_info_get_saved (ib), pacte_draft_info_get_saved (ia));

  return cmp != 0 ? cmp : strcmp (pacte_draft_info_get_id (ia), pacte_draft_info_get_id (ib));
}

GPtrArray *
pacte_draft_store_list (PacteDraftStore  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  enumerator = g_file_enumerate_children (self->dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot read the drafts folder “%s”: "),
                                  g_file_peek_path (self->dir));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *file_info = NULL;
      g_autofree char *id = NULL;
      const char *name;
      PacteDraftInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &file_info, NULL, NULL, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot read the drafts folder “%s”: "),
                                      g_file_peek_path (self->dir));
          return NULL;
        }
      if (file_info == NULL)
        break;

      /* A draft is listed by its data: no data, nothing to restore. */
      name = g_file_info_get_name (file_info);
      if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (name, DATA_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (DATA_SUFFIX));
      if (!pacte_draft_id_is_valid (id))
        continue;

      info = read_info (self, id);
      if (info == NULL)
        info = _pacte_draft_info_new (id, NULL, NULL, "");
      if (pacte_draft_info_get_saved (info) == NULL)
        {
          g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (file_info);

          if (modified == NULL)
            modified = g_date_time_new_from_unix_utc (0);
          _pacte_draft_info_set_saved (info, modified);
        }
      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

char *
pacte_draft_store_find_for_file (PacteDraftStore *self,
                                 GFile           *file)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  drafts = pacte_draft_store_list (self, NULL);
  if (drafts == NULL)
    return NULL;

  for (guint i = 0; i < drafts->len; i++)
    {
      PacteDraftInfo *info = g_ptr_array_index (drafts, i);

      if (pacte_draft_info_get_file (info) != NULL && g_file_equal (pacte_draft_info_get_file (info), file))
        return g_strdup (pacte_draft_info_get_id (info));
    }

  return NULL;
}

/* ---- Loading ------------------------------------------------------------ */

static char *
read_info_etag (PacteDraftStore *self,
                const char      *id)
{
  g_autoptr(GFile) info_file = get_info_file (self, id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize len = 0;
  JsonNode *root;

  if (!pacte_file_read (info_file, MAX_INFO_SIZE, NULL, NULL, &contents, &len, NULL, NULL, NULL, NULL) ||
      !json_parser_load_from_data (parser, contents, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return g_strdup (member_string (json_node_get_object (root), "etag"));
}

/* The restored state was never written to its file: it starts modified. */
static void
mark_restored (PactePortfolio *portfolio,
               GFile          *file,
               const char     *etag)
{
  /* A save point this empty history never had: the saved state (the file)
   * is unreachable, so the portfolio is modified, with nothing to undo,
   * until it is saved. */
  const PacteSavePoint elsewhere = { 1, G_MAXUINT64 };

  pacte_portfolio_set_loaded (portfolio, file, etag);
  pacte_portfolio_set_saved_at (portfolio, NULL, etag, &elsewhere);
}

PactePortfolio *
pacte_draft_store_load (PacteDraftStore  *self,
                        const char       *draft_id,
                        PacteRuleSet     *rules,
                        GError          **error)
{
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PacteDraftInfo) info = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (draft_id, error))
    return NULL;

  data_file = get_data_file (self, draft_id);
  /* The loader's own limit for a portfolio file. */
  if (pacte_file_read (data_file, (gsize) 1 << 30, NULL, NULL, &contents, &len, NULL, NULL, NULL, &local_error))
    bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  else
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO,
                   _("Cannot read the draft “%s”: %s"),
                   g_file_peek_path (data_file), local_error->message);
      return NULL;
    }

  /* Errors name the draft's own file: that is what the user could inspect. */
  display_name = g_file_get_parse_name (data_file);
  portfolio = pacte_portfolio_load_bytes (bytes, display_name, rules, error);
  if (portfolio == NULL)
    return NULL;

  info = read_info (self, draft_id);
  if (info != NULL && pacte_draft_info_get_file (info) != NULL)
    etag = read_info_etag (self, draft_id);

  mark_restored (portfolio, info != NULL ? pacte_draft_info_get_file (info) : NULL, etag);

  return g_steal_pointer (&portfolio);
}
