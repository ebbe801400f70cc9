/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-order.c: orders records by name as a person expects.
 *
 * Collating with the process locale alone is not enough: under C.UTF-8
 * that is byte order, which puts "Électronique" after "Zebra" and "Bérard"
 * after "Brightwater".  So the first key is the name without accents,
 * case-folded, which every locale orders as the alphabet; the name itself,
 * collated by the locale, only breaks ties ("Cote" / "Côte").  Numbers in
 * names sort by value: the key writes every run of digits at a fixed width,
 * so "Plan #2" comes before "Plan #10".
 *
 * Making the keys is what costs (normalization, case folding, two
 * collation keys: about 30 µs a name); they are made once per name and
 * kept on the record. */
#include "config.h"

#include <string.h>

#include "pacte-name-order.h"

char *
pacte_name_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (text);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pacte_name_sort_key (const char *name)
{
  g_autofree char *accentless = pacte_name_fold (name != NULL ? name : "");
  g_autofree char *folded = g_utf8_casefold (accentless, -1);
  GString *key = g_string_new (NULL);
  const char *p = folded;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          gsize len;

          while (*start == '0' && g_ascii_isdigit (start[1]))
            start++;
          for (p = start; g_ascii_isdigit (*p); p++)
            ;
          len = p - start;
          for (gsize pad = len; pad < 20; pad++)
            g_string_append_c (key, '0');
          g_string_append_len (key, start, len);
        }
      else
        g_string_append_c (key, *p++);
    }
  return g_string_free (key, FALSE);
}

guint
pacte_name_order_field (GType type)
{
  if (g_type_is_a (type, PACTE_TYPE_PLAN))
    return PACTE_PLAN_NAME;
  if (g_type_is_a (type, PACTE_TYPE_PARTNER))
    return PACTE_PARTNER_NAME;
  return G_MAXUINT;
}

/* One allocation: the name the keys were made from, then the two keys. */
typedef struct {
  const char *folded;    /* collation key of the folded name */
  const char *collated;  /* collation key of the name */
  char        name[];
} NameKeys;

static GQuark
keys_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("pacte-name-order-keys");
  return quark;
}

static NameKeys *
name_keys_new (const char *name)
{
  g_autofree char *sort_key = pacte_name_sort_key (name);
  g_autofree char *folded = g_utf8_collate_key (sort_key, -1);
  g_autofree char *collated = g_utf8_collate_key (name, -1);
  gsize name_len = strlen (name) + 1;
  gsize folded_len = strlen (folded) + 1;
  NameKeys *keys = g_malloc (sizeof (NameKeys) + name_len + folded_len + strlen (collated) + 1);
  char *p = keys->name;

  memcpy (p, name, name_len);
  p += name_len;
  keys->folded = memcpy (p, folded, folded_len);
  p += folded_len;
  keys->collated = strcpy (p, collated);
  return keys;
}

static const NameKeys *
get_keys (PacteRecord *record)
{
  guint field = pacte_name_order_field (G_OBJECT_TYPE (record));
  const char *name = field != G_MAXUINT ? pacte_record_get_string (record, field) : "";
  NameKeys *keys = g_object_get_qdata (G_OBJECT (record), keys_quark ());

  if (keys != NULL && strcmp (keys->name, name) == 0)
    return keys;
  keys = name_keys_new (name);
  g_object_set_qdata_full (G_OBJECT (record), keys_quark (), keys, g_free);
  return keys;
}

int
pacte_name_order_compare (PacteRecord *a,
                          PacteRecord *b)
{
  const NameKeys *ka = get_keys (a);
  const NameKeys *kb = get_keys (b);
  int cmp = strcmp (ka->folded, kb->folded);

  return cmp != 0 ? cmp : strcmp (ka->collated, kb->collated);
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return pacte_name_order_compare (*(PacteRecord **) a, *(PacteRecord **) b);
}

void
pacte_name_order_sort (GPtrArray *records)
{
  g_return_if_fail (records != NULL);

  /* The keys first: each once, not once per comparison's lookup miss. */
  for (guint i = 0; i < records->len; i++)
    get_keys (g_ptr_array_index (records, i));
  g_ptr_array_sort (records, compare_pointers);
}

/* ---- Keys made beside other work ------------------------------------------ */

#define KEYS_CHUNK 64

struct _PacteNameKeysJob
{
  GPtrArray *arrays[2];
  guint      len;      /* of both */
  gint       next;     /* atomic: the first record no thread has taken */
  GThread   *thread;
};

static PacteRecord *
job_record (PacteNameKeysJob *job,
            guint             i)
{
  guint first_len = job->arrays[0] != NULL ? job->arrays[0]->len : 0;

  return i < first_len ? g_ptr_array_index (job->arrays[0], i) : g_ptr_array_index (job->arrays[1], i - first_len);
}

/* Takes chunks of records until none is left.  Each record is taken by
 * one thread only: its object data is set by that thread alone. */
static void
job_work (PacteNameKeysJob *job)
{
  for (;;)
    {
      guint start = (guint) g_atomic_int_add (&job->next, KEYS_CHUNK);

      if (start >= job->len)
        return;
      for (guint i = start; i < MIN (start + KEYS_CHUNK, job->len); i++)
        get_keys (job_record (job, i));
    }
}

static gpointer
job_thread (gpointer data)
{
  job_work (data);
  return NULL;
}

PacteNameKeysJob *
pacte_name_order_keys_start (GPtrArray *first,
                             GPtrArray *second)
{
  PacteNameKeysJob *job = g_new0 (PacteNameKeysJob, 1);

  job->arrays[0] = first;
  job->arrays[1] = second;
  job->len = (first != NULL ? first->len : 0) + (second != NULL ? second->len : 0);
  if (job->len > 2 * KEYS_CHUNK)
    job->thread = g_thread_new ("pacte-name-keys", job_thread, job);
  return job;
}

void
pacte_name_order_keys_finish (PacteNameKeysJob *job)
{
  g_return_if_fail (job != NULL);

  job_work (job);
  if (job->thread != NULL)
    g_thread_join (job->thread);
  g_free (job);
}
