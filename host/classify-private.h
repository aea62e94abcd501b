/* The classifier's insides, shared by classify.c (building it) and check.c
 * (checking a text). Nothing outside those two files includes this. */
#ifndef PREPOST_CLASSIFY_PRIVATE_H
#define PREPOST_CLASSIFY_PRIVATE_H

#include <pthread.h>
#include <semaphore.h>

#include "classify.h"
#include "match.h"
#include "model.h"
#include "patterns.h"
#include "text.h"
#include "util.h"

/* A derogatory word that a masked form (f*ck) may stand for. */
struct masked_term {
	char *form;
	size_t len;
	struct payload p;
};

/* A word stem from a lexicon ("fuck*", "*shit"): any word that begins (or
 * ends) with it and that no list knows as a whole word. */
struct stem {
	char *form; /* folded */
	uint32_t len;
	bool at_end; /* "*shit": the word ends with the stem */
	struct payload p;
};

#define STEM_BITS 65536u

static inline unsigned stem_head_key(const char *w)
{
	return (unsigned)(uint8_t)w[0] << 8 | (uint8_t)w[1];
}

/* w ends at end; at least three bytes before it */
static inline unsigned stem_tail_key(const char *end)
{
	return ((unsigned)(uint8_t)end[-3] * 961u + (uint8_t)end[-2] * 31u + (uint8_t)end[-1]) &
	       (STEM_BITS - 1);
}

static inline bool stem_bit(const uint64_t *set, unsigned key)
{
	return set && (set[key >> 6] >> (key & 63)) & 1;
}

/* A possible warning found while scanning, judged once the whole text has
 * been seen (a name's severity depends on school context anywhere in it). */
struct candidate {
	uint32_t start, end;   /* bytes */
	uint32_t first, last;  /* tokens: phrases, news not shared yet, schools by name */
	uint32_t node;         /* dictionary node, or MATCH_NO_NODE */
	uint8_t category;      /* for non-phrase candidates */
	uint8_t severity;
	uint16_t label;
	/* a phrase listed in two warning categories ("told the DSL" is both a
	 * confidential matter and a work detail) warns as the other too */
	uint8_t also_category, also_severity;
	uint16_t also_label;
	bool gated; /* a phrase that warns only in some posts (TERM_GATED) */
};

/* Candidates as a scanner proposes them, and whether one of them says the
 * text is about school, or (phrases only) about a particular child. */
struct cand_list {
	struct candidate *items;
	size_t count, cap;
	bool context;
	bool child;
	bool group; /* a protected group is named (phrases only) */
	/* a term that warns only beside something derogatory or confidential
	 * was found, and whether there is such a thing (phrases only) */
	bool concern_term, concern;
	/* a promise of secrecy was found ("keep it quiet"): it makes the post
	 * about school unless the secret is happy news (phrases only) */
	bool secret;
	/* the writer speaks of their own pupils ("my class", "one of my
	 * boys") (phrases only) */
	bool teacher;
	/* every work detail and confidential term is said of schools in
	 * general, and was lowered to a hint for it */
	bool general;
};

/* A long text's second thread: it tokenises and looks up the text's last
 * part, then scans the whole for obfuscated words and patterns, while the
 * checking thread tokenises the first part and looks up the phrases. */
struct side_scan {
	struct classifier *c;
	const char *text;
	size_t len;
	size_t split;          /* its tokens are text[split, len); 0: none */
	struct tokens tokens;  /* ... with their ids and stems */
	uint32_t *ids;
	size_t ids_cap;
	struct cand_list stems;
	sem_t tokens_ready;    /* posted when they are */
	struct cand_list obf, pat; /* taken over in the order one thread would find them */
	struct buf scratch;
	pthread_t thread;
};

/* What "<number>" and "<many>" in a lexicon term become: tokens no text
 * can have. "<many>" is a number in digits from MANY_LEAST up, a crowd no
 * family has ("a trip with 60 kids"). */
#define NUMBER_WORD "#"
#define MANY_WORD "##"
#define MANY_LEAST 40

struct classifier {
	struct match_dict *dict;
	struct typos *typos; /* misspellings of lexicon words, typos.c */
	uint32_t number_id; /* NUMBER_WORD's token, or MATCH_NO_TOKEN */
	uint32_t many_id;   /* MANY_WORD's token, or MATCH_NO_TOKEN */
	uint32_t filler_ids[24]; /* words a phrase may step over, check.c */
	size_t filler_count;
	uint64_t filler_bits; /* bit (id & 63) of each filler's token id */
	struct match_dict *common; /* very common names, while loading only */
	uint8_t *name_flags;       /* per token id while loading: flags + 1, 0 unknown */
	size_t name_flags_cap;
	struct tokens name_tokens[11]; /* while loading: one per name field */
	struct tokens term_tokens;     /* while loading: a lexicon term */
	const char *frames_of;         /* while loading: frames last tokenised */
	struct tokens frame_tokens;    /* while loading: a frame being walked in */
	struct frame_end {
		uint32_t node;  /* where a frame ends in the dictionary */
		uint32_t words; /* and how many words it has */
	} *frame_ends;          /* while loading: one per frame, as many as listed */
	size_t frame_count, frame_cap;
	char *last_reg;
	struct patterns *patterns;
	/* the whole post's reading (model.h), or NULL; its file, found while
	 * loading and read with the names; what was wrong with it; and its
	 * warnings' labels */
	struct word_model *model;
	char *model_path;
	struct problems model_problems;
	uint16_t model_labels[MODEL_MAX_CATEGORIES];
	struct label *labels;
	size_t label_count;
	size_t label_cap;
	uint16_t pattern_labels[PL_COUNT];
	uint16_t grievance_label;
	uint16_t *custom_labels; /* one per config pattern */
	struct masked_term *masked;
	size_t masked_count;
	struct stem *stems;
	size_t stem_count;
	/* Bit per first two bytes of a word that some stem begins, and per
	 * hash of the last three that some stem ends: most words pass
	 * neither test. */
	uint64_t *stem_heads, *stem_tails;
	struct lexicon **lexicons;
	size_t lexicon_count;
	char **owned; /* strings labels point to (config rewordings) */
	size_t owned_count;
	struct roster_info *rosters;
	struct classifier_stats stats;
	/* each one-word forename with each one-word surname of a person on a
	 * roster, as token ids, sorted by forename and (a copy) by surname: a
	 * full name misspelt by a letter ("Ruby Ashwoth") is still theirs */
	struct name_pair {
		uint32_t fore, sur;
	} *by_fore, *by_sur;
	size_t pair_count, pair_cap;
	uint64_t *fore_bits, *sur_bits; /* bit per token id in some pair */
	size_t pair_bits_words;

	/* while the names are added in the background (classifier_start) */
	struct roster **parsed; /* one per config roster, NULL if not loaded */
	size_t parsed_count;
	struct strv school_names, trust_names, email_domains; /* the config's */
	struct morphology *morphology;
	pthread_t builder;
	bool building;
	char *config_path;
	char *lexicon_dir;
	char *dictionary;

	/* per-check scratch */
	struct tokens tokens;
	uint32_t *ids;
	size_t ids_cap;
	struct cand_list cands; /* and whether the text is about school */
	/* sentences, as token ranges, where a parent speaks of their own
	 * child at school ("proud mum", "Will's school play"), when the text
	 * names none of the writer's own pupils; the first few only */
	struct {
		uint32_t first, last;
	} parent_spans[16];
	size_t parent_span_count;
	/* allowlisted phrases' byte ranges, in order; the first few only */
	struct {
		uint32_t start, end;
	} allowed[16];
	size_t allowed_count;
	struct cand_list stem_cands; /* words found by stem, joined after the phrases */
	struct buf obf;
	size_t parallel_min; /* texts this long use a second thread */
	struct side_scan side;
};

/* Waits for the names, if classifier_start is still adding them. */
void classifier_wait_for_names(struct classifier *c);

#endif
