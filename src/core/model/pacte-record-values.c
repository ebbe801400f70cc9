/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-values.c: the stored values of record fields: sorted maps,
 * copy/compare/clear by kind, dates, and the NaN-accepting number property. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-values-private.h"

static const char * const empty_strv[] = { NULL };

/* ---- Maps ------------------------------------------------------------- */

PacteMap *
pacte_map_new (PacteFieldKind kind)
{
  PacteMap *map = g_new0 (PacteMap, 1);

  map->keys = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  if (kind == PACTE_FIELD_STRING_MAP)
    map->strings = g_ptr_array_new_with_free_func (g_free);
  else
    map->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  return map;
}

void
pacte_map_free (PacteMap *map)
{
  if (map == NULL)
    return;
  g_ptr_array_unref (map->keys);
  g_clear_pointer (&map->strings, g_ptr_array_unref);
  g_clear_pointer (&map->numbers, g_array_unref);
  g_free (map);
}

guint
pacte_map_len (const PacteMap *map)
{
  return map != NULL ? map->keys->len : 0;
}

/* Binary search: TRUE and the index when found, else FALSE and the index
 * where key would be inserted. */
gboolean
pacte_map_find (const PacteMap *map,
          const char     *key,
          guint          *index)
{
  guint lo = 0, hi = pacte_map_len (map);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (g_ptr_array_index (map->keys, mid), key);

      if (cmp == 0)
        {
          *index = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *index = lo;
  return FALSE;
}

PacteMap *
pacte_map_copy (PacteFieldKind  kind,
          const PacteMap *map)
{
  PacteMap *copy;

  if (map == NULL)
    return NULL;
  copy = pacte_map_new (kind);
  for (guint i = 0; i < map->keys->len; i++)
    {
      g_ptr_array_add (copy->keys, g_strdup (g_ptr_array_index (map->keys, i)));
      if (map->strings != NULL)
        g_ptr_array_add (copy->strings, g_strdup (g_ptr_array_index (map->strings, i)));
      else
        g_array_append_val (copy->numbers, g_array_index (map->numbers, double, i));
    }
  return copy;
}

static gboolean
map_equal (const PacteMap *a,
           const PacteMap *b)
{
  guint n = pacte_map_len (a);

  if (n != pacte_map_len (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (g_ptr_array_index (a->keys, i), g_ptr_array_index (b->keys, i)) != 0)
        return FALSE;
      if (a->strings != NULL)
        {
          if (strcmp (g_ptr_array_index (a->strings, i), g_ptr_array_index (b->strings, i)) != 0)
            return FALSE;
        }
      else if (g_array_index (a->numbers, double, i) != g_array_index (b->numbers, double, i))
        return FALSE;
    }
  return TRUE;
}

/* Stores key -> value in *map (creating it), or removes key when value is
 * NULL (string) / NaN (number).  Takes key and string. */
void
pacte_map_store (PacteMap       **map,
           PacteFieldKind   kind,
           char            *key,
           char            *string,
           double           number)
{
  gboolean remove = kind == PACTE_FIELD_STRING_MAP ? string == NULL : isnan (number);
  guint index;

  if (pacte_map_find (*map, key, &index))
    {
      if (remove)
        {
          g_ptr_array_remove_index (( *map)->keys, index);
          if ((*map)->strings != NULL)
            g_ptr_array_remove_index ((*map)->strings, index);
          else
            g_array_remove_index ((*map)->numbers, index);
          if ((*map)->keys->len == 0)
            g_clear_pointer (map, pacte_map_free);
        }
      else if (kind == PACTE_FIELD_STRING_MAP)
        {
          g_free (g_ptr_array_index ((*map)->strings, index));
          g_ptr_array_index ((*map)->strings, index) = string;
          string = NULL;
        }
      else
        g_array_index ((*map)->numbers, double, index) = number;
      g_free (key);
      g_free (string);
      return;
    }
  if (remove)
    {
      g_free (key);
      g_free (string);
      return;
    }
  if (*map == NULL)
    *map = pacte_map_new (kind);
  g_ptr_array_insert ((*map)->keys, index, key);
  if (kind == PACTE_FIELD_STRING_MAP)
    g_ptr_array_insert ((*map)->strings, index, string);
  else
    g_array_insert_val ((*map)->numbers, index, number);
}

/* ---- Item lists --------------------------------------------------------- */

static void pacte_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PacteItemList, pacte_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pacte_item_list_model_init))

static void
pacte_item_list_finalize (GObject *object)
{
  PacteItemList *self = PACTE_ITEM_LIST (object);

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);

  G_OBJECT_CLASS (pacte_item_list_parent_class)->finalize (object);
}

static void
pacte_item_list_class_init (PacteItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacte_item_list_finalize;
}

static void
pacte_item_list_init (PacteItemList *self)
{
}

static GType
pacte_item_list_get_item_type (GListModel *model)
{
  return PACTE_ITEM_LIST (model)->item_type;
}

static guint
pacte_item_list_get_n_items (GListModel *model)
{
  return PACTE_ITEM_LIST (model)->n_items;
}

static gpointer
pacte_item_list_get_item (GListModel *model,
                          guint       position)
{
  PacteItemList *self = PACTE_ITEM_LIST (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (self->items[position]);
}

static void
pacte_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pacte_item_list_get_item_type;
  iface->get_n_items = pacte_item_list_get_n_items;
  iface->get_item = pacte_item_list_get_item;
}

static guint items_changed_signal;

/* Emitting a signal nobody listens to still costs about a microsecond;
 * the loader appends hundreds of thousands of items before anyone can. */
static void
items_changed (PacteItemList *self,
               guint          position,
               guint          removed,
               guint          added)
{
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      items_changed_signal = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
      g_once_init_leave (&looked_up, 1);
    }
  if (g_signal_has_handler_pending (self, items_changed_signal, 0, FALSE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

PacteItemList *
pacte_item_list_new (GType item_type)
{
  PacteItemList *self = g_object_new (PACTE_TYPE_ITEM_LIST, NULL);

  self->item_type = item_type;
  return self;
}

void
pacte_item_list_insert_quiet (PacteItemList *self,
                              guint          position,
                              PacteRecord   *item)
{
  if (self->n_items == self->size)
    {
      self->size = self->size == 0 ? 4 : 2 * self->size;
      self->items = g_renew (PacteRecord *, self->items, self->size);
    }
  memmove (self->items + position + 1, self->items + position,
           (self->n_items - position) * sizeof (PacteRecord *));
  self->items[position] = g_object_ref (item);
  self->n_items++;
}

void
pacte_item_list_insert (PacteItemList *self,
                        guint          position,
                        PacteRecord   *item)
{
  g_return_if_fail (PACTE_IS_ITEM_LIST (self));
  g_return_if_fail (position <= self->n_items);

  pacte_item_list_insert_quiet (self, position, item);
  items_changed (self, position, 0, 1);
}

PacteRecord *
pacte_item_list_steal (PacteItemList *self,
                       guint          position)
{
  PacteRecord *item;

  g_return_val_if_fail (PACTE_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (position < self->n_items, NULL);

  item = self->items[position];
  self->n_items--;
  memmove (self->items + position, self->items + position + 1,
           (self->n_items - position) * sizeof (PacteRecord *));
  items_changed (self, position, 1, 0);
  return item;
}

void
pacte_item_list_remove_all (PacteItemList *self)
{
  PacteRecord **items;
  guint n;

  g_return_if_fail (PACTE_IS_ITEM_LIST (self));

  items = g_steal_pointer (&self->items);
  n = self->n_items;
  self->n_items = self->size = 0;
  if (n > 0)
    items_changed (self, 0, n, 0);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  g_free (items);
}

gboolean
pacte_item_list_find (PacteItemList *self,
                      PacteRecord   *item,
                      guint         *position)
{
  g_return_val_if_fail (PACTE_IS_ITEM_LIST (self), FALSE);

  for (guint i = 0; i < self->n_items; i++)
    if (self->items[i] == item)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- Values ----------------------------------------------------------- */

void
pacte_value_copy (PacteFieldKind    kind,
                  const PacteValue *src,
                  PacteValue       *dst)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      dst->s = g_strdup (src->s);
      break;
    case PACTE_FIELD_DATE:
      dst->date = src->date;
      break;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      dst->num = src->num;
      break;
    case PACTE_FIELD_BOOLEAN:
      dst->boolean = src->boolean;
      break;
    case PACTE_FIELD_STRV:
      dst->strv = g_strdupv (src->strv);
      break;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      dst->map = pacte_map_copy (kind, src->map);
      break;
    case PACTE_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

void
pacte_value_clear (PacteFieldKind  kind,
                   PacteValue     *value)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      g_clear_pointer (&value->s, g_free);
      break;
    case PACTE_FIELD_STRV:
      g_clear_pointer (&value->strv, g_strfreev);
      break;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      g_clear_pointer (&value->map, pacte_map_free);
      break;
    case PACTE_FIELD_LIST:
      g_clear_object (&value->list);
      break;
    case PACTE_FIELD_DATE:
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
    case PACTE_FIELD_BOOLEAN:
    default:
      break;
    }
}

gboolean
pacte_value_equal (PacteFieldKind    kind,
                   const PacteValue *a,
                   const PacteValue *b)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return g_strcmp0 (a->s, b->s) == 0;
    case PACTE_FIELD_DATE:
      return a->date == b->date;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return (isnan (a->num) && isnan (b->num)) || a->num == b->num;
    case PACTE_FIELD_BOOLEAN:
      return a->boolean == b->boolean;
    case PACTE_FIELD_STRV:
      {
        const char * const *x = a->strv != NULL ? (const char * const *) a->strv : empty_strv;
        const char * const *y = b->strv != NULL ? (const char * const *) b->strv : empty_strv;

        return g_strv_equal (x, y);
      }
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return map_equal (a->map, b->map);
    case PACTE_FIELD_LIST:
      return a->list == b->list;
    default:
      g_assert_not_reached ();
    }
}

void
pacte_value_init (const PacteFieldInfo *info,
            PacteValue           *value)
{
  switch (info->kind)
    {
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      value->num = NAN;
      break;
    case PACTE_FIELD_BOOLEAN:
      value->boolean = -1;
      break;
    case PACTE_FIELD_LIST:
      value->list = pacte_item_list_new (info->item_type ());
      break;
    case PACTE_FIELD_DATE:
      value->date = 0;
      break;
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
    case PACTE_FIELD_STRV:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      value->s = NULL;
      break;
    }
}

/* ---- Dates ------------------------------------------------------------ */

/* Dates are written with four-digit years: 0001-01-01 (GDate's Julian day 1)
 * to 9999-12-31 (Julian day 3652059). */
#define LAST_JULIAN 3652059u

gboolean
pacte_julian_valid (guint32 julian)
{
  return julian > 0 && julian <= LAST_JULIAN;
}

guint32
pacte_date_parse (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return 0;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  /* GDate's Julian day (1 is 0001-01-01, proleptic Gregorian), without a
   * GDate: the loader reads tens of thousands of dates. */
  {
    static const guint16 before_month[2][13] = {
      { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
      { 0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 },
    };
    static const guint8 month_days[2][13] = {
      { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
      { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
    };
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    guint32 y = (guint32) year - 1;

    if (year < 1 || month < 1 || month > 12 || day < 1 || day > month_days[leap][month])
      return 0;
    return y * 365 + y / 4 - y / 100 + y / 400 + before_month[leap][month] + (guint32) day;
  }
}

void
pacte_date_to_ymd (guint32  julian,
                   int     *year,
                   int     *month,
                   int     *day)
{
  GDate date;

  if (!pacte_julian_valid (julian))
    {
      if (year != NULL)
        *year = 0;
      if (month != NULL)
        *month = 0;
      if (day != NULL)
        *day = 0;
      return;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (year != NULL)
    *year = g_date_get_year (&date);
  if (month != NULL)
    *month = g_date_get_month (&date);
  if (day != NULL)
    *day = g_date_get_day (&date);
}

char *
pacte_date_format (guint32 julian)
{
  int year, month, day;

  if (!pacte_julian_valid (julian))
    return NULL;
  pacte_date_to_ymd (julian, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* A double property that also accepts NaN ("unknown"): GParamSpecDouble
 * refuses NaN (NaN != NaN makes every validation fail), so this subtype of
 * it validates NaN as a value of its own.  It still is a GParamSpecDouble
 * for bindings and introspection. */
static gboolean
number_value_is_valid (GParamSpec   *pspec,
                       const GValue *value)
{
  GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
  double v = value->data[0].v_double;

  return isnan (v) || (v >= dspec->minimum && v <= dspec->maximum);
}

static gboolean
number_value_validate (GParamSpec *pspec,
                       GValue     *value)
{
  GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
  double v = value->data[0].v_double;

  if (isnan (v))
    return FALSE;
  value->data[0].v_double = CLAMP (v, dspec->minimum, dspec->maximum);
  return value->data[0].v_double != v;
}

static int
number_values_cmp (GParamSpec   *pspec,
                   const GValue *value1,
                   const GValue *value2)
{
  double a = value1->data[0].v_double, b = value2->data[0].v_double;

  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return a < b ? -1 : a > b ? 1 : 0;
}

static void
number_pspec_class_init (GParamSpecClass *klass,
                         gpointer         data)
{
  klass->value_validate = number_value_validate;
  klass->value_is_valid = number_value_is_valid;
  klass->values_cmp = number_values_cmp;
}

static GType
number_pspec_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      const GTypeInfo info = {
        sizeof (GParamSpecClass),
        NULL, NULL,
        (GClassInitFunc) number_pspec_class_init,
        NULL, NULL,
        sizeof (GParamSpecDouble),
        0, NULL, NULL,
      };
      GType id = g_type_register_static (G_TYPE_PARAM_DOUBLE,
                                         g_intern_static_string ("PacteParamNumber"),
                                         &info, 0);

      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

GParamSpec *
pacte_param_spec_number (const char  *name,
                  const char  *nick,
                  GParamFlags  flags)
{
  GParamSpecDouble *dspec = g_param_spec_internal (number_pspec_get_type (), name, nick,
                                                   "NaN when unknown", flags);

  dspec->minimum = -G_MAXDOUBLE;
  dspec->maximum = G_MAXDOUBLE;
  dspec->default_value = NAN;
  return G_PARAM_SPEC (dspec);
}

