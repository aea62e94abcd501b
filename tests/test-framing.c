/* Frames over a real pipe: partial reads, limits, end of input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "framing.h"
#include "helpers.h"
#include "util.h"

struct dribble {
	int fd;
	const char *data;
	size_t len;
	size_t chunk;
};

/* Writes data a few bytes at a time, as a busy pipe may deliver it. */
static void *dribble_writer(void *arg)
{
	struct dribble *d = arg;
	for (size_t i = 0; i < d->len; i += d->chunk) {
		size_t n = d->len - i < d->chunk ? d->len - i : d->chunk;
		if (write(d->fd, d->data + i, n) != (ssize_t)n)
			break;
		usleep(100);
	}
	close(d->fd);
	return NULL;
}

static void read_with(const char *data, size_t len, size_t chunk,
		      void (*check)(struct frame_reader *r))
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	struct dribble d = {fds[1], data, len, chunk};
	pthread_t th;
	pthread_create(&th, NULL, dribble_writer, &d);
	struct frame_reader r;
	frame_reader_init(&r, fds[0]);
	check(&r);
	frame_reader_finish(&r);
	close(fds[0]);
	pthread_join(th, NULL);
}

static void two_frames_then_eof(struct frame_reader *r)
{
	const char *data;
	size_t len;
	assert_int_equal(frame_read(r, &data, &len), FRAME_OK);
	assert_int_equal(len, 15);
	assert_string_equal(data, "{\"type\":\"ping\"}");
	assert_int_equal(frame_read(r, &data, &len), FRAME_OK);
	assert_int_equal(len, 0);
	assert_string_equal(data, "");
	assert_int_equal(frame_read(r, &data, &len), FRAME_EOF);
}

static void partial_reads(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	frame_append(&buf, &len, "{\"type\":\"ping\"}", 15);
	frame_append(&buf, &len, "", 0);
	read_with(buf, len, 1, two_frames_then_eof);
	read_with(buf, len, 3, two_frames_then_eof);
	read_with(buf, len, 4096, two_frames_then_eof);
	free(buf);
}

static void truncated_header(struct frame_reader *r)
{
	const char *data;
	size_t len;
	assert_int_equal(frame_read(r, &data, &len), FRAME_TRUNCATED);
}

static void truncated_body(struct frame_reader *r)
{
	const char *data;
	size_t len;
	assert_int_equal(frame_read(r, &data, &len), FRAME_TRUNCATED);
	assert_int_equal(r->length, 100);
}

static void truncation(void **state)
{
	(void)state;
	read_with("\x05\x00", 2, 1, truncated_header);
	uint32_t n = 100;
	char buf[14];
	memcpy(buf, &n, 4);
	memcpy(buf + 4, "0123456789", 10);
	read_with(buf, sizeof(buf), 2, truncated_body);
}

static void too_large(struct frame_reader *r)
{
	const char *data;
	size_t len;
	assert_int_equal(frame_read(r, &data, &len), FRAME_TOO_LARGE);
	assert_int_equal(r->length, FRAME_MAX_IN + 1);
}

static void limits(void **state)
{
	(void)state;
	uint32_t n = FRAME_MAX_IN + 1;
	read_with((const char *)&n, 4, 4, too_large);
}

static void big_frame_accepted(struct frame_reader *r)
{
	const char *data;
	size_t len;
	assert_int_equal(frame_read(r, &data, &len), FRAME_OK);
	assert_int_equal(len, 3u << 20);
	assert_int_equal(data[len - 1], 'x');
	/* the next, small frame does not keep the big buffer */
	assert_int_equal(frame_read(r, &data, &len), FRAME_OK);
	assert_int_equal(len, 2);
	assert_true(r->cap <= (1u << 20));
}

static void large_frames(void **state)
{
	(void)state;
	size_t big = 3u << 20;
	char *json = xmalloc(big);
	memset(json, 'x', big);
	char *buf = NULL;
	size_t len = 0;
	frame_append(&buf, &len, json, big);
	frame_append(&buf, &len, "{}", 2);
	read_with(buf, len, 65536, big_frame_accepted);
	free(json);
	free(buf);
}

static void write_frames(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_true(frame_write(fds[1], "{\"a\":1}", 7));
	/* a frame over 1 MiB is never written */
	char *big = xmalloc(FRAME_MAX_OUT + 1);
	memset(big, ' ', FRAME_MAX_OUT + 1);
	assert_false(frame_write(fds[1], big, FRAME_MAX_OUT + 1));
	free(big);
	close(fds[1]);
	char out[64];
	ssize_t n = read(fds[0], out, sizeof(out));
	assert_int_equal(n, 11);
	uint32_t len;
	memcpy(&len, out, 4);
	assert_int_equal(len, 7);
	assert_memory_equal(out + 4, "{\"a\":1}", 7);
	close(fds[0]);

	/* writing to a closed pipe fails instead of killing the process */
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);
	assert_false(frame_write(fds[1], "{}", 2));
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(partial_reads),
		cmocka_unit_test(truncation),
		cmocka_unit_test(limits),
		cmocka_unit_test(large_frames),
		cmocka_unit_test(write_frames),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
