/* Hostile input against the real binary: every kind of bad frame, between
 * good ones, in one session. Each gets a clear error (or is served), the
 * host never crashes or hangs, no reply passes 1 MiB, and real checks are
 * still answered correctly afterwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
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
	env = host_env(dir, "Forename,Surname\nJack,Turner\nMia,Chen\n",
		       "{\"rosters\":[\"roster.csv\"]}");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	env_free(env);
	tmpdir_remove(dir);
	return 0;
}

static void add(char **buf, size_t *len, const char *json, size_t n)
{
	frame_append(buf, len, json, n);
}

static void adds(char **buf, size_t *len, const char *json)
{
	add(buf, len, json, strlen(json));
}

struct expect {
	const char *type;
	const char *code; /* for errors */
};

static void one_session_of_bad_input(void **state)
{
	(void)state;
	char *in = NULL;
	size_t len = 0;
	struct buf b;
	buf_init(&b);

	adds(&in, &len, "{\"type\":\"hello\",\"protocol\":1}");
	adds(&in, &len, "{\"type\":\"check\",\"id\":1,\"text\":\"bad \xC3\x28 bytes\"}");
	adds(&in, &len, "{\"type\":\"check\",\"id\":2,\"text\":\"lone \\ud800 surrogate\"}");
	adds(&in, &len, "{\"type\":\"check\",\"id\":3,\"text\":\"\\u0000Jack Turner\\u0000\"}");
	adds(&in, &len, "42");
	adds(&in, &len, "{\"type\":\"check\",\"id\":5}");
	adds(&in, &len, "{\"type\":\"check\",\"id\":6,\"text\":[\"Jack Turner\"]}");
	adds(&in, &len, "{\"type\":\"check\",\"id\":{\"a\":1},\"text\":\"x\"}");
	/* nesting far deeper than any parser should follow */
	b.len = 0;
	for (int i = 0; i < 200000; i++)
		buf_append_char(&b, '[');
	add(&in, &len, b.data, b.len);
	/* a 10 MB text */
	b.len = 0;
	buf_append(&b, "{\"type\":\"check\",\"id\":\"ten\",\"text\":\"", 35);
	for (int i = 0; b.len < (10u << 20); i++)
		buf_append(&b, "the quick brown fox jumps over the dozy dog. ", 45);
	buf_append(&b, "Mia Chen\"}", 10);
	add(&in, &len, b.data, b.len);
	/* a text with tens of thousands of warnings */
	b.len = 0;
	buf_append(&b, "{\"type\":\"check\",\"id\":\"many\",\"text\":\"", 36);
	for (int i = 0; i < 50000; i++)
		buf_append(&b, "Jack Turner, ", 13);
	buf_append(&b, "\"}", 2);
	add(&in, &len, b.data, b.len);
	add(&in, &len, "", 0);
	adds(&in, &len, "{\"type\":\"check\",\"id\":\"last\",\"text\":\"Well done Jack Turner\"}");

	static const struct expect want[] = {
		{"hello", NULL},        {"error", "bad_json"},    {"error", "bad_json"},
		{"result", NULL},       {"error", "bad_request"}, {"error", "bad_request"},
		{"error", "bad_request"}, {"error", "bad_request"}, {"error", "bad_json"},
		{"result", NULL},       {"result", NULL},         {"error", "bad_json"},
		{"result", NULL},
	};
	size_t nwant = sizeof(want) / sizeof(want[0]);

	char *argv[] = {HOST_PATH, "chrome-extension://abc/", NULL};
	struct run_result r;
	run_program(argv, env, in, len, 120, &r);
	assert_int_equal(r.status, 0);
	char **f;
	size_t n = frames_split(r.out, r.out_len, &f);
	assert_int_equal(n, nwant);
	for (size_t i = 0; i < n; i++) {
		assert_true(strlen(f[i]) <= (1u << 20));
		json_t *j = json_loads(f[i], JSON_ALLOW_NUL, NULL);
		assert_non_null(j);
		assert_string_equal(json_string_value(json_object_get(j, "type")), want[i].type);
		if (want[i].code)
			assert_string_equal(json_string_value(json_object_get(j, "code")),
					    want[i].code);
		json_decref(j);
	}
	/* the NUL text: offsets still exact */
	json_t *j = json_loads(f[3], JSON_ALLOW_NUL, NULL);
	json_t *w = json_array_get(json_object_get(j, "warnings"), 0);
	assert_int_equal(json_integer_value(json_object_get(w, "start")), 1);
	assert_int_equal(json_integer_value(json_object_get(w, "end")), 12);
	json_decref(j);
	/* the 10 MB text: the name at its very end is found */
	j = json_loads(f[9], 0, NULL);
	json_t *ws = json_object_get(j, "warnings");
	assert_string_equal(
		json_string_value(json_object_get(json_array_get(ws, json_array_size(ws) - 1), "match")),
		"Mia Chen");
	json_decref(j);
	/* thousands of warnings: cut to fit, and said so */
	j = json_loads(f[10], 0, NULL);
	assert_true(json_is_true(json_object_get(j, "truncated")));
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 50000);
	json_decref(j);
	/* and a real check afterwards is answered exactly */
	j = json_loads(f[12], 0, NULL);
	w = json_array_get(json_object_get(j, "warnings"), 0);
	assert_string_equal(json_string_value(json_object_get(w, "match")), "Jack Turner");
	assert_string_equal(json_string_value(json_object_get(w, "severity")), "high");
	json_decref(j);
	/* nothing the user wrote in the log */
	assert_null(strstr(r.err, "Jack"));
	assert_null(strstr(r.err, "fox"));

	frames_free(f, n);
	run_result_finish(&r);
	buf_finish(&b);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_session_of_bad_input),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
