/* Native-messaging frames: a 32-bit length in the machine's byte order, then
 * that many bytes of UTF-8 JSON. Reads cope with short reads and EINTR;
 * writes are whole frames, unbuffered, so each reply is flushed as written. */
#ifndef PREPOST_FRAMING_H
#define PREPOST_FRAMING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest frame the host accepts (Chrome sends at most 64 MiB). */
#define FRAME_MAX_IN (64u << 20)
/* Largest frame the host sends: Chrome closes the port above 1 MiB. */
#define FRAME_MAX_OUT (1u << 20)

enum frame_status {
	FRAME_OK,
	FRAME_EOF,       /* clean end of input between frames */
	FRAME_TRUNCATED, /* input ended inside a frame */
	FRAME_TOO_LARGE, /* the announced length is over FRAME_MAX_IN */
	FRAME_IO_ERROR,
};

struct frame_reader {
	int fd;
	char *buf;
	size_t cap;
	uint32_t length; /* the last announced length */
	/* Bytes read but not yet used: a frame that arrives whole costs one
	 * read, not two (its length, then its body). */
	char ahead[8192];
	size_t ahead_pos, ahead_len;
};

void frame_reader_init(struct frame_reader *r, int fd);
void frame_reader_finish(struct frame_reader *r);

/* Reads one frame; on FRAME_OK *data (owned by the reader, valid until the
 * next call) holds *len bytes followed by a NUL. */
enum frame_status frame_read(struct frame_reader *r, const char **data, size_t *len);

/* Writes one frame. Returns false when the peer has gone or len is over
 * FRAME_MAX_OUT. */
bool frame_write(int fd, const char *data, size_t len);

#endif
