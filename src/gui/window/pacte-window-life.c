/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-life.c: drafts, changes on disk and the question before
 * overwriting, for the document of a window (see the header). */
#include "config.h"

#include "pacte-document-bar.h"
#include "pacte-merge-bar.h"
#include "pacte-drafts-dialog.h"
#include "pacte-file-watch.h"
#include "pacte-i18n.h"
#include "pacte-window-life.h"
#include "pacte-window-private.h"

#define LIFE_KEY "pacte-window-life"
#define OFFERED_KEY "pacte-drafts-offered"

typedef struct {
  PacteDraftStore *store;
  PacteAutosave   *autosave;
  PacteFileWatch  *watch;
  GtkWidget       *bar;           /* weak: owned by the window's content box */
  GtkWidget       *merge_bar;     /* weak, likewise */
  char            *restoring_id;  /* the draft being restored, during set_portfolio */
  gboolean         discarding;    /* the user dropped the changes: no draft to keep */
  gboolean         restored;      /* a restored draft, not saved since */
  gboolean         told_failure;  /* a failed draft was reported once */
} Life;

static void
life_free (Life *life)
{
  if (life->bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (life->bar), (gpointer *) &life->bar);
  if (life->merge_bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (life->merge_bar), (gpointer *) &life->merge_bar);
  g_clear_object (&life->autosave);
  g_clear_object (&life->watch);
  g_clear_object (&life->store);
  g_clear_pointer (&life->restoring_id, g_free);
  g_free (life);
}

static Life *
get_life (PacteWindow *self)
{
  Life *life = g_object_get_data (G_OBJECT (self), LIFE_KEY);

  if (life == NULL)
    {
      life = g_new0 (Life, 1);
      life->store = pacte_draft_store_new (NULL);
      g_object_set_data_full (G_OBJECT (self), LIFE_KEY, life, (GDestroyNotify) life_free);
    }
  return life;
}

static void
autosave_failed_cb (PacteAutosave *autosave,
                    const GError  *error,
                    PacteWindow   *self)
{
  Life *life = get_life (self);
  g_autofree char *text = NULL;

  /* Once until a draft is written again: the bar of toasts would not help. */
  if (life->told_failure)
    return;
  life->told_failure = TRUE;
  text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), error->message);
  pacte_window_show_toast (self, text);
}

static void
autosave_saved_cb (PacteAutosave *autosave,
                   PacteWindow   *self)
{
  get_life (self)->told_failure = FALSE;
}

static void
bar_reload_cb (PacteDocumentBar *bar,
               PacteWindow      *self)
{
  PactePortfolio *doc = pacte_window_get_portfolio (self);
  GFile *file = doc != NULL ? pacte_portfolio_get_file (doc) : NULL;

  if (file == NULL)
    return;

  /* Reload drops the changes made here: no draft of them is kept. */
  get_life (self)->discarding = TRUE;
  pacte_window_open_file (self, file);
}

static GtkWidget *
ensure_bar (PacteWindow *self,
            Life        *life)
{
  GtkWidget *header;

  if (life->bar != NULL)
    return life->bar;

  /* Under the content's header bar, above the editors. */
  life->bar = pacte_document_bar_new ();
  g_object_add_weak_pointer (G_OBJECT (life->bar), (gpointer *) &life->bar);
  header = gtk_widget_get_first_child (self->content);
  gtk_box_insert_child_after (GTK_BOX (self->content), life->bar, header);
  g_signal_connect (life->bar, "reload", G_CALLBACK (bar_reload_cb), self);

  return life->bar;
}

/* The merge conflicts bar, under the document bar. */
static GtkWidget *
ensure_merge_bar (PacteWindow *self,
                  Life        *life)
{
  if (life->merge_bar != NULL)
    return life->merge_bar;
  life->merge_bar = pacte_merge_bar_new ();
  g_object_add_weak_pointer (G_OBJECT (life->merge_bar), (gpointer *) &life->merge_bar);
  gtk_box_insert_child_after (GTK_BOX (self->content), life->merge_bar, ensure_bar (self, life));
  return life->merge_bar;
}

void
_pacte_window_life_attach (PacteWindow *self)
{
  Life *life = get_life (self);
  PactePortfolio *doc = pacte_window_get_portfolio (self);

  g_return_if_fail (doc != NULL);

  /* A document replaced without detach (should not happen): keep its draft. */
  if (life->autosave != NULL)
    _pacte_window_life_detach (self);

  life->discarding = FALSE;
  life->told_failure = FALSE;
  life->restored = life->restoring_id != NULL;
  life->autosave = pacte_autosave_new (life->store, doc, life->restoring_id);
  g_signal_connect (life->autosave, "failed", G_CALLBACK (autosave_failed_cb), self);
  g_signal_connect (life->autosave, "saved", G_CALLBACK (autosave_saved_cb), self);

  life->watch = pacte_file_watch_new (doc);
  pacte_document_bar_set_watch (PACTE_DOCUMENT_BAR (ensure_bar (self, life)), life->watch);
  pacte_merge_bar_set_portfolio (PACTE_MERGE_BAR (ensure_merge_bar (self, life)), doc);
}

void
_pacte_window_life_detach (PacteWindow *self)
{
  Life *life = g_object_get_data (G_OBJECT (self), LIFE_KEY);
  g_autoptr(GError) error = NULL;

  if (life == NULL)
    return;

  if (life->autosave != NULL)
    {
      PactePortfolio *doc = pacte_autosave_get_portfolio (life->autosave);
      /* A restored draft not saved since is unsaved work, whatever happened. */
      gboolean keep = !life->discarding && (pacte_portfolio_get_modified (doc) || life->restored);

      g_signal_handlers_disconnect_by_data (life->autosave, self);
      /* The window is going: nobody left to tell but the log. */
      if (!pacte_autosave_close (life->autosave, keep, &error))
        g_warning ("%s", error->message);
      g_clear_object (&life->autosave);
    }

  if (life->bar != NULL)
    pacte_document_bar_set_watch (PACTE_DOCUMENT_BAR (life->bar), NULL);
  if (life->merge_bar != NULL)
    pacte_merge_bar_set_portfolio (PACTE_MERGE_BAR (life->merge_bar), NULL);
  g_clear_object (&life->watch);
}

void
_pacte_window_life_discard (PacteWindow *self)
{
  Life *life = g_object_get_data (G_OBJECT (self), LIFE_KEY);
  g_autoptr(GError) error = NULL;

  if (life == NULL)
    return;

  life->discarding = TRUE;
  if (life->autosave != NULL)
    {
      g_signal_handlers_disconnect_by_data (life->autosave, self);
      if (!pacte_autosave_close (life->autosave, FALSE, &error))
        pacte_window_show_toast (self, error->message);
      g_clear_object (&life->autosave);
    }
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
  Life *life = g_object_get_data (G_OBJECT (self), LIFE_KEY);
  PactePortfolio *doc = pacte_window_get_portfolio (self);
  GFile *own;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Ask *ask;

  if (life == NULL || life->watch == NULL || doc == NULL)
    return FALSE;
  /* Save As to another file: the file chooser asked already. */
  own = pacte_portfolio_get_file (doc);
  if (own == NULL || !g_file_equal (own, file))
    return FALSE;
  if (!pacte_file_watch_check_before_save (life->watch))
    return FALSE;

  {
    g_autofree char *basename = g_file_get_basename (file);

    name = g_filename_display_name (basename);
  }
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

/* What a save in progress needs to know when it ends. */
typedef struct {
  PacteWindow    *window;    /* weak */
  PacteFileWatch *watch;
  PacteAutosave  *autosave;
  char           *etag;      /* the portfolio's before the save */
} SaveToken;

gpointer
_pacte_window_life_save_begin (PacteWindow *self)
{
  Life *life = g_object_get_data (G_OBJECT (self), LIFE_KEY);
  SaveToken *token;

  if (life == NULL || life->watch == NULL || life->autosave == NULL)
    return NULL;

  pacte_file_watch_pause (life->watch);
  token = g_new0 (SaveToken, 1);
  token->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &token->window);
  token->watch = g_object_ref (life->watch);
  token->autosave = g_object_ref (life->autosave);
  token->etag = g_strdup (pacte_portfolio_get_etag (pacte_autosave_get_portfolio (life->autosave)));
  return token;
}

void
_pacte_window_life_save_end (gpointer data)
{
  SaveToken *token = data;
  PactePortfolio *doc;

  if (token == NULL)
    return;

  pacte_file_watch_unpause (token->watch);

  /* A new etag means the save went through: a save that leaves "modified"
   * as it was (a restored draft) is not notified, so the draft is told. */
  doc = pacte_autosave_get_portfolio (token->autosave);
  if (g_strcmp0 (token->etag, pacte_portfolio_get_etag (doc)) != 0)
    {
      Life *life = token->window ? g_object_get_data (G_OBJECT (token->window), LIFE_KEY) : NULL;

      if (life != NULL && life->autosave == token->autosave)
        life->restored = FALSE;
      pacte_autosave_update (token->autosave);
    }

  if (token->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (token->window), (gpointer *) &token->window);
  g_object_unref (token->watch);
  g_object_unref (token->autosave);
  g_free (token->etag);
  g_free (token);
}

/* ---- Restoring --------------------------------------------------------- */

gboolean
pacte_window_restore_draft (PacteWindow      *self,
                            PacteDraftStore  *store,
                            const char       *draft_id,
                            GError          **error)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  Life *life;

  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  portfolio = pacte_draft_store_load (store, draft_id, _pacte_window_get_rules (self), error);
  if (portfolio == NULL)
    return FALSE;

  /* The draft wins over a file still being opened in this window. */
  if (self->loading != NULL && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->loading);

  life = get_life (self);
  g_set_object (&life->store, store);
  g_free (life->restoring_id);
  life->restoring_id = g_strdup (draft_id);
  pacte_window_set_portfolio (self, portfolio);
  g_clear_pointer (&life->restoring_id, g_free);

  return TRUE;
}

typedef struct {
  PacteApplication *app;
  PacteWindow      *parent;  /* weak */
} Offer;

static void
offer_free (gpointer data,
            GClosure *closure)
{
  Offer *offer = data;

  if (offer->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (offer->parent), (gpointer *) &offer->parent);
  g_free (offer);
}

static void
restore_cb (PacteDraftsDialog *dialog,
            PacteDraftInfo    *info,
            Offer             *offer)
{
  g_autoptr(PacteDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PacteWindow *window = offer->parent;
  GFile *file = pacte_draft_info_get_file (info);
  PacteWindow *showing;

  store = pacte_draft_store_new (NULL);
  /* The draft of a file open in a window replaces it there (its own
   * changes, if any, are kept as a draft in turn): one window per file. */
  showing = file != NULL ? pacte_application_find_window (offer->app, file) : NULL;
  if (showing != NULL)
    window = showing;
  else if (window == NULL || !pacte_window_is_empty (window))
    window = pacte_window_new (offer->app);
  /* The first restored draft takes the empty window; the next get their own. */
  if (offer->parent != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (offer->parent), (gpointer *) &offer->parent);
      offer->parent = NULL;
    }

  if (!pacte_window_restore_draft (window, store, pacte_draft_info_get_id (info), &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (window),
                                                   _("Could Not Restore the Draft"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

GtkWindow *
pacte_application_offer_drafts (PacteApplication *app,
                                PacteWindow      *parent)
{
  g_autoptr(PacteDraftStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PacteDraftsDialog *dialog;
  Offer *offer;

  g_return_val_if_fail (PACTE_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (parent == NULL || PACTE_IS_WINDOW (parent), NULL);

  /* Drafts written by this run belong to its open windows: offered only
   * at start-up. */
  if (g_object_get_data (G_OBJECT (app), OFFERED_KEY) != NULL)
    return NULL;
  g_object_set_data (G_OBJECT (app), OFFERED_KEY, GINT_TO_POINTER (TRUE));

  store = pacte_draft_store_new (NULL);
  drafts = pacte_draft_store_list (store, NULL);
  if (drafts == NULL || drafts->len == 0)
    return NULL;

  dialog = pacte_drafts_dialog_new (store, drafts);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (app));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (parent));

  offer = g_new0 (Offer, 1);
  offer->app = app;
  offer->parent = parent;
  /* Only an empty window may take a draft, and only while it exists. */
  if (parent != NULL && pacte_window_is_empty (parent))
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &offer->parent);
  else
    offer->parent = NULL;
  g_signal_connect_data (dialog, "restore", G_CALLBACK (restore_cb), offer, offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
