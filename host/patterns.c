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

/* Where a pattern can match, so that it scans only there. Every built-in
 * pattern that needs digits has a bounded extent and a condition every
 * match satisfies: so many digits in one chain of runs (struct reach), or a
 * gate on a single run; either gives the bytes around it a match can reach.
 * The text is walked once for its digit runs; each pattern then scans only
 * those windows, which gives the same matches as scanning the whole text
 * (tests/test-patterns.c and the fuzz-patterns target compare the two). */
enum need {
	NEED_NOTHING, /* scan the whole text */
	NEED_CHAIN,   /* around chains of at least so many digits (struct reach) */
	NEED_RUN,     /* where the pattern's gate opens a window */
	NEED_AT,      /* an @ inside every match */
	NEED_EMOJI,   /* the bytes of the gesture emoji */
};

/* How far an email address may reach from its @; its windows are widened to
 * white space, which an address never holds. */
#define AT_WINDOW 48

/* A run of ASCII digits, and a chain: runs joined by at most CHAIN_GAP
 * bytes of white space, hyphens or brackets, as in "+44 (0)20 7946 0018",
 * "4111 1111 1111 1111" or "12-34-56". */
#define CHAIN_GAP 2

/* The longest an IBAN pattern's match can be: four characters, seven
 * groups of four with a space before each, and three more after a space. */
#define IBAN_EXTENT (4 + 7 * 5 + 4)
struct run {
	uint32_t start, end;
};

struct chain {
	uint32_t start, end;
	uint32_t digits;
};

/* For NEED_CHAIN: the digits a match needs in one chain, and how far before
 * and after the chain it can reach. */
struct reach {
	uint8_t digits, before, after;
};

struct patterns;

/* Returns whether a match may be near run r, and if so the window
 * [*a, *b) in which every such match lies (before clamping to the text). */
typedef bool (*gate_fn)(struct patterns *p, const char *text, size_t len, const struct run *r,
			ptrdiff_t *a, ptrdiff_t *b);

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
	gate_fn gate; /* for NEED_RUN */
	struct reach reach; /* for NEED_CHAIN */
};

struct compiled {
	const struct pattern_def *def; /* NULL for a school's pattern */
	uint8_t need;
	gate_fn gate;
	struct reach reach;
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
	size_t count;
	bool jit_pending; /* the built-in patterns are still to be JIT-compiled */
	/* scratch, rebuilt for each text */
	struct window *windows;
	size_t nwindows, capwindows;
	struct run *runs;
	size_t nruns, capruns;
	struct chain *chains;
	size_t nchains, capchains;
	uint32_t *keywords; /* where "born", "birth", "dob" may start */
	size_t nkeywords, capkeywords, next_keyword;
	bool keywords_found; /* for this text */
	bool exhaustive; /* tests: scan every pattern over the whole text */
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
	[PL_IBAN] = {"This looks like an IBAN, a bank account number.",
		     "Never post bank details. Remove it."},
	[PL_LICENCE] = {"This looks like a UK driving licence number.",
			"A driving licence number identifies a person. Remove it."},
	[PL_PASSPORT] = {"This looks like a passport number.",
			 "A passport number identifies a person. Remove it."},
	[PL_NHS_NUMBER] = {"This looks like an NHS number.",
			   "An NHS number identifies a patient and their health records. "
			   "Never post it."},
	[PL_DBS_NUMBER] = {"This looks like a DBS certificate number.",
			   "A DBS certificate number identifies a person. Remove it."},
	[PL_CARD_CODE] = {"This looks like a payment card's security code.",
			  "Never post a card's security code. Remove it."},
	[PL_RUDE_GESTURE] = {"This emoji is an obscene gesture.",
			     "Rephrase without it: posts are public, permanent and read by "
			     "parents."},
	[PL_YEAR_GROUP] = {"This names a year group.",
			   "Year groups narrow down which pupils and which school you mean. "
			   "Leave it out."},
	[PL_CLASS_GROUP] = {"This names a class or form group.",
			    "A class name such as 6B points to a few pupils and a school. "
			    "Leave it out."},
	[PL_NOT_YET] = {"This reads as news that has not been shared yet.",
			"Until it is announced, it is not yours to share. Leave it out."},
	[PL_SCHOOL_NAME] = {"This names a school.",
			    "A school's name tells readers where you work or where the pupils "
			    "you mention are. Leave it out."},
	[PL_OWN_PUPIL] = {"This says you teach the pupil named.",
			  "Saying that you teach a named pupil ties them to you and to your "
			  "school. Leave it out."},
};

const char *pattern_message(enum pattern_label l)
{
	return messages[l][0];
}

const char *pattern_advice(enum pattern_label l)
{
	return messages[l][1];
}

/* An ASCII capital, whatever the locale. */
static bool ascii_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* White space as PCRE2's \\s has it in byte mode. */
static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
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

/* The digits of a phone number's match into d (24 bytes), or 0 when the
 * word before says it is something else. */
static size_t phone_digits(const char *text, size_t start, size_t end, char *d)
{
	return labelled(text, start) ? 0 : digits_of(text, start, end, d, 24);
}

static enum severity check_phone(struct patterns *p, const char *text, size_t *start,
				 size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char d[24];
	size_t n = phone_digits(text, *start, *end, d);
	if (!n)
		return SEV_NONE;
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
	return patterns_uk_phone(national, strlen(national));
}

enum severity patterns_uk_phone(const char *national, size_t len)
{
	if (len < 2 || national[0] != '0')
		return SEV_NONE;
	if (national[1] == '7')
		return len == 11 ? SEV_HIGH : SEV_NONE;
	if (national[1] == '1' || national[1] == '2' || national[1] == '3')
		return len == 10 || len == 11 ? SEV_MEDIUM : SEV_NONE;
	return SEV_NONE;
}

/* A number from abroad, "+971 50 123 4567", "+1 415 555 0132": a country
 * code other than the UK's and eight to fifteen digits in all, as E.164
 * allows. */
static enum severity check_abroad(struct patterns *p, const char *text, size_t *start,
				  size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char d[24];
	size_t n = phone_digits(text, *start, *end, d);
	return n >= 8 && n <= 15 && !(d[0] == '4' && d[1] == '4') ? SEV_HIGH : SEV_NONE;
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

/* Whether upper-case x and y end an ordinal (1ST, 2ND, 3RD, 5TH). */
static bool ordinal_letters(char x, char y)
{
	return (x == 'S' && y == 'T') || (x == 'N' && y == 'D') || (x == 'R' && y == 'D') ||
	       (x == 'T' && y == 'H');
}

/* Whether the letters that begin postcode c (upper case) are one of the
 * UK's postcode areas (with Guernsey, Jersey and the Isle of Man). */
static bool postcode_area(const char *c)
{
	static const char *const areas =
		" AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG"
		" DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM"
		" IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL"
		" OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA"
		" TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE ";
	char area[5] = " ";
	size_t n = 0;
	while (n < 2 && ascii_upper(c[n])) {
		area[1 + n] = c[n];
		n++;
	}
	area[1 + n] = ' ';
	return n > 0 && strstr(areas, area) != NULL;
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
	/* Typed in lower case ("near m14 5tq"), it must look like nothing
	 * else: a real postcode area, a space before the inward code, and no
	 * ordinal for an inward code ("m6 2nd time", "b12 1st"). */
	bool lower = false;
	for (size_t i = *start; i < *end; i++)
		lower |= islower((unsigned char)text[i]) != 0;
	if (lower) {
		if (!memchr(text + *start, ' ', *end - *start) || !postcode_area(c) ||
		    ordinal_letters(c[k - 2], c[k - 1]))
			return SEV_NONE;
	}
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
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	for (int g = 1; g <= 5; g++) {
		if (ov[2 * g] == PCRE2_UNSET)
			continue;
		/* a day in words is one: the pattern takes no more than
		 * "thirty-first", but for "thirty-second" to "thirty-ninth" */
		if (g == 4) {
			const char *w = text + ov[2 * g];
			if (strncasecmp(w, "thirty", 6) != 0)
				return SEV_HIGH;
			w += 6;
			while (*w == ' ' || *w == '-')
				w++;
			return strncasecmp(w, "first", 5) == 0 ? SEV_HIGH : SEV_NONE;
		}
		/* a date further on is shown alone: the words between may be
		 * another warning's ("Year 4") */
		if (g == 5) {
			*start = ov[2 * g];
			*end = ov[2 * g + 1];
		}
		const char *s = text + ov[2 * g], *e = text + ov[2 * g + 1];
		int day = -1, month = 0, numbers = 0;
		while (s < e) {
			if (isdigit((unsigned char)*s)) {
				/* the text need not end in a NUL: no atoi */
				int v = 0;
				for (; s < e && isdigit((unsigned char)*s); s++)
					v = v < 1000 ? v * 10 + (*s - '0') : v;
				if (numbers == 0)
					day = v;
				else if (numbers == 1 && (g == 1 || g == 5))
					month = v;
				numbers++;
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

/* An NHS number: ten digits, the last a check digit, 11 less the sum of
 * the first nine weighted 10 down to 2, mod 11 (11 is 0, 10 is never
 * issued). "943 476 5919" passes; "485 777 3456" does not. */
static enum severity check_nhs(struct patterns *p, const char *text, size_t *start,
			       size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char d[16];
	if (digits_of(text, *start, *end, d, sizeof(d)) != 10)
		return SEV_NONE;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0' ? SEV_HIGH : SEV_NONE;
}

/* The length of an IBAN in the countries staff are likely to bank in or
 * send money to (the SWIFT IBAN registry). */
static int iban_length(char a, char b)
{
	static const struct {
		char cc[3];
		int len;
	} lengths[] = {
		{"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24},
		{"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27},
		{"GB", 22}, {"GI", 23}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22},
		{"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
		{"MC", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PT", 25},
		{"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24},
	};
	for (size_t i = 0; i < ARRAY_SIZE(lengths); i++)
		if (lengths[i].cc[0] == a && lengths[i].cc[1] == b)
			return lengths[i].len;
	return 0;
}

/* ISO 13616: the country's length, and the number read with its first four
 * characters moved to the end and letters as 10 to 35 is 1 modulo 97. */
bool iban_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 4 || (int)n != iban_length(s[0], s[1]) || !isdigit((unsigned char)s[2]) ||
	    !isdigit((unsigned char)s[3]))
		return false;
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		char c = s[(k + 4) % n];
		if (isdigit((unsigned char)c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else if (ascii_upper(c))
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
		else
			return false;
	}
	return rem == 1;
}

/* Copies text[start, end) without its spaces into out (at most n - 1). */
static size_t unspaced(const char *text, size_t start, size_t end, char *out, size_t n)
{
	size_t k = 0;
	for (size_t i = start; i < end && k + 1 < n; i++)
		if (!is_space(text[i]))
			out[k++] = text[i];
	out[k] = '\0';
	return k;
}

static enum severity check_iban(struct patterns *p, const char *text, size_t *start,
				size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char c[40];
	unspaced(text, *start, *end, c, sizeof(c));
	return iban_valid(c) ? SEV_HIGH : SEV_NONE;
}

/* A UK driving licence number (DVLA): five letters of the surname padded
 * with 9s, the decade digit of the birth year, the birth month (plus 50 for
 * a woman), the day, the year's last digit, two initials padded with 9s, a
 * digit and two check letters. The date must be real. */
bool licence_valid(const char *s)
{
	if (strlen(s) != 16)
		return false;
	for (int i = 0; i < 16; i++) {
		bool digit = isdigit((unsigned char)s[i]), upper = ascii_upper(s[i]);
		bool ok = i < 5 || i == 11 || i == 12 ? upper || s[i] == '9'
			: i < 11 || i == 13	      ? digit
						      : upper;
		if (!ok)
			return false;
	}
	if (s[0] == '9')
		return false; /* a surname has at least one letter */
	int month = (s[6] - '0') * 10 + (s[7] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
	if (month > 50)
		month -= 50;
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static enum severity check_licence(struct patterns *p, const char *text, size_t *start,
				   size_t *end, pcre2_match_data *md)
{
	(void)p;
	(void)md;
	char c[20];
	/* the match may end in the two-digit issue number, not part of it */
	if (unspaced(text, *start, *end, c, sizeof(c)) < 16)
		return SEV_NONE;
	c[16] = '\0';
	return licence_valid(c) ? SEV_HIGH : SEV_NONE;
}

/* Gates for the patterns below; see enum need. Each says which runs of
 * digits a match can be near and how far from them it can reach. */

static bool ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || ascii_upper(c);
}

static bool gate_upn(struct patterns *p, const char *text, size_t len, const struct run *r,
		     ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p, (void)len;
	*a = (ptrdiff_t)r->start - 1;
	*b = r->end;
	return r->end - r->start == 12 && r->start > 0 && ascii_alpha(text[r->start - 1]);
}

/* An IBAN begins with a country's two capitals and two check digits. */
static bool gate_iban(struct patterns *p, const char *text, size_t len, const struct run *r,
		      ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p, (void)len;
	if (r->start < 2 || !ascii_upper(text[r->start - 1]) || !ascii_upper(text[r->start - 2]))
		return false;
	*a = (ptrdiff_t)r->start - 2;
	*b = *a + IBAN_EXTENT;
	return true;
}

/* A letter of a postcode's inward code, in either case. */
static bool inward_letter(char c)
{
	c = (char)(c & ~0x20);
	return ascii_upper(c) && !strchr("CIKMOV", c);
}

/* the inward code: a digit and two letters, at most 8 bytes in all */
static bool gate_postcode(struct patterns *p, const char *text, size_t len, const struct run *r,
			  ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p;
	*a = (ptrdiff_t)r->end - 8;
	*b = (ptrdiff_t)r->end + 2;
	/* check_postcode turns down C, I, K, M, O and V in the inward code
	 * ("10am" never gets this far) */
	if (r->end + 2 > len || !inward_letter(text[r->end]) || !inward_letter(text[r->end + 1]))
		return false;
	/* nor a lower-case ordinal: 1st, 2nd, 3rd, 5th */
	char x = text[r->end], y = text[r->end + 1];
	if (islower((unsigned char)x) && islower((unsigned char)y) &&
	    ordinal_letters((char)(x & ~0x20), (char)(y & ~0x20)))
		return false;
	if (r->end + 2 == len)
		return true;
	char c = text[r->end + 2];
	return !(ascii_alpha(c) || (c >= '0' && c <= '9') || c == '_');
}

/* a house number of up to four digits, a letter, a comma and a space */
static bool gate_address(struct patterns *p, const char *text, size_t len, const struct run *r,
			 ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p;
	/* "number" and four spaces before; "on" and four more spaces after */
	*a = (ptrdiff_t)r->start - 10;
	*b = (ptrdiff_t)r->start + 116;
	if (r->end - r->start > 4)
		return false;
	size_t i = r->end;
	if (i < len && ascii_alpha(text[i]))
		i++;
	if (i < len && text[i] == ',')
		i++;
	size_t spaces = 0;
	while (i < len && spaces < 4 && is_space(text[i]))
		i++, spaces++;
	if (spaces > 0 && i + 2 < len && (text[i] == 'o' || text[i] == 'i') && text[i + 1] == 'n' &&
	    is_space(text[i + 2]))
		return true;
	return spaces > 0 && i < len && ascii_upper(text[i]);
}

/* Whether text[i, i + n) is lower in ASCII, ignoring case. */
static bool ascii_ieq(const char *text, size_t i, const char *lower, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((text[i + k] | 32) != lower[k])
			return false;
	return true;
}

/* Whether "born", "birth", "dob" or "d.o.b" may be at the b at text[i]. */
static bool birth_keyword(const char *text, size_t len, size_t i)
{
	if (i + 3 < len && ascii_ieq(text, i + 1, "orn", 3))
		return true;
	if (i + 4 < len && ascii_ieq(text, i + 1, "irth", 4))
		return true;
	if (i >= 1 && (text[i - 1] | 32) == 'o')
		return true;
	return i >= 2 && text[i - 1] == '.' && (text[i - 2] | 32) == 'o';
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* The b of every keyword in the text, in order: found when the gate first
 * asks for a text, then walked forward as the runs are. */
static void find_keywords(struct patterns *p, const char *text, size_t len)
{
	p->nkeywords = 0;
	p->next_keyword = 0;
	p->keywords_found = true;
	for (const char *bs = "bB"; *bs; bs++) {
		for (const char *q = memchr(text, *bs, len); q;
		     q = memchr(q + 1, *bs, len - (size_t)(q + 1 - text))) {
			if (!birth_keyword(text, len, (size_t)(q - text)))
				continue;
			grow_array((void **)&p->keywords, &p->capkeywords, p->nkeywords + 1,
				   sizeof(*p->keywords));
			p->keywords[p->nkeywords++] = (uint32_t)(q - text);
			if (q + 1 >= text + len)
				break;
		}
	}
	if (p->nkeywords > 1)
		qsort(p->keywords, p->nkeywords, sizeof(*p->keywords), cmp_u32);
}

/* How far a keyword may be before the date's first digits: "date of birth"
 * and four words of fourteen letters ("DOB for the club registration"),
 * "is on the", a colon (110 bytes with the spaces), then a day and month in
 * words before the year ("twenty-seventh of September, ", 39); or the b of
 * "d.o.b.'s" (a curly apostrophe) and seven words of twelve letters with a
 * comma and two spaces before each, then "reads" (120 bytes). */
#define BIRTH_KEYWORD_REACH 152

/* a keyword up to BIRTH_KEYWORD_REACH bytes before the date's first digits,
 * which reach at most 40 bytes on ("3rd of September 2015") */
static bool gate_birth(struct patterns *p, const char *text, size_t len, const struct run *r,
		       ptrdiff_t *a, ptrdiff_t *b)
{
	if (!p->keywords_found)
		find_keywords(p, text, len);
	*a = (ptrdiff_t)r->start - BIRTH_KEYWORD_REACH;
	*b = (ptrdiff_t)r->start + 40;
	while (p->next_keyword < p->nkeywords &&
	       p->keywords[p->next_keyword] + BIRTH_KEYWORD_REACH < r->start)
		p->next_keyword++;
	return p->next_keyword < p->nkeywords && p->keywords[p->next_keyword] < r->start;
}

/* one or two digits after year(s), yr(s), y, ks or key stage, with at most
 * a space and a hyphen between */
static bool gate_year(struct patterns *p, const char *text, size_t len, const struct run *r,
		      ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p, (void)len;
	*a = (ptrdiff_t)r->start - 10;
	*b = (ptrdiff_t)r->end + 20;
	if (r->end - r->start > 2)
		return false;
	size_t i = r->start;
	for (int skip = 0; skip < 2 && i > 0 && (is_space(text[i - 1]) || text[i - 1] == '-');
	     skip++)
		i--;
	return i > 0 && strchr("rsye", text[i - 1] | 32) && ascii_alpha(text[i - 1]);
}

/* A card's security code: a run of three to five digits with "cv", "csc"
 * or "code" in the 30 bytes before it, which every match has ("CVV 113",
 * "security code number: 482"). Most runs of digits have neither. */
static bool gate_card_code(struct patterns *p, const char *text, size_t len, const struct run *r,
			   ptrdiff_t *a, ptrdiff_t *b)
{
	(void)p, (void)len;
	*a = (ptrdiff_t)r->start - 30;
	*b = (ptrdiff_t)r->end + 1;
	/* five where the keyword's own 2 joins the code ("cvc26016") */
	if (r->end - r->start < 3 || r->end - r->start > 5)
		return false;
	size_t from = r->start > 30 ? r->start - 30 : 0;
	for (size_t i = from; i + 2 <= r->start; i++) {
		char x = (char)(text[i] | 32), y = (char)(text[i + 1] | 32);
		if (x == 'c' && (y == 'v' || (y == 's' && i + 3 <= r->start && (text[i + 2] | 32) == 'c') ||
				 (y == 'o' && i + 4 <= r->start && (text[i + 2] | 32) == 'd' &&
				  (text[i + 3] | 32) == 'e')))
			return true;
	}
	return false;
}

#define MONTH "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?"
/* a day of the month in words, "first" to "thirty-first" */
#define ORDINAL                                                                              \
	"(?:(?:(?:twenty|thirty)[\\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|" \
	"ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|"   \
	"thirtieth)"

/* Every pattern gated by runs of digits has a bounded extent, which its
 * gate's window covers: hence \\s{1,4} rather than \\s+. */
static const struct pattern_def defs[] = {
	/* mobiles and landlines: 07700 900123, +44 (0)20 7946 0018, 0113-496-0000,
	 * (0161) 496 0018, 07.445.889.021 */
	{"(?<![\\w+./:-])(?:(?:\\+44\\s?(?:\\(0\\)\\s?)?|0044\\s?|0)(?:\\d[\\s.-]?){9,10}|"
	 "\\(0\\d{2,4}\\)\\s?(?:\\d[\\s-]?){5,8})(?!\\d)",
	 PL_PHONE, SEV_HIGH, CAT_PERSONAL_DATA, check_phone, NEED_CHAIN, NULL,
	 /* 0 or +44 and 9 or 10 more digits, one separator apart */
	 {.digits = 10, .before = 1, .after = 1}},
	/* from abroad: + and a country code, then groups of digits */
	{"(?<![\\w+./:-])\\+[1-9]\\d{0,2}(?:[\\s.-]?\\d{1,4}){2,6}(?![\\w.-]?\\d)",
	 PL_PHONE, SEV_HIGH, CAT_PERSONAL_DATA, check_abroad, NEED_CHAIN, NULL,
	 /* the + before one chain of eight digits or more, its groups one
	  * separator apart */
	 {.digits = 8, .before = 1, .after = 1}},
	{"(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}"
	 "\\.[A-Za-z]{2,24}(?![\\w.-]*\\w)",
	 PL_EMAIL, SEV_HIGH, CAT_PERSONAL_DATA, check_email, NEED_AT, NULL, {0}},
	{"(?<![\\w])(?:[A-Za-z]{1,2}\\d[A-Za-z\\d]?\\s?\\d[A-Za-z]{2}|GIR\\s?0AA)(?!\\w)",
	 PL_POSTCODE, SEV_MEDIUM, CAT_PERSONAL_DATA, check_postcode, NEED_RUN, gate_postcode, {0}},
	/* "12a, Acacia Gardens", or "number 27 on Elm Road" */
	{"(?<![\\w])(?:[Nn]umber\\s{1,4}\\d{1,4}[A-Za-z]?\\s{1,4}(?:on|in)\\s{1,4}|"
	 "\\d{1,4}[A-Za-z]?,?\\s{1,4})(?:[A-Z][a-z]{1,24}\\s{1,4}){1,3}(?:Road|Rd|Street|St|"
	 "Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Gardens|Grove|Place|Terrace|Mews|Rise|"
	 "Walk|Square|Parade|Row)\\b\\.?",
	 PL_ADDRESS, SEV_MEDIUM, CAT_PERSONAL_DATA, accept, NEED_RUN, gate_address, {0}},
	/* "DOB for the booking is 17 April 1987", "Date of birth on the booking
	 * form: 21 March 1984": a few words may come between
	 * "DOB" or "date of birth" and the date, not between "birthday" and a
	 * party's date; a whole date with its century may come further on,
	 * after "is", "be", "as" or "says" ("the DOB on the Year 4 register,
	 * it should be 12/09/2015", not "DOB needed by Friday 12/09/2025"),
	 * and is then the warning's span */
	{"(?i)\\b(?:(?:(?:d\\.?o\\.?b\\.?(?:'s|\u2019s)?|date of birth)(?:\\s{1,4}[a-z']{1,14}){0,4}?|"
	 "born(?: on)?|birthday(?:'s|\u2019s)?)(?:\\s{1,4}(?:is|was|on|is on|was on))?"
	 "(?:\\s{1,4}the)?\\s{0,4}[:=-]?\\s{0,4}"
	 "(?:(\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2}))|"
	 "(\\d{1,2}(?:st|nd|rd|th)?(?:\\s{1,4}of)?\\s{1,4}" MONTH "(?:\\s{1,4}\\d{4})?)|"
	 "(" MONTH "\\s{1,4}\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s{1,4}\\d{4})?)|"
	 /* "the fourth of June 2014", with its year */
	 "(" ORDINAL "(?:\\s{1,4}of)?\\s{1,4}" MONTH ",?\\s{1,4}\\d{4}))|"
	 "(?:d\\.?o\\.?b\\.?(?:'s|\u2019s)?|date of birth)(?:,?\\s{1,2}[a-z0-9']{1,12}){3,7}?"
	 ",?\\s{1,2}(?:is|was|be|as|to|says|reads|shows)\\s{1,2}"
	 "(\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d\\d))(?![\\w/])",
	 PL_BIRTH_DATE, SEV_HIGH, CAT_PERSONAL_DATA, check_birth, NEED_RUN, gate_birth, {0}},
	{"(?<![\\w])[A-Za-z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-Da-d](?!\\w)",
	 PL_NI_NUMBER, SEV_HIGH, CAT_PERSONAL_DATA, check_ni, NEED_CHAIN, NULL,
	 /* two letters, then six digits in pairs */
	 {.digits = 6, .before = 3, .after = 2}},
	/* a sort code with an account number in either order, or either named
	 * ("account number: 3141 5926") */
	{"(?i)(?<![\\w-])(?:\\d{2}-\\d{2}-\\d{2}\\D{0,30}?(?<!\\d)\\d{8}|\\d{8}\\D{0,30}?"
	 "(?<!\\d)\\d{2}-\\d{2}-\\d{2}|sort code\\s{0,4}:?\\s{0,4}\\d{2}[- ]?\\d{2}[- ]?\\d{2}|"
	 "account(?:\\s{1,4}(?:number|no\\.?|num))?\\s{0,4}(?:is|:|-)?\\s{0,4}\\d{4}\\s?\\d{4})"
	 "(?![\\w-])",
	 PL_BANK, SEV_HIGH, CAT_PERSONAL_DATA, accept, NEED_CHAIN, NULL,
	 /* a sort code (six digits) or an account number (eight), "sort code"
	  * up to 18 bytes before or "account number is" up to 27, the other
	  * number up to 40 bytes after */
	 {.digits = 6, .before = 27, .after = 40}},
	/* 4-4-4-4 (to 19 digits) or Amex 4-6-5, with spaces, dashes or none */
	{"(?<![\\w-])(?:\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{1,7}|\\d{4}([ -]?)\\d{6}\\2\\d{5})(?![\\w-])",
	 PL_CARD, SEV_HIGH, CAT_PERSONAL_DATA, check_card, NEED_CHAIN, NULL, {.digits = 13}},
	{"(?<![\\w])[A-HJ-NP-RT-Za-hj-np-rt-z]\\d{12}(?!\\w)",
	 PL_UPN, SEV_HIGH, CAT_PERSONAL_DATA, check_upn, NEED_RUN, gate_upn, {0}},
	/* an IBAN in capitals, in groups of four or none: GB29 NWBK 6016 1331
	 * 9268 19 */
	{"(?<![\\w])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\\w])",
	 PL_IBAN, SEV_HIGH, CAT_PERSONAL_DATA, check_iban, NEED_RUN, gate_iban, {0}},
	/* a UK driving licence number: MORGA753116SM9IJ, maybe with its issue
	 * number */
	{"(?<![\\w])[A-Z9]{5}\\d{6}[A-Z9]{2}\\d[A-Z]{2}(?: ?\\d{2})?(?![\\w])",
	 PL_LICENCE, SEV_HIGH, CAT_PERSONAL_DATA, check_licence, NEED_CHAIN, NULL,
	 /* six digits of the date, the padded surname before, the initials,
	  * digit, check letters and issue number after */
	 {.digits = 6, .before = 5, .after = 9}},
	/* nine digits named as a passport number */
	{"(?i)\\bpassport(?:\\s{1,4}(?:number|no\\.?|num))?"
	 "\\s{0,4}(?:is|:|-)?\\s{0,4}\\d{9}(?!\\d)",
	 PL_PASSPORT, SEV_HIGH, CAT_PERSONAL_DATA, accept, NEED_CHAIN, NULL,
	 {.digits = 9, .before = 40, .after = 0}},
	/* Year 14 is Northern Ireland's upper sixth */
	{"(?i)(?<![\\w])(?:(?:year|yr)s?\\s?-?(?:[1-9]|1[0-4])(?:\\s?(?:and|&|/|-)\\s?(?:[1-9]|1[0-4]))?"
	 "|y(?:[1-9]|1[0-4])|(?:ks|key stage)\\s?[1-5])(?:'?s)?(?![\\w])"
	 /* a count of years, not a year group: "year 3 of my PhD", "year 9 of
	  * marriage" */
	 "(?!\\s{1,4}of\\s{1,4}(?:my|the|his|her|their|your|our|a|an|this|marriage|"
	 "lockdown|retirement|uni|university)\\b)",
	 PL_YEAR_GROUP, SEV_MEDIUM, CAT_WORK_DETAIL, accept, NEED_RUN, gate_year, {0}},
	/* ten digits named as an NHS number, 3-3-4 or run together, with a
	 * valid check digit; up to three short words may come between ("NHS
	 * number for the form is", "NHS number, it's") */
	{"(?i)\\bNHS(?:\\s{1,4}(?:number|no\\.?|num)(?:,?\\s{1,4}[a-z']{1,8}){0,3}?)?,?\\s{0,4}(?:is|:|-)?\\s{0,4}"
	 "\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![\\d-])",
	 PL_NHS_NUMBER, SEV_HIGH, CAT_PERSONAL_DATA, check_nhs, NEED_CHAIN, NULL,
	 /* "NHS", "number", three words of eight letters and "is", each
	  * after up to four spaces: 59 bytes */
	 {.digits = 10, .before = 60, .after = 0}},
	/* twelve digits named as a DBS certificate number */
	{"(?i)\\bDBS(?:\\s{1,4}(?:certificate|cert))?\\s{1,4}(?:number|no\\.?|num)"
	 "\\s{0,4}(?:is|:|-)?\\s{0,4}\\d{12}(?!\\d)",
	 PL_DBS_NUMBER, SEV_HIGH, CAT_PERSONAL_DATA, accept, NEED_CHAIN, NULL,
	 {.digits = 12, .before = 40, .after = 0}},
	/* three or four digits named as a card's security code: "CVV 113" */
	{"(?i)\\b(?:cvv2?|cvc2?|cv2|csc|security code)\\s{0,4}(?:is|:|-|(?:number|no\\.?)\\s{0,2}:?)?"
	 "\\s{0,4}\\d{3,4}(?!\\d)",
	 /* "security code", four spaces, "number", two spaces, a colon and
	  * four spaces before the digits: 30 bytes, which the gate reaches */
	 PL_CARD_CODE, SEV_HIGH, CAT_PERSONAL_DATA, accept, NEED_RUN, gate_card_code, {0}},
	/* the middle finger, U+1F595, with any skin tone */
	{"\xF0\x9F\x96\x95(?:\xF0\x9F\x8F[\xBB-\xBF])?",
	 PL_RUDE_GESTURE, SEV_HIGH, CAT_DEROGATORY, accept, NEED_EMOJI, NULL, {0}},
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
		struct compiled *c = &p->items[p->count++];
		c->def = &defs[i];
		c->code = code;
		c->md = pcre2_match_data_create_from_pattern(code, NULL);
		c->category = defs[i].category;
		c->severity = defs[i].severity;
		c->need = defs[i].need;
		c->gate = defs[i].gate;
		c->reach = defs[i].reach;
	}
	/* The built-in patterns are JIT-compiled later, off the start-up path
	 * (patterns_jit). The interpreter is the fallback when JIT is
	 * unavailable; valgrind cannot follow JIT code, so its test setup asks
	 * for the interpreter (PREPOST_NO_JIT=1). */
	p->jit_pending = !no_jit;
	const char *where = config->path ? config->path : "config";
	for (size_t i = 0; i < config->pattern_count && i < UINT16_MAX - 1; i++)
		add_custom(p, &config->patterns[i], i, no_jit, where, problems);
	return p;
}

void patterns_jit(struct patterns *p)
{
	if (!p->jit_pending)
		return;
	for (size_t i = 0; i < p->count; i++)
		if (!p->items[i].custom)
			pcre2_jit_compile(p->items[i].code, PCRE2_JIT_COMPLETE);
	p->jit_pending = false;
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
	free(p->windows);
	free(p->runs);
	free(p->chains);
	free(p->keywords);
	pcre2_match_context_free(p->mctx);
	if (p->jit)
		pcre2_jit_stack_free(p->jit);
	for (size_t i = 0; i < p->school_domains.n; i++)
		free(p->school_domains.v[i]);
	free(p->school_domains.v);
	free(p);
}


static void add_window(struct patterns *p, size_t a, size_t b)
{
	struct window *w = p->windows;
	if (p->nwindows && a <= w[p->nwindows - 1].end) {
		if (b > w[p->nwindows - 1].end)
			w[p->nwindows - 1].end = b;
		return;
	}
	grow_array((void **)&p->windows, &p->capwindows, p->nwindows + 1, sizeof(*p->windows));
	p->windows[p->nwindows++] = (struct window){a, b};
}

/* The middle finger and a skin tone after it. */
static void emoji_windows(struct patterns *p, const char *text, size_t len)
{
	static const char finger[] = "\xF0\x9F\x96\x95";
	p->nwindows = 0;
	const char *q = text, *end = text + len;
	while (q < end && (q = memchr(q, finger[0], (size_t)(end - q))) != NULL) {
		size_t at = (size_t)(q - text);
		if (len - at >= 4 && memcmp(q, finger, 4) == 0)
			add_window(p, at, at + 8 < len ? at + 8 : len);
		q++;
	}
}

/* Around each @: AT_WINDOW bytes either side, widened to white space. */
static void at_windows(struct patterns *p, const char *text, size_t len)
{
	p->nwindows = 0;
	const char *q = text, *end = text + len;
	while ((q = memchr(q, '@', (size_t)(end - q))) != NULL) {
		size_t at = (size_t)(q - text);
		size_t a = at > AT_WINDOW ? at - AT_WINDOW : 0, b = at + AT_WINDOW < len ? at + AT_WINDOW : len;
		while (a > 0 && !is_space(text[a - 1]))
			a--;
		while (b < len && !is_space(text[b]))
			b++;
		add_window(p, a, b);
		q = text + (b > at ? b : at + 1);
		if (q >= end)
			break;
	}
}

static bool chain_gap(char c)
{
	return is_space(c) || c == '-' || c == '.' || c == '(' || c == ')';
}

/* Whether any of eight bytes is an ASCII digit: XOR with '0' maps digits,
 * and only digits, to 0 to 9. */
static bool has_digit8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	return bytes_below(x ^ UINT64_C(0x3030303030303030), 10) != 0;
}

/* The runs of ASCII digits and their chains. */
static void find_runs(struct patterns *p, const char *text, size_t len)
{
	p->nruns = p->nchains = 0;
	p->keywords_found = false;
	size_t i = 0;
	for (;;) {
		while (i + 8 <= len && !has_digit8(text + i))
			i += 8;
		while (i < len && (unsigned char)(text[i] - '0') > 9)
			i++;
		if (i >= len)
			break;
		size_t start = i;
		while (i < len && (unsigned char)(text[i] - '0') <= 9)
			i++;
		bool joined = false;
		if (p->nruns && start - p->runs[p->nruns - 1].end <= CHAIN_GAP) {
			joined = true;
			for (size_t k = p->runs[p->nruns - 1].end; k < start; k++)
				joined &= chain_gap(text[k]);
		}
		grow_array((void **)&p->runs, &p->capruns, p->nruns + 1, sizeof(*p->runs));
		p->runs[p->nruns++] = (struct run){(uint32_t)start, (uint32_t)i};
		if (!joined) {
			grow_array((void **)&p->chains, &p->capchains, p->nchains + 1,
				   sizeof(*p->chains));
			p->chains[p->nchains++] = (struct chain){(uint32_t)start, (uint32_t)start, 0};
		}
		struct chain *ch = &p->chains[p->nchains - 1];
		ch->end = (uint32_t)i;
		ch->digits += (uint32_t)(i - start);
	}
}

static void add_clamped(struct patterns *p, ptrdiff_t a, ptrdiff_t b, size_t len)
{
	size_t ua = a < 0 ? 0 : (size_t)a, ub = b < 0 ? 0 : (size_t)b;
	add_window(p, ua, ub < len ? ub : len);
}

/* The windows a pattern opens over the runs or chains, clamped and merged. */
static void run_windows(struct patterns *p, const struct compiled *c, const char *text, size_t len)
{
	p->nwindows = 0;
	if (c->need == NEED_CHAIN) {
		for (size_t k = 0; k < p->nchains; k++) {
			const struct chain *ch = &p->chains[k];
			if (ch->digits >= c->reach.digits)
				add_clamped(p, (ptrdiff_t)ch->start - c->reach.before,
					    (ptrdiff_t)ch->end + c->reach.after, len);
		}
		return;
	}
	for (size_t k = 0; k < p->nruns; k++) {
		ptrdiff_t a, b;
		if (c->gate(p, text, len, &p->runs[k], &a, &b))
			add_clamped(p, a, b, len);
	}
}

/* Scans text[from, to) for matches that start and end there. The subject
 * runs from the text's start (so look-behinds see the real text) to a few
 * bytes past `to` (so look-aheads at a match's end do). */
static void scan_one(struct patterns *p, struct compiled *c, const char *text, size_t len,
		     size_t from, size_t to, size_t *resume,
		     void (*hit)(const struct pattern_hit *h, void *ctx), void *ctx)
{
	size_t at = from > *resume ? from : *resume;
	size_t subject = to + 8 < len ? to + 8 : len;
	while (at < to) {
		int rc = pcre2_match(c->code, (PCRE2_SPTR)text, subject, at, 0, c->md, p->mctx);
		if (rc < 0)
			break; /* no match, or a limit reached: nothing to report */
		/* PCRE2_MATCH_INVALID_UTF never matches inside a bad sequence,
		 * so offsets are always on character boundaries. */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		if (ov[0] >= to)
			break;
		if (ov[1] > to) {
			/* no match of the whole text reaches past its window:
			 * this one is the window's cut, so try the next start */
			at = ov[0] + 1;
			continue;
		}
		size_t start = ov[0], end = ov[1];
		*resume = at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		while (end > start && strchr(" \t\r\n-", text[end - 1]))
			end--;
		if (end <= start)
			continue;
		enum severity s = c->def ? c->def->validate(p, text, &start, &end, c->md)
					 : (enum severity)c->severity;
		if (s > (enum severity)c->severity)
			s = (enum severity)c->severity;
		if (s == SEV_NONE)
			continue;
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
}

void patterns_scan(struct patterns *p, const char *text, size_t len,
		   void (*hit)(const struct pattern_hit *h, void *ctx), void *ctx)
{
	patterns_jit(p);
	bool runs_found = false;
	for (size_t i = 0; i < p->count; i++) {
		struct compiled *c = &p->items[i];
		size_t resume = 0;
		if (c->need == NEED_NOTHING || p->exhaustive) {
			scan_one(p, c, text, len, 0, len, &resume, hit, ctx);
			continue;
		}
		if (c->need == NEED_AT) {
			at_windows(p, text, len);
		} else if (c->need == NEED_EMOJI) {
			emoji_windows(p, text, len);
		} else {
			if (!runs_found) {
				find_runs(p, text, len);
				runs_found = true;
			}
			run_windows(p, c, text, len);
		}
		for (size_t k = 0; k < p->nwindows; k++)
			scan_one(p, c, text, len, p->windows[k].start, p->windows[k].end, &resume,
				 hit, ctx);
	}
}

void patterns_set_exhaustive(struct patterns *p, bool on)
{
	p->exhaustive = on;
}
