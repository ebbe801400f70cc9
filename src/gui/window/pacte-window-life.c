/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-life.c: the window shows a document (PacteDocument): its
 * portfolio's views built when it changes, opening and reloading files,
 * what the document says about its draft, the bar that says the file
 * changed on disk, the merge conflicts bar, the question before
 * overwriting someone else's version, and restoring a draft. */
#include "config.h"

#include "pacte-accessible.h"
#include "pacte-document-bar.h"
#include "pacte-i18n.h"
#include "pacte-merge-bar.h"
#include "pacte-window-private.h"

/* ---- The document's draft --------------------------------------------- */

static void
draft_failed_cb (PacteDocument *document,
                 const GError  *error,
                 PacteWindow   *self)
{
  g_autofree char *text = NULL;

  /* Once until a draft is written again: a toast per edit would not help. */
  if (self->told_draft_failure)
    return;
  self->told_draft_failure = TRUE;
  text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), error->message);
  pacte_window_show_toast (self, text);
}

static void
draft_saved_cb (PacteDocument *document,
                PacteWindow   *self)
{
  self->told_draft_failure = FALSE;
}

/* ---- Opening ------------------------------------------------------------ */

static void
show_open_failure (PacteWindow  *self,
                   const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->context != NULL)
    body = g_strdup_printf (_("%s\n\nThe portfolio open in this window is unchanged."), error->message);
  else
    body = g_strdup (error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the File"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PacteWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (pacte_document_load_finish (PACTE_DOCUMENT (source), result, &error))
    {
      GFile *file = pacte_document_get_file (PACTE_DOCUMENT (source));

      if (file != NULL && GTK_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
        {
          g_autofree char *uri = g_file_get_uri (file);

          gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
        }
      return;
    }
  _pacte_window_update_title (self);
  /* The portfolio shown stays: its lists, which gave rows back while the
   * file loaded, grow whole again (unless another load hides them). */
  if (self->context != NULL && !pacte_document_get_loading (PACTE_DOCUMENT (source)))
    _pacte_window_lists_regrow (self);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_open_failure (self, error);
}

/* The load evaluates the plans and orders the lists in its worker thread,
 * for the rules, date and language the window will show them in. */
static void
prepare_load (PacteWindow *self)
{
  pacte_document_set_rules (self->document, _pacte_window_get_rules (self));
  pacte_document_set_prepare (self->document, _pacte_window_get_today (self),
                              pacte_i18n_user_language ());
}

void
pacte_window_open_file (PacteWindow *self,
                        GFile       *file)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  prepare_load (self);
  pacte_document_load_async (self->document, file, NULL, load_done, g_object_ref (self));
}

static void
bar_reload_cb (PacteDocumentBar *bar,
               PacteWindow      *self)
{
  /* Reload drops the changes made here: no draft of them is kept. */
  prepare_load (self);
  pacte_document_reload_async (self->document, NULL, load_done, g_object_ref (self));
}

/* ---- The bars under the header ----------------------------------------- */

static GtkWidget *
ensure_bar (PacteWindow *self)
{
  GtkWidget *header;

  if (self->document_bar != NULL)
    return self->document_bar;

  /* Under the content's header bar, above the editors. */
  self->document_bar = pacte_document_bar_new ();
  pacte_accessible_tidy (self->document_bar);
  g_object_add_weak_pointer (G_OBJECT (self->document_bar), (gpointer *) &self->document_bar);
  header = gtk_widget_get_first_child (self->content);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->document_bar, header);
  g_signal_connect (self->document_bar, "reload", G_CALLBACK (bar_reload_cb), self);
  return self->document_bar;
}

/* The merge conflicts bar, under the document bar. */
static GtkWidget *
ensure_merge_bar (PacteWindow *self)
{
  if (self->merge_bar != NULL)
    return self->merge_bar;
  self->merge_bar = pacte_merge_bar_new ();
  g_object_add_weak_pointer (G_OBJECT (self->merge_bar), (gpointer *) &self->merge_bar);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->merge_bar, ensure_bar (self));
  return self->merge_bar;
}

static void
on_document_portfolio (PacteWindow *self)
{
  PactePortfolio *portfolio = pacte_document_get_portfolio (self->document);

  _pacte_window_show_portfolio (self, portfolio);
  self->told_draft_failure = FALSE;
  if (portfolio != NULL)
    {
      pacte_document_bar_set_watch (PACTE_DOCUMENT_BAR (ensure_bar (self)),
                                    pacte_document_get_watch (self->document));
      pacte_merge_bar_set_portfolio (PACTE_MERGE_BAR (ensure_merge_bar (self)), portfolio);
    }
  else
    {
      if (self->document_bar != NULL)
        pacte_document_bar_set_watch (PACTE_DOCUMENT_BAR (self->document_bar), NULL);
      if (self->merge_bar != NULL)
        pacte_merge_bar_set_portfolio (PACTE_MERGE_BAR (self->merge_bar), NULL);
    }
}

void
_pacte_window_life_init (PacteWindow *self)
{
  self->document = pacte_document_new (NULL, NULL);
  g_signal_connect_swapped (self->document, "notify::portfolio", G_CALLBACK (on_document_portfolio), self);
  g_signal_connect_swapped (self->document, "notify::loading", G_CALLBACK (_pacte_window_update_progress), self);
  g_signal_connect_swapped (self->document, "notify::progress", G_CALLBACK (_pacte_window_update_progress), self);
  g_signal_connect (self->document, "draft-failed", G_CALLBACK (draft_failed_cb), self);
  g_signal_connect (self->document, "draft-saved", G_CALLBACK (draft_saved_cb), self);
}

void
_pacte_window_life_dispose (PacteWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  _pacte_window_show_portfolio (self, NULL);
  /* The window is going: unsaved work stays as a draft; nobody left to
   * tell of a failure but the log. */
  if (!pacte_document_close (self->document, &error))
    g_warning ("%s", error->message);
  g_clear_object (&self->document);
  if (self->document_bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->document_bar), (gpointer *) &self->document_bar);
  if (self->merge_bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->merge_bar), (gpointer *) &self->merge_bar);
  self->document_bar = self->merge_bar = NULL;
}

void
_pacte_window_life_discard (PacteWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pacte_document_discard_changes (self->document, &error))
    pacte_window_show_toast (self, error->message);
}

/* ---- Before overwriting ----------------------------------------------- */

typedef struct {
  PacteWindow         *self;
  PacteWindowLifeFunc  proceed;
  gpointer             data;
  GDestroyNotify       destroy;
} Ask;

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Ask              *ask)
{
  if (g_str_equal (response, "overwrite"))
    ask->proceed (ask->self, ask->data);
  if (ask->destroy != NULL && ask->data != NULL)
    ask->destroy (ask->data);
  g_object_unref (ask->self);
  g_free (ask);
}

gboolean
_pacte_window_life_ask_overwrite (PacteWindow         *self,
                                  GFile               *file,
                                  PacteWindowLifeFunc  proceed,
                                  gpointer             data,
                                  GDestroyNotify       destroy)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Ask *ask;

  if (!pacte_document_save_would_overwrite (self->document, file))
    return FALSE;

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  body = g_strdup_printf (_("“%s” was changed by another program since you opened it. "
                            "Saving replaces that version with yours."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite the Other Version?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (Ask, 1);
  ask->self = g_object_ref (self);
  ask->proceed = proceed;
  ask->data = data;
  ask->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ---- Restoring --------------------------------------------------------- */

gboolean
pacte_window_restore_draft (PacteWindow      *self,
                            PacteDraftStore  *store,
                            const char       *draft_id,
                            GError          **error)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  pacte_document_set_rules (self->document, _pacte_window_get_rules (self));
  return pacte_document_restore_draft (self->document, store, draft_id, error);
}
