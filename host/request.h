/* A fast reader for the request the host answers on every pause in typing:
 * {"type":"check","id":...,"text":"..."}.
 *
 * jansson's parser builds a tree and copies each string byte by byte: about
 * 13 ns a byte, more than the whole check of a tweet costs and 13 ms for a
 * 1 MB draft. This reader accepts only a plain subset of JSON: one object
 * whose members are strings, integers of up to 18 digits, true, false or
 * null, each of "type", "id", "text" and "site" at most once. It decodes
 * strings (every escape, surrogate pairs, U+0000) and checks UTF-8 as
 * jansson does. Whatever it does not accept (nesting, reals, other request
 * types, any error at all) it leaves to jansson, so that errors and rare
 * shapes keep one behaviour. The fuzz target fuzz-request holds the two
 * paths to the same reply on every input. */
#ifndef PREPOST_REQUEST_H
#define PREPOST_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* ids are echoed in every reply; a longer one is refused. */
#define REQUEST_MAX_ID_BYTES 256

struct check_request {
	bool id_is_string;
	int64_t id_integer;
	/* Into the scratch buffer, which holds the decoded strings, each
	 * NUL-terminated (they may also hold U+0000 within). */
	size_t id_offset, id_len;
	size_t text_offset, text_len;
};

/* Reads req[0, len) as a check request, decoding its strings into scratch
 * (emptied first; its memory is kept from call to call). Returns false when
 * the request is anything else, or not in the subset above. */
bool request_read_check(const char *req, size_t len, struct buf *scratch,
			struct check_request *out);

#endif
