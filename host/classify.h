/* The classifier: everything the host knows, compiled once from the config,
 * its rosters and the lexicon folders into one phrase dictionary, and the
 * check that turns a text into warnings.
 *
 * Checking tokenises the text (text.c), looks each token up once, and walks
 * the dictionary trie from each token for the longest phrase; the phrase's
 * payloads decide category and severity. Scratch buffers are reused, so a
 * check allocates only when a text is larger than any before it. */
#ifndef PREPOST_CLASSIFY_H
#define PREPOST_CLASSIFY_H

#include <stddef.h>

#include "config.h"
#include "problems.h"
#include "warning.h"

/* Kinds of phrase: how classify decides a match's severity. */
enum term_kind {
	KIND_TERM,      /* a lexicon term: severity as the lexicon says */
	KIND_SCHOOL,    /* the school's or trust's name or email domain */
	KIND_GROUP,     /* a reg group from the roster (6B) */
	KIND_FULL_NAME, /* forename (any form) with surname */
	KIND_FORENAME,  /* a forename, preferred name or nickname alone */
	KIND_SURNAME,   /* a surname alone */
};

enum term_flag {
	TERM_ORDINARY = 1 << 0, /* the name is also a dictionary word (Hope, Mark) */
	TERM_COMMON = 1 << 1,   /* a very common name (Oliver, Smith) */
	TERM_ACRONYM = 1 << 2,  /* matches only in capitals: SEND, not send */
	TERM_SCHOOL = 1 << 3,   /* warns only in a post about school, else a hint */
	TERM_CHILD = 1 << 4,    /* warns only in a post about a particular child */
	TERM_GROUP = 1 << 5,    /* warns only in a post that names a protected group */
	TERM_CONCERN = 1 << 6,  /* warns only in a post that says something derogatory
				 * or confidential */
	TERM_SECRET = 1 << 7,   /* a promise of secrecy ("keep it quiet"): a hint
				 * when the secret is happy news away from school */
	/* any of the above five: the term warns only in some posts */
	TERM_GATED = TERM_SCHOOL | TERM_CHILD | TERM_GROUP | TERM_CONCERN | TERM_SECRET,
};

struct label {
	const char *message;
	const char *advice;
	const char *policy; /* may be NULL */
};

struct roster_info {
	const char *path;
	enum roster_role role;
	size_t people;
	size_t skipped;
	const char *encoding;
	bool loaded;
};

struct classifier_stats {
	const char *config_path; /* NULL: built-in defaults */
	const char *config_source;
	const char *lexicon_dir;  /* the default folder used */
	size_t roster_names;      /* people loaded from all rosters */
	size_t lexicon_terms;
	size_t lexicon_files;
	size_t phrases;           /* distinct phrases in the dictionary */
	const char *dictionary;   /* the hunspell dictionary used, or NULL */
	const char *word_model;   /* the word model file read, or NULL (model.h) */
	const struct roster_info *rosters;
	size_t roster_count;
};

struct classifier;

/* Builds a classifier from config (borrowed only during the call).
 * lexicon_dir is the default lexicon folder; NULL uses the installed one.
 * Never returns NULL: whatever cannot be loaded is reported in problems. */
struct classifier *classifier_create(const struct config *config, const char *lexicon_dir,
				     struct problems *problems);

/* The same, but the lexicons' terms, the school's names and the rosters'
 * names go into the dictionary on a second thread: it returns once
 * everything is read and every problem is known (so classifier_stats and
 * problems are complete, and a hello can be answered), and the first
 * classifier_check waits for the dictionary. */
struct classifier *classifier_start(const struct config *config, const char *lexicon_dir,
				    struct problems *problems);
void classifier_destroy(struct classifier *c);

/* Checks text[0, len) (UTF-8; invalid bytes separate words) and replaces the
 * contents of out with warnings in text order, without overlaps. */
void classifier_check(struct classifier *c, const char *text, size_t len, struct warnings *out);

/* Texts of at least this many bytes are checked with a second thread
 * (which tokenises the last part and scans for obfuscated words and
 * patterns); 0 restores the default, 64 KiB. The result is the same
 * either way. */
void classifier_set_parallel_min(struct classifier *c, size_t bytes);

/* Whether whole posts are read by the word model too (model.h): it was found
 * and read without a problem. Waits for the names, as a check does. */
bool classifier_reads_whole(struct classifier *c);

const struct label *classifier_label(const struct classifier *c, unsigned label);
const struct classifier_stats *classifier_stats(const struct classifier *c);

/* The installed default lexicon folder. */
const char *classifier_default_lexicon_dir(void);

#endif
