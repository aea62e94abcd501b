#include <stdint.h>
#include <stdlib.h>

#include "lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems p;
	problems_init(&p);
	struct lexicon *l = lexicon_parse("fuzz.txt", (const char *)data, size, &p);
	lexicon_destroy(l);
	problems_finish(&p);
	return 0;
}
