/* The school's configuration: its names, trust and email domains, its
 * rosters, extra lexicon folders and reworded messages. Found in this order:
 * --config, $PREPOST_CONFIG, the per-user file, the system file; the first
 * that exists is used. A file that is missing or broken never stops the host:
 * it is reported in problems and the search goes on down the list, ending with
 * built-in defaults. Paths in the file are relative to the file. */
#ifndef PREPOST_CONFIG_H
#define PREPOST_CONFIG_H

#include <stddef.h>

#include "problems.h"
#include "roster.h"
#include "warning.h"

struct strv {
	char **v;
	size_t n;
};

/* Appends a copy of v; frees every string and empties the list. */
void strv_push(struct strv *s, const char *v);
void strv_finish(struct strv *s);

struct config_roster {
	char *path; /* resolved against the config's folder */
	enum roster_role role;
};

enum config_text {
	TEXT_MESSAGE,
	TEXT_ADVICE,
	TEXT_POLICY,
	TEXT_COUNT,
};

/* A school's own pattern (PCRE2 syntax), e.g. its staff ID format. */
struct config_pattern {
	char *pattern;
	unsigned category; /* enum category */
	enum severity severity;
	char *message; /* may be NULL: the category's */
	char *advice;
};

struct config {
	char *path;         /* the file loaded, or NULL for built-in defaults */
	const char *source; /* "--config", "PREPOST_CONFIG", "user", "system", "defaults" */
	struct strv school_names;
	struct strv trust_names;
	struct strv email_domains;
	struct config_roster *rosters;
	size_t roster_count;
	struct strv lexicon_dirs; /* extra folders, resolved */
	char *text[CAT_COUNT][TEXT_COUNT]; /* rewordings; NULL keeps the default */
	struct config_pattern *patterns;
	size_t pattern_count;
	/* "word_model": false: posts are read by their phrases only, not also
	 * whole by the word model beside the default lexicons (model.h) */
	bool no_word_model;
};

/* Finds and loads the configuration as described above. explicit_path may be
 * NULL. Never returns NULL. */
struct config *config_load(const char *explicit_path, struct problems *problems);
/* Parses config JSON; path names the file in problems and anchors relative
 * paths. Returns NULL (with a problem added) when the JSON is unusable. */
struct config *config_parse(const char *path, const char *data, size_t len,
			    struct problems *problems);
struct config *config_defaults(void);
void config_destroy(struct config *c);

void config_add_roster(struct config *c, const char *path, enum roster_role role);

/* The per-user and system file locations on this machine (newly allocated;
 * user may be NULL when neither XDG_CONFIG_HOME nor HOME is set). */
char *config_user_path(void);
const char *config_system_path(void);

#endif
