/* Small helpers shared by every module: allocation that aborts on
 * out-of-memory, a growable byte buffer, and whole-file reading. */
#ifndef PREPOST_UTIL_H
#define PREPOST_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#include <stdarg.h>
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);

/* Grows *items so that it holds at least `need` elements of `size` bytes. */
void grow_array(void **items, size_t *cap, size_t need, size_t size);

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_finish(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_append_char(struct buf *b, char c);
/* Appends data[0, len) and a NUL counted in len, so that strings can be
 * stored one after another and found by offset (one copy, one check). */
void buf_append_string(struct buf *b, const char *data, size_t len);
void buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Makes data NUL-terminated without counting the NUL in len. */
const char *buf_cstr(struct buf *b);

/* Clears memory that held personal data before it is freed; unlike memset
 * the compiler may not remove it. */
void wipe(void *p, size_t len);

/* Reads a whole file. Returns 0 or -errno; on success *out holds the bytes
 * (NUL-terminated for convenience) and *len their count. Refuses files over
 * max_len bytes with -EFBIG. */
int read_file(const char *path, size_t max_len, char **out, size_t *len);

/* Joins dir and a relative path; returns a copy of rel when it is absolute. */
char *path_join(const char *dir, const char *rel);
/* Returns the directory part of path ("." when there is none). */
char *path_dirname(const char *path);
/* Returns the last component of path, pointing into path. */
const char *path_basename(const char *path);

/* Eight bytes at a time: the top bit of each byte of x that is below n
 * (n at most 128) is set, and perhaps of bytes above the first such byte
 * (a borrow); zero exactly when no byte is below n. */
static inline uint64_t bytes_below(uint64_t x, unsigned n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	return (x - ones * n) & ~x & ones * 0x80;
}

#endif
