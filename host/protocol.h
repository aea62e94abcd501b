/* Protocol version 1 (docs/protocol.md): requests and replies as JSON
 * objects. hello reports what the host loaded and any problems; check
 * returns warnings with offsets in UTF-16 code units, as JavaScript indexes
 * strings. Every bad request gets an error reply and the host goes on. */
#ifndef PREPOST_PROTOCOL_H
#define PREPOST_PROTOCOL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "classify.h"
#include "problems.h"

#define PROTOCOL_VERSION 1

struct protocol;

/* Borrows the classifier and the problems list for its lifetime. */
struct protocol *protocol_create(struct classifier *c, const struct problems *problems);
void protocol_destroy(struct protocol *p);

/* Handles one request frame and returns the reply (owned by p, valid until
 * the next call; never over FRAME_MAX_OUT bytes). */
const char *protocol_handle(struct protocol *p, const char *req, size_t len, size_t *out_len);

/* Checks in the plain form are read by request.h's fast reader unless this
 * is turned off; tests and fuzz-request compare the two paths. */
void protocol_set_fast_reader(struct protocol *p, bool on);

/* An error reply not tied to a request (a frame too large to read). */
const char *protocol_error(struct protocol *p, const char *code, const char *message,
			   size_t *out_len);

/* The result object for text: what a check request returns, also used by
 * the CLI's --json. id is borrowed and may be NULL. */
json_t *protocol_result(struct protocol *p, json_t *id, const char *text, size_t len);

/* The hello reply object. */
json_t *protocol_hello(struct protocol *p);

/* Converts byte offsets into text to UTF-16 code units. Offsets asked for
 * in ascending order cost one pass; one behind is counted again from the
 * start of the call before (a second warning over the same words), or
 * from the text's start. */
struct utf16_cursor {
	const char *text;
	size_t byte;
	size_t unit;
	/* where the last call started from: a second warning over the words
	 * of the one before goes back to its start */
	size_t mark_byte;
	size_t mark_unit;
};
void utf16_cursor_init(struct utf16_cursor *c, const char *text);
size_t utf16_cursor_at(struct utf16_cursor *c, size_t byte);

#endif
