/* `prepost-host check` as a school's IT person uses it: readable output,
 * --json, exit codes, and errors that say what is wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "util.h"

#ifndef HOST_PATH
#error HOST_PATH must be defined by the build
#endif

static char *dir, *lex, *sample_cfg, *sample_post;
static char **env;

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	lex = source_path("lexicons");
	free(private_copy(dir, "install/sample/roster.csv"));
	sample_cfg = private_copy(dir, "install/sample/config.json");
	sample_post = source_path("install/sample/post.txt");
	/* keep the machine's own config out of the tests */
	env = isolated_env(dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	env_free(env);
	free(lex);
	free(sample_cfg);
	free(sample_post);
	tmpdir_remove(dir);
	return 0;
}

static void run(const char *const args[], const char *input, struct run_result *r)
{
	char *argv[16] = {HOST_PATH, "check"};
	size_t n = 2;
	for (size_t i = 0; args[i]; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	run_program(argv, env, input, input ? strlen(input) : 0, 30, r);
}

/* The host's exit status; when it is not the one expected, its standard
 * error goes to the test's first (a sanitizer's report, say). */
static void expect_status(const struct run_result *r, int want)
{
	if (r->status != want)
		fprintf(stderr, "prepost-host exited %d, not %d; its standard error:\n%.*s\n",
			r->status, want, (int)r->err_len, r->err);
	assert_int_equal(r->status, want);
}

static void sample_post_warns(void **state)
{
	(void)state;
	const char *args[] = {"--config", sample_cfg, "--lexicons", lex, sample_post, NULL};
	struct run_result r;
	run(args, NULL, &r);
	expect_status(&r, 1);
	assert_non_null(strstr(r.out, "Jack Turner"));
	assert_non_null(strstr(r.out, "pupil_name"));
	assert_non_null(strstr(r.out, "high"));
	assert_non_null(strstr(r.out, "Advice:"));
	assert_non_null(strstr(r.out, "^^^^^^^^^^^"));
	assert_int_equal(r.err_len, 0); /* the sample loads without problems */
	run_result_finish(&r);
}

static void clean_text_exits_zero(void **state)
{
	(void)state;
	const char *args[] = {"--config", sample_cfg, "--lexicons", lex, "-", NULL};
	struct run_result r;
	run(args, "Lovely walk by the river this morning.\n", &r);
	expect_status(&r, 0);
	assert_non_null(strstr(r.out, "0 warnings"));
	run_result_finish(&r);
}

static void json_output(void **state)
{
	(void)state;
	const char *args[] = {"--json", "--config", sample_cfg, "--lexicons", lex, NULL};
	struct run_result r;
	run(args, "🎉 well done jack turner", &r);
	expect_status(&r, 1);
	json_t *j = json_loads(r.out, 0, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "result");
	json_t *w = json_array_get(json_object_get(j, "warnings"), 0);
	assert_int_equal(json_integer_value(json_object_get(w, "start")), 13);
	assert_string_equal(json_string_value(json_object_get(w, "match")), "jack turner");
	json_decref(j);
	run_result_finish(&r);
}

static void extra_roster_option(void **state)
{
	(void)state;
	char *roster = write_temp_str(dir, "extra.csv", "Forename,Surname\nZebedee,Quill\n");
	const char *args[] = {"--lexicons", lex, "--roster", roster, NULL};
	struct run_result r;
	run(args, "Zebedee Quill won", &r);
	expect_status(&r, 1);
	assert_non_null(strstr(r.out, "Zebedee Quill"));
	run_result_finish(&r);
	free(roster);
}

static void markers_line_up(void **state)
{
	(void)state;
	char *roster = write_temp_str(dir, "marks.csv", "Forename,Surname\nZebedee,Quill\nAmara,Okonkwo\n");
	const char *args[] = {"--lexicons", lex, "--roster", roster, NULL};
	struct run_result r;
	/* the emoji is two columns wide; columns in the list count characters */
	run(args, "😀 Zebedee Quill and Amara Okonkwo\n", &r);
	expect_status(&r, 1);
	assert_non_null(strstr(r.out, "\n      |    ^^^^^^^^^^^^^     ^^^^^^^^^^^^^\n"));
	assert_non_null(strstr(r.out, "1:3 \"Zebedee Quill\""));
	assert_non_null(strstr(r.out, "1:21 \"Amara Okonkwo\""));
	run_result_finish(&r);
	free(roster);
}

/* Two warnings over the same words are underlined once and listed
 * twice, at the same place. */
static void second_warning_underlined_once(void **state)
{
	(void)state;
	const char *args[] = {"--lexicons", lex, NULL};
	struct run_result r;
	run(args, "We told the DSL today\n", &r);
	expect_status(&r, 1);
	assert_non_null(strstr(r.out, "\n      |    ^^^^^^^^^^^^\n"));
	assert_non_null(strstr(r.out, "confidential  1:4 \"told the DSL\""));
	assert_non_null(strstr(r.out, "work_detail   1:4 \"told the DSL\""));
	run_result_finish(&r);
}

static void world_readable_roster_is_reported(void **state)
{
	(void)state;
	char *roster = write_temp_str(dir, "open.csv", "Forename,Surname\nZebedee,Quill\n");
	assert_int_equal(chmod(roster, 0644), 0);
	const char *args[] = {"--lexicons", lex, "--roster", roster, NULL};
	struct run_result r;
	run(args, "hello", &r);
	expect_status(&r, 0);
	assert_non_null(strstr(r.err, "open.csv: the roster can be read by every user"));
	run_result_finish(&r);
	free(roster);
}

static void problems_go_to_stderr_without_names(void **state)
{
	(void)state;
	char *roster = write_temp_str(dir, "bad.csv", "Forename,Surname,Year\nZebedee,Quill,6\n,,6\n");
	const char *args[] = {"--lexicons", lex, "--roster", roster, NULL};
	struct run_result r;
	run(args, "hello", &r);
	expect_status(&r, 0);
	assert_non_null(strstr(r.err, "bad.csv:3: row has no forename or surname"));
	assert_null(strstr(r.err, "Zebedee"));
	assert_null(strstr(r.err, "Quill"));
	run_result_finish(&r);
	free(roster);
}

static void errors_exit_two(void **state)
{
	(void)state;
	struct run_result r;
	const char *missing[] = {"--lexicons", lex, "/nonexistent/post.txt", NULL};
	run(missing, NULL, &r);
	expect_status(&r, 2);
	assert_non_null(strstr(r.err, "cannot read /nonexistent/post.txt"));
	run_result_finish(&r);

	const char *stdin_args[] = {"--lexicons", lex, NULL};
	run(stdin_args, "bad \xC3( bytes", &r);
	expect_status(&r, 2);
	assert_non_null(strstr(r.err, "not valid UTF-8 (byte 5)"));
	run_result_finish(&r);

	const char *bad_opt[] = {"--frobnicate", NULL};
	run(bad_opt, NULL, &r);
	expect_status(&r, 2);
	assert_non_null(strstr(r.err, "--frobnicate"));
	run_result_finish(&r);

	const char *two_files[] = {"a.txt", "b.txt", NULL};
	run(two_files, NULL, &r);
	expect_status(&r, 2);
	run_result_finish(&r);

	const char *help[] = {"--help", NULL};
	run(help, NULL, &r);
	expect_status(&r, 0);
	assert_non_null(strstr(r.out, "Usage:"));
	run_result_finish(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_post_warns),
		cmocka_unit_test(clean_text_exits_zero),
		cmocka_unit_test(json_output),
		cmocka_unit_test(extra_roster_option),
		cmocka_unit_test(problems_go_to_stderr_without_names),
		cmocka_unit_test(world_readable_roster_is_reported),
		cmocka_unit_test(markers_line_up),
		cmocka_unit_test(second_warning_underlined_once),
		cmocka_unit_test(errors_exit_two),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
