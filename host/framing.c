#include "framing.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "util.h"

/* Frames larger than this are read into a buffer that is freed afterwards,
 * so that one big draft does not pin memory for the rest of the session. */
#define KEEP_BUFFER (1u << 20)

void frame_reader_init(struct frame_reader *r, int fd)
{
	r->fd = fd;
	r->buf = NULL;
	r->cap = 0;
	r->length = 0;
	r->ahead_pos = r->ahead_len = 0;
}

void frame_reader_finish(struct frame_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

/* Reads exactly n bytes, first from what was read ahead; returns how many
 * were read before EOF, or -1. */
static ssize_t read_full(struct frame_reader *r, char *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		if (r->ahead_pos < r->ahead_len) {
			size_t k = r->ahead_len - r->ahead_pos;
			if (k > n - got)
				k = n - got;
			memcpy(p + got, r->ahead + r->ahead_pos, k);
			r->ahead_pos += k;
			got += k;
			continue;
		}
		/* a large rest goes straight to its place; a small one is read
		 * with whatever follows it */
		bool direct = n - got >= sizeof(r->ahead);
		ssize_t k = direct ? read(r->fd, p + got, n - got)
				   : read(r->fd, r->ahead, sizeof(r->ahead));
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0)
			break;
		if (direct) {
			got += (size_t)k;
		} else {
			r->ahead_pos = 0;
			r->ahead_len = (size_t)k;
		}
	}
	return (ssize_t)got;
}

enum frame_status frame_read(struct frame_reader *r, const char **data, size_t *len)
{
	uint32_t n;
	ssize_t k = read_full(r, (char *)&n, sizeof(n));
	if (k < 0)
		return FRAME_IO_ERROR;
	if (k == 0)
		return FRAME_EOF;
	if (k < (ssize_t)sizeof(n))
		return FRAME_TRUNCATED;
	r->length = n;
	if (n > FRAME_MAX_IN)
		return FRAME_TOO_LARGE;

	if (r->cap > KEEP_BUFFER && (size_t)n + 1 <= KEEP_BUFFER) {
		free(r->buf);
		r->buf = NULL;
		r->cap = 0;
	}
	if ((size_t)n + 1 > r->cap) {
		r->buf = xrealloc(r->buf, (size_t)n + 1);
		r->cap = (size_t)n + 1;
	}
	k = read_full(r, r->buf, n);
	if (k < 0)
		return FRAME_IO_ERROR;
	if ((size_t)k < n)
		return FRAME_TRUNCATED;
	r->buf[n] = '\0';
	*data = r->buf;
	*len = n;
	return FRAME_OK;
}

bool frame_write(int fd, const char *data, size_t len)
{
	if (len > FRAME_MAX_OUT)
		return false;
	uint32_t n = (uint32_t)len;
	struct iovec iov[2] = {
		{.iov_base = &n, .iov_len = sizeof(n)},
		{.iov_base = (void *)data, .iov_len = len},
	};
	size_t left = sizeof(n) + len;
	int idx = 0;
	while (left) {
		ssize_t k = writev(fd, iov + idx, 2 - idx);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		left -= (size_t)k;
		while (idx < 2 && (size_t)k >= iov[idx].iov_len) {
			k -= (ssize_t)iov[idx].iov_len;
			iov[idx].iov_len = 0;
			idx++;
		}
		if (idx < 2) {
			iov[idx].iov_base = (char *)iov[idx].iov_base + k;
			iov[idx].iov_len -= (size_t)k;
		}
	}
	return true;
}
