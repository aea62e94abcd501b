/* The classifier over arbitrary bytes. Warnings must be in order, never
 * overlap (but for a second warning of another category over the very
 * words of the one before) and stay inside the text; in valid UTF-8 (all the protocol ever
 * passes) they start and end on character boundaries. A check on two
 * threads (as long texts are) must give exactly the warnings of one. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "encoding.h"
#include "fuzz-common.h"
#include "warning.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int continuation(const uint8_t *d, size_t size, size_t i)
{
	return i < size && (d[i] & 0xC0) == 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct classifier *c = fuzz_classifier(NULL);
	static struct warnings w, two;
	classifier_set_parallel_min(c, 1);
	classifier_check(c, (const char *)data, size, &two);
	classifier_set_parallel_min(c, SIZE_MAX);
	classifier_check(c, (const char *)data, size, &w);
	if (two.count != w.count)
		abort();
	for (size_t i = 0; i < w.count; i++) {
		const struct warning *x = &w.items[i], *y = &two.items[i];
		if (x->start != y->start || x->end != y->end || x->category != y->category ||
		    x->severity != y->severity || x->label != y->label)
			abort();
	}
	int valid = utf8_valid((const char *)data, size, NULL);
	uint32_t last = 0;
	for (size_t i = 0; i < w.count; i++) {
		const struct warning *x = &w.items[i];
		const struct warning *prev = i ? &w.items[i - 1] : NULL;
		bool again = prev && x->start == prev->start && x->end == prev->end &&
			     x->category != prev->category;
		if ((x->start < last && !again) || x->end <= x->start || x->end > size)
			abort();
		if (valid &&
		    (continuation(data, size, x->start) || continuation(data, size, x->end)))
			abort();
		last = x->end;
	}
	return 0;
}
