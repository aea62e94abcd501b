/* Checking a text. Three scanners propose candidates: phrases from the
 * dictionary (a greedy longest match over tokens), obfuscated words, and
 * patterns. Whether the text is about school is known only after the
 * whole text has been seen, so candidates are judged in a second pass, and
 * overlapping ones resolved by severity, then length. Everything here
 * works in reusable scratch: a check allocates only when a text is larger
 * than any before it. */
#include "classify-private.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "obfuscation.h"
#include "typos.h"

static void push_payload(struct cand_list *l, uint32_t start, uint32_t end,
			 const struct payload *p);

static void push(struct cand_list *l, const struct candidate *k)
{
	grow_array((void **)&l->items, &l->cap, l->count + 1, sizeof(*l->items));
	l->items[l->count++] = *k;
}

/* Pushes a candidate read from tokens [first, last] rather than from a
 * list: a secret not shared yet, a school by name. */
static void push_tokens(struct classifier *c, size_t first, size_t last, enum category cat,
			enum severity sev, uint16_t label)
{
	const struct tokens *t = &c->tokens;
	struct candidate k = {
	    .start = t->items[first].start,
	    .end = t->items[last].end,
	    .first = (uint32_t)first,
	    .last = (uint32_t)last,
	    .node = MATCH_NO_NODE,
	    .category = (uint8_t)cat,
	    .severity = (uint8_t)sev,
	    .label = label,
	};
	push(&c->cands, &k);
}

/* What the obfuscation and pattern callbacks need: the classifier, only
 * read, and where their candidates go. */
struct sink {
	const struct classifier *c;
	struct cand_list *out;
	const char *text; /* the text being checked */
	size_t len;
};

/* Whether a phrase shows the post is about school: a context word, a work
 * detail, a confidential term or a pupil's full name. A term that itself
 * needs school context to warn ("sacked", a reg group called 3D), or a
 * particular child ("hospital"), or a protected group, or something said
 * beside it ("the union rep"), does not. */
static bool is_context(const struct payload *p)
{
	return (p->category == CAT_CONTEXT || p->category == CAT_WORK_DETAIL ||
		p->category == CAT_CONFIDENTIAL ||
		(p->category == CAT_PUPIL_NAME && p->kind == KIND_FULL_NAME)) &&
	       !(p->flags & TERM_GATED);
}

/* Whether a phrase points at a particular child: a child phrase ("one of
 * my boys", "the girl who") or a pupil's name that is not an ordinary word
 * or a very common name. */
static bool looks_back_in(const struct tokens *t, size_t i);

static bool is_child(const struct payload *p)
{
	if (p->category == CAT_CHILD)
		return true;
	return p->category == CAT_PUPIL_NAME &&
	       (p->kind == KIND_FULL_NAME ||
		((p->kind == KIND_FORENAME || p->kind == KIND_SURNAME) &&
		 !(p->flags & (TERM_ORDINARY | TERM_COMMON))));
}

/* Whether every payload of a phrase only says what the post is about. */
static bool signal_only(const struct payload *ps, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (ps[k].category != CAT_CONTEXT && ps[k].category != CAT_CHILD &&
		    ps[k].category != CAT_GROUP)
			return false;
	return true;
}

/* Whether every payload of a phrase warns only in a post about school, a
 * particular child or a group. */
static bool gated(const struct payload *ps, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!(ps[k].flags & TERM_GATED))
			return false;
	return n > 0;
}

/* Whether a phrase warns only in some posts, whatever else it says of
 * them ("our head" is school context, and a work detail only beside
 * something derogatory or confidential). */
static bool gated_warning(const struct payload *ps, size_t n)
{
	bool any = false;
	for (size_t k = 0; k < n; k++) {
		if (ps[k].category == CAT_CONTEXT || ps[k].category == CAT_CHILD ||
		    ps[k].category == CAT_GROUP)
			continue;
		if (!(ps[k].flags & TERM_GATED))
			return false;
		any = true;
	}
	return any;
}

/* Whether tokens [first, last] are all in capitals, as an acronym that is
 * also a word must be to be the acronym ("SEND", not "send"). */
static bool in_capitals(const struct tokens *t, size_t first, size_t last)
{
	for (size_t i = first; i <= last; i++)
		if ((t->items[i].flags & TOKEN_HAS_LETTER) && !(t->items[i].flags & TOKEN_ALL_UPPER))
			return false;
	return true;
}

/* Whether token i starts a sentence (or the text). */
static bool starts_sentence(const struct tokens *t, size_t i)
{
	return i == 0 || (t->items[i].gap & (GAP_BREAK | GAP_STOP));
}

/* The first token of the sentence token k is in, or, where that is more
 * than reach tokens back, the token reach back (which starts_sentence
 * tells apart). */
static size_t sentence_start(const struct tokens *t, size_t k, size_t reach)
{
	size_t s = k;
	while (!starts_sentence(t, s) && k - s < reach)
		s--;
	return s;
}

/* Whether token i is there, one of words, and in the same clause as the
 * token before it: "SEN [transport]", "Year 10 [boys]". */
static bool joined_is(const struct tokens *t, size_t i, const char *const *words, size_t n)
{
	return i < t->count && !(t->items[i].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)) &&
	       token_is(t, i, words, n);
}

/* Whether token i is the one letter c after an apostrophe: the "s" of
 * "son's", the "t" of "don't". */
static bool clitic(const struct tokens *t, size_t i, char c)
{
	return i < t->count && (t->items[i].gap & GAP_APOSTROPHE) && t->items[i].norm_len == 1 &&
	       t->norm[t->items[i].norm] == c;
}
static const char *const my[] = {"my", "our"};
static const char *const our_word[] = {"our"};
static const char *const school_word[] = {"school", "nursery", "preschool"};

/* Whether "our school" starts at token i: as much a parent's words as a
 * teacher's, so they say nothing of who the writer is. */
static bool our_school_at(const struct tokens *t, size_t i)
{
	return i + 1 < t->count && token_is(t, i, our_word, ARRAY_SIZE(our_word)) &&
	       t->items[i + 1].gap == GAP_SPACE &&
	       token_is(t, i + 1, school_word, ARRAY_SIZE(school_word));
}
static const char *const titles[] = {"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "prof"};
/* verbs that follow a name, never "a" ("Ruby A asked me") */
static const char *const after_initial[] = {"asked", "said", "told", "was", "is", "has", "had",
					    "got", "came", "wrote", "drew", "cried", "won", "says"};
static const char *const of_word[] = {"of"};
static const char *const mum_dad[] = {"mum", "dad"};
static const char *const own_young[] = {"kids", "children", "teenagers", "teens",
					"boys", "girls", "lads", "youngsters"};
/* a work detail that starts with one of these is the writer's own work:
 * "teaching in the same school as", "covering my own daughter's class" */
static const char *const teaching_verb[] = {"teaching", "teach", "taught", "covering", "being"};
static const char *const assistant[] = {"assistant", "assistants"};

static bool at_own_grown_ups_work(const struct tokens *t, size_t last);

/* Notes what the phrase at node, tokens [first, last], says the post is
 * about. */
static void note_about(struct classifier *c, uint32_t node, size_t first, size_t last)
{
	size_t n;
	const struct payload *ps = match_dict_payloads(c->dict, node, &n);
	/* an acronym is one word, the last of its phrase ("my HOD") */
	bool capitals = in_capitals(&c->tokens, last, last);
	/* "my mum rang", "my mum's new boyfriend": the writer's own parent,
	 * not a child's */
	bool own_parent = first > 0 && token_is(&c->tokens, first, mum_dad, ARRAY_SIZE(mum_dad)) &&
			  token_is(&c->tokens, first - 1, my, ARRAY_SIZE(my)) &&
			  !(c->tokens.items[first].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER));
	for (size_t k = 0; k < n; k++) {
		/* "please send photos" is not about SEND */
		if ((ps[k].flags & TERM_ACRONYM) && !capitals)
			continue;
		if (own_parent && ps[k].category == CAT_CHILD)
			continue;
		/* a context phrase, but not a confidential matter of a
		 * relation's workplace ("Restructure [at my husband's work]");
		 * or a colleague named from the staff list, in full or by title
		 * ("Mr Pryce"): the post is about someone at school */
		if ((is_context(&ps[k]) &&
		     !(ps[k].category == CAT_CONFIDENTIAL &&
		       at_own_grown_ups_work(&c->tokens, last))) ||
		    (ps[k].category == CAT_PERSON_NAME &&
		     (ps[k].kind == KIND_FULL_NAME ||
		      (ps[k].kind == KIND_SURNAME && first > 0 &&
		       c->tokens.items[first].gap == GAP_SPACE &&
		       token_is(&c->tokens, first - 1, titles, ARRAY_SIZE(titles))))))
			c->cands.context = true;
		if (is_child(&ps[k]))
			c->cands.child = true;
		/* "my teenagers", "our kids": the writer's own, not a group
		 * (but "our Muslim TA" is a remark on a trait) */
		if (ps[k].category == CAT_GROUP &&
		    !(first > 0 && first == last &&
		      token_is(&c->tokens, first, own_young, ARRAY_SIZE(own_young)) &&
		      token_is(&c->tokens, first - 1, my, ARRAY_SIZE(my)) &&
		      !(c->tokens.items[first].gap & (GAP_BREAK | GAP_STOP))))
			c->cands.group = true;
		if (ps[k].flags & TERM_CONCERN)
			c->cands.concern_term = true;
		if (ps[k].flags & TERM_SECRET)
			c->cands.secret = true;
		/* "one of my boys", "my class", "our SENCo", "teaching in the
		 * same school as my kids": the writer's pupils or work */
		if ((ps[k].category == CAT_CHILD ||
		     (ps[k].category == CAT_WORK_DETAIL &&
		      ((token_is(&c->tokens, first, my, ARRAY_SIZE(my)) &&
			!our_school_at(&c->tokens, first)) ||
		       (token_is(&c->tokens, first, teaching_verb, ARRAY_SIZE(teaching_verb)) &&
			!token_is(&c->tokens, first + 1, assistant, ARRAY_SIZE(assistant)))))) &&
		    !looks_back_in(&c->tokens, first))
			c->cands.teacher = true;
	}
}

/* What starts at token k and runs past token end: nothing, a phrase that
 * can warn ("complaint about me" in "made a complaint about me", where
 * "made a complaint" would otherwise take the tokens first), or an
 * allowlisted phrase ("suck it up" in "you just suck it up"). */
enum past {
	PAST_NOTHING,
	PAST_PHRASE,
	PAST_ALLOWED,
};

/* Whether token j is a word that only adds weight ("basically", "really",
 * "so") and which a phrase may step over when it does not go on with it:
 * "they are basically feral" is "are feral" said of a group. */
static bool filler_at(const struct classifier *c, size_t j)
{
	if (!(c->filler_bits >> (c->ids[j] & 63) & 1))
		return false; /* most words, at once */
	for (size_t k = 0; k < c->filler_count; k++)
		if (c->ids[j] == c->filler_ids[k])
			return true;
	return false;
}

static inline bool digits_only(const struct token *tok)
{
	return (tok->flags & (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER)) == TOKEN_HAS_DIGIT;
}

/* Whether token k is a number in digits of MANY_LEAST or more: "<many>"
 * ("1,200" is two tokens, and 200 is many). */
static inline bool many_at(const struct tokens *t, size_t k)
{
	const struct token *tok = &t->items[k];
	if (!digits_only(tok))
		return false;
	const char *s = token_text(t, tok);
	size_t v = 0;
	if (s[0] == '0')
		return false;
	for (size_t i = 0; i < tok->norm_len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (size_t)(s[i] - '0');
		if (v >= MANY_LEAST)
			return true;
	}
	return false;
}

/* The first token from token from on that is "<many>", or t->count. */
static size_t many_from(const struct tokens *t, size_t from)
{
	while (from < t->count && !many_at(t, from))
		from++;
	return from;
}

/* The node token k leads to from node, or MATCH_NO_NODE. look_up gave a
 * number no phrase spells out the token of "<number>"; one that some phrase
 * spells out ("year 9"), or that scan_phrases reads as "<many>", is still
 * "<number>" to the others ("back in year <number>"). */
static uint32_t token_step(const struct classifier *c, uint32_t node, size_t k)
{
	uint32_t next = match_dict_step(c->dict, node, c->ids[k]);
	if (next == MATCH_NO_NODE && c->ids[k] != c->number_id &&
	    c->number_id != MATCH_NO_TOKEN && digits_only(&c->tokens.items[k]))
		next = match_dict_step(c->dict, node, c->number_id);
	return next;
}

/* Whether the filler at token k, which some phrase goes on with from node
 * (to next), is better stepped over: the phrase it starts ends there with
 * nothing found ("should just step aside" is a phrase, so "should just" goes
 * on, but not to "retire"), and the phrase without it goes on with the word
 * after ("should retire"). */
static bool filler_dead_end(const struct classifier *c, uint32_t node, uint32_t next, size_t k)
{
	const struct tokens *t = &c->tokens;
	size_t n;
	if (!filler_at(c, k) || k + 1 >= t->count || c->ids[k + 1] == MATCH_NO_TOKEN ||
	    (t->items[k + 1].gap & GAP_BREAK))
		return false;
	return token_step(c, next, k + 1) == MATCH_NO_NODE &&
	       !match_dict_payloads(c->dict, next, &n) &&
	       token_step(c, node, k + 1) != MATCH_NO_NODE;
}

/* One step of a phrase that starts at token from: moves *node on by token
 * *j, or returns false where the phrase must end (an unknown word, a line
 * break or ! or ?, or no phrase goes on). Inside a phrase, up to two filler
 * words are stepped over (*j moves past them) where no phrase goes on with
 * them, or where the one that does ends at once (filler_dead_end). */
static bool phrase_step(const struct classifier *c, size_t from, size_t *j, uint32_t *node)
{
	const struct tokens *t = &c->tokens;
	for (size_t k = *j, skipped = 0;; k++) {
		if (k >= t->count || c->ids[k] == MATCH_NO_TOKEN ||
		    (k > from && (t->items[k].gap & GAP_BREAK)))
			return false;
		uint32_t next = token_step(c, *node, k);
		if (next != MATCH_NO_NODE &&
		    (k == from || skipped == 2 || !filler_dead_end(c, *node, next, k))) {
			*node = next;
			*j = k;
			return true;
		}
		if (k == from || skipped++ == 2 || !filler_at(c, k))
			return false;
	}
}

/* Whether a phrase's payloads allowlist it. */
static bool has_allow(const struct payload *ps, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (ps[k].category == CAT_ALLOW)
			return true;
	return false;
}

static enum past phrase_past(const struct classifier *c, size_t k, size_t end)
{
	uint32_t node = MATCH_ROOT;
	enum past found = PAST_NOTHING;
	for (size_t j = k; phrase_step(c, k, &j, &node); j++) {
		size_t n;
		const struct payload *ps;
		if (j <= end || !(ps = match_dict_payloads(c->dict, node, &n)))
			continue;
		if (has_allow(ps, n))
			return PAST_ALLOWED;
		if (!signal_only(ps, n))
			found = PAST_PHRASE;
	}
	return found;
}

/* The longest phrase from token i (best), the longest that can warn (warn)
 * and up to four shorter ones that end inside best. */
struct longest {
	uint32_t best, warn, shorter[4];
	size_t best_end, warn_end, shorter_end[4], nshorter;
	size_t reach; /* the token after the last one a phrase went on with */
};

static void longest_from(const struct classifier *c, size_t i, struct longest *l)
{
	uint32_t node = MATCH_ROOT;
	/* the rest is set before it is read: this runs for every token */
	l->best = l->warn = MATCH_NO_NODE;
	l->best_end = l->warn_end = l->nshorter = 0;
	l->reach = i;
	for (size_t j = i; phrase_step(c, i, &j, &node); j++) {
		size_t n;
		l->reach = j + 1;
		const struct payload *ps = match_dict_payloads(c->dict, node, &n);
		if (!ps)
			continue;
		if (l->best != MATCH_NO_NODE && l->nshorter < ARRAY_SIZE(l->shorter)) {
			l->shorter_end[l->nshorter] = l->best_end;
			l->shorter[l->nshorter++] = l->best;
		}
		l->best = node;
		l->best_end = j;
		if (!signal_only(ps, n)) {
			l->warn = node;
			l->warn_end = j;
		}
	}
}

/* Whether a and b differ by one letter: one added, dropped or changed, or
 * two side by side swapped. */
static bool one_letter_apart(const char *a, size_t n, const char *b, size_t m)
{
	if (n > m) {
		const char *s = a;
		a = b;
		b = s;
		size_t k = n;
		n = m;
		m = k;
	}
	if (m - n > 1)
		return false;
	size_t i = 0;
	while (i < n && a[i] == b[i])
		i++;
	if (m == n + 1)
		return memcmp(a + i, b + i + 1, n - i) == 0;
	if (i == n)
		return false; /* the same */
	if (memcmp(a + i + 1, b + i + 1, n - i - 1) == 0)
		return true;
	return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       memcmp(a + i + 2, b + i + 2, n - i - 2) == 0;
}

static bool pair_bit(const uint64_t *bits, size_t words, uint32_t id)
{
	return id / 64 < words && (bits[id / 64] >> (id % 64) & 1);
}

/* The first pair in pairs (sorted by surname when by_sur, else by
 * forename) whose surname or forename is id, or n. */
static size_t first_pair(const struct name_pair *pairs, size_t n, bool by_sur, uint32_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((by_sur ? pairs[mid].sur : pairs[mid].fore) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether the surname token id is neither an ordinary word nor a very
 * common name: "Bill Baker" is not a misspelt Will Baker. */
static bool distinctive_surname(const struct classifier *c, uint32_t id)
{
	size_t n;
	uint32_t node = match_dict_step(c->dict, MATCH_ROOT, id);
	const struct payload *ps =
		node == MATCH_NO_NODE ? NULL : match_dict_payloads(c->dict, node, &n);
	for (size_t k = 0; ps && k < n; k++)
		if (ps[k].kind == KIND_SURNAME && !(ps[k].flags & (TERM_ORDINARY | TERM_COMMON)))
			return true;
	return false;
}

/* Pushes the full name of pair q over tokens [i, i + 1]. */
static void push_full_name(struct classifier *c, const struct name_pair *q, size_t i)
{
	uint32_t node = match_dict_step(c->dict, match_dict_step(c->dict, MATCH_ROOT, q->fore),
					q->sur);
	size_t n;
	const struct payload *ps =
		node == MATCH_NO_NODE ? NULL : match_dict_payloads(c->dict, node, &n);
	for (size_t k = 0; ps && k < n; k++)
		if (ps[k].kind == KIND_FULL_NAME) {
			const struct tokens *t = &c->tokens;
			push_payload(&c->cands, t->items[i].start, t->items[i + 1].end, &ps[k]);
			note_about(c, node, i, i + 1);
			return;
		}
}

/* A roster forename with a word one letter from one of its surnames, or
 * a distinctive surname with a word one letter from one of its forenames:
 * "Ruby Ashwoth", "Grace Lindquist", "Khloe Wisniewski". Only a word no
 * list has, written in the same case as the name beside it, at least four
 * letters long, for a name of five letters or more: "Bill Baker" is not
 * Will Baker, nor "Jake Turner" Jack Turner. */
static void find_misspelt_names(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	if (!c->pair_count)
		return;
	for (size_t i = 0; i + 1 < t->count; i++) {
		const struct token *a = &t->items[i], *b = &t->items[i + 1];
		bool fore_known = c->ids[i] != MATCH_NO_TOKEN && c->ids[i + 1] == MATCH_NO_TOKEN;
		bool sur_known = c->ids[i] == MATCH_NO_TOKEN && c->ids[i + 1] != MATCH_NO_TOKEN;
		if ((!fore_known && !sur_known) || b->gap != GAP_SPACE ||
		    ((a->flags ^ b->flags) & TOKEN_UPPER_FIRST) ||
		    ((a->flags | b->flags) & TOKEN_HAS_DIGIT))
			continue;
		uint32_t known = fore_known ? c->ids[i] : c->ids[i + 1];
		if (!pair_bit(fore_known ? c->fore_bits : c->sur_bits, c->pair_bits_words, known) ||
		    (sur_known && !distinctive_surname(c, known)))
			continue;
		const struct token *typed = fore_known ? b : a;
		if (typed->norm_len < 4)
			continue;
		const char *w = token_text(t, typed);
		const struct name_pair *pairs = fore_known ? c->by_fore : c->by_sur;
		for (size_t k = first_pair(pairs, c->pair_count, sur_known, known);
		     k < c->pair_count && (fore_known ? pairs[k].fore : pairs[k].sur) == known; k++) {
			size_t len;
			const char *name = match_dict_token_text(
				c->dict, fore_known ? pairs[k].sur : pairs[k].fore, &len);
			if (len >= 5 &&
			    one_letter_apart(w, typed->norm_len, name, len)) {
				push_full_name(c, &pairs[k], i);
				i++;
				break;
			}
		}
	}
}

/* An initial before a roster surname that one of its pupils' forenames
 * begins with: "Well done E. Walsh", "E Walsh in 6W". A distinctive
 * surname is enough; a common or ordinary one ("Walsh", "Baker") needs a
 * post already about school, and "A" and "I" need their full stop, being
 * words. Read as the full name it stands for. */
static void find_initialled_names(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	if (!c->pair_count)
		return;
	for (size_t i = 0; i + 1 < t->count; i++) {
		const struct token *a = &t->items[i], *b = &t->items[i + 1];
		if (a->norm_len != 1 || !(a->flags & TOKEN_UPPER_FIRST) ||
		    (a->flags & TOKEN_HAS_DIGIT) || !(b->flags & TOKEN_UPPER_FIRST) ||
		    c->ids[i + 1] == MATCH_NO_TOKEN)
			continue;
		/* "E Walsh" or "E. Walsh", nothing else between */
		bool stop = b->gap == (GAP_STOP | GAP_SPACE);
		char letter = t->norm[a->norm];
		if (!(b->gap == GAP_SPACE || stop) || (!stop && (letter == 'a' || letter == 'i')))
			continue;
		/* "Mrs A. Rahman" is a grown-up */
		if (i > 0 && token_is(t, i - 1, titles, ARRAY_SIZE(titles)))
			continue;
		uint32_t sur = c->ids[i + 1];
		if (!pair_bit(c->sur_bits, c->pair_bits_words, sur) ||
		    (!distinctive_surname(c, sur) && !c->cands.context))
			continue;
		for (size_t k = first_pair(c->by_sur, c->pair_count, true, sur);
		     k < c->pair_count && c->by_sur[k].sur == sur; k++) {
			size_t len;
			const char *name = match_dict_token_text(c->dict, c->by_sur[k].fore, &len);
			if (len > 1 && name[0] == letter) {
				push_full_name(c, &c->by_sur[k], i);
				i++;
				break;
			}
		}
	}
}

/* Whether token k is a number in digits that some phrase spells out, so
 * that it is not read as "<number>" unless asked. */
static bool spelt_number(const struct classifier *c, size_t k)
{
	return c->ids[k] != c->number_id && c->ids[k] != MATCH_NO_TOKEN &&
	       c->number_id != MATCH_NO_TOKEN && digits_only(&c->tokens.items[k]);
}

/* The longest phrase from token i in *l, where token k reads as id instead
 * if that makes it longer. */
static void longest_as(struct classifier *c, size_t i, size_t k, uint32_t id, struct longest *l)
{
	struct longest as;
	uint32_t was = c->ids[k];
	c->ids[k] = id;
	longest_from(c, i, &as);
	c->ids[k] = was;
	if (as.best != MATCH_NO_NODE && (l->best == MATCH_NO_NODE || as.best_end > l->best_end))
		*l = as;
}

static void scan_phrases(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	size_t i = 0;
	size_t next_many = c->many_id != MATCH_NO_TOKEN ? many_from(t, 0) : t->count;
	while (i < t->count) {
		/* the longest phrase from token i, and the longest that can
		 * warn: a phrase that only says what the post is about ("one of
		 * my pupils", a child phrase) must not hide one inside it ("my
		 * pupils", a work detail) */
		struct longest l;
		longest_from(c, i, &l);
		/* a number some phrase spells out ("30 hours funding", "year
		 * 6") is still "<number>" to the others ("<number> books to
		 * mark", "year <number> me": "year 6" goes on to "boy" in
		 * another), wherever the words read so far reach: the longer
		 * reading wins */
		size_t reach = l.reach;
		for (size_t k = i; k < t->count && k <= reach; k++)
			if (spelt_number(c, k))
				longest_as(c, i, k, c->number_id, &l);
		/* and a crowd ("60 kids", "for 380 children") is "<many>",
		 * which a frame of up to two words may lead to; next_many
		 * keeps the way to the next crowd, so the rest cost nothing */
		if (next_many < i)
			next_many = many_from(t, i);
		for (size_t k = next_many; k < t->count && (k <= reach || k < i + 3); k++)
			if (many_at(t, k))
				longest_as(c, i, k, c->many_id, &l);
		uint32_t best = l.best, warn = l.warn;
		size_t best_end = l.best_end, warn_end = l.warn_end, nshorter = l.nshorter;
		const uint32_t *shorter = l.shorter;
		const size_t *shorter_end = l.shorter_end;
		if (best == MATCH_NO_NODE) {
			i++;
			continue;
		}
		note_about(c, best, i, best_end);
		/* what a shorter phrase says the post is about holds too ("trans
		 * ideology" names a group), unless the longer one is allowlisted
		 * ("the boy in the film" points at no pupil) */
		size_t nb;
		const struct payload *bp = match_dict_payloads(c->dict, best, &nb);
		if (!has_allow(bp, nb))
			for (size_t s = 0; s < nshorter; s++)
				note_about(c, shorter[s], i, shorter_end[s]);
		if (warn != best) {
			if (warn == MATCH_NO_NODE) {
				i++;
				continue;
			}
			best = warn;
			best_end = warn_end;
			note_about(c, best, i, best_end);
		}
		/* a phrase that starts inside this one and runs past its end is
		 * scanned too, and the better of the two is kept when they are
		 * judged; an allowlisted one wins outright */
		size_t n, from = i + 1;
		const struct payload *ps = match_dict_payloads(c->dict, best, &n);
		enum past past = PAST_NOTHING;
		if (!has_allow(ps, n))
			while (from <= best_end &&
			       (past = phrase_past(c, from, best_end)) == PAST_NOTHING)
				from++;
		if (past == PAST_ALLOWED) {
			i = from;
			continue;
		}
		struct candidate k = {
			.start = t->items[i].start,
			.end = t->items[best_end].end,
			.first = (uint32_t)i,
			.last = (uint32_t)best_end,
			.node = best,
			.gated = gated_warning(ps, n),
		};
		push(&c->cands, &k);
		/* a phrase that warns only in some posts ("are so stupid" said
		 * of a named group) must not hide the words inside it that warn
		 * in any ("stupid"): they are scanned too, and judging keeps the
		 * better of the two */
		if (gated(ps, n))
			i++;
		else
			i = past == PAST_PHRASE ? from : best_end + 1;
	}
}

/* A candidate decided already: the span and what payload p says of it. */
static void push_payload(struct cand_list *l, uint32_t start, uint32_t end,
			 const struct payload *p)
{
	struct candidate k = {
		.start = start,
		.end = end,
		.node = MATCH_NO_NODE,
		.category = p->category,
		.severity = p->severity,
		.label = p->label,
	};
	push(l, &k);
}

/* Token i of t, id in the dictionary (or MATCH_NO_TOKEN), if it begins or
 * ends with a stem ("shitstorm", "dipshit") and is no term by itself: a
 * word that only starts a phrase ("bitchy" of "bitchy little") is still
 * read by its stem, one listed alone (or allowlisted) is not. Two bit tests
 * turn away nearly every word at once. Called while the tokens are looked
 * up, when each is in cache. */
static void stem_of(const struct classifier *c, const struct tokens *t, size_t i, uint32_t id,
		    struct cand_list *out)
{
	const struct token *tok = &t->items[i];
	const char *w = token_text(t, tok);
	bool head = stem_bit(c->stem_heads, stem_head_key(w));
	bool tail = stem_bit(c->stem_tails, stem_tail_key(w + tok->norm_len));
	if (!head && !tail)
		return;
	if (id != MATCH_NO_TOKEN) {
		uint32_t node = match_dict_step(c->dict, MATCH_ROOT, id);
		size_t n;
		if (node != MATCH_NO_NODE && match_dict_payloads(c->dict, node, &n))
			return;
	}
	const struct payload *p = NULL;
	for (size_t s = 0; s < c->stem_count; s++) {
		const struct stem *st = &c->stems[s];
		if (st->len >= tok->norm_len || (st->at_end ? !tail : !head) ||
		    (p && st->p.severity <= p->severity))
			continue;
		const char *at = st->at_end ? w + tok->norm_len - st->len : w;
		if (at[0] == st->form[0] && memcmp(at, st->form, st->len) == 0)
			p = &st->p;
	}
	if (!p)
		return;
	if (is_context(p))
		out->context = true;
	push_payload(out, tok->start, tok->end, p);
}

/* A word run into a handle with a number after it, "@EthanWalsh07" or
 * "#kwame2015": the word without the number. Only inside a handle or
 * hashtag (a token that follows a case change, _ or . or starts one), so
 * a plain "ks2" or "mp3" is left as it is. */
static uint32_t without_number(const struct classifier *c, const struct tokens *t,
			       const struct token *tok)
{
	if (!(tok->flags & TOKEN_HAS_LETTER) ||
	    !(tok->gap == GAP_NONE || (tok->gap & (GAP_HANDLE | GAP_CONNECTOR))))
		return MATCH_NO_TOKEN;
	const char *w = token_text(t, tok);
	size_t n = tok->norm_len;
	while (n > 0 && w[n - 1] >= '0' && w[n - 1] <= '9')
		n--;
	if (n < 2 || n == tok->norm_len)
		return MATCH_NO_TOKEN;
	for (size_t k = 0; k < n; k++)
		if (w[k] >= '0' && w[k] <= '9')
			return MATCH_NO_TOKEN; /* digits inside: a code, not a name */
	return match_dict_token(c->dict, w, n, text_hash(w, n));
}

static const struct payload *derogatory_word(const struct classifier *c, const char *w,
					     size_t len, uint32_t *id);

/* A word with digits for letters, "c0ck", "sh1t", "tw4t": the word its
 * letters spell, when some list has that word alone as derogatory, so that
 * a phrase reads it as the word ("what a c0ck" is "what a cock", an insult
 * framed). Not a code ("2nd", "6B", "ks2"): every digit must stand for a
 * letter and three letters must be plain. */
static uint32_t unleeted(const struct classifier *c, const struct tokens *t,
			 const struct token *tok)
{
	if (tok->norm_len > 32)
		return MATCH_NO_TOKEN;
	const char *w = token_text(t, tok);
	char word[32];
	size_t plain = 0;
	for (size_t k = 0; k < tok->norm_len; k++) {
		char ch = w[k];
		if (ch >= '0' && ch <= '9') {
			ch = obfuscation_unleet((unsigned char)ch);
			if (ch >= '0' && ch <= '9')
				return MATCH_NO_TOKEN; /* 2, 6, 8 and 9 stand for no letter */
		} else {
			plain++;
		}
		word[k] = ch;
	}
	uint32_t id;
	return plain >= 3 && derogatory_word(c, word, tok->norm_len, &id) ? id : MATCH_NO_TOKEN;
}

/* Looks up every token of t in the dictionary (ids, which must have room
 * for them) and proposes the stems of the words no list has alone. */
static void look_up(const struct classifier *c, const struct tokens *t, uint32_t *ids,
		    struct cand_list *stems)
{
	stems->count = 0;
	stems->context = false;
	stems->child = false;
	for (size_t i = 0; i < t->count; i++) {
		const struct token *tok = &t->items[i];
		ids[i] = match_dict_token(c->dict, token_text(t, tok), tok->norm_len, tok->hash);
		if (ids[i] == MATCH_NO_TOKEN && (tok->flags & TOKEN_HAS_DIGIT)) {
			ids[i] = (tok->flags & TOKEN_HAS_LETTER) ? without_number(c, t, tok)
								 : c->number_id;
			if (ids[i] == MATCH_NO_TOKEN && (tok->flags & TOKEN_HAS_LETTER))
				ids[i] = unleeted(c, t, tok);
		} else if (ids[i] == MATCH_NO_TOKEN) {
			/* "idoit", "invesitgated": a misspelt list word */
			ids[i] = typos_find(c->typos, token_text(t, tok), tok->norm_len, tok->hash);
		}
		if (tok->norm_len >= 4 && c->stem_count &&
		    (ids[i] == MATCH_NO_TOKEN || !(tok->flags & TOKEN_HAS_DIGIT)))
			stem_of(c, t, i, ids[i], stems);
	}
}

/* The most severe derogatory payload among ps. */
static const struct payload *derogatory_of(const struct payload *ps, size_t n)
{
	const struct payload *best = NULL;
	for (size_t k = 0; k < n; k++)
		if (ps[k].category == CAT_DEROGATORY && (!best || ps[k].severity > best->severity))
			best = &ps[k];
	return best;
}

/* The payload that lists the word w[0, len) alone as derogatory, or NULL;
 * *id is the word's token. */
static const struct payload *derogatory_word(const struct classifier *c, const char *w,
					     size_t len, uint32_t *id)
{
	*id = match_dict_token(c->dict, w, len, text_hash(w, len));
	if (*id == MATCH_NO_TOKEN)
		return NULL;
	size_t n;
	const struct payload *ps =
		match_dict_payloads(c->dict, match_dict_step(c->dict, MATCH_ROOT, *id), &n);
	return derogatory_of(ps, n);
}

/* Whether the '*' at text[at] opens emphasis, as in "you are *once again*
 * confusing", not a masked letter ("*unt"): a '*' closes it after a letter
 * later on the same line. */
static bool opens_emphasis(const char *text, size_t len, size_t at)
{
	for (size_t q = at + 2; q < len && text[q] != '\n'; q++)
		if (text[q] == '*' && isalnum((unsigned char)text[q - 1]) &&
		    (q + 1 == len || !isalnum((unsigned char)text[q + 1])))
			return true;
	return false;
}

/* The most severe masked term that form[0, n) may stand for, or NULL. */
static const struct payload *masked_match(const struct classifier *c, const char *form, size_t n)
{
	const struct payload *p = NULL;
	for (size_t m = 0; m < c->masked_count; m++) {
		const struct masked_term *mt = &c->masked[m];
		if (mt->len != n || (p && mt->p.severity <= p->severity))
			continue;
		size_t i = 0;
		while (i < n && (form[i] == '*' || form[i] == mt->form[i]))
			i++;
		if (i == n)
			p = &mt->p;
	}
	return p;
}

static void on_obfuscated(const struct obfuscated *o, void *ctx)
{
	struct sink *sink = ctx;
	const struct classifier *c = sink->c;
	const struct payload *p = NULL;
	if (o->masked && o->form[0] == '*' && sink->text[o->start] == '*' &&
	    opens_emphasis(sink->text, sink->len, o->start))
		return;
	if (o->masked) {
		size_t shown = 0;
		for (size_t i = 0; i < o->len; i++)
			shown += o->form[i] != '*';
		if (shown == 0 || shown == o->len)
			return;
		p = masked_match(c, o->form, o->len);
		/* a plural: "sh*ts", "pr*cks" */
		if (!p && o->len > 3 && o->form[o->len - 1] == 's' && o->form[o->len - 2] != '*')
			p = masked_match(c, o->form, o->len - 1);
	} else {
		uint32_t id;
		p = derogatory_word(c, o->form, o->len, &id);
	}
	if (p)
		push_payload(sink->out, o->start, o->end, p);
}

static void on_pattern(const struct pattern_hit *h, void *ctx)
{
	struct sink *sink = ctx;
	const struct classifier *c = sink->c;
	struct candidate k = {
		.start = h->start,
		.end = h->end,
		.node = MATCH_NO_NODE,
		.category = h->category,
		.severity = h->severity,
		.label = h->custom ? c->custom_labels[h->custom - 1] : c->pattern_labels[h->label],
	};
	push(sink->out, &k);
}

/* An email address spelled out to keep it from robots: "jane dot smith at
 * gmail dot com", "j.smith [at] school dot org dot uk". */
static const char *const at_word[] = {"at"};
static const char *const dot_word[] = {"dot"};
static const char *const mail_end[] = {"com", "net", "org", "uk", "edu", "gov", "io", "me",
				       "info", "ie", "biz"};

static const char *const mail_word[] = {"email", "emails", "mail", "contact", "message",
					"write", "reach", "address", "addy", "paypal"};
/* where people keep a mailbox: "sunita1982 at hotmail dot co dot uk" is an
 * address with no other word to say so */
static const char *const mail_host[] = {"gmail", "googlemail", "hotmail", "outlook", "live",
					"yahoo", "icloud", "aol", "msn", "btinternet",
					"btopenworld", "virginmedia", "ntlworld", "talktalk",
					"protonmail", "proton", "gmx"};

/* Whether the gap before token i ends a sentence or a clause. */
static bool address_gap_ends(const struct token *tok)
{
	return (tok->gap & GAP_BREAK) || ((tok->gap & GAP_STOP) && (tok->gap & GAP_SPACE)) ||
	       (tok->gap & GAP_APOSTROPHE);
}

/* Whether token i is part of an address: a word, joined to the one before
 * by a space or a dot ("j.smith"), not by an apostrophe ("we're"). */
static bool address_word(const struct tokens *t, size_t i)
{
	const struct token *tok = &t->items[i];
	return (tok->flags & (TOKEN_HAS_LETTER | TOKEN_HAS_DIGIT)) && !address_gap_ends(tok) &&
	       !token_is(t, i, at_word, 1) && !token_is(t, i, dot_word, 1);
}

/* Whether the words before token start, in its sentence, say it is an
 * address to write to ("email me on", "contact"), or its name has a dot
 * of its own ("jane dot smith"), or figures ("sunita1982"), or it is at
 * a mail host ("at hotmail dot com"): "shopping at Tesco dot com" is a
 * shop. */
static bool reads_as_address(const struct tokens *t, size_t start, size_t at)
{
	if (at - start > 1 ||
	    (t->items[start].flags & (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER)) ==
		    (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER) ||
	    token_is(t, at + 1, mail_host, ARRAY_SIZE(mail_host)))
		return true;
	for (size_t i = start, n = 0; i > 0 && n < 8; n++) {
		if (t->items[i].gap & (GAP_BREAK | GAP_STOP))
			break;
		i--;
		if (token_is(t, i, mail_word, ARRAY_SIZE(mail_word)))
			return true;
	}
	return false;
}

static void scan_spelled_addresses(struct classifier *c, struct sink *sink)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 1; i + 3 < t->count; i++) {
		if (!token_is(t, i, at_word, 1) || address_gap_ends(&t->items[i]) ||
		    !address_word(t, i - 1) || !address_word(t, i + 1))
			continue;
		/* after "at": a word, then at least one "dot" and a word, the
		 * last an ending such as "com" or "uk" */
		size_t end = i + 1, dots = 0;
		while (end + 2 < t->count && token_is(t, end + 1, dot_word, 1) &&
		       !address_gap_ends(&t->items[end + 1]) && address_word(t, end + 2)) {
			end += 2;
			dots++;
		}
		if (!dots || !token_is(t, end, mail_end, ARRAY_SIZE(mail_end)))
			continue;
		/* before it: a word, and any more joined by "dot" or a full stop
		 * inside the name ("jane dot smith", "j.smith") */
		size_t start = i - 1;
		while (start >= 2 && token_is(t, start - 1, dot_word, 1) && address_word(t, start - 2) &&
		       !address_gap_ends(&t->items[start]))
			start -= 2;
		/* "j.smith": a name with a full stop and no space inside */
		while (start >= 1 && (t->items[start].gap & (GAP_STOP | GAP_CONNECTOR)) &&
		       !(t->items[start].gap & GAP_SPACE) && address_word(t, start - 1))
			start--;
		if (!reads_as_address(t, start, i))
			continue;
		struct candidate k = {
			.start = t->items[start].start,
			.end = t->items[end].end,
			.node = MATCH_NO_NODE,
			.category = CAT_PERSONAL_DATA,
			.severity = SEV_MEDIUM,
			.label = c->pattern_labels[PL_EMAIL],
		};
		push(sink->out, &k);
		i = end;
	}
}

/* A phone number spelled out in words, to keep it from robots: "oh seven
 * seven one two, three four five, six seven eight", "oh one one three
 * double four..." Digits in figures may stand beside the words ("07712
 * three four five..."). At least four of the digits in words, and a UK
 * number as the phone pattern reads one (patterns_uk_phone): a mobile is
 * high, a landline medium. */
static const char *const digit_word[] = {"zero", "oh",  "o",    "one", "two", "three",
					 "four", "five", "six", "seven", "eight", "nine"};
static const char *const repeat_word[] = {"double", "treble", "triple"};
enum { SPELLED_MIN_WORDS = 4, PHONE_MAX_DIGITS = 11 };

static int digit_of(const struct tokens *t, size_t i)
{
	for (size_t d = 0; d < ARRAY_SIZE(digit_word); d++)
		if (token_is(t, i, &digit_word[d], 1))
			return d < 3 ? 0 : (int)d - 2;
	return -1;
}

static void scan_spelled_phones(struct classifier *c, struct sink *sink)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i < t->count; i++) {
		/* a number starts with 0: "oh", "zero" or figures from 0 (the
		 * first letter turns almost every word away at once) */
		const char *w = t->norm + t->items[i].norm;
		size_t len = t->items[i].norm_len;
		if (!(w[0] == '0' || (w[0] == 'o' && (len == 1 || (len == 2 && w[1] == 'h'))) ||
		      (w[0] == 'z' && len == 4 && memcmp(w, "zero", 4) == 0)))
			continue;
		char digits[PHONE_MAX_DIGITS + 4];
		size_t n = 0, words = 0, j = i;
		for (; j < t->count && n <= PHONE_MAX_DIGITS; j++) {
			const struct token *tok = &t->items[j];
			if (j > i && (tok->gap & (GAP_BREAK | GAP_STOP)))
				break;
			size_t times = 1;
			if (token_is(t, j, repeat_word, ARRAY_SIZE(repeat_word)) && j + 1 < t->count &&
			    digit_of(t, j + 1) >= 0) {
				times = token_is(t, j, repeat_word, 1) ? 2 : 3;
				j++;
			}
			int d = digit_of(t, j);
			if (d >= 0) {
				for (size_t r = 0; r < times && n < sizeof(digits); r++)
					digits[n++] = (char)('0' + d);
				words++;
				continue;
			}
			if ((tok->flags & (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER)) != TOKEN_HAS_DIGIT ||
			    n + tok->norm_len > PHONE_MAX_DIGITS)
				break;
			memcpy(digits + n, token_text(t, tok), tok->norm_len);
			n += tok->norm_len;
		}
		enum severity sev = words >= SPELLED_MIN_WORDS && n <= PHONE_MAX_DIGITS
					    ? patterns_uk_phone(digits, n)
					    : SEV_NONE;
		if (sev == SEV_NONE)
			continue;
		struct candidate k = {
			.start = t->items[i].start,
			.end = t->items[j - 1].end,
			.node = MATCH_NO_NODE,
			.category = CAT_PERSONAL_DATA,
			.severity = (uint8_t)sev,
			.label = c->pattern_labels[PL_PHONE],
		};
		push(sink->out, &k);
		i = j - 1;
	}
}

/* A child speaking to the writer, quoted: '"Miss, are you married?"',
 * '"Sir, if I tell you something..."'. "Miss" or "Sir" with its capital,
 * at the start of the text, a sentence or a quotation, then a comma: a
 * particular child, so the post is about school. */
static const char *const teacher_address[] = {"miss", "sir"};

static void note_quoted_pupil(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i + 1 < t->count; i++) {
		const struct token *tok = &t->items[i];
		if (!(tok->flags & TOKEN_UPPER_FIRST) || (tok->flags & TOKEN_ALL_UPPER) ||
		    !(i == 0 || (tok->gap & (GAP_OTHER | GAP_BREAK | GAP_STOP | GAP_START))) ||
		    !token_is(t, i, teacher_address, ARRAY_SIZE(teacher_address)) ||
		    !(t->items[i + 1].gap & GAP_OTHER) || (t->items[i + 1].gap & GAP_STOP))
			continue;
		c->cands.context = true;
		c->cands.child = true;
		return;
	}
}

/* A class or form group that no roster lists: a number from 1 to 13, one
 * or two capitals and maybe a set's digit ("6B", "10X2", "9X3"). Codes of
 * that shape are often something else: a film ("3D"), a network ("5G"), a
 * run ("10K"), a pencil ("2B"), a time ("6PM"), an ordinal in capitals
 * ("3RD"), a unit ("4GB", "2L"), money ("£5K"), a temperature ("6C"), a
 * room, seat or question ("Room 6B", "question 5C"). So a code warns only
 * beside a word that makes it a class ("in 4T", "my 6B", "class 4T",
 * "taught 9X3", "the 6B lot", "10Y2 kids") or in a post about school. One
 * that may be a temperature, volume or dimension, or any code in a text
 * all in capitals, needs "class", "form", "set" or the writer's "my"
 * before it, or such a word beside it in a post about school ("Priya
 * Chaudhary in 5C"); an everyday code needs "class", "form" or "set" right
 * before it or "class" or "form" right after. */
static const char *const class_before[] = {"class", "form", "set", "tutor", "reg"};
static const char *const class_word[] = {"class", "form"};
static const char *const class_mine[] = {"my", "our"};
static const char *const class_near[] = {"in", "from", "taught", "teach", "teaching",
					 "teaches", "covering", "cover", "with"};
static const char *const class_after[] = {"class", "form", "group", "set", "lot", "kids",
					  "pupils", "students", "children", "boys", "girls",
					  "register", "tutor", "parents", "were"};
static const char *const class_veto[] = {
	"room", "flat", "unit", "seat", "row", "gate", "platform", "bay", "block", "apartment",
	"apt", "number", "no", "plot", "bus", "terminal", "floor", "level", "zone", "aisle",
	"locker", "court", "pitch", "stand", "section", "table", "coach", "cabin", "deck",
	"hall", "lab", "studio", "ward", "suite", "route", "door", "box", "page", "question",
	"q", "figure", "fig", "exercise", "part", "chapter", "paper", "task", "size", "option",
	"step", "item", "slide", "version", "model", "type", "tier", "grade", "band", "iphone"};
/* codes that are everyday things whatever their number, by their letters */
static const char *const class_suffix_veto[] = {"AM", "PM", "ST", "ND", "RD", "TH", "DS",
						"UP", "GB", "MB", "KB", "TB", "KG", "KM",
						"CM", "MM", "ML", "MP", "HP", "KW", "HZ", "FA",
						"BC", "AD", "BN", "G", "K", "M", "V"};
static const char *const class_everyday[] = {"1D", "2D", "3D", "4D", "2B", "4B", "12A"};

enum class_code { CODE_NONE, CODE_CLASS, CODE_SET, CODE_AMBIGUOUS, CODE_EVERYDAY };

/* What the code text[start, end) can be. */
static enum class_code class_code_kind(const char *text, size_t start, size_t end)
{
	size_t i = start, n = 0;
	while (i < end && i - start < 2 && text[i] >= '0' && text[i] <= '9')
		n = n * 10 + (size_t)(text[i++] - '0');
	if (i == start || text[start] == '0' || n < 1 || n > 13)
		return CODE_NONE;
	size_t letters = i;
	while (i < end && i - letters < 2 && text[i] >= 'A' && text[i] <= 'Z')
		i++;
	size_t nletters = i - letters;
	if (!nletters)
		return CODE_NONE;
	bool set_digit = i < end && text[i] >= '1' && text[i] <= '9';
	if (set_digit)
		i++;
	if (i != end)
		return CODE_NONE;
	/* 9X3 is a maths set, 4X4 a car */
	if (set_digit && nletters == 1 && text[letters] == 'X')
		return text[end - 1] == text[letters - 1] ? CODE_EVERYDAY
			: n >= 7 ? CODE_SET : CODE_CLASS;
	/* a secondary year, a letter and a set's digit ("8Y2", "10B1") is a
	 * teaching group and little else */
	if (set_digit && nletters == 1 && n >= 7)
		return CODE_SET;
	/* a set's digit makes the letters a form's: 11M1 is not millions */
	for (size_t k = 0; k < ARRAY_SIZE(class_suffix_veto) && !set_digit; k++)
		if (strlen(class_suffix_veto[k]) == nletters &&
		    memcmp(text + letters, class_suffix_veto[k], nletters) == 0)
			return CODE_EVERYDAY;
	for (size_t k = 0; k < ARRAY_SIZE(class_everyday); k++)
		if (strlen(class_everyday[k]) == end - start &&
		    memcmp(text + start, class_everyday[k], end - start) == 0)
			return CODE_EVERYDAY;
	/* a temperature ("6C"), a volume ("2L") or a dimension ("5D") */
	if (nletters == 1 && !set_digit && strchr("CFLD", text[letters]))
		return CODE_AMBIGUOUS;
	return CODE_CLASS;
}

static void scan_class_groups(struct classifier *c, const char *text, bool shouting)
{
	const struct tokens *t = &c->tokens;
	const uint16_t glued = GAP_HYPHEN | GAP_CONNECTOR | GAP_STOP | GAP_APOSTROPHE;
	for (size_t i = 0; i < t->count; i++) {
		const struct token *tok = &t->items[i];
		if ((tok->flags & (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER)) !=
			    (TOKEN_HAS_DIGIT | TOKEN_HAS_LETTER) ||
		    (tok->gap & glued) || (i > 0 && tok->gap == GAP_NONE))
			continue;
		enum class_code kind = class_code_kind(text, tok->start, tok->end);
		/* "£10M" and "$5K" are money (£ and € end in A3 and AC) */
		if (kind == CODE_NONE || (tok->start > 0 && memchr("$\xA3\xAC", text[tok->start - 1], 3)))
			continue;
		if (i + 1 < t->count && (t->items[i + 1].gap == GAP_NONE ||
					 (t->items[i + 1].gap & (GAP_HYPHEN | GAP_CONNECTOR)) ||
					 ((t->items[i + 1].gap & GAP_STOP) &&
					  !(t->items[i + 1].gap & GAP_SPACE))))
			continue;
		bool joined_before = i > 0 && !(tok->gap & ~GAP_SPACE);
		bool joined_after = i + 1 < t->count && !(t->items[i + 1].gap & ~GAP_SPACE);
		if (joined_before && token_is(t, i - 1, class_veto, ARRAY_SIZE(class_veto)))
			continue;
		bool strong = (kind == CODE_SET && !shouting) ||
			      (joined_before && token_is(t, i - 1, class_before, ARRAY_SIZE(class_before)));
		bool mine = joined_before && token_is(t, i - 1, class_mine, ARRAY_SIZE(class_mine));
		bool near = joined_before && token_is(t, i - 1, class_near, ARRAY_SIZE(class_near));
		bool after = joined_after && token_is(t, i + 1, class_after, ARRAY_SIZE(class_after));
		bool school = c->cands.context || c->cands.child;
		bool warn;
		if (kind == CODE_EVERYDAY)
			warn = strong ||
			       (joined_after && token_is(t, i + 1, class_word, ARRAY_SIZE(class_word)));
		else if (kind == CODE_AMBIGUOUS || shouting)
			warn = strong || mine || ((near || after) && school);
		else
			warn = strong || mine || near || after || school;
		if (!warn)
			continue;
		if (strong || mine)
			c->cands.context = true;
		if (mine)
			c->cands.teacher = true;
		struct candidate k = {
			.start = tok->start,
			.end = tok->end,
			.node = MATCH_NO_NODE,
			.category = CAT_WORK_DETAIL,
			.severity = SEV_MEDIUM,
			.label = c->pattern_labels[PL_CLASS_GROUP],
		};
		push(&c->cands, &k);
	}
}

/* News not shared yet, in any words: "the staff don't know yet", "parents
 * haven't been told yet", "it isn't public until Friday", "nobody knows
 * until the governors meet", "I can't share more until governors have
 * met". A knowing word, a present or future denial before it and a time
 * after it; in a post about school it is confidential, elsewhere only a
 * hint. A past denial is a grumble, not a secret ("we weren't told until
 * the day before"), and a surprise is exclaimed ("Center Parcs booked,
 * kids don't know yet!"). */
static const char *const not_yet_denial[] = {"not", "nobody", "noone", "none", "no"};
static const char *const present_nt[] = {"don", "doesn", "haven", "hasn",   "won",
                                         "isn", "aren",  "can",   "shouldn"};
static const char *const past_be[] = {"was", "were", "did", "had"};
static const char *const yet_word[] = {"yet", "until", "till", "til"};
enum { DENIAL_REACH = 4, YET_REACH = 3 };

static const char *const known_word[] = {
    "know",     "knows",    "known",     "told",  "announced", "public",  "official", "shared",
    "aware",    "informed", "confirmed", "share", "say",       "discuss", "comment", "published",
    "tell"};

/* One bit for each knowing word's hash (see text_hash()): every token of a
 * post comes to knowing_word(), and one test of its hash turns most away
 * before any word is compared. */
static uint64_t knowing_filter[2];
static pthread_once_t knowing_once = PTHREAD_ONCE_INIT;

static void knowing_init(void)
{
	for (size_t k = 0; k < ARRAY_SIZE(known_word); k++) {
		uint32_t h = text_hash(known_word[k], strlen(known_word[k]));
		knowing_filter[0] |= UINT64_C(1) << (h & 63);
		knowing_filter[1] |= UINT64_C(1) << (h >> 26);
	}
}

/* Whether token i is a knowing word: "know", "told", "announced"... Two
 * bits of the hash must both be set, which about one word in thirty
 * passes. */
static bool knowing_word(const struct tokens *t, size_t i)
{
	uint32_t h = t->items[i].hash;
	return (knowing_filter[0] >> (h & 63) & knowing_filter[1] >> (h >> 26) & 1) &&
	       token_is(t, i, known_word, ARRAY_SIZE(known_word));
}

/* Whether token j denies in the present or future: "not" (not after "was"),
 * "nobody", the "t" of "don't" or "won't". */
static bool present_denial(const struct tokens *t, size_t j)
{
	if (token_is(t, j, not_yet_denial, ARRAY_SIZE(not_yet_denial)))
		return !(j > 0 && token_is(t, j - 1, past_be, ARRAY_SIZE(past_be)));
	return j > 0 && clitic(t, j, 't') && token_is(t, j - 1, present_nt, ARRAY_SIZE(present_nt));
}

static const char *const surprise_word[] = {"surprise"};
enum { SURPRISE_REACH = 6 };

/* Whether "surprise" follows token i in its sentence, within a few words. */
static bool surprise_after(const struct tokens *t, size_t i)
{
	for (size_t j = i + 1; j < t->count && j <= i + SURPRISE_REACH; j++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (token_is(t, j, surprise_word, 1))
			return true;
	}
	return false;
}

static void scan_not_yet(struct classifier *c, const char *text, size_t len)
{
	const struct tokens *t = &c->tokens;
	pthread_once(&knowing_once, knowing_init);
	for (size_t i = 1; i < t->count; i++) {
		if (!knowing_word(t, i))
			continue;
		size_t from = t->count;
		for (size_t j = i, n = 0; j > 0 && n < DENIAL_REACH; n++) {
			if (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
				break;
			j--;
			if (present_denial(t, j)) {
				from = j;
				break;
			}
		}
		if (from == t->count)
			continue;
		size_t to = t->count;
		for (size_t j = i + 1; j < t->count && j <= i + YET_REACH; j++) {
			if (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
				break;
			if (token_is(t, j, yet_word, ARRAY_SIZE(yet_word))) {
				to = j;
				break;
			}
		}
		/* both walks stopped at a clause's end, so denial, word and
		 * time are in one clause */
		if (to == t->count)
			continue;
		/* "kids don't know yet!": a treat kept for them, not a secret;
		 * so is one called a surprise in the same sentence ("her mum
		 * doesn't know yet, it's a surprise") */
		if ((t->items[to].end < len && text[t->items[to].end] == '!') ||
		    surprise_after(t, to))
			continue;
		/* "don't": the span starts at "don" */
		size_t start = clitic(t, from, 't') ? from - 1 : from;
		push_tokens(c, start, to, CAT_CONFIDENTIAL,
			    c->cands.context || c->cands.child ? SEV_MEDIUM : SEV_LOW,
			    c->pattern_labels[PL_NOT_YET]);
		i = to;
	}
}

/* "Head said yes", "Head's asked me to", "Head came out to thank me": at
 * a sentence's start, a capital "Head" doing something is the
 * headteacher, never a head that aches ("Head is pounding") or one to go
 * somewhere ("Head over to"). */
static const char *const head_word[] = {"head"};
static const char *const head_aux[] = {"s", "has", "had", "just"};
static const char *const head_verb[] = {
	"agreed",   "announced", "asked",   "asks",	"booked",   "called",  "came",
	"cancelled", "caught",   "decided", "emailed",	"gave",	    "insisted", "keeps",
	"let",	    "popped",	"rang",	    "reckons",	"refused",  "said",	"says",
	"sent",	    "signed",	"thinks",   "told",	"tells",    "wants",	"wanted",
};

static void scan_head_at_start(struct classifier *c, bool shouting)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i + 1 < t->count; i++) {
		if (!starts_sentence(t, i) || !(t->items[i].flags & TOKEN_UPPER_FIRST) || shouting ||
		    !token_is(t, i, head_word, 1))
			continue;
		size_t j = i + 1;
		for (size_t n = 0; n < 2 && j + 1 < t->count &&
				   !(t->items[j].gap & (GAP_BREAK | GAP_STOP)) &&
				   token_is(t, j, head_aux, ARRAY_SIZE(head_aux));
		     n++)
			j++;
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP) ||
		    !token_is(t, j, head_verb, ARRAY_SIZE(head_verb)))
			continue;
		struct candidate k = {
		    .start = t->items[i].start,
		    .end = t->items[j].end,
		    .first = (uint32_t)i,
		    .last = (uint32_t)j,
		    .node = MATCH_NO_NODE,
		    .category = CAT_WORK_DETAIL,
		    .severity = SEV_MEDIUM,
		    /* the category's own label: init_labels adds those first,
		     * one per category in order */
		    .label = CAT_WORK_DETAIL,
		};
		push(&c->cands, &k);
		c->cands.context = true;
	}
}

/* Words after which a name-like word is being used as a verb or an
 * adjective: "Hope to see", "Will you", "May I", "Mark the date". */
static const char *const word_after[] = {
	"to", "you", "your", "u", "the", "a", "an", "i", "we", "they", "it", "everyone",
	"everybody", "all", "that", "this", "these", "those", "our", "us", "me", "so", "not",
	"be", "for", "he", "she", "them", "there",
	/* "Summer holidays", "Summer term", "Summer job list": the season */
	"holidays", "holiday", "hols", "term", "fair", "camp", "job", "jobs",
};

/* A name that is also a modal verb ("Will", "May") is the verb before a
 * bare verb or an adverb: "Will return in one piece!", "May just say". A
 * name there would take "returns" or "returned". */
static const char *const modal_name[] = {"will", "may"};
static const char *const after_modal[] = {
	"add", "always", "ask", "bake", "book", "bring", "buy", "call", "check", "collect",
	"come", "confirm", "def", "definitely", "do", "drop", "email", "explain", "find",
	"finish", "follow", "get", "give", "go", "have", "help", "hopefully", "join", "just",
	"keep", "let", "look", "make", "meet", "message", "miss", "need", "never", "order",
	"pay", "pick", "pop", "post", "probably", "put", "read", "report", "return", "ring",
	"say", "see", "send", "share", "show", "sort", "start", "stay", "still", "take",
	"tell", "text", "try", "update", "use", "write",
};

/* ... and before which: "a frank chat", "the will", "such hope". */
static const char *const word_before[] = {
	"a", "an", "the", "my", "your", "our", "their", "its", "this", "that", "some", "any",
	"no", "every", "very", "so", "such",
};


/* "Callum's mum rang": a child's parent or carer, as a teacher speaks of
 * them. */
static const char *const parent_of[] = {
	"mum", "mam", "mummy", "dad", "daddy", "parents", "parent", "nan", "nana",
	"gran", "grandma", "grandad", "stepdad", "stepmum", "carer", "carers", "foster",
};

/* "my daughter Isla", "our dog Poppy": the writer's own family or pets. */
static const char *const family[] = {
	"daughter", "son", "niece", "nephew", "grandson", "granddaughter", "husband", "wife",
	"partner", "sister", "brother", "cousin", "dog", "cat", "puppy", "kitten", "hamster",
	"rabbit", "horse", "baby", "boyfriend", "girlfriend", "fiance", "fiancee",
};

/* "my son's nativity", "parents' evening for my own two": the school of the
 * writer's own child, not their work. */
static const char *const own_child[] = {
	"son", "daughter", "stepson", "stepdaughter", "grandson", "granddaughter",
	"niece", "nephew", "godson", "goddaughter", "youngest", "eldest", "oldest", "twins",
	"toddler", "baby", "boy", "girl", "lad", "kid",
};
static const char *const kids_word[] = {"kids", "children", "boys", "girls"};
static const char *const for_with_at[] = {"for", "with", "at"};
static const char *const own_word[] = {"own"};

/* Whether token i is the "s" of a possessive: "son's", "A's". */
static bool possessive_s(const struct tokens *t, size_t i)
{
	return clitic(t, i, 's');
}

/* Whether "my son's" (or "our daughter's"...) starts at token i. */
static bool my_childs_at(const struct tokens *t, size_t i)
{
	return i + 2 < t->count && token_is(t, i, my, ARRAY_SIZE(my)) &&
	       token_is(t, i + 1, own_child, ARRAY_SIZE(own_child)) && possessive_s(t, i + 2) &&
	       !((t->items[i + 1].gap | t->items[i + 2].gap) & (GAP_BREAK | GAP_STOP));
}

/* Whether the writer's own child starts at token i as the one a sentence
 * is about: "our little one has her first nativity", "my eldest is in
 * the school play", "our little one's sports day"; or a child's school
 * that is not the writer's: "star of the week at his school". */
static const char *const little_word[] = {"little", "wee"};
static const char *const one_word[] = {"one"};
static const char *const has_is[] = {"has", "had", "is", "was", "got"};
/* capitalised words after "our" that are a school's people or places, not
 * a child of the writer's */
static const char *const our_role[] = {
	"head", "headteacher", "headmaster", "headmistress", "deputy", "principal", "school",
	"academy", "trust", "nursery", "class", "reception", "year", "governors", "chair",
	"teacher", "teachers", "staff", "department", "office", "caretaker", "bursar", "vicar",
	"local", "new", "lovely", "little", "amazing", "whole", "team", "setting", "college",
	"nqts", "ects", "tas", "lsas", "hltas", "sencos", "slt", "senco", "dsl", "pta", "heads"};

static const char *const his_her[] = {"his", "her", "their"};
static const char *const trainee_word[] = {"mentor", "mentors", "placement", "placements"};

/* Whether "his school", "her nursery" or "their school" starts at token i:
 * someone else's school, not the writer's workplace. */
static bool his_school_at(const struct tokens *t, size_t i)
{
	return i + 1 < t->count && t->items[i + 1].gap == GAP_SPACE &&
	       token_is(t, i + 1, school_word, ARRAY_SIZE(school_word)) &&
	       token_is(t, i, his_her, ARRAY_SIZE(his_her));
}

/* Whether tokens i.. are "our" and a capitalised word as a sentence's
 * subject: "Our Ivy has started Reception", the northern way of naming
 * one's own child; but not a role ("Our Head has been signed off"). */
static bool our_named_child_at(const struct tokens *t, size_t i)
{
	return i + 2 < t->count && token_is(t, i, our_word, ARRAY_SIZE(our_word)) &&
	       t->items[i + 1].gap == GAP_SPACE &&
	       (t->items[i + 1].flags & (TOKEN_UPPER_FIRST | TOKEN_ALL_UPPER)) == TOKEN_UPPER_FIRST &&
	       !token_is(t, i + 1, our_role, ARRAY_SIZE(our_role)) &&
	       t->items[i + 2].gap == GAP_SPACE && token_is(t, i + 2, has_is, ARRAY_SIZE(has_is));
}

/* Whether tokens j.. are "ever had" or "have ever had", as in "the best
 * teacher my son has ever had". */
static const char *const ever_word[] = {"ever"};
static const char *const had_word[] = {"had"};
static const char *const have_has[] = {"have", "has"};

static bool ever_had_at(const struct tokens *t, size_t j)
{
	if (j + 1 < t->count && token_is(t, j, have_has, ARRAY_SIZE(have_has)))
		j++;
	return j + 1 < t->count && token_is(t, j, ever_word, ARRAY_SIZE(ever_word)) &&
	       !((t->items[j].gap | t->items[j + 1].gap) & (GAP_BREAK | GAP_STOP)) &&
	       token_is(t, j + 1, had_word, ARRAY_SIZE(had_word));
}

static bool my_child_subject_at(const struct tokens *t, size_t i)
{
	/* "at his school", "her school's sports day": someone else's school */
	if (my_childs_at(t, i) || his_school_at(t, i))
		return true;
	if (i + 2 >= t->count || !token_is(t, i, my, ARRAY_SIZE(my)) ||
	    ((t->items[i + 1].gap | t->items[i + 2].gap) & (GAP_BREAK | GAP_STOP)))
		return false;
	if (token_is(t, i + 1, own_child, ARRAY_SIZE(own_child)))
		return t->items[i + 2].gap == GAP_SPACE &&
		       (token_is(t, i + 2, has_is, ARRAY_SIZE(has_is)) || ever_had_at(t, i + 2));
	/* "the best headteacher my kids ever had": a class has one head */
	if (token_is(t, i + 1, kids_word, ARRAY_SIZE(kids_word)) &&
	    t->items[i + 2].gap == GAP_SPACE && ever_had_at(t, i + 2))
		return true;
	if (our_named_child_at(t, i))
		return true;
	return i + 3 < t->count && token_is(t, i + 1, little_word, ARRAY_SIZE(little_word)) &&
	       token_is(t, i + 2, one_word, ARRAY_SIZE(one_word)) &&
	       (possessive_s(t, i + 3) ||
		(t->items[i + 3].gap == GAP_SPACE && token_is(t, i + 3, has_is, ARRAY_SIZE(has_is))));
}

/* How far, in words, a sentence may run between a work detail and the
 * writer's own child it is about. */
enum { OWN_CHILD_REACH = 8 };

/* Where "my son's" (my_childs_at) starts in the sentence before token
 * first, within reach, or t->count; with subject, "my son has" as well
 * (my_child_subject_at). */
static size_t my_child_before(const struct tokens *t, size_t first, bool subject)
{
	for (size_t i = first, n = 0; i > 0 && n < OWN_CHILD_REACH + 3; n++) {
		if (t->items[i].gap & (GAP_BREAK | GAP_STOP))
			break;
		i--;
		if (subject ? my_child_subject_at(t, i) : my_childs_at(t, i))
			return i;
	}
	return t->count;
}

static const char *const staff_only[] = {"staffroom", "staff"};
static const char *const both_word[] = {"both"};
static const char *const mine_word[] = {"mine"};

/* Whether token i is the count in "for my two" or "for my 2" with nothing
 * after it but the end of the phrase or a day: "sports day for my two
 * tomorrow", not "reports for my two Year 9 groups". */
static const char *const brood[] = {"two", "three", "four", "2", "3", "4"};
static const char *const day_word[] = {"tomorrow", "today", "tonight", "this", "next", "on"};

static bool my_brood_at(const struct tokens *t, size_t i)
{
	return token_is(t, i, brood, ARRAY_SIZE(brood)) &&
	       (i + 1 == t->count || t->items[i + 1].gap != GAP_SPACE ||
		token_is(t, i + 1, day_word, ARRAY_SIZE(day_word)));
}

/* Whether the phrase of tokens [first, last] is about the writer's own
 * child: in a sentence with "my son's" before it or after it ("my son's
 * school has a non uniform day", "a great Ofsted for my daughter's
 * nursery"), or just before "for my own", "with our daughter" or "for my
 * son" ("parents' evening for my own two"). With subject, a sentence
 * about the writer's child before it counts too ("our little one has her
 * first nativity"): a work detail there is the child's school, but a
 * child's diagnosis there is still the child's ("my son has been
 * diagnosed with autism"). */
static bool own_childs(const struct tokens *t, size_t first, size_t last, bool subject)
{
	/* "our head", "my class": the writer's own work, whoever else the
	 * sentence is about; and a parent hears nothing in the staffroom */
	if (token_is(t, first, my, ARRAY_SIZE(my)) ||
	    token_is(t, first, staff_only, ARRAY_SIZE(staff_only)))
		return false;
	if (my_child_before(t, first, subject) < t->count)
		return true;
	for (size_t j = last + 1, n = 0; j < t->count && n < OWN_CHILD_REACH; j++, n++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			break;
		if (subject ? my_child_subject_at(t, j) : my_childs_at(t, j))
			return true;
	}
	size_t j = last + 1;
	/* "parents' evening for both kids", "for both of mine" */
	if (j + 2 < t->count && token_is(t, j, for_with_at, ARRAY_SIZE(for_with_at)) &&
	    token_is(t, j + 1, both_word, ARRAY_SIZE(both_word)) &&
	    !((t->items[j].gap | t->items[j + 1].gap | t->items[j + 2].gap) &
	      (GAP_BREAK | GAP_STOP)) &&
	    (token_is(t, j + 2, kids_word, ARRAY_SIZE(kids_word)) ||
	     (j + 3 < t->count && token_is(t, j + 2, of_word, ARRAY_SIZE(of_word)) &&
	      token_is(t, j + 3, mine_word, ARRAY_SIZE(mine_word)))))
		return true;
	return j + 2 < t->count && token_is(t, j, for_with_at, ARRAY_SIZE(for_with_at)) &&
	       token_is(t, j + 1, my, ARRAY_SIZE(my)) &&
	       (token_is(t, j + 2, own_word, ARRAY_SIZE(own_word)) ||
		token_is(t, j + 2, own_child, ARRAY_SIZE(own_child)) || my_brood_at(t, j + 2)) &&
	       !((t->items[j].gap | t->items[j + 1].gap | t->items[j + 2].gap) &
		 (GAP_BREAK | GAP_STOP));
}

static const char *const child_others[] = {
	"friend", "friends", "mate", "mates", "pal", "pals", "best", "class", "classmate",
	"classmates", "teacher", "teachers", "school", "team",
};

/* Whether the writer's own child before token first is only the way to
 * someone else: "my son's friend disclosed", "a mum from my son's class
 * told me". */
static bool others_of_own_child(const struct tokens *t, size_t first)
{
	size_t i = my_child_before(t, first, false);
	return i + 3 < t->count && token_is(t, i + 3, child_others, ARRAY_SIZE(child_others));
}

/* Words between "I'm" and an insult that still say it of the writer: "I'm
 * such an idiot", "I am a complete muppet", "I'm a bit of a numpty". */
static const char *const self_filler[] = {
	"such", "a", "an", "so", "absolute", "complete", "total", "utter", "right", "proper",
	"bit", "of", "massive", "little", "just", "being", "the", "biggest", "daft", "silly",
};
static const char *const i_word[] = {"i"};
static const char *const m_am[] = {"m", "am", "was"};
static const char *const im[] = {"im"};
static const char *const copula[] = {"is", "s", "was"};
static const char *const elders[] = {
	"hubby", "toddler", "mum", "mam", "dad", "mother", "father", "nan", "grandad", "grandma",
};

/* Whether token i is "is", "'s" or "was" after "my husband", "our dog" and
 * the like, so that the insult after it is said of the writer's own family
 * or pet: "my husband is a useless cook", "my dog's such a nightmare".
 * Teasing one's own is no insult to a pupil, a parent or a colleague. */
static bool said_of_family(const struct tokens *t, size_t i)
{
	return i >= 2 && token_is(t, i, copula, ARRAY_SIZE(copula)) &&
	       (token_is(t, i - 1, family, ARRAY_SIZE(family)) ||
		token_is(t, i - 1, elders, ARRAY_SIZE(elders))) &&
	       token_is(t, i - 2, my, ARRAY_SIZE(my)) &&
	       !((t->items[i].gap | t->items[i - 1].gap) & (GAP_BREAK | GAP_STOP));
}

/* Whether the insult at token first is said by the writer of themselves
 * ("I'm such an idiot", "I was such a brat") or of their own family: a joke
 * against oneself insults nobody. */
static const char *const copula_word[] = {"is", "was", "are", "were"};

static bool said_of_self(const struct tokens *t, size_t first)
{
	if (said_of_family(t, first))
		return true; /* the phrase starts with "is": "[is a useless]" */
	size_t i = first, skipped = 0;
	while (i > 0 && skipped < 4 && token_is(t, i - 1, self_filler, ARRAY_SIZE(self_filler)) &&
	       !(t->items[i].gap & (GAP_BREAK | GAP_STOP))) {
		i--;
		skipped++;
	}
	if (starts_sentence(t, i))
		return false;
	/* not "my son's teacher is useless", where the 's is his */
	if (token_is(t, i - 1, im, ARRAY_SIZE(im)) ||
	    (said_of_family(t, i - 1) &&
	     !(possessive_s(t, i - 1) && i + 1 < t->count &&
	       token_is(t, i + 1, copula_word, ARRAY_SIZE(copula_word)))))
		return true;
	return i >= 2 && token_is(t, i - 1, m_am, ARRAY_SIZE(m_am)) &&
	       token_is(t, i - 2, i_word, ARRAY_SIZE(i_word)) &&
	       !(t->items[i - 1].gap & (GAP_BREAK | GAP_STOP));
}

static const char *const grown_up[] = {
	"mum", "mam", "dad", "mother", "father", "nan", "grandad", "grandma", "husband", "hubby",
	"wife", "partner", "sister", "brother", "cousin", "boyfriend", "girlfriend", "fiance",
	"fiancee", "aunt", "auntie", "uncle", "friend", "mate", "neighbour", "bestie", "mil",
	"friends", "neighbours", "sisters", "brothers", "cousins",
};
static const char *const pet[] = {
	"dog",	    "cat",	"puppy",     "kitten",	  "hamster",   "rabbit",    "horse",
	"pony",	    "tortoise", "budgie",    "parrot",	  "spaniel",   "labrador",  "collie",
	"terrier",  "cockapoo", "cavapoo",   "whippet",	  "greyhound", "pug",	    "retriever",
	"poodle",   "dachshund", "beagle",   "husky",	  "lurcher",   "staffie",   "goldfish",
	"gerbil",   "ferret",	"cockatiel", "hen",	  "chicken"};
/* what may stand between "my" and a grown-up: not "little", whose sister
 * may be a child */
static const char *const grown_up_adj[] = {"best", "oldest", "closest", "old", "dear",
					   "older", "elder", "big"};
static const char *const my_or_the[] = {"my", "our", "the"};
static const char *const young[] = {
	"son", "daughter", "kid", "kids", "lad", "girl", "boy", "baby", "child", "children",
	"niece", "nephew", "grandson", "granddaughter", "stepson", "stepdaughter",
};

static const char *const young_adj[] = {"little", "eldest", "youngest", "oldest", "baby",
					"teenage", "older", "younger"};

static const char *const clause_joiner[] = {"and", "but"};
static const char *const theirs[] = {
	"school", "work", "job", "office", "class", "boss", "head", "colleague", "colleagues",
	"manager", "team", "company", "nursery", "college", "pupils", "students", "staff",
};
static const char *const subject_verb[] = {"s", "has", "had", "is", "was", "got", "just", "been",
					   "and", "who", "recently", "finally"};

/* Whether token i is "and" or "but" opening a clause with a subject of its
 * own ("and her husband"), not going on with the one before ("and is
 * keeping"). */
static bool opens_clause(const struct tokens *t, size_t i)
{
	return i + 1 < t->count && token_is(t, i, clause_joiner, ARRAY_SIZE(clause_joiner)) &&
	       !token_is(t, i + 1, subject_verb, ARRAY_SIZE(subject_verb));
}

/* How far before a confidential term its subject may be: "my mum has just
 * been [diagnosed with]", "my best friend has just been diagnosed with type
 * 1 [diabetes]". */
#define OWN_REACH 9

/* Whether the term ending at token last is placed right after at a
 * workplace of the writer's own grown-up other than a school: "Restructure
 * [at my husband's work]", "redundancies [at my dad's firm]". */
static const char *const at_in[] = {"at", "in"};
static const char *const their_work[] = {"work", "job", "office", "company", "firm",
					 "place", "factory", "warehouse", "shop", "hospital"};

static bool at_own_grown_ups_work(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	if (j + 3 >= t->count)
		return false;
	for (size_t k = j; k <= j + 3; k++)
		if (t->items[k].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
			return false;
	return token_is(t, j, at_in, ARRAY_SIZE(at_in)) && token_is(t, j + 1, my, ARRAY_SIZE(my)) &&
	       token_is(t, j + 2, grown_up, ARRAY_SIZE(grown_up)) && possessive_s(t, j + 3) &&
	       j + 4 < t->count && !(t->items[j + 4].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)) &&
	       token_is(t, j + 4, their_work, ARRAY_SIZE(their_work));
}

/* Whether the confidential term at token first is said of a grown-up of the
 * writer's own ("my mum has been diagnosed with", "my brother's on a
 * suicide watch") or of a pet ("the dog's been diagnosed with"): their own
 * news, not a confidence of their school. Not of a child ("my son", "my
 * friend's daughter", "my neighbour's 15 year old"), whose welfare is the
 * policy's, nor of their workplace ("my friend's school"), nor past a
 * comma, the end of a sentence or a new clause with its own subject. */
static bool of_own_grown_up(const struct tokens *t, size_t first)
{
	/* the nearest clause opened between the subject and the term
	 * (opens_clause), or 0 for none */
	size_t joiner = opens_clause(t, first) ? first : 0; /* "[and she doesn't know]" */
	/* not across a comma: "my brother's been arrested, don't say
	 * anything to mum" asks for secrecy whoever the news is of */
	for (size_t i = first, n = 0; i > 0 && n < OWN_REACH; n++) {
		if (t->items[i].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
			return false;
		i--;
		if (starts_sentence(t, i))
			continue;
		if (!joiner && opens_clause(t, i))
			joiner = i;
		/* "the dog's been diagnosed with arthritis": a pet's news */
		if (token_is(t, i, pet, ARRAY_SIZE(pet)) &&
		    token_is(t, i - 1, my_or_the, ARRAY_SIZE(my_or_the)))
			return i + 1 < first &&
			       token_is(t, i + 1, subject_verb, ARRAY_SIZE(subject_verb));
		/* "my mum", "my best friend", "my older brother" */
		if (!token_is(t, i, grown_up, ARRAY_SIZE(grown_up)) ||
		    !(token_is(t, i - 1, my, ARRAY_SIZE(my)) ||
		      (i >= 2 && token_is(t, i - 1, grown_up_adj, ARRAY_SIZE(grown_up_adj)) &&
		       token_is(t, i - 2, my, ARRAY_SIZE(my)) && !starts_sentence(t, i - 1))))
			continue;
		/* past another clause, it is someone else's news ("my friend is
		 * in a crisis and her husband [has no idea]"), unless the two
		 * are one subject ("my mum and dad have been") */
		if (joiner && joiner != i + 1)
			return false;
		/* "my friends daughter", the apostrophe lost: the child's */
		if (i + 1 < first && token_is(t, i + 1, young, ARRAY_SIZE(young)))
			return false;
		size_t y = i + 2;
		if (y + 1 < first && token_is(t, y, young_adj, ARRAY_SIZE(young_adj)))
			y++; /* "my sister's little boy" */
		if (y < first && possessive_s(t, i + 1) &&
		    (token_is(t, y, young, ARRAY_SIZE(young)) || (t->items[y].flags & TOKEN_HAS_DIGIT)))
			return false;
		/* nor of their workplace: "my friend's school is about to be put
		 * in special measures" (their husband's news is still theirs) */
		if (i + 2 < first && possessive_s(t, i + 1) &&
		    token_is(t, i + 2, theirs, ARRAY_SIZE(theirs)))
			return false;
		/* the grown-up is the subject ("my mum has", "my brother's on",
		 * "my sister [is off sick again]", "my friend [lost her dad]"),
		 * not the one kept in the dark ("keeping it from our mum") */
		return i + 1 == first ||
		       (i + 1 < first && token_is(t, i + 1, subject_verb, ARRAY_SIZE(subject_verb)));
	}
	return false;
}

static const char *const my_only[] = {"my"};
static const char *const health_word[] = {
	"autism", "adhd", "dyslexia", "dyspraxia", "surgery", "operation", "therapy", "therapist",
	"counselling", "counsellor", "meds", "medication", "chemo", "chemotherapy", "anxiety",
	"depression", "diagnosis", "assessment", "cancer", "treatment", "hospital", "miscarriage",
	"ivf", "breakdown", "scan", "biopsy", "tumour", "panic",
};

/* Words that end the walk back to "my": a person ("my kids with autism",
 * "my son's autism") or a word joining one ("one of my pupils with"). */
static const char *const not_own[] = {
	"with", "of", "for", "about", "to", "in", "on", "at", "and", "the", "a",
	"an", "kids", "kid", "boy", "boys", "girl", "girls", "child", "children",
	"pupil", "pupils", "student", "students", "class", "lad", "lads", "lass",
	"little", "one", "ones", "friend", "friends", "mate", "mates",
};

/* Whether the confidential term at token first is the writer's own health
 * ("my autism assessment is next month", "my chemo", "my breast cancer
 * diagnosis": up to two words between, none of them a person's): theirs to
 * tell. Not a process of work about it ("a return to work meeting with HR
 * after my breakdown" is confidential as any HR matter is), nor someone
 * else's ("my son's autism diagnosis", "one of my kids with autism"). */
static bool own_health(const struct tokens *t, size_t first)
{
	if (!token_is(t, first, health_word, ARRAY_SIZE(health_word)))
		return false;
	for (size_t j = first, n = 0; j > 0 && n < 3; n++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
		j--;
		if (token_is(t, j, my_only, ARRAY_SIZE(my_only)))
			return true;
		if (clitic(t, j, 's') || token_is(t, j, family, ARRAY_SIZE(family)) ||
		    token_is(t, j, not_own, ARRAY_SIZE(not_own)))
			return false;
	}
	return false;
}

/* Whether the confidential term at token first is the writer's own
 * diagnosis: "I was diagnosed with breast cancer", "I've just been
 * diagnosed with [ADHD]", or, the "I" left out, "Diagnosed with ADHD at
 * 38", "Just been diagnosed with epilepsy myself" (a grown-up's age or
 * "myself" after it says whose). Theirs to tell, as own_health. */
static const char *const diagnosed_word[] = {"diagnosed"};
static const char *const diagnosis_aux[] = {"just", "recently", "finally", "officially", "formally",
					    "been", "being", "was", "got", "have", "ve", "had",
					    "m", "am", "now", "also", "only", "eventually"};
static const char *const myself_word[] = {"myself"};
enum { DIAGNOSIS_REACH = 5, GROWN_UP_AGE = 18 };

static bool own_diagnosis(const struct tokens *t, size_t first)
{
	/* "diagnosed" is the term or a few words before it, in its sentence */
	size_t d = first;
	for (size_t n = 0; !token_is(t, d, diagnosed_word, 1); n++) {
		if (n == DIAGNOSIS_REACH || starts_sentence(t, d) ||
		    (t->items[d].gap & GAP_OTHER))
			return false;
		d--;
	}
	size_t j = d;
	while (!starts_sentence(t, j) && token_is(t, j - 1, diagnosis_aux, ARRAY_SIZE(diagnosis_aux)))
		j--;
	if (!starts_sentence(t, j))
		return token_is(t, j - 1, i_word, ARRAY_SIZE(i_word)) &&
		       !(t->items[j].gap & (GAP_OTHER | GAP_BREAK | GAP_STOP));
	/* the "I" left out: "myself" or "at 38" must say it is the writer */
	for (size_t k = d + 1; k < t->count && k <= d + 8 && !starts_sentence(t, k); k++) {
		if (token_is(t, k, myself_word, 1))
			return true;
		const struct token *tok = &t->items[k];
		const char *w = token_text(t, tok);
		if (token_is(t, k - 1, at_word, 1) && tok->norm_len == 2 && isdigit((unsigned char)w[0]) &&
		    isdigit((unsigned char)w[1]) && (w[0] - '0') * 10 + (w[1] - '0') >= GROWN_UP_AGE)
			return true;
	}
	return false;
}

static const char *const that_word[] = {"that"};
static const char *const me_word[] = {"me"};

/* ... or after it, as people say it of themselves, "I am" or "me" ending
 * the clause: "absolute muppet I am, left my keys", "idiot that I am",
 * "absolute wally me, locked my keys in". Not "you're an idiot I'm
 * telling you". */
static bool said_of_self_after(const struct tokens *t, size_t last)
{
	size_t i = last + 1;
	if (i < t->count && t->items[i].gap == GAP_SPACE && token_is(t, i, me_word, 1) &&
	    (i + 1 == t->count || (t->items[i + 1].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))))
		return true;
	if (i < t->count && token_is(t, i, that_word, ARRAY_SIZE(that_word)) &&
	    !(t->items[i].gap & (GAP_BREAK | GAP_STOP)))
		i++;
	if (i + 1 >= t->count || (t->items[i].gap & (GAP_BREAK | GAP_STOP)) ||
	    !token_is(t, i, i_word, ARRAY_SIZE(i_word)) ||
	    !(t->items[i + 1].gap & GAP_SPACE) || t->items[i + 1].norm_len != 2 ||
	    !token_is(t, i + 1, m_am, ARRAY_SIZE(m_am)))
		return false;
	return i + 2 >= t->count || (t->items[i + 2].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER));
}

/* Whether the insult ending at token last is taken back with love in the
 * same sentence: "my personal trainer is a sadist and I love her", "a
 * know-it-all but we love him really". (Not in a post about school: a
 * pupil called a lazy sod fondly is still called one.) */
static const char *const love_word[] = {"love", "adore"};
static const char *const i_we[] = {"i", "we"};
static const char *const loved_one[] = {"him", "her", "them", "you", "it"};
enum { FOND_REACH = 6 };

static bool said_fondly(const struct tokens *t, size_t last)
{
	for (size_t j = last + 1, n = 0; j + 1 < t->count && n < FOND_REACH; j++, n++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (j > 0 && token_is(t, j, love_word, ARRAY_SIZE(love_word)) &&
		    token_is(t, j - 1, i_we, ARRAY_SIZE(i_we)) &&
		    token_is(t, j + 1, loved_one, ARRAY_SIZE(loved_one)))
			return true;
	}
	return false;
}

static const char *const a_an[] = {"a", "an"};
static const char *const negation[] = {"not", "never", "isnt", "arent", "wasnt", "werent"};
static const char *const call_word[] = {"call", "calls", "called", "calling"};
static const char *const like_word[] = {"like"};

static const char *const be_word[] = {"am", "are", "is", "was", "were", "be", "been",
				       "m", "re", "s", "isn", "aren", "wasn", "weren", "ain"};
static const char *const swear_start[] = {"shit", "crap", "piss", "bollock", "bull", "arse",
					  "ass", "bugger", "bloody", "fuck", "wank", "twat"};

/* Whether the token after "not" is denied as a quality: "you are not
 * dumb", "he isn't stupid", "I'm never rude". Not swearing ("it's not shit"
 * is still a swear word in a public post). */
static bool denied_quality(const struct tokens *t, size_t first)
{
	if (first < 2 || ((t->items[first].gap | t->items[first - 1].gap) & (GAP_BREAK | GAP_STOP)))
		return false;
	/* "isn't", "aren't": the be-word ends in n before the "t" */
	bool nt = clitic(t, first - 1, 't');
	if (!nt && !token_is(t, first - 1, negation, ARRAY_SIZE(negation)))
		return false;
	/* "not" and "never" need the be-word before them; "isnt" has it */
	static const char *const not_alone[] = {"not", "never"};
	if ((nt || token_is(t, first - 1, not_alone, ARRAY_SIZE(not_alone))) &&
	    !token_is(t, first - 2, be_word, ARRAY_SIZE(be_word)))
		return false;
	const struct token *tok = &t->items[first];
	const char *w = t->norm + tok->norm;
	for (size_t k = 0; k < ARRAY_SIZE(swear_start); k++) {
		size_t n = strlen(swear_start[k]);
		if (tok->norm_len >= n && memcmp(w, swear_start[k], n) == 0)
			return false;
	}
	return !(first + 1 < t->count && token_is(t, first + 1, like_word, ARRAY_SIZE(like_word)));
}

static const char *const to_or_modal[] = {"to", "will", "would", "could", "can", "may",
					  "might", "must", "should", "shall", "ll", "d"};
static const char *const verb_object[] = {
	"the", "this", "that", "these", "those", "a", "an", "our", "your", "his", "her",
	"their", "my", "its", "us", "you", "him", "them", "me", "it", "everyone", "people",
};

/* Whether the word at token first is a verb: after "to" or a modal and
 * before its object, "tried to cripple this nation", "it will fool
 * nobody". An insult is never the word there. */
static bool used_as_verb(const struct tokens *t, size_t first)
{
	return first >= 1 && first + 1 < t->count &&
	       !((t->items[first].gap | t->items[first + 1].gap) & (GAP_BREAK | GAP_STOP)) &&
	       token_is(t, first - 1, to_or_modal, ARRAY_SIZE(to_or_modal)) &&
	       token_is(t, first + 1, verb_object, ARRAY_SIZE(verb_object));
}

/* Whether the insult at token first is denied or reported, not said: "he
 * is not a liar", "she isn't an idiot", "a parent called me a liar",
 * "calling someone a liar is childish". Only after "a" or "an", so that
 * swearing ("not fucking fair") and "don't be an idiot" still count, and
 * not before "like": "he's not a coward like you" insults you. Also what
 * someone calls the writer, with no "a": "calls me her little toerag";
 * and a quality denied after a be-word (denied_quality). */
static bool denied_or_reported(const struct tokens *t, size_t first)
{
	if (denied_quality(t, first))
		return true;
	/* "calls me her little toerag": what someone calls the writer */
	for (size_t j = first; j >= 2 && first - j < 4; j--) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			break;
		if (token_is(t, j - 1, me_word, ARRAY_SIZE(me_word)) &&
		    token_is(t, j - 2, call_word, ARRAY_SIZE(call_word)))
			return true;
	}
	if (first < 2 || !token_is(t, first - 1, a_an, ARRAY_SIZE(a_an)) ||
	    (first + 1 < t->count && token_is(t, first + 1, like_word, ARRAY_SIZE(like_word))) ||
	    (t->items[first].gap & (GAP_BREAK | GAP_STOP)) ||
	    (t->items[first - 1].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	size_t i = first - 2;
	if (token_is(t, i, negation, ARRAY_SIZE(negation)) || clitic(t, i, 't'))
		return true;
	/* called [me | him | the woman] a */
	for (size_t back = 0; back <= 2 && back <= first - 2; back++) {
		size_t j = first - 2 - back;
		if (token_is(t, j, call_word, ARRAY_SIZE(call_word)))
			return true;
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
	}
	return false;
}

static const char *const claim_word[] = {
	"saying", "said", "says", "claiming", "claimed", "claims", "insisting", "insisted",
	"insists", "assumed", "assuming", "decided",
};

static const char *const one_person[] = {"he", "she", "him", "her", "his"};

/* Whether what starts at token first is someone's claim the writer
 * reports about one person: "they kept saying he was just naughty", "the
 * school claimed she was just lazy". A word of saying at most three words
 * before, with no break between, and "he" or "she" after it: a claim
 * about a whole group ("a colleague said girls just aren't wired for
 * physics") is the prejudice itself, reported. */
static bool reported_claim(const struct tokens *t, size_t first)
{
	for (size_t back = 1; back <= 3 && back <= first; back++) {
		if (t->items[first - back + 1].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (token_is(t, first - back, claim_word, ARRAY_SIZE(claim_word))) {
			for (size_t j = first - back + 1; j <= first; j++)
				if (token_is(t, j, one_person, ARRAY_SIZE(one_person)))
					return true;
			return false;
		}
	}
	return false;
}

static const char *const media_word[] = {
	"documentary", "documentaries", "programme", "programmes", "program", "film", "films",
	"book", "books", "novel", "article", "articles", "podcast", "episode", "series", "drama",
	"lecture", "webinar", "course", "training", "module", "essay", "dissertation",
	"research", "reading", "learning", "watched", "watching", "thread", "campaign", "awareness",
	"show", "sitcom", "movie", "soap",
};
static const char *const about_word[] = {"about", "on", "into"};
static const char *const in_word[] = {"in"};
static const char *const this_that[] = {"that", "the", "this", "a"};

/* Whether the phrase ending at token last is someone in a story: "the
 * headteacher in that Netflix drama", "the deputy head in the film". */
static bool in_a_story(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	if (j + 2 >= t->count || !token_is(t, j, in_word, ARRAY_SIZE(in_word)) ||
	    !token_is(t, j + 1, this_that, ARRAY_SIZE(this_that)))
		return false;
	for (size_t m = j + 2; m <= j + 3 && m < t->count; m++) {
		if (t->items[m].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (token_is(t, m, media_word, ARRAY_SIZE(media_word)))
			return true;
	}
	return false;
}

/* The writer's own here and now: a post with these is about their school,
 * however general its words ("Governors are talking about cutting two
 * posts, nobody knows yet", "the new rota"). */
static const char *const here_and_now[] = {
	"i", "me", "my", "mine", "we", "our", "ours", "us", "myself", "ourselves", "im", "ive",
	"today", "tonight", "tomorrow", "yesterday", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "weekend", "morning", "afternoon", "next",
	"yet", "ago", "new", "here", "again",
};
static const char *const article_word[] = {"a", "an", "the"};
static const char *const about_only[] = {"about"};
static const char *const story_break[] = {
	"and", "then", "but", "so", "because", "when", "while", "if",
};
/* how far, in words, a story's subject runs after "a series about" */
enum { STORY_REACH = 8 };

/* Whether the confidential term at token first is the topic of something
 * read, watched or taught ("a documentary about forced marriage", "training
 * on FGM"), not a case at the writer's school. */
static bool topic_of(const struct tokens *t, size_t first)
{
	size_t i = first;
	if (i > 0 && token_is(t, i - 1, article_word, ARRAY_SIZE(article_word)) &&
	    !(t->items[i].gap & (GAP_BREAK | GAP_STOP)))
		i--;
	if (i >= 2 && token_is(t, i - 1, about_word, ARRAY_SIZE(about_word)) &&
	    token_is(t, i - 2, media_word, ARRAY_SIZE(media_word)) &&
	    !((t->items[i].gap | t->items[i - 1].gap) & (GAP_BREAK | GAP_STOP)))
		return true;
	/* further into what the story is about: "a series about a teacher
	 * who goes to prison", not "a film about it and then my Year 9" */
	for (size_t j = first; j >= 2 && first - j < STORY_REACH; j--) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
			return false;
		if (token_is(t, j - 1, here_and_now, ARRAY_SIZE(here_and_now)) ||
		    token_is(t, j - 1, story_break, ARRAY_SIZE(story_break)))
			return false;
		if (token_is(t, j - 1, about_only, 1) &&
		    token_is(t, j - 2, media_word, ARRAY_SIZE(media_word)))
			return true;
	}
	return false;
}

static const char *const topic_word[] = {
	"education", "awareness", "training", "lesson", "lessons", "workshop", "workshops",
	"policy", "policies", "campaign", "charity", "course", "courses", "talk", "talks",
	"audit", "audits", "refresher", "refreshers",
};

/* Whether the confidential term at tokens [first, last] names what is
 * taught or campaigned for ("knife crime education", "FGM awareness",
 * "exclusions policy"), not a case at the writer's school. */
static bool topic_after(const struct tokens *t, size_t last)
{
	return last + 1 < t->count && token_is(t, last + 1, topic_word, ARRAY_SIZE(topic_word)) &&
	       !(t->items[last + 1].gap & ~GAP_SPACE);
}

static const char *const church_word[] = {"church", "cathedral", "chapel", "parish",
					  "churchyard", "vicarage", "day"};
static const char *const church_school[] = {"of", "school", "primary", "academy"};

/* Whether the school's name at tokens [first, last] names the church it is
 * called after, or its saint's day: "St Aidan's church bells" is the
 * parish and "St Aidan's Day on 31 August" the feast, but "St Aidan's
 * Church School" and "St Aidan's Church of England Primary" the school. */
static bool names_church(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	if (j >= t->count || (t->items[j].gap & (GAP_BREAK | GAP_STOP)) ||
	    !token_is(t, j, church_word, ARRAY_SIZE(church_word)))
		return false;
	return j + 1 >= t->count || (t->items[j + 1].gap & (GAP_BREAK | GAP_STOP)) ||
	       !token_is(t, j + 1, church_school, ARRAY_SIZE(church_school));
}

struct text_shape {
	bool shouting;  /* mostly ALL CAPS: capitals say nothing */
	bool title_case; /* Mostly Capitalised Words: capitals say little */
	bool lower;	 /* no capital at all: nor does their absence */
};

static struct text_shape shape_of(const struct tokens *t)
{
	size_t letters = 0, upper = 0, caps = 0;
	for (size_t i = 0; i < t->count; i++) {
		const struct token *tok = &t->items[i];
		if (!(tok->flags & TOKEN_HAS_LETTER))
			continue;
		letters++;
		upper += (tok->flags & TOKEN_ALL_UPPER) != 0;
		caps += (tok->flags & TOKEN_UPPER_FIRST) != 0;
	}
	struct text_shape s = {
		.shouting = letters >= 3 && upper * 10 >= letters * 6,
		.title_case = letters >= 4 && caps * 10 >= letters * 6,
		.lower = letters >= 4 && caps == 0 && upper == 0,
	};
	return s;
}

/* A capitalised word no list knows, right next to a lone forename or
 * surname, means another person: Harry Styles, Tina Turner. */
static bool someone_else(const struct classifier *c, const struct payload *p,
			 const struct candidate *k, struct text_shape shape)
{
	const struct tokens *t = &c->tokens;
	if (shape.shouting || shape.title_case)
		return false;
	size_t other;
	if (p->kind == KIND_FORENAME) {
		other = k->last + 1;
		if (other >= t->count || t->items[other].gap != GAP_SPACE)
			return false;
	} else {
		if (k->first == 0 || t->items[k->first].gap != GAP_SPACE)
			return false;
		other = k->first - 1;
		if (t->items[other].gap & (GAP_START | GAP_BREAK | GAP_STOP))
			return false; /* a capital that only starts a sentence */
		if (token_is(t, other, titles, ARRAY_SIZE(titles)))
			return false;
	}
	const struct token *o = &t->items[other];
	if (!(o->flags & TOKEN_UPPER_FIRST) || (o->flags & TOKEN_ALL_UPPER) ||
	    !(o->flags & TOKEN_HAS_LETTER) || o->norm_len < 2)
		return false;
	/* the whole word, where capitals split it ("McCool" is "Mc" "Cool";
	 * "Mc" alone starts a roster's McAllister) */
	uint32_t node = MATCH_ROOT;
	for (size_t i = other; node != MATCH_NO_NODE; i++) {
		node = c->ids[i] == MATCH_NO_TOKEN ? MATCH_NO_NODE
						   : match_dict_step(c->dict, node, c->ids[i]);
		if (p->kind != KIND_FORENAME || i + 1 >= t->count || t->items[i + 1].gap != GAP_NONE)
			break;
	}
	return node == MATCH_NO_NODE;
}

static const char *const name_word[] = {"name", "names"};
static const char *const is_word[] = {"is", "s", "was"};
static const char *const a_such[] = {"a", "an", "such"};

/* Whether a word of list comes among tokens i + 1 to i + reach, before a
 * break, a full stop or other punctuation. */
static bool word_within(const struct tokens *t, size_t i, size_t reach, const char *const *list,
			size_t n)
{
	for (size_t j = i + 1; j < t->count && j <= i + reach; j++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
			return false;
		if (token_is(t, j, list, n))
			return true;
	}
	return false;
}

/* Whether the name at tokens [first, last] is talked of as a name, not as
 * someone: "Finn is such a lovely name", "Kacper is a popular name in
 * Poland", "the name Niamh", "names like Finn". */
static bool said_as_a_name(const struct tokens *t, size_t first, size_t last)
{
	if (first > 0 && token_is(t, first - 1, name_word, ARRAY_SIZE(name_word)) &&
	    !(t->items[first].gap & (GAP_BREAK | GAP_STOP)))
		return true;
	if (first > 1 && token_is(t, first - 1, like_word, ARRAY_SIZE(like_word)) &&
	    token_is(t, first - 2, name_word, ARRAY_SIZE(name_word)) &&
	    !((t->items[first].gap | t->items[first - 1].gap) & (GAP_BREAK | GAP_STOP)))
		return true;
	size_t i = last + 1;
	if (i >= t->count || !token_is(t, i, is_word, ARRAY_SIZE(is_word)))
		return false;
	/* "Finn's a lovely name", not "Finn's name was read out" */
	if (possessive_s(t, i) &&
	    (i + 1 >= t->count || !token_is(t, i + 1, a_such, ARRAY_SIZE(a_such))))
		return false;
	return word_within(t, i, 5, name_word, ARRAY_SIZE(name_word));
}

static const char *const from_word[] = {"from"};
static const char *const the_word[] = {"the"};

static const char *const and_word[] = {"and", "&"};
static const char *const adult_event[] = {"wedding", "engagement", "hen", "stag", "retirement"};
static const char *const business[] = {"deli", "shop", "cafe", "salon", "barbers",
				       "restaurant", "takeaway", "garage", "pub", "bakery",
				       "chippy", "bar", "bistro", "kitchen", "butchers"};
static const char *const grown_up_place[] = {
	"allotment", "allotments", "gym", "work", "office", "bank", "golf", "parkrun", "council",
	"job", "uni", "university", "club", "choir", "church", "mosque", "temple", "synagogue",
	/* a department of a grown-up's workplace: "Priya from accounts" */
	"accounts", "payroll", "hr", "finance", "marketing", "sales", "legal",
};
static const char *const my_old[] = {"my", "our", "old"};
static const char *const crew[] = {"and", "the", "team", "lads", "guys", "girls", "everyone"};
static const char *const on_word[] = {"on"};
static const char *const childs_event[] = {"first",	"graduation", "school",
					   "nativity", "sports",     "ballet",
					   "swimming", "birthday",   "christening"};
static const char *const teacher_class[] = {"teacher", "class"};
static const char *const childs_teacher[] = {"teacher", "teachers"};
static const char *const his_her_one[] = {"his", "her"};
static const char *const teacher_reports[] = {"says", "said", "thinks", "reckons", "told",
					      "rang", "called", "emailed", "messaged"};
static const char *const school_caller[] = {"nurse", "office", "receptionist"};
static const char *const rang_word[] = {"rang", "rung", "called", "phoned", "rings", "calls"};
static const char *const grounded_word[] = {"grounded"};
static const char *const is_was[] = {"is", "was"};
static const char *const parent_self[] = {"parent", "parenting", "mum", "dad"};
static const char *const parent_heading[] = {"tip", "tips", "hack", "hacks", "win", "fail"};

static const char *const parents_word[] = {"parents"};
static const char *const evening_word[] = {"evening"};
static const char *const new_word[] = {"new"};
static const char *const adult_news[] = {"role", "job", "promotion", "appointment", "retirement",
					 "engagement", "wedding", "marriage", "post", "business"};
static const char *const proposed_word[] = {"proposed"};
static const char *const proposed_where[] = {"to", "on", "at", "in",
					     "last", "today", "tonight", "yesterday"};
static const char *const spouse[] = {"husband", "wife", "partner", "fiance", "fiancee",
				     "boyfriend", "girlfriend", "hubby"};
static const char *const trade[] = {"hairdresser", "barber", "plumber", "electrician",
				    "mechanic", "builder", "joiner", "dentist", "physio",
				    "nurse", "doctor", "vet", "baker", "butcher", "florist",
				    "photographer", "driver", "cleaner", "landlord", "landlady",
				    "postman", "postwoman", "postie"};
static const char *const next_word[] = {"next"};
static const char *const door_word[] = {"door"};
static const char *const pets[] = {"dogs", "cats", "puppies", "kittens", "hamsters",
				   "rabbits", "horses", "ponies", "tortoises", "budgies", "hens"};
static const char *const pet_count[] = {"two", "three", "new", "little", "lovely"};

static const char *const i_me[] = {"i", "me"};

/* Whether the name at tokens [first, last] is with the writer: "Finn and
 * I", "Finn and me", "me and Finn". */
static bool with_the_writer(const struct tokens *t, size_t first, size_t last)
{
	if (last + 2 < t->count && t->items[last + 1].gap == GAP_SPACE &&
	    t->items[last + 2].gap == GAP_SPACE &&
	    token_is(t, last + 1, and_word, ARRAY_SIZE(and_word)) &&
	    token_is(t, last + 2, i_me, ARRAY_SIZE(i_me)))
		return true;
	return first > 1 && t->items[first].gap == GAP_SPACE &&
	       t->items[first - 1].gap == GAP_SPACE &&
	       token_is(t, first - 1, and_word, ARRAY_SIZE(and_word)) &&
	       token_is(t, first - 2, me_word, ARRAY_SIZE(me_word));
}

/* Whether tokens from j place a grown-up: "from", or "at" after "and the
 * team", then a place only grown-ups have ("Kacper from the bakery",
 * "Grace and Finn from the allotment", "Amara from work", "Aisha from my
 * old job", "Kacper and the team at the garage"). */
/* Whether tokens j.. are "at number 42", "at no. 7" or "next door": a
 * house on the writer's street. */
static const char *const number_word[] = {"number", "no"};

static bool at_house_number(const struct tokens *t, size_t j)
{
	if (j + 1 < t->count && t->items[j].gap == GAP_SPACE &&
	    token_is(t, j, next_word, ARRAY_SIZE(next_word)) && t->items[j + 1].gap == GAP_SPACE &&
	    token_is(t, j + 1, door_word, ARRAY_SIZE(door_word)))
		return true;
	return j + 2 < t->count && t->items[j].gap == GAP_SPACE &&
	       token_is(t, j, at_word, ARRAY_SIZE(at_word)) && t->items[j + 1].gap == GAP_SPACE &&
	       token_is(t, j + 1, number_word, ARRAY_SIZE(number_word)) &&
	       (t->items[j + 2].flags & TOKEN_HAS_DIGIT) && !(t->items[j + 2].gap & GAP_STOP);
}

static bool at_grown_up_place(const struct tokens *t, size_t j)
{
	size_t n = 0;
	while (n < 3 && j < t->count && t->items[j].gap == GAP_SPACE &&
	       token_is(t, j, crew, ARRAY_SIZE(crew))) {
		j++;
		n++;
	}
	/* "at" only after a crew: "Kacper at the cafe" may be a pupil seen
	 * there */
	if (j + 1 >= t->count || t->items[j].gap != GAP_SPACE ||
	    !(token_is(t, j, from_word, ARRAY_SIZE(from_word)) ||
	      (n > 0 && token_is(t, j, at_word, ARRAY_SIZE(at_word)))))
		return false;
	size_t b = j + 1;
	if (token_is(t, b, the_word, ARRAY_SIZE(the_word)) && b + 1 < t->count &&
	    t->items[b + 1].gap == GAP_SPACE)
		b++;
	/* "from my old job" */
	for (size_t m = 0; m < 2 && b + 1 < t->count && t->items[b + 1].gap == GAP_SPACE &&
			   token_is(t, b, my_old, ARRAY_SIZE(my_old));
	     m++)
		b++;
	/* "from the union office": one word may name the place */
	for (size_t m = 0; m < 2 && b < t->count && t->items[b].gap == GAP_SPACE; m++, b++)
		if (token_is(t, b, business, ARRAY_SIZE(business)) ||
		    token_is(t, b, grown_up_place, ARRAY_SIZE(grown_up_place)))
			return true;
	return false;
}

/* Whether the forename ending at token last, or it and one more ("Aisha
 * and Yusuf"), is a grown-up or a pet by what follows: "Ethan and Priya's
 * wedding", "Aisha and Yusuf next door", "Finn the dog", "Kacper's deli",
 * "Amara and her husband", "Oscar and Finn, our two cats", "Kacper from the
 * bakery". */
/* "a lovely woman called Priya", "a bloke named Finn": a grown-up named */
static const char *const grown_up_noun[] = {"woman", "women", "man",     "men",   "lady",
					    "ladies", "bloke",  "guy",     "chap",  "gentleman",
					    "fella",  "mum",    "dad",     "husband", "wife"};
static const char *const called_word[] = {"called", "named"};

static bool named_grown_up(const struct tokens *t, size_t first)
{
	return first >= 2 && !((t->items[first].gap | t->items[first - 1].gap) &
			       (GAP_BREAK | GAP_STOP | GAP_OTHER)) &&
	       token_is(t, first - 1, called_word, ARRAY_SIZE(called_word)) &&
	       token_is(t, first - 2, grown_up_noun, ARRAY_SIZE(grown_up_noun));
}

/* "Lily-Mae, my friend's newborn", "Finn, our neighbour's boy": the
 * writer says who the name is, and it is not a pupil */
static const char *const relation_after[] = {"friend", "friends", "neighbour", "neighbours",
					     "newborn", "goddaughter", "godson"};
enum { RELATION_REACH = 3 };

static bool named_as_own_circle(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	/* "Lily-Mae, my friend's newborn", "Eliza my goddaughter" */
	if (j + 1 >= t->count || !(t->items[j].gap & (GAP_OTHER | GAP_SPACE)) ||
	    (t->items[j].gap & (GAP_BREAK | GAP_STOP)) || !token_is(t, j, my, ARRAY_SIZE(my)))
		return false;
	for (size_t k = j + 1; k < t->count && k <= j + RELATION_REACH; k++) {
		if (t->items[k].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
			return false;
		if (token_is(t, k, family, ARRAY_SIZE(family)) ||
		    token_is(t, k, relation_after, ARRAY_SIZE(relation_after)))
			return true;
	}
	return false;
}

/* Whether a business starts at token b, after a name's "'s": "deli",
 * "Polish deli", "sweet shop". */
static bool business_at(const struct tokens *t, size_t b)
{
	return token_is(t, b, business, ARRAY_SIZE(business)) ||
	       (b + 1 < t->count && t->items[b + 1].gap == GAP_SPACE &&
		token_is(t, b + 1, business, ARRAY_SIZE(business)));
}

/* "my friend Priya", "my lovely friend Priya", "our neighbour Finn": the
 * writer says who the name is before it, with at most one word between
 * "my" and the relation */
static const char *const relation_before[] = {"friend",	    "mate",   "bestie", "pal",
					      "neighbour",  "colleague", "goddaughter", "godson"};

/* "my friend's little boy Leo", "our neighbour's girl Ivy": a child of the
 * writer's own circle, named after the noun for a child */
static const char *const child_noun[] = {"boy", "girl", "lad", "lass", "boys", "girls"};
static const char *const child_adjective[] = {"little", "youngest", "eldest", "oldest",
					      "middle", "baby", "gorgeous", "lovely"};

static bool named_as_circles_child(const struct tokens *t, size_t first)
{
	if (first < 4 || t->items[first].gap != GAP_SPACE ||
	    t->items[first - 1].gap != GAP_SPACE ||
	    !token_is(t, first - 1, child_noun, ARRAY_SIZE(child_noun)))
		return false;
	size_t b = first - 2;
	if (b > 0 && t->items[b + 1].gap == GAP_SPACE &&
	    token_is(t, b, child_adjective, ARRAY_SIZE(child_adjective)))
		b--;
	return b >= 2 && possessive_s(t, b) && t->items[b - 1].gap == GAP_SPACE &&
	       (token_is(t, b - 1, relation_before, ARRAY_SIZE(relation_before)) ||
		token_is(t, b - 1, family, ARRAY_SIZE(family))) &&
	       token_is(t, b - 2, my, ARRAY_SIZE(my));
}

static bool named_after_relation(const struct tokens *t, size_t first)
{
	if (named_as_circles_child(t, first))
		return true;
	if (first < 2 || t->items[first].gap != GAP_SPACE ||
	    !token_is(t, first - 1, relation_before, ARRAY_SIZE(relation_before)) ||
	    t->items[first - 1].gap != GAP_SPACE)
		return false;
	if (token_is(t, first - 2, my, ARRAY_SIZE(my)))
		return true;
	return first >= 3 && t->items[first - 2].gap == GAP_SPACE &&
	       token_is(t, first - 3, my, ARRAY_SIZE(my));
}

/* "Little Lily-Mae from church": a child, whatever place follows */
static const char *const young_word[] = {"little", "young"};

static bool said_as_a_child(const struct tokens *t, size_t first)
{
	return first > 0 && t->items[first].gap == GAP_SPACE &&
	       token_is(t, first - 1, young_word, ARRAY_SIZE(young_word));
}

/* Whether token a is an article and a word of list is among the reach
 * words after it: a trade ("the best hairdresser", "the kindest
 * postman") or a business ("a beautiful restaurant"). */
static bool listed_after(const struct tokens *t, size_t a, size_t reach,
			 const char *const *list, size_t n)
{
	if (!token_is(t, a, article_word, ARRAY_SIZE(article_word)))
		return false;
	for (size_t b = a + 1; b <= a + reach && b < t->count && t->items[b].gap == GAP_SPACE; b++)
		if (token_is(t, b, list, n))
			return true;
	return false;
}

static bool trade_after(const struct tokens *t, size_t a, size_t reach)
{
	return listed_after(t, a, reach, trade, ARRAY_SIZE(trade));
}

static bool business_after(const struct tokens *t, size_t a, size_t reach)
{
	return listed_after(t, a, reach, business, ARRAY_SIZE(business));
}

/* Whether token j is "is" (or "was") with a word after it: what the name
 * before it is said to be follows ("Gareth is the kindest postman") */
static bool said_is(const struct tokens *t, size_t j)
{
	return j + 1 < t->count && token_is(t, j, is_word, ARRAY_SIZE(is_word)) &&
	       t->items[j + 1].gap == GAP_SPACE;
}

static bool grown_up_or_pet(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	/* "Amara and her husband" */
	if (j + 2 < t->count && token_is(t, j, and_word, ARRAY_SIZE(and_word)) &&
	    token_is(t, j + 1, his_her, ARRAY_SIZE(his_her)) &&
	    token_is(t, j + 2, spouse, ARRAY_SIZE(spouse)) &&
	    !((t->items[j].gap | t->items[j + 1].gap | t->items[j + 2].gap) & (GAP_BREAK | GAP_STOP)))
		return true;
	if (j + 1 < t->count && t->items[j].gap == GAP_SPACE &&
	    token_is(t, j, and_word, ARRAY_SIZE(and_word)) && t->items[j + 1].gap == GAP_SPACE &&
	    (t->items[j + 1].flags & TOKEN_UPPER_FIRST))
		j += 2;
	if (j + 1 >= t->count || (t->items[j].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	if (possessive_s(t, j)) {
		if (t->items[j + 1].gap != GAP_SPACE)
			return false;
		if (token_is(t, j + 1, adult_event, ARRAY_SIZE(adult_event)))
			return true;
		/* "Kacper's deli", "Finn's Bakery", "Kacper's Polish deli": a
		 * business; "Amara's the best hairdresser": a trade */
		return business_at(t, j + 1) || trade_after(t, j + 1, 2);
	}
	if (at_grown_up_place(t, j))
		return true;
	/* "Finn proposed on the beach": a grown-up's news, not "Finn
	 * proposed a new rule" */
	if (token_is(t, j, proposed_word, ARRAY_SIZE(proposed_word)) &&
	    (j + 1 >= t->count || (t->items[j + 1].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)) ||
	     token_is(t, j + 1, proposed_where, ARRAY_SIZE(proposed_where))))
		return true;
	/* "Gareth is the kindest postman": a trade after "is a" or "is the";
	 * "Bello is a beautiful restaurant in Leeds": a business */
	if (said_is(t, j) && (trade_after(t, j + 1, 3) || business_after(t, j + 1, 3)))
		return true;
	/* "Grace on her new role", "Frank on his retirement" */
	if (j + 2 < t->count && token_is(t, j, on_word, ARRAY_SIZE(on_word)) &&
	    token_is(t, j + 1, his_her, ARRAY_SIZE(his_her))) {
		size_t b = j + 2;
		if (token_is(t, b, new_word, ARRAY_SIZE(new_word)) && b + 1 < t->count)
			b++;
		if (!((t->items[j].gap | t->items[j + 1].gap | t->items[b].gap) &
		      (GAP_BREAK | GAP_STOP)) &&
		    token_is(t, b, adult_news, ARRAY_SIZE(adult_news)))
			return true;
	}
	/* "Tomasz the builder", "Kwame the Ghanaian barber" */
	if (trade_after(t, j, 2))
		return true;
	if (token_is(t, j, from_word, ARRAY_SIZE(from_word)) && j + 2 < t->count)
		j++;
	if (token_is(t, j, next_word, ARRAY_SIZE(next_word)))
		return token_is(t, j + 1, door_word, ARRAY_SIZE(door_word));
	if (token_is(t, j, the_word, ARRAY_SIZE(the_word)) && token_is(t, j + 1, pet, ARRAY_SIZE(pet)))
		return true;
	/* "Oscar and Finn, our two cats" */
	if (!token_is(t, j, my, ARRAY_SIZE(my)))
		return false;
	if (token_is(t, j + 1, pet_count, ARRAY_SIZE(pet_count)) && j + 2 < t->count)
		j++;
	return token_is(t, j + 1, pet, ARRAY_SIZE(pet)) || token_is(t, j + 1, pets, ARRAY_SIZE(pets));
}

/* Whether "from" and a capitalised word, maybe after "the", follow token
 * last: "Finn from Adventure Time", "Priya from the Great British Bake
 * Off". */
static bool placed_by_name(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	if (j + 1 >= t->count || t->items[j].gap != GAP_SPACE ||
	    !token_is(t, j, from_word, ARRAY_SIZE(from_word)))
		return false;
	j++;
	if (token_is(t, j, the_word, ARRAY_SIZE(the_word)) && j + 1 < t->count &&
	    t->items[j].gap == GAP_SPACE)
		j++;
	return t->items[j].gap == GAP_SPACE && (t->items[j].flags & TOKEN_UPPER_FIRST);
}

static const char *const proud[] = {"proud"};
static const char *const year_only[] = {"year"};
static const char *const parent_word[] = {"mum",    "mummy",  "mama",	"mam",	   "dad",
					  "daddy",  "parent", "mother", "father", "nana",
					  "grandma"};
static const char *const guilt_word[] = {"guilt"};
static const char *const own_children[] = {
	"son", "daughter", "sons", "daughters", "stepson", "stepdaughter",
	"eldest", "youngest", "oldest", "twins", "boy", "girl",
	"niece", "nephew", "nieces", "nephews", "grandson", "granddaughter",
	"godson", "goddaughter", "lad",
};
static const char *const tooth_word[] = {"tooth"};
static const char *const fairy_word[] = {"fairy"};
/* what "my kids'" is a parent's: their school and the staff there */
static const char *const kids_place[] = {"school",   "teacher", "teachers", "headteacher",
                                         "head",     "class",   "nursery",  "ta"};

/* Whether a child's event starts at token j, after a name's 's: "Will's
 * [school play]", "Daisy's [nativity]", "Grace's [parents' evening]". */
static bool childs_event_at(const struct tokens *t, size_t j)
{
	return j < t->count && t->items[j].gap == GAP_SPACE &&
	       (token_is(t, j, childs_event, ARRAY_SIZE(childs_event)) ||
		(j + 1 < t->count && token_is(t, j, parents_word, 1) &&
		 token_is(t, j + 1, evening_word, 1)));
}

static const char *const school_only[] = {"school"};
static const char *const run_word[] = {"run", "runs"};
static const char *const race_runners[] = {"parents", "mums", "dads", "mothers", "fathers"};
static const char *const race_word[] = {"race"};

/* The writer's husband, wife or partner, whose school is theirs and not
 * the writer's: "Husband is a deputy head", "Partner's school has Ofsted
 * tomorrow", "the parents at my husband's school", "my wife says the Year
 * 9 essays are painful", "Proud of my wife, her Year 11s smashed their
 * mocks". */
static const char *const other_word[] = {"other"};
static const char *const half_word[] = {"half"};
static const char *const spouse_says[] = {"says", "said", "thinks", "reckons", "tells"};

/* How many tokens "husband" or "other half" takes at token i: 0, 1 or 2. */
static size_t spouse_at(const struct tokens *t, size_t i)
{
	if (i >= t->count)
		return 0;
	if (token_is(t, i, spouse, ARRAY_SIZE(spouse)))
		return 1;
	return i + 1 < t->count && token_is(t, i, other_word, 1) &&
	               token_is(t, i + 1, half_word, 1) &&
	               !(t->items[i + 1].gap & (GAP_BREAK | GAP_STOP))
	           ? 2
	           : 0;
}

static bool spouse_marker_at(const struct tokens *t, size_t i)
{
	bool mine = token_is(t, i, my, ARRAY_SIZE(my));
	size_t at = mine ? i + 1 : i;
	size_t n = spouse_at(t, at);
	if (!n || (mine && (t->items[at].gap & (GAP_BREAK | GAP_STOP))))
		return false;
	size_t after = at + n;
	bool joined = after < t->count && !(t->items[after].gap & (GAP_BREAK | GAP_STOP));
	/* "my husband's", and "Partner's" at a sentence's start */
	if (joined && possessive_s(t, after) && (mine || starts_sentence(t, i)))
		return true;
	/* the spouse the sentence is about: "Husband is a deputy head", "My
	 * wife has been up till midnight writing Year 6 reports" */
	if (starts_sentence(t, i))
		return true;
	if (!mine)
		return false;
	if (joined && token_is(t, after, spouse_says, ARRAY_SIZE(spouse_says)))
		return true;
	/* "Proud of my wife, her Year 11s": the spouse's, told by "her" */
	for (size_t j = after; j < t->count && !(t->items[j].gap & (GAP_BREAK | GAP_STOP)); j++)
		if (token_is(t, j, his_her, ARRAY_SIZE(his_her)))
			return true;
	return false;
}

/* Someone else of the writer's family or friends whose school job the
 * sentence is about: "My sister teaches Year 6", "My neighbour's a TA",
 * "Friend who's a SENCo says", "my friend's deputy head", "Cousin's school
 * got a Good". A parent (or "mum" at a sentence's start, which is often a
 * pupil's) counts only after "my". */
static const char *const relation[] = {
	"sister", "brother", "cousin", "aunt", "auntie", "aunty", "uncle", "friend", "mate",
	"neighbour", "bestie", "mum", "mam", "dad", "mother", "father", "nan", "grandad",
	"grandma", "boyfriend", "girlfriend", "sis", "bro",
};
static const char *const relation_job_verb[] = {"teaches", "taught", "works", "worked",
						"is", "was", "s"};
static const char *const who_word[] = {"who"};
/* what follows an "'s" that is "is" or "has", not a possessive: "My
 * sister's visiting", "my mum's not well", "my friend's been off" */
static const char *const is_has_after[] = {
	"not", "been", "got", "gone", "off", "just", "home", "here", "in", "on", "at", "away",
	"ill", "poorly", "still", "always", "never", "so", "really", "very", "back", "over",
	"out", "up", "down", "had", "finally", "now", "also", "too",
};

static const char *const has_word[] = {"has", "had"};
static const char *const been_word[] = {"been"};

/* Whether "been a" or "been an" starts at token i, in one sentence. */
static bool been_a(const struct tokens *t, size_t i)
{
	return i + 1 < t->count && token_is(t, i, been_word, 1) &&
	       !(t->items[i + 1].gap & (GAP_BREAK | GAP_STOP)) &&
	       token_is(t, i + 1, a_an, ARRAY_SIZE(a_an));
}

/* Whether token i ends in "ing" ("visiting", "coming"). */
static bool ing_word(const struct tokens *t, size_t i)
{
	const struct token *tok = &t->items[i];
	return tok->norm_len > 4 && memcmp(token_text(t, tok) + tok->norm_len - 3, "ing", 3) == 0;
}

static bool relation_marker_at(const struct tokens *t, size_t i)
{
	bool mine = token_is(t, i, my, ARRAY_SIZE(my));
	size_t at = mine ? i + 1 : i;
	if (at + 1 >= t->count || !token_is(t, at, relation, ARRAY_SIZE(relation)) ||
	    (mine && (t->items[at].gap & (GAP_BREAK | GAP_STOP))) ||
	    (t->items[at + 1].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	/* of the relations, elders[] holds just the parents and grandparents */
	if (!mine && (!starts_sentence(t, i) || token_is(t, at, elders, ARRAY_SIZE(elders))))
		return false;
	size_t after = at + 1;
	/* "my friend's deputy head": whose job it is; but "my mum's been a
	 * dinner lady for 30 years" is hers too */
	if (possessive_s(t, after) && after + 1 < t->count &&
	    !token_is(t, after + 1, a_an, ARRAY_SIZE(a_an)))
		return been_a(t, after + 1) ||
		       (!token_is(t, after + 1, is_has_after, ARRAY_SIZE(is_has_after)) &&
			!ing_word(t, after + 1));
	/* "Friend who's a SENCo", "my mate who teaches in Spain" */
	if (token_is(t, after, who_word, 1))
		after++;
	/* "My sister has been a TA for ten years" */
	if (after + 1 < t->count && token_is(t, after, has_word, ARRAY_SIZE(has_word)) &&
	    !(t->items[after + 1].gap & (GAP_BREAK | GAP_STOP)) && been_a(t, after + 1))
		return true;
	if (after >= t->count || (t->items[after].gap & (GAP_BREAK | GAP_STOP)) ||
	    !token_is(t, after, relation_job_verb, ARRAY_SIZE(relation_job_verb)))
		return false;
	/* "teaches Year 6", "works in a PRU"; "is a TA", "'s a PE teacher" */
	if (t->items[after].norm_len > 3)
		return true;
	return after + 1 < t->count && !(t->items[after + 1].gap & (GAP_BREAK | GAP_STOP)) &&
	       token_is(t, after + 1, a_an, ARRAY_SIZE(a_an));
}

/* Whether token i starts a sentence about the school of someone close to
 * the writer: a spouse or another relation or friend. */
static bool other_adult_marker_at(const struct tokens *t, size_t i)
{
	return spouse_marker_at(t, i) || relation_marker_at(t, i);
}

/* Whether the work detail at tokens [first, last] is "our school" or "my
 * class" in a sentence about the writer's spouse: a school they share ("My
 * husband got the deputy head job at our school"), still the writer's. */
static bool ours_beside_spouse(const struct tokens *t, size_t first, size_t last)
{
	bool ours = false;
	for (size_t j = first; j <= last && j < t->count; j++)
		ours |= token_is(t, j, my, ARRAY_SIZE(my));
	if (!ours)
		return false;
	size_t i = sentence_start(t, first, SIZE_MAX);
	for (size_t j = i; j < t->count && (j == i || !(t->items[j].gap & (GAP_BREAK | GAP_STOP)));
	     j++)
		if (other_adult_marker_at(t, j))
			return true;
	return false;
}

/* Whether token i starts what says a parent speaks of their own child at
 * school: "my son", "our daughters", "proud mum", "mum guilt", "the tooth
 * fairy", "my kids' school", "the school run", "at his school", or a
 * child's event by the child's name
 * ("Will's school play", "Daisy's nativity", "Grace's parents' evening",
 * not "Mrs Smith's class"). */
static const char *const parent_tag[] = {"proudmum",   "proudmummy", "proudmama", "proudmom",
					 "proudparent", "proudparents", "prouddad", "mumlife",
					 "momlife",    "dadlife",    "parentlife"};

/* Whether token i says the writer has retired: "I retired", "I've
 * retired", "I'm happily retired", "since I retired", "ten years after
 * retiring", "the retired teachers' group", "Retired three years ago". Not
 * "should have retired" nor "Mrs Marsden has finally retired". */
static const char *const retired_word[] = {"retired"};
static const char *const retiring_word[] = {"retiring"};
static const char *const retired_before[] = {"i", "ve", "m", "now", "happily", "newly"};
static const char *const since_after[] = {"since", "after"};
static const char *const retired_who[] = {"teacher", "teachers", "head", "heads", "headteacher"};

static bool retired_marker_at(const struct tokens *t, size_t i)
{
	if (token_is(t, i, retiring_word, ARRAY_SIZE(retiring_word)))
		return i > 0 && t->items[i].gap == GAP_SPACE &&
		       token_is(t, i - 1, since_after, ARRAY_SIZE(since_after));
	if (!token_is(t, i, retired_word, ARRAY_SIZE(retired_word)))
		return false;
	if (starts_sentence(t, i))
		return true;
	if (i + 1 < t->count && t->items[i + 1].gap == GAP_SPACE &&
	    token_is(t, i + 1, retired_who, ARRAY_SIZE(retired_who)))
		return true;
	return i > 0 && token_is(t, i - 1, retired_before, ARRAY_SIZE(retired_before)) &&
	       (t->items[i - 1].norm_len > 2 || token_is(t, i - 1, i_word, 1) ||
		(i > 1 && token_is(t, i - 2, i_word, 1)));
}

/* Whether token i says when, a generation ago: "in the 80s", "in 1994",
 * "thirty years ago". */
static const char *const decade_word[] = {
	"50s", "60s", "70s", "80s", "90s", "1950s", "1960s", "1970s", "1980s", "1990s",
	"fifties", "sixties", "seventies", "eighties", "nineties"};
static const char *const teach_word[] = {"teach", "taught", "teaching"};
static const char *const ago_word[] = {"ago"};
static const char *const many_years[] = {"twenty", "thirty", "forty", "fifty"};
static const char *const years_word[] = {"years"};
static const char *const used_word[] = {"used"};
static const char *const to_word[] = {"to"};

/* Whether token k has the shape of a time long_ago_at can read, which
 * most words have not: a decade starts with a digit or ends in "ies", a
 * year starts "19", and a count of years starts with t or f and ends in
 * y. */
static inline bool long_ago_shape(const struct tokens *t, const struct token *k)
{
	const char *d = t->norm + k->norm;
	size_t len = k->norm_len;
	if (len < 3 || len > 9)
		return false;
	char last = d[len - 1];
	return (last == 's' && (isdigit((unsigned char)d[0]) || (len >= 7 && d[len - 2] == 'e'))) ||
	       (last == 'y' && len <= 6 && (d[0] == 't' || d[0] == 'f')) ||
	       (len == 4 && d[0] == '1' && d[1] == '9');
}

static bool long_ago_at(const struct tokens *t, size_t i)
{
	const struct token *k = &t->items[i];
	if (!long_ago_shape(t, k))
		return false;
	const char *d = t->norm + k->norm;
	size_t len = k->norm_len;
	if (d[len - 1] == 's')
		return i > 1 && token_is(t, i - 1, the_word, ARRAY_SIZE(the_word)) &&
		       token_is(t, i - 2, in_word, ARRAY_SIZE(in_word)) &&
		       token_is(t, i, decade_word, ARRAY_SIZE(decade_word));
	/* a year of the last century after "in" */
	if (len == 4 && d[0] == '1' && d[1] == '9' && isdigit((unsigned char)d[2]) &&
	    isdigit((unsigned char)d[3]))
		return i > 0 && token_is(t, i - 1, in_word, ARRAY_SIZE(in_word));
	return i + 2 < t->count && token_is(t, i, many_years, ARRAY_SIZE(many_years)) &&
	       token_is(t, i + 1, years_word, ARRAY_SIZE(years_word)) &&
	       token_is(t, i + 2, ago_word, ARRAY_SIZE(ago_word));
}

/* Whether token i is a time long_ago_at in a sentence that says the
 * writer taught, or did something then ("a girl I taught in the 80s", "I
 * used to dread Ofsted in the 90s"): a retired teacher's memory, not the
 * writer's work now. Not "the PTA are stuck in the 1950s". */
static bool looks_back_at(const struct tokens *t, size_t i)
{
	if (!long_ago_at(t, i))
		return false;
	size_t s = sentence_start(t, i, SIZE_MAX);
	for (size_t j = s; j < t->count && (j == s || !(t->items[j].gap & (GAP_BREAK | GAP_STOP)));
	     j++)
		if (token_is(t, j, teach_word, ARRAY_SIZE(teach_word)) ||
		    (j + 1 < t->count && token_is(t, j, used_word, ARRAY_SIZE(used_word)) &&
		     token_is(t, j + 1, to_word, ARRAY_SIZE(to_word))))
			return true;
	return false;
}

/* Whether the text, or the sentence of token i when i < t->count, has
 * looks_back_at. */
static bool looks_back_in(const struct tokens *t, size_t i)
{
	size_t s = i < t->count ? sentence_start(t, i, SIZE_MAX) : 0;
	for (size_t j = s; j < t->count; j++) {
		if (i < t->count && j > s && (t->items[j].gap & (GAP_BREAK | GAP_STOP)))
			break;
		/* what long_ago_at turns away first, without a call */
		if (long_ago_shape(t, &t->items[j]) && looks_back_at(t, j))
			return true;
	}
	return false;
}

static bool looks_back(const struct tokens *t)
{
	return looks_back_in(t, t->count);
}

/* "Maths tutor available", "Private tutor wanted", "Tutoring available":
 * private tuition offered or sought, not a school's work */
static const char *const tuition_word[] = {"tutor", "tutors", "tutoring", "tuition"};
static const char *const on_offer[] = {"available", "wanted", "needed", "required"};
static const char *const form_word[] = {"form"};

/* Whether token i is "taught" in "I taught for 35 years": a career told
 * in the simple past, over ("I've taught for 20 years" is not). */
static const char *const taught_word[] = {"taught"};

static bool taught_for_years_at(const struct tokens *t, size_t i)
{
	if (i == 0 || i + 3 >= t->count || !token_is(t, i, taught_word, 1) ||
	    t->items[i].gap != GAP_SPACE || !token_is(t, i - 1, i_word, 1) ||
	    !token_is(t, i + 1, for_with_at, 1))
		return false;
	size_t j = i + 2;
	if (!((t->items[j].flags & TOKEN_HAS_DIGIT) ||
	      token_is(t, j, many_years, ARRAY_SIZE(many_years))))
		return false;
	return !((t->items[i + 1].gap | t->items[j].gap | t->items[j + 1].gap) &
		 (GAP_BREAK | GAP_STOP)) &&
	       token_is(t, j + 1, years_word, ARRAY_SIZE(years_word));
}

static const char *const year_or_yr[] = {"year", "yr"};

static bool parent_marker_at(const struct tokens *t, size_t i)
{
	/* "#proudmum", "#mumlife" */
	if ((t->items[i].gap & GAP_HANDLE) && token_is(t, i, parent_tag, ARRAY_SIZE(parent_tag)))
		return true;
	/* a retired teacher looks back on the job as a parent looks on: not
	 * at work now */
	if (t->items[i].norm_len >= 7 && retired_marker_at(t, i))
		return true;
	if (taught_for_years_at(t, i))
		return true;
	if (looks_back_at(t, i))
		return true;
	/* "he's grounded till Easter": a parent's sanction, maybe the
	 * sentence's last word */
	if (i > 0 && token_is(t, i, grounded_word, 1) &&
	    (possessive_s(t, i - 1) || token_is(t, i - 1, is_was, ARRAY_SIZE(is_was))))
		return true;
	if (i + 1 >= t->count || (t->items[i + 1].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	/* a child's event or teacher by name: "Will's school play", "Yusuf's
	 * teacher" */
	if ((t->items[i].flags & TOKEN_UPPER_FIRST) && possessive_s(t, i + 1) &&
	    !(i > 0 && token_is(t, i - 1, titles, ARRAY_SIZE(titles))) &&
	    (childs_event_at(t, i + 2) ||
	     (i + 2 < t->count && t->items[i + 2].gap == GAP_SPACE &&
	      token_is(t, i + 2, childs_teacher, ARRAY_SIZE(childs_teacher)))))
		return true;
	if (t->items[i + 1].gap == GAP_SPACE &&
	    token_is(t, i, tuition_word, ARRAY_SIZE(tuition_word)) &&
	    token_is(t, i + 1, on_offer, ARRAY_SIZE(on_offer)) &&
	    !(i > 0 && token_is(t, i - 1, form_word, ARRAY_SIZE(form_word))))
		return true;
	/* "my little one is in Year 3 now", "our little one has started
	 * Year 1": the writer's own child as the sentence's subject */
	if (token_is(t, i, my, ARRAY_SIZE(my)) && my_child_subject_at(t, i))
		return true;
	/* "the school run": a parent's journey, not a teacher's */
	if (token_is(t, i, school_only, ARRAY_SIZE(school_only)) &&
	    token_is(t, i + 1, run_word, ARRAY_SIZE(run_word)))
		return true;
	/* "at his school", "their school's nativity": a child's school that
	 * is not the writer's workplace; but "her school mentor" is a
	 * trainee's, at work */
	if (his_school_at(t, i) &&
	    !(i + 2 < t->count && t->items[i + 2].gap == GAP_SPACE &&
	      token_is(t, i + 2, trainee_word, ARRAY_SIZE(trainee_word))))
		return true;
	/* "Nephew's class assembly on Friday": the writer's own, "my" left
	 * out at the start of a sentence */
	if (starts_sentence(t, i) && token_is(t, i, own_children, ARRAY_SIZE(own_children)) &&
	    possessive_s(t, i + 1))
		return true;
	if (other_adult_marker_at(t, i))
		return true;
	/* "the parents' race" at sports day: run by the parents */
	if ((t->items[i + 1].gap & GAP_APOSTROPHE) && token_is(t, i + 1, race_word, 1) &&
	    token_is(t, i, race_runners, ARRAY_SIZE(race_runners)))
		return true;
	/* "mother of the year", "dad of the year": a parent's joke at their
	 * own expense */
	if (i + 3 < t->count && token_is(t, i + 1, of_word, ARRAY_SIZE(of_word)) &&
	    token_is(t, i + 2, the_word, ARRAY_SIZE(the_word)) &&
	    token_is(t, i, parent_word, ARRAY_SIZE(parent_word)) &&
	    token_is(t, i + 3, year_only, ARRAY_SIZE(year_only)) &&
	    !((t->items[i + 1].gap | t->items[i + 2].gap | t->items[i + 3].gap) &
	      (GAP_BREAK | GAP_STOP | GAP_OTHER)))
		return true;
	/* "his teacher says": the child's teacher, reported by a parent; not
	 * "their teacher lets them" (a class's) nor "her teacher left" */
	if (i + 2 < t->count && token_is(t, i, his_her_one, ARRAY_SIZE(his_her_one)) &&
	    token_is(t, i + 1, childs_teacher, ARRAY_SIZE(childs_teacher)) &&
	    !(t->items[i + 2].gap & (GAP_BREAK | GAP_STOP)) &&
	    token_is(t, i + 2, teacher_reports, ARRAY_SIZE(teacher_reports)))
		return true;
	/* "the school rang", "School nurse called": a call a parent gets */
	if (token_is(t, i, school_only, ARRAY_SIZE(school_only))) {
		size_t j = i + 1;
		if (token_is(t, j, school_caller, ARRAY_SIZE(school_caller)) && j + 1 < t->count &&
		    !(t->items[j + 1].gap & (GAP_BREAK | GAP_STOP)))
			j++;
		if (token_is(t, j, rang_word, ARRAY_SIZE(rang_word)))
			return true;
	}
	/* "Parent tip", "Parenting win": a parent's own heading */
	size_t len = t->items[i].norm_len;
	if ((len == 3 || len == 6 || len == 9) &&
	    token_is(t, i, parent_self, ARRAY_SIZE(parent_self)) &&
	    token_is(t, i + 1, parent_heading, ARRAY_SIZE(parent_heading)))
		return true;
	/* the rest start with my, our, mum, dad (two or three letters), proud
	 * or tooth (five), which most words are not */
	if (len != 2 && len != 3 && len != 5)
		return false;
	if ((token_is(t, i, my, ARRAY_SIZE(my)) &&
	     token_is(t, i + 1, own_children, ARRAY_SIZE(own_children))) ||
	    our_named_child_at(t, i) ||
	    (token_is(t, i, proud, ARRAY_SIZE(proud)) &&
	     token_is(t, i + 1, parent_word, ARRAY_SIZE(parent_word))) ||
	    (token_is(t, i, mum_dad, ARRAY_SIZE(mum_dad)) &&
	     token_is(t, i + 1, guilt_word, ARRAY_SIZE(guilt_word))) ||
	    (token_is(t, i, tooth_word, ARRAY_SIZE(tooth_word)) &&
	     token_is(t, i + 1, fairy_word, ARRAY_SIZE(fairy_word))))
		return true;
	/* "my Year 11 son", "our Year 6 daughter": a parent's child in that
	 * year */
	if (i + 3 < t->count && token_is(t, i, my, ARRAY_SIZE(my)) &&
	    token_is(t, i + 1, year_or_yr, ARRAY_SIZE(year_or_yr)) &&
	    (t->items[i + 2].flags & TOKEN_HAS_DIGIT) && t->items[i + 2].norm_len <= 2 &&
	    token_is(t, i + 3, own_children, ARRAY_SIZE(own_children)) &&
	    !((t->items[i + 2].gap | t->items[i + 3].gap) & (GAP_BREAK | GAP_STOP)))
		return true;
	/* a teacher's "my kids" may be their class, but not their school or
	 * its head; nor is "the kids' school" a teacher's */
	if (i + 2 < t->count &&
	    (token_is(t, i, my, ARRAY_SIZE(my)) || token_is(t, i, the_word, ARRAY_SIZE(the_word))) &&
	    token_is(t, i + 1, kids_word, ARRAY_SIZE(kids_word)) &&
	    (t->items[i + 2].gap & GAP_APOSTROPHE) &&
	    token_is(t, i + 2, kids_place, ARRAY_SIZE(kids_place)))
		return true;
	return false;
}

/* Whether any candidate is what a parent's sentence lowers: a work detail,
 * a grievance or a common or ordinary forename. */
static bool may_lower(const struct classifier *c)
{
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		if (k->node == MATCH_NO_NODE) {
			if (k->category == CAT_WORK_DETAIL)
				return true;
			continue;
		}
		size_t n;
		const struct payload *ps = match_dict_payloads(c->dict, k->node, &n);
		for (size_t j = 0; j < n; j++)
			if (ps[j].category == CAT_WORK_DETAIL || ps[j].category == CAT_GRIEVANCE ||
			    (ps[j].kind == KIND_FORENAME &&
			     (ps[j].flags & (TERM_COMMON | TERM_ORDINARY))))
				return true;
	}
	return false;
}

static const char *const also_word[] = {"also"};

/* The token that starts at byte b, or t->count. */
static size_t token_starting_at(const struct tokens *t, uint32_t b)
{
	size_t lo = 0, hi = t->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->items[mid].start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->count && t->items[lo].start == b ? lo : t->count;
}

/* Whether the writer speaks as a teacher where a phrase alone did not say
 * so: a year group or work detail that is "my" or "our" ("in my Year 4
 * maths group", "with our DSL"), or "I teach", "who I also teach". A
 * parent who teaches says both. */
static bool writer_teaches(const struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		size_t first;
		if (k->node == MATCH_NO_NODE) {
			if (k->category != CAT_WORK_DETAIL)
				continue;
			first = token_starting_at(t, k->start);
			/* "my Year 11 son" is a parent's */
			size_t after = first;
			while (after < t->count && t->items[after].start < k->end)
				after++;
			if (after < t->count && token_is(t, after, own_children, ARRAY_SIZE(own_children)))
				continue;
		} else {
			size_t n;
			const struct payload *ps = match_dict_payloads(c->dict, k->node, &n);
			bool work = false;
			for (size_t j = 0; j < n; j++)
				work |= ps[j].category == CAT_WORK_DETAIL;
			if (!work)
				continue;
			first = k->first;
		}
		/* "my own Year 6", a parent who teaches */
		if (first > 1 && first < t->count && t->items[first].gap == GAP_SPACE &&
		    t->items[first - 1].gap == GAP_SPACE &&
		    token_is(t, first - 1, own_word, ARRAY_SIZE(own_word)))
			first--;
		/* "Forty years ago I started my first teaching job": not now */
		if (first > 0 && first < t->count && t->items[first].gap == GAP_SPACE &&
		    token_is(t, first - 1, my, ARRAY_SIZE(my)) && !our_school_at(t, first - 1) &&
		    !looks_back_in(t, first))
			return true;
	}
	for (size_t i = 0; i + 1 < t->count; i++) {
		if (!token_is(t, i, i_word, ARRAY_SIZE(i_word)))
			continue;
		size_t j = i + 1;
		if (j + 1 < t->count && token_is(t, j, also_word, ARRAY_SIZE(also_word)))
			j++;
		/* but not "a girl I taught in the 80s" nor "I taught for 35
		 * years" */
		if (token_is(t, j, teach_word, ARRAY_SIZE(teach_word)) && !looks_back_in(t, i) &&
		    !taught_for_years_at(t, j))
			return true;
	}
	return false;
}

static const char *const out_word[] = {"out"};
static const char *const there_word[] = {"there", "everywhere"};

/* A year group wished well in general is no school's: "good luck to all
 * the Year 11s out there", "Year 6s everywhere". Not past a comma, nor
 * where "there" starts what comes next ("Clay day with Year 8, there is
 * clay in my hair"). */
static void lower_year_groups_everywhere(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	uint16_t label = c->pattern_labels[PL_YEAR_GROUP];
	for (size_t i = 0; i < c->cands.count; i++) {
		struct candidate *k = &c->cands.items[i];
		if (k->node != MATCH_NO_NODE || k->category != CAT_WORK_DETAIL || k->label != label)
			continue;
		size_t j = token_starting_at(t, k->start);
		while (j < t->count && t->items[j].end < k->end)
			j++;
		if (j + 1 >= t->count || (t->items[j + 1].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)))
			continue;
		if ((token_is(t, j + 1, there_word, ARRAY_SIZE(there_word)) &&
		     !(j + 2 < t->count && token_is(t, j + 2, be_word, ARRAY_SIZE(be_word)))) ||
		    (j + 2 < t->count && token_is(t, j + 1, out_word, ARRAY_SIZE(out_word)) &&
		     token_is(t, j + 2, there_word, ARRAY_SIZE(there_word))))
			k->severity = SEV_LOW;
	}
}

/* Finds the sentences in which a parent speaks of their own child at
 * school, unless the text names the writer's own pupils or work ("my
 * class", "one of my boys", "our SENCo"): in them a common forename is
 * their child and the school events their child's. */
static void find_parent_sentences(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	c->parent_span_count = 0;
	/* nothing to lower in a post not about school, and most are not; a
	 * memory of a generation ago may name the job with no other word of
	 * school ("Forty years ago I started my first teaching job") */
	if (c->cands.teacher ||
	    (c->cands.context ? !(may_lower(c) || looks_back(t)) : !(may_lower(c) && looks_back(t))) ||
	    writer_teaches(c))
		return;
	size_t start = 0;
	for (size_t i = 0; i < t->count; i++) {
		if (i > 0 && (t->items[i].gap & (GAP_BREAK | GAP_STOP)))
			start = i;
		if (!parent_marker_at(t, i))
			continue;
		/* to the end of the sentence: a marker may be its last word
		 * ("#proudmum", "after retiring") */
		size_t end = i;
		while (end + 1 < t->count && !(t->items[end + 1].gap & (GAP_BREAK | GAP_STOP)))
			end++;
		if (c->parent_span_count == ARRAY_SIZE(c->parent_spans))
			return;
		c->parent_spans[c->parent_span_count].first = (uint32_t)start;
		c->parent_spans[c->parent_span_count++].last = (uint32_t)end;
		i = end;
	}
}

/* Whether byte b of the text is in a sentence where a parent speaks of
 * their child. */
static bool parents_sentence_at(const struct classifier *c, uint32_t b)
{
	const struct tokens *t = &c->tokens;
	for (size_t k = 0; k < c->parent_span_count; k++)
		if (b >= t->items[c->parent_spans[k].first].start &&
		    b < t->items[c->parent_spans[k].last].end)
			return true;
	return false;
}

/* Whether token i is in a sentence where a parent speaks of their child. */
static bool parents_sentence(const struct classifier *c, size_t i)
{
	return parents_sentence_at(c, c->tokens.items[i].start);
}

/* Whether the surname ending at token last names a place or a business:
 * "Verma Road", "Marsden moor", "Pryce's butchers", "Walsh's Irish
 * bakery". */
static const char *const place_word[] = {
	"road",	  "rd",	     "street", "lane",	"avenue", "close", "drive",   "way",
	"crescent", "moor",   "hill",   "park",	"bridge", "square", "station", "estate",
	"gardens",  "terrace", "farm",	 "mill",	"wood",	  "green",  "fold",    "moss",
	"castle", "hall", "manor", "abbey",
};

static bool surname_names_a_place(const struct tokens *t, size_t last)
{
	size_t j = last + 1;
	if (j >= t->count || (t->items[j].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	/* "Bello is a beautiful restaurant in Leeds" */
	if (t->items[j].gap == GAP_SPACE)
		return token_is(t, j, place_word, ARRAY_SIZE(place_word)) ||
		       (said_is(t, j) && business_after(t, j + 1, 3));
	return possessive_s(t, j) && j + 1 < t->count && t->items[j + 1].gap == GAP_SPACE &&
	       business_at(t, j + 1);
}

/* Whether "from work" follows the name ending at token last, a few words
 * on in its sentence: "Sunita from work", "Sunita and the girls from
 * work". Of a name on the staff list, that is the colleague, not another
 * grown-up ("Kacper from the bakery"). */
static const char *const work_word[] = {"work"};

static bool from_work_after(const struct tokens *t, size_t last)
{
	for (size_t j = last + 1; j + 1 < t->count && j <= last + 6; j++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (token_is(t, j, from_word, ARRAY_SIZE(from_word)) &&
		    t->items[j + 1].gap == GAP_SPACE &&
		    token_is(t, j + 1, work_word, ARRAY_SIZE(work_word)))
			return true;
	}
	return false;
}

static enum severity judge_name(const struct classifier *c, const struct payload *p,
				const struct candidate *k, struct text_shape shape)
{
	const struct tokens *t = &c->tokens;
	const struct token *first = &t->items[k->first];
	if (someone_else(c, p, k, shape) || said_as_a_name(t, k->first, k->last))
		return SEV_NONE;
	if (k->first > 0 && first->gap == GAP_SPACE &&
	    token_is(t, k->first - 1, family, ARRAY_SIZE(family)))
		return SEV_NONE;
	bool colleague = p->category == CAT_PERSON_NAME && from_work_after(t, k->last);
	if (p->kind == KIND_FORENAME && !colleague &&
	    ((grown_up_or_pet(t, k->last) && !said_as_a_child(t, k->first)) ||
	     named_grown_up(t, k->first) ||
	     named_as_own_circle(t, k->last) || named_after_relation(t, k->first)))
		return SEV_NONE;
	if (p->kind == KIND_SURNAME && surname_names_a_place(t, k->last) &&
	    !(k->first > 0 && token_is(t, k->first - 1, titles, ARRAY_SIZE(titles))))
		return SEV_NONE;
	/* "Mr Pryce from the garage": a grown-up of another workplace; "Mr
	 * Pryce at number 42", "Mr Blake next door": a neighbour; "Mr Walsh
	 * the plumber": a trade */
	if (p->kind == KIND_SURNAME && !colleague &&
	    (at_grown_up_place(t, k->last + 1) || at_house_number(t, k->last + 1) ||
	     (k->last + 1 < t->count && trade_after(t, k->last + 1, 2))))
		return SEV_NONE;
	/* "My Harvey has started nursery", "our Will": a common forename that
	 * is the writer's own is family, not a pupil; and "our" before any
	 * forename is the northern way of naming one's own ("our Finn", "our
	 * Ruby's passed her grade 5") */
	if (p->kind == KIND_FORENAME && k->first > 0 && first->gap == GAP_SPACE &&
	    (((p->flags & (TERM_COMMON | TERM_ORDINARY)) &&
	      token_is(t, k->first - 1, my, ARRAY_SIZE(my))) ||
	     token_is(t, k->first - 1, our_word, ARRAY_SIZE(our_word))))
		return SEV_LOW;
	/* "Grace's parents' evening went well" in a parent's post about their
	 * own children at school */
	if (p->kind == KIND_FORENAME && (p->flags & (TERM_COMMON | TERM_ORDINARY)) &&
	    parents_sentence(c, k->first))
		return SEV_LOW;
	/* "Ivy's first nativity", "Will's school play", "Grace's parents'
	 * evening", "Finn's teacher", "Poppy's graduation": a parent's news of
	 * their own child, for a common forename or an ordinary word; a
	 * teacher says "my class" */
	if (p->kind == KIND_FORENAME && (p->flags & (TERM_COMMON | TERM_ORDINARY)) &&
	    possessive_s(t, k->last + 1) &&
	    (childs_event_at(t, k->last + 2) ||
	     (k->last + 2 < t->count && t->items[k->last + 2].gap == GAP_SPACE &&
	      token_is(t, k->last + 2, teacher_class, ARRAY_SIZE(teacher_class)))))
		return SEV_LOW;
	/* "Finn and I are doing the Three Peaks": the writer's companion, in a
	 * post not about school; a pupil's common forename even in one that is
	 * ("Grace and I are taking the kids to the beach"), but not a
	 * colleague's ("Helen and I are co-leading the Year 6 residential") */
	if (p->kind == KIND_FORENAME &&
	    (!c->cands.context ||
	     ((p->flags & (TERM_COMMON | TERM_ORDINARY)) && p->category != CAT_PERSON_NAME)) &&
	    with_the_writer(t, k->first, k->last))
		return SEV_LOW;
	/* "Harvey G": a forename with an initial is how a pupil is half-hidden,
	 * and it still identifies them. "I" and "A" are words. */
	if (p->kind == KIND_FORENAME && k->last + 1 < t->count &&
	    t->items[k->last + 1].gap == GAP_SPACE) {
		const struct token *n = &t->items[k->last + 1];
		char ch = t->norm[n->norm];
		/* "Ruby A's mum", "Ruby A asked": an initial with a possessive,
		 * or with a verb no article comes before, is no word; in a post
		 * typed all in lower case ("poppy h cried"), an initial that is
		 * not textspeak or a lost apostrophe ("will b there", "c u",
		 * "summer s here") */
		if (n->norm_len == 1 &&
		    ((n->flags & TOKEN_UPPER_FIRST) || (shape.lower && !strchr("bcdknrstuxy", ch))) &&
		    ((ch != 'i' && ch != 'a') || possessive_s(t, k->last + 2) ||
		     (ch == 'a' && k->last + 2 < t->count && t->items[k->last + 2].gap == GAP_SPACE &&
		      token_is(t, k->last + 2, after_initial, ARRAY_SIZE(after_initial)))) &&
		    ch >= 'a' && ch <= 'z' && !shape.shouting)
			return SEV_MEDIUM;
	}
	/* "Callum's mum": a common forename is a pupil when a parent is
	 * theirs, as "his mum" makes any post about school; an ordinary word
	 * ("Hope's mum") only with its capital; but "Harvey's mum next door"
	 * is a neighbour */
	if (p->kind == KIND_FORENAME && (p->flags & (TERM_COMMON | TERM_ORDINARY)) &&
	    k->last + 2 < t->count && possessive_s(t, k->last + 1) &&
	    t->items[k->last + 2].gap == GAP_SPACE &&
	    token_is(t, k->last + 2, parent_of, ARRAY_SIZE(parent_of)) &&
	    !at_house_number(t, k->last + 3) &&
	    (!(p->flags & TERM_ORDINARY) ||
	     ((first->flags & TOKEN_UPPER_FIRST) && !shape.shouting)))
		return SEV_MEDIUM;
	/* "Finn from Adventure Time", "Leo from Leeds": a forename placed by a
	 * show or a town, not a class, in a post not about school */
	if (p->kind == KIND_FORENAME && !c->cands.context && !shape.shouting &&
	    placed_by_name(t, k->last))
		return SEV_LOW;
	/* "Mrs Turner": a title makes any roster surname a person. */
	if (p->kind == KIND_SURNAME && k->first > 0 && first->gap == GAP_SPACE &&
	    token_is(t, k->first - 1, titles, ARRAY_SIZE(titles)))
		return SEV_MEDIUM;
	bool caps = (first->flags & TOKEN_UPPER_FIRST) && !shape.shouting;
	if (p->flags & TERM_ORDINARY) {
		bool word_use =
			(k->last + 1 < t->count && t->items[k->last + 1].gap == GAP_SPACE &&
			 (token_is(t, k->last + 1, word_after, ARRAY_SIZE(word_after)) ||
			  (k->first == k->last && token_is(t, k->first, modal_name, ARRAY_SIZE(modal_name)) &&
			   token_is(t, k->last + 1, after_modal, ARRAY_SIZE(after_modal))))) ||
			(k->first > 0 && first->gap == GAP_SPACE &&
			 token_is(t, k->first - 1, word_before, ARRAY_SIZE(word_before)));
		if (word_use)
			return SEV_NONE;
		if (!caps)
			return c->cands.context ? SEV_LOW : SEV_NONE;
		bool starts = first->gap & (GAP_START | GAP_BREAK | GAP_STOP);
		if (starts || shape.title_case)
			return c->cands.context ? SEV_MEDIUM : SEV_NONE;
		return c->cands.context ? SEV_MEDIUM : SEV_LOW;
	}
	if (p->flags & TERM_COMMON)
		return c->cands.context ? SEV_MEDIUM : SEV_LOW;
	return (enum severity)p->severity;
}

#define SENTENCE_REACH 64

static const char *const who_are[] = {"who", "are", "were", "that"};
/* what people in general should or can do ("Down syndrome kids shouldn't
 * be"; "shouldn't" is "shouldn" and "t" to the tokeniser) */
static const char *const modal_verb[] = {"should", "shouldn", "shouldnt", "must", "ought",
					 "can", "cant", "cannot"};
/* and what some do ("Older colleagues need to", "parents never come"),
 * which makes a role in general but not a group's remark */
static const char *const habit_verb[] = {"need", "needs", "deserve", "deserves", "don", "dont",
					 "do", "get", "aren", "arent", "never", "earn", "work"};
static const char *const of_with[] = {"with", "of", "from"};
static const char *const determiner[] = {
	"the", "my", "our", "these", "those", "this", "that", "some", "his", "her", "their",
	"your", "a", "an", "one", "all", "most", "many", "half", "ours", "mine", "two", "three",
	"four", "five", "six", "several", "both", "few", "couple",
};

static bool bare_plural(const struct tokens *t, size_t i)
{
	const struct token *w = &t->items[i];
	return w->norm_len > 3 && t->norm[w->norm + w->norm_len - 1] == 's' &&
	       !(w->gap & GAP_APOSTROPHE);
}

/* Whether the sentence token first is in says something of people in
 * general: it begins with a bare plural of at most three words and then
 * "who" or "are" ("Trainee teachers who think they know everything are",
 * "Gen Z trainees are lazy", "Kids with ADHD are", or what such people
 * should or can do: "Down syndrome kids shouldn't be"), or with one of at most
 * five words and no determiner ("Academy trust CEOs on £250k are"), not
 * "the parents at our school are" or "some of these parents". With habits,
 * what such people do counts too ("Kids with ADHD need", "deserve"). */
static bool subject_in_general(const struct tokens *t, size_t first, bool habits)
{
	/* a "sentence" this long is no plain remark, and the walk back must
	 * not make a long text without stops quadratic */
	size_t start = sentence_start(t, first, SENTENCE_REACH);
	if (!starts_sentence(t, start))
		return false;
	/* "Two Year 8 girls were", "3 boys are": a count is of particular
	 * people */
	if (token_is(t, start, determiner, ARRAY_SIZE(determiner)) ||
	    isdigit((unsigned char)t->norm[t->items[start].norm]))
		return false;
	bool plural = bare_plural(t, start);
	for (size_t j = start + 1; j <= start + 5 && j < t->count; j++) {
		if (t->items[j].gap & (GAP_BREAK | GAP_STOP))
			return false;
		if (!token_is(t, j, who_are, ARRAY_SIZE(who_are)) &&
		    !token_is(t, j, modal_verb, ARRAY_SIZE(modal_verb)) &&
		    !(habits && token_is(t, j, habit_verb, ARRAY_SIZE(habit_verb)))) {
			if (token_is(t, j, determiner, ARRAY_SIZE(determiner)))
				return false;
			plural |= bare_plural(t, j);
			continue;
		}
		/* "Kids with ADHD are", "Parents of boys are" */
		return j <= start + 3 ? bare_plural(t, j - 1) ||
						(plural && token_is(t, start + 1, of_with, ARRAY_SIZE(of_with)))
				      : plural;
	}
	return false;
}

static bool generic_subject(const struct tokens *t, size_t first)
{
	return subject_in_general(t, first, false);
}

/* Whether the work term at tokens [first, last] is a role in general: a
 * bare plural that starts its sentence and is followed by what such people
 * do or should ("Teaching assistants should be paid over 52 weeks",
 * "Midday supervisors don't get paid for the training"), not "The TAs
 * were", "Our midday supervisors should" or "Two of our students". */
static bool role_in_general(const struct tokens *t, size_t first, size_t last)
{
	for (size_t j = first; j <= last; j++)
		if (token_is(t, j, determiner, ARRAY_SIZE(determiner)))
			return false;
	return starts_sentence(t, first) && bare_plural(t, last) &&
	       (joined_is(t, last + 1, modal_verb, ARRAY_SIZE(modal_verb)) ||
		joined_is(t, last + 1, habit_verb, ARRAY_SIZE(habit_verb)));
}

/* "SEN transport", "a SEND hub", "SEN teaching assistant": the acronym for
 * children's needs (SEN, SEND, Wales's ALN, Scotland's ASN; an EHCP)
 * naming a service, a post or a body, not a child's needs.
 * "SEN support", "SEND tribunal" and "SEN register" are a child's and stay. */
static const char *const service_noun[] = {
    "transport", "teaching",   "ta",         "tas",      "assistant", "assistants",  "forum",
    "forums",    "hub",        "hubs",       "team",     "teams",     "department",  "unit",
    "units",     "base",       "bases",      "school",   "schools",   "college",     "training",
    "policy",    "lead",       "leads",      "leader",   "leaders",   "coordinator", "co-ordinator",
    "officer",   "officers",   "governor",   "funding",  "system",    "crisis",      "reform",
    "reforms",   "conference", "teacher",    "teachers", "staff",     "network",     "course",
    "courses",   "specialist", "consultant", "adviser",  "advisor",   "service",     "services",
    "parents",   "provider",   "providers",  "applications", "guide",  "guidance",  "webinar",
    "workshop",  "explained"};

/* and a plan for one child's needs in general: "EHCP applications
 * explained", "an EHCP guide for parents" */
static const char *const needs_acronym[] = {"sen", "send", "aln", "asn", "ehcp", "ehcps"};

static bool names_a_service(const struct tokens *t, size_t last)
{
	return token_is(t, last, needs_acronym, ARRAY_SIZE(needs_acronym)) &&
	       joined_is(t, last + 1, service_noun, ARRAY_SIZE(service_noun));
}

/* "not one waterproof between us", "two bottles of wine between us", "a
 * hundred years' experience between us": a count shared out, not "just
 * between us" or "keep this between us". */
static const char *const between_word[] = {"between"};
static const char *const us_word[] = {"us"};
static const char *const count_word[] = {"one",   "two",   "three",   "four", "five", "six",
                                         "seven", "eight", "nine",    "ten",  "a",    "an",
                                         "no",    "not",   "hundred", "dozen"};
static const char *const secret_before[] = {"this", "it",    "that",  "just",   "strictly",
                                            "only", "stays", "stay",  "remain", "remains",
                                            "kept", "keep",  "quiet", "and",    "but"};

static bool shared_between_us(const struct tokens *t, size_t first, size_t last)
{
	if (last != first + 1 || first < 2 || !token_is(t, first, between_word, 1) ||
	    !token_is(t, last, us_word, 1) ||
	    (t->items[first].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)) ||
	    token_is(t, first - 1, secret_before, ARRAY_SIZE(secret_before)))
		return false;
	for (size_t j = first - 1, n = 0; n < 4; j--, n++) {
		const struct token *tok = &t->items[j];
		if ((tok->flags & TOKEN_HAS_DIGIT) ||
		    token_is(t, j, count_word, ARRAY_SIZE(count_word)))
			return true;
		if ((tok->gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)) || j == 0)
			break;
	}
	return false;
}

/* An insult talked about as a word, not called anyone: "Gormless is my
 * favourite Yorkshire word", "Scrote is a word my nan used", "the word
 * numpty", "Numpty is my favourite insult". Slurs are not lowered this
 * way (they are high). */
static const char *const word_word[] = {"word", "words", "insult", "insults"};
enum { WORD_REACH = 4 };

static bool named_as_a_word(const struct tokens *t, size_t first, size_t last)
{
	if (first >= 2 && token_is(t, first - 1, word_word, ARRAY_SIZE(word_word)) &&
	    token_is(t, first - 2, the_word, ARRAY_SIZE(the_word)) &&
	    !(t->items[first - 1].gap & (GAP_BREAK | GAP_STOP)))
		return true;
	size_t i = last + 1;
	if (i >= t->count || !token_is(t, i, is_word, ARRAY_SIZE(is_word)) ||
	    (t->items[i].gap & (GAP_BREAK | GAP_STOP)))
		return false;
	return word_within(t, i, WORD_REACH, word_word, ARRAY_SIZE(word_word));
}

/* Whether candidate k is a phrase with a payload of this category (or any,
 * CAT_LEXICON_END) and with one of these flags (or any, 0). */
static bool phrase_has(const struct classifier *c, const struct candidate *k, unsigned category,
		       unsigned flags)
{
	size_t n;
	const struct payload *ps =
		k->node == MATCH_NO_NODE ? NULL : match_dict_payloads(c->dict, k->node, &n);
	for (size_t i = 0; ps && i < n; i++)
		if ((category == CAT_LEXICON_END || ps[i].category == category) &&
		    (!flags || (ps[i].flags & flags)))
			return true;
	return false;
}

/* A secret that is happy news: "keep it quiet but we're getting a puppy",
 * "sworn to secrecy until Sunday, I'm bursting", "off the record, the new
 * Doctor Who is brilliant": a happy word, and nothing negative beside it
 * (neither a grievance word such as "awful" nor an insult). A promise of
 * secrecy (`context=secret`) makes a post about school, as a confidential
 * term does, unless the secret is happy news; then, in a post that is not
 * about school otherwise, it is a hint. News kept from others that is not
 * happy ("keep it quiet, my uncle's been arrested") is still
 * confidential. */
static const char *const happy_word[] = {
    "engaged",   "engagement", "proposed",  "puppy",    "kitten",   "party",    "surprise",
    "birthday",  "present",    "presents",  "holiday",  "honeymoon", "wedding", "booked",
    "booking",   "lovely",     "brilliant", "thrilled", "excited",  "exciting", "bursting",
    "delighted", "chuffed",    "yay"};
/* "a second date", not "a court date" */
static const char *const date_word[] = {"date"};
static const char *const date_kind[] = {"first", "second", "third", "dinner", "hot"};

static bool happy_secret(const struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	bool happy = false;
	for (size_t i = 0; i < t->count && !happy; i++)
		happy = token_is(t, i, happy_word, ARRAY_SIZE(happy_word)) ||
			(i > 0 && token_is(t, i, date_word, 1) &&
			 token_is(t, i - 1, date_kind, ARRAY_SIZE(date_kind)));
	if (!happy)
		return false;
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		if (k->node == MATCH_NO_NODE ? k->category == CAT_DEROGATORY
					     : phrase_has(c, k, CAT_GRIEVANCE, 0) ||
						       phrase_has(c, k, CAT_DEROGATORY, 0))
			return false;
	}
	return true;
}

/* A secret that is the writer's own small sin or view and nothing more:
 * the words after the promise start with the writer ("nobody's meant to
 * know, but I ate the last mince pie", "off the record, my lasagne is from
 * M&S") or name the sin ("off the record, the new Italian is overrated"),
 * in a post about food, telly or the like, or with the writer's pet
 * ("strictly between us, the dog has been sleeping on the bed"); and no
 * other confidential phrase is in the post. Like happy news, it does not
 * make a post about school ("between us, I've applied for another job"
 * still does). */
static const char *const secret_joiner[] = {"but", "and", "so"};
static const char *const own_subject[] = {"i", "my"};
static const char *const the_our[] = {"the", "our", "my"};
static const char *const small_sin[] = {
	"cake", "cakes", "pie", "pies", "chocolate", "chocolates", "biscuits", "crisps",
	"lasagne", "chilli", "pizza", "takeaway", "wine", "gin", "street", "advert",
	"telly", "netflix", "island", "bake", "diet", "gym", "sweets", "selection", "box",
	"restaurant", "cafe", "italian", "chippy", "curry", "burger", "menu", "coffee", "series",
	"hair", "haircut", "fringe", "tattoo", "bounty", "twix", "kitkat", "tub"};

/* Whether token j is "the", "our" or "my" and a small sin is named within
 * three words after it: "the new Italian", "the chippy". */
static bool small_sin_named(const struct tokens *t, size_t j)
{
	return token_is(t, j, the_our, ARRAY_SIZE(the_our)) &&
	       word_within(t, j, 3, small_sin, ARRAY_SIZE(small_sin));
}

static bool own_secret(const struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	bool any = false, small = false;
	for (size_t i = 0; i < t->count && !small; i++)
		small = token_is(t, i, small_sin, ARRAY_SIZE(small_sin));
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		if (!phrase_has(c, k, CAT_CONFIDENTIAL, 0))
			continue;
		if (!phrase_has(c, k, CAT_CONFIDENTIAL, TERM_SECRET))
			return false;
		size_t j = k->last + 1;
		if (j < t->count && token_is(t, j, secret_joiner, ARRAY_SIZE(secret_joiner)))
			j++;
		if (j >= t->count)
			return false;
		if (!((small && (token_is(t, j, own_subject, ARRAY_SIZE(own_subject)) ||
				 small_sin_named(t, j))) ||
		      (j + 1 < t->count && token_is(t, j, the_our, ARRAY_SIZE(the_our)) &&
		       token_is(t, j + 1, pet, ARRAY_SIZE(pet)))))
			return false;
		any = true;
	}
	return any;
}

static enum severity judge(const struct classifier *c, const struct payload *p,
			   const struct candidate *k, struct text_shape shape, unsigned *cat)
{
	*cat = p->category;
	switch (p->category) {
	case CAT_CONTEXT:
	case CAT_COMMON:
	case CAT_CHILD:
	case CAT_GROUP:
		return SEV_NONE;
	case CAT_GRIEVANCE:
		/* not of the party at "my daughter's", nor of people in general */
		*cat = CAT_WORK_DETAIL;
		return c->cands.context && !parents_sentence(c, k->first) &&
				       !own_childs(&c->tokens, k->first, k->last, true) &&
				       !(!c->cands.teacher && generic_subject(&c->tokens, k->first))
			       ? (enum severity)p->severity
			       : SEV_NONE;
	default:
		break;
	}
	if (p->kind == KIND_FORENAME || p->kind == KIND_SURNAME)
		return judge_name(c, p, k, shape);
	if (p->kind == KIND_SCHOOL && names_church(&c->tokens, k->last))
		return SEV_LOW;
	/* "please send photos" is not SEND; in a text all in capitals ("SEND
	 * WINE") no acronym that is also a word can be told from the word */
	if ((p->flags & TERM_ACRONYM) && shape.shouting)
		return SEV_LOW;
	if ((p->flags & TERM_ACRONYM) && !in_capitals(&c->tokens, k->last, k->last))
		return SEV_NONE;
	if (p->category == CAT_CONFIDENTIAL && k->first == k->last &&
	    names_a_service(&c->tokens, k->last))
		return SEV_LOW;
	if (p->category == CAT_CONFIDENTIAL && shared_between_us(&c->tokens, k->first, k->last))
		return SEV_LOW;
	/* a particular child makes a post about school for these terms too:
	 * "a boy in Year 9 was arrested", "one of my boys' dad was arrested" */
	if (((p->flags & TERM_SCHOOL) && !c->cands.context && !c->cands.child) ||
	    ((p->flags & TERM_CHILD) && !c->cands.child) ||
	    ((p->flags & TERM_GROUP) && !c->cands.group) ||
	    ((p->flags & TERM_CONCERN) && !c->cands.concern) ||
	    ((p->flags & TERM_SECRET) && !c->cands.context && !c->cands.child))
		return SEV_LOW;
	/* "trainee teachers" beside an insult are colleagues, but "trainee
	 * teachers who think they know everything are" are people in general */
	if (p->category == CAT_WORK_DETAIL && (p->flags & TERM_CONCERN) && !c->cands.teacher &&
	    generic_subject(&c->tokens, k->first))
		return SEV_LOW;
	if (p->category == CAT_WORK_DETAIL && p->kind == KIND_TERM && in_a_story(&c->tokens, k->last))
		return SEV_LOW;
	if (p->category == CAT_WORK_DETAIL && p->kind == KIND_TERM && !c->cands.teacher &&
	    role_in_general(&c->tokens, k->first, k->last))
		return SEV_LOW;
	/* the school's own name is the writer's work whoever's child it is */
	if (p->category == CAT_WORK_DETAIL && p->kind != KIND_SCHOOL &&
	    ((parents_sentence(c, k->first) && !ours_beside_spouse(&c->tokens, k->first, k->last)) ||
	     own_childs(&c->tokens, k->first, k->last, true)))
		return SEV_LOW;
	if (p->category == CAT_CONFIDENTIAL &&
	    (topic_of(&c->tokens, k->first) || topic_after(&c->tokens, k->last) ||
	     of_own_grown_up(&c->tokens, k->first) || at_own_grown_ups_work(&c->tokens, k->last) ||
	     own_health(&c->tokens, k->first) ||
	     own_diagnosis(&c->tokens, k->first)))
		return SEV_LOW;
	/* a process in general: "Exclusions don't work", "Referrals should be
	 * quicker" */
	if (p->category == CAT_CONFIDENTIAL && !c->cands.child && !c->cands.teacher &&
	    role_in_general(&c->tokens, k->first, k->last))
		return SEV_LOW;
	/* a remark on a group in general tells no one's secret: "Catholics
	 * are child-abusing hypocrites", "Autistic kids are just naughty",
	 * "Kids with ADHD deserve better support" */
	if (p->category == CAT_CONFIDENTIAL && c->cands.group && !c->cands.child &&
	    !c->cands.teacher && subject_in_general(&c->tokens, k->first, true))
		return SEV_LOW;
	/* a word that is news only about a pupil ("speech and language",
	 * "hospital") said of the writer's own child is the writer's to tell */
	if (p->category == CAT_CONFIDENTIAL && (p->flags & (TERM_SCHOOL | TERM_CHILD)) &&
	    !c->cands.teacher && own_childs(&c->tokens, k->first, k->last, false) &&
	    !others_of_own_child(&c->tokens, k->first))
		return SEV_LOW;
	if (p->category == CAT_DEROGATORY && k->first == k->last && used_as_verb(&c->tokens, k->first))
		return SEV_LOW;
	/* a remark about a group that the writer reports as someone's claim */
	if (p->category == CAT_DEROGATORY && (p->flags & TERM_GROUP) &&
	    reported_claim(&c->tokens, k->first))
		return SEV_LOW;
	if (p->category == CAT_DEROGATORY && p->severity == SEV_MEDIUM &&
	    (said_of_self(&c->tokens, k->first) || said_of_self_after(&c->tokens, k->last) ||
	     named_as_a_word(&c->tokens, k->first, k->last) ||
	     (!c->cands.context && said_fondly(&c->tokens, k->last)) ||
	     (k->first == k->last && denied_or_reported(&c->tokens, k->first))))
		return SEV_LOW;
	return (enum severity)p->severity;
}

/* Whether a candidate, decided, says something derogatory or confidential
 * outside any phrase that waits for one: "union rep" inside "the union rep"
 * is that phrase's own words, not a concern beside it. The first `phrases`
 * candidates are phrases in order of their start, so one pass keeps how far
 * the waiting phrases so far reach. */
static bool says_concern(const struct classifier *c, size_t phrases)
{
	const struct cand_list *l = &c->cands;
	uint32_t covered = 0;
	for (size_t i = 0; i < l->count; i++) {
		const struct candidate *k = &l->items[i];
		bool waits = i < phrases && phrase_has(c, k, CAT_LEXICON_END, TERM_CONCERN);
		if (!waits && k->severity >= SEV_MEDIUM &&
		    (k->category == CAT_DEROGATORY || k->category == CAT_CONFIDENTIAL) &&
		    !(i < phrases && k->end <= covered))
			return true;
		if (waits && k->end > covered)
			covered = k->end;
	}
	return false;
}


/* Whether phrase candidate k warns from a payload of this kind (and of
 * this category, unless CAT_COUNT). */
static bool warns_from(const struct classifier *c, const struct candidate *k, unsigned category,
		       unsigned kind)
{
	size_t n;
	const struct payload *ps = match_dict_payloads(c->dict, k->node, &n);
	for (size_t i = 0; i < n; i++)
		if (ps[i].kind == kind && ps[i].label == k->label &&
		    (category == CAT_COUNT || ps[i].category == category))
			return true;
	return false;
}

/* Whether phrase candidate k warns as a work detail from the lexicons
 * (not the school's name or a reg group). */
static bool lexicon_work_term(const struct classifier *c, const struct candidate *k)
{
	return warns_from(c, k, CAT_WORK_DETAIL, KIND_TERM);
}

/* "Ofsted inspectors are soulless box-ticking wankers", "PTA mums who
 * moan about everything are power-mad witches": an insult of people in
 * general names no one's workplace, so the lexicon's work words in its
 * sentence are hints. Not the school's name or a reg group, and not when
 * the writer speaks of their own pupils. Nor does it tell a secret
 * ("Social workers who never return calls are lazy gits"), unless a
 * particular child is in the post. */
static void lower_generic_insults(struct classifier *c, size_t phrases)
{
	const struct tokens *t = &c->tokens;
	if (c->cands.teacher)
		return;
	for (size_t i = 0; i < phrases; i++) {
		struct candidate *w = &c->cands.items[i];
		bool work = w->category == CAT_WORK_DETAIL && lexicon_work_term(c, w);
		bool secret = w->category == CAT_CONFIDENTIAL && !c->cands.child;
		if (w->severity < SEV_MEDIUM || !(work || secret) || !generic_subject(t, w->first))
			continue;
		/* an insult after it in its sentence: phrases are in the order
		 * of their first tokens, and a sentence here is at most
		 * SENTENCE_REACH tokens from its start */
		size_t end = w->last + 1;
		while (end < t->count && end < w->first + SENTENCE_REACH &&
		       !(t->items[end].gap & (GAP_BREAK | GAP_STOP)))
			end++;
		for (size_t j = i + 1; j < phrases && c->cands.items[j].first < end; j++) {
			const struct candidate *d = &c->cands.items[j];
			if (d->category == CAT_DEROGATORY && d->severity >= SEV_MEDIUM &&
			    d->first > w->last) {
				w->severity = SEV_LOW;
				break;
			}
		}
	}
}

/* "My ducks are absolute muppets", "Our cat is a spineless coward around
 * the hoover", "Penguins are clowns": an insult said of an animal, the
 * subject of its clause, is a hint. A slur
 * is high and stays; "the dog walker is an idiot" is said of a person, and
 * so is "People who don't pick up after their dogs are scum". */
static const char *const animal[] = {
    "dog",      "dogs",     "puppy",    "puppies",  "cat",       "cats",      "kitten",
    "kittens",  "duck",     "ducks",    "goose",    "geese",     "seagull",   "seagulls",
    "gull",     "gulls",    "pigeon",   "pigeons",  "squirrel",  "squirrels", "hen",
    "hens",     "chicken",  "chickens", "cockerel", "fox",       "foxes",     "horse",
    "horses",   "pony",     "ponies",   "sheep",    "cow",       "cows",      "goat",
    "goats",    "penguin",  "penguins", "parrot",   "budgie",    "rabbit",    "rabbits",
    "hamster",  "tortoise", "alpaca",   "alpacas",  "llama",     "llamas",    "magpie",
    "magpies",  "crow",     "crows",    "swan",     "swans",     "labrador",  "spaniel",
    "collie",   "terrier",  "cockapoo", "pug"};
static const char *const relative_word[] = {"who", "that", "which"};

/* Whether tokens [s, verb) are an animal as a clause's subject: "our
 * cat", "the local geese", "my neighbour's dog", "some of the local
 * geese", not "the man with the dog". */
static bool animal_subject(const struct tokens *t, size_t s, size_t verb)
{
	while (s < verb && (token_is(t, s, determiner, ARRAY_SIZE(determiner)) ||
			    token_is(t, s, of_word, 1)))
		s++;
	if (s + 2 < verb && clitic(t, s + 1, 's'))
		s += 2;
	else if (s + 2 == verb)
		s++;
	return s < verb && token_is(t, s, animal, ARRAY_SIZE(animal));
}

static bool said_of_animal(const struct tokens *t, size_t first)
{
	/* back to the start of the clause, noting the last "is" or "are"
	 * before the insult (or its own first word) */
	size_t s = first, be = token_is(t, first, be_word, ARRAY_SIZE(be_word)) ? first : SIZE_MAX;
	while (s > 0 && first - s < SENTENCE_REACH &&
	       !(t->items[s].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))) {
		s--;
		if (be == SIZE_MAX && token_is(t, s, be_word, ARRAY_SIZE(be_word)))
			be = s;
		if (token_is(t, s, relative_word, ARRAY_SIZE(relative_word)))
			return false;
	}
	return be != SIZE_MAX && animal_subject(t, s, be);
}

/* "Our cat went missing overnight", "Dog has been missing since Tuesday":
 * a pet lost, not a child. Lowers a confidential phrase with "missing" in
 * it whose sentence starts with an animal before its verb, or before
 * "missing" where there is no verb. */
static const char *const missing_word[] = {"missing"};
static const char *const gone_verb[] = {"has", "have", "had", "went", "gone", "is", "was",
					"been", "are", "were", "go", "goes"};

static void lower_missing_animals(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i < c->cands.count; i++) {
		struct candidate *d = &c->cands.items[i];
		if (d->category != CAT_CONFIDENTIAL || d->severity < SEV_MEDIUM)
			continue;
		size_t m = d->first;
		while (m <= d->last && !token_is(t, m, missing_word, ARRAY_SIZE(missing_word)))
			m++;
		if (m > d->last)
			continue;
		size_t s = sentence_start(t, m, SENTENCE_REACH), verb = s;
		while (verb < m && !token_is(t, verb, gone_verb, ARRAY_SIZE(gone_verb)))
			verb++;
		/* "Dog missing overnight": no verb, the noun just before */
		if (animal_subject(t, s, verb))
			d->severity = SEV_LOW;
	}
}

/* An insult that goes on from one said of an animal is said of it too:
 * "coward" after "is a spineless" in "Our cat is a spineless coward". */
static void lower_animal_insults(struct classifier *c)
{
	size_t from = SIZE_MAX, to = 0; /* the tokens of the insults lowered */
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *d = &c->cands.items[i];
		if (d->category == CAT_DEROGATORY && d->severity >= SEV_LOW &&
		    said_of_animal(&c->tokens, d->first)) {
			from = d->first < from ? d->first : from;
			to = d->last > to ? d->last : to;
		}
	}
	for (size_t i = 0; from != SIZE_MAX && i < c->cands.count; i++) {
		struct candidate *d = &c->cands.items[i];
		if (d->category == CAT_DEROGATORY && d->severity == SEV_MEDIUM &&
		    d->first >= from && d->first <= to + 1)
			d->severity = SEV_LOW;
	}
}

static const char *const long_time[] = {"years", "decades", "ages", "centuries", "generations"};

static const char *const fight_word[] = {"fight"};
static const char *const change_word[] = {"change"};
static const char *const mind_word[] = {"mind"};

/* Whether the here-and-now word at token i says nothing of the writer's
 * own day: the "ago" of "years ago" ("should have gone years ago"), or
 * the "me" and "my" of a sign-off to an opinion ("fight me", "change my
 * mind"). */
static bool not_own_day(const struct tokens *t, size_t i)
{
	if (i == 0)
		return false;
	if (token_is(t, i, ago_word, 1))
		return token_is(t, i - 1, long_time, ARRAY_SIZE(long_time));
	if (token_is(t, i, me_word, 1))
		return token_is(t, i - 1, fight_word, 1);
	return token_is(t, i - 1, change_word, 1) && i + 1 < t->count &&
	       token_is(t, i + 1, mind_word, 1);
}

/* words that make a sentence about schools in general */
static const char *const in_general[] = {
	"nationally", "national", "nationwide", "country", "profession", "nowadays",
	"generally", "government",
};
static const char *const any_word[] = {"any"};
static const char *const according_word[] = {"according"};
static const char *const best_worst[] = {"best", "worst", "greatest"};
static const char *const kinds_of_staff[] = {
	"teachers", "headteachers", "heads", "leaders", "schools", "parents", "tas",
	"senco", "sencos", "inspectors", "governors", "trusts", "colleagues", "mentors",
};
static const char *const this_or_ours[] = {"this", "my", "our"};
static const char *const school_people[] = {"school", "teacher", "child", "parent", "kid"};
static const char *const schools_word[] = {"schools"};
static const char *const kind_of_school[] = {
	"in", "primary", "secondary", "state", "private", "english", "uk", "british",
	"all", "most", "many", "infant", "junior", "special", "grammar",
};

/* Whether token i makes its sentence about schools in general: "across the
 * country", "the profession", "in any school", "primary schools", "in
 * schools" (not "three different schools" or "our schools"). */
static bool general_word(const struct tokens *t, size_t i)
{
	bool after_word = i > 0 && !(t->items[i].gap & (GAP_BREAK | GAP_STOP));
	if (token_is(t, i, in_general, ARRAY_SIZE(in_general)))
		return !after_word || !token_is(t, i - 1, this_or_ours, ARRAY_SIZE(this_or_ours));
	/* "according to the news": news told of others, not the writer's own */
	if (token_is(t, i, according_word, 1))
		return i + 1 < t->count && token_is(t, i + 1, to_word, 1);
	if (!after_word)
		return false;
	if (token_is(t, i, schools_word, ARRAY_SIZE(schools_word)))
		return token_is(t, i - 1, kind_of_school, ARRAY_SIZE(kind_of_school));
	/* "the best headteachers", "the worst parents": the kind, not ours */
	if (token_is(t, i, best_worst, ARRAY_SIZE(best_worst)) &&
	    token_is(t, i - 1, the_word, 1) && i + 1 < t->count &&
	    !(t->items[i + 1].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)))
		return token_is(t, i + 1, kinds_of_staff, ARRAY_SIZE(kinds_of_staff));
	return token_is(t, i, school_people, ARRAY_SIZE(school_people)) &&
	       token_is(t, i - 1, any_word, ARRAY_SIZE(any_word));
}

/* Whether the sentence token k is in says something of schools in general
 * (general_word). */
static bool general_sentence(const struct tokens *t, size_t k)
{
	size_t s = sentence_start(t, k, SENTENCE_REACH), e = k + 1;
	while (e < t->count && e - k < SENTENCE_REACH &&
	       !(t->items[e].gap & (GAP_BREAK | GAP_STOP)))
		e++;
	for (size_t i = s; i < e; i++)
		if (general_word(t, i))
			return true;
	return false;
}

/* what the subject of a remark in general goes on with */
static const char *const general_verb[] = {
	"are", "should", "shouldn", "can", "cant", "cannot", "must", "need",
	"deserve", "put", "get", "make", "take", "don", "do", "never", "always", "cost", "ruin",
	"tell",
};
/* after which a subject need not be plural: "Report writing should be
 * abolished" */
static const char *const general_modal[] = {"should", "shouldn", "must", "cant", "cannot"};
static const char *const clause_word[] = {"but", "if", "when", "because", "so", "while"};
/* "results are in", "bookings are open": a state of particular things now */
static const char *const now_state[] = {
	"in", "out", "open", "due", "back", "off", "closed", "done", "ready", "finished", "over",
	"cancelled",
};
static const char *const some_of_all[] = {"every", "most", "all", "many"};
/* plurals with no s: "PRU staff are the best in the business" */
static const char *const plural_noun[] = {"staff", "people", "children", "men", "women"};

static const char *const do_word[] = {"do"};
static const char *const party_kind[] = {"christmas", "leaving", "retirement", "birthday",
					 "summer", "staff", "works", "farewell"};

/* Whether token j is "do" the party ("the English department Christmas
 * do"), not the verb. */
static bool a_do(const struct tokens *t, size_t j)
{
	return j > 0 && token_is(t, j, do_word, 1) &&
	       token_is(t, j - 1, party_kind, ARRAY_SIZE(party_kind));
}

/* Whether tokens [first, last] are in the subject of a remark on people or
 * things in general that starts its sentence: a bare plural ("Social
 * workers are", "SATs put", "Mocks in November are"), or anything that
 * "should" or "must" ("Report writing should be abolished"), with no
 * determiner but "every", "most", "all" or "many" before it, within five
 * words of a verb of what is or should be (not "are in", "are open"), and
 * no comma or second clause between. */
static bool in_general_subject(const struct tokens *t, size_t first, size_t last)
{
	size_t s = sentence_start(t, first, 5);
	if (!starts_sentence(t, s) ||
	    (token_is(t, s, determiner, ARRAY_SIZE(determiner)) &&
	     !token_is(t, s, some_of_all, ARRAY_SIZE(some_of_all))))
		return false;
	bool plural = false;
	for (size_t j = s; j < t->count && j <= s + 5; j++) {
		if (j > s && (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER)))
			return false;
		if (j > last && token_is(t, j, general_verb, ARRAY_SIZE(general_verb)) &&
		    !a_do(t, j))
			return (plural || token_is(t, j, general_modal, ARRAY_SIZE(general_modal))) &&
			       !(j + 1 < t->count &&
				 token_is(t, j + 1, now_state, ARRAY_SIZE(now_state)));
		if (token_is(t, j, clause_word, ARRAY_SIZE(clause_word)) ||
		    token_is(t, j, this_or_ours, ARRAY_SIZE(this_or_ours)))
			return false;
		plural |= bare_plural(t, j) || token_is(t, j, plural_noun, ARRAY_SIZE(plural_noun));
	}
	return false;
}

/* "LADO referrals have gone up nationally", "Headteachers are leaving the
 * profession in record numbers", "Year 11 is the hardest year to teach in
 * any school": a remark on schools in general names no one's school and
 * tells no one's case, so its work details and confidential terms are
 * hints. Only where every such term of the post is in such a sentence or
 * the subject of a remark in general (in_general_subject: "Social workers
 * are overworked"), and nothing in the post is the writer's own here and
 * now (here_and_now), a particular child, the writer's pupils or an
 * insult. */
static void lower_general_remarks(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	if (c->cands.teacher || c->cands.child)
		return;
	size_t lowered = 0;
	for (size_t i = 0; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		if (k->severity >= SEV_MEDIUM && k->category == CAT_DEROGATORY)
			return; /* an insult's own rules judge its words */
		if (k->severity < SEV_MEDIUM ||
		    (k->category != CAT_WORK_DETAIL && k->category != CAT_CONFIDENTIAL))
			continue;
		bool phrase = k->node != MATCH_NO_NODE;
		if (phrase && warns_from(c, k, CAT_COUNT, KIND_SCHOOL))
			return; /* the school's or trust's own name */
		if (!((phrase && in_general_subject(t, k->first, k->last)) ||
		      ((phrase || k->label == c->pattern_labels[PL_YEAR_GROUP]) &&
		       general_sentence(t, phrase ? k->first : token_starting_at(t, k->start)))))
			return;
		lowered++;
	}
	if (!lowered)
		return;
	for (size_t i = 0; i < t->count; i++)
		if (token_is(t, i, here_and_now, ARRAY_SIZE(here_and_now)) && !not_own_day(t, i))
			return;
	c->cands.general = true;
	for (size_t i = 0; i < c->cands.count; i++) {
		struct candidate *k = &c->cands.items[i];
		if (k->severity >= SEV_MEDIUM &&
		    (k->category == CAT_WORK_DETAIL || k->category == CAT_CONFIDENTIAL)) {
			k->severity = SEV_LOW;
			/* "Ofsted grades" is a work detail too */
			if (k->also_severity != SEV_NONE)
				k->also_severity = SEV_LOW;
		}
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

/* The node of candidate k's words without the fillers inside them, or
 * MATCH_NO_NODE if it has none or they make no phrase: "are so
 * brainwashed" is also "are brainwashed". */
static uint32_t node_without_fillers(const struct classifier *c, const struct candidate *k)
{
	uint32_t node = MATCH_ROOT;
	bool skipped = false;
	for (size_t i = k->first; i <= k->last && node != MATCH_NO_NODE; i++) {
		if (i > k->first && i < k->last && filler_at(c, i))
			skipped = true;
		else
			node = token_step(c, node, i);
	}
	return skipped ? node : MATCH_NO_NODE;
}

/* A work detail inside a confidential phrase warns as well, over the same
 * words: "told the DSL" is a confidential matter, and the
 * DSL a detail of the writer's work. */
static void inner_work_detail(const struct classifier *c, struct candidate *k,
			      struct text_shape shape)
{
	for (size_t from = k->first; from <= k->last; from++) {
		uint32_t node = MATCH_ROOT;
		for (size_t j = from; phrase_step(c, from, &j, &node) && j <= k->last; j++) {
			size_t n;
			const struct payload *ps = match_dict_payloads(c->dict, node, &n);
			if (!ps || (from == k->first && j == k->last))
				continue;
			struct candidate inner = *k;
			inner.first = (uint32_t)from;
			inner.last = (uint32_t)j;
			inner.node = node;
			for (size_t i = 0; i < n; i++) {
				unsigned cat;
				if (ps[i].category != CAT_WORK_DETAIL)
					continue;
				enum severity s = judge(c, &ps[i], &inner, shape, &cat);
				if (cat == CAT_WORK_DETAIL && s >= SEV_MEDIUM &&
				    s > k->also_severity) {
					k->also_category = CAT_WORK_DETAIL;
					k->also_severity = (uint8_t)s;
					k->also_label = ps[i].label;
				}
			}
		}
	}
}

/* Decides a phrase candidate: fills category, severity and label, or
 * severity SEV_NONE. A phrase that holds a filler is judged as the phrase
 * without it as well, as it would be had no phrase gone on with the filler
 * ("are so brainwashed" of a group named nowhere is still "are
 * brainwashed", an insult). */
static void decide(const struct classifier *c, struct candidate *k, struct text_shape shape)
{
	size_t n, n2 = 0;
	const struct payload *ps = match_dict_payloads(c->dict, k->node, &n), *ps2 = NULL;
	const struct payload *best = NULL;
	enum severity best_sev = SEV_NONE;
	unsigned best_cat = 0;
	/* the most severe payload of each category, for the second warning */
	const struct payload *of_cat[CAT_COUNT] = {0};
	enum severity sev_of[CAT_COUNT] = {SEV_NONE};
	/* an allowlisted phrase raises nothing, whatever else it is */
	size_t judged = has_allow(ps, n) ? 0 : n;
	if (judged && k->last > k->first + 1) {
		uint32_t alt = node_without_fillers(c, k);
		if (alt != MATCH_NO_NODE && (ps2 = match_dict_payloads(c->dict, alt, &n2)) &&
		    has_allow(ps2, n2))
			n2 = 0;
	}
	for (size_t i = 0; i < judged + n2; i++) {
		const struct payload *p = i < judged ? &ps[i] : &ps2[i - judged];
		unsigned cat;
		enum severity s = judge(c, p, k, shape, &cat);
		if (cat < CAT_COUNT && p->category == cat && s > sev_of[cat]) {
			sev_of[cat] = s;
			of_cat[cat] = p;
		}
		if (s > best_sev ||
		    (s == best_sev && best && category_rank(cat) < category_rank(best_cat))) {
			best = p;
			best_sev = s;
			best_cat = cat;
		}
	}
	k->severity = (uint8_t)best_sev;
	k->also_severity = SEV_NONE;
	if (best) {
		k->category = (uint8_t)best_cat;
		k->label = best->label;
		for (unsigned cat = 0; cat < CAT_COUNT; cat++)
			if (cat != best_cat && sev_of[cat] >= SEV_MEDIUM &&
			    sev_of[cat] > k->also_severity) {
				k->also_category = (uint8_t)cat;
				k->also_severity = (uint8_t)sev_of[cat];
				k->also_label = of_cat[cat]->label;
			}
		if (k->also_severity == SEV_NONE && best_sev >= SEV_MEDIUM &&
		    best_cat == CAT_CONFIDENTIAL)
			inner_work_detail(c, k, shape);
	} else if (!judged && n) {
		k->category = CAT_ALLOW; /* for what lies inside it, below */
	}
}

/* Decides the first phrases candidates (the lists' phrases), and again
 * when something learnt afterwards changes what they mean. */
static void decide_phrases(const struct classifier *c, size_t phrases, struct text_shape shape)
{
	for (size_t i = 0; i < phrases; i++)
		decide(c, &c->cands.items[i], shape);
}

/* Whether a phrase judged a pupil's name at medium or above is among the
 * first phrases candidates. */
static bool names_a_pupil(const struct classifier *c, size_t phrases)
{
	for (size_t i = 0; i < phrases; i++)
		if (c->cands.items[i].category == CAT_PUPIL_NAME &&
		    c->cands.items[i].severity >= SEV_MEDIUM)
			return true;
	return false;
}

static int cmp_candidates(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

/* Whether candidate a, which starts no earlier than b and overlaps it,
 * should replace it: the more severe, then the longer; but of two list
 * phrases equally severe and in different categories the first is kept
 * ("Our head is a" before "is a spineless"), since the phrase scan found
 * the second only because it runs past the first. */
static bool better(const struct candidate *a, const struct candidate *b)
{
	if (a->severity != b->severity)
		return a->severity > b->severity;
	/* but a longer phrase saying the same wins over one that warns only
	 * in some posts ("Our head of science" shows as "head of science", not
	 * "Our head"), or that shares only its last word with it ("Our school
	 * counsellor" as "school counsellor", not "Our school"); names are
	 * read left to right ("Jack Turner, Jack Turner" is two, not "Turner,
	 * Jack") */
	if (a->node != MATCH_NO_NODE && b->node != MATCH_NO_NODE)
		return a->category == b->category && a->end - a->start > b->end - b->start &&
		       ((b->gated && !a->gated) ||
			(a->first == b->last && a->category != CAT_PUPIL_NAME &&
			 a->category != CAT_PERSON_NAME));
	return a->end - a->start > b->end - b->start;
}

/* Whether mail is an email address that holds candidate name, a pupil's
 * or a person's name, and says nothing else of it yet. */
static bool mail_with_name(const struct classifier *c, const struct candidate *mail,
			   const struct candidate *name)
{
	return mail->node == MATCH_NO_NODE && mail->category == CAT_PERSONAL_DATA &&
	       mail->label == c->pattern_labels[PL_EMAIL] && mail->also_severity == SEV_NONE &&
	       (name->category == CAT_PUPIL_NAME || name->category == CAT_PERSON_NAME) &&
	       name->start >= mail->start && name->end <= mail->end;
}

/* Below this many bytes a second thread costs more than it saves. */
#define PARALLEL_MIN (64 * 1024)

/* Where the second thread's part of the tokens begins, as a share of the
 * text in 1/64ths. The first thread goes on to the phrases, which need
 * every token; the second to obfuscated words and patterns. 36 was the
 * fastest of 30, 36 and 44 on a 1 MB text in session 23, when the phrase
 * scan had grown (44 before; docs/performance.md). */
#define SPLIT_64THS 36

static void *side_scan_run(void *arg)
{
	struct side_scan *s = arg;
	if (s->split) {
		struct tokens *t = &s->tokens;
		text_tokenize_part(t, s->text, s->split, s->len);
		grow_array((void **)&s->ids, &s->ids_cap, t->count, sizeof(*s->ids));
		look_up(s->c, t, s->ids, &s->stems);
		sem_post(&s->tokens_ready);
	}
	struct sink obf = {s->c, &s->obf, s->text, s->len}, pat = {s->c, &s->pat, s->text, s->len};
	obfuscation_scan_runs(s->text, s->len, &s->scratch, on_obfuscated, &obf);
	patterns_scan(s->c->patterns, s->text, s->len, on_pattern, &pat);
	return NULL;
}

/* "A Year 11 told me she's sofa surfing", "a Year 9 in my cover lesson",
 * "a Year 3 mum": one pupil called by the year group (or that pupil's
 * family), not a Year 6 class or teacher. The word after is a verb or a
 * preposition of the kind a person takes, or the family. */
static const char *const one_article[] = {"a", "an", "one"};
static const char *const after_one_pupil[] = {
    "told", "said", "says", "tells", "asked", "was", "is", "has", "had", "got", "came", "comes",
    "who", "who's", "whose", "in", "at", "from", "with", "today", "just", "kept", "keeps", "ran",
    "walked", "cried", "threw", "hit", "swore", "refused", "tried", "wrote", "brought", "admitted",
    "disclosed", "needs", "wants", "wanted", "didn", "doesn", "isn", "wasn", "hasn", "did", "does",
    "left", "went", "turned", "on", "ate", "fell", "bit", "broke", "joined", "started",
    "stopped",
    /* "a Year 3 mum", "a Year 2 family": one pupil's family */
    "family", "mum", "mam", "dad", "parent", "parents", "carer", "nan", "gran", "grandad"};

/* Whether the year group at tokens first up to (not including) next is
 * one pupil: "a" before it, and a person's word or a sentence's end after. */
static bool one_of_a_year(const struct tokens *t, size_t first, size_t next)
{
	if (first == 0 || first >= t->count || t->items[first].gap & (GAP_BREAK | GAP_STOP) ||
	    !token_is(t, first - 1, one_article, ARRAY_SIZE(one_article)))
		return false;
	return next == t->count || t->items[next].gap & (GAP_BREAK | GAP_STOP) ||
	       token_is(t, next, after_one_pupil, ARRAY_SIZE(after_one_pupil));
}

/* "One of my hospital school pupils", "one of my route kids", "one of our
 * Muslim families": one child (or child's family) of the writer's, with
 * words between that no list spells out. */
static const char *const children_noun[] = {"pupils",   "kids",     "students", "boys",
                                            "girls",    "children", "tutees",   "learners",
                                            "lads",     "lasses",   "families", "son",
                                            "daughter", "sons",     "daughters"};
enum { ONE_OF_MINE_REACH = 4 };

static void note_one_of_mine(struct classifier *c)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i + 3 < t->count; i++) {
		if (!token_is(t, i, one_word, ARRAY_SIZE(one_word)) ||
		    !token_is(t, i + 1, of_word, ARRAY_SIZE(of_word)) ||
		    !token_is(t, i + 2, my, ARRAY_SIZE(my)))
			continue;
		for (size_t j = i + 3; j < t->count && j <= i + 2 + ONE_OF_MINE_REACH; j++) {
			if (t->items[j].gap & (GAP_BREAK | GAP_STOP | GAP_OTHER))
				break;
			if (token_is(t, j, children_noun, ARRAY_SIZE(children_noun))) {
				c->cands.child = true;
				return;
			}
		}
	}
}

/* A year group makes the post about school, and "two Year 9s were
 * involved", "a Year 11 told me" or "Year 10 boys" is about particular
 * children; not one an allowlisted phrase holds ("back in Year 9 I was a
 * nightmare", "Year 6 me would be horrified"): the writer's own
 * schooldays. The first phrases candidates are the lists' phrases, in the
 * order of their starts, and the year groups come in theirs, so one pass
 * over each does. */
static void note_year_groups(struct classifier *c, const char *text, size_t phrases)
{
	uint16_t label = c->pattern_labels[PL_YEAR_GROUP];
	size_t p = 0;
	uint32_t allowed_end = 0, last_start = 0; /* of allowlisted phrases begun so far */
	for (size_t i = phrases; i < c->cands.count; i++) {
		const struct candidate *k = &c->cands.items[i];
		if (k->node != MATCH_NO_NODE || k->label != label)
			continue;
		if (k->start < last_start)
			p = 0, allowed_end = 0; /* out of order: read the phrases again */
		last_start = k->start;
		for (; p < phrases && c->cands.items[p].start <= k->start; p++) {
			const struct candidate *a = &c->cands.items[p];
			if (a->node == MATCH_NO_NODE || a->end <= allowed_end)
				continue;
			size_t n;
			const struct payload *ps = match_dict_payloads(c->dict, a->node, &n);
			if (ps && has_allow(ps, n))
				allowed_end = a->end;
		}
		if (allowed_end >= k->end)
			continue;
		c->cands.context = true;
		/* "Year 9s", "a Year 11 told me", "two of our Year 10 boys" */
		const struct tokens *t = &c->tokens;
		size_t first = token_starting_at(t, k->start), next = first;
		while (next < t->count && t->items[next].start < k->end)
			next++;
		if ((text[k->end - 1] | 0x20) == 's' || one_of_a_year(t, first, next) ||
		    joined_is(t, next, children_noun, ARRAY_SIZE(children_noun)))
			c->cands.child = true;
	}
}

static void take_over(struct classifier *c, const struct cand_list *l)
{
	c->cands.context |= l->context;
	c->cands.child |= l->child;
	if (!l->count)
		return;
	grow_array((void **)&c->cands.items, &c->cands.cap, c->cands.count + l->count,
		   sizeof(*c->cands.items));
	memcpy(c->cands.items + c->cands.count, l->items, l->count * sizeof(*l->items));
	c->cands.count += l->count;
}

/* An allowlisted phrase, which the whole post's reading leaves out too;
 * the first few only. Candidates come in order of their start, so the
 * spans are in order and, as only one reaching further than the last is
 * noted, end in order too. */
static void note_allowed(struct classifier *c, const struct candidate *k)
{
	if (c->allowed_count < ARRAY_SIZE(c->allowed)) {
		c->allowed[c->allowed_count].start = k->start;
		c->allowed[c->allowed_count++].end = k->end;
	}
}

/* A listed phrase of a category the model reads (confidential) is
 * doubted when the model knows the phrase itself as one of that category
 * (its words and pairs weigh at least DOUBT_KNOWN) and yet reads the
 * whole post as unlikely to be one (a probability under DOUBT_BELOW),
 * the rest of the post weighing little towards it (under DOUBT_REST):
 * the words around the phrase are a grown-up's own life, not a school's
 * file ("Our boiler is in special measures", "Please don't repeat this
 * but I cried at the Strictly final"). Such a phrase is a hint, not a
 * warning. A short post whose other words lean towards a confidence
 * ("Head suspended. Say nothing.", "Ofsted got the call") keeps its
 * warning, however unsure the model is of so few words. A phrase the
 * model does not know is left as the lists say, and so is a high
 * warning (safeguarding, a child protection plan) whatever the rest
 * says, and every phrase in a post about a particular child ("Ethan has
 * epilepsy and his rescue meds are in my classroom") or with a word of a
 * child in it ("My son's on ADHD meds now"): a child's file is never
 * doubted. */
#define DOUBT_BELOW 0.5f
#define DOUBT_KNOWN 0.5f
#define DOUBT_REST 1.0f

/* words of a child, the writer's own or another's, beside which nothing is
 * doubted ("My son's on ADHD meds now", "the pupil was suspended") */
static const char *const doubt_never_beside[] = {
	"son", "daughter", "sons", "daughters", "stepson", "stepdaughter",
	"kid", "kids", "child", "children", "baby", "toddler", "twins",
	"boy", "girl", "lad", "niece", "nephew", "grandson", "granddaughter",
	"pupil", "pupils", "student", "students",
};

static bool doubted_category(unsigned cat)
{
	return cat == CAT_CONFIDENTIAL;
}

static bool warns_doubted(const struct warnings *out)
{
	for (size_t i = 0; i < out->count; i++)
		if (doubted_category(out->items[i].category) &&
		    out->items[i].severity == SEV_MEDIUM)
			return true;
	return false;
}

static void doubt_phrases(struct classifier *c, struct warnings *out,
			  const struct word_model_reading *r, size_t count)
{
	const struct tokens *t = &c->tokens;
	if (c->cands.child)
		return;
	for (size_t i = 0; i < count; i++)
		if (token_is(t, i, doubt_never_beside, ARRAY_SIZE(doubt_never_beside)))
			return;
	for (size_t k = 0; k < word_model_category_count(c->model); k++) {
		unsigned cat = word_model_category(c->model, k);
		if (!doubted_category(cat) || r[k].probability >= DOUBT_BELOW)
			continue;
		for (size_t w = 0, i = 0; w < out->count; w++) {
			struct warning *x = &out->items[w];
			if (x->category != cat || x->severity != SEV_MEDIUM)
				continue;
			/* the tokens wholly within the warning */
			while (i > 0 && t->items[i - 1].end > x->start)
				i--;
			while (i < count && t->items[i].start < x->start)
				i++;
			size_t last = i;
			while (last < count && t->items[last].end <= x->end)
				last++;
			float own = last > i ? word_model_weight(c->model, t, k, i, last - 1) : 0;
			if (own >= DOUBT_KNOWN && r[k].weight - own < DOUBT_REST)
				x->severity = SEV_LOW;
		}
	}
}

/* Whether tokens [first, last] hold "year" or "yr" and a number after it. */
static bool year_and_number(const struct tokens *t, size_t first, size_t last)
{
	for (size_t i = first; i <= last && i + 1 < t->count; i++)
		if (token_is(t, i, year_or_yr, ARRAY_SIZE(year_or_yr)) &&
		    digits_only(&t->items[i + 1]))
			return true;
	return false;
}

/* The whole post's reading (model.h): in a post about school or a
 * particular child where no listed phrase warns of a category, the model
 * may, at medium, over the few words that weigh most towards it
 * (word_model_explain). In any other post a section with an @alone
 * threshold may too, when the reading is that much surer ("The call came
 * at 12.15. Two days, four inspectors", "Residential week done"). Where a
 * warning is on those words already, it shares that warning's span (or
 * takes the place of a hint of its own category there), so warnings still
 * never overlap. */
static void read_whole(struct classifier *c, struct warnings *out)
{
	const struct tokens *t = &c->tokens;
	/* a remark on schools in general ("Behaviour is a whole-school job,
	 * not just the classroom teacher's") is no one's school, read whole
	 * or by its phrases */
	if (!c->model || !t->count || c->cands.general)
		return;
	bool about = c->cands.context || c->cands.child;
	bool doubt = warns_doubted(out);
	bool alone = !about && word_model_reads_alone(c->model);
	if (!about && !doubt && !alone)
		return;
	uint8_t marks[MODEL_MAX_TOKENS];
	size_t count = t->count < MODEL_MAX_TOKENS ? t->count : MODEL_MAX_TOKENS;
	for (size_t i = 0, a = 0; i < count; i++) {
		const struct token *tok = &t->items[i];
		while (a < c->allowed_count && c->allowed[a].end <= tok->start)
			a++;
		marks[i] = a < c->allowed_count && c->allowed[a].start < tok->end ? MODEL_IGNORED : 0;
	}
	/* warnings are in order and apart, except that two may share a span */
	for (size_t w = 0, i = 0; w < out->count; w++) {
		const struct warning *x = &out->items[w];
		while (i > 0 && t->items[i - 1].end > x->start)
			i--;
		while (i < count && t->items[i].end <= x->start)
			i++;
		for (size_t j = i; j < count && t->items[j].start < x->end; j++)
			if (x->severity >= SEV_MEDIUM)
				marks[j] |= MODEL_TAKEN;
	}
	struct word_model_reading r[MODEL_MAX_CATEGORIES];
	word_model_read(c->model, t, marks, r);
	if (doubt)
		doubt_phrases(c, out, r, count);
	if (!about && !alone)
		return;
	for (size_t k = 0; k < word_model_category_count(c->model); k++) {
		unsigned cat = word_model_category(c->model, k);
		bool warned = false, hinted = false;
		for (size_t i = 0; i < out->count; i++)
			if (out->items[i].category == cat) {
				warned |= out->items[i].severity >= SEV_MEDIUM;
				hinted |= out->items[i].severity == SEV_LOW;
			}
		/* where a listed phrase of the category was judged a hint ("our
		 * head is [pounding]", "[Parents' evening] for my own two"), the
		 * reading must be surer: halfway from its threshold to 1 */
		float needed = about ? r[k].threshold : r[k].alone;
		if (hinted)
			needed = (needed + 1) / 2;
		/* a parent speaking of their own child's school ("Parents' evening
		 * with our daughter tonight") is not at work */
		if (warned || r[k].probability < needed ||
		    (cat == CAT_WORK_DETAIL && c->parent_span_count))
			continue;
		word_model_explain(c->model, t, marks, k, &r[k]);
		if (r[k].first > r[k].last)
			continue;
		size_t at = 0;
		struct warning w = {t->items[r[k].first].start, t->items[r[k].last].end, (uint8_t)cat,
				    SEV_MEDIUM, c->model_labels[k]};
		while (at < out->count && out->items[at].end <= w.start)
			at++;
		bool shared = at < out->count && out->items[at].start < w.end;
		/* read alone, the model speaks only on words no list has judged,
		 * so that it overrules neither a hint ("Great day at [St
		 * Aidan's]", a church or a school) nor the lists' year groups
		 * ("Year 9 of lockdown baking", "Year 14 of my career") */
		if (!about && (shared || year_and_number(t, r[k].first, r[k].last)))
			continue;
		if (shared) {
			w.start = out->items[at].start;
			w.end = out->items[at].end;
			/* a hint of the same category on those words becomes the
			 * warning, not a second one beside it */
			size_t same = at;
			while (same < out->count && out->items[same].start == w.start &&
			       out->items[same].end == w.end && out->items[same].category != cat)
				same++;
			if (same < out->count && out->items[same].start == w.start &&
			    out->items[same].end == w.end) {
				out->items[same] = w;
				continue;
			}
		}
		warnings_push(out, &w);
		memmove(out->items + at + 1, out->items + at,
			(out->count - 1 - at) * sizeof(*out->items));
		out->items[at] = w;
	}
}

/* Schools by name that no configuration lists: "Oakwood Primary",
 * "St Mary's CE Primary", "Bradford Grammar", "Parkside High School",
 * "against Parkside High". A kind of school with a capital, after one to
 * three words with capitals; "High" only before "School" or after a word
 * that goes to a place, and none of a language's grammar, an election's
 * primary or a mile high. A post about school or a place the writer goes
 * makes it a work detail (a parent's sentence lowers it later); elsewhere
 * it is a hint. Text all in capitals says nothing by its capitals. */
static const char *const school_kind_named[] = {"primary", "grammar", "high", "junior",
						"infant", "secondary", "middle", "nursery"};
static const char *const school_itself[] = {"school"};
static const char *const school_name_veto[] = {
	"the", "a", "my", "our", "their", "his", "her", "your", "at", "in", "to", "from", "of",
	"and", "new", "local", "english", "latin", "greek", "french", "german", "spanish",
	"welsh", "oxford", "cambridge", "collins", "basic", "advanced", "essential", "practical",
	"modern", "universal", "formal", "traditional", "comprehensive", "functional",
	"democratic", "republican", "labour", "tory", "conservative", "presidential", "party",
	"state", "senate", "mile", "sky", "knee", "waist", "thigh", "all", "record", "very",
	"super", "private", "public", "special", "free", "prep", "boarding", "sunday",
	"summer", "i", "we", "so", "too", "feeling", "flying", "riding", "keep", "stay"};
static const char *const school_name_after_veto[] = {"care", "election", "elections", "colours",
						     "colors", "source", "musical", "reunion",
						     "vote", "race", "debate"};
static const char *const away_word[] = {"away"};
static const char *const goes_to[] = {"at", "to", "from", "against", "v", "vs", "beat",
				      "beating", "played", "playing", "join", "joining",
				      "visit", "visiting", "with"};

/* Whether token i could be a word of a school's name: a capital, not a
 * word that only starts a sentence or describes. */
static bool school_name_word(const struct tokens *t, size_t i)
{
	const struct token *k = &t->items[i];
	if (!(k->flags & TOKEN_HAS_LETTER) || !(k->flags & TOKEN_UPPER_FIRST) ||
	    ((k->flags & TOKEN_ALL_UPPER) && k->norm_len > 3))
		return false;
	return !token_is(t, i, school_name_veto, ARRAY_SIZE(school_name_veto)) &&
	       !token_is(t, i, school_kind_named, ARRAY_SIZE(school_kind_named));
}

static void scan_school_names(struct classifier *c, struct text_shape shape)
{
	const struct tokens *t = &c->tokens;
	if (shape.shouting)
		return;
	for (size_t i = 1; i < t->count; i++) {
		const struct token *kind = &t->items[i];
		if (!(kind->flags & TOKEN_UPPER_FIRST) || (kind->flags & TOKEN_ALL_UPPER) ||
		    kind->gap != GAP_SPACE ||
		    !token_is(t, i, school_kind_named, ARRAY_SIZE(school_kind_named)))
			continue;
		/* the words of the name before it: "St Mary's CE" */
		size_t first = i, words = 0;
		while (first > 0 && words < 3) {
			size_t j = first - 1;
			if (t->items[first].gap == GAP_SPACE && j > 0 && possessive_s(t, j)) {
				/* "Mary's": step over the clitic to its owner */
				if (!school_name_word(t, j - 1))
					break;
				first = j - 1;
				words++;
				continue;
			}
			if (t->items[first].gap != GAP_SPACE || !school_name_word(t, j))
				break;
			first = j;
			words++;
		}
		if (!words)
			continue;
		size_t last = i;
		bool school_after = i + 1 < t->count && t->items[i + 1].gap == GAP_SPACE &&
				    (t->items[i + 1].flags & TOKEN_UPPER_FIRST) &&
				    token_is(t, i + 1, school_itself, ARRAY_SIZE(school_itself));
		if (school_after)
			last = i + 1;
		if (last + 1 < t->count && !(t->items[last + 1].gap & (GAP_BREAK | GAP_STOP)) &&
		    token_is(t, last + 1, school_name_after_veto, ARRAY_SIZE(school_name_after_veto)))
			continue;
		/* "at Parkside High", "Bradford Grammar away" */
		bool placed = (first > 0 && !(t->items[first].gap & (GAP_BREAK | GAP_STOP)) &&
			       token_is(t, first - 1, goes_to, ARRAY_SIZE(goes_to))) ||
			      (last + 1 < t->count && t->items[last + 1].gap == GAP_SPACE &&
			       token_is(t, last + 1, away_word, ARRAY_SIZE(away_word)));
		const char *k = t->norm + kind->norm;
		bool primary = kind->norm_len == 7 && memcmp(k, "primary", 7) == 0;
		bool grammar = kind->norm_len == 7 && memcmp(k, "grammar", 7) == 0;
		bool high = kind->norm_len == 4 && memcmp(k, "high", 4) == 0;
		/* where most words have capitals, only "School" or a place the
		 * writer goes says a name ("Interview at Brighouse High") */
		if (!(school_after || ((primary || grammar) && !shape.title_case) || (high && placed) ||
		      (shape.title_case && placed)))
			continue;
		bool school = c->cands.context || c->cands.child || placed;
		push_tokens(c, first, last, CAT_WORK_DETAIL, school ? SEV_MEDIUM : SEV_LOW,
			    c->pattern_labels[PL_SCHOOL_NAME]);
		if (school)
			c->cands.context = true;
		i = last;
	}
}

/* "I teach Frank Ellery": a pupil named as the writer's own, which ties
 * them to the writer's school. Not "a boy I teach" (no one named) nor
 * "Kacper, who I teach," (the name is the warning). */
static const char *const teach_only[] = {"teach"};

static void note_own_pupil(struct classifier *c, size_t phrases)
{
	const struct tokens *t = &c->tokens;
	for (size_t i = 0; i < phrases; i++) {
		const struct candidate *k = &c->cands.items[i];
		size_t f = k->first;
		if (k->category != CAT_PUPIL_NAME || k->severity < SEV_MEDIUM || f < 2 ||
		    t->items[f].gap != GAP_SPACE || t->items[f - 1].gap != GAP_SPACE ||
		    !token_is(t, f - 1, teach_only, ARRAY_SIZE(teach_only)) ||
		    !token_is(t, f - 2, i_word, ARRAY_SIZE(i_word)))
			continue;
		push_tokens(c, f - 2, f - 1, CAT_WORK_DETAIL, SEV_MEDIUM,
			    c->pattern_labels[PL_OWN_PUPIL]);
		return;
	}
}

void classifier_set_parallel_min(struct classifier *c, size_t bytes)
{
	c->parallel_min = bytes;
}

void classifier_check(struct classifier *c, const char *text, size_t len, struct warnings *out)
{
	classifier_wait_for_names(c);
	struct tokens *t = &c->tokens;
	out->count = 0;
	c->cands.count = 0;
	c->cands.context = false;
	c->cands.child = false;
	c->cands.group = false;
	c->cands.concern_term = false;
	c->cands.concern = false;
	c->cands.secret = false;
	c->cands.teacher = false;
	c->cands.general = false;

	/* A long text: a second thread tokenises its last part (from
	 * SPLIT_64THS of the way) and then scans the whole for obfuscated
	 * words and patterns, which need only the text. Tokens are joined in
	 * order, and candidates in the order one thread would have found
	 * them, so the result is the same either way. */
	struct side_scan *side = &c->side;
	bool parallel = len >= (c->parallel_min ? c->parallel_min : PARALLEL_MIN);
	if (parallel) {
		side->c = c;
		side->text = text;
		side->len = len;
		side->split = text_split_point(text, len, len * SPLIT_64THS / 64);
		side->obf.count = side->pat.count = 0;
		side->obf.context = side->pat.context = false;
		side->obf.child = side->pat.child = false;
		if (side->split && sem_init(&side->tokens_ready, 0, 0) != 0)
			side->split = 0;
		parallel = pthread_create(&side->thread, NULL, side_scan_run, side) == 0;
		if (!parallel && side->split)
			sem_destroy(&side->tokens_ready);
	}

	size_t split = parallel ? side->split : 0;
	text_tokenize_part(t, text, 0, split ? split : len);
	size_t own = t->count;
	grow_array((void **)&c->ids, &c->ids_cap, own, sizeof(*c->ids));
	look_up(c, t, c->ids, &c->stem_cands);
	if (split) {
		while (sem_wait(&side->tokens_ready) != 0)
			; /* EINTR */
		sem_destroy(&side->tokens_ready);
		tokens_append(t, &side->tokens);
		grow_array((void **)&c->ids, &c->ids_cap, t->count, sizeof(*c->ids));
		if (side->tokens.count)
			memcpy(c->ids + own, side->ids, side->tokens.count * sizeof(*c->ids));
	}
	scan_phrases(c);
	size_t phrases = c->cands.count;
	find_misspelt_names(c);
	find_initialled_names(c);
	take_over(c, &c->stem_cands);
	if (split)
		take_over(c, &side->stems);

	struct sink sink = {c, &c->cands, text, len};
	if (parallel) {
		pthread_join(side->thread, NULL);
		take_over(c, &side->obf);
		obfuscation_scan_spaced(t, &c->obf, on_obfuscated, &sink);
		take_over(c, &side->pat);
	} else {
		obfuscation_scan(text, len, t, &c->obf, on_obfuscated, &sink);
		patterns_scan(c->patterns, text, len, on_pattern, &sink);
	}

	/* "keep it quiet, he's been arrested" is the kind of secret a post
	 * about school keeps; "keep it quiet, we're getting a puppy" is not */
	if (c->cands.secret && !c->cands.context && !c->cands.child && !happy_secret(c) &&
	    !own_secret(c))
		c->cands.context = true;
	note_year_groups(c, text, phrases);
	note_one_of_mine(c);
	note_quoted_pupil(c);
	scan_spelled_addresses(c, &sink);
	scan_spelled_phones(c, &sink);
	struct text_shape shape = shape_of(t);
	scan_school_names(c, shape);
	scan_class_groups(c, text, shape.shouting);
	scan_head_at_start(c, shape.shouting);
	scan_not_yet(c, text, len);
	find_parent_sentences(c);
	lower_year_groups_everywhere(c);
	decide_phrases(c, phrases, shape);
	/* "Finn's Year 2 teacher is amazing" said by a parent: their child's
	 * year group */
	for (size_t i = phrases; c->parent_span_count && i < c->cands.count; i++) {
		struct candidate *k = &c->cands.items[i];
		if (k->node == MATCH_NO_NODE && k->category == CAT_WORK_DETAIL &&
		    (k->label == c->pattern_labels[PL_YEAR_GROUP] ||
		     k->label == c->pattern_labels[PL_SCHOOL_NAME] || k->label == CAT_WORK_DETAIL) &&
		    k->severity > SEV_LOW && parents_sentence_at(c, k->start))
			k->severity = SEV_LOW;
	}
	/* "Leo is in hospital, the class made him a card": a common
	 * forename the post made a pupil's is a particular child, for the
	 * terms that need one; they are judged again once that is known */
	if (!c->cands.child && names_a_pupil(c, phrases)) {
		c->cands.child = true;
		decide_phrases(c, phrases, shape);
	}
	/* "one of my colleagues" is a work detail beside "is being
	 * investigated", and is judged again once that is known */
	if (c->cands.concern_term && says_concern(c, phrases)) {
		c->cands.concern = true;
		decide_phrases(c, phrases, shape);
	}
	note_own_pupil(c, phrases);
	lower_generic_insults(c, phrases);
	lower_animal_insults(c);
	lower_missing_animals(c);
	lower_general_remarks(c);
	if (c->cands.count > 1)
		qsort(c->cands.items, c->cands.count, sizeof(*c->cands.items), cmp_candidates);

	/* Keep the better of overlapping candidates; kept ones never overlap,
	 * so a new one can only clash with the last kept. */
	struct candidate *kept = NULL;
	uint32_t allowed_end = 0; /* the furthest an allowlisted phrase reaches */
	c->allowed_count = 0;
	for (size_t i = 0; i < c->cands.count; i++) {
		struct candidate *k = &c->cands.items[i];
		if (k->severity == SEV_NONE) {
			if (k->category == CAT_ALLOW && k->end > allowed_end) {
				allowed_end = k->end;
				note_allowed(c, k);
			}
			continue;
		}
		/* an allowlisted phrase raises nothing, nor does a pattern or a
		 * disguised word inside it ("back in Year 9") */
		if (k->node == MATCH_NO_NODE && k->end <= allowed_end)
			continue;
		if (kept && k->start < kept->end) {
			if (better(k, kept)) {
				/* a name that would hide the email address it is
				 * in ("gareth.pryce at ..."): the address, which
				 * says the name too */
				if (mail_with_name(c, kept, k)) {
					if (k->severity > kept->severity)
						kept->severity = k->severity;
					kept->also_category = k->category;
					kept->also_severity = k->severity;
					kept->also_label = k->label;
					continue;
				}
				/* not over the one before, which a trimmed phrase
				 * may have come after */
				if (kept == c->cands.items || k->start >= kept[-1].end)
					*kept = *k;
				continue;
			}
			/* a phrase of another category that runs on past the one
			 * kept keeps the words after it: "supply teacher" (a work
			 * detail) and "[teacher] was bloody useless" (an insult);
			 * so does news not shared yet, read by tokens too ("the
			 * head doesn't" and "[doesn't] know yet") */
			if ((k->node == MATCH_NO_NODE && k->label != c->pattern_labels[PL_NOT_YET]) ||
			    kept->node == MATCH_NO_NODE || k->category == kept->category ||
			    k->last <= kept->last)
				continue;
			k->first = kept->last + 1;
			k->start = t->items[k->first].start;
		}
		/* compact in place: kept candidates are a prefix of cands */
		kept = kept ? kept + 1 : c->cands.items;
		*kept = *k;
	}
	/* a second warning on a phrase's words says what no other warning
	 * says: not a work detail in a post that has one already */
	bool has_work = false;
	for (struct candidate *k = c->cands.items; kept && k <= kept; k++)
		has_work |= k->category == CAT_WORK_DETAIL && k->severity >= SEV_MEDIUM;
	for (struct candidate *k = c->cands.items; kept && k <= kept; k++) {
		struct warning w = {k->start, k->end, k->category, k->severity, k->label};
		warnings_push(out, &w);
		if (k->also_severity != SEV_NONE &&
		    !(has_work && k->also_category == CAT_WORK_DETAIL)) {
			struct warning also = {k->start, k->end, k->also_category,
					       k->also_severity, k->also_label};
			warnings_push(out, &also);
		}
	}
	read_whole(c, out);
}
