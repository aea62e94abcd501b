/* Turning the bytes of a file written by another program into UTF-8. MIS
 * exports arrive as UTF-8 with or without a byte-order mark, as UTF-16 from
 * Excel's "Unicode text", or as Windows-1252 from Excel's plain CSV. */
#ifndef PREPOST_ENCODING_H
#define PREPOST_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

enum source_encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_WINDOWS_1252,
};

const char *encoding_name(enum source_encoding e);

/* UTF-8 without a byte-order mark: what encoding_to_utf8 would return
 * unchanged. */
bool encoding_is_plain_utf8(const char *data, size_t len);

/* Returns a new NUL-terminated UTF-8 copy of data and its length. Bytes that
 * cannot be decoded become U+FFFD. */
char *encoding_to_utf8(const char *data, size_t len, size_t *out_len, enum source_encoding *found);

/* Whether data starts with UTF-8's byte-order mark (three bytes). */
bool utf8_bom(const char *data, size_t len);

/* Whether s[0, len) is valid UTF-8; on failure *bad is the first bad byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

#endif
