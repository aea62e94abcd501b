#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "lexicon.h"
#include "morphology.h"
#include "roster.h"
#include "text.h"
#include "util.h"

struct seen {
	char *key; /* category, context, then the folded phrase */
	size_t entry; /* which term, counting over every file */
};

static int cmp_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

/* One term as lint sees it: where it is and how many phrases it makes. */
struct term_at {
	const char *file;
	uint32_t line;
	size_t phrases;
	size_t covered; /* of them, listed by another term as well */
	size_t twice;   /* of them, made twice by its own frames */
	size_t by;      /* a term that lists them already */
};

/* Whether term o lists term m's phrase so that m is the one to go: o makes
 * more phrases (a framed term over one it makes: "our head said" under "our
 * head" + "said"), or as many and comes first. */
static bool covers(const struct term_at *t, size_t o, size_t m)
{
	return t[o].phrases > t[m].phrases || (t[o].phrases == t[m].phrases && o < m);
}

/* Terms listed twice in one category and context, across every lexicon
 * folder. A framed term is each phrase its frames make ("marking <number>"
 * and "books" is "marking <number> books"); it is named when every one of
 * them is listed already, and when its frames make one phrase twice
 * ("sour faced|sour-faced"). Frames that only overlap ("bloody" before
 * "lefties" in two sections) are left alone. */
static size_t duplicates(char **dirs, size_t ndirs)
{
	struct seen *all = NULL;
	struct term_at *terms = NULL;
	size_t n = 0, cap = 0, found = 0, entries = 0, tcap = 0;
	struct lexicon **keep = NULL;
	char **files_all = NULL;
	size_t nkeep = 0;
	for (size_t d = 0; d < ndirs; d++) {
		size_t nf;
		int err;
		char **files = lexicon_list_dir(dirs[d], &nf, &err);
		for (size_t i = 0; i < nf; i++) {
			struct problems quiet;
			problems_init(&quiet);
			struct lexicon *l = lexicon_load(files[i], &quiet);
			problems_finish(&quiet);
			if (!l)
				continue;
			keep = xrealloc(keep, (nkeep + 1) * sizeof(*keep));
			files_all = xrealloc(files_all, (nkeep + 1) * sizeof(*files_all));
			keep[nkeep] = l;
			files_all[nkeep++] = xstrdup(files[i]);
			for (size_t j = 0; j < lexicon_count(l); j++, entries++) {
				const struct lexicon_entry *e = lexicon_entry(l, j);
				/* a stem ("shit*") is not the word "shit" */
				enum lexicon_stem stem = lexicon_term_stem(e->term);
				const char *f = e->frames && *e->frames && stem == STEM_NONE ? e->frames : "";
				grow_array((void **)&terms, &tcap, entries + 1, sizeof(*terms));
				terms[entries] = (struct term_at){files_all[nkeep - 1], e->line, 0, 0, 0, 0};
				do {
					size_t fl = strcspn(f, "|");
					char *phrase = xasprintf("%.*s%s%s", (int)fl, f, fl ? " " : "",
								 e->term);
					char *folded = text_fold(phrase, strlen(phrase));
					grow_array((void **)&all, &cap, n + 1, sizeof(*all));
					all[n++] = (struct seen){
						xasprintf("%s\t%u\t%s%s%s\t%s", category_name(e->category),
							  (unsigned)e->context,
							  stem == STEM_TAIL ? "*" : "", folded,
							  stem == STEM_HEAD ? "*" : "",
							  stem != STEM_NONE && e->frames ? e->frames : ""),
						entries};
					terms[entries].phrases++;
					free(folded);
					free(phrase);
					f += fl + (f[fl] == '|');
				} while (*f);
			}
		}
		lexicon_free_list(files, nf);
	}
	if (n)
		qsort(all, n, sizeof(*all), cmp_seen);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(all[j].key, all[i].key) == 0; j++)
			;
		for (size_t a = i; a < j; a++) {
			size_t m = all[a].entry;
			if (a > i && all[a - 1].entry == m) {
				terms[m].twice++;
				continue;
			}
			for (size_t b = i; b < j; b++) {
				size_t o = all[b].entry;
				if (o != m && covers(terms, o, m)) {
					if (terms[m].covered++ == 0)
						terms[m].by = o;
					break;
				}
			}
		}
	}
	for (size_t m = 0; m < entries; m++) {
		const struct term_at *t = &terms[m];
		if (t->twice) {
			printf("error: %s:%u: the frames make the same phrase twice (a spelling "
			       "listed twice?)\n", t->file, t->line);
			found++;
		} else if (t->covered == t->phrases) {
			printf("error: %s:%u: the term is listed already at %s:%u\n", t->file,
			       t->line, terms[t->by].file, terms[t->by].line);
			found++;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(all[i].key);
	free(all);
	free(terms);
	for (size_t i = 0; i < nkeep; i++) {
		lexicon_destroy(keep[i]);
		free(files_all[i]);
	}
	free(keep);
	free(files_all);
	return found;
}

static const enum roster_field name_fields[] = {RF_FORENAME, RF_PREFERRED, RF_SURNAME,
						RF_PREFERRED_SURNAME};

/* Roster names that are ordinary words: a warning each, by line. */
static size_t ordinary_names(const struct config *config, struct morphology *m)
{
	size_t found = 0;
	for (size_t i = 0; i < config->roster_count; i++) {
		struct problems quiet;
		problems_init(&quiet);
		struct roster *r = roster_load(config->rosters[i].path, config->rosters[i].role, &quiet);
		problems_finish(&quiet);
		for (size_t j = 0; r && j < roster_count(r); j++) {
			const struct roster_person *p = roster_person(r, j);
			for (size_t k = 0; k < ARRAY_SIZE(name_fields); k++) {
				const char *v = roster_field(r, p, name_fields[k]);
				if (!v[0])
					continue;
				char *f = text_fold(v, strlen(v));
				if (!strchr(f, ' ') && morphology_is_word(m, f)) {
					printf("warning: %s:%u: the %s is also an ordinary English word; "
					       "alone it raises only a hint unless the post is about "
					       "school (docs/tuning.md)\n", config->rosters[i].path,
					       p->line, roster_field_name(name_fields[k]));
					found++;
				}
				free(f);
			}
		}
		roster_destroy(r);
	}
	return found;
}

int lint_run(const char *config_path, const char *lexicon_dir)
{
	struct problems p;
	problems_init(&p);
	struct config *config = config_load(config_path, &p);
	printf("config: %s\n", config->path ? config->path : "(none found: built-in defaults)");
	struct classifier *c = classifier_create(config, lexicon_dir, &p);
	const struct classifier_stats *st = classifier_stats(c);
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < p.count; i++) {
		printf("%s: %s\n", p.warning[i] ? "warning" : "error", p.items[i]);
		*(p.warning[i] ? &warnings : &errors) += 1;
	}

	char **dirs = xmalloc((config->lexicon_dirs.n + 1) * sizeof(*dirs));
	dirs[0] = (char *)st->lexicon_dir;
	for (size_t i = 0; i < config->lexicon_dirs.n; i++)
		dirs[i + 1] = config->lexicon_dirs.v[i];
	errors += duplicates(dirs, config->lexicon_dirs.n + 1);
	free(dirs);

	struct problems quiet;
	problems_init(&quiet);
	struct morphology *m = morphology_create(&quiet);
	problems_finish(&quiet);
	warnings += ordinary_names(config, m);
	morphology_destroy(m);

	printf("%zu roster name(s) in %zu roster(s), %zu lexicon term(s) in %zu file(s): %zu "
	       "error(s), %zu warning(s)\n", st->roster_names, st->roster_count, st->lexicon_terms,
	       st->lexicon_files, errors, warnings);
	classifier_destroy(c);
	config_destroy(config);
	problems_finish(&p);
	return errors ? 1 : 0;
}
