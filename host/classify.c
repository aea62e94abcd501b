/* Building the classifier. Lexicons load first (they also say which names
 * are very common), then the school's names from config, then rosters:
 * every name and term becomes a phrase in one match_dict with a payload
 * (category, kind, base severity, flags, label). hunspell is consulted here
 * and only here: for inflected forms of lexicon words and for names that
 * are ordinary words. */
#include "classify-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lexicon.h"
#include "model.h"
#include "morphology.h"
#include "roster.h"
#include "typos.h"

#ifndef PREPOST_LEXICON_DIR
#define PREPOST_LEXICON_DIR "/usr/local/share/prepost/lexicons"
#endif

#define MAX_LABELS 65535

static const struct label default_labels[CAT_COUNT] = {
	[CAT_PUPIL_NAME] = {
		"This looks like a pupil's name.",
		"Naming a pupil breaches confidentiality. Use 'a pupil' or initials, or leave the "
		"name out.",
		"Do not identify pupils on social media.",
	},
	[CAT_PERSON_NAME] = {
		"This looks like the name of a member of staff or a parent.",
		"Leave the name out unless they have agreed to be named.",
		"Do not share information about colleagues or parents without their consent.",
	},
	[CAT_WORK_DETAIL] = {
		"This names your school or a detail of your work.",
		"Posts that name your school or your work can be read as speaking for it. Leave "
		"the detail out.",
		"Do not identify your school or share details of your work.",
	},
	[CAT_DEROGATORY] = {
		"This language could be read as derogatory or offensive.",
		"Rephrase without it: posts are public and permanent.",
		"Do not post derogatory, offensive or discriminatory language.",
	},
	[CAT_CONFIDENTIAL] = {
		"This looks like a confidential school matter.",
		"Safeguarding, disciplinary and internal matters are never posted. Raise them "
		"through school channels.",
		"Do not share confidential information about pupils, staff or the school.",
	},
	[CAT_PERSONAL_DATA] = {
		"This looks like personal data.",
		"Remove addresses, phone numbers, dates of birth and financial details.",
		"Do not share anyone's personal data.",
	},
};

static const struct label grievance_default = {
	"This reads as a complaint about your work, colleagues or pupils' families.",
	"Criticising your school, colleagues or parents in public breaches professional "
	"conduct even when no one is named. Raise it at work instead.",
	NULL,
};

/* What a warning from reading the whole post says (model.h): not a listed
 * phrase, so it says what the post reads like and how to tell. */
static const struct label read_labels[CAT_COUNT] = {
	[CAT_WORK_DETAIL] = {
		"Read as a whole, this post looks like it describes your work or your school.",
		"Details of a school day can identify your school, pupils and colleagues. If it "
		"is about your work, leave the details out; if it is not, post it.",
		NULL,
	},
	[CAT_CONFIDENTIAL] = {
		"Read as a whole, this post looks like a confidential matter.",
		"A child's or a family's circumstances, a colleague's situation and what happens "
		"inside school stay there. If it is none of those, post it.",
		NULL,
	},
};

const char *classifier_default_lexicon_dir(void)
{
	const char *env = getenv("PREPOST_LEXICONS");
	return env && env[0] ? env : PREPOST_LEXICON_DIR;
}

static const char *own(struct classifier *c, const char *s)
{
	c->owned = xrealloc(c->owned, (c->owned_count + 1) * sizeof(*c->owned));
	return c->owned[c->owned_count++] = xstrdup(s);
}

static uint16_t add_label(struct classifier *c, struct label l)
{
	if (c->label_count >= MAX_LABELS)
		return 0;
	grow_array((void **)&c->labels, &c->label_cap, c->label_count + 1, sizeof(*c->labels));
	c->labels[c->label_count] = l;
	return (uint16_t)c->label_count++;
}

static void init_labels(struct classifier *c, const struct config *config)
{
	for (unsigned i = 0; i < CAT_COUNT; i++) {
		struct label l = default_labels[i];
		if (config->text[i][TEXT_MESSAGE])
			l.message = own(c, config->text[i][TEXT_MESSAGE]);
		if (config->text[i][TEXT_ADVICE])
			l.advice = own(c, config->text[i][TEXT_ADVICE]);
		if (config->text[i][TEXT_POLICY])
			l.policy = own(c, config->text[i][TEXT_POLICY]);
		add_label(c, l);
	}
	for (unsigned i = 0; i < PL_COUNT; i++) {
		unsigned cat = CAT_PERSONAL_DATA;
		if (i == PL_YEAR_GROUP || i == PL_CLASS_GROUP || i == PL_SCHOOL_NAME ||
		    i == PL_OWN_PUPIL)
			cat = CAT_WORK_DETAIL;
		else if (i == PL_RUDE_GESTURE)
			cat = CAT_DEROGATORY;
		else if (i == PL_NOT_YET)
			cat = CAT_CONFIDENTIAL;
		struct label l = {pattern_message((enum pattern_label)i),
				  pattern_advice((enum pattern_label)i), c->labels[cat].policy};
		c->pattern_labels[i] = add_label(c, l);
	}
	struct label g = grievance_default;
	g.policy = c->labels[CAT_WORK_DETAIL].policy;
	c->grievance_label = add_label(c, g);
	c->custom_labels = xcalloc(config->pattern_count + 1, sizeof(*c->custom_labels));
	for (size_t i = 0; i < config->pattern_count; i++) {
		const struct config_pattern *cp = &config->patterns[i];
		const struct label *base = &c->labels[cp->category];
		struct label l = {cp->message ? own(c, cp->message) : base->message,
				  cp->advice ? own(c, cp->advice) : base->advice, base->policy};
		c->custom_labels[i] = add_label(c, l);
	}
}

/* The category a lexicon entry's warnings are reported under. */
static unsigned reported_category(unsigned cat)
{
	return cat == CAT_GRIEVANCE ? CAT_WORK_DETAIL : cat;
}

/* The label for a lexicon entry: its category's, unless the entry words its
 * own message or advice. A school's policy rewording always wins. */
static uint16_t entry_label(struct classifier *c, const struct lexicon_entry *e)
{
	if (e->category >= CAT_COUNT && e->category != CAT_GRIEVANCE)
		return 0;
	unsigned cat = reported_category(e->category);
	uint16_t base_label = e->category == CAT_GRIEVANCE ? c->grievance_label : (uint16_t)cat;
	const struct label *base = &c->labels[base_label];
	struct label l = {
		e->message ? e->message : base->message,
		e->advice ? e->advice : base->advice,
		e->policy && base->policy == default_labels[cat].policy ? e->policy : base->policy,
	};
	if (l.message == base->message && l.advice == base->advice && l.policy == base->policy)
		return base_label;
	const struct label *last = &c->labels[c->label_count - 1];
	if (last->message == l.message && last->advice == l.advice && last->policy == l.policy)
		return (uint16_t)(c->label_count - 1);
	uint16_t id = add_label(c, l);
	return id ? id : base_label;
}

static void add_phrase(struct classifier *c, const char *s, unsigned cat, enum term_kind kind,
		       enum severity sev, unsigned flags, uint16_t label)
{
	struct payload p = {
		.category = (uint8_t)cat,
		.kind = (uint8_t)kind,
		.severity = (uint8_t)sev,
		.flags = (uint8_t)flags,
		.label = label,
	};
	match_dict_add(c->dict, s, strlen(s), &p, MATCH_ADD_JOINED);
}

/* The two readings of a lexicon entry (add_entry). */
enum pass { PASS_VET, PASS_BUILD };

/* A name as folded tokens, pointing into one of name_tokens. */
struct name {
	const char *tok[MATCH_MAX_PHRASE_TOKENS];
	uint32_t len[MATCH_MAX_PHRASE_TOKENS];
	size_t n;
};

/* s[0, len) as folded tokens in t (at most MATCH_MAX_PHRASE_TOKENS of
 * them in out); name_of does the same for a whole string. */
static void name_of_len(struct tokens *t, const char *s, size_t len, struct name *out)
{
	text_tokenize(t, s, len);
	out->n = t->count < MATCH_MAX_PHRASE_TOKENS ? t->count : MATCH_MAX_PHRASE_TOKENS;
	for (size_t i = 0; i < out->n; i++) {
		out->tok[i] = token_text(t, &t->items[i]);
		out->len[i] = t->items[i].norm_len;
	}
}

static void name_of(struct tokens *t, const char *s, struct name *out)
{
	name_of_len(t, s, strlen(s), out);
}

/* A lexicon term or frame, s[0, len), as folded tokens, where the word
 * "<number>" stands for any number ("marking <number> books") and "<many>"
 * for one of MANY_LEAST or more ("<many> kids"): they become NUMBER_WORD
 * and MANY_WORD, tokens no text has, which check.c gives the numbers it
 * does not know as words. */
static void term_of_len(struct tokens *t, const char *s, size_t len, struct name *out)
{
	name_of_len(t, s, len, out);
	for (size_t i = 0; i < out->n; i++) {
		const struct token *tok = &t->items[i];
		if (tok->start == 0 || s[tok->start - 1] != '<' || tok->end >= len ||
		    s[tok->end] != '>')
			continue;
		if (out->len[i] == 6 && memcmp(out->tok[i], "number", 6) == 0) {
			out->tok[i] = NUMBER_WORD;
			out->len[i] = strlen(NUMBER_WORD);
		} else if (out->len[i] == 4 && memcmp(out->tok[i], "many", 4) == 0) {
			out->tok[i] = MANY_WORD;
			out->len[i] = strlen(MANY_WORD);
		}
	}
}

static void term_of(struct tokens *t, const char *s, struct name *out)
{
	term_of_len(t, s, strlen(s), out);
}

/* Adds the phrase made of parts in order (forename, middle, surname). */
static void add_name(struct classifier *c, const struct name *const *parts, size_t nparts,
		     unsigned cat, enum term_kind kind, enum severity sev, unsigned flags)
{
	struct name all = {.n = 0};
	for (size_t i = 0; i < nparts; i++)
		for (size_t k = 0; k < parts[i]->n && all.n < MATCH_MAX_PHRASE_TOKENS; k++) {
			all.tok[all.n] = parts[i]->tok[k];
			all.len[all.n++] = parts[i]->len[k];
		}
	struct payload p = {
		.category = (uint8_t)cat,
		.kind = (uint8_t)kind,
		.severity = (uint8_t)sev,
		.flags = (uint8_t)flags,
		.label = (uint16_t)cat,
	};
	match_dict_add_tokens(c->dict, all.tok, all.len, all.n, &p, MATCH_ADD_JOINED);
}

struct inflect_ctx {
	struct classifier *c;
	struct payload p;
	const struct name *head; /* the phrase's words before the inflected one */
	bool no_verbs;
	const struct name *tail; /* and after it (inflect=first) */
};

/* Whether form is a verb's -ed or -ing form (fooled, disgracing). */
static bool is_verb_form(const char *form)
{
	size_t f = strlen(form);
	return (f > 2 && strcmp(form + f - 2, "ed") == 0) || (f > 3 && strcmp(form + f - 3, "ing") == 0);
}

static void add_form(const char *form, void *ctx)
{
	struct inflect_ctx *ic = ctx;
	if (ic->no_verbs && is_verb_form(form))
		return;
	struct name all = *ic->head;
	if (all.n >= MATCH_MAX_PHRASE_TOKENS)
		return;
	all.tok[all.n] = form;
	all.len[all.n++] = (uint32_t)strlen(form);
	for (size_t i = 0; i < ic->tail->n && all.n < MATCH_MAX_PHRASE_TOKENS; i++) {
		all.tok[all.n] = ic->tail->tok[i];
		all.len[all.n++] = ic->tail->len[i];
	}
	match_dict_add_tokens(ic->c->dict, all.tok, all.len, all.n, &ic->p, 0);
}

static void remember_masked(struct classifier *c, const char *folded, const struct payload *p)
{
	size_t n = strlen(folded);
	for (size_t i = 0; i < n; i++)
		if (folded[i] < 'a' || folded[i] > 'z')
			return; /* masks stand for letters of one plain word */
	c->masked = xrealloc(c->masked, (c->masked_count + 1) * sizeof(*c->masked));
	c->masked[c->masked_count++] = (struct masked_term){xstrdup(folded), n, *p};
}

/* "fuck*" or "*shit": a stem that words begin (or end) with. A stem is one
 * word of three letters or more in a warning category other than a name. */
static void add_stem(struct classifier *c, const struct lexicon_entry *e, const struct payload *p,
		     bool at_end, enum pass pass, const char *file, struct problems *problems)
{
	size_t n = strlen(e->term) - 1;
	char *inner = xstrndup(e->term + (at_end ? 1 : 0), n);
	struct name word;
	name_of(&c->term_tokens, inner, &word);
	bool plain = strcspn(inner, "* \t") == n;
	free(inner);
	if (!plain || word.n != 1 || word.len[0] < 3 || e->frames ||
	    (e->category != CAT_WORK_DETAIL && e->category != CAT_DEROGATORY &&
	     e->category != CAT_CONFIDENTIAL && e->category != CAT_PERSONAL_DATA)) {
		if (pass == PASS_VET)
			problems_add(problems,
				     "%s:%u: a word stem (\"word*\" or \"*word\") must be one word of "
				     "three letters or more, without @frames, in category work_detail, "
				     "derogatory, confidential or personal_data; skipped.",
				     file, e->line);
		return;
	}
	if (pass == PASS_VET) {
		c->stats.lexicon_terms++;
		return;
	}
	c->stems = xrealloc(c->stems, (c->stem_count + 1) * sizeof(*c->stems));
	c->stems[c->stem_count++] = (struct stem){
		xstrndup(word.tok[0], word.len[0]), word.len[0], at_end, *p};
	uint64_t **set = at_end ? &c->stem_tails : &c->stem_heads;
	if (!*set)
		*set = xcalloc(STEM_BITS / 64, sizeof(**set));
	unsigned key = at_end ? stem_tail_key(word.tok[0] + word.len[0]) : stem_head_key(word.tok[0]);
	(*set)[key >> 6] |= (uint64_t)1 << (key & 63);
}

/* A framed term becomes one phrase per frame: "you are" + "pig". The
 * frames of a section are tokenised once, for all its terms. */
static void add_framed(struct classifier *c, const struct lexicon_entry *e,
		       const struct name *term, const struct payload *p, enum pass pass,
		       const char *file, struct problems *problems)
{
	if (c->frames_of != e->frames) {
		/* each frame is walked into the dictionary once, and every term
		 * of its section added from where it ends */
		c->frames_of = e->frames;
		c->frame_count = 0;
		const char *f = e->frames;
		while (*f) {
			const char *bar = strchr(f, '|');
			size_t n = bar ? (size_t)(bar - f) : strlen(f);
			struct name frame;
			term_of_len(&c->frame_tokens, f, n, &frame);
			grow_array((void **)&c->frame_ends, &c->frame_cap, c->frame_count + 1,
				   sizeof(*c->frame_ends));
			c->frame_ends[c->frame_count++] = (struct frame_end){
				pass == PASS_BUILD ? match_dict_extend(c->dict, MATCH_ROOT, frame.tok,
								       frame.len, frame.n)
						   : MATCH_ROOT,
				(uint32_t)c->frame_tokens.count};
			f += n + (bar ? 1 : 0);
		}
	}
	if (pass == PASS_VET) {
		for (size_t i = 0; i < c->frame_count; i++)
			if (c->frame_ends[i].words + term->n > MATCH_MAX_PHRASE_TOKENS)
				problems_add(problems, "%s:%u: a framed phrase has more than %d "
						       "words; skipped.",
					     file, e->line, MATCH_MAX_PHRASE_TOKENS);
		c->stats.lexicon_terms++;
		return;
	}
	uint32_t ids[MATCH_MAX_PHRASE_TOKENS];
	for (size_t i = 0; i < term->n; i++)
		ids[i] = match_dict_intern(c->dict, term->tok[i], term->len[i]);
	for (size_t i = 0; i < c->frame_count; i++)
		if (c->frame_ends[i].words + term->n <= MATCH_MAX_PHRASE_TOKENS)
			match_dict_add_at(c->dict, match_dict_extend_ids(c->dict, c->frame_ends[i].node,
									 ids, term->n),
					  p);
}

/* The term flag for each enum lexicon_context. */
static const uint8_t context_flag[] = {
	[CONTEXT_ANY] = 0,
	[CONTEXT_SCHOOL] = TERM_SCHOOL,
	[CONTEXT_CHILD] = TERM_CHILD,
	[CONTEXT_GROUP] = TERM_GROUP,
	[CONTEXT_CONCERN] = TERM_CONCERN,
	[CONTEXT_SECRET] = TERM_SECRET,
};

/* Notes the words of a term whose misspellings should stand for them: an
 * insult of four letters or more, and the longer words (six letters or
 * more) of a longer insult, a work detail or a confidential term. */
static void note_typos(struct classifier *c, const struct lexicon_entry *e, const struct name *term)
{
	size_t min;
	bool insult = e->category == CAT_DEROGATORY;
	if (insult && term->n == 1)
		min = 4;
	else if (insult || e->category == CAT_WORK_DETAIL || e->category == CAT_CONFIDENTIAL)
		min = 6;
	else
		return;
	for (size_t i = 0; i < term->n; i++) {
		if (term->len[i] < min)
			continue;
		uint32_t id = match_dict_token(c->dict, term->tok[i], term->len[i],
					       text_hash(term->tok[i], term->len[i]));
		typos_note(c->typos, term->tok[i], term->len[i], id, insult);
	}
}

static void ask_inflections(const char *form, void *ctx)
{
	(void)form;
	(void)ctx;
}

/* A lexicon entry is read twice. Before the hello (PASS_VET) it is
 * counted, what is wrong with it reported, and its inflections asked of
 * the morphology, so that a start which needs hunspell and cannot have it
 * says so in the hello. On the names thread (PASS_BUILD, where file and
 * problems are not used) it is added to the dictionary, skipping what
 * the first pass reported. */
static void add_entry(struct classifier *c, struct morphology *m, const struct lexicon_entry *e,
		      enum pass pass, const char *file, struct problems *problems)
{
	/* Acronyms (SEND, LADO) have no inflections: "sends" is not SEND. One
	 * that is also a word (SEND, INSET, MASH) matches only in capitals;
	 * others (LADO, EHCP) in any case. */
	bool acronym = strlen(e->term) >= 2;
	for (const char *q = e->term; *q; q++)
		if ((*q >= 'a' && *q <= 'z') || *q == ' ')
			acronym = false;
	char *lower = acronym ? text_fold(e->term, strlen(e->term)) : NULL;
	bool caps_only = acronym && morphology_is_word(m, lower);
	free(lower);
	struct payload p = {
		.category = e->category,
		.kind = KIND_TERM,
		.severity = e->severity,
		.flags = (uint8_t)((caps_only ? TERM_ACRONYM : 0) | context_flag[e->context]),
		.label = entry_label(c, e),
	};
	enum lexicon_stem stem = lexicon_term_stem(e->term);
	if (stem != STEM_NONE) {
		add_stem(c, e, &p, stem == STEM_TAIL, pass, file, problems);
		return;
	}
	struct name term;
	/* a plain term's words are taken as written, in both passes:
	 * tokenising every term was a third of the work before the hello */
	term.n = text_plain_words(e->term, term.tok, term.len, MATCH_MAX_PHRASE_TOKENS);
	bool plain = term.n > 0;
	if (!plain)
		term_of(&c->term_tokens, e->term, &term);
	if (term.n == 0 || (!plain && c->term_tokens.count > MATCH_MAX_PHRASE_TOKENS)) {
		if (pass == PASS_VET)
			problems_add(problems, "%s:%u: the phrase has more than %d words; skipped.",
				     file, e->line, MATCH_MAX_PHRASE_TOKENS);
		return;
	}
	if (e->frames && e->category != CAT_COMMON) {
		add_framed(c, e, &term, &p, pass, file, problems);
		if (pass == PASS_BUILD)
			note_typos(c, e, &term);
		return;
	}
	if (pass == PASS_VET) {
		c->stats.lexicon_terms++;
	} else {
		struct match_dict *d = e->category == CAT_COMMON ? c->common : c->dict;
		match_dict_add_tokens(d, term.tok, term.len, term.n, &p, 0);
		note_typos(c, e, &term);
	}
	if (e->category == CAT_ALLOW || e->category == CAT_COMMON || caps_only)
		return;
	/* the last word carries the inflection ("safeguarding concerns"), or
	 * with inflect=first the first ("breed like rabbits" → "breeding like
	 * rabbits") */
	size_t w = e->inflect == INFLECT_FIRST && !acronym ? 0 : term.n - 1;
	char word[256];
	uint32_t wl = term.len[w];
	if (wl + 1 >= sizeof(word))
		return;
	memcpy(word, term.tok[w], wl);
	word[wl] = '\0';
	if (!acronym && term.n == 1 && e->category == CAT_DEROGATORY && pass == PASS_BUILD)
		remember_masked(c, word, &p);
	/* "EHCPs", "LADOs": an acronym has a plural and nothing else; one that
	 * is also a word matches only in capitals, so not this way; and
	 * inflect=no keeps even the plural out ("CLA", whose "clas" is a
	 * "class" typed short) */
	bool plural = acronym && wl > 0 && word[wl - 1] >= 'a' && word[wl - 1] <= 'z';
	if (e->inflect == INFLECT_NO || (acronym && !plural))
		return;
	if (pass == PASS_VET) {
		if (!plural)
			morphology_inflect(m, word, ask_inflections, NULL);
		return;
	}
	struct name head = term, tail = {.n = 0};
	head.n = w;
	for (size_t i = w + 1; i < term.n; i++) {
		tail.tok[tail.n] = term.tok[i];
		tail.len[tail.n++] = term.len[i];
	}
	struct inflect_ctx ic = {c, p, &head, e->inflect == INFLECT_NO_VERBS, &tail};
	if (plural) {
		word[wl] = 's';
		word[wl + 1] = '\0';
		add_form(word, &ic);
	} else {
		morphology_inflect(m, word, add_form, &ic);
	}
}

static void load_lexicon_dir(struct classifier *c, struct morphology *m, const char *dir,
			     bool required, struct problems *problems)
{
	size_t n;
	int err;
	char **files = lexicon_list_dir(dir, &n, &err);
	if (!files) {
		if (err)
			problems_add(problems, "%s: cannot read the lexicon folder: %s.%s", dir,
				     strerror(err),
				     required ? " Only names from rosters and the config are "
						"checked; reinstall prepost or name the folder with "
						"--lexicons."
					      : "");
		else
			problems_add(problems, "%s: the lexicon folder has no .txt files.", dir);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct lexicon *l = lexicon_load(files[i], problems);
		if (!l)
			continue;
		c->lexicons = xrealloc(c->lexicons, (c->lexicon_count + 1) * sizeof(*c->lexicons));
		c->lexicons[c->lexicon_count++] = l;
		for (size_t j = 0; j < lexicon_count(l); j++)
			add_entry(c, m, lexicon_entry(l, j), PASS_VET, files[i], problems);
		c->stats.lexicon_files++;
	}
	lexicon_free_list(files, n);
}

/* name without its apostrophes (' and the curly ones), or NULL when it
 * has none: "St Aidan's" is often typed "St Aidans". */
static char *without_apostrophes(const char *name)
{
	size_t n = strlen(name), k = 0;
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		if (name[i] == '\'') {
			continue;
		} else if (i + 2 < n && (unsigned char)name[i] == 0xE2 &&
			   (unsigned char)name[i + 1] == 0x80 &&
			   ((unsigned char)name[i + 2] == 0x98 || (unsigned char)name[i + 2] == 0x99)) {
			i += 2; /* U+2018, U+2019 */
			continue;
		}
		out[k++] = name[i];
	}
	out[k] = '\0';
	if (k == n) {
		free(out);
		return NULL;
	}
	return out;
}

/* name without a last word "Trust" or "School" when three words or more
 * are left with it ("Pennine Learning Trust" is "Pennine Learning" to its
 * staff), or NULL. */
static char *without_suffix(const char *name)
{
	static const char *const suffixes[] = {" trust", " school"};
	size_t n = strlen(name), words = 1;
	for (size_t i = 0; i < n; i++)
		words += name[i] == ' ' && i + 1 < n && name[i + 1] != ' ';
	if (words < 3)
		return NULL;
	for (size_t k = 0; k < ARRAY_SIZE(suffixes); k++) {
		size_t sl = strlen(suffixes[k]);
		if (n > sl && strncasecmp(name + n - sl, suffixes[k], sl) == 0) {
			size_t m = n - sl;
			while (m > 0 && name[m - 1] == ' ')
				m--;
			char *out = xmalloc(m + 1);
			memcpy(out, name, m);
			out[m] = '\0';
			return out;
		}
	}
	return NULL;
}

static void add_school_name(struct classifier *c, const char *name, unsigned flags)
{
	add_phrase(c, name, CAT_WORK_DETAIL, KIND_SCHOOL, SEV_MEDIUM, flags, CAT_WORK_DETAIL);
	char *bare = without_apostrophes(name);
	if (bare) {
		add_phrase(c, bare, CAT_WORK_DETAIL, KIND_SCHOOL, SEV_MEDIUM, flags, CAT_WORK_DETAIL);
		free(bare);
	}
}

/* Words that say which church a school belongs to, left out of the names
 * its staff use: "St Aidan's CE Primary School" is "St Aidan's Primary". */
static size_t church_words(char *const *w, size_t n, size_t i)
{
	static const char *const one[] = {"ce", "c.e.", "c.e", "cofe", "rc", "r.c.", "catholic",
					  "methodist", "va", "vc", "v.a.", "v.c."};
	static const char *const seqs[][3] = {{"c", "of", "e"},
					       {"church", "of", "england"},
					       {"roman", "catholic", NULL},
					       {"voluntary", "aided", NULL},
					       {"voluntary", "controlled", NULL}};
	for (size_t k = 0; k < ARRAY_SIZE(seqs); k++) {
		size_t m = 0;
		while (m < 3 && seqs[k][m] && i + m < n && strcasecmp(w[i + m], seqs[k][m]) == 0)
			m++;
		if (m == 3 || (m == 2 && !seqs[k][2]))
			return m;
	}
	for (size_t k = 0; k < ARRAY_SIZE(one); k++)
		if (strcasecmp(w[i], one[k]) == 0)
			return 1;
	return 0;
}

/* Whether word w says what kind of school or trust a name is. */
static bool school_kind_word(const char *w)
{
	static const char *const kinds[] = {
		"primary", "infant", "infants", "junior", "juniors", "nursery", "first", "middle",
		"high", "secondary", "academy", "academies", "grammar", "community", "college",
		"school", "schools", "upper", "lower", "free", "federation", "technical", "studio",
		"sixth", "learning", "education", "educational", "trust", "multi", "multi-academy",
		"partnership", "church", "all-through", "special"};
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		if (strcasecmp(w, kinds[k]) == 0)
			return true;
	return false;
}

#define SCHOOL_NAME_WORDS 16

/* The variants of one configured name, each added once. */
struct school_names {
	char *seen[6];
	size_t n;
};

static void add_school_variant(struct classifier *c, struct school_names *v, const char *name,
			       unsigned flags)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->seen[i], name) == 0)
			return;
	if (v->n < ARRAY_SIZE(v->seen))
		v->seen[v->n++] = xstrdup(name);
	add_school_name(c, name, flags);
}

/* name and its shorter forms. Without a last "Trust" or "School", without
 * its church's words and with its kind kept ("St Aidan's Primary", "Holy
 * Trinity Academy") it is unmistakable. The words before its kind alone
 * ("St Aidan's", "Holy Trinity", "Oakfield", "Northern Star") may be a
 * church, a road or a star, and count only in a post about school; a
 * trust's single word ("Pennine") or an English word ("Hillside") is left
 * out. */
static void add_school_names(struct classifier *c, struct morphology *m, const char *name,
			     bool trust)
{
	struct school_names v = {.n = 0};
	add_school_variant(c, &v, name, 0);
	char *shorter = without_suffix(name);
	if (shorter) {
		add_school_variant(c, &v, shorter, 0);
		free(shorter);
	}
	char *copy = xstrdup(name);
	char *w[SCHOOL_NAME_WORDS];
	size_t n = 0;
	for (char *save = NULL, *t = strtok_r(copy, " ", &save); t && n < ARRAY_SIZE(w);
	     t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	char *kept[SCHOOL_NAME_WORDS];
	size_t k = 0, kind = SIZE_MAX;
	for (size_t i = 0; i < n;) {
		size_t skip = church_words(w, n, i);
		if (skip) {
			i += skip;
			continue;
		}
		if (kind == SIZE_MAX && school_kind_word(w[i]))
			kind = k;
		kept[k++] = w[i++];
	}
	struct buf b;
	buf_init(&b);
	/* without the church's words, whole and without "School" */
	if (k < n && k >= 2) {
		for (size_t i = 0; i < k; i++)
			buf_printf(&b, "%s%s", i ? " " : "", kept[i]);
		add_school_variant(c, &v, buf_cstr(&b), 0);
		shorter = without_suffix(buf_cstr(&b));
		if (shorter) {
			add_school_variant(c, &v, shorter, 0);
			free(shorter);
		}
	}
	if (kind != SIZE_MAX && kind >= 1) {
		/* the words before its kind, with the kind */
		if (kind + 1 < k) {
			b.len = 0;
			for (size_t i = 0; i <= kind; i++)
				buf_printf(&b, "%s%s", i ? " " : "", kept[i]);
			add_school_variant(c, &v, buf_cstr(&b), 0);
		}
		/* and alone */
		b.len = 0;
		for (size_t i = 0; i < kind; i++)
			buf_printf(&b, "%s%s", i ? " " : "", kept[i]);
		bool word = false;
		if (kind == 1) {
			char *lower = text_fold(buf_cstr(&b), b.len);
			word = trust || strlen(lower) < 4 || morphology_is_word(m, lower);
			free(lower);
		}
		if (!word)
			add_school_variant(c, &v, buf_cstr(&b), TERM_SCHOOL);
	}
	buf_finish(&b);
	free(copy);
	for (size_t i = 0; i < v.n; i++)
		free(v.seen[i]);
}

static struct strv strv_copy(const struct strv *s)
{
	struct strv out = {NULL, 0};
	for (size_t i = 0; i < s->n; i++)
		strv_push(&out, s->v[i]);
	return out;
}

/* The school's and trust's names and email domains, kept from the config
 * until the dictionary is built. */
static void load_school(struct classifier *c, struct morphology *m)
{
	for (size_t j = 0; j < c->school_names.n; j++)
		add_school_names(c, m, c->school_names.v[j], false);
	for (size_t j = 0; j < c->trust_names.n; j++)
		add_school_names(c, m, c->trust_names.v[j], true);
	for (size_t j = 0; j < c->email_domains.n; j++)
		add_school_name(c, c->email_domains.v[j], 0);
	strv_finish(&c->school_names);
	strv_finish(&c->trust_names);
	strv_finish(&c->email_domains);
}

/* Flags for a name used alone: is it an ordinary word, a very common name?
 * Remembered per distinct name: a trust's roster repeats "oliver" hundreds
 * of times. Returns -1 for a name too short to match alone. */
static int name_flags(struct classifier *c, struct morphology *m, const struct name *nm)
{
	if (nm->n == 0 || (nm->n == 1 && nm->len[0] < 2))
		return -1;
	if (nm->n > 1)
		return 0; /* several words: distinctive */
	char f[256];
	if (nm->len[0] >= sizeof(f))
		return 0;
	memcpy(f, nm->tok[0], nm->len[0]);
	f[nm->len[0]] = '\0';
	uint32_t id = match_dict_intern(c->dict, f, nm->len[0]);
	size_t old = c->name_flags_cap;
	grow_array((void **)&c->name_flags, &c->name_flags_cap, (size_t)id + 1, 1);
	memset(c->name_flags + old, 0, c->name_flags_cap - old);
	if (c->name_flags[id])
		return c->name_flags[id] - 1;
	int flags = 0;
	if (morphology_is_word(m, f))
		flags |= TERM_ORDINARY;
	uint32_t cid = match_dict_token(c->common, f, nm->len[0], text_hash(f, nm->len[0]));
	size_t k = 0;
	if (cid != MATCH_NO_TOKEN)
		match_dict_payloads(c->common, match_dict_step(c->common, MATCH_ROOT, cid), &k);
	if (k)
		flags |= TERM_COMMON;
	c->name_flags[id] = (uint8_t)(flags + 1);
	return flags;
}

static void split_full_name(const char *full, char **fore, char **sur)
{
	const char *comma = strchr(full, ',');
	if (comma) {
		*sur = xstrndup(full, (size_t)(comma - full));
		*fore = xstrdup(comma + 1);
		return;
	}
	const char *sp = strrchr(full, ' ');
	*fore = sp ? xstrndup(full, (size_t)(sp - full)) : xstrdup(full);
	*sur = xstrdup(sp ? sp + 1 : "");
}

/* Two or three capital letters, as a form's code is written (RB, RW). */
static bool is_letter_code(const char *reg)
{
	size_t n = 0;
	while (reg[n] >= 'A' && reg[n] <= 'Z')
		n++;
	return reg[n] == '\0' && n >= 2 && n <= 3;
}

static void add_group(struct classifier *c, const char *reg)
{
	/* rosters come sorted by group, and each group needs adding once */
	if (c->last_reg && strcmp(c->last_reg, reg) == 0)
		return;
	free(c->last_reg);
	c->last_reg = xstrdup(reg);
	char *f = text_fold(reg, strlen(reg));
	bool digit = strpbrk(f, "0123456789") != NULL;
	if (digit && strlen(f) >= 2) {
		/* 6B, 10X2: unmistakable, but for the few that are also what a
		 * film, a phone network, a screen or a run is called ("3D",
		 * "5G", "4K", "10K"), which count only in a post about school.
		 * Fewer than check.c's class_code_kind holds back for a code no
		 * roster lists: a listed "9M", "10G", "12A" or "1C" is the
		 * school's own form, not a size, a rating or a temperature */
		static const char *const everyday[] = {"1d", "2d", "3d", "4d",  "3g", "4g",
						       "5g", "4k", "5k", "8k", "10k"};
		bool common = false;
		for (size_t i = 0; i < ARRAY_SIZE(everyday); i++)
			common |= strcmp(f, everyday[i]) == 0;
		add_phrase(c, reg, CAT_WORK_DETAIL, KIND_GROUP, SEV_MEDIUM,
			   common ? TERM_SCHOOL : 0, CAT_WORK_DETAIL);
	} else if (f[0] && !digit) {
		/* Oak, Robins: only with the word class, never alone */
		char *a = xasprintf("%s class", reg), *b = xasprintf("class %s", reg);
		add_phrase(c, a, CAT_WORK_DETAIL, KIND_GROUP, SEV_MEDIUM, 0, CAT_WORK_DETAIL);
		add_phrase(c, b, CAT_WORK_DETAIL, KIND_GROUP, SEV_MEDIUM, 0, CAT_WORK_DETAIL);
		/* RB, RW: a Reception class's code in capitals is the school's
		 * own form too, but two letters are also many other things, so
		 * alone it counts only in capitals and in a post about school */
		if (is_letter_code(reg))
			add_phrase(c, reg, CAT_WORK_DETAIL, KIND_GROUP, SEV_MEDIUM,
				   TERM_ACRONYM | TERM_SCHOOL, CAT_WORK_DETAIL);
		free(a);
		free(b);
	}
	free(f);
}

/* Every form of one person's name: forenames (legal, preferred,
 * nicknames) and surnames alone, and each forename with each surname,
 * forwards, backwards and with middle names. Each field is tokenised once. */
static void add_pair(struct classifier *c, const struct name *fore, const struct name *sur)
{
	grow_array((void **)&c->by_fore, &c->pair_cap, c->pair_count + 1, sizeof(*c->by_fore));
	c->by_fore[c->pair_count++] = (struct name_pair){
		match_dict_intern(c->dict, fore->tok[0], fore->len[0]),
		match_dict_intern(c->dict, sur->tok[0], sur->len[0]),
	};
}

static int cmp_by_fore(const void *a, const void *b)
{
	const struct name_pair *x = a, *y = b;
	if (x->fore != y->fore)
		return x->fore < y->fore ? -1 : 1;
	return x->sur < y->sur ? -1 : x->sur > y->sur;
}

static int cmp_by_sur(const void *a, const void *b)
{
	const struct name_pair *x = a, *y = b;
	if (x->sur != y->sur)
		return x->sur < y->sur ? -1 : 1;
	return x->fore < y->fore ? -1 : x->fore > y->fore;
}

/* Sorts the pairs both ways, drops repeats and marks their tokens. */
static void finish_pairs(struct classifier *c)
{
	if (!c->pair_count)
		return;
	qsort(c->by_fore, c->pair_count, sizeof(*c->by_fore), cmp_by_fore);
	size_t n = 0;
	uint32_t top = 0;
	for (size_t i = 0; i < c->pair_count; i++)
		if (n == 0 || c->by_fore[i].fore != c->by_fore[n - 1].fore ||
		    c->by_fore[i].sur != c->by_fore[n - 1].sur)
			c->by_fore[n++] = c->by_fore[i];
	c->pair_count = n;
	c->by_sur = xmalloc(n * sizeof(*c->by_sur));
	memcpy(c->by_sur, c->by_fore, n * sizeof(*c->by_sur));
	qsort(c->by_sur, n, sizeof(*c->by_sur), cmp_by_sur);
	for (size_t i = 0; i < n; i++) {
		top = c->by_fore[i].fore > top ? c->by_fore[i].fore : top;
		top = c->by_fore[i].sur > top ? c->by_fore[i].sur : top;
	}
	c->pair_bits_words = top / 64 + 1;
	c->fore_bits = xcalloc(c->pair_bits_words, sizeof(*c->fore_bits));
	c->sur_bits = xcalloc(c->pair_bits_words, sizeof(*c->sur_bits));
	for (size_t i = 0; i < n; i++) {
		c->fore_bits[c->by_fore[i].fore / 64] |= 1ull << (c->by_fore[i].fore % 64);
		c->sur_bits[c->by_fore[i].sur / 64] |= 1ull << (c->by_fore[i].sur % 64);
	}
}

static void add_person(struct classifier *c, struct morphology *m, const struct roster *r,
		       const struct roster_person *p)
{
	unsigned cat = p->role == ROLE_PUPIL ? CAT_PUPIL_NAME : CAT_PERSON_NAME;
	const char *fore[8], *sur[2];
	size_t nfore = 0, nsur = 0;
	char *split_fore = NULL, *split_sur = NULL, *nick = NULL;

	const char *f = roster_field(r, p, RF_FORENAME);
	const char *s = roster_field(r, p, RF_SURNAME);
	if (!f[0] && !s[0] && roster_field(r, p, RF_FULLNAME)[0]) {
		split_full_name(roster_field(r, p, RF_FULLNAME), &split_fore, &split_sur);
		f = split_fore;
		s = split_sur;
	}
	if (f[0])
		fore[nfore++] = f;
	const char *pref = roster_field(r, p, RF_PREFERRED);
	if (pref[0])
		fore[nfore++] = pref;
	const char *nicks = roster_field(r, p, RF_NICKNAMES);
	if (nicks[0]) {
		nick = xstrdup(nicks);
		for (char *save = NULL, *t = strtok_r(nick, ";|,", &save);
		     t && nfore < ARRAY_SIZE(fore); t = strtok_r(NULL, ";|,", &save))
			fore[nfore++] = t;
	}
	if (s[0])
		sur[nsur++] = s;
	const char *psur = roster_field(r, p, RF_PREFERRED_SURNAME);
	if (psur[0])
		sur[nsur++] = psur;

	struct name fn[8], sn[2], mn;
	for (size_t i = 0; i < nfore; i++)
		name_of(&c->name_tokens[i], fore[i], &fn[i]);
	for (size_t j = 0; j < nsur; j++)
		name_of(&c->name_tokens[8 + j], sur[j], &sn[j]);
	name_of(&c->name_tokens[10], roster_field(r, p, RF_MIDDLE), &mn);

	for (size_t i = 0; i < nfore; i++) {
		int fl = name_flags(c, m, &fn[i]);
		const struct name *alone[] = {&fn[i]};
		if (fl >= 0)
			add_name(c, alone, 1, cat, KIND_FORENAME, SEV_MEDIUM, (unsigned)fl);
		for (size_t j = 0; j < nsur; j++) {
			const struct name *full[] = {&fn[i], &sn[j]};
			const struct name *reversed[] = {&sn[j], &fn[i]};
			const struct name *middle[] = {&fn[i], &mn, &sn[j]};
			add_name(c, full, 2, cat, KIND_FULL_NAME, SEV_HIGH, 0);
			if (fn[i].n == 1 && sn[j].n == 1)
				add_pair(c, &fn[i], &sn[j]);
			/* registers and lists: "Turner, Jack", "TURNER Jack" */
			add_name(c, reversed, 2, cat, KIND_FULL_NAME, SEV_HIGH, 0);
			if (mn.n)
				add_name(c, middle, 3, cat, KIND_FULL_NAME, SEV_HIGH, 0);
		}
	}
	for (size_t j = 0; j < nsur; j++) {
		int fl = name_flags(c, m, &sn[j]);
		const struct name *alone[] = {&sn[j]};
		if (fl >= 0)
			add_name(c, alone, 1, cat, KIND_SURNAME, SEV_MEDIUM, (unsigned)fl);
	}
	const char *reg = roster_field(r, p, RF_REG);
	if (reg[0] && p->role == ROLE_PUPIL)
		add_group(c, reg);

	if (split_fore)
		wipe(split_fore, strlen(split_fore));
	if (split_sur)
		wipe(split_sur, strlen(split_sur));
	if (nick)
		wipe(nick, strlen(nicks));
	free(split_fore);
	free(split_sur);
	free(nick);
}

/* The word model beside the default lexicons, if there is one: a folder of
 * a school's own lexicons without it reads posts by their phrases alone.
 * Only found here; it is read with the names, after the hello (reading it
 * takes a few milliseconds), and a damaged one is reported then. */
static void find_model(struct classifier *c, const struct config *config)
{
	if (config->no_word_model)
		return;
	char *path = path_join(c->lexicon_dir, "posts.model");
	if (access(path, F_OK) == 0)
		c->model_path = path;
	else
		free(path);
}

static void read_model(struct classifier *c)
{
	if (!c->model_path)
		return;
	c->model = word_model_load(c->model_path, &c->model_problems);
	if (!c->model)
		problems_add(&c->model_problems, "%s was not used: posts are read by their phrases "
						 "only (reinstall prepost)", c->model_path);
	for (size_t k = 0; k < word_model_category_count(c->model); k++) {
		unsigned cat = word_model_category(c->model, k);
		struct label l = c->labels[cat];
		if (read_labels[cat].message) {
			l.message = read_labels[cat].message;
			l.advice = read_labels[cat].advice;
		}
		c->model_labels[k] = add_label(c, l);
	}
}

/* Reads every roster: counts and problems are known after this. */
static void load_rosters(struct classifier *c, const struct config *config,
			 struct problems *problems)
{
	c->rosters = xcalloc(config->roster_count ? config->roster_count : 1, sizeof(*c->rosters));
	c->parsed = xcalloc(config->roster_count ? config->roster_count : 1, sizeof(*c->parsed));
	c->parsed_count = config->roster_count;
	for (size_t i = 0; i < config->roster_count; i++) {
		const struct config_roster *cr = &config->rosters[i];
		struct roster_info *info = &c->rosters[i];
		info->path = own(c, cr->path);
		info->role = cr->role;
		struct roster *r = roster_load(cr->path, cr->role, problems);
		if (!r)
			continue;
		info->loaded = true;
		info->people = roster_count(r);
		info->skipped = roster_skipped(r);
		info->encoding = encoding_name(roster_encoding(r));
		c->stats.roster_names += roster_count(r);
		c->parsed[i] = r;
	}
	c->stats.rosters = c->rosters;
	c->stats.roster_count = config->roster_count;
}

/* Words that add weight to what follows and nothing else: a phrase steps
 * over them ("they are basically feral", "she is really thick"). */
static const char *const fillers[] = {
	"basically", "literally", "really", "honestly", "actually", "genuinely", "totally",
	"completely", "absolutely", "truly", "simply", "just", "so", "all", "always", "quite",
	"very", "bloody", "such", "frankly", "pretty", "utterly", "even",
};

static void add_fillers(struct classifier *c)
{
	_Static_assert(ARRAY_SIZE(fillers) <= ARRAY_SIZE(c->filler_ids), "room for the fillers");
	for (size_t i = 0; i < ARRAY_SIZE(fillers); i++) {
		uint32_t id = match_dict_intern(c->dict, fillers[i], strlen(fillers[i]));
		c->filler_ids[c->filler_count++] = id;
		c->filler_bits |= (uint64_t)1 << (id & 63);
	}
}

/* The token of the word w, or MATCH_NO_TOKEN if no term has it. */
static uint32_t word_id(const struct match_dict *d, const char *w)
{
	return match_dict_token(d, w, strlen(w), text_hash(w, strlen(w)));
}

/* Adds the lexicons' terms, the school's names and the rosters' names,
 * and finishes the dictionary. Touches nothing that the hello reply reads
 * (stats, rosters, problems), so it may run on a second thread while the
 * first one answers. */
static void *build_names(void *arg)
{
	struct classifier *c = arg;
	c->frames_of = NULL; /* walk each section's frames into the dictionary */
	for (size_t i = 0; i < c->lexicon_count; i++)
		for (size_t j = 0; j < lexicon_count(c->lexicons[i]); j++)
			add_entry(c, c->morphology, lexicon_entry(c->lexicons[i], j), PASS_BUILD, NULL,
				  NULL);
	match_dict_freeze(c->common);
	load_school(c, c->morphology);
	for (size_t i = 0; i < c->parsed_count; i++) {
		struct roster *r = c->parsed[i];
		for (size_t j = 0; r && j < roster_count(r); j++)
			add_person(c, c->morphology, r, roster_person(r, j));
		roster_destroy(r);
	}
	free(c->parsed);
	c->parsed = NULL;
	finish_pairs(c);
	add_fillers(c);
	/* after the names, which a misspelling may not be, and off the way
	 * to the hello: the dictionary's word list takes a while to read */
	typos_build(c->typos, c->morphology, c->dict);
	read_model(c);
	match_dict_freeze(c->dict);
	c->number_id = word_id(c->dict, NUMBER_WORD);
	c->many_id = word_id(c->dict, MANY_WORD);
	patterns_jit(c->patterns);
	match_dict_destroy(c->common);
	c->common = NULL;
	free(c->name_flags);
	c->name_flags = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(c->name_tokens); i++)
		tokens_finish(&c->name_tokens[i]);
	free(c->last_reg);
	c->last_reg = NULL;
	tokens_finish(&c->term_tokens);
	tokens_finish(&c->frame_tokens);
	free(c->frame_ends);
	c->frame_ends = NULL;
	morphology_destroy(c->morphology);
	c->morphology = NULL;
	c->stats.phrases = match_dict_phrase_count(c->dict);
	return NULL;
}

void classifier_wait_for_names(struct classifier *c)
{
	if (c->building) {
		pthread_join(c->builder, NULL);
		c->building = false;
		/* after the hello, which could not tell of it: a browser keeps
		 * what its host writes to standard error */
		for (size_t i = 0; i < c->model_problems.count; i++)
			fprintf(stderr, "prepost-host: %s\n", c->model_problems.items[i]);
	}
}

/* Everything but building the dictionary: files read, lexicon entries
 * checked and counted (PASS_VET), problems known. */
static struct classifier *load(const struct config *config, const char *lexicon_dir,
			       struct problems *problems)
{
	struct classifier *c = xcalloc(1, sizeof(*c));
	problems_init(&c->model_problems);
	/* sized for the shipped lexicons (about 45,600 phrase steps over 4,900
	 * words in session 22, 51,400 over 5,300 in session 24, 58,200 over
	 * 5,500 in session 26) with room to grow, so that adding them never
	 * stops to grow the tables: 131,072 edge slots (full at 114,688),
	 * 16,384 token slots (full at 12,288). Growing the edge table past
	 * 57,344 steps while loading cost 2.3 ms (a rehash of every step);
	 * the larger table from the start costs 0.3 ms */
	c->dict = match_dict_create_sized(60000, 6000);
	c->typos = typos_create();
	tokens_init(&c->tokens);
	buf_init(&c->obf);
	init_labels(c, config);
	if (config->path)
		c->config_path = xstrdup(config->path);
	c->lexicon_dir = xstrdup(lexicon_dir ? lexicon_dir : classifier_default_lexicon_dir());
	c->patterns = patterns_create(config, problems);

	struct morphology *m = morphology_create(problems);
	c->morphology = m;
	if (morphology_dictionary(m))
		c->dictionary = xstrdup(morphology_dictionary(m));
	/* Very common names are needed only while rosters load. */
	c->common = match_dict_create();
	load_lexicon_dir(c, m, c->lexicon_dir, true, problems);
	for (size_t i = 0; i < config->lexicon_dirs.n; i++)
		load_lexicon_dir(c, m, config->lexicon_dirs.v[i], false, problems);
	if (morphology_hunspell_error(m))
		problems_add(problems, "hunspell is needed for words the cache does not know, but %s: "
				       "those words match in their plural only (install the hunspell "
				       "library; Debian: libhunspell-1.7-0).",
			     morphology_hunspell_error(m));
	find_model(c, config);
	c->school_names = strv_copy(&config->school_names);
	c->trust_names = strv_copy(&config->trust_names);
	c->email_domains = strv_copy(&config->email_domains);
	load_rosters(c, config, problems);

	c->stats.config_path = c->config_path;
	c->stats.config_source = config->source;
	c->stats.lexicon_dir = c->lexicon_dir;
	c->stats.dictionary = c->dictionary;
	c->stats.word_model = c->model_path;
	return c;
}

struct classifier *classifier_create(const struct config *config, const char *lexicon_dir,
				     struct problems *problems)
{
	struct classifier *c = load(config, lexicon_dir, problems);
	build_names(c);
	for (size_t i = 0; i < c->model_problems.count; i++)
		problems_add(problems, "%s", c->model_problems.items[i]);
	return c;
}

struct classifier *classifier_start(const struct config *config, const char *lexicon_dir,
				    struct problems *problems)
{
	struct classifier *c = load(config, lexicon_dir, problems);
	c->building = pthread_create(&c->builder, NULL, build_names, c) == 0;
	if (!c->building)
		build_names(c); /* no thread to be had: do it now */
	return c;
}

void classifier_destroy(struct classifier *c)
{
	if (!c)
		return;
	classifier_wait_for_names(c);
	match_dict_destroy(c->dict);
	typos_destroy(c->typos);
	word_model_destroy(c->model);
	free(c->model_path);
	problems_finish(&c->model_problems);
	patterns_destroy(c->patterns);
	for (size_t i = 0; i < c->lexicon_count; i++)
		lexicon_destroy(c->lexicons[i]);
	free(c->lexicons);
	for (size_t i = 0; i < c->masked_count; i++)
		free(c->masked[i].form);
	free(c->masked);
	for (size_t i = 0; i < c->stem_count; i++)
		free(c->stems[i].form);
	free(c->stems);
	free(c->stem_heads);
	free(c->stem_tails);
	for (size_t i = 0; i < c->owned_count; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->labels);
	free(c->custom_labels);
	free(c->rosters);
	free(c->by_fore);
	free(c->by_sur);
	free(c->fore_bits);
	free(c->sur_bits);
	free(c->config_path);
	free(c->lexicon_dir);
	free(c->dictionary);
	tokens_finish(&c->tokens);
	free(c->ids);
	free(c->cands.items);
	free(c->stem_cands.items);
	free(c->side.obf.items);
	tokens_finish(&c->side.tokens);
	free(c->side.ids);
	free(c->side.stems.items);
	free(c->side.pat.items);
	buf_finish(&c->side.scratch);
	buf_finish(&c->obf);
	free(c);
}

bool classifier_reads_whole(struct classifier *c)
{
	classifier_wait_for_names(c);
	return c->model != NULL;
}

const struct label *classifier_label(const struct classifier *c, unsigned label)
{
	return &c->labels[label < c->label_count ? label : 0];
}

const struct classifier_stats *classifier_stats(const struct classifier *c)
{
	return &c->stats;
}
