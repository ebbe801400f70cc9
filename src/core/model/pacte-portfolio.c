/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio.c: the document, the root record of a file.
 *
 * Besides its fields (meta, rule settings, partners, plans) it keeps its file
 * and etag, its undo history, and an index of partners and plans by id that
 * is rebuilt on the first lookup after a list or an id changed.  Loading and
 * saving live in pacte-portfolio-load.c and pacte-portfolio-save.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pacte-values-private.h"
#include "pacte-i18n.h"
#include "pacte-record-private.h"
#include "pacte-record-root.h"

struct _PactePortfolio
{
  PacteRecord   parent_instance;

  GFile        *file;
  char         *etag;
  PacteHistory *history;

  GHashTable   *partner_ids;  /* id (borrowed) -> PactePartner (borrowed) */
  GHashTable   *plan_ids;
  gboolean      ids_dirty;

  /* Last notified state, to notify only on change. */
  gboolean      was_modified;
  gboolean      could_undo;
  gboolean      could_redo;
  char         *undo_label;
  char         *redo_label;
};

static const char * const portfolio_languages[] = { "en", "fr", NULL };

static const PacteFieldInfo portfolio_fields[] = {
  { "meta.title", "meta-title", PACTE_FIELD_STRING, NULL, NULL, FALSE, N_("Title"), FALSE, 0 },
  { "meta.owner", "meta-owner", PACTE_FIELD_STRING, NULL, NULL, FALSE, N_("Company"), FALSE, 0 },
  { "meta.currency", "meta-currency", PACTE_FIELD_STRING, NULL, NULL, FALSE, N_("Currency"), FALSE, 0 },
  { "meta.language", "meta-language", PACTE_FIELD_CHOICE, portfolio_languages, NULL, FALSE,
    N_("Report language"), FALSE, 0 },
  /* An object keyed by rule id, like a plan's rule_overrides. Kept sorted. */
  { "rule_settings", "rule-settings", PACTE_FIELD_LIST, NULL, pacte_override_get_type, FALSE,
    N_("Rule settings"), FALSE, 0 },
  { "partners", "partners", PACTE_FIELD_LIST, NULL, pacte_partner_get_type, FALSE,
    N_("Partners"), FALSE, 0 },
  { "plans", "plans", PACTE_FIELD_LIST, NULL, pacte_plan_get_type, FALSE, N_("Plans"), FALSE, 0 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (portfolio_fields) == PACTE_PORTFOLIO_N_FIELDS);

static void pacte_portfolio_root_init (PacteRecordRootInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PactePortfolio, pacte_portfolio, PACTE_TYPE_RECORD,
                               G_IMPLEMENT_INTERFACE (PACTE_TYPE_RECORD_ROOT,
                                                      pacte_portfolio_root_init))

enum {
  PROP_0,
  /* 1 .. PACTE_PORTFOLIO_N_FIELDS are the fields' properties */
  PROP_FILE = PACTE_PORTFOLIO_N_FIELDS + 1,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  RECORD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The record base class's property handlers, for the fields' properties. */
static void (*record_get_property) (GObject *, guint, GValue *, GParamSpec *);
static void (*record_set_property) (GObject *, guint, const GValue *, GParamSpec *);

PactePortfolio *
pacte_portfolio_new (void)
{
  return g_object_new (PACTE_TYPE_PORTFOLIO, NULL);
}

static void
pacte_portfolio_dispose (GObject *object)
{
  PactePortfolio *self = PACTE_PORTFOLIO (object);

  /* The history holds references to records of this portfolio. */
  g_clear_pointer (&self->history, pacte_history_free);
  g_clear_pointer (&self->partner_ids, g_hash_table_unref);
  g_clear_pointer (&self->plan_ids, g_hash_table_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (pacte_portfolio_parent_class)->dispose (object);
}

static void
pacte_portfolio_finalize (GObject *object)
{
  PactePortfolio *self = PACTE_PORTFOLIO (object);

  g_free (self->etag);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (pacte_portfolio_parent_class)->finalize (object);
}

static void
pacte_portfolio_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PactePortfolio *self = PACTE_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, pacte_portfolio_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pacte_portfolio_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pacte_portfolio_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, pacte_portfolio_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, pacte_portfolio_get_redo_label (self));
      break;
    default:
      record_get_property (object, prop_id, value, pspec);
      break;
    }
}

static void
pacte_portfolio_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PactePortfolio *self = PACTE_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_FILE:
      pacte_portfolio_set_file (self, g_value_get_object (value));
      break;
    default:
      record_set_property (object, prop_id, value, pspec);
      break;
    }
}

static void
pacte_portfolio_class_init (PactePortfolioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pacte_record_class_set_fields (PACTE_RECORD_CLASS (klass), portfolio_fields,
                                 G_N_ELEMENTS (portfolio_fields), N_("Portfolio"));
  record_get_property = object_class->get_property;
  record_set_property = object_class->set_property;

  object_class->dispose = pacte_portfolio_dispose;
  object_class->finalize = pacte_portfolio_finalize;
  object_class->get_property = pacte_portfolio_get_property;
  object_class->set_property = pacte_portfolio_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = PROP_FILE; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);

  /**
   * PactePortfolio::record-changed:
   * @owner: the PactePartner or PactePlan the edit belongs to, or the portfolio
   * @record: the record whose field changed
   * @field: the field index in @record's table
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  PACTE_TYPE_RECORD, PACTE_TYPE_RECORD, G_TYPE_UINT);
}

static void
pacte_portfolio_init (PactePortfolio *self)
{
  self->history = pacte_history_new (self);
  self->ids_dirty = TRUE;
}

/* ---- The root of its records (PacteRecordRoot) --------------------------- */

static PacteHistory *
pacte_portfolio_get_history (PacteRecordRoot *root)
{
  return PACTE_PORTFOLIO (root)->history;
}

/* Every edit below the portfolio: "record-changed" with the record's owner. */
static void
pacte_portfolio_record_changed (PacteRecordRoot *root,
                                PacteRecord     *record,
                                guint            field)
{
  PacteRecord *owner = pacte_record_get_owner (record);

  g_signal_emit (root, signals[RECORD_CHANGED], 0, owner, record, field);
}

/* The partner/plan id index must be rebuilt before the next lookup. */
static void
pacte_portfolio_ids_changed (PacteRecordRoot *root)
{
  PACTE_PORTFOLIO (root)->ids_dirty = TRUE;
}

static PacteRecord *
pacte_portfolio_find_record (PacteRecordRoot *root,
                             GType            type,
                             const char      *id)
{
  if (type == PACTE_TYPE_PARTNER)
    return (PacteRecord *) pacte_portfolio_find_partner (PACTE_PORTFOLIO (root), id);
  if (type == PACTE_TYPE_PLAN)
    return (PacteRecord *) pacte_portfolio_find_plan (PACTE_PORTFOLIO (root), id);
  return NULL;
}

static void
pacte_portfolio_root_init (PacteRecordRootInterface *iface)
{
  iface->get_history = pacte_portfolio_get_history;
  iface->record_changed = pacte_portfolio_record_changed;
  iface->ids_changed = pacte_portfolio_ids_changed;
  iface->find_record = pacte_portfolio_find_record;
}

static void
sync_label (PactePortfolio *self,
            char          **cache,
            const char     *current,
            GParamSpec     *pspec)
{
  if (g_strcmp0 (*cache, current) == 0)
    return;
  g_free (*cache);
  *cache = g_strdup (current);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
pacte_portfolio_history_changed (PactePortfolio *self)
{
  gboolean modified, can_undo, can_redo;

  if (self->history == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  modified = pacte_history_is_modified (self->history);
  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  can_undo = pacte_history_can_undo (self->history);
  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  can_redo = pacte_history_can_redo (self->history);
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  sync_label (self, &self->undo_label, pacte_history_get_undo_label (self->history),
              properties[PROP_UNDO_LABEL]);
  sync_label (self, &self->redo_label, pacte_history_get_redo_label (self->history),
              properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- Lookups ------------------------------------------------------------ */

GListModel *
pacte_portfolio_get_partners (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return pacte_record_get_list (PACTE_RECORD (self), PACTE_PORTFOLIO_PARTNERS);
}

GListModel *
pacte_portfolio_get_plans (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return pacte_record_get_list (PACTE_RECORD (self), PACTE_PORTFOLIO_PLANS);
}

static void
index_list (GHashTable *table,
            GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  g_hash_table_remove_all (table);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);
      const char *id = pacte_record_get_string (item, 0);  /* PARTNER_ID, PLAN_ID */

      /* With duplicate ids (a file being repaired), the first one wins. */
      if (!g_hash_table_contains (table, id))
        g_hash_table_insert (table, (gpointer) id, item);
    }
}

static void
ensure_ids (PactePortfolio *self)
{
  if (!self->ids_dirty && self->partner_ids != NULL)
    return;
  if (self->partner_ids == NULL)
    {
      self->partner_ids = g_hash_table_new (g_str_hash, g_str_equal);
      self->plan_ids = g_hash_table_new (g_str_hash, g_str_equal);
    }
  index_list (self->partner_ids, pacte_portfolio_get_partners (self));
  index_list (self->plan_ids, pacte_portfolio_get_plans (self));
  self->ids_dirty = FALSE;
}

PactePartner *
pacte_portfolio_find_partner (PactePortfolio *self,
                              const char     *id)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  if (id == NULL || *id == '\0')
    return NULL;
  ensure_ids (self);
  return g_hash_table_lookup (self->partner_ids, id);
}

PactePlan *
pacte_portfolio_find_plan (PactePortfolio *self,
                           const char     *id)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  if (id == NULL || *id == '\0')
    return NULL;
  ensure_ids (self);
  return g_hash_table_lookup (self->plan_ids, id);
}

PacteOverride *
pacte_portfolio_find_setting (PactePortfolio *self,
                              const char     *rule_id)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return pacte_override_list_find (pacte_record_get_list (PACTE_RECORD (self),
                                                          PACTE_PORTFOLIO_RULE_SETTINGS),
                                   rule_id);
}

const char *
pacte_portfolio_get_currency (PactePortfolio *self)
{
  const char *currency;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), "EUR");

  currency = pacte_record_get_string (PACTE_RECORD (self), PACTE_PORTFOLIO_META_CURRENCY);
  return *currency != '\0' ? currency : "EUR";
}

char *
pacte_portfolio_new_id (PactePortfolio *self,
                        PacteRecord    *list_owner,
                        guint           list_field,
                        const char     *prefix)
{
  const PacteFieldInfo *info;
  GListModel *list;
  gsize prefix_len;
  guint64 max = 0;
  guint n;
  int id_field = -1;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (PACTE_IS_RECORD (list_owner), NULL);
  g_return_val_if_fail (prefix != NULL && *prefix != '\0', NULL);
  info = pacte_record_get_field_info (list_owner, list_field);
  g_return_val_if_fail (info != NULL && info->kind == PACTE_FIELD_LIST, NULL);

  list = pacte_record_get_list (list_owner, list_field);
  n = g_list_model_get_n_items (list);
  prefix_len = strlen (prefix);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);
      const char *id, *digits;
      char *end;
      guint64 number;

      if (id_field < 0)
        {
          id_field = pacte_record_find_field (item, "id");
          if (id_field < 0)
            break;
        }
      id = pacte_record_get_string (item, id_field);
      if (strncmp (id, prefix, prefix_len) != 0 || id[prefix_len] != '-')
        continue;
      digits = id + prefix_len + 1;
      if (!g_ascii_isdigit (*digits))
        continue;
      number = g_ascii_strtoull (digits, &end, 10);
      if (*end == '\0' && number > max && number < G_MAXUINT32)
        max = number;
    }
  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT, prefix, max + 1);
}

/* ---- File state ---------------------------------------------------------- */

GFile *
pacte_portfolio_get_file (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return self->file;
}

void
pacte_portfolio_set_file (PactePortfolio *self,
                          GFile          *file)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
pacte_portfolio_get_etag (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return self->etag;
}

gboolean
pacte_portfolio_get_modified (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);

  return self->history != NULL && pacte_history_is_modified (self->history);
}

void
pacte_portfolio_set_unmodified (PactePortfolio *self)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  if (self->history != NULL)
    pacte_history_set_saved (self->history);
}

static void
set_etag (PactePortfolio *self,
          const char     *etag)
{
  char *copy = g_strdup (etag);  /* etag may be our own string */

  g_free (self->etag);
  self->etag = copy;
}

void
pacte_portfolio_set_loaded (PactePortfolio *self,
                            GFile          *file,
                            const char     *etag)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  g_object_freeze_notify (G_OBJECT (self));
  pacte_portfolio_set_file (self, file);
  set_etag (self, etag);
  self->ids_dirty = TRUE;
  if (self->history != NULL)
    pacte_history_clear (self->history);
  g_object_thaw_notify (G_OBJECT (self));
}

void
pacte_portfolio_set_saved (PactePortfolio *self,
                           GFile          *file,
                           const char     *etag)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (file != NULL)
    pacte_portfolio_set_file (self, file);
  set_etag (self, etag);
  pacte_portfolio_set_unmodified (self);
  g_object_thaw_notify (G_OBJECT (self));
}

PacteSavePoint
pacte_portfolio_get_save_point (PactePortfolio *self)
{
  PacteSavePoint none = { 0, 0 };

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), none);

  if (self->history == NULL)
    return none;
  return pacte_history_get_save_point (self->history);
}

void
pacte_portfolio_set_saved_at (PactePortfolio       *self,
                              GFile                *file,
                              const char           *etag,
                              const PacteSavePoint *point)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));
  g_return_if_fail (point != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (file != NULL)
    pacte_portfolio_set_file (self, file);
  set_etag (self, etag);
  if (self->history != NULL)
    pacte_history_set_saved_at (self->history, point);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- History ------------------------------------------------------------- */

gboolean
pacte_portfolio_can_undo (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);

  return self->history != NULL && pacte_history_can_undo (self->history);
}

gboolean
pacte_portfolio_can_redo (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);

  return self->history != NULL && pacte_history_can_redo (self->history);
}

gboolean
pacte_portfolio_undo (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);

  return self->history != NULL && pacte_history_undo (self->history);
}

gboolean
pacte_portfolio_redo (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);

  return self->history != NULL && pacte_history_redo (self->history);
}

const char *
pacte_portfolio_get_undo_label (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return self->history != NULL ? pacte_history_get_undo_label (self->history) : NULL;
}

const char *
pacte_portfolio_get_redo_label (PactePortfolio *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  return self->history != NULL ? pacte_history_get_redo_label (self->history) : NULL;
}

void
pacte_portfolio_begin_group (PactePortfolio *self,
                             const char     *label)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  if (self->history != NULL)
    pacte_history_begin_group (self->history, label);
}

void
pacte_portfolio_end_group (PactePortfolio *self)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  if (self->history != NULL)
    pacte_history_end_group (self->history);
}

void
pacte_portfolio_break_merge (PactePortfolio *self)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO (self));

  if (self->history != NULL)
    pacte_history_break_merge (self->history);
}
