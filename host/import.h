/* prepost-host import-roster: turns an MIS export (SIMS, Arbor, Bromcom, or
 * any CSV with recognisable columns) into the roster file the host reads:
 * only names, role and groups, UTF-8, readable by its owner and group only.
 * It says which columns it used and which it left out, and can add
 * nicknames from a second file. It never prints a name. */
#ifndef PREPOST_IMPORT_H
#define PREPOST_IMPORT_H

/* Returns 0 on success, 2 on error. */
int import_run(const char *input, const char *output, const char *role, const char *nicknames);

#endif
