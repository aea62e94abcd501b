/* The morphology cache parser over arbitrary bytes after a valid header
 * (a fuzzer could not guess the machine's file stamps), then a few
 * questions answered from whatever it read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "morphology.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count(const char *form, void *ctx)
{
	(void)form;
	(*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* one instance: the word list and hunspell load once, the memo is
	 * cleared for each input */
	static struct morphology *m;
	static struct problems p;
	if (!m) {
		setenv("PREPOST_CACHE_DIR", "/nonexistent/prepost-fuzz", 1);
		problems_init(&p);
		m = morphology_create(&p);
	}
	morphology_clear_cache(m);
	char header[256];
	morphology_cache_header(m, header, sizeof(header));
	size_t hl = strlen(header);
	char *bytes = xmalloc(hl + size);
	memcpy(bytes, header, hl);
	memcpy(bytes + hl, data, size);
	morphology_read_cache_bytes(m, bytes, hl + size);
	size_t n = 0;
	morphology_inflect(m, "idiot", count, &n);
	morphology_inflect(m, "numpty", count, &n);
	morphology_is_word(m, "hope");
	morphology_is_word(m, "baker");
	free(bytes);
	return 0;
}
