/* What hunspell tells the classifier while lists load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "helpers.h"
#include "morphology.h"
#include "util.h"

static struct morphology *m;
static char *cache;

static int setup(void **state)
{
	(void)state;
	m = morphology_fixture_create(&cache);
	return m ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	morphology_fixture_destroy(m, cache);
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

/* The inflections of word, space-separated with a space after each. */
static const char *forms_of(const char *word)
{
	static struct forms f;
	f.list[0] = '\0';
	morphology_inflect(m, word, add, &f);
	return f.list;
}

static void inflections(void **state)
{
	(void)state;
	assert_non_null(strstr(forms_of("idiot"), "idiots "));
	assert_non_null(strstr(forms_of("moron"), "morons "));
	assert_non_null(strstr(forms_of("numpty"), "numpties "));
	assert_non_null(strstr(forms_of("wanker"), "wankers "));
	/* never an invented spelling the dictionary does not know */
	const char *f = forms_of("exclude");
	assert_non_null(strstr(f, "excluded "));
	assert_non_null(strstr(f, "excluding "));
	assert_null(strstr(f, "excludes s"));
	/* superlatives as well as comparatives: "the dumbest idea" */
	f = forms_of("dumb");
	assert_non_null(strstr(f, "dumber "));
	assert_non_null(strstr(f, "dumbest "));
	assert_non_null(strstr(forms_of("ugly"), "ugliest "));
	assert_non_null(strstr(forms_of("fat"), "fattest "));
	assert_null(strstr(forms_of("idiot"), "est "));
	/* a noun in -ing has its plural where en_GB gives none (warning/M),
	 * and only once where it does */
	assert_non_null(strstr(forms_of("warning"), "warnings "));
	f = forms_of("meeting");
	assert_non_null(strstr(f, "meetings "));
	assert_null(strstr(strstr(f, "meetings ") + 1, "meetings "));
	/* unknown slang: the plain plural only */
	assert_string_equal(forms_of("bellend"), "bellends ");
	/* too short to inflect safely */
	assert_string_equal(forms_of("ok"), "");
}

static void noop(const char *form, void *ctx)
{
	(void)form;
	(void)ctx;
}

/* The cache makes a second start answer without hunspell; a damaged or
 * foreign cache is ignored and rewritten. */
static void inflection_cache(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	setenv("PREPOST_CACHE_DIR", dir, 1);
	struct problems p;
	problems_init(&p);

	struct morphology *a = morphology_create(&p);
	struct forms f = {""};
	morphology_inflect(a, "idiot", add, &f);
	assert_true(morphology_used_hunspell(a));
	morphology_destroy(a);
	char *path = xasprintf("%s/morphology-v3", dir);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	struct morphology *b = morphology_create(&p);
	struct forms g = {""};
	morphology_inflect(b, "idiot", add, &g);
	assert_false(morphology_used_hunspell(b));
	assert_string_equal(f.list, g.list);
	morphology_destroy(b);

	/* a cache from another dictionary is not trusted */
	free(write_temp_str(dir, "morphology-v3",
			    "prepost-morphology 2 0000000000000000 0000000000000001\nidiot\tnonsense\n"));
	struct morphology *c = morphology_create(&p);
	struct forms h = {""};
	morphology_inflect(c, "idiot", add, &h);
	assert_true(morphology_used_hunspell(c));
	assert_string_equal(f.list, h.list);
	morphology_destroy(c);

	/* nor is a damaged one: what parses before the damage is kept */
	char *data;
	size_t len;
	assert_int_equal(read_file(path, 1 << 20, &data, &len), 0);
	char *broken = xasprintf("%s\x01broken line without a tab\n", data);
	free(write_temp_str(dir, "morphology-v3", broken));
	struct morphology *d = morphology_create(&p);
	morphology_inflect(d, "idiot", noop, NULL);
	assert_false(morphology_used_hunspell(d));
	morphology_destroy(d);
	free(broken);
	assert_int_equal(read_file(path, 1 << 20, &broken, &len), 0);
	assert_null(strstr(broken, "broken line"));
	/* names asked about appear only as salted hashes */
	struct morphology *e = morphology_create(&p);
	assert_true(morphology_is_word(e, "baker"));
	assert_false(morphology_is_word(e, "oluwadamilare"));
	morphology_destroy(e);
	free(broken);
	assert_int_equal(read_file(path, 1 << 20, &broken, &len), 0);
	assert_null(strstr(broken, "baker"));
	assert_non_null(strstr(broken, "\n="));

	assert_int_equal(p.count, 0);
	problems_finish(&p);
	free(broken);
	free(data);
	free(path);
	setenv("PREPOST_CACHE_DIR", cache, 1);
	tmpdir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ordinary_words),
		cmocka_unit_test(inflections),
		cmocka_unit_test(inflection_cache),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
