/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-sorter.c: orders records by name as a person expects.
 *
 * GtkStringSorter collates with the process locale: under C.UTF-8 that is
 * byte order, which puts "Électronique" after "Zebra" and "Bérard" after
 * "Brightwater".  So the first key is the name without accents (casefolded
 * by the sorter), which every locale orders as the alphabet; the name itself,
 * collated by the locale, only breaks ties ("Cote" / "Côte").  Numbers in
 * names sort by value: the key writes every run of digits at a fixed width,
 * so "Plan #2" comes before "Plan #10". */
#include "config.h"

#include <string.h>

#include "pacte-name-sorter.h"

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

/* Folded, casefolded, digits at a fixed width: "Plan #2" < "Plan #10". */
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

static char *
folded_name (GObject    *item,
             const char *name,
             gpointer    user_data)
{
  return pacte_name_sort_key (name);
}

GtkSorter *
pacte_name_sorter_new (GType type)
{
  GtkMultiSorter *multi = gtk_multi_sorter_new ();
  GtkStringSorter *folded;
  GtkStringSorter *collated;

  folded = gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                                               (GtkExpression *[]) { gtk_property_expression_new (type, NULL, "name") },
                                                               G_CALLBACK (folded_name), NULL, NULL));
  gtk_string_sorter_set_ignore_case (folded, TRUE);
  collated = gtk_string_sorter_new (gtk_property_expression_new (type, NULL, "name"));
  gtk_string_sorter_set_ignore_case (collated, FALSE);
  gtk_multi_sorter_append (multi, GTK_SORTER (folded));
  gtk_multi_sorter_append (multi, GTK_SORTER (collated));
  return GTK_SORTER (multi);
}
