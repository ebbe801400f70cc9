/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-class.c: the record base class with a record type of the
 * test's own, so that nothing it does depends on Pacte's model types. */
#include "config.h"

#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-values-private.h"

/* A record type of the test's own: an id kept sorted, a validate hook, in a
 * container of its own.  Unique ids, sorting by id (and moving on an id
 * change) and validation come from the class set-up alone: the base class
 * special-cases no model type. */
typedef enum { THING_ID, THING_NAME, THING_N_FIELDS } ThingField;
static const PacteFieldInfo thing_fields[] = {
  { "id", "id", PACTE_FIELD_STRING, NULL, NULL, TRUE, "Identifier" },
  { "name", "name", PACTE_FIELD_STRING, NULL, NULL, FALSE, "Name" },
};

#define TEST_TYPE_THING (test_thing_get_type ())
G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, PacteRecord)
struct _TestThing { PacteRecord parent_instance; };
G_DEFINE_FINAL_TYPE (TestThing, test_thing, PACTE_TYPE_RECORD)

static gboolean
thing_validate (PacteRecord *self, guint field, const PacteValue *value, GError **error)
{
  if (field == THING_NAME && g_strcmp0 (value->s, "forbidden") == 0)
    return pacte_record_field_error (error, self, field, "this name is not allowed");
  return TRUE;
}

static void
test_thing_class_init (TestThingClass *klass)
{
  pacte_record_class_set_fields (PACTE_RECORD_CLASS (klass), thing_fields, THING_N_FIELDS, "Thing");
  pacte_record_class_set_id_field (PACTE_RECORD_CLASS (klass), THING_ID, TRUE);
  PACTE_RECORD_CLASS (klass)->validate = thing_validate;
}

static void
test_thing_init (TestThing *self)
{
}

static const PacteFieldInfo box_fields[] = {
  { "things", "things", PACTE_FIELD_LIST, NULL, test_thing_get_type, FALSE, "Things" },
};

#define TEST_TYPE_BOX (test_box_get_type ())
G_DECLARE_FINAL_TYPE (TestBox, test_box, TEST, BOX, PacteRecord)
struct _TestBox { PacteRecord parent_instance; };
G_DEFINE_FINAL_TYPE (TestBox, test_box, PACTE_TYPE_RECORD)

static void
test_box_class_init (TestBoxClass *klass)
{
  pacte_record_class_set_fields (PACTE_RECORD_CLASS (klass), box_fields, 1, "Box");
}

static void
test_box_init (TestBox *self)
{
}

static void
test_record_class_hooks (void)
{
  g_autoptr(PacteRecord) box = g_object_new (TEST_TYPE_BOX, NULL);
  const char *ids[] = { "m", "c", "x", "a" };
  g_autoptr(GError) error = NULL;
  PacteRecord * const *items;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PacteRecord) thing = g_object_new (TEST_TYPE_THING, NULL);

      pacte_record_take_string_raw (thing, THING_ID, g_strdup (ids[i]));
      pacte_record_list_insert (box, 0, 0, thing);
    }
  items = pacte_record_get_items (box, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (pacte_record_get_string (items[0], THING_ID), ==, "a");
  g_assert_cmpstr (pacte_record_get_string (items[3], THING_ID), ==, "x");

  /* An id already used by a sibling is refused; a new one moves the record. */
  g_assert_false (pacte_record_set_string (items[0], THING_ID, "c", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_true (pacte_record_set_string (items[0], THING_ID, "z", &error));
  g_assert_no_error (error);
  items = pacte_record_get_items (box, 0, &n);
  g_assert_cmpstr (pacte_record_get_string (items[0], THING_ID), ==, "c");
  g_assert_cmpstr (pacte_record_get_string (items[3], THING_ID), ==, "z");

  /* The class's validate hook speaks for its fields, with the field's label. */
  g_assert_false (pacte_record_set_string (items[1], THING_NAME, "forbidden", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_assert_cmpstr (pacte_record_get_string (items[1], THING_NAME), ==, "");
  g_assert_true (pacte_record_set_string (items[1], THING_NAME, "fine", NULL));

  /* A detached tree has no root: no owner beyond the records themselves. */
  g_assert_null (pacte_record_get_portfolio (items[1]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/record-class-hooks", test_record_class_hooks);
  return g_test_run ();
}
