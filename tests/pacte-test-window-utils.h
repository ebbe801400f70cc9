/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-test-window-utils.h: what the window tests share (needs a display). */
#pragma once

#include "pacte-test-utils.h"
#include "pacte-window.h"

G_BEGIN_DECLS

/* The day the window tests pretend it is, for the sample's lights. */
#define PACTE_TEST_SAMPLE_DAY "2027-03-15"

/* Runs the main loop until nothing is pending, a few times over, and waits
 * for a frame of each window shown: the evaluator's idle, the layout and
 * the redraw all run. */
void         pacte_test_flush_events     (void);
/* Lets the main loop and the frame clock run for ms milliseconds (reveals
 * and expanders wait for layout). */
void         pacte_test_run_frames       (guint ms);
/* A shown window holding the sample (default rules), on PACTE_TEST_SAMPLE_DAY. */
PacteWindow *pacte_test_window_with_sample (void);
/* Asserts that the items of list (plans or partners) are named expected
 * (NULL-terminated), in that order. */
void         pacte_test_assert_names     (GListModel         *list,
                                          const char * const *expected);
/* Destroys window without asking about unsaved changes. */
void         pacte_test_destroy_window   (PacteWindow *window);
/* Waits for a file chooser (the one a Save As or Export action opened),
 * chooses name in folder as a person would, and accepts; the test fails
 * when no chooser shows within 10 s. */
void         pacte_test_accept_file_chooser (const char *folder,
                                             const char *name);

/* The first visible AdwMessageDialog, or NULL. */
AdwMessageDialog *pacte_test_find_message_dialog     (void);
/* The first widget under widget (itself included), depth first, that
 * match accepts; or the first of type. */
GtkWidget        *pacte_test_find_widget           (GtkWidget  *widget,
                                                    gboolean  (*match) (GtkWidget *widget,
                                                                        gpointer   data),
                                                    gpointer    data);
GtkWidget        *pacte_test_find_descendant       (GtkWidget  *widget,
                                                    GType       type);
/* Whether a label under widget (itself included) has text in its text;
 * mapped_only: only a label on screen counts. */
gboolean          pacte_test_has_label_containing  (GtkWidget  *widget,
                                                    const char *text,
                                                    gboolean    mapped_only);
/* The same, waiting up to 10 s for one to show. */
AdwMessageDialog *pacte_test_wait_for_message_dialog (void);
/* Answers dialog with response as a click does, and lets it go. */
void         pacte_test_close_dialog     (AdwMessageDialog *dialog,
                                          const char       *response);

G_END_DECLS
