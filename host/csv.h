/* A CSV record reader for MIS exports: comma, tab or semicolon delimited
 * (detected from the first line), quoted fields with delimiters, line breaks
 * and doubled quotes, CRLF or LF line ends. Lenient where Excel is lenient
 * (a stray quote inside an unquoted field is kept as a character).
 *
 * The reader works in place: it ends each field with a NUL written over the
 * delimiter or line end after it and unescapes quoted fields where they
 * stand, so a record costs no copying. The caller's buffer is changed. */
#ifndef PREPOST_CSV_H
#define PREPOST_CSV_H

#include <stdbool.h>
#include <stddef.h>

struct csv_reader {
	char *p;
	char *end;
	size_t line;     /* line number of the next character */
	char delim;
	unsigned char stop[256]; /* bytes that end an unquoted field */
	char *data;
	size_t *offsets; /* the current record's fields, from data */
	size_t count;
	size_t cap;
};

enum csv_status {
	CSV_RECORD,      /* a record was read */
	CSV_END,         /* no more input */
	CSV_UNTERMINATED /* a quoted field ran to the end of the input */
};

/* data[0, len) is read and rewritten; data[len] must be writable and NUL,
 * as a string's terminator is. data must stay alive while the reader is
 * used. */
void csv_init(struct csv_reader *r, char *data, size_t len);
void csv_finish(struct csv_reader *r);

/* Reads the next record; *line is the line number it started on. Blank lines
 * are skipped. Fields of earlier records are overwritten. */
enum csv_status csv_next(struct csv_reader *r, size_t *line);

static inline const char *csv_field(const struct csv_reader *r, size_t i)
{
	return i < r->count ? r->data + r->offsets[i] : "";
}

#endif
