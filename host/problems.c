#include "problems.h"

#include <stdarg.h>
#include <stdlib.h>

/* A roster with thousands of bad rows should not produce thousands of lines. */
#define MAX_PROBLEMS 200

void problems_init(struct problems *p)
{
	p->warning = NULL;
	p->items = NULL;
	p->count = 0;
	p->cap = 0;
}

void problems_finish(struct problems *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->items[i]);
	free(p->items);
	free(p->warning);
	problems_init(p);
}

PRINTF_LIKE(3, 0)
static void add(struct problems *p, bool warning, const char *fmt, va_list ap)
{
	if (p->count > MAX_PROBLEMS)
		return;
	char *msg = p->count == MAX_PROBLEMS
			    ? xstrdup("More problems were found; only the first 200 are listed.")
			    : xvasprintf(fmt, ap);
	size_t cap = p->cap;
	grow_array((void **)&p->items, &p->cap, p->count + 1, sizeof(*p->items));
	if (p->cap != cap)
		p->warning = xrealloc(p->warning, p->cap * sizeof(*p->warning));
	p->warning[p->count] = warning;
	p->items[p->count++] = msg;
}

void problems_add(struct problems *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(p, false, fmt, ap);
	va_end(ap);
}

void problems_warn(struct problems *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(p, true, fmt, ap);
	va_end(ap);
}
