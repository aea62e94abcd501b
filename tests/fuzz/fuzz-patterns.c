/* The personal-data patterns over arbitrary bytes, differentially: scanning
 * only where each pattern's gate opens a window must find exactly what
 * scanning every pattern over the whole text finds. */
#include <stdint.h>
#include <stdlib.h>

#include "config.h"
#include "patterns.h"
#include "problems.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_HITS 256

struct hits {
	struct pattern_hit h[MAX_HITS];
	size_t n;
};

static void collect(const struct pattern_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	if (hs->n < MAX_HITS)
		hs->h[hs->n] = *h;
	hs->n++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct patterns *p;
	static struct hits gated, all;
	if (!p) {
		struct problems pr;
		problems_init(&pr);
		struct config *c = config_defaults();
		p = patterns_create(c, &pr);
		config_destroy(c);
		problems_finish(&pr);
	}
	gated.n = all.n = 0;
	patterns_set_exhaustive(p, false);
	patterns_scan(p, (const char *)data, size, collect, &gated);
	patterns_set_exhaustive(p, true);
	patterns_scan(p, (const char *)data, size, collect, &all);
	if (gated.n != all.n)
		abort();
	for (size_t i = 0; i < all.n && i < MAX_HITS; i++) {
		const struct pattern_hit *g = &gated.h[i], *a = &all.h[i];
		if (g->start != a->start || g->end != a->end || g->label != a->label ||
		    g->severity != a->severity || g->end > size || g->start >= g->end)
			abort();
	}
	return 0;
}
