/* Problems found while loading config, rosters and lexicons: sentences a
 * person can act on. They never contain roster contents or post text, only
 * file names, line numbers and what was expected. */
#ifndef PREPOST_PROBLEMS_H
#define PREPOST_PROBLEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct problems {
	char **items;
	bool *warning; /* true: worth fixing, but nothing fails because of it */
	size_t count;
	size_t cap;
};

void problems_init(struct problems *p);
void problems_finish(struct problems *p);
void problems_add(struct problems *p, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* A problem that is only a warning (lint exits 0 for warnings alone). */
void problems_warn(struct problems *p, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
