/* Personal data and year groups found by PCRE2 patterns plus validators:
 * UK phone numbers, email addresses, postcodes, street addresses, dates of
 * birth where the text says so, National Insurance numbers, sort codes with
 * account numbers, payment cards (Luhn) and Unique Pupil Numbers (DfE check
 * letter). Look-alikes (scores, years, prices, room numbers) fail the
 * validators. Patterns are compiled once, JIT where available, and every
 * match runs under match and depth limits. */
#ifndef PREPOST_PATTERNS_H
#define PREPOST_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "problems.h"
#include "warning.h"

/* Labels for pattern warnings are fixed: classify.c registers them. */
enum pattern_label {
	PL_PHONE,
	PL_EMAIL,
	PL_SCHOOL_EMAIL,
	PL_POSTCODE,
	PL_ADDRESS,
	PL_BIRTH_DATE,
	PL_NI_NUMBER,
	PL_BANK,
	PL_CARD,
	PL_UPN,
	PL_IBAN,
	PL_LICENCE,
	PL_PASSPORT,
	PL_YEAR_GROUP,
	PL_RUDE_GESTURE,
	PL_NHS_NUMBER,
	PL_DBS_NUMBER,
	PL_CARD_CODE,
	PL_CLASS_GROUP, /* found by the classifier's tokens, not a pattern */
	PL_NOT_YET,     /* the same: "staff don't know yet" */
	PL_SCHOOL_NAME, /* the same: "Oakwood Primary", "Parkside High School" */
	PL_OWN_PUPIL,   /* the same: "I teach" before a pupil's name */
	PL_COUNT,
};

struct pattern_hit {
	uint32_t start, end;
	uint8_t category;
	uint8_t severity;
	uint8_t label;   /* enum pattern_label, for built-in patterns */
	uint16_t custom; /* 1 + the config's pattern index, or 0 for built-in */
};

struct patterns;

/* The school's email domains (from config) make its addresses high. The
 * config's own patterns are compiled too; one that does not compile, that
 * matches empty text, or that backtracks catastrophically on probe inputs
 * is reported and left out. */
struct patterns *patterns_create(const struct config *config, struct problems *problems);
void patterns_destroy(struct patterns *p);

/* JIT-compiles the built-in patterns (about half a millisecond), which
 * patterns_create leaves to be done off the start-up path: the classifier
 * does it on the thread that adds the rosters' names, after the hello.
 * patterns_scan does it first if it has not been done. Not thread-safe
 * with a scan of the same patterns. */
void patterns_jit(struct patterns *p);

/* Scans text and calls hit() for each validated match, in order per kind. */
void patterns_scan(struct patterns *p, const char *text, size_t len,
		   void (*hit)(const struct pattern_hit *h, void *ctx), void *ctx);

/* Tests: scan every pattern over the whole text instead of only where its
 * gate says a match can be. The results must be the same. */
void patterns_set_exhaustive(struct patterns *p, bool on);

/* The severity of a UK phone number in national form (digits only, from
 * its 0): a mobile (07, eleven digits) is high, a geographic or
 * non-geographic landline (01, 02, 03; ten or eleven digits) medium, and
 * anything else is no phone number (SEV_NONE). */
enum severity patterns_uk_phone(const char *national, size_t len);

/* The message and advice for a pattern label. */
const char *pattern_message(enum pattern_label l);
const char *pattern_advice(enum pattern_label l);

/* Validators, exposed for tests. */
bool upn_valid(const char *s);          /* a letter and 12 digits */
bool luhn_valid(const char *digits);    /* digits only */
bool ni_number_valid(const char *s);    /* 9 characters, no spaces */
bool iban_valid(const char *s);         /* no spaces, capitals */
bool licence_valid(const char *s);      /* 16 characters, no spaces */

#endif
