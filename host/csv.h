/* A CSV record reader for MIS exports: comma, tab or semicolon delimited
 * (detected from the first line), quoted fields with delimiters, line breaks
 * and doubled quotes, CRLF or LF line ends. Lenient where Excel is lenient
 * (a stray quote inside an unquoted field is kept as a character). */
#ifndef PREPOST_CSV_H
#define PREPOST_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct csv_reader {
	const char *p;
	const char *end;
	size_t line;     /* line number of the next character */
	char delim;
	struct buf fields; /* the current record's fields, each NUL-terminated */
	size_t *offsets;
	size_t count;
	size_t cap;
};

enum csv_status {
	CSV_RECORD,      /* a record was read */
	CSV_END,         /* no more input */
	CSV_UNTERMINATED /* a quoted field ran to the end of the input */
};

/* data must stay alive while the reader is used. */
void csv_init(struct csv_reader *r, const char *data, size_t len);
void csv_finish(struct csv_reader *r);

/* Reads the next record; *line is the line number it started on. Blank lines
 * are skipped. */
enum csv_status csv_next(struct csv_reader *r, size_t *line);

static inline const char *csv_field(const struct csv_reader *r, size_t i)
{
	return i < r->count ? r->fields.data + r->offsets[i] : "";
}

#endif
