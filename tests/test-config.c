/* Config parsing and the search order: --config, PREPOST_CONFIG, the user
 * file, the system file, defaults. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "helpers.h"

static char *dir;

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	unsetenv("PREPOST_CONFIG");
	char *xdg = xasprintf("%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	free(xdg);
	char *sys = xasprintf("%s/system.json", dir);
	setenv("PREPOST_SYSTEM_CONFIG", sys, 1);
	free(sys);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tmpdir_remove(dir);
	return 0;
}

static void full_config(void **state)
{
	(void)state;
	const char *json = "{\"school\":{\"names\":[\"Oakfield Primary School\",\"Oakfield\"],"
			   "\"trust\":[\"Northway Learning Trust\"],"
			   "\"email_domains\":[\"oakfield.sch.uk\"]},"
			   "\"rosters\":[{\"path\":\"roster.csv\",\"role\":\"pupil\"},"
			   "{\"path\":\"/abs/staff.csv\",\"role\":\"staff\"},\"plain.csv\"],"
			   "\"lexicons\":\"local\","
			   "\"messages\":{\"pupil_name\":{\"policy\":\"Code of conduct 4.2\"}},"
			   "\"version\":1}";
	struct problems p;
	problems_init(&p);
	struct config *c = config_parse("/etc/school/config.json", json, strlen(json), &p);
	assert_non_null(c);
	assert_int_equal(p.count, 0);
	assert_int_equal(c->school_names.n, 2);
	assert_string_equal(c->trust_names.v[0], "Northway Learning Trust");
	assert_string_equal(c->email_domains.v[0], "oakfield.sch.uk");
	assert_int_equal(c->roster_count, 3);
	assert_string_equal(c->rosters[0].path, "/etc/school/roster.csv");
	assert_int_equal(c->rosters[0].role, ROLE_PUPIL);
	assert_string_equal(c->rosters[1].path, "/abs/staff.csv");
	assert_int_equal(c->rosters[1].role, ROLE_STAFF);
	assert_string_equal(c->rosters[2].path, "/etc/school/plain.csv");
	assert_string_equal(c->lexicon_dirs.v[0], "/etc/school/local");
	assert_string_equal(c->text[CAT_PUPIL_NAME][TEXT_POLICY], "Code of conduct 4.2");
	assert_null(c->text[CAT_PUPIL_NAME][TEXT_MESSAGE]);
	config_destroy(c);
	problems_finish(&p);
}

static void reports_unknown_and_wrong_keys(void **state)
{
	(void)state;
	const char *json = "{\"roster\":[],\"school\":{\"name\":\"x\",\"names\":[1,\"ok\"]},"
			   "\"rosters\":[{\"role\":\"pupil\"},{\"path\":\"r.csv\",\"role\":\"alien\"}],"
			   "\"messages\":{\"nope\":{}}}";
	struct problems p;
	problems_init(&p);
	struct config *c = config_parse("c.json", json, strlen(json), &p);
	assert_non_null(c);
	assert_int_equal(c->school_names.n, 1);
	assert_int_equal(c->roster_count, 1);
	assert_int_equal(c->rosters[0].role, ROLE_OTHER);
	const char *expect[] = {"unknown key 'roster'", "unknown key 'school.name'",
				"item 1 is not", "has no path", "'alien' is unknown",
				"messages.nope"};
	assert_int_equal(p.count, 6);
	for (size_t i = 0; i < 6; i++)
		assert_non_null(strstr(p.items[i], expect[i]));
	config_destroy(c);
	problems_finish(&p);
}

/* "word_model": false turns the whole-post reading off; anything but a
 * boolean is a problem and leaves it on. */
static void word_model_switch(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct config *c = config_parse("c.json", "{}", 2, &p);
	assert_false(c->no_word_model);
	config_destroy(c);
	c = config_parse("c.json", "{\"word_model\":false}", 20, &p);
	assert_true(c->no_word_model);
	config_destroy(c);
	c = config_parse("c.json", "{\"word_model\":true}", 19, &p);
	assert_false(c->no_word_model);
	config_destroy(c);
	assert_int_equal(p.count, 0);
	c = config_parse("c.json", "{\"word_model\":\"no\"}", 19, &p);
	assert_false(c->no_word_model);
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "c.json: 'word_model' should be true or false"));
	config_destroy(c);
	problems_finish(&p);
}

static void patterns(void **state)
{
	(void)state;
	const char *json = "{\"patterns\":[{\"pattern\":\"STF-\\\\d{5}\",\"category\":"
			   "\"personal_data\",\"severity\":\"high\",\"message\":\"Staff ID.\"},"
			   "{\"pattern\":\"x\",\"category\":\"nope\"},{\"category\":\"derogatory\"},"
			   "{\"pattern\":\"y\",\"category\":\"derogatory\",\"colour\":1}]}";
	struct problems p;
	problems_init(&p);
	struct config *c = config_parse("c.json", json, strlen(json), &p);
	assert_non_null(c);
	assert_int_equal(c->pattern_count, 2);
	assert_string_equal(c->patterns[0].pattern, "STF-\\d{5}");
	assert_int_equal(c->patterns[0].category, CAT_PERSONAL_DATA);
	assert_int_equal(c->patterns[0].severity, SEV_HIGH);
	assert_string_equal(c->patterns[0].message, "Staff ID.");
	assert_int_equal(c->patterns[1].severity, SEV_MEDIUM);
	assert_int_equal(p.count, 3);
	assert_non_null(strstr(p.items[0], "patterns[1] needs"));
	assert_non_null(strstr(p.items[1], "patterns[2] needs"));
	assert_non_null(strstr(p.items[2], "patterns[3].colour is unknown"));
	config_destroy(c);
	problems_finish(&p);
}

static void broken_json_names_line(void **state)
{
	(void)state;
	const char *json = "{\n  \"school\": {\n    \"names\": [\"x\",]\n  }\n}";
	struct problems p;
	problems_init(&p);
	assert_null(config_parse("bad.json", json, strlen(json), &p));
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "bad.json:3:"));
	assert_null(config_parse("arr.json", "[]", 2, &p));
	assert_non_null(strstr(p.items[1], "should be a JSON object"));
	problems_finish(&p);
}

static void search_order(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);

	/* nothing anywhere: defaults, no problems */
	struct config *c = config_load(NULL, &p);
	assert_null(c->path);
	assert_string_equal(c->source, "defaults");
	assert_int_equal(p.count, 0);
	config_destroy(c);

	char *sys = write_temp_str(dir, "system.json", "{\"school\":{\"names\":[\"Sys\"]}}");
	c = config_load(NULL, &p);
	assert_string_equal(c->source, "system");
	assert_string_equal(c->path, sys);
	config_destroy(c);

	char *xdg = xasprintf("%s/xdg/prepost", dir);
	char *cmd = xasprintf("mkdir -p '%s'", xdg);
	assert_int_equal(system(cmd), 0);
	char *user = write_temp_str(xdg, "config.json", "{\"school\":{\"names\":[\"User\"]}}");
	c = config_load(NULL, &p);
	assert_string_equal(c->source, "user");
	config_destroy(c);

	char *env = write_temp_str(dir, "env.json", "{}");
	setenv("PREPOST_CONFIG", env, 1);
	c = config_load(NULL, &p);
	assert_string_equal(c->source, "PREPOST_CONFIG");
	config_destroy(c);

	char *expl = write_temp_str(dir, "explicit.json", "{}");
	c = config_load(expl, &p);
	assert_string_equal(c->source, "--config");
	assert_string_equal(c->path, expl);
	config_destroy(c);
	assert_int_equal(p.count, 0);

	/* a named file that is missing is reported, and the search goes on */
	c = config_load("/nonexistent/prepost.json", &p);
	assert_string_equal(c->source, "PREPOST_CONFIG");
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "/nonexistent/prepost.json: cannot read"));
	config_destroy(c);

	/* a broken user file is reported and the system file used */
	unsetenv("PREPOST_CONFIG");
	free(write_temp_str(xdg, "config.json", "{broken"));
	c = config_load(NULL, &p);
	assert_string_equal(c->source, "system");
	assert_int_equal(p.count, 2);
	config_destroy(c);

	free(sys);
	free(xdg);
	free(cmd);
	free(user);
	free(env);
	free(expl);
	problems_finish(&p);
}

static void user_path_from_home(void **state)
{
	(void)state;
	char *saved = xstrdup(getenv("XDG_CONFIG_HOME"));
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/teacher", 1);
	char *p = config_user_path();
	assert_string_equal(p, "/home/teacher/.config/prepost/config.json");
	free(p);
	setenv("XDG_CONFIG_HOME", saved, 1);
	free(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_config),
		cmocka_unit_test(reports_unknown_and_wrong_keys),
		cmocka_unit_test(patterns),
		cmocka_unit_test(word_model_switch),
		cmocka_unit_test(broken_json_names_line),
		cmocka_unit_test(search_order),
		cmocka_unit_test(user_path_from_home),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
