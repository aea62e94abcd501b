/* The fast reader for check requests: what it decodes, and everything it
 * must leave to jansson. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "request.h"

static struct buf scratch;

static bool read_n(const char *req, size_t len, struct check_request *cr)
{
	memset(cr, 0xAB, sizeof(*cr));
	return request_read_check(req, len, &scratch, cr);
}

static bool read_req(const char *req, struct check_request *cr)
{
	return read_n(req, strlen(req), cr);
}

static void assert_text(const struct check_request *cr, const char *want, size_t want_len)
{
	assert_int_equal(cr->text_len, want_len);
	assert_memory_equal(scratch.data + cr->text_offset, want, want_len);
	assert_int_equal(scratch.data[cr->text_offset + want_len], '\0');
}

static void plain_check(void **state)
{
	(void)state;
	struct check_request cr;
	assert_true(read_req("{\"type\":\"check\",\"id\":7,\"text\":\"Well done, Year 6!\"}", &cr));
	assert_false(cr.id_is_string);
	assert_int_equal(cr.id_integer, 7);
	assert_text(&cr, "Well done, Year 6!", 18);

	/* any order, white space anywhere, a site, members it does not know */
	assert_true(read_req(" \r\n{ \"site\" : \"x.com\" , \"text\":\"hi\",\t\"n\":-3,\"b\":true,"
			     "\"f\":false,\"z\":null,\"s\":\"\\\"\",\"id\":\"c-12\", \"type\":\"check\" }\n",
			     &cr));
	assert_true(cr.id_is_string);
	assert_int_equal(cr.id_len, 4);
	assert_string_equal(scratch.data + cr.id_offset, "c-12");
	assert_text(&cr, "hi", 2);

	assert_true(read_req("{\"type\":\"check\",\"id\":-0,\"text\":\"\",\"site\":null}", &cr));
	assert_int_equal(cr.id_integer, 0);
	assert_text(&cr, "", 0);
	assert_true(read_req("{\"type\":\"check\",\"id\":-123456789012345678,\"text\":\"x\"}", &cr));
	assert_int_equal(cr.id_integer, -123456789012345678LL);
}

static void decodes_strings(void **state)
{
	(void)state;
	struct check_request cr;
	assert_true(read_req("{\"type\":\"check\",\"id\":1,\"text\":"
			     "\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"}", &cr));
	assert_text(&cr, "a\"b\\c/d\be\ff\ng\rh\ti", 17);
	/* \u escapes: two and three bytes, a surrogate pair, either case */
	assert_true(read_req("{\"type\":\"check\",\"id\":1,\"text\":"
			     "\"Chlo\\u00eb \\u2019 \\uD83D\\ude00\"}", &cr));
	assert_text(&cr, "Chlo\xc3\xab \xe2\x80\x99 \xf0\x9f\x98\x80", 15);
	/* UTF-8 as it stands, long enough for the eight-byte steps */
	const char *utf8 = "Se\xc3\xa1n and Chlo\xc3\xab went to the Wi\xc5\x9bniewski's \xf0\x9f\x8e\x89";
	char req[256];
	snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":1,\"text\":\"%s\"}", utf8);
	assert_true(read_req(req, &cr));
	assert_text(&cr, utf8, strlen(utf8));
	/* U+0000 is text like any other: counted, not an end */
	assert_true(read_req("{\"type\":\"check\",\"id\":1,\"text\":\"a\\u0000b\"}", &cr));
	assert_text(&cr, "a\0b", 3);
	/* the scratch buffer does not grow for a request no longer than the last */
	char *before = scratch.data;
	assert_true(read_req("{\"type\":\"check\",\"id\":1,\"text\":\"ab\"}", &cr));
	assert_ptr_equal(scratch.data, before);
}

static void leaves_the_rest_to_jansson(void **state)
{
	(void)state;
	static const char *const refused[] = {
		"",
		"[]",
		"{}",
		"\"check\"",
		"{\"type\":\"hello\",\"id\":1,\"text\":\"x\"}",
		"{\"type\":\"Check\",\"id\":1,\"text\":\"x\"}",
		"{\"type\":\"check\",\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1}",
		"{\"id\":1,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1.5,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1e3,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":01,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1234567890123456789,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":-,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":true,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":null,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":5}",
		"{\"type\":\"check\",\"id\":1,\"text\":null}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"site\":3}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"more\":{\"a\":1}}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"more\":[1]}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"r\":0.5}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"t\":tru}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"t\":nul}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"t\":nullx}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\"} x",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\"}}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\"",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\" \"y\":1}",
		"{\"type\":\"check\" \"id\":1,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"text\":\"y\"}",
		"{\"type\":\"check\",\"id\":1,\"id\":2,\"text\":\"x\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\x\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\u12\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\u12G4\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\ud83d\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\ud83dx\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\ud83d\\u0041\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\\ude00\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"tab\there\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\xc0\x80\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\xed\xa0\x80\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\xf5\x80\x80\x80\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"\xe2\x80\"}",
		"{\"type\":\"check\",\"id\":1,\"text\":\"x\",\"k\\u0000\":1}",
		"\xef\xbb\xbf{\"type\":\"check\",\"id\":1,\"text\":\"x\"}",
		"{'type':'check','id':1,'text':'x'}",
	};
	struct check_request cr;
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		if (read_req(refused[i], &cr))
			fail_msg("request %zu was read, not left to jansson", i);
	}

	/* an id of 256 bytes is read; one of 257 is jansson's to refuse */
	char req[400];
	char id[258];
	memset(id, 'i', 257);
	id[256] = '\0';
	snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":\"%s\",\"text\":\"x\"}", id);
	assert_true(read_req(req, &cr));
	id[256] = 'i';
	id[257] = '\0';
	snprintf(req, sizeof(req), "{\"type\":\"check\",\"id\":\"%s\",\"text\":\"x\"}", id);
	assert_false(read_req(req, &cr));

	/* a NUL byte as it stands is not JSON; and the length is what counts */
	static const char nul[] = "{\"type\":\"check\",\"id\":1,\"text\":\"a\0b\"}";
	assert_false(read_n(nul, sizeof(nul) - 1, &cr));
	assert_false(read_n(nul, 20, &cr));
}

int main(void)
{
	buf_init(&scratch);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_check),
		cmocka_unit_test(decodes_strings),
		cmocka_unit_test(leaves_the_rest_to_jansson),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	buf_finish(&scratch);
	return rc;
}
