/* prepost-host: decides from its arguments whether a browser started it
 * (speak native messaging) or a person did (run a command). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef PREPOST_VERSION
#define PREPOST_VERSION "0.0.0"
#endif

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Chrome and Edge pass the caller's origin (and on Windows a parent window
 * handle); Firefox passes the manifest's path and the add-on id; a Snap or
 * Flatpak browser behind a portal may pass nothing. */
static bool started_by_browser(int argc, char **argv)
{
	if (argc < 2)
		return true;
	const char *a = argv[1];
	return strncmp(a, "chrome-extension://", 19) == 0 ||
	       strncmp(a, "--parent-window=", 16) == 0 ||
	       (a[0] == '/' && ends_with(a, ".json")) ||
	       (a[0] && a[1] == ':' && ends_with(a, ".json"));
}

int main(int argc, char **argv)
{
	if (started_by_browser(argc, argv))
		return cli_serve(1, argv);

	const char *cmd = argv[1];
	if (strcmp(cmd, "check") == 0)
		return cli_check(argc - 1, argv + 1);
	if (strcmp(cmd, "lint") == 0)
		return cli_lint(argc - 1, argv + 1);
	if (strcmp(cmd, "import-roster") == 0)
		return cli_import(argc - 1, argv + 1);
	if (strcmp(cmd, "doctor") == 0)
		return cli_doctor(argc - 1, argv + 1);
	if (strcmp(cmd, "serve") == 0)
		return cli_serve(argc - 1, argv + 1);
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		cli_usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("prepost-host %s\n", PREPOST_VERSION);
		return 0;
	}
	fprintf(stderr, "prepost-host: unknown command '%s'.\n", cmd);
	cli_usage(stderr);
	return 2;
}
