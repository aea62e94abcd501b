/* Misspellings of lexicon words: which are made, which are left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "match.h"
#include "warning.h"
#include "morphology.h"
#include "text.h"
#include "typos.h"
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

static uint32_t find(const struct typos *t, const char *s)
{
	return typos_find(t, s, strlen(s), text_hash(s, strlen(s)));
}

static void misspellings(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	static const char *const words[] = {"idiot", "stupid", "cunt", "investigated", "sectioned",
					    "ofsted", "bugger", "behaviour", "slag", "brat", "prat"};
	uint32_t id[ARRAY_SIZE(words)];
	struct payload p = {.category = CAT_DEROGATORY, .severity = SEV_MEDIUM};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		match_dict_add(d, words[i], strlen(words[i]), &p, 0);
		id[i] = match_dict_token(d, words[i], strlen(words[i]),
					 text_hash(words[i], strlen(words[i])));
	}
	struct typos *t = typos_create();
	/* insults with vowels swapped, the others without */
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		typos_note(t, words[i], strlen(words[i]), id[i], i < 3 || i >= 6);
	/* a roster name is a token too: no misspelling may be one */
	typos_build(t, m, d);
	assert_true(typos_count(t) > 100);

	/* swapped, doubled, a double made single, a vowel, a letter left out */
	assert_int_equal(find(t, "idoit"), id[0]);
	assert_int_equal(find(t, "stupud"), id[1]);
	assert_int_equal(find(t, "cnut"), id[2]);
	assert_int_equal(find(t, "invesitgated"), id[3]);
	assert_int_equal(find(t, "sectiond"), id[4]);
	assert_int_equal(find(t, "offsted"), id[5]);
	assert_int_equal(find(t, "slagg"), id[8]);

	/* words of English and proper nouns are not misspellings: "part" (a
	 * swap of "prat"), "bigger" (a vowel of "bugger", a consonant doubled
	 * before -er), "bart" (of "brat") and the American "behavior" */
	assert_int_equal(find(t, "brta"), id[9]);
	assert_int_equal(find(t, "part"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, "bigger"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, "bart"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, "behavior"), MATCH_NO_TOKEN);
	/* the words themselves, and a vowel swap of a word not an insult */
	assert_int_equal(find(t, "idiot"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, "ofstid"), MATCH_NO_TOKEN);
	/* the first letter stays: "tupid" is no one's */
	assert_int_equal(find(t, "tsupid"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, ""), MATCH_NO_TOKEN);
	typos_destroy(t);
	match_dict_destroy(d);
}

/* A misspelling two words share stands for neither. */
static void shared_misspelling(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	struct payload p = {.category = CAT_DEROGATORY, .severity = SEV_MEDIUM};
	match_dict_add(d, "muppet", 6, &p, 0);
	match_dict_add(d, "moppet", 6, &p, 0);
	uint32_t a = match_dict_token(d, "muppet", 6, text_hash("muppet", 6));
	uint32_t b = match_dict_token(d, "moppet", 6, text_hash("moppet", 6));
	struct typos *t = typos_create();
	typos_note(t, "muppet", 6, a, true);
	typos_note(t, "moppet", 6, b, true);
	typos_build(t, m, d);
	/* "mippet" is a vowel for another in both; "mupet" only muppet with a
	 * double made single */
	assert_int_equal(find(t, "mippet"), MATCH_NO_TOKEN);
	assert_int_equal(find(t, "mupet"), a);
	assert_int_equal(find(t, "mopet"), b);
	typos_destroy(t);
	match_dict_destroy(d);
	typos_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(misspellings),
		cmocka_unit_test(shared_misspelling),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
