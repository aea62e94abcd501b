/* One request frame's bytes through the protocol handler; the reply must
 * always be valid JSON within the frame limit, never the error for a reply
 * too large, and the same byte for byte whether the fast reader
 * (request.h) or jansson read the request. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	size_t n, slow_n;
	protocol_set_fast_reader(p, true);
	const char *out = protocol_handle(p, (const char *)data, size, &n);
	if (!out || n > FRAME_MAX_OUT)
		abort();
	json_t *j = json_loadb(out, n, JSON_ALLOW_NUL, NULL);
	if (!json_is_object(j))
		abort();
	/* "internal" means a reply was built too large to send: the size
	 * bound in protocol_result was wrong */
	const char *code = json_string_value(json_object_get(j, "code"));
	if (code && strcmp(code, "internal") == 0)
		abort();
	json_decref(j);
	char *fast = malloc(n);
	memcpy(fast, out, n);
	protocol_set_fast_reader(p, false);
	const char *slow = protocol_handle(p, (const char *)data, size, &slow_n);
	if (!slow || slow_n != n || memcmp(fast, slow, n) != 0)
		abort();
	free(fast);
	return 0;
}
