/* Misspellings of lexicon words (see typos.h). The words noted while the
 * lists load are kept as (text, token id); typos_build() makes each one's
 * misspellings into one open-addressed table of (hash, arena offset,
 * length, id), the texts in one arena. A misspelling two words share is
 * kept with no id, so that it stands for neither. */
#include "typos.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "morphology.h"
#include "text.h"
#include "util.h"

/* Longer words only: a misspelling of a short one is too often another
 * word or a name. */
enum { TYPO_MIN = 4, TYPO_MAX = 40, VOWEL_SWAP_MIN = 6, DROP_MIN = 7 };

struct noted {
	uint32_t off, len, id;
	bool vowels; /* may have a vowel for another */
};

struct slot {
	uint32_t hash, off, len, id; /* len 0: empty */
};

/* A bit per hash, set for each misspelling, so that most words no list
 * has are turned away by one look at 128 KiB instead of a probe of the
 * table. */
enum { FILTER_BITS = 1 << 20 };

struct typos {
	uint64_t *filter;
	char *arena;
	size_t arena_len, arena_cap;
	struct noted *words;
	size_t word_count, word_cap;
	/* for each token id, 1 + its place in words, or 0: a word is noted
	 * once however many terms it is in */
	uint32_t *noted_at;
	size_t noted_cap;
	struct slot *slots;
	size_t mask, count;
};

struct typos *typos_create(void)
{
	return xcalloc(1, sizeof(struct typos));
}

void typos_destroy(struct typos *t)
{
	if (!t)
		return;
	free(t->filter);
	free(t->arena);
	free(t->words);
	free(t->noted_at);
	free(t->slots);
	free(t);
}

static uint32_t keep(struct typos *t, const char *s, size_t len)
{
	grow_array((void **)&t->arena, &t->arena_cap, t->arena_len + len, 1);
	memcpy(t->arena + t->arena_len, s, len);
	t->arena_len += len;
	return (uint32_t)(t->arena_len - len);
}

void typos_note(struct typos *t, const char *word, size_t len, uint32_t id, bool vowels)
{
	if (len < TYPO_MIN || len > TYPO_MAX || id == MATCH_NO_TOKEN)
		return;
	for (size_t i = 0; i < len; i++)
		if (word[i] < 'a' || word[i] > 'z')
			return;
	size_t had = t->noted_cap;
	grow_array((void **)&t->noted_at, &t->noted_cap, (size_t)id + 1, sizeof(*t->noted_at));
	memset(t->noted_at + had, 0, (t->noted_cap - had) * sizeof(*t->noted_at));
	if (t->noted_at[id]) {
		t->words[t->noted_at[id] - 1].vowels |= vowels;
		return;
	}
	grow_array((void **)&t->words, &t->word_cap, t->word_count + 1, sizeof(*t->words));
	t->words[t->word_count++] = (struct noted){keep(t, word, len), (uint32_t)len, id, vowels};
	t->noted_at[id] = (uint32_t)t->word_count;
}

static struct slot *slot_of(const struct typos *t, const char *s, size_t len, uint32_t hash)
{
	for (size_t i = hash & t->mask;; i = (i + 1) & t->mask) {
		struct slot *sl = &t->slots[i];
		if (!sl->len || (sl->hash == hash && sl->len == len &&
				 memcmp(t->arena + sl->off, s, len) == 0))
			return sl;
	}
}

struct build {
	struct typos *t;
	struct morphology *m;
	const struct match_dict *d;
	uint32_t id;
};

/* Adds the misspelling s of the word with token id b->id. */
static void add(struct build *b, const char *s, size_t len)
{
	struct typos *t = b->t;
	uint32_t hash = text_hash(s, len);
	struct slot *sl = slot_of(t, s, len, hash);
	if (sl->len) {
		if (sl->id != b->id)
			sl->id = MATCH_NO_TOKEN; /* two words' misspelling: neither's */
		return;
	}
	if (match_dict_token(b->d, s, len, hash) != MATCH_NO_TOKEN)
		return; /* a word of the lists */
	char word[TYPO_MAX + 2];
	memcpy(word, s, len);
	word[len] = '\0';
	if (morphology_is_listed(b->m, word))
		return; /* a word of English */
	if ((t->count + 1) * 4 > (t->mask + 1) * 3) {
		/* grow: three quarters full at most */
		struct slot *old = t->slots;
		size_t old_n = t->mask + 1;
		t->mask = old_n * 2 - 1;
		t->slots = xcalloc(t->mask + 1, sizeof(*t->slots));
		for (size_t i = 0; i < old_n; i++)
			if (old[i].len)
				*slot_of(t, t->arena + old[i].off, old[i].len, old[i].hash) = old[i];
		free(old);
		sl = slot_of(t, s, len, hash);
	}
	uint32_t off = keep(t, s, len);
	*sl = (struct slot){hash, off, (uint32_t)len, b->id};
	t->count++;
	uint32_t bit = (hash ^ (hash >> 20)) & (FILTER_BITS - 1);
	t->filter[bit / 64] |= (uint64_t)1 << (bit % 64);
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Each misspelling of w[0..n): the first letter stays as it is. */
static void misspell(struct build *b, const char *w, size_t n, bool vowels)
{
	char s[TYPO_MAX + 2];
	for (size_t i = 1; i < n; i++) {
		/* "twatt": a letter doubled */
		if (w[i] != w[i - 1] && (i + 1 == n || w[i] != w[i + 1])) {
			memcpy(s, w, i + 1);
			memcpy(s + i + 1, w + i, n - i);
			add(b, s, n + 1);
		}
		/* "idoit": two swapped */
		if (i + 1 < n && w[i] != w[i + 1]) {
			memcpy(s, w, n);
			s[i] = w[i + 1];
			s[i + 1] = w[i];
			add(b, s, n);
		}
		/* "tomorow": a double made single; "sectiond": a letter left
		 * out of a long word, but not the u of "behaviour", which
		 * American spelling leaves out on purpose */
		bool us_spelling = w[i] == 'u' && w[i - 1] == 'o' && i + 1 < n && w[i + 1] == 'r';
		if (w[i] == w[i - 1] || (n >= DROP_MIN && i + 1 < n && !us_spelling)) {
			memcpy(s, w, i);
			memcpy(s + i, w + i + 1, n - i - 1);
			add(b, s, n - 1);
		}
		/* "stupud": a vowel for another */
		if (vowels && n >= VOWEL_SWAP_MIN && is_vowel(w[i])) {
			memcpy(s, w, n);
			for (const char *v = "aeiou"; *v; v++)
				if (*v != w[i]) {
					s[i] = *v;
					add(b, s, n);
				}
		}
	}
}

void typos_build(struct typos *t, struct morphology *m, const struct match_dict *d)
{
	if (!t->slots) {
		t->mask = 1023;
		t->slots = xcalloc(t->mask + 1, sizeof(*t->slots));
		t->filter = xcalloc(FILTER_BITS / 64, sizeof(*t->filter));
	}
	struct build b = {t, m, d, 0};
	char w[TYPO_MAX + 1];
	for (size_t i = 0; i < t->word_count; i++) {
		const struct noted *nw = &t->words[i];
		memcpy(w, t->arena + nw->off, nw->len);
		b.id = nw->id;
		misspell(&b, w, nw->len, nw->vowels);
	}
	free(t->words);
	free(t->noted_at);
	t->words = NULL;
	t->noted_at = NULL;
	t->word_count = t->word_cap = t->noted_cap = 0;
}

uint32_t typos_find(const struct typos *t, const char *s, size_t len, uint32_t hash)
{
	if (!t->count || len < TYPO_MIN - 1 || len > TYPO_MAX + 1)
		return MATCH_NO_TOKEN;
	uint32_t bit = (hash ^ (hash >> 20)) & (FILTER_BITS - 1);
	if (!(t->filter[bit / 64] >> (bit % 64) & 1))
		return MATCH_NO_TOKEN;
	const struct slot *sl = slot_of(t, s, len, hash);
	return sl->len ? sl->id : MATCH_NO_TOKEN;
}

size_t typos_count(const struct typos *t)
{
	return t->count;
}
