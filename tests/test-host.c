/* The built prepost-host driven through pipes exactly as a browser drives
 * it: the arguments Chrome, Firefox and a portal pass, frames in, frames
 * out, malformed input in between, and how it ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util.h"

#ifndef HOST_PATH
#error HOST_PATH must be defined by the build
#endif

static char *dir;
static char **env;

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	env = host_env(dir, "Legal Forename,Legal Surname,Date of Birth\n"
			       "Jack,Turner,2014-01-01\nMia,Chen,2015-02-02\n",
		       "{\"school\":{\"names\":[\"Oakfield\"]},\"rosters\":[\"roster.csv\"]}");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	env_free(env);
	tmpdir_remove(dir);
	return 0;
}

static void add(char **buf, size_t *len, const char *json)
{
	frame_append(buf, len, json, strlen(json));
}

/* Runs the host with argv (after the program) and input; every byte of
 * stdout must be whole frames. */
static size_t talk(const char *const args[], const char *input, size_t input_len, int *status,
		   char ***frames, char **err)
{
	char *argv[8] = {HOST_PATH};
	size_t n = 1;
	for (; args && args[n - 1]; n++)
		argv[n] = (char *)args[n - 1];
	argv[n] = NULL;
	struct run_result r;
	run_program(argv, env, input, input_len, 30, &r);
	*status = r.status;
	size_t count = frames_split(r.out, r.out_len, frames);
	size_t used = 0;
	for (size_t i = 0; i < count; i++)
		used += 4 + strlen((*frames)[i]);
	assert_int_equal(used, r.out_len); /* nothing but frames on stdout */
	if (err)
		*err = xstrdup(r.err);
	run_result_finish(&r);
	return count;
}

static json_t *parse(const char *s)
{
	json_t *j = json_loads(s, 0, NULL);
	assert_non_null(j);
	return j;
}

static const char *str(json_t *j, const char *key)
{
	return json_string_value(json_object_get(j, key));
}

static void chrome_session(void **state)
{
	(void)state;
	char *in = NULL;
	size_t len = 0;
	add(&in, &len, "{\"type\":\"hello\",\"protocol\":1}");
	add(&in, &len, "{\"type\":\"check\",\"id\":1,\"text\":\"😀 Great work by Jack Turner!\","
		       "\"site\":\"x.com\"}");
	add(&in, &len, "not json at all");
	add(&in, &len, "");
	add(&in, &len, "[\"check\"]");
	add(&in, &len, "{\"type\":\"launch\",\"id\":\"z\"}");
	add(&in, &len, "{\"type\":\"check\",\"id\":\"two\",\"text\":\"👩‍🏫 mia chen at Oakfield\"}");
	const char *args[] = {"chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/", NULL};
	int status;
	char **f;
	char *err;
	size_t n = talk(args, in, len, &status, &f, &err);
	assert_int_equal(status, 0);
	assert_int_equal(n, 7);

	json_t *j = parse(f[0]);
	assert_string_equal(str(j, "type"), "hello");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "config"),
							    "roster_names")), 2);
	json_decref(j);

	j = parse(f[1]);
	assert_string_equal(str(j, "type"), "result");
	assert_int_equal(json_integer_value(json_object_get(j, "id")), 1);
	json_t *w = json_array_get(json_object_get(j, "warnings"), 0);
	assert_string_equal(str(w, "match"), "Jack Turner");
	assert_int_equal(json_integer_value(json_object_get(w, "start")), 17);
	assert_int_equal(json_integer_value(json_object_get(w, "end")), 28);
	assert_string_equal(str(w, "severity"), "high");
	json_decref(j);

	const char *codes[] = {"bad_json", "bad_json", "bad_request", "unknown_type"};
	for (int i = 0; i < 4; i++) {
		j = parse(f[2 + i]);
		assert_string_equal(str(j, "type"), "error");
		assert_string_equal(str(j, "code"), codes[i]);
		json_decref(j);
	}

	/* still answering after the bad frames */
	j = parse(f[6]);
	assert_string_equal(str(j, "id"), "two");
	json_t *ws = json_object_get(j, "warnings");
	assert_int_equal(json_array_size(ws), 2);
	assert_string_equal(str(json_array_get(ws, 0), "match"), "mia chen");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ws, 0), "start")), 6);
	assert_string_equal(str(json_array_get(ws, 1), "category"), "work_detail");
	json_decref(j);

	/* nothing the user wrote, nor any roster entry, reaches the log */
	assert_null(strstr(err, "Jack"));
	assert_null(strstr(err, "Turner"));
	assert_null(strstr(err, "Chen"));
	frames_free(f, n);
	free(err);
	free(in);
}

/* The host makes its pipes hold 1 MiB (or the system's limit), so a long
 * draft and its reply cross in one turn rather than sixteen. */
static void pipes_widened(void **state)
{
	(void)state;
#ifdef F_GETPIPE_SZ
	char *in = NULL;
	size_t len = 0;
	add(&in, &len, "{\"type\":\"hello\",\"protocol\":1}");
	char *argv[] = {HOST_PATH, "chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/", NULL};
	struct run_result r;
	run_program(argv, env, in, len, 30, &r);
	assert_int_equal(r.status, 0);
	long max = 1 << 20;
	FILE *f = fopen("/proc/sys/fs/pipe-max-size", "r");
	if (f) {
		long limit;
		if (fscanf(f, "%ld", &limit) == 1 && limit < max)
			max = limit;
		fclose(f);
	}
	/* a system whose limit is lower keeps 64 KiB, unless run as root */
	assert_true(r.out_pipe_size == 1 << 20 || (max < (1 << 20) && r.out_pipe_size >= 65536));
	run_result_finish(&r);
	free(in);
#else
	(void)state;
	skip();
#endif
}

static void started_by_each_browser(void **state)
{
	(void)state;
	char *in = NULL;
	size_t len = 0;
	add(&in, &len, "{\"type\":\"hello\",\"protocol\":1}");
	const char *chrome_win[] = {"chrome-extension://abc/", "--parent-window=0", NULL};
	const char *firefox[] = {"/usr/lib/mozilla/native-messaging-hosts/org.prepost.host.json",
				 "prepost@prepost.org", NULL};
	const char *serve[] = {"serve", NULL};
	const char *const *cases[] = {chrome_win, firefox, NULL /* portal: nothing */, serve};
	for (size_t i = 0; i < 4; i++) {
		int status;
		char **f;
		size_t n = talk(cases[i], in, len, &status, &f, NULL);
		assert_int_equal(status, 0);
		assert_int_equal(n, 1);
		json_t *j = parse(f[0]);
		assert_string_equal(str(j, "type"), "hello");
		json_decref(j);
		frames_free(f, n);
	}
	free(in);
}

static void too_large_ends_cleanly(void **state)
{
	(void)state;
	char *in = NULL;
	size_t len = 0;
	add(&in, &len, "{\"type\":\"hello\"}");
	uint32_t huge = (64u << 20) + 1;
	in = xrealloc(in, len + 4 + 100);
	memcpy(in + len, &huge, 4);
	memset(in + len + 4, 'x', 100);
	len += 104;
	int status;
	char **f;
	char *err;
	size_t n = talk(NULL, in, len, &status, &f, &err);
	assert_int_equal(status, 1);
	assert_int_equal(n, 2);
	json_t *j = parse(f[1]);
	assert_string_equal(str(j, "code"), "too_large");
	json_decref(j);
	assert_non_null(strstr(err, "over the limit"));
	frames_free(f, n);
	free(err);
	free(in);
}

static void truncated_and_empty_input(void **state)
{
	(void)state;
	int status;
	char **f;
	size_t n = talk(NULL, "", 0, &status, &f, NULL);
	assert_int_equal(status, 0);
	assert_int_equal(n, 0);
	frames_free(f, n);

	char *in = NULL;
	size_t len = 0;
	add(&in, &len, "{\"type\":\"check\",\"id\":1,\"text\":\"x\"}");
	n = talk(NULL, in, len - 5, &status, &f, NULL);
	assert_int_equal(status, 0);
	assert_int_equal(n, 1);
	json_t *j = parse(f[0]);
	assert_string_equal(str(j, "code"), "truncated");
	json_decref(j);
	frames_free(f, n);
	free(in);
}

static void many_checks_in_one_session(void **state)
{
	(void)state;
	char *in = NULL;
	size_t len = 0;
	char req[128];
	for (int i = 0; i < 2000; i++) {
		snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":%d,\"text\":\"%s\"}", i,
			 i % 2 ? "Jack Turner" : "nothing here");
		add(&in, &len, req);
	}
	int status;
	char **f;
	size_t n = talk(NULL, in, len, &status, &f, NULL);
	assert_int_equal(status, 0);
	assert_int_equal(n, 2000);
	for (size_t i = 0; i < n; i++) {
		json_t *j = parse(f[i]);
		assert_int_equal(json_integer_value(json_object_get(j, "id")), (json_int_t)i);
		assert_int_equal(json_array_size(json_object_get(j, "warnings")), i % 2);
		json_decref(j);
	}
	frames_free(f, n);
	free(in);
}

static void commands(void **state)
{
	(void)state;
	char *argv[3] = {HOST_PATH, "--version", NULL};
	struct run_result r;
	run_program(argv, env, NULL, 0, 10, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "prepost-host 0."));
	run_result_finish(&r);

	argv[1] = "--help";
	run_program(argv, env, NULL, 0, 10, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Usage: prepost-host"));
	run_result_finish(&r);

	argv[1] = "frobnicate";
	run_program(argv, env, NULL, 0, 10, &r);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown command"));
	assert_int_equal(r.out_len, 0);
	run_result_finish(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chrome_session),
		cmocka_unit_test(pipes_widened),
		cmocka_unit_test(started_by_each_browser),
		cmocka_unit_test(too_large_ends_cleanly),
		cmocka_unit_test(truncated_and_empty_input),
		cmocka_unit_test(many_checks_in_one_session),
		cmocka_unit_test(commands),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
