/* Categories, severities and the warning record the classifier produces.
 * Offsets here are bytes into the checked text; protocol.c turns them into
 * UTF-16 code units for the browser. */
#ifndef PREPOST_WARNING_H
#define PREPOST_WARNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum category {
	CAT_PUPIL_NAME,
	CAT_PERSON_NAME,
	CAT_WORK_DETAIL,
	CAT_DEROGATORY,
	CAT_CONFIDENTIAL,
	CAT_PERSONAL_DATA,
	CAT_COUNT,
	/* Lexicon-only categories, never reported as such: */
	CAT_ALLOW = CAT_COUNT, /* suppresses any warning on the phrase */
	CAT_CONTEXT,           /* school context: class, lesson, pupils, his mum */
	CAT_COMMON,            /* a very common forename or surname */
	CAT_GRIEVANCE,         /* negative words: work_detail when about work */
	CAT_CHILD,             /* a particular child: "one of my boys", "the girl who" */
	CAT_GROUP,             /* a protected group: women, Muslims, old people */
	CAT_LEXICON_END,
};

enum severity {
	SEV_NONE,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH,
};

struct warning {
	uint32_t start; /* byte range in the text */
	uint32_t end;
	uint8_t category;
	uint8_t severity;
	uint16_t label; /* message, advice and policy: classifier_label() */
};

struct warnings {
	struct warning *items;
	size_t count;
	size_t cap;
};

void warnings_init(struct warnings *w);
void warnings_finish(struct warnings *w);
void warnings_push(struct warnings *w, const struct warning *item);

const char *category_name(enum category c);
/* Returns CAT_LEXICON_END when the name is unknown; accepts the
 * lexicon-only names too ("allow", "context", "common_name", "grievance",
 * "child", "group"). */
unsigned category_from_name(const char *name);
const char *severity_name(enum severity s);
/* Returns SEV_NONE when the name is unknown. */
enum severity severity_from_name(const char *name);

#endif
