#include <stdint.h>
#include <stdlib.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems p;
	problems_init(&p);
	struct config *c = config_parse("/etc/prepost/config.json", (const char *)data, size, &p);
	config_destroy(c);
	problems_finish(&p);
	return 0;
}
