#include "warning.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const category_names[] = {
	[CAT_PUPIL_NAME] = "pupil_name",
	[CAT_PERSON_NAME] = "person_name",
	[CAT_WORK_DETAIL] = "work_detail",
	[CAT_DEROGATORY] = "derogatory",
	[CAT_CONFIDENTIAL] = "confidential",
	[CAT_PERSONAL_DATA] = "personal_data",
	[CAT_ALLOW] = "allow",
	[CAT_CONTEXT] = "context",
	[CAT_COMMON] = "common_name",
	[CAT_GRIEVANCE] = "grievance",
	[CAT_CHILD] = "child",
	[CAT_GROUP] = "group",
};

static const char *const severity_names[] = {
	[SEV_NONE] = "none",
	[SEV_LOW] = "low",
	[SEV_MEDIUM] = "medium",
	[SEV_HIGH] = "high",
};

void warnings_init(struct warnings *w)
{
	w->items = NULL;
	w->count = 0;
	w->cap = 0;
}

void warnings_finish(struct warnings *w)
{
	free(w->items);
	warnings_init(w);
}

void warnings_push(struct warnings *w, const struct warning *item)
{
	grow_array((void **)&w->items, &w->cap, w->count + 1, sizeof(*w->items));
	w->items[w->count++] = *item;
}

const char *category_name(enum category c)
{
	return (unsigned)c < ARRAY_SIZE(category_names) ? category_names[c] : "unknown";
}

unsigned category_from_name(const char *name)
{
	for (unsigned i = 0; i < ARRAY_SIZE(category_names); i++)
		if (strcmp(name, category_names[i]) == 0)
			return i;
	return CAT_LEXICON_END;
}

const char *severity_name(enum severity s)
{
	return (unsigned)s < ARRAY_SIZE(severity_names) ? severity_names[s] : "none";
}

enum severity severity_from_name(const char *name)
{
	for (unsigned i = SEV_LOW; i < ARRAY_SIZE(severity_names); i++)
		if (strcmp(name, severity_names[i]) == 0)
			return (enum severity)i;
	return SEV_NONE;
}
