/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-load.c: libFuzzer target for the portfolio loader and saver.
 *
 * Any input must either load or fail with one PACTE_MODEL_ERROR; never crash,
 * never emit a critical.  What loads must also save to text that loads back
 * into an equal model and saves to the same bytes again (the canonical form
 * is a fixed point), which checks the saver against the loader on every
 * input the fuzzer finds. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "pacte-portfolio.h"
#include "pacte-rules.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PacteRuleSet *rules;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug the fuzzer should stop on. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  rules = pacte_rule_set_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PactePortfolio) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  portfolio = pacte_portfolio_load_bytes (bytes, "fuzz.pacte.json", rules, &error);
  if (portfolio == NULL)
    {
      if (error == NULL || error->domain != PACTE_MODEL_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  if (error != NULL)
    abort ();

  saved = pacte_portfolio_to_bytes (portfolio);
  again = pacte_portfolio_load_bytes (saved, "saved.pacte.json", rules, &error);
  if (again == NULL)
    {
      g_printerr ("saved text does not load: %s\n", error->message);
      abort ();
    }
  if (!pacte_record_equal (PACTE_RECORD (portfolio), PACTE_RECORD (again)))
    {
      g_printerr ("saved text loads into a different model\n");
      abort ();
    }
  saved_again = pacte_portfolio_to_bytes (again);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_printerr ("canonical form is not stable\n");
      abort ();
    }
  return 0;
}
