/* Each built-in pattern has a validator that looks at the matched text and
 * decides; the regular expressions only find candidates. Patterns are
 * ASCII and run in PCRE2's byte mode, so any input, even invalid UTF-8, is
 * safe to scan, and a match never splits a character. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Generous for these patterns, small enough that no input can make a
 * check slow. */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 5000

/* What a pattern needs near its match, so it scans only there. */
enum need {
	NEED_NOTHING, /* scan the whole text */
	NEED_DIGIT,   /* a digit within WINDOW bytes of every match */
	NEED_AT,      /* an @ inside every match */
};

/* How far a match may reach from the digit or @ it needs: "born on 3rd of
 * September 2015", "12 Elm Grove Road". */
#define WINDOW 48

struct pattern_def {
	const char *re;
	uint8_t label;
	uint8_t severity; /* the most a match of this pattern can be */
	uint8_t category;
	/* Returns the severity to report (SEV_NONE rejects the match); may
	 * narrow the span through *start and *end. */
	enum severity (*validate)(struct patterns *p, const char *text, size_t *start,
				  size_t *end, pcre2_match_data *md);
	uint8_t need; /* enum need */
};

struct compiled {
	const struct pattern_def *def; /* NULL for a school's pattern */
	uint8_t need;
	pcre2_code *code;
	pcre2_match_data *md;
	uint8_t category, severity;
	uint16_t custom;
};

struct window {
	size_t start, end;
};

struct patterns {
	struct compiled *items;
	struct window *windows[3]; /* per enum need, rebuilt for each text */
	size_t nwindows[3], capwindows[3];
	size_t count;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	struct strv school_domains;
};

static const char *const messages[PL_COUNT][2] = {
	[PL_PHONE] = {"This looks like a phone number.",
		      "Phone numbers are personal data. Remove it, or share it privately."},
	[PL_EMAIL] = {"This looks like an email address.",
		      "Email addresses are personal data. Remove it unless it is your own."},
	[PL_SCHOOL_EMAIL] = {"This is an email address at your school.",
			     "It identifies a colleague and your school. Remove it."},
	[PL_POSTCODE] = {"This looks like a postcode.",
			 "Postcodes can locate a home or a school. Leave it out."},
	[PL_ADDRESS] = {"This looks like a street address.",
			"Addresses are personal data. Leave it out."},
	[PL_BIRTH_DATE] = {"This looks like a date of birth.",
			   "Dates of birth are personal data. Remove it."},
	[PL_NI_NUMBER] = {"This looks like a National Insurance number.",
			  "Never post a National Insurance number. Remove it."},
	[PL_BANK] = {"This looks like bank details.",
		     "Never post sort codes or account numbers. Remove them."},
	[PL_CARD] = {"This looks like a payment card number.",
		     "Never post a card number. Remove it."},
	[PL_UPN] = {"This looks like a Unique Pupil Number.",
		    "A UPN identifies a pupil. Never post it."},
	[PL_RUDE_GESTURE] = {"This emoji is an obscene gesture.",
			     "Rephrase without it: posts are public, permanent and read by "
			     "parents."},
	[PL_YEAR_GROUP] = {"This names a year group.",
			   "Year groups narrow down which pupils and which school you mean. "
			   "Leave it out."},
};

const char *pattern_message(enum pattern_label l)
{
	return messages[l][0];
}

const char *pattern_advice(enum pattern_label l)
{
	return messages[l][1];
}

/* Copies the digits of text[start, end) into out (at most n - 1). */
static size_t digits_of(const char *text, size_t start, size_t end, char *out, size_t n)
{
	size_t k = 0;
	for (size_t i = start; i < end && k + 1 < n; i++)
		if (isdigit((unsigned char)text[i]))
			out[k++] = text[i];
	out[k] = '\0';
	return k;
}

/* Whether the word just before pos says what the number is (an ISBN, an
 * order or invoice number, a reference), so it is not a phone number. */
static bool labelled(const char *text, size_t pos)
{
	static const char *const labels[] = {"isbn", "order", "invoice", "ref", "reference",
					     "account", "acc", "no"};
	size_t e = pos;
	while (e > 0 && strchr(" :#.", text[e - 1]))
		e--;
	size_t s = e;
	while (s > 0 && isalpha((unsigned char)text[s - 1]))
		s--;
	for (size_t i = 0; i < ARRAY_SIZE(labels); i++)
		if (e - s == strlen(labels[i]) && strncasecmp(text + s, labels[i], e - s) == 0)
			return true;
	return false;
}

static enum severity check_phone(struct patterns *p, const char *text, size_t *start,
				 size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	if (labelled(text, *start))
		return SEV_NONE;
	char d[24];
	size_t n = digits_of(text, *start, *end, d, sizeof(d));
	const char *national = d;
	char buf[24];
	if (text[*start] == '+' || (n > 2 && d[0] == '0' && d[1] == '0')) {
		/* +44 or 0044, with or without the (0) */
		const char *rest = d + (d[0] == '0' ? 4 : 2);
		if (rest[0] == '0')
			rest++;
		snprintf(buf, sizeof(buf), "0%s", rest);
		national = buf;
	}
	size_t len = strlen(national);
	if (national[0] != '0')
		return SEV_NONE;
	if (national[1] == '7')
		return len == 11 ? SEV_HIGH : SEV_NONE;
	if (national[1] == '1' || national[1] == '2' || national[1] == '3')
		return len == 10 || len == 11 ? SEV_MEDIUM : SEV_NONE;
	return SEV_NONE;
}

static enum severity check_email(struct patterns *p, const char *text, size_t *start,
				 size_t *end, pcre2_match_data *md)
{
	(void)md;
	const char *at = memchr(text + *start, '@', *end - *start);
	if (!at)
		return SEV_NONE;
	size_t dlen = (size_t)(text + *end - (at + 1));
	for (size_t i = 0; i < p->school_domains.n; i++) {
		const char *dom = p->school_domains.v[i];
		size_t n = strlen(dom);
		if (dlen >= n && strncasecmp(text + *end - n, dom, n) == 0 &&
		    (dlen == n || text[*end - n - 1] == '.'))
			return SEV_HIGH;
	}
	return SEV_MEDIUM;
}

static enum severity check_postcode(struct patterns *p, const char *text, size_t *start,
				    size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char c[10];
	size_t k = 0;
	for (size_t i = *start; i < *end && k + 1 < sizeof(c); i++)
		if (text[i] != ' ')
			c[k++] = (char)toupper((unsigned char)text[i]);
	c[k] = '\0';
	if (k < 5 || k > 7)
		return SEV_NONE;
	/* Royal Mail: Q, V, X never first; I, J, Z never second; the inward
	 * letters never C, I, K, M, O, V. */
	if (strchr("QVX", c[0]) || (isalpha((unsigned char)c[1]) && strchr("IJZ", c[1])))
		return SEV_NONE;
	if (strchr("CIKMOV", c[k - 1]) || strchr("CIKMOV", c[k - 2]))
		return SEV_NONE;
	/* A postcode typed in lower case is rare; a lower-case look-alike
	 * ("b12 3ab" in a product code) is not worth a warning. */
	for (size_t i = *start; i < *end; i++)
		if (islower((unsigned char)text[i]))
			return SEV_NONE;
	return SEV_MEDIUM;
}

static enum severity accept(struct patterns *p, const char *text, size_t *start, size_t *end,
			    pcre2_match_data *md)
{
	(void)p;
	(void)text;
	(void)start;
	(void)end;
	(void)md;
	return SEV_HIGH;
}

static int month_of(const char *s)
{
	static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
					     "jul", "aug", "sep", "oct", "nov", "dec"};
	for (int i = 0; i < 12; i++)
		if (strncasecmp(s, months[i], 3) == 0)
			return i + 1;
	return 0;
}

/* The date must be a real day and month: the first number is the day; the
 * month is the second number (12/03/2014) or the month's name. */
static enum severity check_birth(struct patterns *p, const char *text, size_t *start,
				 size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)start;
	(void)end;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	for (int g = 1; g <= 3; g++) {
		if (ov[2 * g] == PCRE2_UNSET)
			continue;
		const char *s = text + ov[2 * g], *e = text + ov[2 * g + 1];
		int day = -1, month = 0, numbers = 0;
		while (s < e) {
			if (isdigit((unsigned char)*s)) {
				int v = atoi(s);
				if (numbers == 0)
					day = v;
				else if (numbers == 1 && g == 1)
					month = v;
				numbers++;
				while (s < e && isdigit((unsigned char)*s))
					s++;
			} else if (isalpha((unsigned char)*s)) {
				const char *w = s;
				while (s < e && isalpha((unsigned char)*s))
					s++;
				if (s - w >= 3 && !month)
					month = month_of(w);
			} else {
				s++;
			}
		}
		return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? SEV_HIGH : SEV_NONE;
	}
	return SEV_NONE;
}

bool ni_number_valid(const char *s)
{
	if (strlen(s) != 9)
		return false;
	char a = (char)toupper((unsigned char)s[0]), b = (char)toupper((unsigned char)s[1]);
	/* HMRC: D, F, I, Q, U, V never used; O never second; and these
	 * prefixes are not allocated. */
	if (strchr("DFIQUV", a) || strchr("DFIQUVO", b))
		return false;
	static const char *const banned[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
	for (size_t i = 0; i < ARRAY_SIZE(banned); i++)
		if (a == banned[i][0] && b == banned[i][1])
			return false;
	for (int i = 2; i < 8; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return strchr("ABCD", toupper((unsigned char)s[8])) != NULL;
}

static enum severity check_ni(struct patterns *p, const char *text, size_t *start, size_t *end,
			      pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char c[16];
	size_t k = 0;
	for (size_t i = *start; i < *end && k + 1 < sizeof(c); i++)
		if (text[i] != ' ')
			c[k++] = text[i];
	c[k] = '\0';
	/* all lower case is more likely a code than an NI number */
	if (islower((unsigned char)c[0]) && islower((unsigned char)c[1]))
		return SEV_NONE;
	return ni_number_valid(c) ? SEV_HIGH : SEV_NONE;
}

bool luhn_valid(const char *d)
{
	size_t n = strlen(d);
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int v = d[n - 1 - i] - '0';
		if (i % 2 == 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return n > 0 && sum % 10 == 0;
}

static enum severity check_card(struct patterns *p, const char *text, size_t *start,
				size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char d[32];
	size_t n = digits_of(text, *start, *end, d, sizeof(d));
	if (n < 13 || n > 19 || d[0] < '2' || d[0] > '6')
		return SEV_NONE;
	return luhn_valid(d) ? SEV_HIGH : SEV_NONE;
}

bool upn_valid(const char *s)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
	if (strlen(s) != 13)
		return false;
	int sum = 0;
	for (int i = 0; i < 12; i++) {
		if (!isdigit((unsigned char)s[i + 1]))
			return false;
		sum += (s[i + 1] - '0') * (i + 2);
	}
	return toupper((unsigned char)s[0]) == letters[sum % 23];
}

static enum severity check_upn(struct patterns *p, const char *text, size_t *start,
			       size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char c[14];
	if (*end - *start != 13)
		return SEV_NONE;
	memcpy(c, text + *start, 13);
	c[13] = '\0';
	return upn_valid(c) ? SEV_HIGH : SEV_NONE;
}

#define MONTH "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?"

static const struct pattern_def defs[] = {
	/* mobiles and landlines: 07700 900123, +44 (0)20 7946 0018, 0113-496-0000 */
	{"(?<![\\w+./:-])(?:\\+44\\s?(?:\\(0\\)\\s?)?|0044\\s?|0)(?:\\d[\\s-]?){9,10}(?!\\d)",
	 PL_PHONE, SEV_HIGH, CAT_PERSONAL_DATA, check_phone, NEED_DIGIT},
	{"(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}"
	 "\\.[A-Za-z]{2,24}(?![\\w.-]*\\w)",
	 PL_EMAIL, SEV_HIGH, CAT_PERSONAL_DATA, check_email, NEED_AT},
	{"(?<![\\w])(?:[A-Za-z]{1,2}\\d[A-Za-z\\d]?\\s?\\d[A-Za-z]{2}|GIR\\s?0AA)(?!\\w)",
	 PL_POSTCODE, SEV_MEDIUM, CAT_PERSONAL_DATA, check_postcode, NEED_DIGIT},
	{"(?<![\\w])\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|"
	 "Lane|Close|Drive|Way|Crescent|Court|Gardens|Grove|Place|Terrace|Mews|Rise|Walk|"
	 "Square|Parade|Row)\\b\\.?",
	 PL_ADDRESS, SEV_MEDIUM, CAT_PERSONAL_DATA, accept, NEED_DIGIT},
	{"(?i)\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?: on)?|birthday)(?:\\s+(?:is|was|on|is on|was on))?\\s*[:=-]?\\s*"
	 "(?:(\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2}))|"
	 "(\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" MONTH "(?:\\s+\\d{4})?)|"
	 "(" MONTH "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?))(?![\\w/])",
	 PL_BIRTH_DATE, SEV_HIGH, CAT_PERSONAL_DATA, check_birth, NEED_DIGIT},
	{"(?<![\\w])[A-Za-z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-Da-d](?!\\w)",
	 PL_NI_NUMBER, SEV_HIGH, CAT_PERSONAL_DATA, check_ni, NEED_DIGIT},
	/* a sort code with an account number in either order, or named */
	{"(?i)(?<![\\w-])(?:\\d{2}-\\d{2}-\\d{2}\\D{0,30}?(?<!\\d)\\d{8}|\\d{8}\\D{0,30}?"
	 "(?<!\\d)\\d{2}-\\d{2}-\\d{2}|sort code\\s*:?\\s*\\d{2}[- ]?\\d{2}[- ]?\\d{2})(?![\\w-])",
	 PL_BANK, SEV_HIGH, CAT_PERSONAL_DATA, accept, NEED_DIGIT},
	/* 4-4-4-4 (to 19 digits) or Amex 4-6-5, with spaces, dashes or none */
	{"(?<![\\w-])(?:\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{1,7}|\\d{4}([ -]?)\\d{6}\\2\\d{5})(?![\\w-])",
	 PL_CARD, SEV_HIGH, CAT_PERSONAL_DATA, check_card, NEED_DIGIT},
	{"(?<![\\w])[A-HJ-NP-RT-Za-hj-np-rt-z]\\d{12}(?!\\w)",
	 PL_UPN, SEV_HIGH, CAT_PERSONAL_DATA, check_upn, NEED_DIGIT},
	{"(?i)(?<![\\w])(?:(?:year|yr)s?\\s?-?(?:[1-9]|1[0-3])(?:\\s?(?:and|&|/|-)\\s?(?:[1-9]|1[0-3]))?"
	 "|y(?:[1-9]|1[0-3])|(?:ks|key stage)\\s?[1-5])(?:'?s)?(?![\\w])",
	 PL_YEAR_GROUP, SEV_MEDIUM, CAT_WORK_DETAIL, accept, NEED_DIGIT},
	/* the middle finger, U+1F595, with any skin tone */
	{"\xF0\x9F\x96\x95(?:\xF0\x9F\x8F[\xBB-\xBF])?",
	 PL_RUDE_GESTURE, SEV_HIGH, CAT_DEROGATORY, accept, NEED_NOTHING},
};

/* Inputs on which a badly written pattern backtracks for ever: long runs of
 * one character with a mismatch at the end, alternating characters, spaces,
 * digits. A pattern that hits the match limit on any of them would make
 * some real post slow, so it is left out. */
static bool catastrophic(struct patterns *p, pcre2_code *code, pcre2_match_data *md)
{
	static const char *const units[] = {"a", "ab", "0", " ", "a ", "aA1!", ".", "\xC3\xA9"};
	static const char *const ends[] = {"!", "", "\n", "0", "\xFF"};
	char probe[4200];
	for (size_t u = 0; u < ARRAY_SIZE(units); u++) {
		for (size_t e = 0; e < ARRAY_SIZE(ends); e++) {
			for (size_t len = 24; len <= 4096; len *= 4) {
				size_t n = 0, ul = strlen(units[u]);
				while (n + ul <= len) {
					memcpy(probe + n, units[u], ul);
					n += ul;
				}
				memcpy(probe + n, ends[e], strlen(ends[e]));
				n += strlen(ends[e]);
				int rc = pcre2_match(code, (PCRE2_SPTR)probe, n, 0, 0, md, p->mctx);
				if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
				    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
					return true;
			}
		}
	}
	return false;
}

static void add_custom(struct patterns *p, const struct config_pattern *cp, size_t index,
		       bool no_jit, const char *where, struct problems *problems)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)cp->pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		problems_add(problems, "%s: patterns[%zu] does not compile: %s at offset %zu; left "
				       "out.", where, index, (const char *)msg, (size_t)off);
		return;
	}
	if (!no_jit)
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	const char *why = NULL;
	if (pcre2_match(code, (PCRE2_SPTR)"", 0, 0, 0, md, p->mctx) >= 0)
		why = "it matches empty text";
	else if (catastrophic(p, code, md))
		why = "it backtracks too much on some inputs and could make checks slow; make "
		      "repeated groups unambiguous, e.g. (a+)+ as a+";
	if (why) {
		problems_add(problems, "%s: patterns[%zu] is left out: %s.", where, index, why);
		pcre2_match_data_free(md);
		pcre2_code_free(code);
		return;
	}
	struct compiled *c = &p->items[p->count++];
	*c = (struct compiled){
		.code = code,
		.md = md,
		.category = (uint8_t)cp->category,
		.severity = (uint8_t)cp->severity,
		.custom = (uint16_t)(index + 1),
	};
}

struct patterns *patterns_create(const struct config *config, struct problems *problems)
{
	struct patterns *p = xcalloc(1, sizeof(*p));
	p->items = xcalloc(ARRAY_SIZE(defs) + config->pattern_count, sizeof(*p->items));
	p->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
	p->jit = pcre2_jit_stack_create(32 * 1024, 256 * 1024, NULL);
	if (p->jit)
		pcre2_jit_stack_assign(p->mctx, NULL, p->jit);
	for (size_t i = 0; i < config->email_domains.n; i++) {
		p->school_domains.v = xrealloc(p->school_domains.v,
					       (p->school_domains.n + 1) * sizeof(char *));
		p->school_domains.v[p->school_domains.n++] = xstrdup(config->email_domains.v[i]);
	}

	const char *env = getenv("PREPOST_NO_JIT");
	bool no_jit = env && env[0] == '1';
	for (size_t i = 0; i < ARRAY_SIZE(defs); i++) {
		int err;
		PCRE2_SIZE off;
		pcre2_code *code = pcre2_compile((PCRE2_SPTR)defs[i].re, PCRE2_ZERO_TERMINATED, 0,
						 &err, &off, NULL);
		if (!code) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof(msg));
			problems_add(problems, "built-in pattern %zu: %s at offset %zu", i,
				     (const char *)msg, (size_t)off);
			continue;
		}
		/* The interpreter is the fallback when JIT is unavailable; valgrind
		 * cannot follow JIT code, so its test setup asks for the
		 * interpreter (PREPOST_NO_JIT=1). */
		if (!no_jit)
			pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
		struct compiled *c = &p->items[p->count++];
		c->def = &defs[i];
		c->code = code;
		c->md = pcre2_match_data_create_from_pattern(code, NULL);
		c->category = defs[i].category;
		c->severity = defs[i].severity;
		c->need = defs[i].need;
	}
	const char *where = config->path ? config->path : "config";
	for (size_t i = 0; i < config->pattern_count && i < UINT16_MAX - 1; i++)
		add_custom(p, &config->patterns[i], i, no_jit, where, problems);
	return p;
}

void patterns_destroy(struct patterns *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->count; i++) {
		pcre2_match_data_free(p->items[i].md);
		pcre2_code_free(p->items[i].code);
	}
	free(p->items);
	for (int k = 0; k < 3; k++)
		free(p->windows[k]);
	pcre2_match_context_free(p->mctx);
	if (p->jit)
		pcre2_jit_stack_free(p->jit);
	for (size_t i = 0; i < p->school_domains.n; i++)
		free(p->school_domains.v[i]);
	free(p->school_domains.v);
	free(p);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The stretches of text worth scanning for patterns that need a digit (or
 * an @): WINDOW bytes either side of each, widened to white space so that
 * look-aheads at a window's end see what they would see in the whole
 * text, and merged where they meet. */
static void find_windows(struct patterns *p, enum need need, const char *text, size_t len)
{
	struct window **w = &p->windows[need];
	size_t *n = &p->nwindows[need];
	*n = 0;
	const char *q = text, *end = text + len;
	for (;;) {
		if (need == NEED_AT) {
			q = memchr(q, '@', (size_t)(end - q));
		} else {
			while (q < end && (*q < '0' || *q > '9'))
				q++;
		}
		if (!q || q >= end)
			break;
		size_t at = (size_t)(q - text);
		size_t a = at > WINDOW ? at - WINDOW : 0, b = at + WINDOW < len ? at + WINDOW : len;
		while (a > 0 && !is_space(text[a - 1]))
			a--;
		while (b < len && !is_space(text[b]))
			b++;
		if (*n && a <= (*w)[*n - 1].end) {
			(*w)[*n - 1].end = b;
		} else {
			grow_array((void **)w, &p->capwindows[need], *n + 1, sizeof(**w));
			(*w)[(*n)++] = (struct window){a, b};
		}
		q = text + (b > at ? b : at + 1);
	}
}

static void scan_one(struct patterns *p, struct compiled *c, const char *text, size_t from,
		     size_t to, void (*hit)(const struct pattern_hit *h, void *ctx), void *ctx)
{
	size_t at = from;
	while (at < to) {
		/* the subject ends at `to`, but starts at the text's start, so
		 * look-behinds see the real text before the window */
		int rc = pcre2_match(c->code, (PCRE2_SPTR)text, to, at, 0, c->md, p->mctx);
		if (rc < 0)
			break; /* no match, or a limit reached: nothing to report */
		/* PCRE2_MATCH_INVALID_UTF never matches inside a bad sequence,
		 * so offsets are always on character boundaries. */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		size_t start = ov[0], end = ov[1];
		while (end > start && strchr(" \t\r\n-", text[end - 1]))
			end--;
		if (end <= start) {
			at = start + 1;
			continue;
		}
		enum severity s = c->def ? c->def->validate(p, text, &start, &end, c->md)
					 : (enum severity)c->severity;
		if (s > (enum severity)c->severity)
			s = (enum severity)c->severity;
		if (s != SEV_NONE) {
			struct pattern_hit h = {
				.start = (uint32_t)start,
				.end = (uint32_t)end,
				.category = c->category,
				.severity = (uint8_t)s,
				.label = c->def ? c->def->label : 0,
				.custom = c->custom,
			};
			hit(&h, ctx);
		}
		at = ov[1];
	}
}

void patterns_scan(struct patterns *p, const char *text, size_t len,
		   void (*hit)(const struct pattern_hit *h, void *ctx), void *ctx)
{
	find_windows(p, NEED_DIGIT, text, len);
	find_windows(p, NEED_AT, text, len);
	for (size_t i = 0; i < p->count; i++) {
		struct compiled *c = &p->items[i];
		if (c->need == NEED_NOTHING) {
			scan_one(p, c, text, 0, len, hit, ctx);
			continue;
		}
		for (size_t k = 0; k < p->nwindows[c->need]; k++)
			scan_one(p, c, text, p->windows[c->need][k].start,
				 p->windows[c->need][k].end, hit, ctx);
	}
}
