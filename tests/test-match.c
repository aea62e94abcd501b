/* The phrase dictionary: tokens, trie steps, payloads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "match.h"
#include "text.h"

static uint32_t tok(const struct match_dict *d, const char *s)
{
	return match_dict_token(d, s, strlen(s), text_hash(s, strlen(s)));
}

/* Walks the folded words of phrase (space-separated) from the root. */
static uint32_t walk(const struct match_dict *d, const char *phrase)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", phrase);
	uint32_t node = MATCH_ROOT;
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		uint32_t id = tok(d, w);
		if (id == MATCH_NO_TOKEN)
			return MATCH_NO_NODE;
		node = match_dict_step(d, node, id);
		if (node == MATCH_NO_NODE)
			return node;
	}
	return node;
}

static void adds_and_finds_phrases(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	struct payload a = {.category = 1, .kind = 2, .severity = 3, .label = 4};
	struct payload b = {.category = 5, .kind = 0, .severity = 2, .label = 5};
	assert_int_equal(match_dict_add(d, "Jack Turner", 11, &a, 0), 2);
	assert_int_equal(match_dict_add(d, "Jack", 4, &b, 0), 1);
	assert_int_equal(match_dict_add(d, "  ", 2, &b, 0), 0);
	match_dict_freeze(d);

	assert_int_equal(match_dict_phrase_count(d), 2);
	size_t n;
	const struct payload *p = match_dict_payloads(d, walk(d, "jack turner"), &n);
	assert_int_equal(n, 1);
	assert_memory_equal(p, &a, sizeof(a));
	p = match_dict_payloads(d, walk(d, "jack"), &n);
	assert_int_equal(n, 1);
	assert_int_equal(p->category, 5);
	assert_int_equal(tok(d, "turnerx"), MATCH_NO_TOKEN);
	/* "turner" is a token but no phrase starts with it */
	assert_int_not_equal(tok(d, "turner"), MATCH_NO_TOKEN);
	assert_int_equal(match_dict_step(d, MATCH_ROOT, tok(d, "turner")), MATCH_NO_NODE);
	match_dict_destroy(d);
}

static void joined_form(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	struct payload a = {.category = 0, .kind = 2, .severity = 3};
	match_dict_add(d, "Mia Chen", 8, &a, MATCH_ADD_JOINED);
	match_dict_add(d, "O'Neill", 7, &a, MATCH_ADD_JOINED);
	match_dict_freeze(d);
	size_t n;
	assert_non_null(match_dict_payloads(d, walk(d, "miachen"), &n));
	assert_non_null(match_dict_payloads(d, walk(d, "oneill"), &n));
	assert_non_null(match_dict_payloads(d, walk(d, "o neill"), &n));
	match_dict_destroy(d);
}

static void deduplicates_payloads(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	struct payload a = {.category = 0, .kind = 3, .severity = 2};
	struct payload b = {.category = 1, .kind = 3, .severity = 2};
	for (int i = 0; i < 50; i++)
		match_dict_add(d, "Jack", 4, &a, 0);
	match_dict_add(d, "JACK", 4, &b, 0);
	match_dict_freeze(d);
	size_t n;
	const struct payload *p = match_dict_payloads(d, walk(d, "jack"), &n);
	assert_int_equal(n, 2);
	assert_int_equal(p[0].category, 0);
	assert_int_equal(p[1].category, 1);
	match_dict_destroy(d);
}

/* Tables grow past their first size, whether that is the smallest or one
 * asked for; a dictionary sized ahead holds the same phrases in no less
 * room than it would have grown to. */
static void grows_past_initial_tables(void **state)
{
	(void)state;
	struct match_dict *ds[] = {match_dict_create(), match_dict_create_sized(3000, 500),
				   match_dict_create_sized(100000, 50000)};
	size_t memory[3];
	for (size_t k = 0; k < 3; k++) {
		struct match_dict *d = ds[k];
		struct payload a = {.severity = 3};
		char name[64];
		for (int i = 0; i < 20000; i++) {
			snprintf(name, sizeof(name), "fore%d sur%d", i, i * 7);
			match_dict_add(d, name, strlen(name), &a, 0);
		}
		match_dict_freeze(d);
		assert_int_equal(match_dict_phrase_count(d), 20000);
		size_t n;
		assert_non_null(match_dict_payloads(d, walk(d, "fore12345 sur86415"), &n));
		assert_int_equal(walk(d, "fore12345 sur86416"), MATCH_NO_NODE);
		memory[k] = match_dict_memory(d);
		match_dict_destroy(d);
	}
	assert_int_equal(memory[1], memory[0]);
	assert_true(memory[2] > memory[0]);
}

static void refuses_overlong_phrases(void **state)
{
	(void)state;
	struct match_dict *d = match_dict_create();
	struct payload a = {.severity = 1};
	const char *s = "a b c d e f g h i j k l m n o p q";
	assert_int_equal(match_dict_add(d, s, strlen(s), &a, 0), 0);
	match_dict_freeze(d);
	assert_int_equal(match_dict_phrase_count(d), 0);
	match_dict_destroy(d);
	match_dict_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adds_and_finds_phrases),
		cmocka_unit_test(joined_form),
		cmocka_unit_test(deduplicates_payloads),
		cmocka_unit_test(grows_past_initial_tables),
		cmocka_unit_test(refuses_overlong_phrases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
