/* The whole serving loop over an arbitrary byte stream: frame lengths,
 * truncation, JSON, requests and checks. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <fcntl.h>

#include "fuzz-common.h"
#include "protocol.h"
#include "serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems *problems;
	struct classifier *c = fuzz_classifier(&problems);
	static int out = -1;
	if (out < 0)
		out = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int in = memfd_create("frames", MFD_CLOEXEC);
	if (in < 0 || write(in, data, size) != (ssize_t)size)
		abort();
	lseek(in, 0, SEEK_SET);
	struct protocol *p = protocol_create(c, problems);
	serve_run(p, in, out);
	protocol_destroy(p);
	close(in);
	return 0;
}
