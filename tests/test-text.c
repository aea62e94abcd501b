/* Tokenising and folding: what a text is broken into, and that every token
 * maps back to the exact bytes of the original. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lexicon.h"
#include "problems.h"
#include "text.h"

/* Folds s and returns the tokens joined by '|'. */
static char *tokens_of(const char *s)
{
	static char out[1024];
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, strlen(s));
	out[0] = '\0';
	for (size_t i = 0; i < t.count; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, token_text(&t, &t.items[i]), t.items[i].norm_len);
	}
	tokens_finish(&t);
	return out;
}

static void folds_case_and_accents(void **state)
{
	(void)state;
	assert_string_equal(tokens_of("Chloë"), "chloe");
	assert_string_equal(tokens_of("Seán"), "sean");
	assert_string_equal(tokens_of("WIŚNIEWSKI"), "wisniewski");
	assert_string_equal(tokens_of("Łukasz Søren"), "lukasz|soren");
	assert_string_equal(tokens_of("Straße"), "strasse");
	/* decomposed input folds the same as precomposed */
	assert_string_equal(tokens_of("Chloe\xCC\x88"), "chloe");
	/* compatibility forms: full-width letters and ligatures */
	assert_string_equal(tokens_of("\xEF\xBC\xAA\xEF\xBD\x81\xEF\xBD\x83\xEF\xBD\x8B"), "jack");
	assert_string_equal(tokens_of("\xEF\xAC\x81nn"), "finn");
	/* a zero-width space inside a word does not split it */
	assert_string_equal(tokens_of("Ja\xE2\x80\x8B" "ck"), "jack");
}

static void splits_names_in_punctuation(void **state)
{
	(void)state;
	assert_string_equal(tokens_of("O'Neill"), "o|neill");
	assert_string_equal(tokens_of("O\xE2\x80\x99Neill"), "o|neill");
	assert_string_equal(tokens_of("Ellis-Bextor"), "ellis|bextor");
	assert_string_equal(tokens_of("Sam's"), "sam|s");
	assert_string_equal(tokens_of("Sam\xE2\x80\x99s"), "sam|s");
	assert_string_equal(tokens_of("@sam_okafor"), "sam|okafor");
	assert_string_equal(tokens_of("#MiaChen"), "mia|chen");
	assert_string_equal(tokens_of("ALFIE KHAN"), "alfie|khan");
	assert_string_equal(tokens_of("oakfield.sch.uk"), "oakfield|sch|uk");
	assert_string_equal(tokens_of("Year 6, 6B."), "year|6|6b");
	assert_string_equal(tokens_of("  \t\n"), "");
	assert_string_equal(tokens_of(""), "");
}

static void offsets_map_back(void **state)
{
	(void)state;
	const char *s = "😀 Chloë's #MiaChen";
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, strlen(s));
	assert_int_equal(t.count, 4);
	/* "Chloë" starts after the 4-byte emoji and a space */
	assert_int_equal(t.items[0].start, 5);
	assert_int_equal(t.items[0].end, 5 + 6);
	assert_memory_equal(s + t.items[0].start, "Chloë", 6);
	assert_memory_equal(s + t.items[2].start, "Mia", 3);
	assert_memory_equal(s + t.items[3].start, "Chen", 4);
	assert_int_equal(t.items[3].end, strlen(s));
	/* gap flags */
	assert_true(t.items[0].gap & GAP_START);
	assert_true(t.items[1].gap & GAP_APOSTROPHE);
	assert_true(t.items[2].gap & GAP_HANDLE);
	assert_int_equal(t.items[3].gap, GAP_NONE);
	tokens_finish(&t);
}

static void records_case(void **state)
{
	(void)state;
	const char *s = "Jack jack JACK x A";
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, strlen(s));
	assert_int_equal(t.count, 5);
	assert_true(t.items[0].flags & TOKEN_UPPER_FIRST);
	assert_false(t.items[0].flags & TOKEN_ALL_UPPER);
	assert_false(t.items[1].flags & TOKEN_UPPER_FIRST);
	assert_true(t.items[2].flags & TOKEN_ALL_UPPER);
	/* one capital letter is not "all caps" */
	assert_false(t.items[4].flags & TOKEN_ALL_UPPER);
	tokens_finish(&t);
}

static void line_breaks_are_recorded(void **state)
{
	(void)state;
	const char *s = "Jack\nTurner. Oak";
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, strlen(s));
	assert_int_equal(t.count, 3);
	assert_true(t.items[1].gap & GAP_BREAK);
	assert_true(t.items[2].gap & GAP_STOP);
	assert_false(t.items[2].gap & GAP_BREAK);
	tokens_finish(&t);
}

static void invalid_utf8_separates(void **state)
{
	(void)state;
	const char s[] = "ja\xFF" "ck \xC3 x\xE2\x82";
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, sizeof(s) - 1);
	assert_int_equal(t.count, 3);
	assert_memory_equal(token_text(&t, &t.items[0]), "ja", 2);
	assert_memory_equal(token_text(&t, &t.items[1]), "ck", 2);
	assert_memory_equal(token_text(&t, &t.items[2]), "x", 1);
	tokens_finish(&t);

	/* NUL bytes are separators, not ends of text */
	const char z[] = "Jack\0Turner";
	tokens_init(&t);
	text_tokenize(&t, z, sizeof(z) - 1);
	assert_int_equal(t.count, 2);
	tokens_finish(&t);
}

static void fold_joins_with_spaces(void **state)
{
	(void)state;
	char *f = text_fold("  Seán  O'Neill ", 16);
	assert_string_equal(f, "sean o neill");
	free(f);
}

static void reuses_scratch(void **state)
{
	(void)state;
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, "a long text with several words in it", 36);
	size_t cap = t.cap;
	char *norm = t.norm;
	text_tokenize(&t, "short", 5);
	assert_int_equal(t.count, 1);
	assert_int_equal(t.cap, cap);
	assert_ptr_equal(t.norm, norm);
	tokens_finish(&t);
}

static void same_tokens(const struct tokens *a, const struct tokens *b)
{
	assert_int_equal(a->count, b->count);
	assert_int_equal(a->norm_len, b->norm_len);
	assert_memory_equal(a->norm, b->norm, a->norm_len);
	for (size_t i = 0; i < a->count; i++) {
		const struct token *x = &a->items[i], *y = &b->items[i];
		assert_int_equal(x->norm, y->norm);
		assert_int_equal(x->norm_len, y->norm_len);
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->hash, y->hash);
		assert_int_equal(x->flags, y->flags);
		assert_int_equal(x->gap, y->gap);
	}
}

/* A long text is tokenised in two parts on two threads: at every point
 * text_split_point() offers, the parts joined are the tokens of the whole. */
static void parts_join_to_the_whole(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"Hope Turner and DAISY COLE led the assembly. ", "end.\nNext line\r\n",
		"#MiaChen @sam_okafor Sam’s Ellis-Bextor O'Neill ", "Zoë\xCC\x88 Łukasz ",
		"f*ck sh!t s.t.u.p.i.d   i d i o t\t", "\xFF\xFE bad bytes 0x7f ",
		"Year 6 and 6B on 07700 900123! ", "…wait… what?? ", "\xC2\xA0nbsp\xC2\xA0",
		"ABC123def Ghi ", "\xF0\x9F\x98\x80 smile ",
	};
	char text[4096];
	size_t len = 0;
	for (int round = 0; round < 6; round++)
		for (size_t k = 0; k < sizeof(pieces) / sizeof(*pieces); k++) {
			size_t n = strlen(pieces[(k + (size_t)round) % (sizeof(pieces) / sizeof(*pieces))]);
			memcpy(text + len, pieces[(k + (size_t)round) % (sizeof(pieces) / sizeof(*pieces))],
			       n);
			len += n;
		}
	assert_true(len < sizeof(text));

	struct tokens whole, first, second;
	tokens_init(&whole);
	tokens_init(&first);
	tokens_init(&second);
	text_tokenize(&whole, text, len);
	size_t splits = 0;
	for (size_t at = 1; at < len; at++) {
		size_t s = text_split_point(text, len, at);
		if (!s)
			continue;
		assert_true(s >= at && s < len);
		splits++;
		text_tokenize_part(&first, text, 0, s);
		text_tokenize_part(&second, text, s, len);
		tokens_append(&first, &second);
		same_tokens(&first, &whole);
	}
	assert_true(splits > len / 2);
	/* never after punctuation, whose gap the next token must keep */
	assert_int_equal(text_split_point("end. Next", 9, 3), 0);
	assert_int_equal(text_split_point("end  Next", 9, 3), 3);
	assert_int_equal(text_split_point("end", 3, 0), 0);
	tokens_finish(&whole);
	tokens_finish(&first);
	tokens_finish(&second);
}

/* text_plain_words gives exactly the tokens text_tokenize gives, for
 * every term it takes: every shipped lexicon term and some made here. */
static void same_as_tokenised(const char *s, size_t *taken)
{
	const char *tok[16];
	uint32_t len[16];
	size_t n = text_plain_words(s, tok, len, 16);
	if (!n)
		return;
	(*taken)++;
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, strlen(s));
	if (t.count != n)
		fail_msg("\"%s\": %zu plain words, %zu tokens", s, n, t.count);
	for (size_t i = 0; i < n; i++)
		if (t.items[i].norm_len != len[i] ||
		    memcmp(token_text(&t, &t.items[i]), tok[i], len[i]) != 0)
			fail_msg("\"%s\": word %zu differs from its token", s, i);
	tokens_finish(&t);
}

static void plain_words_are_tokens(void **state)
{
	(void)state;
	const char *tok[16];
	uint32_t len[16];
	assert_int_equal(text_plain_words("safeguarding concern", tok, len, 16), 2);
	assert_int_equal(len[0], 12);
	assert_memory_equal(tok[1], "concern", 7);
	static const char *const refused[] = {
		"", " lead", "trail ", "two  spaces", "Ofsted", "year 6", "don't", "head-teacher",
		"caf\xc3\xa9", "a\tb", "<number> books",
		"a b c d e f g h i j k l m n o p q",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		if (text_plain_words(refused[i], tok, len, 16))
			fail_msg("\"%s\" taken as plain words", refused[i]);
	assert_int_equal(text_plain_words("a b c", tok, len, 2), 0);

	size_t taken = 0, terms = 0, nfiles;
	int err;
	char *dir = source_path("lexicons");
	char **files = lexicon_list_dir(dir, &nfiles, &err);
	assert_non_null(files);
	for (size_t f = 0; f < nfiles; f++) {
		struct problems p;
		problems_init(&p);
		struct lexicon *l = lexicon_load(files[f], &p);
		assert_non_null(l);
		for (size_t j = 0; j < lexicon_count(l); j++, terms++)
			same_as_tokenised(lexicon_entry(l, j)->term, &taken);
		lexicon_destroy(l);
		problems_finish(&p);
	}
	lexicon_free_list(files, nfiles);
	free(dir);
	/* most shipped terms are plain words, or the shortcut is pointless */
	assert_true(taken > terms / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folds_case_and_accents),
		cmocka_unit_test(splits_names_in_punctuation),
		cmocka_unit_test(offsets_map_back),
		cmocka_unit_test(records_case),
		cmocka_unit_test(line_breaks_are_recorded),
		cmocka_unit_test(invalid_utf8_separates),
		cmocka_unit_test(fold_joins_with_spaces),
		cmocka_unit_test(reuses_scratch),
		cmocka_unit_test(parts_join_to_the_whole),
		cmocka_unit_test(plain_words_are_tokens),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
