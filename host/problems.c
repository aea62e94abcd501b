#include "problems.h"

#include <stdarg.h>
#include <stdlib.h>

/* A roster with thousands of bad rows should not produce thousands of lines. */
#define MAX_PROBLEMS 200

void problems_init(struct problems *p)
{
	p->items = NULL;
	p->count = 0;
	p->cap = 0;
}

void problems_finish(struct problems *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->items[i]);
	free(p->items);
	problems_init(p);
}

void problems_add(struct problems *p, const char *fmt, ...)
{
	if (p->count > MAX_PROBLEMS)
		return;
	char *msg;
	if (p->count == MAX_PROBLEMS) {
		msg = xstrdup("More problems were found; only the first 200 are listed.");
	} else {
		va_list ap;
		va_start(ap, fmt);
		msg = xvasprintf(fmt, ap);
		va_end(ap);
	}
	grow_array((void **)&p->items, &p->cap, p->count + 1, sizeof(*p->items));
	p->items[p->count++] = msg;
}
