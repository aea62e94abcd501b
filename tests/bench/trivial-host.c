/* The smallest possible native-messaging host: reads one frame and answers
 * a fixed hello. The benchmark's yardstick for start-up time. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	uint32_t n;
	char buf[4096];
	if (fread(&n, 4, 1, stdin) != 1 || n > sizeof(buf) || fread(buf, 1, n, stdin) != n)
		return 1;
	static const char reply[] = "{\"type\":\"hello\",\"protocol\":1}";
	uint32_t len = sizeof(reply) - 1;
	fwrite(&len, 4, 1, stdout);
	fwrite(reply, 1, len, stdout);
	return fflush(stdout) != 0;
}
