/* prepost-eval: measures the classifier on labelled data.
 *
 *   prepost-eval [--config F] [--roster F] [--lexicons DIR] [--show N] MODE ...
 *
 * MODE is one of
 *   labelled FILE.tsv...
 *                       lines "labels<TAB>text", labels a comma list of
 *                       categories or "clean": per-category precision and
 *                       recall, and the share of clean texts flagged, for
 *                       each file in turn (one classifier for them all)
 *   olid TEXT LABELS    OLID tweets: derogatory recall on offensive ones and
 *                       the false-positive rate on the others
 *   ordinary TEXT       everyday tweets: the share flagged pupil_name
 *
 * A text counts as flagged for a category when it gets a warning of that
 * category at medium or above (what makes the extension ask before
 * posting). --show N lists up to N misses and false alarms per category;
 * with --hits, olid also lists the offensive tweets it found (to compare
 * two versions of the lexicons line by line).
 * --expect K=V (repeatable) turns a figure into a pass/fail check:
 * recall.CAT, precision.CAT, clean_flagged, olid_recall, olid_fp,
 * ordinary_flagged; the exit status is 1 when one is not met. A later
 * --expect for the same K replaces an earlier one (a set's own figure over
 * the defaults). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "util.h"

struct expectation {
	char *key;
	double value;
	bool at_most; /* rates of false alarms must be at most; others at least */
};

static struct expectation expects[32];
static size_t nexpect;
static int failures;
static size_t show = 10;
static bool show_hits;

static void measured(const char *key, double value)
{
	for (size_t i = 0; i < nexpect; i++) {
		if (strcmp(expects[i].key, key) != 0)
			continue;
		bool ok = expects[i].at_most ? value <= expects[i].value + 1e-9
					     : value >= expects[i].value - 1e-9;
		printf("  %-28s %.3f %s %.3f  %s\n", key, value, expects[i].at_most ? "<=" : ">=",
		       expects[i].value, ok ? "ok" : "NOT MET");
		if (!ok)
			failures++;
	}
}

static char **read_lines(const char *path, size_t *n)
{
	char *data;
	size_t len;
	int e = read_file(path, 256u << 20, &data, &len);
	if (e < 0) {
		fprintf(stderr, "prepost-eval: cannot read %s: %s\n", path, strerror(-e));
		exit(2);
	}
	char **lines = NULL;
	size_t cap = 0;
	*n = 0;
	for (char *save = NULL, *l = strtok_r(data, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t k = strlen(l);
		if (k && l[k - 1] == '\r')
			l[k - 1] = '\0';
		grow_array((void **)&lines, &cap, *n + 1, sizeof(*lines));
		lines[(*n)++] = xstrdup(l);
	}
	free(data);
	return lines;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Bitmask of categories flagged at medium or above. */
static unsigned flagged(struct classifier *c, const char *text, struct warnings *w)
{
	classifier_check(c, text, strlen(text), w);
	unsigned m = 0;
	for (size_t i = 0; i < w->count; i++)
		if (w->items[i].severity >= SEV_MEDIUM)
			m |= 1u << w->items[i].category;
	return m;
}

static void print_flags(const char *text, const struct warnings *w)
{
	for (size_t i = 0; i < w->count; i++)
		if (w->items[i].severity >= SEV_MEDIUM)
			printf(" [%s %s \"%.*s\"]", severity_name((enum severity)w->items[i].severity),
			       category_name((enum category)w->items[i].category),
			       (int)(w->items[i].end - w->items[i].start), text + w->items[i].start);
}

static int run_labelled(struct classifier *c, const char *path)
{
	size_t n;
	char **lines = read_lines(path, &n);
	size_t tp[CAT_COUNT] = {0}, fp[CAT_COUNT] = {0}, fn[CAT_COUNT] = {0};
	size_t clean = 0, clean_flagged = 0, texts = 0;
	struct warnings w;
	warnings_init(&w);
	struct buf misses[CAT_COUNT], alarms[CAT_COUNT];
	size_t nmiss[CAT_COUNT] = {0}, nalarm[CAT_COUNT] = {0};
	for (int k = 0; k < CAT_COUNT; k++) {
		buf_init(&misses[k]);
		buf_init(&alarms[k]);
	}
	for (size_t i = 0; i < n; i++) {
		char *l = lines[i];
		char *tab = strchr(l, '\t');
		if (l[0] == '#' || !tab)
			continue;
		*tab = '\0';
		const char *text = tab + 1;
		unsigned want = 0;
		bool is_clean = false;
		for (char *save = NULL, *lab = strtok_r(l, ",", &save); lab;
		     lab = strtok_r(NULL, ",", &save)) {
			if (strcmp(lab, "clean") == 0) {
				is_clean = true;
				continue;
			}
			unsigned cat = category_from_name(lab);
			if (cat >= CAT_COUNT) {
				fprintf(stderr, "%s:%zu: unknown label '%s'\n", path, i + 1, lab);
				exit(2);
			}
			want |= 1u << cat;
		}
		texts++;
		unsigned got = flagged(c, text, &w);
		if (is_clean) {
			clean++;
			if (got)
				clean_flagged++;
		}
		for (int k = 0; k < CAT_COUNT; k++) {
			bool wk = want & (1u << k), gk = got & (1u << k);
			if (wk && gk)
				tp[k]++;
			else if (gk) {
				fp[k]++;
				if (nalarm[k]++ < show) {
					buf_printf(&alarms[k], "    line %zu: %s\n", i + 1, text);
				}
			} else if (wk) {
				fn[k]++;
				if (nmiss[k]++ < show)
					buf_printf(&misses[k], "    line %zu: %s\n", i + 1, text);
			}
		}
	}
	printf("%s: %zu texts, %zu of them clean\n", path, texts, clean);
	printf("  %-14s %9s %9s %6s %6s %6s\n", "category", "precision", "recall", "tp", "fp", "fn");
	char key[64];
	for (int k = 0; k < CAT_COUNT; k++) {
		if (tp[k] + fp[k] + fn[k] == 0)
			continue;
		double p = tp[k] + fp[k] ? (double)tp[k] / (double)(tp[k] + fp[k]) : 1.0;
		double r = tp[k] + fn[k] ? (double)tp[k] / (double)(tp[k] + fn[k]) : 1.0;
		printf("  %-14s %9.3f %9.3f %6zu %6zu %6zu\n", category_name((enum category)k), p, r,
		       tp[k], fp[k], fn[k]);
	}
	double cf = clean ? (double)clean_flagged / (double)clean : 0;
	printf("  clean texts flagged medium or higher: %zu of %zu (%.1f%%)\n", clean_flagged,
	       clean, 100 * cf);
	for (int k = 0; k < CAT_COUNT; k++) {
		if (misses[k].len)
			printf("  missed %s:\n%s", category_name((enum category)k), misses[k].data);
		if (alarms[k].len)
			printf("  false alarms %s:\n%s", category_name((enum category)k), alarms[k].data);
		buf_finish(&misses[k]);
		buf_finish(&alarms[k]);
	}
	for (int k = 0; k < CAT_COUNT; k++) {
		if (tp[k] + fn[k]) {
			snprintf(key, sizeof(key), "recall.%s", category_name((enum category)k));
			measured(key, (double)tp[k] / (double)(tp[k] + fn[k]));
		}
		if (tp[k] + fp[k]) {
			snprintf(key, sizeof(key), "precision.%s", category_name((enum category)k));
			measured(key, (double)tp[k] / (double)(tp[k] + fp[k]));
		}
	}
	measured("clean_flagged", cf);
	warnings_finish(&w);
	free_lines(lines, n);
	return 0;
}

static int run_olid(struct classifier *c, const char *text_path, const char *label_path)
{
	size_t n, m;
	char **texts = read_lines(text_path, &n);
	char **labels = read_lines(label_path, &m);
	if (n != m) {
		fprintf(stderr, "prepost-eval: %zu texts but %zu labels\n", n, m);
		exit(2);
	}
	size_t off = 0, off_hit = 0, not = 0, not_hit = 0, shown = 0;
	struct warnings w;
	warnings_init(&w);
	unsigned der = 1u << CAT_DEROGATORY;
	for (size_t i = 0; i < n; i++) {
		bool hit = flagged(c, texts[i], &w) & der;
		if (atoi(labels[i]) == 1) {
			off++;
			off_hit += hit;
			if (hit && show_hits) {
				printf("  found line %zu:", i + 1);
				print_flags(texts[i], &w);
				printf("\n");
			}
		} else {
			not++;
			not_hit += hit;
			if (hit && shown++ < show) {
				printf("  false alarm line %zu:", i + 1);
				print_flags(texts[i], &w);
				printf("\n");
			}
		}
	}
	double r = off ? (double)off_hit / (double)off : 0, f = not ? (double)not_hit / (double)not : 0;
	printf("%s: offensive %zu, found %zu (recall %.3f); not offensive %zu, flagged %zu "
	       "(false-positive rate %.3f)\n", text_path, off, off_hit, r, not, not_hit, f);
	measured("olid_recall", r);
	measured("olid_fp", f);
	warnings_finish(&w);
	free_lines(texts, n);
	free_lines(labels, m);
	return 0;
}

static int run_ordinary(struct classifier *c, const char *path)
{
	size_t n;
	char **texts = read_lines(path, &n);
	size_t hit = 0, shown = 0;
	struct warnings w;
	warnings_init(&w);
	unsigned names = 1u << CAT_PUPIL_NAME;
	for (size_t i = 0; i < n; i++) {
		if (flagged(c, texts[i], &w) & names) {
			hit++;
			if (shown++ < show) {
				printf("  flagged line %zu:", i + 1);
				print_flags(texts[i], &w);
				printf("\n");
			}
		}
	}
	double f = n ? (double)hit / (double)n : 0;
	printf("%s: %zu texts, %zu flagged pupil_name medium or higher (%.2f%%)\n", path, n, hit,
	       100 * f);
	measured("ordinary_flagged", f);
	warnings_finish(&w);
	free_lines(texts, n);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"roster", required_argument, NULL, 'r'},
		{"lexicons", required_argument, NULL, 'l'},
		{"show", required_argument, NULL, 's'},
		{"expect", required_argument, NULL, 'e'},
		{"hits", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *config_path = NULL, *lexicons = NULL;
	const char *rosters[16];
	size_t nrosters = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': config_path = optarg; break;
		case 'r':
			if (nrosters < 16)
				rosters[nrosters++] = optarg;
			break;
		case 'l': lexicons = optarg; break;
		case 's': show = (size_t)atoi(optarg); break;
		case 'h': show_hits = true; break;
		case 'e': {
			char *eq = strchr(optarg, '=');
			if (!eq || nexpect == 32) {
				fprintf(stderr, "prepost-eval: --expect KEY=VALUE\n");
				return 2;
			}
			*eq = '\0';
			size_t k = 0;
			while (k < nexpect && strcmp(expects[k].key, optarg) != 0)
				k++;
			expects[k].key = optarg;
			expects[k].value = atof(eq + 1);
			expects[k].at_most = strstr(optarg, "flagged") || strstr(optarg, "_fp");
			if (k == nexpect)
				nexpect++;
			break;
		}
		default:
			fprintf(stderr, "usage: prepost-eval [options] labelled|olid|ordinary FILE...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: prepost-eval [options] labelled|olid|ordinary FILE...\n");
		return 2;
	}
	struct problems problems;
	problems_init(&problems);
	setenv("PREPOST_CONFIG", "", 1);
	struct config *cfg = config_path ? config_load(config_path, &problems) : config_defaults();
	for (size_t i = 0; i < nrosters; i++)
		config_add_roster(cfg, rosters[i], ROLE_PUPIL);
	struct classifier *c = classifier_create(cfg, lexicons, &problems);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(stderr, "prepost-eval: note: %s\n", problems.items[i]);

	const char *mode = argv[optind];
	int rc;
	if (strcmp(mode, "labelled") == 0 && optind + 1 < argc) {
		rc = 0;
		for (int i = optind + 1; i < argc && !rc; i++)
			rc = run_labelled(c, argv[i]);
	}
	else if (strcmp(mode, "olid") == 0 && optind + 2 < argc)
		rc = run_olid(c, argv[optind + 1], argv[optind + 2]);
	else if (strcmp(mode, "ordinary") == 0 && optind + 1 < argc)
		rc = run_ordinary(c, argv[optind + 1]);
	else {
		fprintf(stderr, "prepost-eval: unknown mode or missing files\n");
		rc = 2;
	}
	classifier_destroy(c);
	config_destroy(cfg);
	problems_finish(&problems);
	if (rc)
		return rc;
	return failures ? 1 : 0;
}
