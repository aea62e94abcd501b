#include "csv.h"

#include <stdlib.h>
#include <string.h>

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

void csv_init(struct csv_reader *r, const char *data, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->p = data;
	r->end = data + len;
	r->line = 1;
	r->delim = detect_delimiter(data, r->end);
	buf_init(&r->fields);
}

void csv_finish(struct csv_reader *r)
{
	wipe(r->fields.data, r->fields.cap);
	buf_finish(&r->fields);
	free(r->offsets);
	r->offsets = NULL;
	r->count = r->cap = 0;
}

static void start_field(struct csv_reader *r)
{
	grow_array((void **)&r->offsets, &r->cap, r->count + 1, sizeof(*r->offsets));
	r->offsets[r->count++] = r->fields.len;
}

static void end_field(struct csv_reader *r)
{
	buf_append_char(&r->fields, '\0');
}

/* Consumes a line end at r->p if there is one. */
static bool line_end(struct csv_reader *r)
{
	if (r->p < r->end && *r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		return true;
	}
	if (r->p < r->end && *r->p == '\n') {
		r->p++;
		r->line++;
		return true;
	}
	return false;
}

static bool record_blank(const struct csv_reader *r)
{
	for (size_t i = 0; i < r->count; i++)
		for (const char *s = csv_field(r, i); *s; s++)
			if (*s != ' ' && *s != '\t')
				return false;
	return true;
}

enum csv_status csv_next(struct csv_reader *r, size_t *line)
{
	for (;;) {
		r->fields.len = 0;
		r->count = 0;
		if (r->p >= r->end)
			return CSV_END;
		*line = r->line;
		for (;;) {
			start_field(r);
			if (r->p < r->end && *r->p == '"') {
				size_t open_line = r->line;
				r->p++;
				for (;;) {
					if (r->p >= r->end) {
						*line = open_line;
						end_field(r);
						return CSV_UNTERMINATED;
					}
					char c = *r->p++;
					if (c == '"') {
						if (r->p < r->end && *r->p == '"') {
							buf_append_char(&r->fields, '"');
							r->p++;
							continue;
						}
						break;
					}
					if (c == '\n')
						r->line++;
					else if (c == '\r' && (r->p >= r->end || *r->p != '\n'))
						r->line++;
					buf_append_char(&r->fields, c);
				}
			}
			/* Unquoted text, or anything after a closing quote, with the
			 * field's NUL */
			const char *from = r->p;
			while (r->p < r->end && *r->p != r->delim && *r->p != '\n' && *r->p != '\r')
				r->p++;
			buf_append_string(&r->fields, from, (size_t)(r->p - from));
			if (r->p < r->end && *r->p == r->delim) {
				r->p++;
				continue;
			}
			line_end(r);
			break;
		}
		if (!record_blank(r))
			return CSV_RECORD;
	}
}
