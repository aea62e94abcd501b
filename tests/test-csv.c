/* The CSV record reader and the encoding detection in front of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "encoding.h"

static void plain_and_quoted_fields(void **state)
{
	(void)state;
	char s[] = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n\"multi\nline\",z\n";
	struct csv_reader r;
	csv_init(&r, s, strlen(s));
	size_t line;
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(line, 1);
	assert_int_equal(r.count, 3);
	assert_string_equal(csv_field(&r, 2), "c");

	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(line, 2);
	assert_int_equal(r.count, 3);
	assert_string_equal(csv_field(&r, 0), "x, y");
	assert_string_equal(csv_field(&r, 1), "say \"hi\"");
	assert_string_equal(csv_field(&r, 2), "");

	/* the blank line 3 is skipped; the record starts on line 4 and spans 2 */
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(line, 4);
	assert_string_equal(csv_field(&r, 0), "multi\nline");
	assert_string_equal(csv_field(&r, 1), "z");
	assert_string_equal(csv_field(&r, 7), "");
	assert_int_equal(csv_next(&r, &line), CSV_END);
	csv_finish(&r);
}

static void detects_delimiters(void **state)
{
	(void)state;
	char tab[] = "Forename\tSurname\nJack\tTurner\n";
	char semi[] = "Forename;Surname;\"a,b\"\nJack;Turner;x\n";
	struct csv_reader r;
	size_t line;
	csv_init(&r, tab, strlen(tab));
	assert_int_equal(r.delim, '\t');
	csv_next(&r, &line);
	csv_next(&r, &line);
	assert_string_equal(csv_field(&r, 1), "Turner");
	csv_finish(&r);
	csv_init(&r, semi, strlen(semi));
	assert_int_equal(r.delim, ';');
	csv_finish(&r);
}

static void unterminated_quote(void **state)
{
	(void)state;
	char s[] = "a,b\n\"open,c\nmore\n";
	struct csv_reader r;
	csv_init(&r, s, strlen(s));
	size_t line;
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(csv_next(&r, &line), CSV_UNTERMINATED);
	assert_int_equal(line, 2);
	assert_string_equal(csv_field(&r, 0), "open,c\nmore\n");
	assert_int_equal(csv_next(&r, &line), CSV_END);
	csv_finish(&r);
}

static void lenient_stray_quotes(void **state)
{
	(void)state;
	char s[] = "5\" tall,\"a\"b\n";
	struct csv_reader r;
	csv_init(&r, s, strlen(s));
	size_t line;
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_string_equal(csv_field(&r, 0), "5\" tall");
	assert_string_equal(csv_field(&r, 1), "ab");
	csv_finish(&r);
}

/* Fields are ended in place: over the delimiter, the line end, or the
 * terminator after the last byte; quoted ones unescaped where they stand. */
static void in_place_edges(void **state)
{
	(void)state;
	char s[] = "\"a\"\"b\"x,c\r\n\"\"\"\",d\0e,f,\rlast,";
	struct csv_reader r;
	csv_init(&r, s, sizeof(s) - 1);
	size_t line;
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(r.count, 2);
	assert_string_equal(csv_field(&r, 0), "a\"bx");
	assert_string_equal(csv_field(&r, 1), "c");
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(line, 2);
	assert_int_equal(r.count, 4);
	assert_string_equal(csv_field(&r, 0), "\"");
	assert_string_equal(csv_field(&r, 1), "d"); /* "d\0e": a NUL ends the string */
	assert_string_equal(csv_field(&r, 2), "f");
	assert_string_equal(csv_field(&r, 3), "");
	assert_int_equal(csv_next(&r, &line), CSV_RECORD);
	assert_int_equal(line, 3);
	assert_int_equal(r.count, 2);
	assert_string_equal(csv_field(&r, 0), "last");
	assert_string_equal(csv_field(&r, 1), "");
	assert_int_equal(csv_next(&r, &line), CSV_END);
	csv_finish(&r);
}

static void converts_encodings(void **state)
{
	(void)state;
	size_t n;
	enum source_encoding e;
	char *s = encoding_to_utf8("\xEF\xBB\xBF" "Chlo\xC3\xAB", 9, &n, &e);
	assert_int_equal(e, ENC_UTF8_BOM);
	assert_string_equal(s, "Chloë");
	free(s);
	s = encoding_to_utf8("Chlo\xEB O\x92Neill \x80", 16, &n, &e);
	assert_int_equal(e, ENC_WINDOWS_1252);
	assert_string_equal(s, "Chloë O’Neill €");
	free(s);
	s = encoding_to_utf8("\xFF\xFE" "J\0\x01\x01" "=\xD8\x00\xDE", 10, &n, &e);
	assert_int_equal(e, ENC_UTF16LE);
	assert_string_equal(s, "Jā😀");
	free(s);
	s = encoding_to_utf8("\xFE\xFF\0J\xD8\x3D", 6, &n, &e);
	assert_int_equal(e, ENC_UTF16BE);
	assert_string_equal(s, "J\xEF\xBF\xBD"); /* a lone surrogate becomes U+FFFD */
	free(s);
	s = encoding_to_utf8("plain", 5, &n, &e);
	assert_int_equal(e, ENC_UTF8);
	assert_int_equal(n, 5);
	free(s);
}

static void validates_utf8(void **state)
{
	(void)state;
	size_t bad;
	assert_true(utf8_valid("Chloë 😀", strlen("Chloë 😀"), &bad));
	assert_false(utf8_valid("ab\xC3(", 4, &bad));
	assert_int_equal(bad, 2);
	/* an encoded surrogate is not valid UTF-8 */
	assert_false(utf8_valid("\xED\xA0\x80", 3, &bad));
	assert_false(utf8_valid("\xC0\x80", 2, &bad));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_and_quoted_fields),
		cmocka_unit_test(detects_delimiters),
		cmocka_unit_test(unterminated_quote),
		cmocka_unit_test(lenient_stray_quotes),
		cmocka_unit_test(in_place_edges),
		cmocka_unit_test(converts_encodings),
		cmocka_unit_test(validates_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
