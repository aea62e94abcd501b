/* JSON through jansson; every key is checked so that a typo in a deployed
 * config ("roster" for "rosters") is reported rather than silently ignored. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#ifndef PREPOST_SYSTEM_CONFIG
#define PREPOST_SYSTEM_CONFIG "/etc/prepost/config.json"
#endif

#define MAX_CONFIG_BYTES (4u << 20)

void strv_push(struct strv *s, const char *v)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = xstrdup(v);
}

void strv_finish(struct strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

struct config *config_defaults(void)
{
	struct config *c = xcalloc(1, sizeof(*c));
	c->source = "defaults";
	return c;
}

void config_destroy(struct config *c)
{
	if (!c)
		return;
	free(c->path);
	strv_finish(&c->school_names);
	strv_finish(&c->trust_names);
	strv_finish(&c->email_domains);
	strv_finish(&c->lexicon_dirs);
	for (size_t i = 0; i < c->roster_count; i++)
		free(c->rosters[i].path);
	free(c->rosters);
	for (size_t i = 0; i < CAT_COUNT; i++)
		for (size_t j = 0; j < TEXT_COUNT; j++)
			free(c->text[i][j]);
	for (size_t i = 0; i < c->pattern_count; i++) {
		free(c->patterns[i].pattern);
		free(c->patterns[i].message);
		free(c->patterns[i].advice);
	}
	free(c->patterns);
	free(c);
}

void config_add_roster(struct config *c, const char *path, enum roster_role role)
{
	c->rosters = xrealloc(c->rosters, (c->roster_count + 1) * sizeof(*c->rosters));
	c->rosters[c->roster_count].path = xstrdup(path);
	c->rosters[c->roster_count].role = role;
	c->roster_count++;
}

/* Reads a string or an array of strings at key into out. */
static void read_strings(json_t *v, const char *where, const char *path, struct strv *out,
			 struct problems *problems)
{
	if (json_is_string(v)) {
		strv_push(out, json_string_value(v));
		return;
	}
	if (!json_is_array(v)) {
		problems_add(problems, "%s: '%s' should be a list of strings; ignored.", path, where);
		return;
	}
	size_t i;
	json_t *item;
	json_array_foreach(v, i, item) {
		if (json_is_string(item) && json_string_length(item) > 0)
			strv_push(out, json_string_value(item));
		else
			problems_add(problems, "%s: '%s' item %zu is not a non-empty string; "
					       "ignored.", path, where, i + 1);
	}
}

static void read_school(struct config *c, json_t *school, const char *path,
			struct problems *problems)
{
	if (!json_is_object(school)) {
		problems_add(problems, "%s: 'school' should be an object with names, trust and "
				       "email_domains; ignored.", path);
		return;
	}
	const char *key;
	json_t *v;
	json_object_foreach(school, key, v) {
		if (strcmp(key, "names") == 0)
			read_strings(v, "school.names", path, &c->school_names, problems);
		else if (strcmp(key, "trust") == 0)
			read_strings(v, "school.trust", path, &c->trust_names, problems);
		else if (strcmp(key, "email_domains") == 0)
			read_strings(v, "school.email_domains", path, &c->email_domains, problems);
		else
			problems_add(problems, "%s: unknown key 'school.%s' ignored; expected names, "
					       "trust or email_domains.", path, key);
	}
}

static void read_rosters(struct config *c, json_t *rosters, const char *dir, const char *path,
			 struct problems *problems)
{
	if (!json_is_array(rosters)) {
		problems_add(problems, "%s: 'rosters' should be a list such as "
				       "[{\"path\":\"roster.csv\",\"role\":\"pupil\"}]; ignored.", path);
		return;
	}
	size_t i;
	json_t *item;
	json_array_foreach(rosters, i, item) {
		const char *file = NULL;
		int role = ROLE_PUPIL;
		if (json_is_string(item)) {
			file = json_string_value(item);
		} else if (json_is_object(item)) {
			const char *key;
			json_t *v;
			json_object_foreach(item, key, v) {
				if (strcmp(key, "path") == 0 && json_is_string(v)) {
					file = json_string_value(v);
				} else if (strcmp(key, "role") == 0 && json_is_string(v)) {
					role = roster_role_from_name(json_string_value(v));
					if (role < 0) {
						problems_add(problems, "%s: rosters[%zu].role '%s' is "
								       "unknown; expected pupil, staff "
								       "or parent. Read as other.",
							     path, i, json_string_value(v));
						role = ROLE_OTHER;
					}
				} else {
					problems_add(problems, "%s: rosters[%zu].%s is unknown or not a "
							       "string; ignored.", path, i, key);
				}
			}
		}
		if (!file || !file[0]) {
			problems_add(problems, "%s: rosters[%zu] has no path; skipped.", path, i);
			continue;
		}
		char *full = path_join(dir, file);
		config_add_roster(c, full, (enum roster_role)role);
		free(full);
	}
}

static void read_messages(struct config *c, json_t *messages, const char *path,
			  struct problems *problems)
{
	static const char *const text_keys[TEXT_COUNT] = {"message", "advice", "policy"};
	if (!json_is_object(messages)) {
		problems_add(problems, "%s: 'messages' should be an object keyed by category; "
				       "ignored.", path);
		return;
	}
	const char *cat_name;
	json_t *obj;
	json_object_foreach(messages, cat_name, obj) {
		unsigned cat = category_from_name(cat_name);
		if (cat >= CAT_COUNT || !json_is_object(obj)) {
			problems_add(problems, "%s: messages.%s is not a known category with an "
					       "object of message, advice and policy; ignored.",
				     path, cat_name);
			continue;
		}
		const char *key;
		json_t *v;
		json_object_foreach(obj, key, v) {
			size_t k = 0;
			while (k < TEXT_COUNT && strcmp(key, text_keys[k]) != 0)
				k++;
			if (k == TEXT_COUNT || !json_is_string(v)) {
				problems_add(problems, "%s: messages.%s.%s is unknown or not a string; "
						       "expected message, advice or policy.",
					     path, cat_name, key);
				continue;
			}
			free(c->text[cat][k]);
			c->text[cat][k] = xstrdup(json_string_value(v));
		}
	}
}

static void read_patterns(struct config *c, json_t *list, const char *path,
			  struct problems *problems)
{
	if (!json_is_array(list)) {
		problems_add(problems, "%s: 'patterns' should be a list of objects with pattern, "
				       "category and severity; ignored.", path);
		return;
	}
	size_t i;
	json_t *item;
	json_array_foreach(list, i, item) {
		json_t *pat = json_object_get(item, "pattern");
		json_t *cat = json_object_get(item, "category");
		json_t *sev = json_object_get(item, "severity");
		json_t *msg = json_object_get(item, "message");
		json_t *adv = json_object_get(item, "advice");
		unsigned category = json_is_string(cat) ? category_from_name(json_string_value(cat))
							: CAT_LEXICON_END;
		enum severity severity = json_is_string(sev) ? severity_from_name(json_string_value(sev))
							     : SEV_MEDIUM;
		if (!json_is_string(pat) || json_string_length(pat) == 0 || category >= CAT_COUNT ||
		    severity == SEV_NONE || (msg && !json_is_string(msg)) ||
		    (adv && !json_is_string(adv))) {
			problems_add(problems, "%s: patterns[%zu] needs a 'pattern' string, a "
					       "'category' such as personal_data and a 'severity' of "
					       "low, medium or high; skipped.", path, i);
			continue;
		}
		const char *key;
		json_t *v;
		json_object_foreach(item, key, v) {
			if (strcmp(key, "pattern") && strcmp(key, "category") &&
			    strcmp(key, "severity") && strcmp(key, "message") && strcmp(key, "advice"))
				problems_add(problems, "%s: patterns[%zu].%s is unknown; ignored.", path,
					     i, key);
		}
		c->patterns = xrealloc(c->patterns, (c->pattern_count + 1) * sizeof(*c->patterns));
		c->patterns[c->pattern_count++] = (struct config_pattern){
			.pattern = xstrdup(json_string_value(pat)),
			.category = category,
			.severity = severity,
			.message = msg ? xstrdup(json_string_value(msg)) : NULL,
			.advice = adv ? xstrdup(json_string_value(adv)) : NULL,
		};
	}
}

struct config *config_parse(const char *path, const char *data, size_t len,
			    struct problems *problems)
{
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		problems_add(problems, "%s:%d:%d: the config is not valid JSON (%s); it was not "
				       "used.", path, err.line, err.column, err.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		problems_add(problems, "%s: the config should be a JSON object; it was not used.",
			     path);
		json_decref(root);
		return NULL;
	}

	struct config *c = config_defaults();
	c->path = xstrdup(path);
	char *dir = path_dirname(path);
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		if (strcmp(key, "school") == 0) {
			read_school(c, v, path, problems);
		} else if (strcmp(key, "rosters") == 0) {
			read_rosters(c, v, dir, path, problems);
		} else if (strcmp(key, "lexicons") == 0) {
			struct strv dirs = {0};
			read_strings(v, "lexicons", path, &dirs, problems);
			for (size_t i = 0; i < dirs.n; i++) {
				char *full = path_join(dir, dirs.v[i]);
				strv_push(&c->lexicon_dirs, full);
				free(full);
			}
			strv_finish(&dirs);
		} else if (strcmp(key, "word_model") == 0) {
			if (json_is_boolean(v))
				c->no_word_model = !json_is_true(v);
			else
				problems_add(problems, "%s: 'word_model' should be true or false; the "
						       "word model is used.", path);
		} else if (strcmp(key, "messages") == 0) {
			read_messages(c, v, path, problems);
		} else if (strcmp(key, "patterns") == 0) {
			read_patterns(c, v, path, problems);
		} else if (strcmp(key, "version") == 0 || key[0] == '_' ||
			   strcmp(key, "$schema") == 0 || strcmp(key, "comment") == 0) {
			/* informational */
		} else {
			problems_add(problems, "%s: unknown key '%s' ignored; expected school, "
					       "rosters, lexicons, messages, patterns or word_model.",
				     path, key);
		}
	}
	free(dir);
	json_decref(root);
	return c;
}

/* The per-user and system places differ by platform; only Linux is built
 * and tested here, the others follow each platform's convention. */
char *config_user_path(void)
{
#if defined(_WIN32)
	const char *appdata = getenv("APPDATA");
	return appdata && appdata[0] ? xasprintf("%s\\prepost\\config.json", appdata) : NULL;
#else
	const char *home = getenv("HOME");
#if defined(__APPLE__)
	if (home && home[0])
		return xasprintf("%s/Library/Application Support/prepost/config.json", home);
	return NULL;
#else
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/prepost/config.json", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/prepost/config.json", home);
	return NULL;
#endif
#endif
}

const char *config_system_path(void)
{
	/* For tests and unusual deployments; see docs/protocol.md. */
	const char *override = getenv("PREPOST_SYSTEM_CONFIG");
	if (override && override[0])
		return override;
#if defined(_WIN32)
	static char path[1024];
	const char *pd = getenv("ProgramData");
	snprintf(path, sizeof(path), "%s\\prepost\\config.json", pd && pd[0] ? pd : "C:\\ProgramData");
	return path;
#elif defined(__APPLE__)
	return "/Library/Application Support/prepost/config.json";
#else
	return PREPOST_SYSTEM_CONFIG;
#endif
}

/* Loads path; returns NULL when it is missing (reported only when required)
 * or unusable (always reported). */
static struct config *try_file(const char *path, const char *source, bool required,
			       struct problems *problems)
{
	char *data;
	size_t len;
	int e = read_file(path, MAX_CONFIG_BYTES, &data, &len);
	if (e < 0) {
		if (required || e != -ENOENT)
			problems_add(problems, "%s: cannot read the config (named by %s): %s.", path,
				     source, e == -EFBIG ? "file is over 4 MiB" : strerror(-e));
		return NULL;
	}
	struct config *c = config_parse(path, data, len, problems);
	free(data);
	if (c)
		c->source = source;
	return c;
}

struct config *config_load(const char *explicit_path, struct problems *problems)
{
	struct config *c = NULL;
	if (explicit_path)
		c = try_file(explicit_path, "--config", true, problems);
	const char *env = getenv("PREPOST_CONFIG");
	if (!c && env && env[0])
		c = try_file(env, "PREPOST_CONFIG", true, problems);
	if (!c) {
		char *user = config_user_path();
		if (user)
			c = try_file(user, "user", false, problems);
		free(user);
	}
	if (!c)
		c = try_file(config_system_path(), "system", false, problems);
	return c ? c : config_defaults();
}
