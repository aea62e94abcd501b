/* What hunspell's en_GB dictionary knows about words, asked only while the
 * lists load, never per check: whether a name is also an ordinary word
 * (Hope, Daisy, May, Mark, Frank, Green), and which inflected forms of a
 * lexicon term to match as well (idiot → idiots, moron → morons). */
#ifndef PREPOST_MORPHOLOGY_H
#define PREPOST_MORPHOLOGY_H

#include <stdbool.h>
#include <stddef.h>

#include "problems.h"

struct morphology;

/* Opens the en_GB dictionary ($PREPOST_HUNSPELL_DIR, then the usual system
 * folders). Never returns NULL: without a dictionary every answer falls
 * back to simple rules and a problem says so. */
struct morphology *morphology_create(struct problems *problems);
void morphology_destroy(struct morphology *m);

/* Whether the dictionary has the folded (lower-case) word. */
bool morphology_is_word(struct morphology *m, const char *word);

/* Calls add(form, ctx) for each inflected form of the folded single word
 * `word`, not the word itself: plurals, -ed, -ing, -er forms the dictionary
 * confirms share its stem; for words it does not know, plain plurals. */
void morphology_inflect(struct morphology *m, const char *word,
			void (*add)(const char *form, void *ctx), void *ctx);

/* Where the dictionary was found, or NULL. */
const char *morphology_dictionary(const struct morphology *m);

#endif
