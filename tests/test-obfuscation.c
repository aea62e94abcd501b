/* The forms the obfuscation scanner proposes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "obfuscation.h"

struct seen {
	char list[1024];
};

static void add(const struct obfuscated *o, void *ctx)
{
	struct seen *s = ctx;
	char one[128];
	snprintf(one, sizeof(one), "%.*s@%u-%u ", (int)o->len, o->form, o->start, o->end);
	strcat(s->list, one);
}

static const char *proposals(const char *text)
{
	static struct seen s;
	struct tokens t;
	struct buf b;
	tokens_init(&t);
	buf_init(&b);
	s.list[0] = '\0';
	text_tokenize(&t, text, strlen(text));
	obfuscation_scan(text, strlen(text), &t, &b, add, &s);
	tokens_finish(&t);
	buf_finish(&b);
	return s.list;
}

static void leet_and_masks(void **state)
{
	(void)state;
	assert_string_equal(proposals("you 1d10t"), "idiot@4-9 ");
	assert_string_equal(proposals("sh!t!"), "shit@0-4 ");
	assert_string_equal(proposals("f***ing"), "f***ing@0-7 ");
	assert_string_equal(proposals("@ss"), "ass@0-3 ");
	assert_string_equal(proposals("#sh1t"), "shit@1-5 ");
}

static void stretched_and_spaced(void **state)
{
	(void)state;
	assert_string_equal(proposals("stuuuupid"), "stuuuupid@0-9 stupid@0-9 stuupid@0-9 ");
	/* a stretch beside a doubled letter: every run cut to one as well */
	assert_string_equal(proposals("Fuuckkkk"), "fuuckkkk@0-8 fuuck@0-8 fuuckk@0-8 fuck@0-8 ");
	assert_string_equal(proposals("Sooo good"), "sooo@0-4 so@0-4 soo@0-4 ");
	/* a first "a" or "i" may be a word of its own: "is a p r i c k" */
	assert_string_equal(proposals("i d i o t"), "idiot@0-9 diot@2-9 ");
	assert_string_equal(proposals("is a p r i c k"), "aprick@3-14 prick@5-14 ");
	assert_string_equal(proposals("a b c"), "abc@0-5 ");
	assert_string_equal(proposals("s.t.u.p.i.d"), "stupid@0-11 stupid@0-11 ");
}

static void ordinary_text_proposes_nothing(void **state)
{
	(void)state;
	assert_string_equal(proposals("Scunthorpe cockpit assassin passport grapes"), "");
	assert_string_equal(proposals("Year 6 won 3-1 at 10:30 for £12.50"), "");
	assert_string_equal(proposals("a b"), "");
	assert_string_equal(proposals(""), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(leet_and_masks),
		cmocka_unit_test(stretched_and_spaced),
		cmocka_unit_test(ordinary_text_proposes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
