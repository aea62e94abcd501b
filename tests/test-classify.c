/* The checks issue 2 promises: roster names (legal and preferred forenames,
 * surnames, full names; case- and accent-insensitive, whole words), the
 * school's names, and lexicon terms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "classify.h"
#include "config.h"
#include "helpers.h"
#include "lexicon.h"
#include "util.h"

static char *dir;
static struct classifier *cls;
static struct problems problems;
static struct warnings w;

static const char roster[] =
	"Legal Forename,Preferred Forename,Middle Name,Legal Surname,Reg\n"
	"Jack,,Oliver,Turner,6B\n"
	"Chloë,,,Wiśniewski,6B\n"
	"Seán,,,O'Neill,6B\n"
	"Samuel,Sam,,Okafor,5A\n"
	"Mia,,,Chen,4C\n"
	"Alfie,,,Khan,3T\n"
	"Harry,,,Patel,3T\n"
	"Amelia,Millie,,Ellis-Bextor,5A\n";

static const char staff[] = "First name,Last name\nMargaret,Thornton\n";

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	free(write_temp_str(dir, "roster.csv", roster));
	free(write_temp_str(dir, "staff.csv", staff));
	char *cfg = write_temp_str(dir, "config.json",
		"{\"school\":{\"names\":[\"Oakfield Primary School\",\"Oakfield\"],"
		"\"trust\":[\"Northway Learning Trust\"],\"email_domains\":[\"oakfield.sch.uk\"]},"
		"\"rosters\":[{\"path\":\"roster.csv\",\"role\":\"pupil\"},"
		"{\"path\":\"staff.csv\",\"role\":\"staff\"}],"
		"\"messages\":{\"pupil_name\":{\"policy\":\"Staff code 4.2\"}}}");
	problems_init(&problems);
	struct config *c = config_load(cfg, &problems);
	char *lex = source_path("lexicons");
	cls = classifier_create(c, lex, &problems);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(stderr, "problem: %s\n", problems.items[i]);
	free(lex);
	config_destroy(c);
	free(cfg);
	warnings_init(&w);
	return problems.count == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	classifier_destroy(cls);
	problems_finish(&problems);
	warnings_finish(&w);
	tmpdir_remove(dir);
	return 0;
}

static void check(const char *text)
{
	classifier_check(cls, text, strlen(text), &w);
}

/* Asserts that warning i covers `match` with the category and severity. */
static void expect(const char *text, size_t i, const char *match, enum category cat,
		   enum severity sev)
{
	assert_true(i < w.count);
	const struct warning *x = &w.items[i];
	char got[256];
	snprintf(got, sizeof(got), "%.*s", (int)(x->end - x->start), text + x->start);
	assert_string_equal(got, match);
	assert_string_equal(category_name((enum category)x->category), category_name(cat));
	assert_string_equal(severity_name((enum severity)x->severity), severity_name(sev));
}

static void full_names_are_high_in_any_case(void **state)
{
	(void)state;
	const char *texts[] = {"Well done Jack Turner!", "well done jack turner",
			       "WELL DONE JACK TURNER", "Jack Oliver Turner", "Turner, Jack"};
	const char *matches[] = {"Jack Turner", "jack turner", "JACK TURNER",
				 "Jack Oliver Turner", "Turner, Jack"};
	for (size_t i = 0; i < 5; i++) {
		check(texts[i]);
		assert_int_equal(w.count, 1);
		expect(texts[i], 0, matches[i], CAT_PUPIL_NAME, SEV_HIGH);
	}
}

static void accents_and_punctuation(void **state)
{
	(void)state;
	const char *t = "Chloe Wisniewski, SEAN O’NEILL and Millie Ellis‐Bextor";
	check(t);
	assert_int_equal(w.count, 3);
	expect(t, 0, "Chloe Wisniewski", CAT_PUPIL_NAME, SEV_HIGH);
	expect(t, 1, "SEAN O’NEILL", CAT_PUPIL_NAME, SEV_HIGH);
	expect(t, 2, "Millie Ellis‐Bextor", CAT_PUPIL_NAME, SEV_HIGH);
}

static void handles_hashtags_possessives(void **state)
{
	(void)state;
	const char *t = "Thanks @sam_okafor and #MiaChen, also #miachen. Sam's mum came. Oneill";
	check(t);
	assert_int_equal(w.count, 5);
	expect(t, 0, "sam_okafor", CAT_PUPIL_NAME, SEV_HIGH);
	expect(t, 1, "MiaChen", CAT_PUPIL_NAME, SEV_HIGH);
	expect(t, 2, "miachen", CAT_PUPIL_NAME, SEV_HIGH);
	/* a very common name alone, but the post names pupils in full: it is
	 * about school */
	expect(t, 3, "Sam", CAT_PUPIL_NAME, SEV_MEDIUM);
	expect(t, 4, "Oneill", CAT_PUPIL_NAME, SEV_MEDIUM);
}

static void single_names(void **state)
{
	(void)state;
	/* Alfie and Mia are very common names: hints without school context;
	 * khan is also a word, and in lower case nothing; Okafor is
	 * distinctive. */
	const char *t = "Alfie was great, khan too, and Okafor. mia";
	check(t);
	assert_int_equal(w.count, 3);
	expect(t, 0, "Alfie", CAT_PUPIL_NAME, SEV_LOW);
	expect(t, 1, "Okafor", CAT_PUPIL_NAME, SEV_MEDIUM);
	expect(t, 2, "mia", CAT_PUPIL_NAME, SEV_LOW);
	/* with school context they are likely pupils */
	t = "Alfie was great in class, and so was mia";
	check(t);
	assert_int_equal(w.count, 2);
	expect(t, 0, "Alfie", CAT_PUPIL_NAME, SEV_MEDIUM);
	expect(t, 1, "mia", CAT_PUPIL_NAME, SEV_MEDIUM);
}

static void whole_words_only(void **state)
{
	(void)state;
	check("Jackson Turnery Miami Chenille Khanate Samuelson");
	assert_int_equal(w.count, 0);
}

static void line_break_ends_a_name(void **state)
{
	(void)state;
	const char *t = "Seán\nWiśniewski";
	check(t);
	assert_int_equal(w.count, 2);
	expect(t, 0, "Seán", CAT_PUPIL_NAME, SEV_MEDIUM);
	expect(t, 1, "Wiśniewski", CAT_PUPIL_NAME, SEV_MEDIUM);
}

static void staff_roster_is_person_name(void **state)
{
	(void)state;
	const char *t = "Mrs Margaret Thornton retires";
	check(t);
	assert_int_equal(w.count, 1);
	expect(t, 0, "Margaret Thornton", CAT_PERSON_NAME, SEV_HIGH);
}

static void school_names_and_domains(void **state)
{
	(void)state;
	const char *t = "At Oakfield Primary School (part of Northway Learning Trust), "
			"email head@oakfield.sch.uk. #Oakfield";
	check(t);
	assert_int_equal(w.count, 4);
	expect(t, 0, "Oakfield Primary School", CAT_WORK_DETAIL, SEV_MEDIUM);
	expect(t, 1, "Northway Learning Trust", CAT_WORK_DETAIL, SEV_MEDIUM);
	/* an address at the school's own domain is personal data, and higher */
	expect(t, 2, "head@oakfield.sch.uk", CAT_PERSONAL_DATA, SEV_HIGH);
	expect(t, 3, "Oakfield", CAT_WORK_DETAIL, SEV_MEDIUM);
}

static void lexicon_terms(void **state)
{
	(void)state;
	const char *t = "What a numpty. Off the record, the LADO called about the EHCP.";
	check(t);
	assert_int_equal(w.count, 4);
	expect(t, 0, "What a numpty", CAT_DEROGATORY, SEV_MEDIUM); /* an insult frame */
	expect(t, 1, "Off the record", CAT_CONFIDENTIAL, SEV_MEDIUM);
	expect(t, 2, "LADO", CAT_CONFIDENTIAL, SEV_HIGH);
	expect(t, 3, "EHCP", CAT_CONFIDENTIAL, SEV_HIGH);
}

static void allowlist_suppresses(void **state)
{
	(void)state;
	const char *t = "Harry Styles was on the radio. Harry Patel sang.";
	check(t);
	assert_int_equal(w.count, 1);
	expect(t, 0, "Harry Patel", CAT_PUPIL_NAME, SEV_HIGH);
}

static void labels_and_policy_override(void **state)
{
	(void)state;
	check("Jack Turner and the numpty");
	assert_int_equal(w.count, 2);
	const struct label *l = classifier_label(cls, w.items[0].label);
	assert_string_equal(l->policy, "Staff code 4.2");
	assert_non_null(strstr(l->advice, "initials"));
	l = classifier_label(cls, w.items[1].label);
	assert_non_null(l->message);
	assert_non_null(l->advice);
}

/* A section's message in a shipped lexicon ends with its section: a
 * threat's message on "scrote" or "stupid boy" told teachers that an
 * insult was a threat. */
static void messages_fit_the_words(void **state)
{
	(void)state;
	static const struct {
		const char *text, *message;
	} cases[] = {
		{"i'll kill you", "threat"},
		{"you should be shot", "threat"},
		{"stupid boy", "derogatory or offensive"},
		{"what a scrote", "derogatory or offensive"},
		{"his mum is as thick as he is", "derogatory or offensive"},
		{"a bloke in a dress", "discriminatory"},
		{"lezzas", "slur"},
		{"porn star", "sexual"},
		{"F this job", "derogatory or offensive"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		check(cases[i].text);
		assert_int_equal(w.count, 1);
		const struct label *l = classifier_label(cls, w.items[0].label);
		if (!strstr(l->message, cases[i].message))
			fail_msg("\"%s\": \"%s\"", cases[i].text, l->message);
	}
}

static void stats(void **state)
{
	(void)state;
	const struct classifier_stats *s = classifier_stats(cls);
	assert_int_equal(s->roster_names, 9);
	assert_int_equal(s->roster_count, 2);
	assert_int_equal(s->rosters[0].people, 8);
	assert_int_equal(s->rosters[1].role, ROLE_STAFF);
	assert_true(s->lexicon_terms > 100);
	char *lex = source_path("lexicons");
	size_t n;
	int err;
	char **files = lexicon_list_dir(lex, &n, &err);
	assert_int_equal(s->lexicon_files, n);
	lexicon_free_list(files, n);
	free(lex);
	assert_non_null(s->dictionary); /* hunspell's en_GB is installed for the tests */
	assert_string_equal(s->config_source, "--config");
}

static void nul_and_invalid_bytes(void **state)
{
	(void)state;
	const char t[] = "x\0Jack Turner\xFF";
	classifier_check(cls, t, sizeof(t) - 1, &w);
	assert_int_equal(w.count, 1);
	assert_int_equal(w.items[0].start, 2);
	assert_int_equal(w.items[0].end, 13);
	check("");
	assert_int_equal(w.count, 0);
}

static void missing_lexicons_reported(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct config *c = config_defaults();
	struct classifier *k = classifier_create(c, "/nonexistent/lexicons", &p);
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "/nonexistent/lexicons: cannot read the lexicon"));
	struct warnings x;
	warnings_init(&x);
	classifier_check(k, "anything at all", 15, &x);
	assert_int_equal(x.count, 0);
	warnings_finish(&x);
	classifier_destroy(k);
	config_destroy(c);
	problems_finish(&p);
	classifier_destroy(NULL);
}

/* A classifier with the default config and the lexicons in lexdir only,
 * which must load without a problem. */
static struct classifier *lexicons_only(const char *lexdir, struct config **c,
					struct problems *p)
{
	problems_init(p);
	*c = config_defaults();
	struct classifier *k = classifier_create(*c, lexdir, p);
	assert_int_equal(p->count, 0);
	return k;
}

/* Every frame of a section counts, however many there are (the hundredth
 * as much as the first), and a frame may hold <number>. */
static void many_frames(void **state)
{
	(void)state;
	char *lexdir = xasprintf("%s/frames-lex", dir);
	assert_int_equal(mkdir(lexdir, 0700), 0);
	size_t cap = 8192, len = 0;
	char *text = xmalloc(cap);
	len += (size_t)snprintf(text + len, cap - len, "@category derogatory\n@frames ");
	for (int i = 1; i <= 100; i++)
		len += (size_t)snprintf(text + len, cap - len, "%sframe%03d", i > 1 ? "|" : "", i);
	len += (size_t)snprintf(text + len, cap - len, "|counted <number>\nwombats\n");
	assert_true(len < cap);
	free(write_temp_str(lexdir, "frames.txt", text));
	struct problems p;
	struct config *c;
	struct classifier *k = lexicons_only(lexdir, &c, &p);
	struct warnings x;
	warnings_init(&x);
	static const char *const hits[] = {"frame001 wombats", "frame064 wombats",
					   "frame065 wombats", "frame100 wombats",
					   "counted 12 wombats"};
	for (size_t i = 0; i < ARRAY_SIZE(hits); i++) {
		classifier_check(k, hits[i], strlen(hits[i]), &x);
		assert_int_equal(x.count, 1);
		assert_int_equal(x.items[0].end - x.items[0].start, strlen(hits[i]));
	}
	classifier_check(k, "frame101 wombats", 16, &x);
	assert_int_equal(x.count, 0);
	warnings_finish(&x);
	classifier_destroy(k);
	config_destroy(c);
	problems_finish(&p);
	free(text);
	free(lexdir);
}

/* "<many>" is a number in digits from 40 up, after a frame too; a phrase
 * with "<number>" in its place still holds every number, the longer
 * reading winning. */
static void many_placeholder(void **state)
{
	(void)state;
	char *lexdir = xasprintf("%s/many-lex", dir);
	assert_int_equal(mkdir(lexdir, 0700), 0);
	free(write_temp_str(lexdir, "many.txt",
			    "@category derogatory\n<many> wombats\n<number> wombats in a row\n"
			    "@frames fed|we fed\n<many> owls\n"));
	struct problems p;
	struct config *c;
	struct classifier *k = lexicons_only(lexdir, &c, &p);
	struct warnings x;
	warnings_init(&x);
	static const struct {
		const char *text;
		const char *span;
	} cases[] = {
		{"40 wombats", "40 wombats"},
		{"a trip with 600 wombats", "600 wombats"},
		{"1,200 wombats", "200 wombats"},
		{"we fed 99 owls today", "we fed 99 owls"},
		{"60 wombats in a row", "60 wombats in a row"},
		{"3 wombats in a row", "3 wombats in a row"},
		{"39 wombats", NULL},
		{"040 wombats", NULL},
		{"fed 12 owls", NULL},
		{"99 owls", NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *t = cases[i].text;
		classifier_check(k, t, strlen(t), &x);
		if (!cases[i].span) {
			assert_int_equal(x.count, 0);
			continue;
		}
		assert_int_equal(x.count, 1);
		assert_int_equal(x.items[0].end - x.items[0].start, strlen(cases[i].span));
		assert_memory_equal(t + x.items[0].start, cases[i].span, strlen(cases[i].span));
	}
	warnings_finish(&x);
	classifier_destroy(k);
	config_destroy(c);
	problems_finish(&p);
	free(lexdir);
}

/* The warnings of a classifier built on a second thread (a) against one
 * built without (b), for text: the same, in the same order. */
static void same_warnings(const struct warnings *a, const struct warnings *b, const char *text)
{
	if (a->count != b->count)
		fail_msg("%zu warnings with a second thread, %zu without, for: %.80s", a->count,
			 b->count, text);
	for (size_t j = 0; j < a->count; j++) {
		const struct warning *x = &a->items[j], *y = &b->items[j];
		if (x->start != y->start || x->end != y->end || x->category != y->category ||
		    x->severity != y->severity || x->label != y->label)
			fail_msg("warning %zu differs with a second thread for: %.80s", j, text);
	}
}

/* classifier_start answers stats at once and, once the names are in,
 * checks exactly as classifier_create does; destroyed unused, it still
 * waits for its thread (valgrind and ASan would see a leak or a race). */
static void started_in_background(void **state)
{
	(void)state;
	char *cfg = xasprintf("%s/config.json", dir);
	char *lex = source_path("lexicons");
	const char *texts[] = {"Well done Jack Turner and Millie", "Sam Okafor in 6B at Oakfield",
			       "TURNER Jack; Chloe Wisniewski", "nothing here at all"};
	for (int unused = 0; unused < 2; unused++) {
		struct problems p;
		problems_init(&p);
		struct config *c = config_load(cfg, &p);
		struct classifier *k = classifier_start(c, lex, &p);
		config_destroy(c);
		const struct classifier_stats *st = classifier_stats(k);
		assert_int_equal(st->roster_names, 9);
		assert_int_equal(st->rosters[0].people, 8);
		assert_int_equal(p.count, 0);
		struct warnings x;
		warnings_init(&x);
		for (size_t i = 0; !unused && i < ARRAY_SIZE(texts); i++) {
			classifier_check(k, texts[i], strlen(texts[i]), &x);
			check(texts[i]);
			same_warnings(&x, &w, texts[i]);
		}
		warnings_finish(&x);
		classifier_destroy(k);
		problems_finish(&p);
	}
	free(lex);
	free(cfg);
}

/* The lexicons' terms go into the dictionary on the second thread too:
 * what is wrong with an entry is still reported before classifier_start
 * returns, word for word as classifier_create reports it, the count of
 * terms is the same, and good and bad entries alike check the same. */
static void lexicon_problems_before_background(void **state)
{
	(void)state;
	char *lexdir = xasprintf("%s/vet-lex", dir);
	assert_int_equal(mkdir(lexdir, 0700), 0);
	free(write_temp_str(lexdir, "local.txt",
			    "@category derogatory\nfibbers\nfib*\n"
			    "one two three four five six seven eight nine ten eleven twelve "
			    "thirteen fourteen fifteen sixteen seventeen\n"
			    "@frames you are a|a b c d e f g h i j k l m n o\ntrumpet\n"
			    "two words here\n"
			    "@frames\n@category work_detail\nwombat count*\nbig wombat review\n"));
	static const struct {
		const char *text;
		bool warned;
	} texts[] = {
		{"what fibbers", true},
		{"a fibbing lot", true},
		{"you are a trumpet", true},
		{"you are a two words here", true},
		{"the big wombat review", true},
		{"two words here", false},
		{"a b c d e f g h i j k l m n o two words here", false},
		{"wombat counting", false},
	};
	struct problems p[2];
	struct classifier *k[2];
	struct warnings x[2];
	for (int bg = 0; bg < 2; bg++) {
		problems_init(&p[bg]);
		struct config *c = config_defaults();
		k[bg] = bg ? classifier_start(c, lexdir, &p[bg]) : classifier_create(c, lexdir, &p[bg]);
		config_destroy(c);
		warnings_init(&x[bg]);
	}
	/* the long phrase, the stem of two words and the long frame */
	assert_int_equal(p[0].count, 3);
	assert_int_equal(p[1].count, p[0].count);
	for (size_t i = 0; i < p[0].count; i++)
		assert_string_equal(p[1].items[i], p[0].items[i]);
	assert_non_null(strstr(p[0].items[0], "local.txt:4: the phrase has more than 16 words"));
	assert_non_null(strstr(p[0].items[1], "local.txt:7: a framed phrase has more than 16"));
	assert_non_null(strstr(p[0].items[2], "local.txt:10: a word stem"));
	assert_int_equal(classifier_stats(k[1])->lexicon_terms, classifier_stats(k[0])->lexicon_terms);
	assert_int_equal(classifier_stats(k[0])->lexicon_terms, 5);
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		const char *t = texts[i].text;
		for (int bg = 0; bg < 2; bg++)
			classifier_check(k[bg], t, strlen(t), &x[bg]);
		if ((x[0].count > 0) != texts[i].warned)
			fail_msg("%s: %zu warnings", t, x[0].count);
		same_warnings(&x[1], &x[0], t);
	}
	for (int bg = 0; bg < 2; bg++) {
		warnings_finish(&x[bg]);
		classifier_destroy(k[bg]);
		problems_finish(&p[bg]);
	}
	free(lexdir);
}

/* A long text is checked with a second thread; the warnings are exactly
 * those of one thread: forced on every line of the cases and the teacher
 * posts, and for a text of 300 KB made of them. */
static void second_thread_same_result(void **state)
{
	(void)state;
	struct warnings one;
	warnings_init(&one);
	struct buf big;
	buf_init(&big);
	const char *files[] = {"tests/data/classify/cases.txt", "tests/eval/teacher-posts.tsv",
			       "tests/eval/teacher-posts-holdout.tsv"};
	size_t lines = 0, warned = 0;
	for (size_t f = 0; f < ARRAY_SIZE(files); f++) {
		char *path = source_path(files[f]), *data;
		size_t len;
		assert_int_equal(read_file(path, 1u << 24, &data, &len), 0);
		for (char *line = data, *nl; line < data + len; line = nl + 1) {
			nl = memchr(line, '\n', (size_t)(data + len - line));
			if (!nl)
				nl = data + len;
			size_t n = (size_t)(nl - line);
			/* two threads first, so that nothing the one-thread check
			 * leaves in the scratch can stand in for their work */
			classifier_set_parallel_min(cls, 1);
			classifier_check(cls, line, n, &w);
			classifier_set_parallel_min(cls, SIZE_MAX);
			classifier_check(cls, line, n, &one);
			same_warnings(&w, &one, line);
			lines++;
			warned += w.count > 0;
			buf_append(&big, line, n);
			buf_append_char(&big, '\n');
		}
		free(data);
		free(path);
	}
	assert_true(lines > 400 && warned > 150);
	char *part = xstrndup(big.data, big.len);
	size_t part_len = big.len;
	while (big.len < 300 * 1024)
		buf_append(&big, part, part_len);
	free(part);
	buf_append(&big, "and last of all, you pillock", 28);
	classifier_set_parallel_min(cls, 0);
	classifier_check(cls, big.data, big.len, &w);
	classifier_set_parallel_min(cls, SIZE_MAX);
	classifier_check(cls, big.data, big.len, &one);
	same_warnings(&w, &one, "the long text");
	assert_true(w.count > 1000);
	assert_int_equal(w.items[w.count - 1].end, big.len); /* the last word too */
	buf_finish(&big);
	warnings_finish(&one);
}

/* A config that lists only the official names: the names staff use are
 * derived from them. */
static void short_school_names(void **state)
{
	(void)state;
	char *cfg = write_temp_str(dir, "official.json",
		"{\"school\":{\"names\":[\"St Aidan's CE Primary School\",\"Holy Trinity Roman "
		"Catholic Academy\",\"Hillside Primary School\"],"
		"\"trust\":[\"Northern Star Academy Trust\",\"Pennine Learning Trust\"]}}");
	struct problems pr;
	problems_init(&pr);
	struct config *c = config_load(cfg, &pr);
	char *lex = source_path("lexicons");
	struct classifier *x = classifier_create(c, lex, &pr);
	assert_int_equal(pr.count, 0);
	struct warnings got;
	warnings_init(&got);
	static const struct {
		const char *text, *match; /* match NULL: nothing at medium or above */
	} cases[] = {
		{"Loving my job at St Aidan's Primary", "St Aidan's Primary"},
		{"Loving my job at St Aidans Primary", "St Aidans Primary"},
		{"The kids at St Aidan's were amazing", "St Aidan's"},
		{"Lovely service at St Aidan's church", NULL}, /* the church */
		{"Great day at St Aidan's", NULL},              /* a church or a school */
		{"Holy Trinity Academy nativity tonight", "Holy Trinity Academy"},
		{"Holy Trinity Roman Catholic Academy", "Holy Trinity Roman Catholic Academy"},
		{"Our pupils at Holy Trinity did us proud", "Holy Trinity"},
		{"Northern Star Academy Trust have announced cuts", "Northern Star Academy Trust"},
		{"Northern Star have announced cuts to our school", "Northern Star"},
		{"Hillside Primary are in the final", "Hillside Primary"},
		{"The kids played on the hillside", NULL}, /* an English word alone */
		{"The kids walked the Pennine Way", NULL},  /* a trust's one word */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *t = cases[i].text;
		classifier_check(x, t, strlen(t), &got);
		bool found = false;
		for (size_t k = 0; k < got.count; k++) {
			const struct warning *g = &got.items[k];
			if (g->category != CAT_WORK_DETAIL || g->severity < SEV_MEDIUM)
				continue;
			char span[128];
			snprintf(span, sizeof(span), "%.*s", (int)(g->end - g->start), t + g->start);
			if (!cases[i].match)
				fail_msg("%s: %s", t, span);
			found |= strcmp(span, cases[i].match) == 0;
		}
		if (cases[i].match && !found)
			fail_msg("%s: no \"%s\"", t, cases[i].match);
	}
	warnings_finish(&got);
	classifier_destroy(x);
	free(lex);
	config_destroy(c);
	problems_finish(&pr);
	free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_names_are_high_in_any_case),
		cmocka_unit_test(accents_and_punctuation),
		cmocka_unit_test(handles_hashtags_possessives),
		cmocka_unit_test(single_names),
		cmocka_unit_test(whole_words_only),
		cmocka_unit_test(line_break_ends_a_name),
		cmocka_unit_test(staff_roster_is_person_name),
		cmocka_unit_test(school_names_and_domains),
		cmocka_unit_test(short_school_names),
		cmocka_unit_test(lexicon_terms),
		cmocka_unit_test(allowlist_suppresses),
		cmocka_unit_test(labels_and_policy_override),
		cmocka_unit_test(messages_fit_the_words),
		cmocka_unit_test(stats),
		cmocka_unit_test(nul_and_invalid_bytes),
		cmocka_unit_test(missing_lexicons_reported),
		cmocka_unit_test(many_frames),
		cmocka_unit_test(many_placeholder),
		cmocka_unit_test(started_in_background),
		cmocka_unit_test(lexicon_problems_before_background),
		cmocka_unit_test(second_thread_same_result),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
