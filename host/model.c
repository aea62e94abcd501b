/* The model file's parser and the reading of a text (model.h). Features sit
 * in one open-addressing table keyed by the hashes of their words, built
 * once at load; a reading looks up each token and each pair of tokens and
 * allocates nothing. */
#include "model.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "warning.h"

#define MAX_MODEL_BYTES (32u << 20)
#define NUMBER_FEATURE "<number>"
/* weights smaller than this do not choose a span */
#define SPAN_LEAST 0.15f
/* a section with no @alone: above any probability */
#define NEVER_ALONE 2.0f

/* Words that carry weight in a reading but explain nothing shown alone:
 * a span holds at least one other word when it can. */
static const char *const function_words[] = {
	"a",  "an",  "the", "and",  "or", "but", "to",  "of",   "in",    "on",  "at",
	"for", "with", "my", "our", "your", "his", "her", "their", "we", "i",  "me",
	"us", "it",  "is",  "was", "be", "been", "this", "that", "so",  "he",  "she",
	"they", "has", "had", "have", "s", "t", "m", "ve", "re", "ll", "d",
};

struct feature {
	uint32_t text; /* offset of its text in the model's arena */
	uint32_t len;
	uint32_t seen; /* the reading that last counted it */
};

struct word_model {
	struct {
		unsigned category;
		float bias, threshold, alone;
	} cats[MODEL_MAX_CATEGORIES];
	size_t cat_count;
	struct feature *features;
	float *weights; /* MODEL_MAX_CATEGORIES per feature */
	size_t count;
	/* open addressing: each slot a feature's key and index + 1 (0 empty),
	 * so that a probe touches the table alone until the keys agree */
	struct slot {
		uint32_t key, index;
	} *table;
	size_t mask;     /* table size - 1, a power of two */
	struct buf arena;
	uint32_t number_hash;
	uint32_t reading; /* counts readings, for feature.seen */
	/* the last reading's weights per token (a word, and the pair it ends),
	 * for word_model_explain */
	float word[MODEL_MAX_CATEGORIES][MODEL_MAX_TOKENS];
	float pair[MODEL_MAX_CATEGORIES][MODEL_MAX_TOKENS];
	size_t read_count;
};

/* a word alone has second == 0; a hash of 0 is taken as 1 */
static uint32_t key_of(uint32_t first, uint32_t second)
{
	uint32_t h = first * 0x9e3779b1u ^ (second + 0x7f4a7c15u) * 0x85ebca6bu;
	h ^= h >> 15;
	return h ? h : 1;
}

size_t word_model_category_count(const struct word_model *m)
{
	return m ? m->cat_count : 0;
}

unsigned word_model_category(const struct word_model *m, size_t k)
{
	return m->cats[k].category;
}

bool word_model_reads_alone(const struct word_model *m)
{
	for (size_t k = 0; m && k < m->cat_count; k++)
		if (m->cats[k].alone <= 1)
			return true;
	return false;
}

static bool is_number(const struct token *tok)
{
	return (tok->flags & TOKEN_HAS_DIGIT) && !(tok->flags & TOKEN_HAS_LETTER);
}

/* the text token i stands for in a feature: its folded word, or
 * NUMBER_FEATURE for digits alone */
static const char *feature_word(const struct tokens *t, size_t i, size_t *len)
{
	const struct token *tok = &t->items[i];
	if (is_number(tok)) {
		*len = sizeof(NUMBER_FEATURE) - 1;
		return NUMBER_FEATURE;
	}
	*len = tok->norm_len;
	return token_text(t, tok);
}

static size_t put_word(const struct tokens *t, size_t i, char *out, size_t cap)
{
	size_t n;
	const char *s = feature_word(t, i, &n);
	if (n > cap)
		n = cap;
	memcpy(out, s, n);
	return n;
}

size_t word_model_feature(const struct tokens *t, size_t i, bool pair, char *out, size_t cap)
{
	size_t n = 0;
	if (pair && i > 0) {
		n = put_word(t, i - 1, out, cap);
		if (n < cap)
			out[n++] = ' ';
	}
	n += put_word(t, i, out + n, cap - n);
	return n;
}

/* where the feature with this key and text is in the table, or the empty
 * slot where it would go */
static struct slot *slot_for(struct word_model *m, uint32_t key, const char *text, size_t len)
{
	for (size_t i = key & m->mask;; i = (i + 1) & m->mask) {
		struct slot *sl = &m->table[i];
		const struct feature *f = sl->index ? &m->features[sl->index - 1] : NULL;
		if (!f || (sl->key == key && f->len == len &&
			   !memcmp(m->arena.data + f->text, text, len)))
			return sl;
	}
}

/* the key of a feature as the file writes it: one word, or two with one
 * space between; false if it is neither */
static bool feature_key(const char *s, size_t len, uint32_t *key)
{
	const char *space = memchr(s, ' ', len);
	if (!len || len > MODEL_MAX_FEATURE_BYTES)
		return false;
	if (!space) {
		*key = key_of(text_hash(s, len), 0);
		return true;
	}
	size_t a = (size_t)(space - s), b = len - a - 1;
	if (!a || !b || memchr(space + 1, ' ', b))
		return false;
	*key = key_of(text_hash(s, a), text_hash(space + 1, b));
	return true;
}

/* A weight or a setting as prepost-train writes them: an optional minus
 * and decimal digits with at most one point ("-0.1620", "1", "0.60"). */
static bool parse_number(const char *s, size_t len, float *out)
{
	size_t i = 0, digits = 0, scale = 0;
	bool point = false, minus = len && s[0] == '-';
	uint64_t v = 0;
	for (i = minus; i < len; i++) {
		if (s[i] == '.' && !point) {
			point = true;
		} else if (s[i] >= '0' && s[i] <= '9' && digits < 18) {
			v = v * 10 + (uint64_t)(s[i] - '0');
			digits++;
			scale += point;
		} else {
			return false;
		}
	}
	if (!digits)
		return false;
	static const double tens[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
				      1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
	double d = (double)v / tens[scale];
	*out = (float)(minus ? -d : d);
	return true;
}

static bool is_directive(const char *line, size_t n, const char *name, const char **arg)
{
	size_t k = strlen(name);
	if (n < k || memcmp(line, name, k) || (n > k && line[k] != ' '))
		return false;
	*arg = n > k ? line + k + 1 : line + n;
	return true;
}

struct word_model *word_model_parse(const char *name, const char *data, size_t len,
				    struct problems *problems)
{
	struct word_model *m = xcalloc(1, sizeof(*m));
	buf_init(&m->arena);
	m->number_hash = text_hash(NUMBER_FEATURE, strlen(NUMBER_FEATURE));
	if (memchr(data, 0, len)) {
		problems_add(problems, "%s: not a text file (it holds a NUL byte)", name);
		goto err;
	}
	/* sized once: at most a feature a line, the table at most half full */
	size_t lines = 1;
	for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data))); p++)
		lines++;
	size_t size = 1024;
	while (size < 2 * lines)
		size *= 2;
	m->table = xcalloc(size, sizeof(*m->table));
	m->mask = size - 1;
	m->features = xmalloc(lines * sizeof(*m->features));
	m->weights = xmalloc(lines * MODEL_MAX_CATEGORIES * sizeof(*m->weights));
	buf_reserve(&m->arena, len);

	bool versioned = false;
	int section = -1;
	size_t line_no = 0;
	const char *next;
	for (const char *line = data, *end = data + len; line < end; line = next) {
		line_no++;
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
		next = nl ? nl + 1 : end;
		if (n && line[n - 1] == '\r')
			n--;
		if (!n || line[0] == '#')
			continue;
		const char *arg;
		if (line[0] == '@') {
			size_t an;
			if (is_directive(line, n, "@model", &arg)) {
				an = n - (size_t)(arg - line);
				if (!an)
					goto no_value;
				if (an != 1 || arg[0] != '1') {
					problems_add(problems, "%s:%zu: model format %.*s is not known (1 is)",
						     name, line_no, (int)an, arg);
					goto err;
				}
				versioned = true;
			} else if (is_directive(line, n, "@category", &arg)) {
				an = n - (size_t)(arg - line);
				if (!an)
					goto no_value;
				char *cat_name = xstrndup(arg, an);
				unsigned cat = category_from_name(cat_name);
				if (cat >= CAT_COUNT || cat == CAT_PUPIL_NAME || cat == CAT_PERSON_NAME) {
					problems_add(problems,
						     "%s:%zu: \"%s\" is not a category a model can read "
						     "(work_detail, derogatory, confidential or personal_data)",
						     name, line_no, cat_name);
					free(cat_name);
					goto err;
				}
				for (size_t k = 0; k < m->cat_count; k++)
					if (m->cats[k].category == cat) {
						problems_add(problems, "%s:%zu: category %s comes twice",
							     name, line_no, cat_name);
						free(cat_name);
						goto err;
					}
				free(cat_name);
				if (m->cat_count == MODEL_MAX_CATEGORIES) {
					problems_add(problems, "%s:%zu: more than %d categories", name,
						     line_no, MODEL_MAX_CATEGORIES);
					goto err;
				}
				section = (int)m->cat_count++;
				m->cats[section].category = cat;
				m->cats[section].threshold = 1.0f;
				m->cats[section].alone = NEVER_ALONE;
			} else if (is_directive(line, n, "@bias", &arg) ||
				   is_directive(line, n, "@threshold", &arg) ||
				   is_directive(line, n, "@alone", &arg)) {
				const char *what = line[1] == 'b'   ? "@bias"
						   : line[1] == 't' ? "@threshold"
								    : "@alone";
				bool bias = line[1] == 'b';
				float v;
				an = n - (size_t)(arg - line);
				if (!an)
					goto no_value;
				if (section < 0) {
					problems_add(problems, "%s:%zu: %s before any @category", name,
						     line_no, what);
					goto err;
				}
				if (!parse_number(arg, an, &v) || (!bias && (v <= 0 || v > 1))) {
					problems_add(problems, "%s:%zu: %s needs a number%s", name, line_no,
						     what, bias ? "" : " above 0 and at most 1");
					goto err;
				}
				if (bias)
					m->cats[section].bias = v;
				else if (line[1] == 't')
					m->cats[section].threshold = v;
				else
					m->cats[section].alone = v;
			} else {
				const char *sp = memchr(line, ' ', n);
				problems_add(problems, "%s:%zu: \"%.*s\" is not a model directive", name,
					     line_no, (int)(sp ? (size_t)(sp - line) : n), line);
				goto err;
			}
			continue;
		}
		if (!versioned || section < 0) {
			problems_add(problems, "%s:%zu: a weight before %s", name, line_no,
				     versioned ? "any @category" : "\"@model 1\"");
			goto err;
		}
		const char *tab = memchr(line, '\t', n);
		float w;
		uint32_t key;
		size_t flen = tab ? (size_t)(tab - line) : 0;
		if (!tab || !parse_number(tab + 1, n - flen - 1, &w) || !feature_key(line, flen, &key)) {
			problems_add(problems,
				     "%s:%zu: expected one or two words, a tab and a weight", name,
				     line_no);
			goto err;
		}
		struct slot *slot = slot_for(m, key, line, flen);
		if (!slot->index) {
			m->features[m->count] = (struct feature){(uint32_t)m->arena.len, (uint32_t)flen, 0};
			memset(m->weights + m->count * MODEL_MAX_CATEGORIES, 0,
			       MODEL_MAX_CATEGORIES * sizeof(float));
			buf_append(&m->arena, line, flen);
			slot->key = key;
			slot->index = (uint32_t)++m->count;
		} else if (m->weights[(slot->index - 1) * MODEL_MAX_CATEGORIES + (size_t)section] !=
			   0) {
			problems_add(problems, "%s:%zu: this feature comes twice in one category", name,
				     line_no);
			goto err;
		}
		m->weights[(slot->index - 1) * MODEL_MAX_CATEGORIES + (size_t)section] = w;
		continue;
no_value:
		problems_add(problems, "%s:%zu: \"%.*s\" needs a value", name, line_no, (int)n, line);
		goto err;
	}
	if (!versioned || !m->cat_count) {
		problems_add(problems, "%s: not a prepost model (\"@model 1\" and a @category expected)",
			     name);
		goto err;
	}
	return m;
err:
	word_model_destroy(m);
	return NULL;
}

struct word_model *word_model_load(const char *path, struct problems *problems)
{
	char *data;
	size_t len;
	int e = read_file(path, MAX_MODEL_BYTES, &data, &len);
	if (e < 0) {
		problems_add(problems, "%s: %s", path,
			     e == -EFBIG ? "larger than a model can be" : strerror(-e));
		return NULL;
	}
	struct word_model *m = word_model_parse(path, data, len, problems);
	free(data);
	return m;
}

void word_model_destroy(struct word_model *m)
{
	if (!m)
		return;
	free(m->table);
	free(m->features);
	free(m->weights);
	buf_finish(&m->arena);
	free(m);
}

static uint32_t token_hash(const struct word_model *m, const struct token *tok)
{
	return is_number(tok) ? m->number_hash : tok->hash;
}

/* whether the feature's text is the token (or pair) at i, as
 * word_model_feature writes it, compared where the words are */
static bool same_feature(const struct word_model *m, const struct feature *f,
			 const struct tokens *t, size_t i, bool pair)
{
	const char *s = m->arena.data + f->text, *w;
	size_t len = f->len, n;
	if (pair) {
		w = feature_word(t, i - 1, &n);
		if (n >= len || s[n] != ' ' || memcmp(s, w, n))
			return false;
		s += n + 1;
		len -= n + 1;
	}
	w = feature_word(t, i, &n);
	return n == len && !memcmp(s, w, n);
}

/* the index of the feature of token i (or of tokens i - 1 and i) + 1, or 0 */
static inline uint32_t find(const struct word_model *m, const struct tokens *t, size_t i, bool pair)
{
	uint32_t key = pair ? key_of(token_hash(m, &t->items[i - 1]), token_hash(m, &t->items[i]))
			    : key_of(token_hash(m, &t->items[i]), 0);
	for (size_t j = key & m->mask;; j = (j + 1) & m->mask) {
		const struct slot *sl = &m->table[j];
		if (!sl->index)
			return 0;
		if (sl->key == key && same_feature(m, &m->features[sl->index - 1], t, i, pair))
			return sl->index;
	}
}

/* whether token i is joined to the one before it in one written word
 * ("hasn't", "one's", "staff-room") */
static bool joined(const struct tokens *t, size_t i)
{
	uint16_t gap = t->items[i].gap;
	return !(gap & (GAP_SPACE | GAP_START | GAP_BREAK | GAP_STOP | GAP_OTHER | GAP_HANDLE));
}

/* The words that weigh most towards a category: of every run of up to
 * MODEL_SPAN_TOKENS tokens, within a sentence, starting and ending on
 * words that weigh something and holding a word that is not a function
 * word (if content), the one whose words and pairs weigh most. A single
 * word ("but", "our") seldom explains a reading; "told me her" does.
 * Returns the run's weight; first > last when there is none. */
static float best_run(const struct tokens *t, const float *word, const float *pair, size_t count,
		      const uint8_t *marks, bool content, uint32_t *first, uint32_t *last)
{
	float best = 0;
	*first = 1;
	*last = 0;
	for (size_t a = 0; a < count; a++) {
		float sum = 0;
		bool has_content = false;
		if (!(word[a] > 0 || (a + 1 < count && pair[a + 1] > 0)))
			continue;
		for (size_t b = a; b < count && b < a + MODEL_SPAN_TOKENS; b++) {
			/* within a sentence, and not another warning's words */
			if ((marks && (marks[b] & MODEL_TAKEN)) ||
			    (b > a && (t->items[b].gap & (GAP_BREAK | GAP_STOP))))
				break;
			sum += word[b] + (b > a ? pair[b] : 0);
			has_content = has_content || !content ||
				      !token_is(t, b, function_words, ARRAY_SIZE(function_words));
			if (sum > best && has_content && (word[b] > 0 || (b > a && pair[b] > 0))) {
				best = sum;
				*first = (uint32_t)a;
				*last = (uint32_t)b;
			}
		}
	}
	return best;
}

static float best_span(const struct tokens *t, const float *word, const float *pair, size_t count,
		       const uint8_t *marks, uint32_t *first, uint32_t *last)
{
	float best = best_run(t, word, pair, count, marks, true, first, last);
	if (*first > *last)
		best = best_run(t, word, pair, count, marks, false, first, last);
	/* whole written words: "hasn't had", not "t had" */
	if (*first <= *last) {
		while (*first > 0 && joined(t, *first))
			--*first;
		while (*last + 1 < t->count && joined(t, *last + 1))
			++*last;
	}
	return best;
}

void word_model_read(struct word_model *m, const struct tokens *t, const uint8_t *marks,
		     struct word_model_reading *out)
{
	float z[MODEL_MAX_CATEGORIES];
	for (size_t k = 0; k < m->cat_count; k++) {
		z[k] = m->cats[k].bias;
		out[k].first = 1;
		out[k].last = 0;
	}
	if (++m->reading == 0) {
		for (size_t j = 0; j < m->count; j++)
			m->features[j].seen = 0;
		m->reading = 1;
	}
	size_t count = t->count < MODEL_MAX_TOKENS ? t->count : MODEL_MAX_TOKENS;
	m->read_count = count;
	for (size_t i = 0; i < count; i++)
		for (int is_pair = 0; is_pair <= (i > 0); is_pair++) {
			bool ignored = marks && ((marks[i] & MODEL_IGNORED) ||
						 (is_pair && (marks[i - 1] & MODEL_IGNORED)));
			uint32_t e = ignored ? 0 : find(m, t, i, is_pair);
			struct feature *f = e ? &m->features[e - 1] : NULL;
			const float *w = e ? &m->weights[(e - 1) * MODEL_MAX_CATEGORIES] : NULL;
			/* what a span is chosen by: a word that weighs little
			 * ("a", "to") neither starts nor ends it */
			for (size_t k = 0; k < m->cat_count; k++)
				(is_pair ? m->pair : m->word)[k][i] =
					w && fabsf(w[k]) >= SPAN_LEAST ? w[k] : 0;
			if (!f || f->seen == m->reading)
				continue;
			f->seen = m->reading;
			for (size_t k = 0; k < m->cat_count; k++)
				z[k] += w[k];
		}
	for (size_t k = 0; k < m->cat_count; k++) {
		out[k].probability = 1.0f / (1.0f + expf(-z[k]));
		out[k].threshold = m->cats[k].threshold;
		out[k].alone = m->cats[k].alone;
		out[k].weight = z[k] - m->cats[k].bias;
	}
}

void word_model_explain(struct word_model *m, const struct tokens *t, const uint8_t *marks,
			size_t k, struct word_model_reading *out)
{
	size_t count = m->read_count < t->count ? m->read_count : t->count;
	/* words no other warning is on, unless they weigh less than half as
	 * much as the best ("and we've" beside "[not to tell the class]"):
	 * then the span is the best's, which may be shared */
	float all = best_span(t, m->word[k], m->pair[k], count, NULL, &out->first, &out->last);
	uint32_t first, last;
	if (marks && best_span(t, m->word[k], m->pair[k], count, marks, &first, &last) >= all / 2) {
		out->first = first;
		out->last = last;
	}
}

float word_model_weight(const struct word_model *m, const struct tokens *t, size_t k,
			size_t first, size_t last)
{
	float sum = 0;
	for (size_t i = first; i <= last && i < t->count; i++)
		for (int is_pair = 0; is_pair <= (i > first); is_pair++) {
			uint32_t e = find(m, t, i, is_pair);
			if (e)
				sum += m->weights[(e - 1) * MODEL_MAX_CATEGORIES + k];
		}
	return sum;
}
