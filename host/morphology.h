/* What the en_GB dictionary knows about words, asked only while the lists
 * load, never per check: whether a name is also an ordinary word (Hope,
 * Daisy, May, Mark, Frank, Green), and which inflected forms of a lexicon
 * term to match as well (idiot → idiots, moron → morons).
 *
 * Ordinary words come from the dictionary's word list, read directly (a few
 * milliseconds). Inflections need hunspell itself, which takes about 45 ms
 * to load, so they are kept in a cache file keyed by the dictionary's
 * content: hunspell is started only for words the cache does not know. The
 * cache holds lexicon words only, never a name from a roster. */
#ifndef PREPOST_MORPHOLOGY_H
#define PREPOST_MORPHOLOGY_H

#include <stdbool.h>
#include <stddef.h>

#include "problems.h"

struct morphology;

/* Finds the en_GB dictionary ($PREPOST_HUNSPELL_DIR, then the usual system
 * folders) and reads its word list and the inflection cache
 * ($PREPOST_CACHE_DIR, else $XDG_CACHE_HOME/prepost, else ~/.cache/prepost).
 * Never returns NULL: without a dictionary every answer falls back to
 * simple rules and a problem says so. */
struct morphology *morphology_create(struct problems *problems);
/* Writes the cache back if it learnt anything, then frees everything. */
void morphology_destroy(struct morphology *m);

/* Whether the folded (lower-case) word is a word of the dictionary. */
bool morphology_is_word(struct morphology *m, const char *word);

/* Whether the folded word is in the dictionary's word list, itself or
 * less a regular ending (-s, -es, -ed, -d, -ing, -er, -ers, -ly, -y, -ies
 * for -y): a quick answer that never starts hunspell and is not cached, for
 * the many words typos.c asks about. */
bool morphology_is_listed(struct morphology *m, const char *word);

/* Calls add(form, ctx) for each inflected form of the folded single word
 * `word`, not the word itself: plurals, -ed, -ing, -er and -est forms hunspell
 * confirms share its stem; for words it does not know, plain plurals; and
 * for a noun in -ing, its plural even where the dictionary gives none. */
void morphology_inflect(struct morphology *m, const char *word,
			void (*add)(const char *form, void *ctx), void *ctx);

/* Parses cache bytes as if read from the cache file: the header must be
 * the one morphology_cache_header() gives. For tests and fuzzing. */
void morphology_read_cache_bytes(struct morphology *m, const char *data, size_t len);
/* Forgets every remembered answer (for tests and fuzzing). */
void morphology_clear_cache(struct morphology *m);
/* Writes into buf (at least 128 bytes) the header a valid cache starts with. */
void morphology_cache_header(const struct morphology *m, char *buf, size_t n);

/* Where the dictionary was found, or NULL. */
const char *morphology_dictionary(const struct morphology *m);
/* Whether hunspell had to be started (the cache did not know a word). */
bool morphology_used_hunspell(const struct morphology *m);

/* Why hunspell could not be loaded when it was needed, or NULL: words the
 * cache did not know then get the regular plural only. */
const char *morphology_hunspell_error(const struct morphology *m);

#endif
