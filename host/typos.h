/* Misspellings of lexicon words, made once when the lists load and looked
 * up only for a word no list has: a letter doubled ("twatt"), two letters
 * swapped ("idoit", "invesitgated"), a double made single ("tomorow"), and
 * in longer words a letter left out ("sectiond") or, in an insult, a vowel
 * for another ("stupud"). A misspelling that the en_GB dictionary lists as a word
 * ("cant" is not "cunt"), that is a word of the lists, or that two list
 * words share is left out. Roster names are never noted. */
#ifndef PREPOST_TYPOS_H
#define PREPOST_TYPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct match_dict;
struct morphology;
struct typos;

struct typos *typos_create(void);
void typos_destroy(struct typos *t);

/* Notes a folded lexicon word of letters only and its token id in the
 * dictionary: its misspellings will stand for it; with vowels, also those
 * with a vowel for another (for insults: "stupud"). */
void typos_note(struct typos *t, const char *word, size_t len, uint32_t id, bool vowels);

/* Makes the misspellings of every word noted, leaving out those the
 * dictionary d has as tokens and those m lists as words. */
void typos_build(struct typos *t, struct morphology *m, const struct match_dict *d);

/* The token id the folded word s (hash: text_hash(s, len)) misspells, or
 * MATCH_NO_TOKEN. */
uint32_t typos_find(const struct typos *t, const char *s, size_t len, uint32_t hash);

/* How many misspellings stand for a word. */
size_t typos_count(const struct typos *t);

#endif
