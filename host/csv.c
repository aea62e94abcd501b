#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static char detect_delimiter(const char *p, const char *end)
{
	size_t comma = 0, tab = 0, semi = 0;
	bool quoted = false;
	for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			comma++;
		else if (!quoted && *p == '\t')
			tab++;
		else if (!quoted && *p == ';')
			semi++;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma)
		return ';';
	return ',';
}

void csv_init(struct csv_reader *r, char *data, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->data = r->p = data;
	r->end = data + len;
	r->line = 1;
	r->delim = detect_delimiter(data, r->end);
	/* NUL stops the scan too: data[len] is the sentinel */
	r->stop[(unsigned char)r->delim] = r->stop['\n'] = r->stop['\r'] = r->stop['\0'] = 1;
}

void csv_finish(struct csv_reader *r)
{
	free(r->offsets);
	r->offsets = NULL;
	r->count = r->cap = 0;
}

static bool record_blank(const struct csv_reader *r)
{
	for (size_t i = 0; i < r->count; i++)
		for (const char *s = csv_field(r, i); *s; s++)
			if (*s != ' ' && *s != '\t')
				return false;
	return true;
}

/* Unescapes the quoted field opening at r->p ('"') to w, where the field
 * starts; returns where its text ends, or NULL (the text ended with a NUL)
 * if the input ends first. w stays behind r->p: the opening quote is not
 * copied. */
static char *quoted(struct csv_reader *r, char *w)
{
	r->p++;
	for (;;) {
		if (r->p >= r->end) {
			*w = '\0';
			return NULL;
		}
		char c = *r->p++;
		if (c == '"') {
			if (r->p < r->end && *r->p == '"')
				r->p++;
			else
				return w;
		} else if (c == '\n') {
			r->line++;
		} else if (c == '\r' && (r->p >= r->end || *r->p != '\n')) {
			r->line++;
		}
		*w++ = c;
	}
}

enum csv_status csv_next(struct csv_reader *r, size_t *line)
{
	for (;;) {
		r->count = 0;
		if (r->p >= r->end)
			return CSV_END;
		*line = r->line;
		for (;;) {
			grow_array((void **)&r->offsets, &r->cap, r->count + 1, sizeof(*r->offsets));
			char *w = r->p;
			r->offsets[r->count++] = (size_t)(w - r->data);
			if (*r->p == '"') {
				size_t open_line = r->line;
				w = quoted(r, w);
				if (!w) {
					*line = open_line;
					return CSV_UNTERMINATED;
				}
			}
			/* Unquoted text, or anything after a closing quote. An
			 * embedded NUL ends the field as a string but not the scan. */
			char *from = r->p;
			while (!r->stop[(unsigned char)*r->p] || (*r->p == '\0' && r->p < r->end))
				r->p++;
			char c = r->p < r->end ? *r->p : '\0';
			if (w != from)
				memmove(w, from, (size_t)(r->p - from));
			w[r->p - from] = '\0';
			if (c == r->delim) {
				r->p++;
				continue;
			}
			if (c == '\r') {
				r->p++;
				if (r->p < r->end && *r->p == '\n')
					r->p++;
				r->line++;
			} else if (c == '\n') {
				r->p++;
				r->line++;
			}
			break;
		}
		if (!record_blank(r))
			return CSV_RECORD;
	}
}
