/* One request frame's bytes through the protocol handler; the reply must
 * always be valid JSON within the frame limit. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "framing.h"
#include "fuzz-common.h"
#include "protocol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems *problems;
	struct classifier *c = fuzz_classifier(&problems);
	static struct protocol *p;
	if (!p)
		p = protocol_create(c, problems);
	size_t n;
	const char *out = protocol_handle(p, (const char *)data, size, &n);
	if (!out || n > FRAME_MAX_OUT)
		abort();
	json_t *j = json_loadb(out, n, JSON_ALLOW_NUL, NULL);
	if (!json_is_object(j))
		abort();
	json_decref(j);
	return 0;
}
