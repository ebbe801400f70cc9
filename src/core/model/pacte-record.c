/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record.c: the table-driven base class of every model object.
 *
 * Each instance holds one PacteValue per field of its class's table, allocated
 * once in instance init.  Getters index that array (no allocation, no hash);
 * setters validate against the table, store, notify the property, record an
 * undo step in the history of the tree's root (the portfolio) and tell the
 * root ("record-changed"). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-record-impl-private.h"

int             pacte_record_private_offset;
static gpointer pacte_record_parent_class;

static const char * const empty_strv[] = { NULL };

/* A list whose items are kept sorted by their id (rule overrides). */
gboolean
pacte_record_is_sorted_list (const PacteFieldInfo *info)
{
  PacteRecordClass *item_class;

  if (info->kind != PACTE_FIELD_LIST || info->item_type == NULL)
    return FALSE;
  item_class = g_type_class_peek (info->item_type ());
  return item_class != NULL && item_class->sorted_by_id;
}

/* ---- Tree ------------------------------------------------------------- */

PacteRecord *
pacte_record_get_parent (PacteRecord *self)
{
  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);

  return pacte_record_get_instance_private (self)->parent;
}

PacteRecord *
pacte_record_get_owner (PacteRecord *self)
{
  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);

  for (PacteRecord *r = self; r != NULL; r = pacte_record_get_instance_private (r)->parent)
    {
      if (record_class (r)->is_owner || PACTE_IS_RECORD_ROOT (r))
        return r;
    }
  return NULL;
}

G_DEFINE_INTERFACE (PacteRecordRoot, pacte_record_root, PACTE_TYPE_RECORD)

static void
pacte_record_root_default_init (PacteRecordRootInterface *iface)
{
}

PacteRecordRoot *
pacte_record_get_root (PacteRecord *record)
{
  PacteRecord *r = record;

  while (pacte_record_get_instance_private (r)->parent != NULL)
    r = pacte_record_get_instance_private (r)->parent;
  return PACTE_IS_RECORD_ROOT (r) ? PACTE_RECORD_ROOT (r) : NULL;
}

gpointer
pacte_record_get_portfolio (PacteRecord *self)
{
  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);

  return pacte_record_get_root (self);
}

PacteHistory *
pacte_record_root_history (PacteRecordRoot *root)
{
  return PACTE_RECORD_ROOT_GET_IFACE (root)->get_history (root);
}

void
pacte_record_tell_root (PacteRecordRoot *root,
                     PacteRecord     *record,
                     guint            field)
{
  PACTE_RECORD_ROOT_GET_IFACE (root)->record_changed (root, record, field);
}

/* A root indexes the records directly below it by id: a change of one of
 * their ids, raw or not, or of its lists, must invalidate that index. */
void
pacte_record_ids_changed_below (PacteRecord *self)
{
  if (PACTE_IS_RECORD_ROOT (self))
    PACTE_RECORD_ROOT_GET_IFACE (self)->ids_changed (PACTE_RECORD_ROOT (self));
}

void
pacte_record_check_id_change (PacteRecord *self,
                 guint        field)
{
  PacteRecord *parent = pacte_record_get_instance_private (self)->parent;

  if ((int) field == record_class (self)->id_field && parent != NULL)
    pacte_record_ids_changed_below (parent);
}

/* ---- GObject ---------------------------------------------------------- */

static void
pacte_record_instance_init (GTypeInstance *instance,
                            gpointer       g_class)
{
  PacteRecordClass *klass = g_class;
  PacteRecordPrivate *priv = pacte_record_get_instance_private ((PacteRecord *) instance);

  if (klass->n_fields == 0)
    return;
  priv->values = g_new (PacteValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    pacte_value_init (&klass->fields[i], &priv->values[i]);
}

void
pacte_record_unknown_free (gpointer data)
{
  PacteUnknown *u = data;

  g_free (u->object_path);
  g_free (u->member);
  json_node_unref (u->node);
  g_free (u);
}

static void
pacte_record_dispose (GObject *object)
{
  PacteRecord *self = PACTE_RECORD (object);
  PacteRecordPrivate *priv = pacte_record_get_instance_private (self);
  PacteRecordClass *klass = record_class (self);

  /* Items may outlive this record: they must not point back to it. */
  for (guint i = 0; i < klass->n_fields && priv->values != NULL; i++)
    {
      PacteItemList *list;

      if (klass->fields[i].kind != PACTE_FIELD_LIST || priv->values[i].list == NULL)
        continue;
      list = priv->values[i].list;
      for (guint j = 0; j < list->n_items; j++)
        {
          PacteRecord *item = list->items[j];

          if (pacte_record_get_instance_private (item)->parent == self)
            pacte_record_get_instance_private (item)->parent = NULL;
        }
      pacte_item_list_remove_all (list);
    }

  G_OBJECT_CLASS (pacte_record_parent_class)->dispose (object);
}

static void
pacte_record_finalize (GObject *object)
{
  PacteRecord *self = PACTE_RECORD (object);
  PacteRecordPrivate *priv = pacte_record_get_instance_private (self);
  PacteRecordClass *klass = record_class (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        pacte_value_clear (klass->fields[i].kind, &priv->values[i]);
      g_free (priv->values);
    }
  g_clear_pointer (&priv->unknown, g_ptr_array_unref);

  G_OBJECT_CLASS (pacte_record_parent_class)->finalize (object);
}

static void
pacte_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PacteRecord *self = PACTE_RECORD (object);
  PacteRecordClass *klass = record_class (self);
  guint field = prop_id - 1;

  if (prop_id == 0 || field >= klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (klass->fields[field].kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      g_value_set_string (value, pacte_record_get_string (self, field));
      break;
    case PACTE_FIELD_DATE:
      g_value_take_string (value, pacte_date_format (pacte_record_get_date (self, field)));
      break;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      g_value_set_double (value, pacte_record_get_number (self, field));
      break;
    case PACTE_FIELD_BOOLEAN:
      g_value_set_boolean (value, pacte_record_get_boolean (self, field) == 1);
      break;
    case PACTE_FIELD_STRV:
      g_value_set_boxed (value, pacte_record_get_strv (self, field));
      break;
    case PACTE_FIELD_LIST:
      g_value_set_object (value, pacte_record_get_list (self, field));
      break;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

static void
pacte_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PacteRecord *self = PACTE_RECORD (object);
  PacteRecordClass *klass = record_class (self);
  g_autoptr(GError) error = NULL;
  guint field = prop_id - 1;
  gboolean ok = TRUE;

  if (prop_id == 0 || field >= klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (klass->fields[field].kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      ok = pacte_record_set_string (self, field, g_value_get_string (value), &error);
      break;
    case PACTE_FIELD_DATE:
      {
        const char *text = g_value_get_string (value);
        guint32 julian = 0;

        if (text != NULL && *text != '\0')
          {
            julian = pacte_date_parse (text);
            if (julian == 0)
              {
                g_debug ("%s: “%s” is not a date (YYYY-MM-DD): ignored",
                         pspec->name, text);
                return;
              }
          }
        ok = pacte_record_set_date (self, field, julian, &error);
      }
      break;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      ok = pacte_record_set_number (self, field, g_value_get_double (value), &error);
      break;
    case PACTE_FIELD_BOOLEAN:
      ok = pacte_record_set_boolean (self, field, g_value_get_boolean (value) ? 1 : 0, &error);
      break;
    case PACTE_FIELD_STRV:
      ok = pacte_record_set_strv (self, field, g_value_get_boxed (value), &error);
      break;
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
  if (!ok)
    g_debug ("Property “%s” of %s not set: %s", pspec->name,
             G_OBJECT_TYPE_NAME (object), error->message);
}

static void
pacte_record_class_init (PacteRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pacte_record_parent_class = g_type_class_peek_parent (klass);
  if (PacteRecord_private_offset != 0)
    g_type_class_adjust_private_offset (klass, &PacteRecord_private_offset);

  object_class->dispose = pacte_record_dispose;
  object_class->finalize = pacte_record_finalize;
  object_class->get_property = pacte_record_get_property;
  object_class->set_property = pacte_record_set_property;
}

/* Written by hand rather than with G_DEFINE_TYPE: the instance init needs
 * the class of the object being built (the subclass) to size its values. */
GType
pacte_record_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      const GTypeInfo info = {
        sizeof (PacteRecordClass),
        NULL, NULL,
        (GClassInitFunc) (void (*) (void)) pacte_record_class_init,
        NULL, NULL,
        sizeof (PacteRecord),
        0,
        pacte_record_instance_init,
        NULL,
      };
      GType id = g_type_register_static (G_TYPE_OBJECT,
                                         g_intern_static_string ("PacteRecord"),
                                         &info, G_TYPE_FLAG_ABSTRACT);

      PacteRecord_private_offset = g_type_add_instance_private (id, sizeof (PacteRecordPrivate));
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

void
pacte_record_class_set_fields (PacteRecordClass     *klass,
                               const PacteFieldInfo *fields,
                               guint                 n_fields,
                               const char           *type_label)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec **pspecs;

  g_return_if_fail (PACTE_IS_RECORD_CLASS (klass));
  g_return_if_fail (fields != NULL || n_fields == 0);

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->type_label = type_label;
  object_class->get_property = pacte_record_get_property;
  object_class->set_property = pacte_record_set_property;

  pspecs = g_new0 (GParamSpec *, MAX (n_fields, 1));
  for (guint i = 0; i < n_fields; i++)
    {
      const PacteFieldInfo *info = &fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec = NULL;

      g_assert (info->property != NULL);
      switch (info->kind)
        {
        case PACTE_FIELD_STRING:
        case PACTE_FIELD_CHOICE:
        case PACTE_FIELD_QUARTER:
          pspec = g_param_spec_string (info->property, info->label, NULL, NULL, flags);
          break;
        case PACTE_FIELD_DATE:
          pspec = g_param_spec_string (info->property, info->label,
                                       "Date as YYYY-MM-DD, NULL when unknown", NULL, flags);
          break;
        case PACTE_FIELD_NUMBER:
        case PACTE_FIELD_INTEGER:
          pspec = pacte_param_spec_number (info->property, info->label, flags);
          break;
        case PACTE_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (info->property, info->label, NULL, FALSE, flags);
          break;
        case PACTE_FIELD_STRV:
          pspec = g_param_spec_boxed (info->property, info->label, NULL, G_TYPE_STRV, flags);
          break;
        case PACTE_FIELD_LIST:
          g_assert (info->item_type != NULL);
          pspec = g_param_spec_object (info->property, info->label, NULL, G_TYPE_LIST_MODEL,
                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
          break;
        case PACTE_FIELD_STRING_MAP:
        case PACTE_FIELD_NUMBER_MAP:
        default:
          break;
        }
      if (pspec != NULL)
        {
          g_object_class_install_property (object_class, i + 1, pspec);
          pspecs[i] = pspec;
        }
    }
  klass->pspecs = pspecs;
  klass->id_field = -1;
}

void
pacte_record_class_set_id_field (PacteRecordClass *klass,
                                 guint             field,
                                 gboolean          keep_sorted)
{
  g_return_if_fail (field < klass->n_fields);
  g_return_if_fail (pacte_field_kind_is_text (klass->fields[field].kind));

  klass->id_field = (int) field;
  klass->sorted_by_id = keep_sorted;
}

void
pacte_record_class_set_owner (PacteRecordClass *klass)
{
  klass->is_owner = TRUE;
}

const PacteFieldInfo *
pacte_record_get_field_info (PacteRecord *self,
                             guint        field)
{
  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < record_class (self)->n_fields, NULL);

  return field_info (self, field);
}

guint
pacte_record_get_n_fields (PacteRecord *self)
{
  g_return_val_if_fail (PACTE_IS_RECORD (self), 0);

  return record_class (self)->n_fields;
}

int
pacte_record_find_field (PacteRecord *self,
                         const char  *property)
{
  PacteRecordClass *klass;

  g_return_val_if_fail (PACTE_IS_RECORD (self), -1);
  g_return_val_if_fail (property != NULL, -1);

  klass = record_class (self);
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].property, property))
      return (int) i;
  return -1;
}

/* ---- Getters ---------------------------------------------------------- */

#define CHECK_FIELD(self, field, test, val)                                   \
  G_STMT_START {                                                              \
    g_return_val_if_fail (PACTE_IS_RECORD (self), val);                       \
    g_return_val_if_fail ((field) < record_class (self)->n_fields, val);      \
    g_return_val_if_fail (test (field_info (self, field)->kind), val);        \
  } G_STMT_END

#define KIND_IS_DATE(k)    ((k) == PACTE_FIELD_DATE)
#define KIND_IS_BOOLEAN(k) ((k) == PACTE_FIELD_BOOLEAN)
#define KIND_IS_STRV(k)    ((k) == PACTE_FIELD_STRV)
#define KIND_IS_LIST(k)    ((k) == PACTE_FIELD_LIST)
#define KIND_IS_SMAP(k)    ((k) == PACTE_FIELD_STRING_MAP)
#define KIND_IS_NMAP(k)    ((k) == PACTE_FIELD_NUMBER_MAP)
#define KIND_IS_MAP(k)     ((k) == PACTE_FIELD_STRING_MAP || (k) == PACTE_FIELD_NUMBER_MAP)
#define KIND_IS_ANY(k)     ((k) <= PACTE_FIELD_NUMBER_MAP)

const char *
pacte_record_get_string (PacteRecord *self,
                         guint        field)
{
  const char *s;

  CHECK_FIELD (self, field, pacte_field_kind_is_text, "");
  s = pacte_record_get_instance_private (self)->values[field].s;
  return s != NULL ? s : "";
}

guint32
pacte_record_get_date (PacteRecord *self,
                       guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_DATE, 0);
  return pacte_record_get_instance_private (self)->values[field].date;
}

double
pacte_record_get_number (PacteRecord *self,
                         guint        field)
{
  CHECK_FIELD (self, field, pacte_field_kind_is_number, NAN);
  return pacte_record_get_instance_private (self)->values[field].num;
}

int
pacte_record_get_boolean (PacteRecord *self,
                          guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_BOOLEAN, -1);
  return pacte_record_get_instance_private (self)->values[field].boolean;
}

const char * const *
pacte_record_get_strv (PacteRecord *self,
                       guint        field)
{
  char **strv;

  CHECK_FIELD (self, field, KIND_IS_STRV, empty_strv);
  strv = pacte_record_get_instance_private (self)->values[field].strv;
  return strv != NULL ? (const char * const *) strv : empty_strv;
}

GListModel *
pacte_record_get_list (PacteRecord *self,
                       guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_LIST, NULL);
  return G_LIST_MODEL (pacte_record_get_instance_private (self)->values[field].list);
}

PacteRecord * const *
pacte_record_get_items (PacteRecord *self,
                        guint        field,
                        guint       *n_items)
{
  PacteItemList *list;

  g_return_val_if_fail (n_items != NULL, NULL);
  *n_items = 0;
  CHECK_FIELD (self, field, KIND_IS_LIST, NULL);
  list = pacte_record_get_instance_private (self)->values[field].list;
  *n_items = list->n_items;
  return list->items;
}

const char *
pacte_record_map_get_string (PacteRecord *self,
                             guint        field,
                             const char  *key)
{
  PacteMap *map;
  guint index;

  CHECK_FIELD (self, field, KIND_IS_SMAP, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  map = pacte_record_get_instance_private (self)->values[field].map;
  if (!pacte_map_find (map, key, &index))
    return NULL;
  return g_ptr_array_index (map->strings, index);
}

double
pacte_record_map_get_number (PacteRecord *self,
                             guint        field,
                             const char  *key)
{
  PacteMap *map;
  guint index;

  CHECK_FIELD (self, field, KIND_IS_NMAP, NAN);
  g_return_val_if_fail (key != NULL, NAN);

  map = pacte_record_get_instance_private (self)->values[field].map;
  if (!pacte_map_find (map, key, &index))
    return NAN;
  return g_array_index (map->numbers, double, index);
}

const char * const *
pacte_record_map_get_keys (PacteRecord *self,
                           guint        field)
{
  PacteMap *map;

  CHECK_FIELD (self, field, KIND_IS_MAP, empty_strv);
  map = pacte_record_get_instance_private (self)->values[field].map;
  if (map == NULL)
    return empty_strv;
  return (const char * const *) map->keys->pdata;
}

gboolean
pacte_record_is_set (PacteRecord *self,
                     guint        field)
{
  PacteValue *v;

  CHECK_FIELD (self, field, KIND_IS_ANY, FALSE);
  v = &pacte_record_get_instance_private (self)->values[field];
  switch (field_info (self, field)->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return v->s != NULL && *v->s != '\0';
    case PACTE_FIELD_DATE:
      return v->date != 0;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return !isnan (v->num);
    case PACTE_FIELD_BOOLEAN:
      return v->boolean != -1;
    case PACTE_FIELD_STRV:
      return v->strv != NULL && v->strv[0] != NULL;
    case PACTE_FIELD_LIST:
      return v->list->n_items > 0;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return pacte_map_len (v->map) > 0;
    default:
      return FALSE;
    }
}

/* ---- Edits ------------------------------------------------------------- */

static void
notify_field (PacteRecord *self,
              guint        field)
{
  GParamSpec *pspec = record_class (self)->pspecs[field];

  if (pspec != NULL && field_info (self, field)->kind != PACTE_FIELD_LIST)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* Stores *value (taken) if it differs from the current one; notifies, records
 * the undo step when undoable, and tells the root.  FALSE if unchanged. */
static gboolean
store_value (PacteRecord *self,
             guint        field,
             PacteValue  *value,
             gboolean     undoable)
{
  PacteRecordPrivate *priv = pacte_record_get_instance_private (self);
  PacteFieldKind kind = field_info (self, field)->kind;
  PacteRecordRoot *root;
  PacteHistory *history = NULL;
  PacteValue old;

  if (pacte_value_equal (kind, &priv->values[field], value))
    {
      pacte_value_clear (kind, value);
      return FALSE;
    }
  old = priv->values[field];
  priv->values[field] = *value;
  pacte_record_check_id_change (self, field);
  notify_field (self, field);

  root = pacte_record_get_root (self);
  if (root != NULL && undoable)
    history = pacte_record_root_history (root);
  if (history != NULL)
    pacte_history_add_field (history, self, field, &old);
  else
    pacte_value_clear (kind, &old);
  if (root != NULL)
    pacte_record_tell_root (root, self, field);
  return TRUE;
}

const PacteValue *
pacte_record_peek_value (PacteRecord *self,
                         guint        field)
{
  return &pacte_record_get_instance_private (self)->values[field];
}

void
pacte_record_apply_value (PacteRecord      *self,
                          guint             field,
                          const PacteValue *value)
{
  PacteValue copy;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);

  pacte_value_copy (field_info (self, field)->kind, value, &copy);
  store_value (self, field, &copy, FALSE);
}

static gboolean
field_error (GError               **error,
             PacteRecord           *self,
             const PacteFieldInfo  *info,
             const char            *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
field_error (GError               **error,
             PacteRecord           *self,
             const PacteFieldInfo  *info,
             const char            *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: "Target: 3.5 is not a whole number" */
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
               _("%s: %s"), _(info->label), detail);
  return FALSE;
}

/* Ids must stay unique among the record's siblings. */
static gboolean
check_unique_id (PacteRecord          *self,
                 guint                 field,
                 const PacteFieldInfo *info,
                 const char           *value,
                 GError              **error)
{
  PacteRecord *parent = pacte_record_get_instance_private (self)->parent;
  PacteRecordClass *pclass;

  if (parent == NULL || value == NULL || (int) field != record_class (self)->id_field)
    return TRUE;
  pclass = record_class (parent);
  for (guint f = 0; f < pclass->n_fields; f++)
    {
      PacteItemList *list;

      if (pclass->fields[f].kind != PACTE_FIELD_LIST)
        continue;
      list = pacte_record_get_instance_private (parent)->values[f].list;
      if (!pacte_item_list_find (list, self, NULL))
        continue;
      for (guint i = 0; i < list->n_items; i++)
        {
          PacteRecord *item = list->items[i];

          if (item != self && G_OBJECT_TYPE (item) == G_OBJECT_TYPE (self)
              && g_str_equal (pacte_record_get_string (item, field), value))
            {
              g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_DUPLICATE_ID,
                           _("%s: “%s” is already used by another %s"),
                           _(info->label), value, _(record_class (self)->type_label));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The class's own check of a value about to be stored. */
static gboolean
validate_value (PacteRecord      *self,
                guint             field,
                const PacteValue *value,
                GError          **error)
{
  PacteRecordClass *klass = record_class (self);

  return klass->validate == NULL || klass->validate (self, field, value, error);
}

gboolean
pacte_record_field_error (GError      **error,
                          PacteRecord  *self,
                          guint         field,
                          const char   *detail)
{
  return field_error (error, self, field_info (self, field), "%s", detail);
}

/* A record kept sorted by id whose id changed moves to its new place in its
 * parent's list. */
static void
resort_by_id (PacteRecord *self)
{
  PacteRecord *parent = pacte_record_get_instance_private (self)->parent;
  PacteRecordClass *pclass = record_class (parent);

  for (guint f = 0; f < pclass->n_fields; f++)
    {
      PacteItemList *list;
      guint pos, target;

      if (!pacte_record_is_sorted_list (&pclass->fields[f]))
        continue;
      list = pacte_record_get_instance_private (parent)->values[f].list;
      if (!pacte_item_list_find (list, self, &pos))
        continue;
      target = pacte_record_sorted_position (list, record_id (self), self);
      if (target > pos)
        target--;
      if (target != pos)
        pacte_record_list_move (parent, f, pos, target);
      break;
    }
}

gboolean
pacte_record_set_string (PacteRecord  *self,
                         guint         field,
                         const char   *value,
                         GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;
  PacteRecordRoot *root;
  PacteHistory *history = NULL;
  PacteRecord *parent;

  CHECK_FIELD (self, field, pacte_field_kind_is_text, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (value != NULL && *value == '\0')
    value = NULL;
  if (value == NULL && info->required)
    return field_error (error, self, info, "%s", _("cannot be empty"));
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return field_error (error, self, info, "%s", _("the text is not valid UTF-8"));
  if (value != NULL && info->kind == PACTE_FIELD_CHOICE
      && !g_strv_contains (info->choices, value))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) info->choices);

      return field_error (error, self, info, _("“%s” is not one of the allowed values (%s)"),
                          value, allowed);
    }
  if (value != NULL && info->kind == PACTE_FIELD_QUARTER
      && !pacte_quarter_parse (value, NULL, NULL))
    return field_error (error, self, info, _("“%s” is not a quarter of the form YYYY-Qn (n from 1 to 4)"),
                        value);
  v.s = (char *) value;
  if (!validate_value (self, field, &v, error))
    return FALSE;
  if (g_strcmp0 (pacte_record_get_instance_private (self)->values[field].s, value) == 0)
    return TRUE;
  if (!check_unique_id (self, field, info, value, error))
    return FALSE;

  /* Records kept sorted by id (overrides): a new id moves the record, in
   * the same undo step. */
  parent = pacte_record_get_instance_private (self)->parent;
  if (record_class (self)->sorted_by_id && (int) field == record_class (self)->id_field
      && parent != NULL)
    {
      root = pacte_record_get_root (self);
      if (root != NULL)
        history = pacte_record_root_history (root);
      if (history != NULL)
        {
          g_autofree char *label = g_strdup_printf (_("Change %s"), _(info->label));

          pacte_history_begin_group (history, label);
        }
      v.s = g_strdup (value);
      store_value (self, field, &v, TRUE);
      resort_by_id (self);
      if (history != NULL)
        pacte_history_end_group (history);
      return TRUE;
    }

  v.s = g_strdup (value);
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_set_date (PacteRecord  *self,
                       guint         field,
                       guint32       julian,
                       GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;

  CHECK_FIELD (self, field, KIND_IS_DATE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (julian != 0 && !pacte_julian_valid (julian))
    return field_error (error, self, info, _("day %u is not a valid date"), julian);
  if (julian == 0 && info->required)
    return field_error (error, self, info, "%s", _("cannot be empty"));
  v.date = julian;
  if (!validate_value (self, field, &v, error))
    return FALSE;
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_set_number (PacteRecord  *self,
                         guint         field,
                         double        value,
                         GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;

  CHECK_FIELD (self, field, pacte_field_kind_is_number, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (isinf (value))
    return field_error (error, self, info, "%s", _("the number is too large"));
  if (!isnan (value) && info->kind == PACTE_FIELD_INTEGER)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (value != floor (value))
        return field_error (error, self, info, _("%s is not a whole number"),
                            g_ascii_dtostr (buf, sizeof buf, value));
      if (fabs (value) > 9007199254740992.0)
        return field_error (error, self, info, "%s", _("the number is too large"));
    }
  if (!isnan (value) && info->has_minimum && value < info->minimum)
    {
      char shown[G_ASCII_DTOSTR_BUF_SIZE], minimum[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (shown, sizeof shown, value);
      g_ascii_dtostr (minimum, sizeof minimum, info->minimum);
      return field_error (error, self, info, _("%s is less than %s; expected a number of %s or more"),
                          shown, minimum, minimum);
    }
  if (isnan (value) && info->required)
    return field_error (error, self, info, "%s", _("cannot be empty"));
  v.num = value;
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_set_boolean (PacteRecord  *self,
                          guint         field,
                          int           value,
                          GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;

  CHECK_FIELD (self, field, KIND_IS_BOOLEAN, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (value < -1 || value > 1)
    return field_error (error, self, info, _("%d is not -1 (unknown), 0 (no) or 1 (yes)"), value);
  v.boolean = value;
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_set_strv (PacteRecord         *self,
                       guint                field,
                       const char * const  *value,
                       GError             **error)
{
  const PacteFieldInfo *info;
  PacteValue v;

  CHECK_FIELD (self, field, KIND_IS_STRV, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (value == NULL && info->required)
    return field_error (error, self, info, "%s", _("cannot be empty"));
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      if (!g_utf8_validate (value[i], -1, NULL))
        return field_error (error, self, info, "%s", _("the text is not valid UTF-8"));
    }
  v.strv = (char **) value;
  if (!validate_value (self, field, &v, error))
    return FALSE;
  v.strv = g_strdupv ((char **) value);
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_map_set_string (PacteRecord  *self,
                             guint         field,
                             const char   *key,
                             const char   *value,
                             GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;

  CHECK_FIELD (self, field, KIND_IS_SMAP, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (!g_utf8_validate (key, -1, NULL) || (value != NULL && !g_utf8_validate (value, -1, NULL)))
    return field_error (error, self, info, "%s", _("the text is not valid UTF-8"));
  if (value != NULL && info->choices != NULL && !g_strv_contains (info->choices, value))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) info->choices);

      return field_error (error, self, info, _("“%s” is not one of the allowed values (%s)"),
                          value, allowed);
    }
  if (g_strcmp0 (pacte_record_map_get_string (self, field, key), value) == 0)
    return TRUE;
  v.map = pacte_map_copy (info->kind, pacte_record_get_instance_private (self)->values[field].map);
  pacte_map_store (&v.map, info->kind, g_strdup (key), g_strdup (value), NAN);
  store_value (self, field, &v, TRUE);
  return TRUE;
}

gboolean
pacte_record_map_set_number (PacteRecord  *self,
                             guint         field,
                             const char   *key,
                             double        value,
                             GError      **error)
{
  const PacteFieldInfo *info;
  PacteValue v;
  double current;

  CHECK_FIELD (self, field, KIND_IS_NMAP, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = field_info (self, field);
  if (!g_utf8_validate (key, -1, NULL))
    return field_error (error, self, info, "%s", _("the text is not valid UTF-8"));
  if (isinf (value))
    return field_error (error, self, info, "%s", _("the number is too large"));
  current = pacte_record_map_get_number (self, field, key);
  if ((isnan (current) && isnan (value)) || current == value)
    return TRUE;
  v.map = pacte_map_copy (info->kind, pacte_record_get_instance_private (self)->values[field].map);
  pacte_map_store (&v.map, info->kind, g_strdup (key), NULL, value);
  store_value (self, field, &v, TRUE);
  return TRUE;
}
