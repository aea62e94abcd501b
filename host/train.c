/* prepost-train: learns the word model (model.h) from labelled posts.
 *
 *   prepost-train [options] SET.tsv... > lexicons/posts.model
 *
 * Each line of a set is "labels<TAB>text", the labels comma-separated
 * ("confidential,work_detail", "clean"); lines starting with '#' are
 * comments. For each category asked for, an L2-regularised logistic
 * regression (liblinear's primal solver, which is deterministic) is fitted
 * over the features word_model_feature() gives, present or not; features
 * seen in fewer than --min-count posts are left out, and weights smaller
 * than --prune are not written. The same sets give the same file, which
 * tests/eval checks against the shipped one.
 *
 * Options:
 *   --clean FILE                 posts, one per line, none of which warns
 *                                (for tweets that are not about school)
 *   --cases FILE                 tests/data/classify/cases.txt: "text<TAB>
 *                                expected warnings", the categories of
 *                                which are its labels
 *   --category NAME[=THRESHOLD[,ALONE]]
 *                                a category to learn, the probability from
 *                                which it warns in a post about school (0.8
 *                                if not given) and, if given, in any other
 *                                post (model.h's @alone)
 *   --cost C                     liblinear's C (1)
 *   --min-count N                (2)
 *   --prune W                    (0.05) */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linear.h>

#include "match.h"
#include "model.h"
#include "util.h"
#include "warning.h"

/* The features met, interned in a match_dict (ids from 0 in the order
 * first met), with what is counted of each. */
struct vocab_entry {
	uint32_t docs;
	int index; /* liblinear's, from 1; 0 when left out */
};

struct vocab {
	struct match_dict *words;
	struct vocab_entry *items;
	size_t count, cap;
};

static size_t vocab_add(struct vocab *v, const char *s, size_t len)
{
	uint32_t id = match_dict_intern(v->words, s, len);
	if (id == v->count) {
		grow_array((void **)&v->items, &v->cap, v->count + 1, sizeof(*v->items));
		v->items[v->count++] = (struct vocab_entry){0, 0};
	}
	return id;
}

struct post {
	char *labels;
	size_t *features; /* vocabulary entries, each once */
	size_t count;
};

static bool has_label(const char *labels, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = labels; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && !memcmp(p, name, n))
			return true;
		p += len + (comma != NULL);
	}
	return false;
}

/* The categories of a case's expected warnings ("medium:work_detail:Year 6
 * | high:confidential:LADO"), comma-separated; "clean" stays clean. */
static char *case_labels(const char *expected)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = expected; *p;) {
		const char *bar = strstr(p, " | ");
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		const char *end = colon ? memchr(colon + 1, ':', len - (size_t)(colon + 1 - p)) : NULL;
		if (end) {
			if (b.len)
				buf_append_char(&b, ',');
			buf_append(&b, colon + 1, (size_t)(end - colon - 1));
		}
		p += len + (bar ? 3 : 0);
	}
	if (!b.len)
		buf_append(&b, "clean", 5);
	char *labels = xstrdup(buf_cstr(&b));
	buf_finish(&b);
	return labels;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

static void read_post(struct vocab *v, struct tokens *t, struct post *p, const char *text)
{
	text_tokenize(t, text, strlen(text));
	p->features = xcalloc(2 * t->count + 1, sizeof(*p->features));
	p->count = 0;
	char buf[1024];
	size_t n = t->count < MODEL_MAX_TOKENS ? t->count : MODEL_MAX_TOKENS;
	for (size_t i = 0; i < n; i++)
		for (int pair = 0; pair <= (i > 0); pair++) {
			size_t len = word_model_feature(t, i, pair, buf, sizeof(buf));
			if (len > MODEL_MAX_FEATURE_BYTES)
				continue;
			p->features[p->count++] = vocab_add(v, buf, len);
		}
	qsort(p->features, p->count, sizeof(*p->features), cmp_size);
	size_t k = 0;
	for (size_t i = 0; i < p->count; i++)
		if (!k || p->features[k - 1] != p->features[i])
			p->features[k++] = p->features[i];
	p->count = k;
	for (size_t i = 0; i < k; i++)
		v->items[p->features[i]].docs++;
}

static void quiet(const char *s)
{
	(void)s;
}

static int usage(void)
{
	fputs("usage: prepost-train [--category NAME[=THRESHOLD[,ALONE]]]... [--clean FILE]... "
	      "[--cases FILE]... [--cost C] "
	      "[--min-count N] [--prune W] SET.tsv...\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *cat_names[MODEL_MAX_CATEGORIES];
	double thresholds[MODEL_MAX_CATEGORIES], alone[MODEL_MAX_CATEGORIES];
	size_t cat_count = 0;
	const char *clean_files[8], *case_files[8];
	size_t clean_count = 0, case_count = 0;
	double cost = 1, prune = 0.05;
	unsigned long min_count = 2;
	int argi = 1;
	for (; argi < argc && !strncmp(argv[argi], "--", 2); argi++) {
		const char *opt = argv[argi], *val = argi + 1 < argc ? argv[argi + 1] : NULL;
		if (!val)
			return usage();
		argi++;
		char *end;
		if (!strcmp(opt, "--category")) {
			if (cat_count == MODEL_MAX_CATEGORIES)
				return usage();
			char *name = xstrdup(val), *eq = strchr(name, '=');
			thresholds[cat_count] = 0.8;
			alone[cat_count] = 0; /* none */
			if (eq) {
				*eq = 0;
				thresholds[cat_count] = strtod(eq + 1, &end);
				if (*end == ',') {
					alone[cat_count] = strtod(end + 1, &end);
					if (!(alone[cat_count] > 0 && alone[cat_count] <= 1))
						return usage();
				}
				if (*end || !(thresholds[cat_count] > 0 && thresholds[cat_count] <= 1))
					return usage();
			}
			unsigned cat = category_from_name(name);
			if (cat != CAT_WORK_DETAIL && cat != CAT_CONFIDENTIAL && cat != CAT_DEROGATORY &&
			    cat != CAT_PERSONAL_DATA) {
				fprintf(stderr, "prepost-train: %s is not a category a model can read\n",
					name);
				return 2;
			}
			cat_names[cat_count++] = name;
		} else if (!strcmp(opt, "--clean")) {
			if (clean_count == ARRAY_SIZE(clean_files))
				return usage();
			clean_files[clean_count++] = val;
		} else if (!strcmp(opt, "--cases")) {
			if (case_count == ARRAY_SIZE(case_files))
				return usage();
			case_files[case_count++] = val;
		} else if (!strcmp(opt, "--cost")) {
			cost = strtod(val, &end);
			if (*end || !(cost > 0))
				return usage();
		} else if (!strcmp(opt, "--prune")) {
			prune = strtod(val, &end);
			if (*end || !(prune >= 0))
				return usage();
		} else if (!strcmp(opt, "--min-count")) {
			min_count = strtoul(val, &end, 10);
			if (*end || !min_count)
				return usage();
		} else {
			return usage();
		}
	}
	if (argi == argc || !cat_count)
		return usage();

	struct vocab v = {match_dict_create(), NULL, 0, 0};
	struct tokens t;
	tokens_init(&t);
	struct post *posts = NULL;
	size_t post_count = 0, post_cap = 0;
	size_t first_set = (size_t)argi, extra = clean_count + case_count;
	for (size_t f = 0; f < extra + (size_t)argc - first_set; f++) {
		bool plain = f < clean_count, cases = !plain && f < extra;
		const char *path = plain   ? clean_files[f]
				   : cases ? case_files[f - clean_count]
					   : argv[first_set + f - extra];
		char *data;
		size_t len;
		int e = read_file(path, 64u << 20, &data, &len);
		if (e < 0) {
			fprintf(stderr, "prepost-train: %s: %s\n", path, strerror(-e));
			return 1;
		}
		size_t line_no = 0;
		for (char *line = data, *next; line && *line; line = next) {
			line_no++;
			next = strchr(line, '\n');
			if (next)
				*next++ = 0;
			size_t n = strlen(line);
			if (n && line[n - 1] == '\r')
				line[--n] = 0;
			if (!n || (!plain && line[0] == '#'))
				continue;
			char *tab = plain ? NULL : strchr(line, '\t');
			if (!plain && !tab) {
				fprintf(stderr, "prepost-train: %s:%zu: expected labels, a tab and a post\n",
					path, line_no);
				return 1;
			}
			if (tab)
				*tab = 0;
			grow_array((void **)&posts, &post_cap, post_count + 1, sizeof(*posts));
			posts[post_count].labels = plain ? xstrdup("clean")
						   : cases ? case_labels(tab + 1)
							   : xstrdup(line);
			read_post(&v, &t, &posts[post_count++], plain ? line : cases ? line : tab + 1);
		}
		free(data);
	}
	tokens_finish(&t);

	/* features in enough posts, numbered in the order first seen: each
	 * post's are sorted by entry, so its indices are in order, as
	 * liblinear wants them */
	int n = 0;
	for (size_t i = 0; i < v.count; i++)
		v.items[i].index = v.items[i].docs >= min_count ? ++n : 0;

	struct feature_node **x = xcalloc(post_count, sizeof(*x));
	for (size_t i = 0; i < post_count; i++) {
		size_t k = 0;
		x[i] = xcalloc(posts[i].count + 2, sizeof(**x));
		for (size_t j = 0; j < posts[i].count; j++) {
			int index = v.items[posts[i].features[j]].index;
			if (index)
				x[i][k++] = (struct feature_node){index, 1};
		}
		x[i][k++] = (struct feature_node){n + 1, 1}; /* the bias */
		x[i][k] = (struct feature_node){-1, 0};
	}
	set_print_string_function(quiet);

	double **weights = xcalloc(cat_count, sizeof(*weights));
	printf("# prepost's word model: weights over words and pairs of words, learnt by\n"
	       "# prepost-train from %zu labelled posts (logistic regression, C=%g,\n"
	       "# features in at least %lu posts, weights under %g left out).\n"
	       "# Made, not written: see docs/classifier.md before changing it.\n@model 1\n",
	       post_count, cost, min_count, prune);
	for (size_t c = 0; c < cat_count; c++) {
		double *y = xcalloc(post_count, sizeof(*y));
		size_t positives = 0;
		for (size_t i = 0; i < post_count; i++) {
			y[i] = has_label(posts[i].labels, cat_names[c]) ? 1 : -1;
			positives += y[i] > 0;
		}
		struct problem prob = {(int)post_count, n + 1, y, x, 1};
		struct parameter param = {.solver_type = L2R_LR, .eps = 0.01, .C = cost};
		const char *bad = check_parameter(&prob, &param);
		if (bad || !positives || positives == post_count) {
			fprintf(stderr, "prepost-train: cannot learn %s: %s\n", cat_names[c],
				bad ? bad : "the posts are all one way");
			return 1;
		}
		struct model *m = train(&prob, &param);
		/* w is for the first label liblinear met */
		double sign = m->label[0] == 1 ? 1 : -1;
		weights[c] = xcalloc((size_t)n + 1, sizeof(**weights));
		for (int j = 0; j <= n; j++)
			weights[c][j] = sign * m->w[j];
		printf("\n@category %s\n@bias %.4f\n@threshold %.2f\n", cat_names[c], weights[c][n],
		       thresholds[c]);
		if (alone[c] > 0)
			printf("@alone %.2f\n", alone[c]);
		for (size_t i = 0; i < v.count; i++) {
			int index = v.items[i].index;
			size_t len;
			const char *text = match_dict_token_text(v.words, (uint32_t)i, &len);
			if (index && fabs(weights[c][index - 1]) >= prune)
				printf("%.*s\t%.4f\n", (int)len, text, weights[c][index - 1]);
		}
		free_and_destroy_model(&m);
		free(y);
	}

	for (size_t c = 0; c < cat_count; c++) {
		free(weights[c]);
		free((char *)cat_names[c]);
	}
	free(weights);
	for (size_t i = 0; i < post_count; i++) {
		free(x[i]);
		free(posts[i].labels);
		free(posts[i].features);
	}
	free(x);
	free(posts);
	match_dict_destroy(v.words);
	free(v.items);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
