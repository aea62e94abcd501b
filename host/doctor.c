/* System folders are read under $PREPOST_DOCTOR_ROOT when it is set (for
 * tests and for checking a mounted image); browsers are looked for on PATH
 * and in the Snap and Flatpak folders. */
#include "doctor.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "classify.h"
#include "config.h"
#include "hunspell-api.h"
#include "util.h"

#ifndef PREPOST_EXTENSION_ID
#define PREPOST_EXTENSION_ID "ambkoilcalefbmcblijdggdlejkennoc"
#endif
#ifndef PREPOST_FIREFOX_ID
#define PREPOST_FIREFOX_ID "prepost@prepost.org"
#endif
#define HOST_NAME "org.prepost.host"

struct browser {
	const char *name;
	bool firefox;
	const char *const *commands; /* on PATH */
	const char *system_dir;
	const char *user_dir;        /* under $HOME */
	const char *snap;            /* /snap/bin/NAME, or NULL */
	const char *flatpak;         /* Flatpak application id */
};

static const char *const chrome_cmds[] = {"google-chrome", "google-chrome-stable", NULL};
static const char *const chromium_cmds[] = {"chromium", "chromium-browser", NULL};
static const char *const edge_cmds[] = {"microsoft-edge", "microsoft-edge-stable", NULL};
static const char *const brave_cmds[] = {"brave-browser", "brave", NULL};
static const char *const firefox_cmds[] = {"firefox", "firefox-esr", NULL};

static const struct browser browsers[] = {
	{"Google Chrome", false, chrome_cmds, "/etc/opt/chrome/native-messaging-hosts",
	 ".config/google-chrome/NativeMessagingHosts", NULL, "com.google.Chrome"},
	{"Chromium", false, chromium_cmds, "/etc/chromium/native-messaging-hosts",
	 ".config/chromium/NativeMessagingHosts", "chromium", "org.chromium.Chromium"},
	{"Microsoft Edge", false, edge_cmds, "/etc/opt/edge/native-messaging-hosts",
	 ".config/microsoft-edge/NativeMessagingHosts", NULL, "com.microsoft.Edge"},
	{"Brave", false, brave_cmds, "/etc/opt/chrome/native-messaging-hosts",
	 ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts", "brave", "com.brave.Browser"},
	{"Firefox", true, firefox_cmds, "/usr/lib/mozilla/native-messaging-hosts",
	 ".mozilla/native-messaging-hosts", "firefox", "org.mozilla.firefox"},
};

static int problems_found;

PRINTF_LIKE(1, 2)
static void ok(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("  ok    ");
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
}

/* Reports one problem and how to fix it. */
PRINTF_LIKE(2, 3)
static void problem(const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *what = xvasprintf(fmt, ap);
	va_end(ap);
	printf("  FAIL  %s\n        fix: %s\n", what, fix);
	free(what);
	problems_found++;
}

static char *rooted(const char *path)
{
	const char *root = getenv("PREPOST_DOCTOR_ROOT");
	return root && root[0] ? xasprintf("%s%s", root, path) : xstrdup(path);
}

static char *on_path(const char *cmd)
{
	const char *path = getenv("PATH");
	if (!path)
		return NULL;
	char *copy = xstrdup(path), *found = NULL;
	for (char *save = NULL, *d = strtok_r(copy, ":", &save); d && !found;
	     d = strtok_r(NULL, ":", &save)) {
		char *p = xasprintf("%s/%s", d, cmd);
		if (access(p, X_OK) == 0)
			found = p;
		else
			free(p);
	}
	free(copy);
	return found;
}

/* Whether the JSON array holds the string want. */
static bool lists(json_t *array, const char *want)
{
	size_t i;
	json_t *v;
	json_array_foreach(array, i, v) {
		if (json_is_string(v) && strcmp(json_string_value(v), want) == 0)
			return true;
	}
	return false;
}

/* Checks one manifest file; returns true when a browser could start the
 * host through it. */
static bool check_manifest(const char *path, const struct browser *b)
{
	json_error_t err;
	json_t *m = json_load_file(path, 0, &err);
	if (!m) {
		problem("reinstall prepost, or run install/user-install.sh for a per-user install",
			"%s:%d:%d: not valid JSON (%s)", path, err.line, err.column, err.text);
		return false;
	}
	int before = problems_found;
	json_t *name = json_object_get(m, "name");
	json_t *type = json_object_get(m, "type");
	json_t *host = json_object_get(m, "path");
	if (!json_is_string(name) || strcmp(json_string_value(name), HOST_NAME) != 0)
		problem("correct the name, or reinstall prepost",
			"%s: \"name\" must be \"" HOST_NAME "\", the same as the file name", path);
	if (!json_is_string(type) || strcmp(json_string_value(type), "stdio") != 0)
		problem("correct the type, or reinstall prepost", "%s: \"type\" must be \"stdio\"",
			path);
	const char *hp = json_is_string(host) ? json_string_value(host) : "";
	struct stat st;
	if (hp[0] != '/')
		problem("set \"path\" to the installed host, e.g. /usr/bin/prepost-host",
			"%s: \"path\" must be the absolute path of prepost-host on Linux", path);
	else if (stat(hp, &st) < 0)
		problem("install prepost-host there, or point \"path\" at where it is",
			"%s: \"path\" names %s, which does not exist", path, hp);
	else if (!S_ISREG(st.st_mode) || access(hp, X_OK) < 0)
		problem("chmod 755 the host (root-owned for a system install)",
			"%s: %s is not an executable file", path, hp);
	if (b->firefox && !lists(json_object_get(m, "allowed_extensions"), PREPOST_FIREFOX_ID))
		problem("add \"" PREPOST_FIREFOX_ID "\" to allowed_extensions",
			"%s: \"allowed_extensions\" does not list prepost's add-on id "
			PREPOST_FIREFOX_ID, path);
	if (!b->firefox && !lists(json_object_get(m, "allowed_origins"),
				  "chrome-extension://" PREPOST_EXTENSION_ID "/"))
		problem("add it to allowed_origins (and any store id the school uses)",
			"%s: \"allowed_origins\" does not list prepost's extension chrome-extension://"
			PREPOST_EXTENSION_ID "/ (with the slash at the end)", path);
	json_decref(m);
	bool good = problems_found == before;
	if (good)
		ok("manifest %s is valid", path);
	return good;
}

static bool check_browser(const struct browser *b)
{
	printf("\n%s\n", b->name);
	char *native = NULL;
	for (size_t i = 0; b->commands[i] && !native; i++)
		native = on_path(b->commands[i]);
	char *snap = NULL, *flatpak = NULL;
	if (b->snap) {
		char *p = xasprintf("/snap/bin/%s", b->snap);
		snap = rooted(p);
		free(p);
		if (access(snap, X_OK) < 0) {
			free(snap);
			snap = NULL;
		}
	}
	const char *home = getenv("HOME");
	char *fp_sys = xasprintf("/var/lib/flatpak/app/%s", b->flatpak);
	char *fp = rooted(fp_sys);
	char *fp_user = home ? xasprintf("%s/.local/share/flatpak/app/%s", home, b->flatpak) : NULL;
	if (access(fp, F_OK) == 0 || (fp_user && access(fp_user, F_OK) == 0))
		flatpak = xstrdup(b->flatpak);
	free(fp_sys);
	free(fp);
	free(fp_user);

	if (!native && !snap && !flatpak) {
		printf("  --    not installed\n");
		return false;
	}
	if (native)
		ok("found %s", native);
	if (snap)
		printf("  note  the Snap package (%s) runs confined: it starts native hosts only "
		       "through the desktop portal, which needs xdg-desktop-portal 1.17 or later "
		       "and the browser's own support. Use the browser from your distribution's "
		       "deb or IT's package instead if prepost does not connect.\n", snap);
	if (flatpak)
		printf("  note  the Flatpak (%s) cannot see /etc or /usr manifests: native "
		       "messaging from Flatpak browsers needs a host installed inside the sandbox "
		       "or a portal; use the browser from the distribution instead.\n", flatpak);

	bool can = false;
	char *sys = rooted(b->system_dir);
	char *sys_manifest = xasprintf("%s/" HOST_NAME ".json", sys);
	char *user_manifest = home ? xasprintf("%s/%s/" HOST_NAME ".json", home, b->user_dir) : NULL;
	bool any = false;
	const char *paths[] = {sys_manifest, user_manifest};
	for (size_t i = 0; i < 2; i++) {
		if (!paths[i] || access(paths[i], F_OK) < 0)
			continue;
		any = true;
		if (access(paths[i], R_OK) < 0) {
			problem("chmod 644 the manifest", "%s cannot be read: %s", paths[i],
				strerror(errno));
			continue;
		}
		can |= check_manifest(paths[i], b);
	}
	if (!any)
		problem("install prepost's package (system-wide), or run install/user-install.sh "
			"(this user only)",
			"no native-messaging manifest: neither %s nor %s exists. The browser reports "
			"\"Specified native messaging host not found\"", sys_manifest,
			user_manifest ? user_manifest : "(no HOME)");
	free(sys);
	free(sys_manifest);
	free(user_manifest);
	free(native);
	free(snap);
	free(flatpak);
	return can && native;
}

int doctor_run(const char *config_path, const char *lexicon_dir)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	self[n > 0 ? n : 0] = '\0';
	printf("prepost-host %s doctor\n  this host: %s\n", PREPOST_VERSION, n > 0 ? self : "?");

	size_t usable = 0;
	for (size_t i = 0; i < ARRAY_SIZE(browsers); i++)
		usable += check_browser(&browsers[i]);

	printf("\nConfiguration\n");
	struct problems p;
	problems_init(&p);
	struct config *config = config_load(config_path, &p);
	if (config->path)
		ok("config %s", config->path);
	else
		printf("  note  no config file: the built-in defaults are used, with no roster (see "
		       "docs/it-deployment.md)\n");
	struct classifier *c = classifier_create(config, lexicon_dir, &p);
	const struct classifier_stats *st = classifier_stats(c);
	ok("%zu names from %zu roster(s), %zu lexicon terms", st->roster_names, st->roster_count,
	   st->lexicon_terms);
	if (classifier_reads_whole(c))
		ok("word model %s", st->word_model);
	else if (st->word_model)
		; /* found but damaged: its problems follow */
	else if (config->no_word_model)
		printf("  note  the word model is off (\"word_model\": false in the config): posts are "
		       "read by their phrases only\n");
	else if (st->lexicon_files)
		problem("reinstall prepost: the lexicons should come with it",
			"no word model (posts.model) in %s: posts are read by their phrases only",
			st->lexicon_dir);
	for (size_t i = 0; i < p.count; i++)
		problem("see docs/tuning.md; `prepost-host lint` shows every line", "%s", p.items[i]);
	const char *why = NULL;
	if (hunspell_api(&why))
		ok("hunspell library %s", hunspell_library());
	else
		problem("install the hunspell library (Debian: libhunspell-1.7-0)", "%s", why);
	classifier_destroy(c);
	config_destroy(config);
	problems_finish(&p);

	printf("\n");
	if (usable == 0) {
		printf("No installed browser can start prepost-host: fix the problems above.\n");
		return 1;
	}
	printf("%zu browser(s) can start prepost-host%s.\n", usable,
	       problems_found ? "; fix the problems above too" : "");
	return 0;
}
