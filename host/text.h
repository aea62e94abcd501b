/* Tokenising with normalisation. A text (UTF-8, any bytes) becomes a list of
 * word tokens; each token keeps its folded form (NFKC, case-folded, accents
 * stripped, a few letters without decompositions mapped: ł→l, ø→o) and the
 * byte range of the original text it came from, so every match maps back to
 * the exact characters the user typed.
 *
 * Words are runs of letters, marks and digits. Apostrophes, hyphens,
 * underscores and other punctuation separate words, and so does a change from
 * lower to upper case inside a word, so that "@sam_okafor", "#MiaChen",
 * "Sam's" and "Ellis-Bextor" all yield the tokens a name is made of. The
 * gap flags record what stood between a token and the one before it. */
#ifndef PREPOST_TEXT_H
#define PREPOST_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum token_flag {
	TOKEN_UPPER_FIRST = 1 << 0, /* first letter was upper case */
	TOKEN_ALL_UPPER = 1 << 1,   /* two or more letters, all upper case */
	TOKEN_HAS_DIGIT = 1 << 2,
	TOKEN_HAS_LETTER = 1 << 3,
};

enum gap_flag {
	GAP_NONE = 0,              /* split by a case change only ("MiaChen") */
	GAP_SPACE = 1 << 0,        /* white space */
	GAP_APOSTROPHE = 1 << 1,   /* ' or ’ */
	GAP_HYPHEN = 1 << 2,       /* - or ‐ */
	GAP_CONNECTOR = 1 << 3,    /* _ . inside a handle or address */
	GAP_HANDLE = 1 << 4,       /* @ or # */
	GAP_STOP = 1 << 5,         /* a full stop (also inside domains: a.b) */
	GAP_BREAK = 1 << 8,        /* ! ? … or a line break: phrases never cross it */
	GAP_OTHER = 1 << 6,        /* any other punctuation or symbol */
	GAP_START = 1 << 7,        /* the token starts the text */
};

struct token {
	uint32_t norm;     /* offset of the folded form in tokens.norm */
	uint32_t norm_len; /* its length in bytes */
	uint32_t start;    /* byte range in the original text */
	uint32_t end;
	uint32_t hash;     /* hash of the folded form, see text_hash() */
	uint8_t flags;     /* enum token_flag */
	uint16_t gap;      /* enum gap_flag: what came before this token */
};

/* Reusable scratch: tokenising a text allocates only when it is larger than
 * any text before it. */
struct tokens {
	struct token *items;
	size_t count;
	size_t cap;
	char *norm;
	size_t norm_len;
	size_t norm_cap;
};

void tokens_init(struct tokens *t);
void tokens_finish(struct tokens *t);

/* Tokenises text[0, len). Invalid UTF-8 bytes act as separators. Texts over
 * UINT32_MAX bytes are cut there (the protocol limit is far lower). */
void text_tokenize(struct tokens *t, const char *text, size_t len);

/* Tokenises text[from, len) as part of the whole text: offsets are into
 * text, and from is 0 or a point text_split_point() gave, where a pass over
 * the whole text would be between tokens with no gap so far. Two parts
 * tokenised apart and joined with tokens_append() are the tokens of the
 * whole (test-text checks it). */
void text_tokenize_part(struct tokens *t, const char *text, size_t from, size_t len);

/* The first point at or after at (and within 4 KiB of it) where the text
 * can be split for text_tokenize_part(); 0 if there is none. */
size_t text_split_point(const char *text, size_t len, size_t at);

/* Appends the tokens of more, the part of the text after t's, to t. */
void tokens_append(struct tokens *t, const struct tokens *more);

static inline const char *token_text(const struct tokens *t, const struct token *tok)
{
	return t->norm + tok->norm;
}

/* Whether token i's folded form is one of words[0, n) (folded words):
 * check.c asks it of every token in several scans, so it stays inline,
 * and the first letter turns most words away before their length is
 * taken. */
static inline bool token_is(const struct tokens *t, size_t i, const char *const *words, size_t n)
{
	const struct token *tok = &t->items[i];
	const char *text = token_text(t, tok);
	for (size_t k = 0; k < n; k++)
		if (words[k][0] == text[0] && strlen(words[k]) == tok->norm_len &&
		    memcmp(text, words[k], tok->norm_len) == 0)
			return true;
	return false;
}

uint32_t text_hash(const char *s, size_t len);

/* The words of s when it is plain lower-case ASCII words with one space
 * between them ("safeguarding concern"): those are its tokens as
 * text_tokenize gives them, already folded, so a caller may take them
 * without tokenising. Sets tok[i] (pointing into s) and len[i] and returns
 * the count; returns 0 for anything else (capitals, digits, punctuation,
 * other spacing, more than max words). test-text checks the promise. */
size_t text_plain_words(const char *s, const char **tok, uint32_t *len, size_t max);

/* Folds a whole string the way tokens are folded, joining tokens with single
 * spaces ("  Seán  O'Neill " → "sean o neill"). Returns a new string. */
char *text_fold(const char *s, size_t len);

#endif
