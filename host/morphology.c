/* hunspell is used through its C API. Inflections are found by proposing
 * regular English endings and keeping those the dictionary spells and
 * stems back to the word (or to the word's own stem: wanker and wankers
 * both stem to wank), so irregular spellings are never invented. */
#include "morphology.h"

#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

struct morphology {
	Hunhandle *h;
	char *dic;
};

static const char *const search_dirs[] = {
	"/usr/share/hunspell",
	"/usr/share/myspell",
	"/usr/share/myspell/dicts",
	"/usr/local/share/hunspell",
	"/opt/homebrew/share/hunspell",
	"/Library/Spelling",
};

struct morphology *morphology_create(struct problems *problems)
{
	struct morphology *m = xcalloc(1, sizeof(*m));
	const char *env = getenv("PREPOST_HUNSPELL_DIR");
	size_t n = ARRAY_SIZE(search_dirs) + 1;
	for (size_t i = 0; i < n && !m->h; i++) {
		const char *dir = i == 0 ? env : search_dirs[i - 1];
		if (!dir || !dir[0])
			continue;
		char *aff = xasprintf("%s/en_GB.aff", dir);
		char *dic = xasprintf("%s/en_GB.dic", dir);
		if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
			m->h = Hunspell_create(aff, dic);
			if (m->h)
				m->dic = xstrdup(dic);
		}
		free(aff);
		free(dic);
	}
	if (!m->h)
		problems_add(problems, "The en_GB hunspell dictionary was not found (install "
				       "hunspell-en-gb): names that are also ordinary words cannot be "
				       "told apart and fewer word forms are matched.");
	return m;
}

void morphology_destroy(struct morphology *m)
{
	if (!m)
		return;
	if (m->h)
		Hunspell_destroy(m->h);
	free(m->dic);
	free(m);
}

const char *morphology_dictionary(const struct morphology *m)
{
	return m->dic;
}

bool morphology_is_word(struct morphology *m, const char *word)
{
	return m->h && word[0] && Hunspell_spell(m->h, word) != 0;
}

static bool has_stem(struct morphology *m, const char *form, const char *word, char **word_stems,
		     int nword)
{
	char **stems;
	int n = Hunspell_stem(m->h, &stems, form);
	bool found = false;
	for (int i = 0; i < n && !found; i++) {
		if (strcmp(stems[i], word) == 0)
			found = true;
		for (int j = 0; j < nword && !found; j++)
			found = strcmp(stems[i], word_stems[j]) == 0;
	}
	Hunspell_free_list(m->h, &stems, n);
	return found;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

void morphology_inflect(struct morphology *m, const char *word,
			void (*add)(const char *form, void *ctx), void *ctx)
{
	size_t n = strlen(word);
	if (n < 3)
		return;
	char last = word[n - 1];
	bool sibilant = last == 's' || last == 'x' || last == 'z' ||
			(n >= 2 && (strcmp(word + n - 2, "sh") == 0 || strcmp(word + n - 2, "ch") == 0));
	char stem_y[64] = "";
	if (last == 'y' && n < sizeof(stem_y) && !is_vowel(word[n - 2]))
		snprintf(stem_y, sizeof(stem_y), "%.*si", (int)(n - 1), word);
	char stem_e[64] = "";
	if (last == 'e' && n < sizeof(stem_e))
		snprintf(stem_e, sizeof(stem_e), "%.*s", (int)(n - 1), word);
	char stem_double[64] = "";
	if (n + 1 < sizeof(stem_double) && !is_vowel(last) && last != 'w' && last != 'x' &&
	    last != 'y' && is_vowel(word[n - 2]) && !is_vowel(word[n - 3]))
		snprintf(stem_double, sizeof(stem_double), "%s%c", word, last);

	char *cand[16];
	size_t nc = 0;
	if (stem_y[0]) {
		cand[nc++] = xasprintf("%ses", stem_y);
		cand[nc++] = xasprintf("%sed", stem_y);
		cand[nc++] = xasprintf("%ser", stem_y);
	} else {
		cand[nc++] = xasprintf("%s%s", word, sibilant ? "es" : "s");
	}
	if (stem_e[0]) {
		cand[nc++] = xasprintf("%sd", word);
		cand[nc++] = xasprintf("%sing", stem_e);
		cand[nc++] = xasprintf("%sr", word);
		cand[nc++] = xasprintf("%srs", word);
	} else {
		cand[nc++] = xasprintf("%sed", word);
		cand[nc++] = xasprintf("%sing", word);
		cand[nc++] = xasprintf("%ser", word);
		cand[nc++] = xasprintf("%sers", word);
	}
	if (stem_double[0]) {
		cand[nc++] = xasprintf("%sed", stem_double);
		cand[nc++] = xasprintf("%sing", stem_double);
		cand[nc++] = xasprintf("%ser", stem_double);
		cand[nc++] = xasprintf("%sers", stem_double);
	}
	if (last == 'y')
		cand[nc++] = xasprintf("%ss", word);

	if (m->h && Hunspell_spell(m->h, word)) {
		char **ws;
		int nw = Hunspell_stem(m->h, &ws, word);
		for (size_t i = 0; i < nc; i++)
			if (Hunspell_spell(m->h, cand[i]) && has_stem(m, cand[i], word, ws, nw))
				add(cand[i], ctx);
		Hunspell_free_list(m->h, &ws, nw);
	} else {
		/* Slang the dictionary lacks (bellend, numpty's cousins): the
		 * regular plural only, which cannot collide with another word
		 * in a way that matters for a term already worth a warning. */
		add(cand[0], ctx);
	}
	for (size_t i = 0; i < nc; i++)
		free(cand[i]);
}
