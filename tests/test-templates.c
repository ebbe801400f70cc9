/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every .ui file of the resource bundle builds: templates are instantiated
 * (the builder tool cannot check them here), other files are loaded.  The
 * list comes from the bundle itself, so a new file is tested without any
 * change here. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-context.h"
#include "pacte-i18n.h"

#define UI_PATH "/io/github/pacte/Pacte/ui/"

static PacteContext *
make_context (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "data", "samples",
                                                     "sample.pacte.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return pacte_context_new (portfolio, NULL, NULL, pacte_date_parse ("2027-03-15"));
}

/* The class named by <template class="…">, or NULL for a plain builder file. */
static char *
template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_ui_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_strconcat (UI_PATH, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  g_autofree char *class_name = NULL;

  g_assert_no_error (error);
  class_name = template_class (g_bytes_get_data (bytes, NULL));

  if (class_name != NULL)
    {
      /* GtkBuilder's own lookup: registered types, then *_get_type() in the program. */
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      GType type = gtk_builder_get_type_from_name (builder, class_name);
      g_autoptr(PacteContext) context = make_context ();
      GObjectClass *klass;
      GObject *object;

      g_assert_true (type != G_TYPE_INVALID);
      klass = g_type_class_ref (type);
      /* Widgets that edit a document take the context at construction. */
      if (g_object_class_find_property (klass, "context") != NULL)
        object = g_object_new (type, "context", context, NULL);
      else
        object = g_object_new (type, NULL);
      g_type_class_unref (klass);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        g_object_unref (g_object_ref_sink (object));
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      GSList *objects;

      g_assert_true (gtk_builder_add_from_resource (builder, path, &error));
      g_assert_no_error (error);
      objects = gtk_builder_get_objects (builder);
      g_assert_nonnull (objects);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (l->data);
      g_slist_free (objects);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = NULL;
  guint n_ui = 0;

  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  children = g_resources_enumerate_children (UI_PATH, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *test_path = NULL;

      if (!g_str_has_suffix (children[i], ".ui"))
        continue;
      test_path = g_strconcat ("/templates/", children[i], NULL);
      g_test_add_data_func_full (test_path, g_strdup (children[i]), test_ui_file, g_free);
      n_ui++;
    }
  /* The window, the panel and its rows at least. */
  g_assert_cmpuint (n_ui, >=, 5);

  return g_test_run ();
}
