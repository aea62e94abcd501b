/* The word model (model.h): its file format, how it reads a text, and how
 * the classifier warns from its reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "classify.h"
#include "config.h"
#include "helpers.h"
#include "model.h"
#include "util.h"
#include "warning.h"

static const char small[] = "# two sections\n"
			    "@model 1\n"
			    "@category confidential\n"
			    "@bias -2\n"
			    "@threshold 0.5\n"
			    "told\t0.5\n"
			    "told me\t1.5\n"
			    "<number>\t0.25\n"
			    "quietly\t-1\r\n"
			    "\n"
			    "@category work_detail\n"
			    "@bias -1\n"
			    "told\t-0.5\n"
			    "staff room\t2\n";

static struct word_model *parse(const char *s, struct problems *p)
{
	problems_init(p);
	return word_model_parse("t.model", s, strlen(s), p);
}

static float sigmoid(float z)
{
	return 1.0f / (1.0f + expf(-z));
}

static void read_text(struct word_model *m, const char *text, const uint8_t *marks,
		      struct word_model_reading *r, struct tokens *t)
{
	text_tokenize(t, text, strlen(text));
	word_model_read(m, t, marks, r);
	for (size_t k = 0; k < word_model_category_count(m); k++)
		word_model_explain(m, t, marks, k, &r[k]);
}

static void sections_and_weights(void **state)
{
	(void)state;
	struct problems p;
	struct word_model *m = parse(small, &p);
	assert_non_null(m);
	assert_int_equal(p.count, 0);
	assert_int_equal(word_model_category_count(m), 2);
	assert_int_equal(word_model_category(m, 0), CAT_CONFIDENTIAL);
	assert_int_equal(word_model_category(m, 1), CAT_WORK_DETAIL);

	struct tokens t;
	tokens_init(&t);
	struct word_model_reading r[MODEL_MAX_CATEGORIES];
	/* each feature once however often: told, told me, and <number> (3
	 * and 2024 are both numbers) */
	read_text(m, "She TOLD me 3 things in 2024, told me twice", NULL, r, &t);
	assert_float_equal(r[0].probability, sigmoid(-2 + 0.5f + 1.5f + 0.25f), 1e-6);
	assert_float_equal(r[0].weight, 0.5f + 1.5f + 0.25f, 1e-6);
	assert_float_equal(r[1].weight, -0.5f, 1e-6);
	assert_float_equal(r[0].threshold, 0.5, 1e-6);
	assert_float_equal(r[1].probability, sigmoid(-1 - 0.5f), 1e-6);
	assert_float_equal(r[1].threshold, 1.0, 1e-6); /* none given: never */
	/* no @alone: neither section speaks in a post not about school */
	assert_true(r[0].alone > 1 && r[1].alone > 1);
	assert_false(word_model_reads_alone(m));
	/* the run that weighs most: "TOLD me 3" (told 0.5, told me 1.5, <number> 0.25) */
	assert_int_equal(r[0].first, 1);
	assert_int_equal(r[0].last, 3);
	/* nothing weighs towards work_detail */
	assert_true(r[1].first > r[1].last);

	/* a pair is two tokens side by side, across punctuation too */
	read_text(m, "the staff-room kettle", NULL, r, &t);
	assert_float_equal(r[1].probability, sigmoid(-1 + 2), 1e-6);
	assert_int_equal(r[1].first, 1);
	assert_int_equal(r[1].last, 2);

	/* a negative weight counts too, and the empty text is the bias */
	read_text(m, "told me quietly", NULL, r, &t);
	assert_float_equal(r[0].probability, sigmoid(-2 + 0.5f + 1.5f - 1), 1e-6);
	read_text(m, "", NULL, r, &t);
	assert_float_equal(r[0].probability, sigmoid(-2), 1e-6);
	assert_true(r[0].first > r[0].last);

	tokens_finish(&t);
	word_model_destroy(m);
	problems_finish(&p);
}

static void marks(void **state)
{
	(void)state;
	struct problems p;
	struct word_model *m = parse(small, &p);
	struct tokens t;
	tokens_init(&t);
	struct word_model_reading r[MODEL_MAX_CATEGORIES];
	const char *text = "she told me in the staff room";
	uint8_t mk[MODEL_MAX_TOKENS] = {0};

	/* an allowed token counts for nothing, nor do the pairs it is in */
	mk[2] = MODEL_IGNORED; /* "me" */
	read_text(m, text, mk, r, &t);
	assert_float_equal(r[0].probability, sigmoid(-2 + 0.5f), 1e-6);
	assert_float_equal(r[1].probability, sigmoid(-1 - 0.5f + 2), 1e-6);

	/* taken changes the span only, not the weights */
	memset(mk, 0, sizeof(mk));
	mk[1] = MODEL_TAKEN; /* "told" */
	read_text(m, text, mk, r, &t);
	assert_float_equal(r[0].probability, sigmoid(-2 + 0.5f + 1.5f), 1e-6);

	/* taken by another warning: the span goes elsewhere when what is
	 * left weighs at least half as much, and stays when it does not */
	const char *two = "told me and told";
	memset(mk, 0, sizeof(mk));
	mk[0] = mk[1] = MODEL_TAKEN;
	read_text(m, two, mk, r, &t);
	/* the free "told" weighs 0.5 against all four's 2.5: shared */
	assert_int_equal(r[0].first, 0);
	assert_int_equal(r[0].last, 3);
	read_text(m, "told me and told, told", mk, r, &t);
	assert_int_equal(r[0].first, 0);
	memset(mk, 0, sizeof(mk));
	mk[0] = MODEL_TAKEN;
	read_text(m, "told me told", mk, r, &t);
	/* "me told" is free but weighs 0.5 against all three's 2.5 */
	assert_int_equal(r[0].first, 0);
	assert_int_equal(r[0].last, 2);
	mk[0] = 0;
	mk[3] = MODEL_TAKEN;
	read_text(m, "told me and told me", mk, r, &t);
	/* the first "told me" is free, and weighs 2 of the best 2.5 */
	assert_int_equal(r[0].last, 1);

	tokens_finish(&t);
	word_model_destroy(m);
	problems_finish(&p);
}

/* A span holds a word that is not a function word when one weighs
 * something nearby: "our" alone explains nothing. */
static void span_words(void **state)
{
	(void)state;
	struct problems p;
	struct word_model *m = parse("@model 1\n@category work_detail\n@bias 0\n@threshold 0.5\n"
				     "our\t2\nschool\t0.2\nat\t-0.5\n",
				     &p);
	assert_non_null(m);
	struct tokens t;
	tokens_init(&t);
	struct word_model_reading r[MODEL_MAX_CATEGORIES];
	/* "our" weighs 2 alone, "our kids at school" 1.7: the longer is shown */
	read_text(m, "it was our kids at school", NULL, r, &t);
	assert_int_equal(r[0].first, 2);
	assert_int_equal(r[0].last, 5);
	/* with no other word weighing anything, "our" it is */
	read_text(m, "it was in our favour", NULL, r, &t);
	assert_int_equal(r[0].first, 3);
	assert_int_equal(r[0].last, 3);
	/* whole written words, in one sentence */
	read_text(m, "School's out. Our turn", NULL, r, &t);
	assert_int_equal(r[0].first, 0);
	assert_int_equal(r[0].last, 1); /* "School's", not "School" */
	tokens_finish(&t);
	word_model_destroy(m);
	problems_finish(&p);
}

/* Each bad file is refused with one problem naming the file and line. */
static void bad_files(void **state)
{
	(void)state;
	static const struct {
		const char *text, *problem;
	} cases[] = {
		{"", "t.model: not a prepost model"},
		{"# only a comment\n", "t.model: not a prepost model"},
		{"@model 1\n", "t.model: not a prepost model"},
		{"@model 2\n", "t.model:1: model format 2"},
		{"@model\n", "t.model:1: \"@model\" needs a value"},
		{"@model 1\n@colour red\n", "t.model:2: \"@colour\" is not a model directive"},
		{"@model 1\n@bias 1\n", "t.model:2: @bias before any @category"},
		{"@model 1\n@category pupil_name\n", "t.model:2: \"pupil_name\" is not a category"},
		{"@model 1\n@category gossip\n", "t.model:2: \"gossip\" is not a category"},
		{"@model 1\n@category derogatory\n@category derogatory\n",
		 "t.model:3: category derogatory comes twice"},
		{"@model 1\n@category derogatory\n@threshold 1.5\n",
		 "t.model:3: @threshold needs a number above 0 and at most 1"},
		{"@model 1\n@category derogatory\n@alone 0\n",
		 "t.model:3: @alone needs a number above 0 and at most 1"},
		{"@model 1\n@alone 0.9\n", "t.model:2: @alone before any @category"},
		{"@model 1\n@category derogatory\n@bias lots\n", "t.model:3: @bias needs a number"},
		{"@model 1\n@category derogatory\n@bias nan\n", "t.model:3: @bias needs a number"},
		{"word\t1\n", "t.model:1: a weight before \"@model 1\""},
		{"@model 1\nword\t1\n", "t.model:2: a weight before any @category"},
		{"@model 1\n@category derogatory\nword 1\n",
		 "t.model:3: expected one or two words, a tab and a weight"},
		{"@model 1\n@category derogatory\nthree word phrase\t1\n",
		 "t.model:3: expected one or two words"},
		{"@model 1\n@category derogatory\n two\t1\n", "t.model:3: expected one or two words"},
		{"@model 1\n@category derogatory\nword\t1x\n", "t.model:3: expected one or two words"},
		{"@model 1\n@category derogatory\nword\t1\nword\t2\n",
		 "t.model:4: this feature comes twice in one category"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct problems p;
		struct word_model *m = parse(cases[i].text, &p);
		if (m || p.count != 1 || !strstr(p.items[0], cases[i].problem))
			fail_msg("case %zu: %s", i, p.count ? p.items[0] : "no problem");
		problems_finish(&p);
	}
	/* a NUL byte */
	struct problems p;
	problems_init(&p);
	assert_null(word_model_parse("t.model", "@model 1\0x", 10, &p));
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "NUL"));
	problems_finish(&p);
	/* the same feature in two sections is two weights, not a repeat */
	struct word_model *m = parse("@model 1\n@category derogatory\nw\t1\n"
				     "@category confidential\nw\t2\n",
				     &p);
	assert_non_null(m);
	word_model_destroy(m);
	problems_finish(&p);
	problems_init(&p);
	assert_null(word_model_load("/nonexistent/posts.model", &p));
	assert_int_equal(p.count, 1);
	problems_finish(&p);
	word_model_destroy(NULL);
}

/* The shipped model loads, and is big enough to be the one learnt. */
static void shipped_model(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	char *path = source_path("lexicons/posts.model");
	struct word_model *m = word_model_load(path, &p);
	assert_non_null(m);
	assert_int_equal(p.count, 0);
	assert_int_equal(word_model_category_count(m), 2);
	word_model_destroy(m);
	free(path);
	problems_finish(&p);
}

/* A classifier over lexdir with the default config, which loads with no
 * problem. */
static struct classifier *classifier_from(const char *lexdir, struct config **c,
					  struct problems *p)
{
	problems_init(p);
	*c = config_defaults();
	struct classifier *k = classifier_create(*c, lexdir, p);
	assert_int_equal(p->count, 0);
	return k;
}

static void finish(struct classifier *k, struct config *c, struct problems *p,
		   struct warnings *w, char *lexdir, char *dir)
{
	warnings_finish(w);
	classifier_destroy(k);
	config_destroy(c);
	problems_finish(p);
	free(lexdir);
	tmpdir_remove(dir);
}

/* A lexicon folder in dir with terms.txt and posts.model as given. */
static char *lexicon_dir(const char *dir, const char *terms, const char *model)
{
	char *lexdir = xasprintf("%s/lex", dir);
	assert_int_equal(mkdir(lexdir, 0700), 0);
	free(write_temp_str(lexdir, "terms.txt", terms));
	free(write_temp_str(lexdir, "posts.model", model));
	return lexdir;
}

/* How the classifier warns from the reading: in a post about school only,
 * where no listed phrase of the category warns, over the words that weigh
 * most, at medium, with the model's own message. */
static void classifier_reads(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	char *lexdir = lexicon_dir(dir,
				   "@category context\nlesson\n"
				   "@category confidential\nsafeguarding\n"
				   "@category allow\nwhat he told me\n"
				   "@category work_detail\nstaff meeting\nparents evening | context=child\n"
				   "@category derogatory\nnumpty\n",
				   "@model 1\n@category confidential\n@bias -3\n@threshold 0.6\n"
				   "told me\t4\ntold\t0.5\n@category work_detail\n@bias -3\n"
				   "@threshold 0.6\nlesson\t1\nmarking\t3\npointless\t5\n"
				   "parents evening\t5\n");
	struct problems p;
	struct config *c;
	struct classifier *k = classifier_from(lexdir, &c, &p);
	struct warnings w;
	warnings_init(&w);
	const char *text;

	/* about school: the reading warns */
	text = "After the lesson a boy told me about home";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].category, CAT_CONFIDENTIAL);
	assert_int_equal(w.items[0].severity, SEV_MEDIUM);
	assert_int_equal(w.items[0].end - w.items[0].start, strlen("told me"));
	assert_memory_equal(text + w.items[0].start, "told me", strlen("told me"));
	assert_non_null(strstr(classifier_label(k, w.items[0].label)->message, "Read as a whole"));

	/* not about school: nothing */
	text = "A friend told me about her holiday";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 0);

	/* a listed confidential phrase already warns: no second one; and
	 * work_detail is read apart */
	text = "Marking after the lesson, a boy told me something: safeguarding";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 2);
	assert_int_equal(w.items[0].category, CAT_WORK_DETAIL);
	assert_memory_equal(text + w.items[0].start, "Marking", 7);
	assert_int_equal(w.items[1].category, CAT_CONFIDENTIAL);
	assert_memory_equal(text + w.items[1].start, "safeguarding", 12);

	/* words in an allowlisted phrase count for nothing */
	text = "In the lesson I thought about what he told me";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 0);

	/* a remark on schools in general is no one's school, read whole
	 * too; said of one's own lesson, it is */
	text = "Staff meetings are pointless";
	classifier_check(k, text, strlen(text), &w);
	assert_true(w.count == 0 || w.items[0].severity == SEV_LOW);
	for (size_t i = 0; i < w.count; i++)
		assert_int_equal(w.items[i].severity, SEV_LOW);
	text = "That lesson was pointless";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].category, CAT_WORK_DETAIL);
	assert_int_equal(w.items[0].end - w.items[0].start, strlen("lesson was pointless"));
	assert_memory_equal(text + w.items[0].start, "lesson was pointless", 20);

	/* a hint of the same category on the words that weigh most becomes
	 * the warning (surer, since the lists judged it a hint), not a second
	 * warning of the category over the same words */
	text = "After the lesson, parents evening";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].category, CAT_WORK_DETAIL);
	assert_int_equal(w.items[0].severity, SEV_MEDIUM);
	assert_memory_equal(text + w.items[0].start, "parents evening", 15);
	assert_non_null(strstr(classifier_label(k, w.items[0].label)->message, "Read as a whole"));

	/* on another warning's words: the same span, in text order */
	text = "Staff meeting marking marathon";
	classifier_check(k, text, strlen(text), &w);
	for (size_t i = 0; i + 1 < w.count; i++)
		assert_true(w.items[i].start <= w.items[i + 1].start);
	assert_int_equal(w.count, 1); /* the phrase is a work detail already */


	/* the config can turn the reading off */
	const struct classifier_stats *st = classifier_stats(k);
	assert_true(classifier_reads_whole(k));
	assert_non_null(st->word_model);
	assert_non_null(strstr(st->word_model, "lex/posts.model"));
	config_destroy(c);
	classifier_destroy(k);
	problems_init(&p);
	c = config_defaults();
	c->no_word_model = true;
	k = classifier_create(c, lexdir, &p);
	assert_int_equal(p.count, 0);
	assert_null(classifier_stats(k)->word_model);
	assert_false(classifier_reads_whole(k));
	text = "After the lesson a boy told me about home";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 0);

	warnings_finish(&w);
	classifier_destroy(k);
	config_destroy(c);
	problems_finish(&p);

	/* a broken model is a problem, and the lexicons still work */
	free(write_temp_str(lexdir, "posts.model", "@model 1\n@category confidential\nx\n"));
	problems_init(&p);
	c = config_defaults();
	k = classifier_create(c, lexdir, &p);
	assert_int_equal(p.count, 2);
	assert_non_null(strstr(p.items[0], "posts.model:3:"));
	assert_non_null(strstr(p.items[1], "posts.model was not used"));
	assert_false(classifier_reads_whole(k));
	warnings_init(&w);
	text = "After the lesson a boy told me, numpty";
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].category, CAT_DEROGATORY);
	classifier_destroy(k);
	problems_finish(&p);
	/* started in the background (the host), the model is read after the
	 * hello, whose problems cannot tell of it; checks are the same */
	problems_init(&p);
	k = classifier_start(c, lexdir, &p);
	assert_int_equal(p.count, 0);
	classifier_check(k, text, strlen(text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].category, CAT_DEROGATORY);
	finish(k, c, &p, &w, lexdir, dir);
}

/* A listed confidential phrase the model knows, in a post whose other
 * words weigh little towards it and which the model reads as unlikely to
 * be confidential, is a hint (check.c, doubt_phrases). */
static void classifier_doubts(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	char *lexdir = lexicon_dir(dir,
				   "@category child\nthis boy\n"
				   "@category confidential\n@severity medium\nhush\nkeep it quiet\n"
				   "safeguarding | severity=high\n",
				   "@model 1\n@category confidential\n@bias -4\n@threshold 0.6\n"
				   "hush\t2\nsafeguarding\t2\nrestaurant\t-1\nsuspended\t1\n"
				   "head\t0.5\n@category work_detail\n@bias -3\n@threshold 0.6\n");
	struct problems p;
	struct config *c;
	struct classifier *k = classifier_from(lexdir, &c, &p);
	struct warnings w;
	warnings_init(&w);
	struct {
		const char *text;
		uint8_t severity;
	} cases[] = {
		/* -4 + 2 - 1: unlikely, the rest weighs against it: a hint */
		{"Hush, the restaurant was awful", SEV_LOW},
		/* the phrase alone, nothing else known: unlikely, a hint */
		{"hush", SEV_LOW},
		/* -4 + 2 + 1 + 0.5 is as unlikely, but the rest weighs 1.5
		 * towards it, over DOUBT_REST: the warning stays */
		{"Head suspended, hush", SEV_MEDIUM},
		/* a phrase the model does not know is as the lists say */
		{"Keep it quiet, the restaurant was awful", SEV_MEDIUM},
		/* a high warning is never doubted */
		{"Safeguarding at the restaurant", SEV_HIGH},
		/* nor a phrase in a post about a particular child */
		{"Hush, this boy at the restaurant", SEV_MEDIUM},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		classifier_check(k, cases[i].text, strlen(cases[i].text), &w);
		bool seen = false;
		for (size_t j = 0; j < w.count; j++)
			if (w.items[j].category == CAT_CONFIDENTIAL) {
				assert_false(seen);
				seen = true;
				if (w.items[j].severity != cases[i].severity)
					fail_msg("\"%s\": severity %d, not %d", cases[i].text,
						 w.items[j].severity, cases[i].severity);
			}
		if (!seen)
			fail_msg("\"%s\": no confidential warning", cases[i].text);
	}
	/* without the model, the lists alone */
	classifier_destroy(k);
	c->no_word_model = true;
	k = classifier_create(c, lexdir, &p);
	assert_int_equal(p.count, 0);
	classifier_check(k, cases[0].text, strlen(cases[0].text), &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].severity, SEV_MEDIUM);
	finish(k, c, &p, &w, lexdir, dir);
}

/* A section with @alone warns in a post with nothing of school in it,
 * from that surer reading; never on words a list has judged (a hint stays
 * a hint), nor on a year and number the lists did not take as a year
 * group; and a section without @alone stays silent there. */
static void classifier_reads_alone(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	char *lexdir = lexicon_dir(dir, "@category work_detail\nassembly | context=school\n",
				   "@model 1\n@category confidential\n@bias -3\n@threshold 0.6\n"
				   "told me\t6\n@category work_detail\n@bias -3\n@threshold 0.6\n"
				   "@alone 0.9\ninspectors\t6\ncall\t1\nassembly\t6\n"
				   "year\t1\nyear <number>\t6\n");
	struct word_model *m;
	struct problems p;
	struct config *c;
	struct classifier *k = classifier_from(lexdir, &c, &p);
	struct warnings w;
	warnings_init(&w);
	static const struct {
		const char *text, *match; /* NULL: nothing at medium or above */
	} cases[] = {
		/* -3 + 6: 0.95, over 0.9 */
		{"Two days, four inspectors, one tired staff", "inspectors"},
		/* -3 + 1: far under */
		{"The call came at noon", NULL},
		/* confidential has no @alone: -3 + 6 is not enough here */
		{"A friend told me about her holiday", NULL},
		/* the lists made "assembly" a hint here: the model cannot raise it */
		{"Morning assembly at the abbey", NULL},
		/* a count of years, not a year group, by the lists' judgement */
		{"Year 9 of lockdown baking", NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *t = cases[i].text;
		classifier_check(k, t, strlen(t), &w);
		size_t medium = 0;
		for (size_t j = 0; j < w.count; j++) {
			if (w.items[j].severity < SEV_MEDIUM)
				continue;
			medium++;
			if (!cases[i].match ||
			    w.items[j].end - w.items[j].start != strlen(cases[i].match) ||
			    memcmp(t + w.items[j].start, cases[i].match, strlen(cases[i].match)))
				fail_msg("\"%s\": a warning on \"%.*s\"", t,
					 (int)(w.items[j].end - w.items[j].start), t + w.items[j].start);
			assert_int_equal(w.items[j].category, CAT_WORK_DETAIL);
		}
		assert_int_equal(medium, cases[i].match ? 1 : 0);
	}
	/* word_model_read gives the threshold for a post read alone */
	struct problems p2;
	m = parse("@model 1\n@category work_detail\n@bias 0\n@threshold 0.45\n@alone 0.7\n", &p2);
	assert_non_null(m);
	assert_true(word_model_reads_alone(m));
	struct tokens t;
	tokens_init(&t);
	struct word_model_reading r[MODEL_MAX_CATEGORIES];
	read_text(m, "anything", NULL, r, &t);
	assert_float_equal(r[0].alone, 0.7, 1e-6);
	assert_float_equal(r[0].threshold, 0.45, 1e-6);
	tokens_finish(&t);
	word_model_destroy(m);
	problems_finish(&p2);
	finish(k, c, &p, &w, lexdir, dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sections_and_weights),
		cmocka_unit_test(marks),
		cmocka_unit_test(span_words),
		cmocka_unit_test(bad_files),
		cmocka_unit_test(shipped_model),
		cmocka_unit_test(classifier_reads),
		cmocka_unit_test(classifier_doubts),
		cmocka_unit_test(classifier_reads_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
