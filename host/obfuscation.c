/* Two passes. Runs: maximal stretches of ASCII letters, digits and the
 * symbols people substitute for letters; a run that holds a substitute or
 * three equal letters in a row is mapped to letters. Spaced letters: three
 * or more one-letter tokens in a row, joined. */
#include "obfuscation.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define MAX_RUN 40

/* Byte classes for the scan, from a table: this runs over every byte of
 * every check. */
enum { RUN = 1, EDGE_LEAD = 2, EDGE_TAIL = 4, LETTER = 8, SUBST = 16 };
static uint8_t byte_class[256];
/* Filled once, whichever thread scans first (long texts are scanned on a
 * second thread). */
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void init_classes(void)
{
	for (int c = 0; c < 256; c++) {
		uint8_t k = 0;
		if (c < 128 && (isalnum(c) || strchr("*!@$+|._-#", c)))
			k |= RUN;
		if (c && strchr("._-#!", c))
			k |= EDGE_LEAD;
		if (c && strchr("._-!", c))
			k |= EDGE_TAIL;
		if (c < 128 && isalpha(c))
			k |= LETTER;
		else if (k & RUN)
			k |= SUBST;
		byte_class[c] = k;
	}
}

char obfuscation_unleet(unsigned char c)
{
	switch (c) {
	case '1': case '!': case '|': return 'i';
	case '0': return 'o';
	case '3': return 'e';
	case '4': case '@': return 'a';
	case '5': case '$': return 's';
	case '7': case '+': return 't';
	case '*': case '#': return '*';
	case '.': case '_': case '-': return 0;
	default: return (char)tolower(c);
	}
}

/* Copies form with each run of three or more equal letters cut to `longer`
 * letters and each pair cut to `pair`; returns the length. *pairs tells
 * whether there was a pair. */
static size_t cut_runs(const char *form, size_t n, size_t longer, size_t pair, char *out,
		       bool *pairs)
{
	size_t k = 0;
	*pairs = false;
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j + 1 < n && form[j + 1] == form[i])
			j++;
		size_t run = j - i + 1;
		if (run == 2)
			*pairs = true;
		size_t copy = run >= 3 ? longer : run == 2 ? pair : 1;
		for (size_t c = 0; c < copy; c++)
			out[k++] = form[i];
		i = j;
	}
	return k;
}

/* Emits the mapped form, then the forms with runs of three or more equal
 * letters cut to one and to two, then (for "fuuckkkk") with pairs cut to
 * one as well. */
static void propose(struct buf *b, uint32_t start, uint32_t end, obfuscation_fn fn, void *ctx)
{
	const char *form = b->data;
	size_t n = b->len;
	bool masked = memchr(form, '*', n) != NULL;
	size_t letters = 0;
	bool stretched = false;
	for (size_t i = 0; i < n; i++) {
		if (isalpha((unsigned char)form[i]))
			letters++;
		if (i >= 2 && form[i] == form[i - 1] && form[i] == form[i - 2] && form[i] != '*')
			stretched = true;
	}
	if (letters == 0 || n < 3)
		return;
	struct obfuscated o = {start, end, form, n, masked};
	fn(&o, ctx);
	if (!stretched)
		return;
	static const size_t cuts[3][2] = {{1, 2}, {2, 2}, {1, 1}};
	for (size_t c = 0; c < 3; c++) {
		char out[MAX_RUN + 1];
		bool pairs;
		size_t k = cut_runs(form, n, cuts[c][0], cuts[c][1], out, &pairs);
		/* the last differs from the first only if it cut a pair */
		if (c == 2 && !pairs)
			break;
		struct obfuscated s = {start, end, out, k, masked};
		fn(&s, ctx);
	}
}

/* Looks at the run of RUN bytes around text[q] (which starts at or after
 * `from`) and proposes its plain forms. Returns where the run ends. */
static size_t scan_run_at(const unsigned char *u, size_t len, size_t from, size_t q,
			  struct buf *b, obfuscation_fn fn, void *ctx)
{
	size_t s = q, e = q;
	while (s > from && (byte_class[u[s - 1]] & RUN))
		s--;
	while (e < len && (byte_class[u[e]] & RUN))
		e++;
	/* a letter equal to the two before it (in either case) is a stretch */
	bool stretched = false;
	size_t subst = 0;
	for (size_t k = s; k < e; k++) {
		if (!(byte_class[u[k]] & LETTER))
			subst++;
		else if (k >= s + 2 && (u[k] | 32) == (u[k - 1] | 32) && (u[k] | 32) == (u[k - 2] | 32))
			stretched = true;
	}
	size_t end = e;
	if (subst == 0 && !stretched)
		return end;
	/* punctuation around a word is not part of it */
	while (s < e && (byte_class[u[s]] & EDGE_LEAD))
		s++;
	while (e > s && (byte_class[u[e - 1]] & EDGE_TAIL))
		e--;
	if (e - s < 3 || e - s > MAX_RUN)
		return end;
	size_t letters = 0;
	subst = 0;
	for (size_t k = s; k < e; k++) {
		if (byte_class[u[k]] & LETTER)
			letters++;
		else
			subst++;
	}
	if (letters == 0 || (subst == 0 && !stretched))
		return end;
	b->len = 0;
	for (size_t k = s; k < e; k++) {
		char c = obfuscation_unleet(u[k]);
		if (c)
			buf_append_char(b, c);
	}
	if (b->len)
		propose(b, (uint32_t)s, (uint32_t)e, fn, ctx);
	return end;
}

/* Runs: maximal stretches of RUN bytes. Almost all are plain words, so the
 * scan looks for the two things that make a run worth a look, eight bytes
 * at a time and without branching on each byte: a substitute (a RUN byte
 * that is not a letter) and three equal bytes in a row, ignoring case.
 * Only runs holding one are examined, each once. */
void obfuscation_scan_runs(const char *text, size_t len, struct buf *b, obfuscation_fn fn,
			   void *ctx)
{
	pthread_once(&classes_once, init_classes);
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, done = 0; /* runs before `done` are examined */
	while (i < len) {
		size_t n = 8;
		uint8_t subst = 0;
		uint64_t triple; /* top bit of each byte that may end three equal */
		if (len - i >= 8) {
			const unsigned char *v = u + i;
			subst = byte_class[v[0]] | byte_class[v[1]] | byte_class[v[2]] |
				byte_class[v[3]] | byte_class[v[4]] | byte_class[v[5]] |
				byte_class[v[6]] | byte_class[v[7]];
			/* the block, folded, against itself one and two bytes on */
			uint64_t x, p1 = i >= 1 ? (u[i - 1] | 32u) : 0, p2 = i >= 2 ? (u[i - 2] | 32u) : 0;
			memcpy(&x, v, 8);
			x |= 0x2020202020202020u;
			uint64_t d1 = x ^ ((x << 8) | p1), d2 = x ^ ((x << 16) | (p1 << 8) | p2);
			triple = bytes_below(d1 | d2, 1); /* zero bytes: equal */
		} else {
			n = len - i;
			triple = UINT64_MAX; /* the last few bytes: look at each */
		}
		if (!(subst & SUBST) && !triple) {
			i += n;
			continue;
		}
		/* examine the runs holding a substitute or a stretch */
		size_t stop = i + n;
		for (size_t q = i; q < stop; q++) {
			if (q < done || !(byte_class[u[q]] & RUN))
				continue;
			if (!(byte_class[u[q]] & SUBST) && !((triple >> (8 * (q - i) + 7)) & 1))
				continue;
			done = scan_run_at(u, len, done, q, b, fn, ctx);
		}
		i = stop > done ? stop : done;
	}
}

static bool single_letter(const struct tokens *t, size_t i)
{
	const struct token *tok = &t->items[i];
	return tok->norm_len == 1 && isalpha((unsigned char)t->norm[tok->norm]);
}

/* Proposes the single letters of tokens [from, to) read as one word. */
static void propose_letters(const struct tokens *t, size_t from, size_t to, struct buf *b,
			    obfuscation_fn fn, void *ctx)
{
	b->len = 0;
	for (size_t k = from; k < to; k++)
		buf_append_char(b, t->norm[t->items[k].norm]);
	propose(b, t->items[from].start, t->items[to - 1].end, fn, ctx);
}

void obfuscation_scan_spaced(const struct tokens *t, struct buf *b, obfuscation_fn fn, void *ctx)
{
	size_t i = 0;
	while (i < t->count) {
		if (!single_letter(t, i)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < t->count && single_letter(t, j) && !(t->items[j].gap & GAP_BREAK) &&
		       j - i < MAX_RUN)
			j++;
		if (j - i >= 3)
			propose_letters(t, i, j, b, fn, ctx);
		/* "a p r i c k": the first letter may be the word "a" or "I" */
		char first = t->norm[t->items[i].norm];
		if (j - i >= 4 && (first == 'a' || first == 'i'))
			propose_letters(t, i + 1, j, b, fn, ctx);
		i = j;
	}
}

void obfuscation_scan(const char *text, size_t len, const struct tokens *t, struct buf *scratch,
		      obfuscation_fn fn, void *ctx)
{
	obfuscation_scan_runs(text, len, scratch, fn, ctx);
	obfuscation_scan_spaced(t, scratch, fn, ctx);
}
