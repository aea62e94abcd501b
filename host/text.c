/* The tokeniser walks the original text once, code point by code point.
 * ASCII takes a fast path; anything else goes through utf8proc's per-code-
 * point decomposition (compatibility, case fold, strip marks, drop default
 * ignorables such as zero-width spaces), so that terms and texts fold the
 * same way whatever form they arrive in. */
#include "text.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

#define FOLD_OPTIONS                                                                               \
	(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |           \
	 UTF8PROC_IGNORE)

void tokens_init(struct tokens *t)
{
	memset(t, 0, sizeof(*t));
}

void tokens_finish(struct tokens *t)
{
	free(t->items);
	free(t->norm);
	tokens_init(t);
}

/* FNV-1a: short keys, good spread, and it can be computed a byte at a
 * time while a token is written. */
#define HASH_SEED 2166136261u

static inline uint32_t hash_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

uint32_t text_hash(const char *s, size_t len)
{
	uint32_t h = HASH_SEED;
	for (size_t i = 0; i < len; i++)
		h = hash_step(h, (unsigned char)s[i]);
	return h;
}

/* Letters that have no canonical decomposition but that people write
 * without their stroke: a name typed as "Lukasz" should find "Łukasz". */
static utf8proc_int32_t plain_letter(utf8proc_int32_t c)
{
	switch (c) {
	case 0x0141: case 0x0142: return 'l'; /* Ł ł */
	case 0x00D8: case 0x00F8: return 'o'; /* Ø ø */
	case 0x0110: case 0x0111: return 'd'; /* Đ đ */
	case 0x0131: return 'i';              /* dotless ı */
	case 0x0126: case 0x0127: return 'h'; /* Ħ ħ */
	default: return c;
	}
}

enum cls { CLS_WORD, CLS_SPACE, CLS_APOS, CLS_HYPHEN, CLS_CONNECTOR, CLS_HANDLE, CLS_STOP,
	   CLS_BREAK, CLS_OTHER };

static enum cls classify_cp(utf8proc_int32_t c)
{
	switch (c) {
	case ' ': case '\t': case 0xA0: return CLS_SPACE;
	case '.': return CLS_STOP;
	case '\n': case '\r': case '!': case '?': case 0x2026: return CLS_BREAK;
	case '\'': case 0x2019: case 0x2018: case 0x02BC: case '`': case 0xB4: return CLS_APOS;
	case '-': case 0x2010: case 0x2011: return CLS_HYPHEN;
	case '_': return CLS_CONNECTOR;
	case '@': case '#': case 0xFF20: case 0xFF03: return CLS_HANDLE;
	default: break;
	}
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return CLS_WORD;
		return c < 0x20 ? CLS_SPACE : CLS_OTHER;
	}
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return CLS_WORD;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
		return CLS_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return CLS_BREAK;
	default:
		return CLS_OTHER;
	}
}

static uint16_t gap_of(enum cls c)
{
	switch (c) {
	case CLS_SPACE: return GAP_SPACE;
	case CLS_APOS: return GAP_APOSTROPHE;
	case CLS_HYPHEN: return GAP_HYPHEN;
	case CLS_CONNECTOR: return GAP_CONNECTOR;
	case CLS_HANDLE: return GAP_HANDLE;
	case CLS_STOP: return GAP_STOP;
	case CLS_BREAK: return GAP_BREAK;
	default: return GAP_OTHER;
	}
}

struct tokenizer {
	struct tokens *t;
	bool in_token;
	bool prev_lower;  /* the last original code point in the token was lower case */
	uint16_t gap;
	bool has_lower;   /* a lower-case letter in the token */
	uint32_t uppers;  /* upper-case letters in the token */
	struct token cur; /* its hash is kept up to date as bytes are added */
};

static void norm_put(struct tokenizer *z, const char *s, size_t n)
{
	struct tokens *t = z->t;
	grow_array((void **)&t->norm, &t->norm_cap, t->norm_len + n, 1);
	for (size_t i = 0; i < n; i++) {
		t->norm[t->norm_len++] = s[i];
		z->cur.hash = hash_step(z->cur.hash, (unsigned char)s[i]);
	}
}

static void token_end(struct tokenizer *z)
{
	if (!z->in_token)
		return;
	struct tokens *t = z->t;
	struct token *tok = &z->cur;
	tok->norm_len = (uint32_t)(t->norm_len - tok->norm);
	if (!z->has_lower && z->uppers >= 2)
		tok->flags |= TOKEN_ALL_UPPER;
	if (t->count == t->cap)
		grow_array((void **)&t->items, &t->cap, t->count + 1, sizeof(*t->items));
	t->items[t->count++] = *tok;
	z->in_token = false;
	z->gap = 0;
}

static void token_begin(struct tokenizer *z, uint32_t start)
{
	z->in_token = true;
	z->has_lower = false;
	z->uppers = 0;
	z->prev_lower = false;
	z->cur = (struct token){
		.norm = (uint32_t)z->t->norm_len,
		.start = start,
		.end = start,
		.hash = HASH_SEED,
		.gap = z->gap,
	};
}

/* Feeds one original non-ASCII code point c spanning bytes [pos, next);
 * text_tokenize() handles ASCII itself. */
static void feed(struct tokenizer *z, utf8proc_int32_t c, uint32_t pos, uint32_t next)
{
	utf8proc_int32_t out[18];
	utf8proc_ssize_t n;
	utf8proc_int32_t p = plain_letter(c);
	bool upper = utf8proc_isupper(c), lower = utf8proc_islower(c);
	if (p != c) {
		out[0] = p;
		n = 1;
	} else {
		int boundclass = UTF8PROC_BOUNDCLASS_START;
		n = utf8proc_decompose_char(c, out, (utf8proc_ssize_t)ARRAY_SIZE(out), FOLD_OPTIONS,
					    &boundclass);
		if (n < 0 || n > (utf8proc_ssize_t)ARRAY_SIZE(out)) {
			out[0] = c;
			n = 1;
		}
	}

	/* A lower-to-upper change inside a word starts a new word (#MiaChen). */
	if (z->in_token && upper && z->prev_lower)
		token_end(z);

	for (utf8proc_ssize_t i = 0; i < n; i++) {
		enum cls k = classify_cp(out[i]);
		if (k != CLS_WORD) {
			token_end(z);
			z->gap |= gap_of(k);
			continue;
		}
		if (!z->in_token) {
			token_begin(z, pos);
			if (upper)
				z->cur.flags |= TOKEN_UPPER_FIRST;
		}
		char enc[4];
		utf8proc_ssize_t len = utf8proc_encode_char(out[i], (utf8proc_uint8_t *)enc);
		norm_put(z, enc, (size_t)len);
		z->cur.end = next;
		if (out[i] >= '0' && out[i] <= '9')
			z->cur.flags |= TOKEN_HAS_DIGIT;
		else if (utf8proc_category(out[i]) == UTF8PROC_CATEGORY_ND)
			z->cur.flags |= TOKEN_HAS_DIGIT;
		else
			z->cur.flags |= TOKEN_HAS_LETTER;
	}
	/* A mark or an invisible character that folds to nothing belongs to the
	 * word it follows, so an underline never splits "Zoë" from its ¨. */
	if (z->in_token && n == 0)
		z->cur.end = next;
	if (z->in_token && lower)
		z->has_lower = true;
	if (z->in_token && upper)
		z->uppers++;
	if (upper || lower)
		z->prev_lower = lower;
}

/* ASCII bytes: their class, and whether they are upper case, lower case or
 * a digit. */
enum { A_CLASS = 0x0F, A_UPPER = 0x10, A_LOWER = 0x20, A_DIGIT = 0x40 };
static uint8_t ascii_info[128];
static uint16_t class_gap[CLS_OTHER + 1];
/* Filled once, whichever thread tokenises first (the names are built on a
 * second thread while checks may start on the first). */
static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;

static void init_ascii(void)
{
	for (int k = 0; k <= CLS_OTHER; k++)
		class_gap[k] = gap_of((enum cls)k);
	for (int c = 0; c < 128; c++) {
		uint8_t info = (uint8_t)classify_cp(c);
		if (c >= 'A' && c <= 'Z')
			info |= A_UPPER;
		else if (c >= 'a' && c <= 'z')
			info |= A_LOWER;
		else if (c >= '0' && c <= '9')
			info |= A_DIGIT;
		ascii_info[c] = info;
	}
}

/* Whether the last letter of ASCII word bytes text[from, to) is lower case;
 * before when there is none. */
static bool last_letter_lower(const char *text, size_t from, size_t to, bool before)
{
	while (to > from) {
		uint8_t info = ascii_info[(unsigned char)text[--to]];
		if (info & (A_UPPER | A_LOWER))
			return (info & A_LOWER) != 0;
	}
	return before;
}

void text_tokenize(struct tokens *t, const char *text, size_t len)
{
	text_tokenize_part(t, text, 0, len);
}

/* After an ASCII letter or digit, a space or line break ends the token in
 * hand and leaves nothing else behind: the gap before the next token is
 * made of what follows alone. So tokenising from there, with no gap and no
 * token in hand, gives exactly the tokens one pass would. */
size_t text_split_point(const char *text, size_t len, size_t at)
{
	if (at == 0 || len > UINT32_MAX)
		return 0;
	pthread_once(&ascii_once, init_ascii);
	for (size_t s = at; s < len && s - at < 4096; s++) {
		unsigned char before = (unsigned char)text[s - 1];
		if ((text[s] == ' ' || text[s] == '\n') && before < 0x80 &&
		    (ascii_info[before] & A_CLASS) == CLS_WORD)
			return s;
	}
	return 0;
}

void tokens_append(struct tokens *t, const struct tokens *more)
{
	grow_array((void **)&t->items, &t->cap, t->count + more->count, sizeof(*t->items));
	grow_array((void **)&t->norm, &t->norm_cap, t->norm_len + more->norm_len, 1);
	if (more->norm_len)
		memcpy(t->norm + t->norm_len, more->norm, more->norm_len);
	uint32_t shift = (uint32_t)t->norm_len;
	struct token *to = t->items + t->count;
	for (size_t i = 0; i < more->count; i++) {
		to[i] = more->items[i];
		to[i].norm += shift;
	}
	t->count += more->count;
	t->norm_len += more->norm_len;
}

void text_tokenize_part(struct tokens *t, const char *text, size_t from, size_t len)
{
	struct tokenizer z = {.t = t, .gap = from ? GAP_NONE : GAP_START};
	t->count = 0;
	t->norm_len = 0;
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	pthread_once(&ascii_once, init_ascii);

	/* ASCII, most of any English text, skips utf8proc: the same steps as
	 * feed(), a word at a time. */
	size_t i = from;
	while (i < len) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80) {
			uint8_t info = ascii_info[b];
			if ((info & A_CLASS) != CLS_WORD) {
				token_end(&z);
				z.gap |= class_gap[info & A_CLASS];
				i++;
				continue;
			}
			if (z.in_token && (info & A_UPPER) && z.prev_lower)
				token_end(&z);
			if (!z.in_token) {
				token_begin(&z, (uint32_t)i);
				if (info & A_UPPER)
					z.cur.flags |= TOKEN_UPPER_FIRST;
			}
			/* room for the rest of the text in ASCII, so none per byte */
			if (t->norm_cap - t->norm_len < len - i)
				grow_array((void **)&t->norm, &t->norm_cap, t->norm_len + (len - i), 1);
			char *out = t->norm + t->norm_len;
			uint32_t hash = z.cur.hash;
			uint8_t seen = 0;
			size_t j = i;
			for (;;) {
				char c = (char)(b | ((info & A_UPPER) ? 0x20 : 0));
				*out++ = c;
				hash = hash_step(hash, (unsigned char)c);
				seen |= info;
				if (++j >= len)
					break;
				b = (unsigned char)text[j];
				if (b >= 0x80)
					break;
				info = ascii_info[b];
				if ((info & A_CLASS) != CLS_WORD)
					break;
				/* a capital after a small letter starts a new word
				 * (#MiaChen); digits between do not count */
				if ((info & A_UPPER) && last_letter_lower(text, i, j, z.prev_lower))
					break;
			}
			t->norm_len = (size_t)(out - t->norm);
			z.cur.hash = hash;
			z.cur.end = (uint32_t)j;
			if (seen & (A_UPPER | A_LOWER))
				z.cur.flags |= TOKEN_HAS_LETTER;
			if (seen & A_DIGIT)
				z.cur.flags |= TOKEN_HAS_DIGIT;
			if (seen & A_LOWER)
				z.has_lower = true;
			else if (seen & A_UPPER)
				for (size_t k = i; k < j; k++)
					z.uppers += (ascii_info[(unsigned char)text[k]] & A_UPPER) != 0;
			z.prev_lower = last_letter_lower(text, i, j, z.prev_lower);
			i = j;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n =
			utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0) {
			/* Invalid UTF-8: the byte separates words and is skipped. */
			token_end(&z);
			z.gap |= GAP_OTHER;
			i++;
			continue;
		}
		feed(&z, c, (uint32_t)i, (uint32_t)(i + (size_t)n));
		i += (size_t)n;
	}
	token_end(&z);
}

size_t text_plain_words(const char *s, const char **tok, uint32_t *len, size_t max)
{
	size_t n = 0;
	for (const char *w = s, *p = s;; p++) {
		if (*p >= 'a' && *p <= 'z')
			continue;
		if ((*p != ' ' && *p != '\0') || p == w || n == max)
			return 0;
		tok[n] = w;
		len[n++] = (uint32_t)(p - w);
		if (!*p)
			return n;
		w = p + 1;
	}
}

char *text_fold(const char *s, size_t len)
{
	struct tokens t;
	tokens_init(&t);
	text_tokenize(&t, s, len);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < t.count; i++) {
		if (i)
			buf_append_char(&b, ' ');
		buf_append(&b, token_text(&t, &t.items[i]), t.items[i].norm_len);
	}
	tokens_finish(&t);
	return b.data ? b.data : xstrdup("");
}
