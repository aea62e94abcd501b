/* Runs tests/data/classify/cases.txt: each line a text and exactly the
 * warnings at medium or above it must get. Every mismatch is printed
 * before the test fails, so one run shows the whole picture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "helpers.h"
#include "util.h"

/* Formats the medium-and-above warnings as the case file writes them. */
static void describe(const char *text, const struct warnings *w, struct buf *out)
{
	out->len = 0;
	for (size_t i = 0; i < w->count; i++) {
		const struct warning *x = &w->items[i];
		if (x->severity < SEV_MEDIUM)
			continue;
		if (out->len)
			buf_append(out, " | ", 3);
		buf_printf(out, "%s:%s:%.*s", severity_name((enum severity)x->severity),
			   category_name((enum category)x->category), (int)(x->end - x->start),
			   text + x->start);
	}
	if (!out->len)
		buf_append(out, "clean", 5);
	buf_cstr(out);
}

static void cases(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	free(private_copy(dir, "tests/data/classify/roster.csv"));
	free(private_copy(dir, "tests/data/classify/staff.csv"));
	char *cfg_path = private_copy(dir, "tests/data/classify/config.json");
	char *lex = source_path("lexicons");
	char *cases_path = source_path("tests/data/classify/cases.txt");
	struct problems problems;
	problems_init(&problems);
	struct config *cfg = config_load(cfg_path, &problems);
	struct classifier *c = classifier_create(cfg, lex, &problems);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(stderr, "problem: %s\n", problems.items[i]);
	assert_int_equal(problems.count, 0);

	char *data;
	size_t len;
	assert_int_equal(read_file(cases_path, 1 << 20, &data, &len), 0);
	struct warnings w;
	warnings_init(&w);
	struct buf got;
	buf_init(&got);
	size_t line = 0, run = 0, failed = 0;
	for (char *save = NULL, *l = strtok_r(data, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		line++;
		/* a comment has no tab; a case may start with a hashtag */
		char *tab = strchr(l, '\t');
		if ((l[0] == '#' && !tab) || l[0] == '\0')
			continue;
		assert_non_null(tab);
		*tab = '\0';
		const char *expected = tab + 1;
		classifier_check(c, l, strlen(l), &w);
		describe(l, &w, &got);
		run++;
		if (strcmp(got.data, expected) != 0) {
			failed++;
			printf("cases.txt: %s\n  expected: %s\n  got:      %s\n", l, expected, got.data);
		}
	}
	printf("%zu cases, %zu failed\n", run, failed);
	assert_true(run > 50);
	assert_int_equal(failed, 0);

	buf_finish(&got);
	warnings_finish(&w);
	free(data);
	classifier_destroy(c);
	config_destroy(cfg);
	problems_finish(&problems);
	free(cfg_path);
	free(lex);
	free(cases_path);
	tmpdir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
