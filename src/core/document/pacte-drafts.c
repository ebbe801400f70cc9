/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-drafts.c: drafts of unsaved portfolios (see pacte-drafts.h). */
#include "config.h"

#include <string.h>

#include "pacte-drafts.h"
#include "pacte-i18n.h"
#include "pacte-record-private.h"

#define DRAFT_FORMAT      "pacte-draft"
#define DRAFT_VERSION     1
#define DATA_SUFFIX       ".pacte.json"
#define INFO_SUFFIX       ".draft.json"
#define MAX_INFO_SIZE     (64 * 1024)

/* ======================================================================== */
/* PacteDraftInfo                                                           */
/* ======================================================================== */

struct _PacteDraftInfo
{
  GObject    parent_instance;
  char      *id;
  GFile     *file;
  GDateTime *saved;
  char      *title;
};

G_DEFINE_FINAL_TYPE (PacteDraftInfo, pacte_draft_info, G_TYPE_OBJECT)

enum {
  INFO_PROP_0,
  INFO_PROP_ID,
  INFO_PROP_FILE,
  INFO_PROP_SAVED,
  INFO_PROP_TITLE,
  INFO_N_PROPS
};

static GParamSpec *info_properties[INFO_N_PROPS];

static void
pacte_draft_info_finalize (GObject *object)
{
  PacteDraftInfo *self = PACTE_DRAFT_INFO (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (pacte_draft_info_parent_class)->finalize (object);
}

static void
pacte_draft_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PacteDraftInfo *self = PACTE_DRAFT_INFO (object);

  switch (prop_id)
    {
    case INFO_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case INFO_PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case INFO_PROP_SAVED:
      g_value_set_boxed (value, self->saved);
      break;
    case INFO_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_draft_info_class_init (PacteDraftInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacte_draft_info_finalize;
  object_class->get_property = pacte_draft_info_get_property;

  info_properties[INFO_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  info_properties[INFO_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  info_properties[INFO_PROP_SAVED] =
    g_param_spec_boxed ("saved", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  info_properties[INFO_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, INFO_N_PROPS, info_properties);
}

static void
pacte_draft_info_init (PacteDraftInfo *self)
{
}

const char *
pacte_draft_info_get_id (PacteDraftInfo *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_INFO (self), NULL);

  return self->id;
}

GFile *
pacte_draft_info_get_file (PacteDraftInfo *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_INFO (self), NULL);

  return self->file;
}

GDateTime *
pacte_draft_info_get_saved (PacteDraftInfo *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_INFO (self), NULL);

  return self->saved;
}

const char *
pacte_draft_info_get_title (PacteDraftInfo *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_INFO (self), NULL);

  return self->title ? self->title : "";
}

/* ======================================================================== */
/* PacteDraftStore                                                          */
/* ======================================================================== */

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

static gboolean
is_valid_id (const char *id)
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
  if (is_valid_id (id))
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

  /* The replacement is atomic: a temporary file renamed over the old one. */
  if (g_file_replace_contents (file,
                               g_bytes_get_data (bytes, NULL),
                               g_bytes_get_size (bytes),
                               NULL, FALSE, G_FILE_CREATE_PRIVATE,
                               NULL, cancellable, &local_error))
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

/* ---- Asynchronous save: two replacements in a row ----------------------- */

typedef struct {
  GFile  *data_file;
  GFile  *info_file;
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
  g_free (data);
}

/* Finishes writing one of the draft's two files; FALSE (and the task
 * returns the error) when it failed. */
static gboolean
draft_file_written (GTask        *task,
                    GFile        *file,
                    GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (file, result, NULL, &error))
    return TRUE;
  g_task_return_new_error (task, error->domain, error->code,
                           _("Cannot write the draft “%s”: %s"),
                           g_file_peek_path (file), error->message);
  return FALSE;
}

static void
save_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (draft_file_written (task, G_FILE (object), result))
    g_task_return_boolean (task, TRUE);
}

static void
save_data_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);

  if (!draft_file_written (task, G_FILE (object), result))
    return;

  g_file_replace_contents_bytes_async (data->info_file, data->info, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE,
                                       g_task_get_cancellable (task),
                                       save_info_cb, g_object_ref (task));
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
  data->data = pacte_portfolio_to_bytes (portfolio);
  data->info = build_info (draft_id, portfolio);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  g_file_replace_contents_bytes_async (data->data_file, data->data, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE, cancellable,
                                       save_data_cb, g_object_ref (task));
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
  const char *uri;
  const char *saved;
  const char *title;
  PacteDraftInfo *info;

  if (!g_file_load_contents (info_file, NULL, &contents, &len, NULL, NULL) ||
      len > MAX_INFO_SIZE ||
      !json_parser_load_from_data (parser, contents, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (member_string (object, "format"), DRAFT_FORMAT) != 0)
    return NULL;

  info = g_object_new (PACTE_TYPE_DRAFT_INFO, NULL);
  info->id = g_strdup (id);
  uri = member_string (object, "file");
  if (uri != NULL && uri[0] != '\0')
    info->file = g_file_new_for_uri (uri);
  saved = member_string (object, "saved");
  if (saved != NULL)
    info->saved = g_date_time_new_from_iso8601 (saved, NULL);
  title = member_string (object, "title");
  info->title = g_strdup (title ? title : "");

  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PacteDraftInfo *ia = *(PacteDraftInfo **) a;
  PacteDraftInfo *ib = *(PacteDraftInfo **) b;
  int cmp = g_date_time_compare (ib->saved, ia->saved);

  return cmp != 0 ? cmp : strcmp (ia->id, ib->id);
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
      if (!is_valid_id (id))
        continue;

      info = read_info (self, id);
      if (info == NULL)
        {
          info = g_object_new (PACTE_TYPE_DRAFT_INFO, NULL);
          info->id = g_strdup (id);
          info->title = g_strdup ("");
        }
      if (info->saved == NULL)
        {
          info->saved = g_file_info_get_modification_date_time (file_info);
          if (info->saved == NULL)
            info->saved = g_date_time_new_from_unix_utc (0);
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

      if (info->file != NULL && g_file_equal (info->file, file))
        return g_strdup (info->id);
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

  if (!g_file_load_contents (info_file, NULL, &contents, &len, NULL, NULL) ||
      len > MAX_INFO_SIZE ||
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

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (draft_id, error))
    return NULL;

  data_file = get_data_file (self, draft_id);
  bytes = g_file_load_bytes (data_file, NULL, NULL, &local_error);
  if (bytes == NULL)
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
  if (info != NULL && info->file != NULL)
    etag = read_info_etag (self, draft_id);

  mark_restored (portfolio, info ? info->file : NULL, etag);

  return g_steal_pointer (&portfolio);
}

/* ======================================================================== */
/* PacteAutosave                                                            */
/* ======================================================================== */

struct _PacteAutosave
{
  GObject          parent_instance;

  PacteDraftStore *store;
  PactePortfolio  *portfolio;
  char            *draft_id;
  guint            delay;

  guint            timeout_id;
  gint64           first_edit;   /* monotonic time the waiting began */
  GCancellable    *cancellable;  /* of the write in progress, or NULL */
  guint            write_again : 1; /* an edit came while writing */
  guint            closed : 1;
};

G_DEFINE_FINAL_TYPE (PacteAutosave, pacte_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PORTFOLIO,
  PROP_DRAFT_ID,
  PROP_DELAY,
  PROP_PENDING,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void autosave_write          (PacteAutosave *self);
static void autosave_remove_draft   (PacteAutosave *self);

static void
set_pending (PacteAutosave *self,
             guint          timeout_id)
{
  gboolean was_pending = self->timeout_id != 0;

  if (self->timeout_id != 0 && self->timeout_id != timeout_id)
    g_source_remove (self->timeout_id);
  self->timeout_id = timeout_id;

  if (was_pending != (timeout_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  PacteAutosave *self = user_data;

  self->timeout_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  autosave_write (self);

  return G_SOURCE_REMOVE;
}

/* Writing a draft serializes the whole portfolio on this thread (about
 * 250 ms for 10,000 partners and 2,000 plans, 43 MB): it waits for a pause
 * in editing.  Each edit restarts the delay, but a user typing without
 * pause still gets a draft at least every PACTE_AUTOSAVE_MAX_WAIT_FACTOR
 * delays. */
static void
autosave_schedule (PacteAutosave *self)
{
  if (self->closed || self->timeout_id != 0)
    return;

  self->first_edit = g_get_monotonic_time ();
  set_pending (self, g_timeout_add (self->delay, autosave_timeout_cb, self));
}

static void
autosave_postpone (PacteAutosave *self)
{
  gint64 left_ms;

  if (self->closed)
    return;
  if (self->timeout_id == 0)
    {
      autosave_schedule (self);
      return;
    }

  left_ms = (self->first_edit + (gint64) self->delay * PACTE_AUTOSAVE_MAX_WAIT_FACTOR * 1000
             - g_get_monotonic_time ()) / 1000;
  /* Past the longest wait: the timer already running writes it. */
  if (left_ms <= 0)
    return;
  set_pending (self, g_timeout_add (MIN ((gint64) self->delay, left_ms), autosave_timeout_cb, self));
}

static void
autosave_write_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PacteAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pacte_draft_store_save_finish (PACTE_DRAFT_STORE (object), result, &error);
  g_clear_object (&self->cancellable);

  if (self->closed)
    return;

  /* Saved or undone to the saved state while writing: the draft is stale. */
  if (!pacte_portfolio_get_modified (self->portfolio))
    {
      autosave_remove_draft (self);
      return;
    }

  if (ok)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);

  if (self->write_again)
    {
      self->write_again = FALSE;
      autosave_schedule (self);
    }
}

static void
autosave_write (PacteAutosave *self)
{
  if (self->closed || !pacte_portfolio_get_modified (self->portfolio))
    return;

  if (self->cancellable != NULL)
    {
      self->write_again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  pacte_draft_store_save_async (self->store, self->draft_id, self->portfolio,
                                self->cancellable, autosave_write_cb,
                                g_object_ref (self));
}

static void
autosave_remove_draft (PacteAutosave *self)
{
  g_autoptr(GError) error = NULL;

  set_pending (self, 0);
  self->write_again = FALSE;

  /* A write in progress removes the draft itself when it completes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  if (!pacte_draft_store_remove (self->store, self->draft_id, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
portfolio_record_changed_cb (PactePortfolio *portfolio,
                             PacteRecord    *owner,
                             PacteRecord    *record,
                             guint           field,
                             PacteAutosave  *self)
{
  if (pacte_portfolio_get_modified (portfolio))
    autosave_postpone (self);
}

static void
portfolio_notify_modified_cb (PactePortfolio *portfolio,
                              GParamSpec     *pspec,
                              PacteAutosave  *self)
{
  if (self->closed)
    return;

  if (pacte_portfolio_get_modified (portfolio))
    autosave_schedule (self);
  else
    autosave_remove_draft (self);
}

static void
autosave_disconnect (PacteAutosave *self)
{
  set_pending (self, 0);
  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (self->portfolio, self);
}

static void
pacte_autosave_constructed (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  G_OBJECT_CLASS (pacte_autosave_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->portfolio != NULL);

  if (self->draft_id == NULL || !is_valid_id (self->draft_id))
    {
      g_free (self->draft_id);
      self->draft_id = pacte_draft_new_id ();
    }

  g_signal_connect (self->portfolio, "record-changed",
                    G_CALLBACK (portfolio_record_changed_cb), self);
  g_signal_connect (self->portfolio, "notify::modified",
                    G_CALLBACK (portfolio_notify_modified_cb), self);

  if (pacte_portfolio_get_modified (self->portfolio))
    autosave_schedule (self);
}

static void
pacte_autosave_dispose (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  /* Dropped without close(): the draft stays, as after a crash. */
  autosave_disconnect (self);
  self->closed = TRUE;

  G_OBJECT_CLASS (pacte_autosave_parent_class)->dispose (object);
}

static void
pacte_autosave_finalize (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (pacte_autosave_parent_class)->finalize (object);
}

static void
pacte_autosave_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->timeout_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_autosave_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PORTFOLIO:
      self->portfolio = g_value_dup_object (value);
      break;
    case PROP_DRAFT_ID:
      self->draft_id = g_value_dup_string (value);
      break;
    case PROP_DELAY:
      pacte_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_autosave_class_init (PacteAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacte_autosave_constructed;
  object_class->dispose = pacte_autosave_dispose;
  object_class->finalize = pacte_autosave_finalize;
  object_class->get_property = pacte_autosave_get_property;
  object_class->set_property = pacte_autosave_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PACTE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_ID] =
    g_param_spec_string ("draft-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 1, 10 * 60 * 1000, PACTE_AUTOSAVE_DEFAULT_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pacte_autosave_init (PacteAutosave *self)
{
  self->delay = PACTE_AUTOSAVE_DEFAULT_DELAY;
}

PacteAutosave *
pacte_autosave_new (PacteDraftStore *store,
                    PactePortfolio  *portfolio,
                    const char      *draft_id)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  return g_object_new (PACTE_TYPE_AUTOSAVE,
                       "store", store,
                       "portfolio", portfolio,
                       "draft-id", draft_id,
                       NULL);
}

const char *
pacte_autosave_get_draft_id (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), NULL);

  return self->draft_id;
}

PactePortfolio *
pacte_autosave_get_portfolio (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), NULL);

  return self->portfolio;
}

guint
pacte_autosave_get_delay (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), 0);

  return self->delay;
}

void
pacte_autosave_set_delay (PacteAutosave *self,
                          guint          delay_ms)
{
  g_return_if_fail (PACTE_IS_AUTOSAVE (self));
  g_return_if_fail (delay_ms > 0);

  if (self->delay == delay_ms)
    return;

  self->delay = delay_ms;

  /* A save already waiting follows the new delay. */
  if (self->timeout_id != 0)
    {
      set_pending (self, 0);
      autosave_schedule (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

void
pacte_autosave_update (PacteAutosave *self)
{
  g_return_if_fail (PACTE_IS_AUTOSAVE (self));

  if (self->closed)
    return;

  if (pacte_portfolio_get_modified (self->portfolio))
    autosave_schedule (self);
  else
    autosave_remove_draft (self);
}

gboolean
pacte_autosave_get_pending (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);

  return self->timeout_id != 0;
}

/* A write in progress serialized an older state: let it land before a
 * synchronous write or a removal, or it could land after them. */
static void
autosave_wait_for_write (PacteAutosave *self)
{
  self->write_again = FALSE;
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  while (self->cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
  self->write_again = FALSE;
}

gboolean
pacte_autosave_flush (PacteAutosave  *self,
                      GError        **error)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_pending (self, 0);
  autosave_wait_for_write (self);

  if (!pacte_portfolio_get_modified (self->portfolio))
    return TRUE;

  return pacte_draft_store_save (self->store, self->draft_id, self->portfolio,
                                 NULL, error);
}

gboolean
pacte_autosave_close (PacteAutosave  *self,
                      gboolean        keep_draft,
                      GError        **error)
{
  g_autoptr(PacteAutosave) hold = NULL;
  gboolean ok;

  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->closed)
    return TRUE;

  hold = g_object_ref (self);
  autosave_disconnect (self);
  self->closed = TRUE;

  if (keep_draft)
    ok = pacte_autosave_flush (self, error);
  else
    {
      autosave_wait_for_write (self);
      ok = pacte_draft_store_remove (self->store, self->draft_id, error);
    }

  return ok;
}
