/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

char     **pacte_list_search_words    (const char     *text);
char      *pacte_list_search_haystack (PacteRecord    *record,
                                       PactePortfolio *portfolio);
gboolean   pacte_list_search_match    (PacteRecord    *record,
                                       PactePortfolio *portfolio,
                                       char          **words);
void       pacte_list_scroll_to_top   (GtkListView    *view);
void       pacte_label_tooltip_when_cut (GtkLabel     *label);

G_END_DECLS
