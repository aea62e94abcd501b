/* Loading: config → school names and domains; rosters → forenames,
 * surnames and full names; lexicon folders → terms. All become phrases in
 * one match_dict with a payload (category, kind, base severity, label).
 *
 * Checking is a greedy longest-match scan: from each token, follow the trie
 * as far as the text allows; the longest phrase found wins its span and the
 * scan resumes after it, so "Jack Turner" is one full-name warning rather
 * than a forename and a surname. */
#include "classify.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "match.h"
#include "roster.h"
#include "text.h"
#include "util.h"

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

struct classifier {
	struct match_dict *dict;
	struct label *labels;
	size_t label_count;
	size_t label_cap;
	struct lexicon **lexicons;
	size_t lexicon_count;
	char **owned; /* strings labels point to (config rewordings) */
	size_t owned_count;
	struct roster_info *rosters;
	struct classifier_stats stats;
	char *config_path;
	char *lexicon_dir;

	/* per-check scratch */
	struct tokens tokens;
	uint32_t *ids;
	size_t ids_cap;
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

static void init_labels(struct classifier *c, const struct config *config)
{
	grow_array((void **)&c->labels, &c->label_cap, CAT_COUNT, sizeof(*c->labels));
	for (unsigned i = 0; i < CAT_COUNT; i++) {
		struct label l = default_labels[i];
		if (config->text[i][TEXT_MESSAGE])
			l.message = own(c, config->text[i][TEXT_MESSAGE]);
		if (config->text[i][TEXT_ADVICE])
			l.advice = own(c, config->text[i][TEXT_ADVICE]);
		if (config->text[i][TEXT_POLICY])
			l.policy = own(c, config->text[i][TEXT_POLICY]);
		c->labels[i] = l;
	}
	c->label_count = CAT_COUNT;
}

/* The label for a lexicon entry: its category's, unless the entry words its
 * own message or advice. A school's policy rewording always wins. */
static uint16_t entry_label(struct classifier *c, const struct lexicon_entry *e)
{
	if (e->category >= CAT_COUNT)
		return 0;
	const struct label *base = &c->labels[e->category];
	struct label l = {
		e->message ? e->message : base->message,
		e->advice ? e->advice : base->advice,
		e->policy && base->policy == default_labels[e->category].policy ? e->policy
										 : base->policy,
	};
	if (l.message == base->message && l.advice == base->advice && l.policy == base->policy)
		return e->category;
	const struct label *last = &c->labels[c->label_count - 1];
	if (c->label_count > CAT_COUNT && last->message == l.message &&
	    last->advice == l.advice && last->policy == l.policy)
		return (uint16_t)(c->label_count - 1);
	if (c->label_count >= MAX_LABELS)
		return e->category;
	grow_array((void **)&c->labels, &c->label_cap, c->label_count + 1, sizeof(*c->labels));
	c->labels[c->label_count] = l;
	return (uint16_t)c->label_count++;
}

static void add_phrase(struct classifier *c, const char *s, enum category cat,
		       enum term_kind kind, enum severity sev, uint16_t label, unsigned flags)
{
	struct payload p = {
		.category = (uint8_t)cat,
		.kind = (uint8_t)kind,
		.severity = (uint8_t)sev,
		.label = label,
	};
	match_dict_add(c->dict, s, strlen(s), &p, flags);
}

static void load_school(struct classifier *c, const struct config *config)
{
	const struct strv *lists[] = {&config->school_names, &config->trust_names,
				      &config->email_domains};
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		for (size_t j = 0; j < lists[i]->n; j++)
			add_phrase(c, lists[i]->v[j], CAT_WORK_DETAIL, KIND_SCHOOL, SEV_MEDIUM,
				   CAT_WORK_DETAIL, MATCH_ADD_JOINED);
}

/* A single name worth matching alone: two letters or more. */
static bool name_alone_ok(const char *s)
{
	char *f = text_fold(s, strlen(s));
	bool ok = strlen(f) >= 2;
	free(f);
	return ok;
}

/* Splits a "Surname, Forename" or "Forename Surname" cell. */
static void split_full_name(const char *full, char **fore, char **sur)
{
	const char *comma = strchr(full, ',');
	if (comma) {
		*sur = xstrndup(full, (size_t)(comma - full));
		*fore = xstrdup(comma + 1);
		return;
	}
	const char *sp = strrchr(full, ' ');
	if (!sp) {
		*fore = xstrdup(full);
		*sur = xstrdup("");
		return;
	}
	*fore = xstrndup(full, (size_t)(sp - full));
	*sur = xstrdup(sp + 1);
}

static void add_person(struct classifier *c, const struct roster *r, const struct roster_person *p)
{
	enum category cat = p->role == ROLE_PUPIL ? CAT_PUPIL_NAME : CAT_PERSON_NAME;
	const char *fore[8];
	size_t nfore = 0;
	const char *sur[2];
	size_t nsur = 0;
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

	const char *middle = roster_field(r, p, RF_MIDDLE);
	for (size_t i = 0; i < nfore; i++) {
		if (name_alone_ok(fore[i]))
			add_phrase(c, fore[i], cat, KIND_FORENAME, SEV_MEDIUM, cat,
				   MATCH_ADD_JOINED);
		for (size_t j = 0; j < nsur; j++) {
			char *full = xasprintf("%s %s", fore[i], sur[j]);
			add_phrase(c, full, cat, KIND_FULL_NAME, SEV_HIGH, cat, MATCH_ADD_JOINED);
			free(full);
			/* registers and lists: "Turner, Jack", "TURNER Jack" */
			full = xasprintf("%s %s", sur[j], fore[i]);
			add_phrase(c, full, cat, KIND_FULL_NAME, SEV_HIGH, cat, 0);
			free(full);
			if (middle[0]) {
				full = xasprintf("%s %s %s", fore[i], middle, sur[j]);
				add_phrase(c, full, cat, KIND_FULL_NAME, SEV_HIGH, cat, 0);
				free(full);
			}
		}
	}
	for (size_t j = 0; j < nsur; j++)
		if (name_alone_ok(sur[j]))
			add_phrase(c, sur[j], cat, KIND_SURNAME, SEV_MEDIUM, cat, MATCH_ADD_JOINED);

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

static void load_rosters(struct classifier *c, const struct config *config,
			 struct problems *problems)
{
	c->rosters = xcalloc(config->roster_count ? config->roster_count : 1, sizeof(*c->rosters));
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
		for (size_t j = 0; j < roster_count(r); j++)
			add_person(c, r, roster_person(r, j));
		c->stats.roster_names += roster_count(r);
		roster_destroy(r);
	}
	c->stats.rosters = c->rosters;
	c->stats.roster_count = config->roster_count;
}

static void load_lexicon_dir(struct classifier *c, const char *dir, bool required,
			     struct problems *problems)
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
		for (size_t j = 0; j < lexicon_count(l); j++) {
			const struct lexicon_entry *e = lexicon_entry(l, j);
			struct payload p = {
				.category = e->category,
				.kind = KIND_TERM,
				.severity = e->severity,
				.label = entry_label(c, e),
			};
			if (match_dict_add(c->dict, e->term, strlen(e->term), &p, 0) == 0)
				problems_add(problems, "%s:%u: the phrase has more than %d words; "
						       "skipped.", files[i], e->line,
					     MATCH_MAX_PHRASE_TOKENS);
			else
				c->stats.lexicon_terms++;
		}
		c->stats.lexicon_files++;
	}
	lexicon_free_list(files, n);
}

struct classifier *classifier_create(const struct config *config, const char *lexicon_dir,
				     struct problems *problems)
{
	struct classifier *c = xcalloc(1, sizeof(*c));
	c->dict = match_dict_create();
	tokens_init(&c->tokens);
	init_labels(c, config);
	if (config->path)
		c->config_path = xstrdup(config->path);
	c->lexicon_dir = xstrdup(lexicon_dir ? lexicon_dir : classifier_default_lexicon_dir());

	load_school(c, config);
	load_rosters(c, config, problems);
	load_lexicon_dir(c, c->lexicon_dir, true, problems);
	for (size_t i = 0; i < config->lexicon_dirs.n; i++)
		load_lexicon_dir(c, config->lexicon_dirs.v[i], false, problems);
	match_dict_freeze(c->dict);

	c->stats.config_path = c->config_path;
	c->stats.config_source = config->source;
	c->stats.lexicon_dir = c->lexicon_dir;
	c->stats.phrases = match_dict_phrase_count(c->dict);
	return c;
}

void classifier_destroy(struct classifier *c)
{
	if (!c)
		return;
	match_dict_destroy(c->dict);
	for (size_t i = 0; i < c->lexicon_count; i++)
		lexicon_destroy(c->lexicons[i]);
	free(c->lexicons);
	for (size_t i = 0; i < c->owned_count; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->labels);
	free(c->rosters);
	free(c->config_path);
	free(c->lexicon_dir);
	tokens_finish(&c->tokens);
	free(c->ids);
	free(c);
}

const struct label *classifier_label(const struct classifier *c, unsigned label)
{
	return &c->labels[label < c->label_count ? label : 0];
}

const struct classifier_stats *classifier_stats(const struct classifier *c)
{
	return &c->stats;
}

/* How serious one payload is where it matched tokens [first, last]. */
static enum severity judge(const struct payload *p, const struct token *first,
			   const struct token *last)
{
	(void)last;
	switch (p->kind) {
	case KIND_FORENAME:
	case KIND_SURNAME:
		/* A name written in lower case ("will", "hope") is most often an
		 * ordinary word: a hint only. */
		if (!(first->flags & (TOKEN_UPPER_FIRST | TOKEN_ALL_UPPER)))
			return SEV_LOW;
		return (enum severity)p->severity;
	default:
		return (enum severity)p->severity;
	}
}

/* Category order when two payloads of one span are equally severe. */
static int category_rank(unsigned cat)
{
	static const int rank[CAT_COUNT] = {
		[CAT_PUPIL_NAME] = 0, [CAT_DEROGATORY] = 1, [CAT_CONFIDENTIAL] = 2,
		[CAT_PERSONAL_DATA] = 3, [CAT_PERSON_NAME] = 4, [CAT_WORK_DETAIL] = 5,
	};
	return cat < CAT_COUNT ? rank[cat] : CAT_COUNT;
}

void classifier_check(struct classifier *c, const char *text, size_t len, struct warnings *out)
{
	struct tokens *t = &c->tokens;
	out->count = 0;
	text_tokenize(t, text, len);
	grow_array((void **)&c->ids, &c->ids_cap, t->count, sizeof(*c->ids));
	for (size_t i = 0; i < t->count; i++) {
		const struct token *tok = &t->items[i];
		c->ids[i] = match_dict_token(c->dict, token_text(t, tok), tok->norm_len, tok->hash);
	}

	size_t i = 0;
	while (i < t->count) {
		uint32_t node = MATCH_ROOT;
		size_t best_end = 0;
		uint32_t best_node = MATCH_NO_NODE;
		for (size_t j = i; j < t->count && c->ids[j] != MATCH_NO_TOKEN; j++) {
			if (j > i && (t->items[j].gap & GAP_BREAK))
				break;
			node = match_dict_step(c->dict, node, c->ids[j]);
			if (node == MATCH_NO_NODE)
				break;
			size_t n;
			if (match_dict_payloads(c->dict, node, &n)) {
				best_node = node;
				best_end = j;
			}
		}
		if (best_node == MATCH_NO_NODE) {
			i++;
			continue;
		}

		size_t n;
		const struct payload *ps = match_dict_payloads(c->dict, best_node, &n);
		const struct payload *best = NULL;
		enum severity best_sev = SEV_NONE;
		bool allowed = false;
		for (size_t k = 0; k < n; k++) {
			if (ps[k].category == CAT_ALLOW) {
				allowed = true;
				break;
			}
			enum severity s = judge(&ps[k], &t->items[i], &t->items[best_end]);
			if (s > best_sev || (s == best_sev && best &&
					     category_rank(ps[k].category) <
						     category_rank(best->category))) {
				best = &ps[k];
				best_sev = s;
			}
		}
		if (!allowed && best && best_sev > SEV_NONE) {
			struct warning w = {
				.start = t->items[i].start,
				.end = t->items[best_end].end,
				.category = best->category,
				.severity = (uint8_t)best_sev,
				.label = best->label,
			};
			warnings_push(out, &w);
		}
		i = best_end + 1;
	}
}
