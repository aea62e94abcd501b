/* Command-line entry points. Each returns the process exit status. */
#ifndef PREPOST_CLI_H
#define PREPOST_CLI_H

#include <stdio.h>

/* prepost-host check [--config F] [--roster F]... [--lexicons DIR] [--json]
 * [FILE|-]: 0 no warnings, 1 warnings, 2 error. */
int cli_check(int argc, char **argv);

/* prepost-host doctor [--config F] [--lexicons DIR]: 0 when a browser can
 * start the host. */
int cli_doctor(int argc, char **argv);

/* prepost-host lint [--config F] [--lexicons DIR]: 1 on errors. */
int cli_lint(int argc, char **argv);
/* prepost-host import-roster EXPORT -o ROSTER [--role R] [--nicknames F]. */
int cli_import(int argc, char **argv);

/* The native-messaging host (what browsers start). */
int cli_serve(int argc, char **argv);

void cli_usage(FILE *out);

#endif
