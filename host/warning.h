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
	/* Not reported: a phrase that suppresses other matches it covers. */
	CAT_ALLOW = CAT_COUNT,
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
/* Returns CAT_COUNT + 1 when the name is unknown; "allow" gives CAT_ALLOW. */
unsigned category_from_name(const char *name);
const char *severity_name(enum severity s);
/* Returns SEV_NONE when the name is unknown. */
enum severity severity_from_name(const char *name);

#endif
