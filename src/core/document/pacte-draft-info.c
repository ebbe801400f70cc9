/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-draft-info.c: one draft, as listed (see pacte-draft-info.h). */
#include "config.h"

#include "pacte-draft-info-private.h"

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

PacteDraftInfo *
_pacte_draft_info_new (const char *id,
                       GFile      *file,
                       GDateTime  *saved,
                       const char *title)
{
  PacteDraftInfo *self = g_object_new (PACTE_TYPE_DRAFT_INFO, NULL);

  self->id = g_strdup (id);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->saved = saved != NULL ? g_date_time_ref (saved) : NULL;
  self->title = g_strdup (title != NULL ? title : "");
  return self;
}

void
_pacte_draft_info_set_saved (PacteDraftInfo *self,
                             GDateTime      *saved)
{
  g_clear_pointer (&self->saved, g_date_time_unref);
  self->saved = g_date_time_ref (saved);
}
