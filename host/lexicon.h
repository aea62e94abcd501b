/* Lexicon files: plain UTF-8 lists of terms, one term or phrase per line.
 *
 *   # a comment
 *   @category derogatory        directives set defaults for the lines after
 *   @severity medium            them: category, severity, message, advice,
 *   @message Insulting language.  policy
 *   numpty
 *   bellend | severity=high     per-line overrides after '|'
 *
 * Besides the six warning categories, "allow" lists phrases that suppress
 * any warning they cover (famous people, local exceptions), "context" words
 * that show a text is about school, "common_name" very common names,
 * "grievance" negative words that matter when the text is about work,
 * "child" phrases that point at a particular child ("a girl in my class")
 * and "group" protected groups (women, Muslims, old people).
 * "@inflect no" stops hunspell's word forms being added, "@inflect no-verbs"
 * leaves out -ed and -ing forms (idiots and dumber, not fooled); "@frames you
 * are|what a" makes the terms that follow match only after one of those
 * phrases ("you are a pig", not "pig farm"); "context=school" makes a term
 * warn only in a post about school ("sacked"), "context=child" only in one
 * about a particular child ("his mum has been sectioned"), "context=group"
 * only in one that names a protected group ("women aren't cut out"),
 * "context=concern" only in one that also says something derogatory or
 * confidential ("one of my colleagues is being investigated"). See
 * docs/tuning.md. */
#ifndef PREPOST_LEXICON_H
#define PREPOST_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "problems.h"

/* Which of hunspell's word forms a term also matches: of its last word
 * (all, or all but -ed and -ing), none, or all of its first word ("breed
 * like rabbits" → "breeding like rabbits"). */
enum lexicon_inflect { INFLECT_NO, INFLECT_NO_VERBS, INFLECT_ALL, INFLECT_FIRST };

/* What a post must be about for a term to warn at its severity; otherwise
 * it is a low hint. */
enum lexicon_context {
	CONTEXT_ANY,
	CONTEXT_SCHOOL, /* school: "sacked" of a colleague, not a football manager */
	CONTEXT_CHILD,  /* a particular child: "one of my boys ... sectioned" */
	CONTEXT_GROUP,  /* a protected group: "women aren't cut out for it" */
	/* something derogatory or confidential said in the post: "my line
	 * manager is a spineless jellyfish", not "my line manager lent me it" */
	CONTEXT_CONCERN,
	/* a promise of secrecy, kept about anything but happy news away from
	 * school: "keep it quiet, he's been arrested", not "keep it quiet,
	 * we're getting a puppy" */
	CONTEXT_SECRET,
};

struct lexicon_entry {
	const char *term; /* as written */
	uint32_t line;
	uint8_t category; /* enum category, or CAT_ALLOW */
	uint8_t severity; /* enum severity */
	uint8_t inflect;  /* enum lexicon_inflect */
	uint8_t context;  /* enum lexicon_context */
	/* '|'-separated phrases the term must follow ("you are|what a"), or
	 * NULL: the term matches alone. */
	const char *frames;
	/* NULL means the category's default text. */
	const char *message;
	const char *advice;
	const char *policy;
};

struct lexicon;

/* A term written as a word stem: "fuck*" matches longer words that begin
 * with it, "*shit" longer words that end with it. */
enum lexicon_stem {
	STEM_NONE,
	STEM_HEAD, /* "fuck*" */
	STEM_TAIL, /* "*shit" */
};
enum lexicon_stem lexicon_term_stem(const char *term);

struct lexicon *lexicon_load(const char *path, struct problems *problems);
/* name is used in problems. Never returns NULL: bad lines are reported and
 * skipped. */
struct lexicon *lexicon_parse(const char *name, const char *data, size_t len,
			      struct problems *problems);
void lexicon_destroy(struct lexicon *l);

size_t lexicon_count(const struct lexicon *l);
const struct lexicon_entry *lexicon_entry(const struct lexicon *l, size_t i);

/* Lists the lexicon files (*.txt) in dir, sorted by name. Returns NULL with
 * *count 0 when the folder cannot be read; free with lexicon_free_list(). */
char **lexicon_list_dir(const char *dir, size_t *count, int *err);
void lexicon_free_list(char **list, size_t count);

#endif
