/* What hunspell tells the classifier while lists load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "morphology.h"
#include "util.h"

static struct morphology *m;

static int setup(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	m = morphology_create(&p);
	int ok = p.count == 0 && morphology_dictionary(m) != NULL;
	problems_finish(&p);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	morphology_destroy(m);
	return 0;
}

static void ordinary_words(void **state)
{
	(void)state;
	const char *words[] = {"hope", "daisy", "may", "bill", "ivy", "sky", "mark", "frank",
			       "green", "baker"};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		assert_true(morphology_is_word(m, words[i]));
	const char *names[] = {"oluwadamilare", "nwachukwu", "wisniewski", "okafor", "mia"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		assert_false(morphology_is_word(m, names[i]));
	assert_false(morphology_is_word(m, ""));
}

struct forms {
	char list[512];
};

static void add(const char *form, void *ctx)
{
	struct forms *f = ctx;
	strcat(f->list, form);
	strcat(f->list, " ");
}

static void inflections(void **state)
{
	(void)state;
	struct forms f = {""};
	morphology_inflect(m, "idiot", add, &f);
	assert_non_null(strstr(f.list, "idiots "));
	f.list[0] = '\0';
	morphology_inflect(m, "moron", add, &f);
	assert_non_null(strstr(f.list, "morons "));
	f.list[0] = '\0';
	morphology_inflect(m, "numpty", add, &f);
	assert_non_null(strstr(f.list, "numpties "));
	f.list[0] = '\0';
	morphology_inflect(m, "wanker", add, &f);
	assert_non_null(strstr(f.list, "wankers "));
	/* never an invented spelling the dictionary does not know */
	f.list[0] = '\0';
	morphology_inflect(m, "exclude", add, &f);
	assert_non_null(strstr(f.list, "excluded "));
	assert_non_null(strstr(f.list, "excluding "));
	assert_null(strstr(f.list, "excludes s"));
	/* unknown slang: the plain plural only */
	f.list[0] = '\0';
	morphology_inflect(m, "bellend", add, &f);
	assert_string_equal(f.list, "bellends ");
	/* too short to inflect safely */
	f.list[0] = '\0';
	morphology_inflect(m, "ok", add, &f);
	assert_string_equal(f.list, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ordinary_words),
		cmocka_unit_test(inflections),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
