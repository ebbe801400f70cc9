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

#include "pacte-values-private.h"
#include "pacte-i18n.h"
#include "pacte-record-private.h"
#include "pacte-record-root.h"

typedef struct
{
  char     *object_path;
  char     *member;
  JsonNode *node;
} PacteUnknown;

typedef struct
{
  PacteValue  *values;   /* one per field; first: see pacte_record_values () */
  PacteRecord *parent;   /* not a reference */
  GPtrArray   *unknown;  /* PacteUnknown*, lazily allocated */
} PacteRecordPrivate;

int             pacte_record_private_offset;
#define PacteRecord_private_offset pacte_record_private_offset
static gpointer pacte_record_parent_class;

static const char * const empty_strv[] = { NULL };


static inline PacteRecordPrivate *
pacte_record_get_instance_private (PacteRecord *self)
{
  return G_STRUCT_MEMBER_P (self, PacteRecord_private_offset);
}

static inline PacteRecordClass *
record_class (PacteRecord *self)
{
  return PACTE_RECORD_GET_CLASS (self);
}

static inline const PacteFieldInfo *
field_info (PacteRecord *self,
            guint        field)
{
  return &record_class (self)->fields[field];
}

/* A list whose items are kept sorted by their id (rule overrides). */
static gboolean
is_sorted_list (const PacteFieldInfo *info)
{
  PacteRecordClass *item_class;

  if (info->kind != PACTE_FIELD_LIST || info->item_type == NULL)
    return FALSE;
  item_class = g_type_class_peek (info->item_type ());
  return item_class != NULL && item_class->sorted_by_id;
}

static inline const char *
record_id (PacteRecord *self)
{
  return pacte_record_get_string (self, (guint) record_class (self)->id_field);
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

static PacteHistory *
root_history (PacteRecordRoot *root)
{
  return PACTE_RECORD_ROOT_GET_IFACE (root)->get_history (root);
}

static void
root_record_changed (PacteRecordRoot *root,
                     PacteRecord     *record,
                     guint            field)
{
  PACTE_RECORD_ROOT_GET_IFACE (root)->record_changed (root, record, field);
}

/* A root indexes the records directly below it by id: a change of one of
 * their ids, raw or not, or of its lists, must invalidate that index. */
static inline void
ids_changed_below (PacteRecord *self)
{
  if (PACTE_IS_RECORD_ROOT (self))
    PACTE_RECORD_ROOT_GET_IFACE (self)->ids_changed (PACTE_RECORD_ROOT (self));
}

static inline void
check_id_change (PacteRecord *self,
                 guint        field)
{
  PacteRecord *parent = pacte_record_get_instance_private (self)->parent;

  if ((int) field == record_class (self)->id_field && parent != NULL)
    ids_changed_below (parent);
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

static void
unknown_free (gpointer data)
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

/* ---- Raw stores (loader) ------------------------------------------------ */

void
pacte_record_take_string_raw (PacteRecord *self,
                              guint        field,
                              char        *value)
{
  PacteValue *v;

  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || !pacte_field_kind_is_text (field_info (self, field)->kind))
    {
      g_free (value);
      g_return_if_reached ();
    }
  v = &pacte_record_get_instance_private (self)->values[field];
  g_free (v->s);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  v->s = value;
  check_id_change (self, field);
}

void
pacte_record_set_date_raw (PacteRecord *self,
                           guint        field,
                           guint32      julian)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_DATE);

  pacte_record_get_instance_private (self)->values[field].date = julian;
}

void
pacte_record_set_number_raw (PacteRecord *self,
                             guint        field,
                             double       value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (pacte_field_kind_is_number (field_info (self, field)->kind));

  pacte_record_get_instance_private (self)->values[field].num = value;
}

void
pacte_record_set_boolean_raw (PacteRecord *self,
                              guint        field,
                              int          value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_BOOLEAN);

  pacte_record_get_instance_private (self)->values[field].boolean = value < 0 ? -1 : value > 0 ? 1 : 0;
}

void
pacte_record_take_strv_raw (PacteRecord  *self,
                            guint         field,
                            char        **value)
{
  PacteValue *v;

  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || field_info (self, field)->kind != PACTE_FIELD_STRV)
    {
      g_strfreev (value);
      g_return_if_reached ();
    }
  v = &pacte_record_get_instance_private (self)->values[field];
  g_strfreev (v->strv);
  if (value != NULL && value[0] == NULL)
    g_clear_pointer (&value, g_strfreev);
  v->strv = value;
}

void
pacte_record_map_take_string_raw (PacteRecord *self,
                                  guint        field,
                                  char        *key,
                                  char        *value)
{
  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || field_info (self, field)->kind != PACTE_FIELD_STRING_MAP || key == NULL)
    {
      g_free (key);
      g_free (value);
      g_return_if_reached ();
    }
  pacte_map_store (&pacte_record_get_instance_private (self)->values[field].map,
             PACTE_FIELD_STRING_MAP, key, value, NAN);
}

void
pacte_record_map_set_number_raw (PacteRecord *self,
                                 guint        field,
                                 const char  *key,
                                 double       value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_NUMBER_MAP);
  g_return_if_fail (key != NULL);

  pacte_map_store (&pacte_record_get_instance_private (self)->values[field].map,
             PACTE_FIELD_NUMBER_MAP, g_strdup (key), NULL, value);
}

/* Where a record with id key goes in a list sorted by id: after the last
 * item whose id is <= key (appending in sorted order costs one comparison).
 * ignore: an item of the list that is moving, left out of the comparison. */
static guint
sorted_position (PacteItemList *list,
                 const char    *key,
                 PacteRecord   *ignore)
{
  guint n = list->n_items;
  guint lo = 0, hi = n;

  if (n > 0 && list->items[n - 1] != ignore && strcmp (record_id (list->items[n - 1]), key) <= 0)
    return n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      PacteRecord *item = list->items[mid];

      if (item == ignore)
        {
          /* Compare with a neighbour instead. */
          if (mid + 1 < hi)
            {
              if (strcmp (record_id (list->items[mid + 1]), key) <= 0)
                lo = mid + 2;
              else
                hi = mid;
              continue;
            }
          hi = mid;
          continue;
        }
      if (strcmp (record_id (item), key) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
pacte_record_list_append_raw (PacteRecord *self,
                              guint        field,
                              PacteRecord *item)
{
  const PacteFieldInfo *info;
  PacteItemList *list;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  info = field_info (self, field);
  g_return_if_fail (info->kind == PACTE_FIELD_LIST);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, info->item_type ()));
  g_return_if_fail (pacte_record_get_instance_private (item)->parent == NULL);

  list = pacte_record_get_instance_private (self)->values[field].list;
  pacte_record_get_instance_private (item)->parent = self;
  if (is_sorted_list (info))
    pacte_item_list_insert (list, sorted_position (list, record_id (item), NULL), item);
  else
    pacte_item_list_insert (list, list->n_items, item);
  ids_changed_below (self);
}

/* ---- Unknown members ---------------------------------------------------- */

void
pacte_record_add_unknown (PacteRecord *self,
                          const char  *object_path,
                          const char  *member,
                          JsonNode    *node)
{
  PacteRecordPrivate *priv;
  PacteUnknown *u;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (member != NULL);
  g_return_if_fail (node != NULL);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    priv->unknown = g_ptr_array_new_with_free_func (unknown_free);
  u = g_new (PacteUnknown, 1);
  u->object_path = g_strdup (object_path != NULL ? object_path : "");
  u->member = g_strdup (member);
  u->node = json_node_ref (node);
  g_ptr_array_add (priv->unknown, u);
}

void
pacte_record_set_unknown (PacteRecord *self,
                          const char  *object_path,
                          const char  *member,
                          JsonNode    *node)
{
  PacteRecordPrivate *priv;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (member != NULL);

  priv = pacte_record_get_instance_private (self);
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; priv->unknown != NULL && i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path) && g_str_equal (u->member, member))
        {
          if (node == NULL)
            g_ptr_array_remove_index (priv->unknown, i);
          else
            {
              json_node_unref (u->node);
              u->node = json_node_ref (node);
            }
          return;
        }
    }
  if (node != NULL)
    pacte_record_add_unknown (self, object_path, member, node);
}

gboolean
pacte_record_has_unknown (PacteRecord *self,
                          const char  *object_path)
{
  PacteRecordPrivate *priv;

  g_return_val_if_fail (PACTE_IS_RECORD (self), FALSE);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    return FALSE;
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path))
        return TRUE;
    }
  return FALSE;
}

void
pacte_record_foreach_unknown (PacteRecord      *self,
                              const char       *object_path,
                              PacteUnknownFunc  func,
                              gpointer          user_data)
{
  PacteRecordPrivate *priv;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (func != NULL);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    return;
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path))
        func (u->member, u->node, user_data);
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
  check_id_change (self, field);
  notify_field (self, field);

  root = pacte_record_get_root (self);
  if (root != NULL && undoable)
    history = root_history (root);
  if (history != NULL)
    pacte_history_add_field (history, self, field, &old);
  else
    pacte_value_clear (kind, &old);
  if (root != NULL)
    root_record_changed (root, self, field);
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

      if (!is_sorted_list (&pclass->fields[f]))
        continue;
      list = pacte_record_get_instance_private (parent)->values[f].list;
      if (!pacte_item_list_find (list, self, &pos))
        continue;
      target = sorted_position (list, record_id (self), self);
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
        history = root_history (root);
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

/* ---- Lists ------------------------------------------------------------- */

static PacteItemList *
list_store (PacteRecord *self,
            guint        field)
{
  return pacte_record_get_instance_private (self)->values[field].list;
}

/* Where an undoable edit of self is recorded, or NULL. */
static PacteHistory *
undo_history (PacteRecord *self,
              gboolean     undoable)
{
  PacteRecordRoot *root = undoable ? pacte_record_get_root (self) : NULL;

  return root != NULL ? root_history (root) : NULL;
}

static void
list_changed (PacteRecord *self,
              guint        field)
{
  PacteRecordRoot *root;

  ids_changed_below (self);
  root = pacte_record_get_root (self);
  if (root != NULL)
    root_record_changed (root, self, field);
}

static void
list_insert (PacteRecord *self,
             guint        field,
             guint        position,
             PacteRecord *item,
             gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  PacteHistory *history;

  position = MIN (position, store->n_items);
  pacte_record_get_instance_private (item)->parent = self;
  pacte_item_list_insert (store, position, item);
  history = undo_history (self, undoable);
  if (history != NULL)
    pacte_history_add_insert (history, self, field, position, item);
  list_changed (self, field);
}

static void
list_remove (PacteRecord *self,
             guint        field,
             guint        position,
             gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  g_autoptr(PacteRecord) item = NULL;
  PacteHistory *history;

  if (position >= store->n_items)
    return;
  history = undo_history (self, undoable);
  item = pacte_item_list_steal (store, position);
  pacte_record_get_instance_private (item)->parent = NULL;
  if (history != NULL)
    pacte_history_add_remove (history, self, field, position, item);
  list_changed (self, field);
}

static void
list_move (PacteRecord *self,
           guint        field,
           guint        from,
           guint        to,
           gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  guint n = store->n_items;
  g_autoptr(PacteRecord) item = NULL;
  PacteHistory *history;

  if (from >= n || to >= n || from == to)
    return;
  item = pacte_item_list_steal (store, from);
  pacte_item_list_insert (store, to, item);
  history = undo_history (self, undoable);
  if (history != NULL)
    pacte_history_add_move (history, self, field, from, to);
  list_changed (self, field);
}

void
pacte_record_list_insert (PacteRecord *self,
                          guint        field,
                          guint        position,
                          PacteRecord *item)
{
  const PacteFieldInfo *info;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  info = field_info (self, field);
  g_return_if_fail (info->kind == PACTE_FIELD_LIST);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, info->item_type ()));
  g_return_if_fail (pacte_record_get_instance_private (item)->parent == NULL);
  g_return_if_fail (item != self);

  if (is_sorted_list (info))
    position = sorted_position (list_store (self, field), record_id (item), NULL);
  list_insert (self, field, position, item, TRUE);
}

void
pacte_record_list_remove (PacteRecord *self,
                          guint        field,
                          guint        position)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_LIST);
  g_return_if_fail (position < list_store (self, field)->n_items);

  list_remove (self, field, position, TRUE);
}

void
pacte_record_list_move (PacteRecord *self,
                        guint        field,
                        guint        from,
                        guint        to)
{
  guint n;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_LIST);
  n = list_store (self, field)->n_items;
  g_return_if_fail (from < n && to < n);

  list_move (self, field, from, to, TRUE);
}

void
pacte_record_apply_insert (PacteRecord *self,
                           guint        field,
                           guint        position,
                           PacteRecord *item)
{
  g_return_if_fail (PACTE_IS_RECORD (self) && PACTE_IS_RECORD (item));
  if (pacte_record_get_instance_private (item)->parent != NULL)
    return;  /* already somewhere else: the history no longer matches */
  list_insert (self, field, position, item, FALSE);
}

void
pacte_record_apply_remove (PacteRecord *self,
                           guint        field,
                           guint        position,
                           PacteRecord *item)
{
  guint found;

  g_return_if_fail (PACTE_IS_RECORD (self));
  /* Trust the item more than the position. */
  if (item != NULL && pacte_item_list_find (list_store (self, field), item, &found))
    position = found;
  else if (item != NULL)
    return;
  list_remove (self, field, position, FALSE);
}

void
pacte_record_apply_move (PacteRecord *self,
                         guint        field,
                         guint        from,
                         guint        to)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  list_move (self, field, from, to, FALSE);
}

/* ---- Copy and equality -------------------------------------------------- */

PacteRecord *
pacte_record_copy (PacteRecord *self)
{
  PacteRecordClass *klass;
  PacteRecordPrivate *priv, *cpriv;
  PacteRecord *copy;

  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);

  klass = record_class (self);
  priv = pacte_record_get_instance_private (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  cpriv = pacte_record_get_instance_private (copy);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      PacteFieldKind kind = klass->fields[i].kind;

      if (kind == PACTE_FIELD_LIST)
        {
          PacteItemList *list = priv->values[i].list;

          for (guint j = 0; j < list->n_items; j++)
            {
              g_autoptr(PacteRecord) item_copy = pacte_record_copy (list->items[j]);

              pacte_record_get_instance_private (item_copy)->parent = copy;
              pacte_item_list_insert (cpriv->values[i].list, cpriv->values[i].list->n_items, item_copy);
            }
        }
      else
        {
          pacte_value_clear (kind, &cpriv->values[i]);
          pacte_value_copy (kind, &priv->values[i], &cpriv->values[i]);
        }
    }
  if (priv->unknown != NULL)
    for (guint i = 0; i < priv->unknown->len; i++)
      {
        PacteUnknown *u = g_ptr_array_index (priv->unknown, i);
        g_autoptr(JsonNode) node = json_node_copy (u->node);

        pacte_record_add_unknown (copy, u->object_path, u->member, node);
      }
  return copy;
}

gboolean
pacte_record_equal (PacteRecord *a,
                    PacteRecord *b)
{
  PacteRecordClass *klass;
  PacteRecordPrivate *pa, *pb;
  guint na, nb;

  g_return_val_if_fail (PACTE_IS_RECORD (a), FALSE);
  g_return_val_if_fail (PACTE_IS_RECORD (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  klass = record_class (a);
  pa = pacte_record_get_instance_private (a);
  pb = pacte_record_get_instance_private (b);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      PacteFieldKind kind = klass->fields[i].kind;

      if (kind == PACTE_FIELD_LIST)
        {
          PacteItemList *la = pa->values[i].list;
          PacteItemList *lb = pb->values[i].list;

          if (la->n_items != lb->n_items)
            return FALSE;
          for (guint j = 0; j < la->n_items; j++)
            if (!pacte_record_equal (la->items[j], lb->items[j]))
              return FALSE;
        }
      else if (!pacte_value_equal (kind, &pa->values[i], &pb->values[i]))
        return FALSE;
    }
  na = pa->unknown != NULL ? pa->unknown->len : 0;
  nb = pb->unknown != NULL ? pb->unknown->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      PacteUnknown *ua = g_ptr_array_index (pa->unknown, i);
      PacteUnknown *ub = g_ptr_array_index (pb->unknown, i);

      if (!g_str_equal (ua->object_path, ub->object_path)
          || !g_str_equal (ua->member, ub->member)
          || !json_node_equal (ua->node, ub->node))
        return FALSE;
    }
  return TRUE;
}
