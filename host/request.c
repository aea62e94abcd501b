/* See request.h. The grammar is RFC 8259's, cut down; at each point where
 * the input leaves the subset the reader gives up rather than guess. */
#include "request.h"

#include <string.h>
#include <utf8proc.h>

#include "encoding.h"

struct reader {
	const unsigned char *s;
	size_t pos, len;
	struct buf *out;
};

static void skip_space(struct reader *r)
{
	while (r->pos < r->len) {
		unsigned char c = r->s[r->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		r->pos++;
	}
}

static bool take(struct reader *r, unsigned char c)
{
	skip_space(r);
	if (r->pos < r->len && r->s[r->pos] == c) {
		r->pos++;
		return true;
	}
	return false;
}

/* A byte a string can hold as it stands: not a quote, a backslash or a
 * control character (the request's UTF-8 is checked as a whole first). */
static bool plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\';
}

static bool plain8(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	return !(bytes_below(w, 0x20) | bytes_below(w ^ (ones * '"'), 1) |
		 bytes_below(w ^ (ones * '\\'), 1));
}

static bool hex4(struct reader *r, uint32_t *v)
{
	if (r->len - r->pos < 4)
		return false;
	uint32_t x = 0;
	for (int i = 0; i < 4; i++) {
		unsigned char c = r->s[r->pos++];
		x <<= 4;
		if (c >= '0' && c <= '9')
			x |= (uint32_t)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			x |= (uint32_t)((c | 0x20) - 'a' + 10);
		else
			return false;
	}
	*v = x;
	return true;
}

/* \uXXXX, the backslash and 'u' already taken; a surrogate must come as a
 * high and low pair. */
static bool unicode_escape(struct reader *r)
{
	uint32_t cp;
	if (!hex4(r, &cp) || (cp >= 0xDC00 && cp <= 0xDFFF))
		return false;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		uint32_t low;
		if (r->len - r->pos < 2 || r->s[r->pos] != '\\' || r->s[r->pos + 1] != 'u')
			return false;
		r->pos += 2;
		if (!hex4(r, &low) || low < 0xDC00 || low > 0xDFFF)
			return false;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
	}
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
	buf_append(r->out, enc, (size_t)n);
	return true;
}

static bool escape(struct reader *r)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	if (r->pos >= r->len)
		return false;
	unsigned char c = r->s[r->pos++];
	if (c == 'u')
		return unicode_escape(r);
	const char *at = c ? strchr(from, c) : NULL;
	if (!at)
		return false;
	buf_append_char(r->out, to[at - from]);
	return true;
}

/* A string whose opening quote is taken, decoded onto r->out with a NUL
 * after it; *offset and *len say where. */
static bool string(struct reader *r, size_t *offset, size_t *len)
{
	*offset = r->out->len;
	for (;;) {
		size_t start = r->pos;
		uint64_t w;
		while (r->len - r->pos >= 8 && (memcpy(&w, r->s + r->pos, 8), plain8(w)))
			r->pos += 8;
		while (r->pos < r->len && plain(r->s[r->pos]))
			r->pos++;
		buf_append(r->out, r->s + start, r->pos - start);
		if (r->pos >= r->len)
			return false;
		unsigned char c = r->s[r->pos];
		if (c == '"') {
			r->pos++;
			break;
		}
		if (c != '\\')
			return false; /* a control character */
		r->pos++;
		if (!escape(r))
			return false;
	}
	*len = r->out->len - *offset;
	buf_append_char(r->out, '\0');
	return true;
}

/* -?(0|[1-9][0-9]*) with at most 18 digits, so it cannot overflow; a
 * fraction or exponent is left to jansson. */
static bool integer(struct reader *r, int64_t *v)
{
	bool minus = r->pos < r->len && r->s[r->pos] == '-';
	r->pos += minus;
	size_t start = r->pos;
	int64_t x = 0;
	while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
		if (r->pos - start == 18)
			return false;
		x = x * 10 + (r->s[r->pos++] - '0');
	}
	size_t digits = r->pos - start;
	if (digits == 0 || (digits > 1 && r->s[start] == '0'))
		return false;
	if (r->pos < r->len && (r->s[r->pos] == '.' || r->s[r->pos] == 'e' || r->s[r->pos] == 'E'))
		return false;
	*v = minus ? -x : x;
	return true;
}

static bool literal(struct reader *r, const char *word)
{
	size_t n = strlen(word);
	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0)
		return false;
	r->pos += n;
	return true;
}

enum value_kind { V_STRING, V_INTEGER, V_NULL, V_OTHER };

struct value {
	enum value_kind kind;
	size_t offset, len;
	int64_t integer;
};

static bool value(struct reader *r, struct value *v)
{
	skip_space(r);
	if (r->pos >= r->len)
		return false;
	unsigned char c = r->s[r->pos];
	if (c == '"') {
		r->pos++;
		v->kind = V_STRING;
		return string(r, &v->offset, &v->len);
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		v->kind = V_INTEGER;
		return integer(r, &v->integer);
	}
	if (c == 'n') {
		v->kind = V_NULL;
		return literal(r, "null");
	}
	v->kind = V_OTHER;
	return literal(r, "true") || literal(r, "false");
}

enum member { M_TYPE, M_ID, M_TEXT, M_SITE, M_OTHER };

static enum member member_of(const char *key, size_t len)
{
	static const char *const names[] = {"type", "id", "text", "site"};
	for (int i = 0; i < M_OTHER; i++)
		if (strlen(names[i]) == len && memcmp(key, names[i], len) == 0)
			return (enum member)i;
	return M_OTHER;
}

/* Checks one member's value against what a check needs. */
static bool fits(enum member m, const struct value *v, const char *scratch)
{
	switch (m) {
	case M_TYPE:
		return v->kind == V_STRING && v->len == 5 && memcmp(scratch + v->offset, "check", 5) == 0;
	case M_ID:
		return v->kind == V_INTEGER || (v->kind == V_STRING && v->len <= REQUEST_MAX_ID_BYTES);
	case M_TEXT:
		return v->kind == V_STRING;
	case M_SITE:
		return v->kind == V_STRING || v->kind == V_NULL;
	default:
		return true;
	}
}

bool request_read_check(const char *req, size_t len, struct buf *scratch,
			struct check_request *out)
{
	/* Decoded strings are never longer than their JSON (a quote pair for
	 * each NUL), so this is the only allocation, and only while the
	 * buffer grows to the largest request seen. */
	if (!utf8_valid(req, len, NULL))
		return false;
	scratch->len = 0;
	buf_reserve(scratch, len + 1);
	struct reader r = {(const unsigned char *)req, 0, len, scratch};
	if (!take(&r, '{'))
		return false;
	bool seen[M_OTHER] = {false};
	do {
		size_t key_offset, key_len;
		if (!take(&r, '"') || !string(&r, &key_offset, &key_len))
			return false;
		const char *key = scratch->data + key_offset;
		if (memchr(key, '\0', key_len))
			return false; /* jansson refuses it, with its own error */
		enum member m = member_of(key, key_len);
		scratch->len = key_offset;
		struct value v = {0};
		if (!take(&r, ':') || !value(&r, &v) || !fits(m, &v, scratch->data))
			return false;
		if (m == M_OTHER)
			continue;
		if (seen[m])
			return false; /* jansson keeps the last; leave it to jansson */
		seen[m] = true;
		if (m == M_ID) {
			out->id_is_string = v.kind == V_STRING;
			out->id_integer = v.integer;
			out->id_offset = v.offset;
			out->id_len = v.len;
		} else if (m == M_TEXT) {
			out->text_offset = v.offset;
			out->text_len = v.len;
		}
	} while (take(&r, ','));
	if (!take(&r, '}'))
		return false;
	skip_space(&r);
	return r.pos == len && seen[M_TYPE] && seen[M_ID] && seen[M_TEXT];
}
