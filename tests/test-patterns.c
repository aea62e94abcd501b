/* Personal-data validators, and pattern matches with their limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "patterns.h"
#include "util.h"

static void upn_check_letter(void **state)
{
	(void)state;
	/* the DfE's own examples */
	assert_true(upn_valid("B801200005001"));
	assert_true(upn_valid("P207000016049"));
	assert_true(upn_valid("b801200005001"));
	assert_false(upn_valid("A801200005001"));
	assert_false(upn_valid("P207000016048"));
	assert_false(upn_valid("B80120000500"));
	assert_false(upn_valid("B8012000050x1"));
}

static void luhn(void **state)
{
	(void)state;
	assert_true(luhn_valid("4111111111111111"));
	assert_true(luhn_valid("378282246310005"));
	assert_false(luhn_valid("4111111111111112"));
	assert_false(luhn_valid(""));
}

static void ni_numbers(void **state)
{
	(void)state;
	assert_true(ni_number_valid("AB123456C"));
	assert_true(ni_number_valid("JG103759A"));
	assert_false(ni_number_valid("QQ123456C")); /* Q never first */
	assert_false(ni_number_valid("AO123456C")); /* O never second */
	assert_false(ni_number_valid("GB123456A")); /* not allocated */
	assert_false(ni_number_valid("NK123456A"));
	assert_false(ni_number_valid("AB123456E")); /* suffix A-D */
	assert_false(ni_number_valid("AB12345C"));
}

struct hits {
	struct pattern_hit h[16];
	size_t n;
};

static void collect(const struct pattern_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	if (hs->n < 16)
		hs->h[hs->n++] = *h;
}

static void scan(struct patterns *p, const char *text, struct hits *hs)
{
	hs->n = 0;
	patterns_scan(p, text, strlen(text), collect, hs);
}

static void phones_and_lookalikes(void **state)
{
	(void)state;
	struct problems pr;
	problems_init(&pr);
	struct config *c = config_defaults();
	struct patterns *p = patterns_create(c, &pr);
	assert_int_equal(pr.count, 0);
	struct hits hs;
	static const char *const phones[] = {
		"07700 900123", "07700900123", "07700-900-123", "+447700900123",
		"+44 7700 900123", "0044 7700 900123", "0113 496 0000", "020 7946 0018",
		"+44 (0)20 7946 0018",
	};
	for (size_t i = 0; i < ARRAY_SIZE(phones); i++) {
		scan(p, phones[i], &hs);
		assert_int_equal(hs.n, 1);
		assert_int_equal(hs.h[0].label, PL_PHONE);
		assert_int_equal(hs.h[0].end - hs.h[0].start, strlen(phones[i]));
	}
	static const char *const clean[] = {
		"3-1", "2024", "£12.50", "room 12", "10:30", "07/03/2024", "0800 1111",
		"the 1990s", "call 999", "ISBN 0140449132", "v1.2.3", "12-14 June",
	};
	for (size_t i = 0; i < ARRAY_SIZE(clean); i++) {
		scan(p, clean[i], &hs);
		assert_int_equal(hs.n, 0);
	}
	patterns_destroy(p);
	config_destroy(c);
	problems_finish(&pr);
}

static void school_email_is_higher(void **state)
{
	(void)state;
	struct problems pr;
	problems_init(&pr);
	struct config *c = config_defaults();
	c->email_domains.v = xmalloc(sizeof(char *));
	c->email_domains.v[0] = xstrdup("oakfield.sch.uk");
	c->email_domains.n = 1;
	struct patterns *p = patterns_create(c, &pr);
	struct hits hs;
	scan(p, "a.b@oakfield.sch.uk and c@gmail.com and d@notoakfield.sch.uk", &hs);
	assert_int_equal(hs.n, 3);
	assert_int_equal(hs.h[0].severity, SEV_HIGH);
	assert_int_equal(hs.h[1].severity, SEV_MEDIUM);
	assert_int_equal(hs.h[2].severity, SEV_MEDIUM);
	patterns_destroy(p);
	config_destroy(c);
	problems_finish(&pr);
}

static void survives_hostile_input(void **state)
{
	(void)state;
	struct problems pr;
	problems_init(&pr);
	struct config *c = config_defaults();
	struct patterns *p = patterns_create(c, &pr);
	/* long runs of near-misses and invalid UTF-8 end quickly and safely */
	size_t n = 200000;
	char *s = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "0 1-\xff@a."[i % 8];
	s[n] = '\0';
	struct hits hs;
	hs.n = 0;
	patterns_scan(p, s, n, collect, &hs);
	free(s);
	patterns_destroy(p);
	config_destroy(c);
	problems_finish(&pr);
	patterns_destroy(NULL);
}

static void add_pattern(struct config *c, const char *re, unsigned cat, enum severity sev)
{
	c->patterns = xrealloc(c->patterns, (c->pattern_count + 1) * sizeof(*c->patterns));
	c->patterns[c->pattern_count++] = (struct config_pattern){
		.pattern = xstrdup(re), .category = cat, .severity = sev};
}

static void school_patterns(void **state)
{
	(void)state;
	struct problems pr;
	problems_init(&pr);
	struct config *c = config_defaults();
	add_pattern(c, "\\bSTF-\\d{5}\\b", CAT_PERSONAL_DATA, SEV_HIGH);
	add_pattern(c, "(a+)+$", CAT_DEROGATORY, SEV_LOW);
	add_pattern(c, "(\\w+\\s?)+$", CAT_DEROGATORY, SEV_LOW);
	add_pattern(c, "x*", CAT_DEROGATORY, SEV_LOW);
	add_pattern(c, "(unclosed", CAT_DEROGATORY, SEV_LOW);
	add_pattern(c, "Wiśniewsk[ai]", CAT_PUPIL_NAME, SEV_HIGH);
	struct patterns *p = patterns_create(c, &pr);
	/* two catastrophic, one empty, one broken: each reported, left out */
	assert_int_equal(pr.count, 4);
	assert_non_null(strstr(pr.items[0], "patterns[1] is left out: it backtracks"));
	assert_non_null(strstr(pr.items[1], "patterns[2] is left out: it backtracks"));
	assert_non_null(strstr(pr.items[2], "patterns[3] is left out: it matches empty text"));
	assert_non_null(strstr(pr.items[3], "patterns[4] does not compile: missing closing"));

	struct hits hs;
	const char *t = "id STF-12345 for Wiśniewska \xff aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
	scan(p, t, &hs);
	assert_int_equal(hs.n, 2);
	assert_int_equal(hs.h[0].custom, 1);
	assert_int_equal(hs.h[0].severity, SEV_HIGH);
	assert_memory_equal(t + hs.h[0].start, "STF-12345", 9);
	assert_int_equal(hs.h[1].custom, 6);
	assert_int_equal(hs.h[1].category, CAT_PUPIL_NAME);
	assert_memory_equal(t + hs.h[1].start, "Wiśniewska", hs.h[1].end - hs.h[1].start);
	/* invalid UTF-8 is no error for a school's UTF-8 pattern */
	scan(p, "\xc3\x28 Wiśniewski \xed\xa0\x80", &hs);
	assert_int_equal(hs.n, 1);
	patterns_destroy(p);
	config_destroy(c);
	problems_finish(&pr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(upn_check_letter),
		cmocka_unit_test(luhn),
		cmocka_unit_test(ni_numbers),
		cmocka_unit_test(phones_and_lookalikes),
		cmocka_unit_test(school_email_is_higher),
		cmocka_unit_test(survives_hostile_input),
		cmocka_unit_test(school_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
