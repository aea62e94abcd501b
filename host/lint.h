/* prepost-host lint: checks the config, rosters and lexicons a school
 * deploys. Errors (file:line): whatever the loaders report (invalid UTF-8,
 * bad patterns with PCRE2's message and offset, unknown config keys, bad
 * rows) and terms listed twice. Warnings: roster names that are also
 * ordinary words, which alone raise only a hint. Names are never printed:
 * a warning gives the roster's file, line and column. */
#ifndef PREPOST_LINT_H
#define PREPOST_LINT_H

/* Returns 1 when there are errors, 0 when there are warnings at most. */
int lint_run(const char *config_path, const char *lexicon_dir);

#endif
