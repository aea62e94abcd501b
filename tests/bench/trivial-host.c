/* The smallest possible native-messaging host: answers every frame with a
 * fixed reply, reading and parsing nothing. The benchmark's yardstick for
 * start-up time and for what the pipe itself costs a round trip. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	static char buf[2u << 20];
	static const char reply[] = "{\"type\":\"hello\",\"protocol\":1}";
	uint32_t n, len = sizeof(reply) - 1;
	while (fread(&n, 4, 1, stdin) == 1 && n <= sizeof(buf) && fread(buf, 1, n, stdin) == n) {
		fwrite(&len, 4, 1, stdout);
		fwrite(reply, 1, len, stdout);
		if (fflush(stdout) != 0)
			return 1;
	}
	return 0;
}
