/* Protocol version 1: every request shape and error code, and offsets in
 * UTF-16 code units that slice the browser's string exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "framing.h"
#include "helpers.h"
#include "protocol.h"

static char *dir;
static struct classifier *cls;
static struct problems problems;
static struct protocol *proto;

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	free(write_temp_str(dir, "roster.csv",
			    "Forename,Surname\nJack,Turner\nChloë,Wiśniewski\nMia,Chen\n"));
	char *cfg = write_temp_str(dir, "config.json",
				   "{\"rosters\":[\"roster.csv\",\"missing.csv\"]}");
	problems_init(&problems);
	struct config *c = config_load(cfg, &problems);
	char *lex = source_path("lexicons");
	cls = classifier_create(c, lex, &problems);
	proto = protocol_create(cls, &problems);
	free(lex);
	free(cfg);
	config_destroy(c);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	protocol_destroy(proto);
	classifier_destroy(cls);
	problems_finish(&problems);
	tmpdir_remove(dir);
	return 0;
}

static json_t *ask_n(const char *req, size_t len)
{
	size_t out_len;
	const char *out = protocol_handle(proto, req, len, &out_len);
	assert_non_null(out);
	assert_true(out_len <= FRAME_MAX_OUT);
	json_error_t err;
	json_t *j = json_loadb(out, out_len, 0, &err);
	assert_non_null(j);
	return j;
}

static json_t *ask(const char *req)
{
	return ask_n(req, strlen(req));
}

static void assert_error(json_t *j, const char *code)
{
	assert_string_equal(json_string_value(json_object_get(j, "type")), "error");
	assert_string_equal(json_string_value(json_object_get(j, "code")), code);
	assert_true(json_string_length(json_object_get(j, "message")) > 10);
}

static void hello(void **state)
{
	(void)state;
	json_t *j = ask("{\"type\":\"hello\",\"protocol\":1}");
	assert_string_equal(json_string_value(json_object_get(j, "type")), "hello");
	assert_int_equal(json_integer_value(json_object_get(j, "protocol")), 1);
	assert_non_null(json_string_value(json_object_get(j, "version")));
	json_t *cats = json_object_get(j, "categories");
	assert_int_equal(json_array_size(cats), 6);
	assert_string_equal(json_string_value(json_array_get(cats, 0)), "pupil_name");
	json_t *cfg = json_object_get(j, "config");
	assert_non_null(strstr(json_string_value(json_object_get(cfg, "path")), "config.json"));
	assert_int_equal(json_integer_value(json_object_get(cfg, "roster_names")), 3);
	assert_true(json_integer_value(json_object_get(cfg, "lexicon_terms")) > 100);
	assert_non_null(strstr(json_string_value(json_object_get(cfg, "word_model")),
			       "lexicons/posts.model"));
	json_t *rosters = json_object_get(cfg, "rosters");
	assert_int_equal(json_array_size(rosters), 2);
	assert_true(json_is_false(json_object_get(json_array_get(rosters, 1), "loaded")));
	/* the missing roster is a problem a person can act on */
	json_t *probs = json_object_get(j, "problems");
	assert_int_equal(json_array_size(probs), 1);
	assert_non_null(strstr(json_string_value(json_array_get(probs, 0)), "missing.csv"));
	json_decref(j);

	j = ask("{\"type\":\"hello\",\"id\":\"h1\"}");
	assert_string_equal(json_string_value(json_object_get(j, "id")), "h1");
	json_decref(j);
	j = ask("{\"type\":\"hello\",\"protocol\":\"one\"}");
	assert_error(j, "bad_request");
	json_decref(j);
}

static void check_echoes_ids(void **state)
{
	(void)state;
	json_t *j = ask("{\"type\":\"check\",\"id\":\"abc\",\"text\":\"hi\",\"site\":\"x.com\"}");
	assert_string_equal(json_string_value(json_object_get(j, "type")), "result");
	assert_string_equal(json_string_value(json_object_get(j, "id")), "abc");
	assert_int_equal(json_array_size(json_object_get(j, "warnings")), 0);
	assert_null(json_object_get(j, "truncated"));
	json_decref(j);
	j = ask("{\"type\":\"check\",\"id\":42,\"text\":\"Jack Turner\"}");
	assert_int_equal(json_integer_value(json_object_get(j, "id")), 42);
	json_t *warn = json_array_get(json_object_get(j, "warnings"), 0);
	assert_string_equal(json_string_value(json_object_get(warn, "category")), "pupil_name");
	assert_string_equal(json_string_value(json_object_get(warn, "severity")), "high");
	assert_string_equal(json_string_value(json_object_get(warn, "match")), "Jack Turner");
	assert_non_null(json_string_value(json_object_get(warn, "message")));
	assert_non_null(json_string_value(json_object_get(warn, "advice")));
	assert_non_null(json_string_value(json_object_get(warn, "policy")));
	json_decref(j);
	j = ask("{\"type\":\"check\",\"id\":4.5,\"text\":\"\",\"site\":null}");
	assert_true(json_real_value(json_object_get(j, "id")) == 4.5);
	json_decref(j);
}

static void error_codes(void **state)
{
	(void)state;
	static const struct {
		const char *req;
		const char *code;
		bool has_id;
	} cases[] = {
		{"", "bad_json", false},
		{"{", "bad_json", false},
		{"not json", "bad_json", false},
		{"{\"type\":\"check\",\"id\":1,\"text\":\"\xC3(\"}", "bad_json", false},
		{"{\"type\":\"check\",\"id\":1,\"text\":\"\\ud800\"}", "bad_json", false},
		{"{} {}", "bad_json", false},
		{"[1,2]", "bad_request", false},
		{"\"check\"", "bad_request", false},
		{"null", "bad_request", false},
		{"{\"id\":1}", "bad_request", true},
		{"{\"type\":7,\"id\":1}", "bad_request", true},
		{"{\"type\":\"check\",\"text\":\"x\"}", "bad_request", false},
		{"{\"type\":\"check\",\"id\":1}", "bad_request", true},
		{"{\"type\":\"check\",\"id\":1,\"text\":5}", "bad_request", true},
		{"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"site\":5}", "bad_request", true},
		{"{\"type\":\"check\",\"id\":[1],\"text\":\"x\"}", "bad_request", false},
		{"{\"type\":\"check\",\"id\":true,\"text\":\"x\"}", "bad_request", false},
		{"{\"type\":\"zap\",\"id\":1}", "unknown_type", true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *j = ask(cases[i].req);
		assert_error(j, cases[i].code);
		if (cases[i].has_id)
			assert_int_equal(json_integer_value(json_object_get(j, "id")), 1);
		else
			assert_null(json_object_get(j, "id"));
		json_decref(j);
	}
}

static void error_messages_do_not_quote_the_request(void **state)
{
	(void)state;
	json_t *j = ask("{\"type\":\"check\",\"id\":1,\"text\":\"Jack Turner\" oops}");
	assert_error(j, "bad_json");
	assert_null(strstr(json_string_value(json_object_get(j, "message")), "Jack"));
	assert_null(strstr(json_string_value(json_object_get(j, "message")), "oops"));
	json_decref(j);
}

static void long_id_refused(void **state)
{
	(void)state;
	char req[600];
	char id[300];
	memset(id, 'a', 299);
	id[299] = '\0';
	snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":\"%s\",\"text\":\"x\"}", id);
	json_t *j = ask(req);
	assert_error(j, "bad_request");
	assert_null(json_object_get(j, "id"));
	json_decref(j);
}

static void deep_nesting(void **state)
{
	(void)state;
	size_t n = 100000;
	char *req = malloc(n * 2 + 1);
	memset(req, '[', n);
	memset(req + n, ']', n);
	req[2 * n] = '\0';
	json_t *j = ask(req);
	assert_error(j, "bad_json");
	json_decref(j);
	free(req);
}

/* Converts UTF-16 offsets into the UTF-8 text back to a byte range, the way
 * JavaScript's String.prototype.slice would cut the same string. */
static char *js_slice(const char *s, size_t len, size_t start, size_t end)
{
	size_t unit = 0, i = 0, from = SIZE_MAX, to = SIZE_MAX;
	while (i <= len) {
		if (unit == start && from == SIZE_MAX)
			from = i;
		if (unit == end) {
			to = i;
			break;
		}
		if (i == len)
			break;
		unsigned char b = (unsigned char)s[i];
		size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		unit += n == 4 ? 2 : 1;
		i += n;
	}
	assert_true(from != SIZE_MAX && to != SIZE_MAX);
	return strndup(s + from, to - from);
}

static void offsets_in_utf16(void **state)
{
	(void)state;
	static const struct {
		const char *json_text; /* as JSON string contents */
		const char *utf8;      /* the same text decoded */
		size_t start, end;
	} cases[] = {
		{"\\ud83d\\ude00\\ud83d\\ude00 Jack Turner", "😀😀 Jack Turner", 5, 16},
		{"👩‍👩‍👧 Jack Turner", "👩‍👩‍👧 Jack Turner", 9, 20},
		{"Chloe\\u0308 Wisniewski!", "Chloe\xCC\x88 Wisniewski!", 0, 17},
		{"你好，Mia Chen。", "你好，Mia Chen。", 3, 11},
		{"\\u0000Jack Turner", "\0Jack Turner", 1, 12},
		{"line\\r\\nJACK TURNER", "line\r\nJACK TURNER", 6, 17},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char req[256];
		snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":%zu,\"text\":\"%s\"}", i,
			 cases[i].json_text);
		json_t *j = ask(req);
		json_t *warns = json_object_get(j, "warnings");
		assert_int_equal(json_array_size(warns), 1);
		json_t *w = json_array_get(warns, 0);
		size_t start = (size_t)json_integer_value(json_object_get(w, "start"));
		size_t end = (size_t)json_integer_value(json_object_get(w, "end"));
		assert_int_equal(start, cases[i].start);
		assert_int_equal(end, cases[i].end);
		size_t len = cases[i].utf8[0] ? strlen(cases[i].utf8) : 1 + strlen(cases[i].utf8 + 1);
		char *slice = js_slice(cases[i].utf8, len, start, end);
		assert_string_equal(slice, json_string_value(json_object_get(w, "match")));
		free(slice);
		json_decref(j);
	}
}

/* A phrase that is two things at once ("told the DSL": confidential and
 * a work detail) gives two warnings over the same UTF-16 range, one after
 * the other, after a character outside the BMP. */
static void second_warning_same_range(void **state)
{
	(void)state;
	json_t *j = ask("{\"type\":\"check\",\"id\":1,"
			"\"text\":\"\\ud83d\\ude00 We told the DSL today\"}");
	json_t *warns = json_object_get(j, "warnings");
	assert_int_equal(json_array_size(warns), 2);
	json_t *a = json_array_get(warns, 0), *b = json_array_get(warns, 1);
	assert_string_equal(json_string_value(json_object_get(a, "category")), "confidential");
	assert_string_equal(json_string_value(json_object_get(b, "category")), "work_detail");
	for (size_t i = 0; i < 2; i++) {
		json_t *w = json_array_get(warns, i);
		assert_int_equal(json_integer_value(json_object_get(w, "start")), 6);
		assert_int_equal(json_integer_value(json_object_get(w, "end")), 18);
		assert_string_equal(json_string_value(json_object_get(w, "match")), "told the DSL");
	}
	json_decref(j);
}

/* The reply to req with the fast reader and writer, and with jansson
 * alone: the same bytes. */
static void assert_same_reply(const char *req, size_t len)
{
	size_t n;
	protocol_set_fast_reader(proto, true);
	const char *fast = protocol_handle(proto, req, len, &n);
	char *a = xmalloc(n);
	memcpy(a, fast, n);
	size_t fast_len = n;
	protocol_set_fast_reader(proto, false);
	const char *slow = protocol_handle(proto, req, len, &n);
	protocol_set_fast_reader(proto, true);
	assert_int_equal(fast_len, n);
	assert_memory_equal(a, slow, n);
	free(a);
}

static void reply_stays_under_one_mib(void **state)
{
	(void)state;
	/* 60,000 full names: far more warnings than fit in 1 MiB */
	struct buf text;
	buf_init(&text);
	buf_append(&text, "{\"type\":\"check\",\"id\":\"big\",\"text\":\"", 35);
	for (int i = 0; i < 60000; i++)
		buf_append(&text, "Jack Turner ", 12);
	buf_append(&text, "\"}", 2);
	assert_same_reply(text.data, text.len);
	json_t *j = ask_n(text.data, text.len);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "result");
	assert_true(json_is_true(json_object_get(j, "truncated")));
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 60000);
	size_t kept = json_array_size(json_object_get(j, "warnings"));
	assert_true(kept > 1000 && kept < 60000);
	/* the last kept warning still has exact offsets */
	json_t *w = json_array_get(json_object_get(j, "warnings"), kept - 1);
	assert_int_equal(json_integer_value(json_object_get(w, "start")), (kept - 1) * 12);
	json_decref(j);

	/* around the limit, where the reply's size is estimated rather than
	 * measured: every reply is a result, cut only when it must be; the
	 * matches hold characters that JSON escapes */
	for (int names = 3000; names <= 4400; names += 100) {
		text.len = 0;
		buf_append(&text, "{\"type\":\"check\",\"id\":\"big\",\"text\":\"", 35);
		for (int i = 0; i < names; i++) {
			const char *name = i % 2 ? "Jack\\tTurner " : "Mia\\t\\tChen ";
			buf_append(&text, name, strlen(name));
		}
		buf_append(&text, "\"}", 2);
		assert_same_reply(text.data, text.len);
		size_t n;
		const char *out = protocol_handle(proto, text.data, text.len, &n);
		j = json_loadb(out, n, 0, NULL);
		assert_string_equal(json_string_value(json_object_get(j, "type")), "result");
		size_t got = json_array_size(json_object_get(j, "warnings"));
		if (json_is_true(json_object_get(j, "truncated")))
			assert_true(got < (size_t)names && n > FRAME_MAX_OUT - 1000);
		else
			assert_int_equal(got, names);
		json_decref(j);
	}
	buf_finish(&text);
}

/* The fast reader and writer and jansson give the same reply, byte for
 * byte, for the requests the reader takes and for those it leaves to
 * jansson. */
static void fast_reader_matches_jansson(void **state)
{
	(void)state;
	static const char *const reqs[] = {
		"{\"type\":\"check\",\"id\":1,\"text\":\"Jack Turner and Chlo\u00eb W. in 6B\"}",
		"{\"type\":\"check\",\"id\":\"q\\u0000\\\"\",\"text\":\"Chloe Wi\xc5\x9bniewski \\ud83d\\ude00 Mia Chen\"}",
		" {\"text\":\"s\\u0000h\\u0021t, Jack\\nTurner\\t07700 900123\",\"site\":null,"
		"\"x\":true,\"id\":-0,\"type\":\"check\"}\r\n",
		"{\"type\":\"check\",\"id\":123456789012345678,\"text\":\"f**k off\",\"site\":\"x.com\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"text\":\"Jack Turner\"}",
		"{\"type\":\"check\",\"id\":1.0,\"text\":\"Jack Turner\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\ud800\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"k\\u0000\":1}",
		"{\"type\":\"check\\u0000x\",\"id\":1,\"text\":\"Jack Turner\"}",
		"{\"type\":\"hello\",\"id\":1}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\"} {}",
		/* escapes in a string id and in matches; every category, and
		 * offsets after characters of one, two and four bytes */
		"{\"type\":\"check\",\"id\":\"a\\\\b\\u001f\\t\\\"\\u007f/\",\"text\":"
		"\"Jack\\u000bTurner, Jack\\fTurner, \\\"Jack\\rTurner\\\" \\u00e9\\ud83d\\ude00 "
		"Mrs Margaret Thornton, the LADO, you 1d10t, 6B, 07700 900123, j@x.org\"}",
		"{\"type\":\"check\",\"id\":-42,\"text\":\"\"}",
	};
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
		assert_same_reply(reqs[i], strlen(reqs[i]));
}

static void standalone_error(void **state)
{
	(void)state;
	size_t n;
	const char *s = protocol_error(proto, "too_large", "A frame of 99 bytes is too big.", &n);
	json_t *j = json_loadb(s, n, 0, NULL);
	assert_error(j, "too_large");
	json_decref(j);
}

static void utf16_cursor(void **state)
{
	(void)state;
	const char *s = "aé中😀b";
	struct utf16_cursor c;
	utf16_cursor_init(&c, s);
	assert_int_equal(utf16_cursor_at(&c, 1), 1);
	assert_int_equal(utf16_cursor_at(&c, 3), 2);
	assert_int_equal(utf16_cursor_at(&c, 6), 3);
	assert_int_equal(utf16_cursor_at(&c, 10), 5);
	assert_int_equal(utf16_cursor_at(&c, 11), 6);
	/* back to a span's start again (a second warning over the same
	 * words), and further back still */
	utf16_cursor_init(&c, s);
	assert_int_equal(utf16_cursor_at(&c, 3), 2);
	assert_int_equal(utf16_cursor_at(&c, 10), 5);
	assert_int_equal(utf16_cursor_at(&c, 3), 2);
	assert_int_equal(utf16_cursor_at(&c, 10), 5);
	assert_int_equal(utf16_cursor_at(&c, 1), 1);
	assert_int_equal(utf16_cursor_at(&c, 11), 6);

	/* ASCII runs of every length between characters of 2, 3 and 4 bytes,
	 * asked for at every byte and with every stride: the same count as one
	 * byte at a time */
	static const char *const wide[] = {"é", "中", "😀"};
	char text[2048];
	size_t len = 0;
	for (size_t run = 0; run < 20; run++) {
		for (size_t k = 0; k < run; k++)
			text[len++] = (char)('a' + (char)(k % 26));
		const char *w = wide[run % 3];
		memcpy(text + len, w, strlen(w));
		len += strlen(w);
	}
	text[len] = '\0';
	for (size_t stride = 1; stride <= 13; stride++) {
		utf16_cursor_init(&c, text);
		size_t unit = 0;
		for (size_t at = 0; at <= len; at++) {
			if (at > 0) {
				unsigned char b = (unsigned char)text[at - 1];
				unit += b < 0x80 || (b >= 0xC0 && b < 0xF0) ? 1 : b >= 0xF0 ? 2 : 0;
			}
			if (at % stride == 0)
				assert_int_equal(utf16_cursor_at(&c, at), unit);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hello),
		cmocka_unit_test(check_echoes_ids),
		cmocka_unit_test(error_codes),
		cmocka_unit_test(error_messages_do_not_quote_the_request),
		cmocka_unit_test(long_id_refused),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(offsets_in_utf16),
		cmocka_unit_test(second_warning_same_range),
		cmocka_unit_test(reply_stays_under_one_mib),
		cmocka_unit_test(fast_reader_matches_jansson),
		cmocka_unit_test(standalone_error),
		cmocka_unit_test(utf16_cursor),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
