/* A second reading of a whole post: a linear model (logistic regression)
 * over its words and pairs of adjacent words, one weight per word and pair
 * per category, learnt from the labelled posts in tests/eval by
 * prepost-train (tests/eval/train.c, with liblinear). Lexicons find what
 * they list; the model weighs what a post is about, and says a post reads
 * like a confidential matter or a detail of work when no listed phrase
 * does ("Some concerns raised about a colleague. It's being looked into").
 *
 * The model file is plain text, shipped beside the lexicons:
 *
 *   # a comment
 *   @model 1                    the format
 *   @category confidential      a section: this category's bias, threshold
 *   @bias -2.5                  and the weights that follow
 *   @threshold 0.8
 *   @alone 0.9                  optional: the probability it needs in a
 *                               post with no word of school (else never)
 *   looked into<TAB>1.25        a word or two words, folded as tokens are
 *
 * Features are the folded tokens of text.h, a token of digits alone being
 * "<number>", and each pair of adjacent tokens joined by one space. A feature
 * counts once however often it occurs. */
#ifndef PREPOST_MODEL_H
#define PREPOST_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "problems.h"
#include "text.h"

#define MODEL_MAX_CATEGORIES 4
/* Only a post's first tokens are read: a post, not a book. */
#define MODEL_MAX_TOKENS 600
/* The most tokens a warning from the model is shown over. */
#define MODEL_SPAN_TOKENS 4
/* The longest feature a model file may hold, in bytes. */
#define MODEL_MAX_FEATURE_BYTES 256

struct word_model;

/* Loads a model file. Returns NULL, with a problem naming the file and line,
 * when it cannot be read or a line is not understood. */
struct word_model *word_model_load(const char *path, struct problems *problems);
/* The same from bytes; name is used in problems. */
struct word_model *word_model_parse(const char *name, const char *data, size_t len,
			  struct problems *problems);
void word_model_destroy(struct word_model *m);

/* The feature of tokens [i - 1, i] (pair true) or of token i alone, written
 * into out (at least 2 * longest token + 2 bytes) as the model file has it;
 * returns its length. The trainer and the model share it. */
size_t word_model_feature(const struct tokens *t, size_t i, bool pair, char *out, size_t cap);

size_t word_model_category_count(const struct word_model *m);
/* The warning category (enum category) of a model section. */
unsigned word_model_category(const struct word_model *m, size_t k);

/* Whether any section has an @alone threshold. */
bool word_model_reads_alone(const struct word_model *m);

/* What the model makes of a text for each of its sections. */
struct word_model_reading {
	float probability;
	float threshold;
	/* the probability needed where nothing says the post is about school,
	 * above 1 where the section never speaks there */
	float alone;
	/* what the post's known words and pairs weigh, the bias left out */
	float weight;
	/* set by word_model_explain: the run of at most MODEL_SPAN_TOKENS
	 * tokens whose words and pairs weigh most towards the category, as
	 * tokens [first, last]; first > last when none weighs towards it */
	uint32_t first, last;
};

/* What a caller knows of a token before the model reads it. */
enum word_model_mark {
	/* another warning's: the span had better not cover it, unless the
	 * words that do not weigh less than half as much as the best */
	MODEL_TAKEN = 1 << 0,
	/* allowed: its word and the pairs it is in count for nothing */
	MODEL_IGNORED = 1 << 1,
};

/* Reads tokens (at most MODEL_MAX_TOKENS of them) and fills each section's
 * probability and threshold in out[k]. marks, if not NULL, has an enum
 * word_model_mark set per token. Not thread-safe: a model marks the
 * features it has counted and keeps the reading for word_model_explain. */
void word_model_read(struct word_model *m, const struct tokens *t, const uint8_t *marks,
		     struct word_model_reading *out);

/* The span of section k in the last reading of the same tokens, into
 * out->first and out->last: asked for only when a warning is shown. */
void word_model_explain(struct word_model *m, const struct tokens *t, const uint8_t *marks,
			size_t k, struct word_model_reading *out);

/* What the words and pairs wholly within tokens [first, last] weigh in
 * section k, whether or not they were counted in a reading: how much the
 * model makes of a phrase by itself. 0 for words it does not know. */
float word_model_weight(const struct word_model *m, const struct tokens *t, size_t k,
			size_t first, size_t last);

#endif
