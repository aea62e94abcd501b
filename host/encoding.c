#include "encoding.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Windows-1252 0x80..0x9F; the five unassigned bytes decode to U+FFFD. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

const char *encoding_name(enum source_encoding e)
{
	switch (e) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 with byte-order mark";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_WINDOWS_1252: return "Windows-1252";
	}
	return "unknown";
}

bool utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		/* ASCII eight bytes at a time */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += (size_t)n;
	}
	return true;
}

static void put_cp(struct buf *b, int32_t c)
{
	char enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, (utf8proc_uint8_t *)enc);
	if (n <= 0)
		n = utf8proc_encode_char(0xFFFD, (utf8proc_uint8_t *)enc);
	buf_append(b, enc, (size_t)n);
}

static void from_utf16(struct buf *b, const unsigned char *p, size_t len, bool big)
{
	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t u = big ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t v = big ? (uint32_t)(p[i + 2] << 8 | p[i + 3])
					 : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				put_cp(b, (int32_t)(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00)));
				i += 2;
				continue;
			}
		}
		put_cp(b, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : (int32_t)u);
	}
	if (len % 2)
		put_cp(b, 0xFFFD);
}

static void from_utf8_lossy(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0) {
			put_cp(b, 0xFFFD);
			i++;
		} else {
			buf_append(b, s + i, (size_t)n);
			i += (size_t)n;
		}
	}
}

bool utf8_bom(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
}

bool encoding_is_plain_utf8(const char *data, size_t len)
{
	return !utf8_bom(data, len) && utf8_valid(data, len, NULL);
}

char *encoding_to_utf8(const char *data, size_t len, size_t *out_len, enum source_encoding *found)
{
	const unsigned char *p = (const unsigned char *)data;
	struct buf b;
	buf_init(&b);
	enum source_encoding e;

	/* The UTF-16 marks are never valid UTF-8, so plain UTF-8 can be tried
	 * first. */
	if (encoding_is_plain_utf8(data, len)) {
		e = ENC_UTF8;
		buf_append(&b, data, len);
	} else if (utf8_bom(data, len)) {
		e = ENC_UTF8_BOM;
		from_utf8_lossy(&b, data + 3, len - 3);
	} else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		e = ENC_UTF16LE;
		from_utf16(&b, p + 2, len - 2, false);
	} else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		e = ENC_UTF16BE;
		from_utf16(&b, p + 2, len - 2, true);
	} else {
		/* Not UTF-8 and no mark: Excel's "CSV" on Windows writes the
		 * ANSI code page, which is Windows-1252 for English locales. */
		e = ENC_WINDOWS_1252;
		for (size_t i = 0; i < len; i++) {
			if (p[i] < 0x80)
				buf_append_char(&b, (char)p[i]);
			else if (p[i] < 0xA0)
				put_cp(&b, cp1252_high[p[i] - 0x80]);
			else
				put_cp(&b, p[i]);
		}
	}
	buf_cstr(&b);
	if (found)
		*found = e;
	*out_len = b.len;
	return b.data;
}
