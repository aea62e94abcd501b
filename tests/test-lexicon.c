/* The lexicon format, and every shipped lexicon loading without a problem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lexicon.h"
#include "warning.h"

static void directives_and_overrides(void **state)
{
	(void)state;
	const char *s = "# comment\n"
			"@category derogatory\n"
			"@severity medium\n"
			"@message Rude.\n"
			"@inflect no-verbs\n"
			"\n"
			"numpty\n"
			"  bellend | severity=high | advice=Say something else. | inflect=no \n"
			"@category confidential\n"
			"@inflect yes\n"
			"@message\n"
			"off the record\r\n"
			"keep it quiet | category=work_detail | policy=Section 4\n"
			"@context school\n"
			"sacked\n"
			"social services | context=any\n"
			"sectioned | context=child\n"
			"@category child\n"
			"one of my boys\n"
			"@category group\n"
			"pensioners\n"
			"@category derogatory\n"
			"a drain on | context=group | inflect=first\n"
			"@category work_detail\n"
			"my line manager | context=concern\n"
			"@category confidential\n"
			"sworn to secrecy | context=secret\n";
	struct problems p;
	problems_init(&p);
	struct lexicon *l = lexicon_parse("t.txt", s, strlen(s), &p);
	assert_int_equal(p.count, 0);
	assert_int_equal(lexicon_count(l), 12);

	const struct lexicon_entry *e = lexicon_entry(l, 0);
	assert_string_equal(e->term, "numpty");
	assert_int_equal(e->line, 7);
	assert_int_equal(e->inflect, INFLECT_NO_VERBS);
	assert_int_equal(e->category, CAT_DEROGATORY);
	assert_int_equal(e->severity, SEV_MEDIUM);
	assert_string_equal(e->message, "Rude.");
	assert_null(e->advice);

	e = lexicon_entry(l, 1);
	assert_string_equal(e->term, "bellend");
	assert_int_equal(e->severity, SEV_HIGH);
	assert_string_equal(e->advice, "Say something else.");
	assert_int_equal(e->inflect, INFLECT_NO);

	e = lexicon_entry(l, 2);
	assert_string_equal(e->term, "off the record");
	assert_int_equal(e->category, CAT_CONFIDENTIAL);
	assert_null(e->message); /* an empty @message returns to the default */
	assert_int_equal(e->inflect, INFLECT_ALL);

	e = lexicon_entry(l, 3);
	assert_int_equal(e->category, CAT_WORK_DETAIL);
	assert_string_equal(e->policy, "Section 4");
	/* the override applied to that line only */
	assert_int_equal(lexicon_entry(l, 2)->category, CAT_CONFIDENTIAL);
	assert_int_equal(e->context, CONTEXT_ANY);

	/* @context school: warns only in a post about school */
	e = lexicon_entry(l, 4);
	assert_string_equal(e->term, "sacked");
	assert_int_equal(e->context, CONTEXT_SCHOOL);
	assert_int_equal(lexicon_entry(l, 5)->context, CONTEXT_ANY);
	/* context=child: only in a post about a particular child */
	assert_int_equal(lexicon_entry(l, 6)->context, CONTEXT_CHILD);
	assert_int_equal(lexicon_entry(l, 7)->category, CAT_CHILD);
	/* context=group: only in a post that names a protected group */
	assert_int_equal(lexicon_entry(l, 8)->category, CAT_GROUP);
	assert_int_equal(lexicon_entry(l, 9)->context, CONTEXT_GROUP);
	/* the first word's forms, not the last's */
	assert_int_equal(lexicon_entry(l, 9)->inflect, INFLECT_FIRST);
	/* context=concern: only beside something derogatory or confidential */
	assert_int_equal(lexicon_entry(l, 10)->context, CONTEXT_CONCERN);
	/* context=secret: a promise of secrecy, a hint over happy news */
	assert_int_equal(lexicon_entry(l, 11)->context, CONTEXT_SECRET);
	lexicon_destroy(l);
	problems_finish(&p);
}

static void errors_name_file_and_line(void **state)
{
	(void)state;
	const char *s = "early\n"
			"@category nonsense\n"
			"@category allow\n"
			"@colour red\n"
			"x | severity=huge\n"
			"y | nokey\n"
			"!!!\n"
			"ok\n"
			"bad \xC3(\n"
			"z | inflect=sometimes\n"
			"w | context=home\n";
	struct problems p;
	problems_init(&p);
	struct lexicon *l = lexicon_parse("bad.txt", s, strlen(s), &p);
	assert_int_equal(lexicon_count(l), 1);
	assert_string_equal(lexicon_entry(l, 0)->term, "ok");
	assert_int_equal(lexicon_entry(l, 0)->category, CAT_ALLOW);
	assert_int_equal(p.count, 9);
	assert_non_null(strstr(p.items[0], "bad.txt:1:"));
	assert_non_null(strstr(p.items[1], "bad.txt:2: unknown category 'nonsense'"));
	assert_non_null(strstr(p.items[2], "bad.txt:4: unknown setting 'colour'"));
	assert_non_null(strstr(p.items[3], "bad.txt:5: unknown severity 'huge'"));
	assert_non_null(strstr(p.items[4], "bad.txt:6: expected key=value"));
	assert_non_null(strstr(p.items[5], "bad.txt:7: the term has no letters"));
	assert_non_null(strstr(p.items[6], "bad.txt:9: not valid UTF-8"));
	assert_non_null(strstr(p.items[7], "bad.txt:10: inflect takes yes, no, no-verbs or first"));
	assert_non_null(strstr(p.items[8], "bad.txt:11: context takes school, child, group, concern, secret or any"));
	lexicon_destroy(l);
	problems_finish(&p);
	lexicon_destroy(NULL);
}

/* A term needs a word or a number to match: letters outside ASCII count,
 * dashes and stars alone do not. */
static void terms_need_a_word(void **state)
{
	(void)state;
	const char *s = "@category derogatory\n"
			"\xC3\xA9\xC3\xA9\n"     /* éé */
			"\xE2\x80\x94 *\n"        /* an em dash and a star */
			"\xE6\x97\xA5\xE6\x9C\xAC\n" /* 日本 */
			"4 x 4\n";
	struct problems p;
	problems_init(&p);
	struct lexicon *l = lexicon_parse("w.txt", s, strlen(s), &p);
	assert_int_equal(lexicon_count(l), 3);
	assert_string_equal(lexicon_entry(l, 0)->term, "\xC3\xA9\xC3\xA9");
	assert_string_equal(lexicon_entry(l, 1)->term, "\xE6\x97\xA5\xE6\x9C\xAC");
	assert_string_equal(lexicon_entry(l, 2)->term, "4 x 4");
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "w.txt:3: the term has no letters"));
	lexicon_destroy(l);
	problems_finish(&p);
}

/* The real loader over every file we ship: a lexicon that does not load
 * cleanly is a failing test, not a surprise on a teacher's laptop. */
static void shipped_lexicons_load_cleanly(void **state)
{
	(void)state;
	char *dir = source_path("lexicons");
	size_t n;
	int err;
	char **files = lexicon_list_dir(dir, &n, &err);
	assert_non_null(files);
	assert_true(n >= 4);
	size_t terms = 0;
	for (size_t i = 0; i < n; i++) {
		struct problems p;
		problems_init(&p);
		struct lexicon *l = lexicon_load(files[i], &p);
		assert_non_null(l);
		for (size_t k = 0; k < p.count; k++)
			fprintf(stderr, "%s\n", p.items[k]);
		assert_int_equal(p.count, 0);
		assert_true(lexicon_count(l) > 0);
		terms += lexicon_count(l);
		lexicon_destroy(l);
		problems_finish(&p);
	}
	assert_true(terms > 100);
	lexicon_free_list(files, n);
	free(dir);
}

static void lists_only_txt_files_sorted(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	free(write_temp_str(dir, "b.txt", "@category allow\nx\n"));
	free(write_temp_str(dir, "a.txt", "@category allow\ny\n"));
	free(write_temp_str(dir, "README.md", "not a lexicon"));
	free(write_temp_str(dir, ".hidden.txt", "@category allow\nz\n"));
	size_t n;
	int err;
	char **files = lexicon_list_dir(dir, &n, &err);
	assert_int_equal(n, 2);
	assert_non_null(strstr(files[0], "/a.txt"));
	assert_non_null(strstr(files[1], "/b.txt"));
	lexicon_free_list(files, n);
	assert_null(lexicon_list_dir("/nonexistent/prepost", &n, &err));
	assert_int_equal(n, 0);
	assert_int_not_equal(err, 0);
	tmpdir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(directives_and_overrides),
		cmocka_unit_test(errors_name_file_and_line),
		cmocka_unit_test(terms_need_a_word),
		cmocka_unit_test(shipped_lexicons_load_cleanly),
		cmocka_unit_test(lists_only_txt_files_sorted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
