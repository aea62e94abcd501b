#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "roster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems p;
	problems_init(&p);
	struct roster *r = roster_parse("roster.csv", (const char *)data, size, ROLE_PUPIL, &p);
	if (r) {
		for (size_t i = 0; i < roster_count(r); i++)
			for (int f = 0; f < RF_COUNT; f++)
				if (strlen(roster_field(r, roster_person(r, i), (enum roster_field)f)) >
				    200)
					abort();
	}
	roster_destroy(r);
	problems_finish(&p);
	return 0;
}
