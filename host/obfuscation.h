/* Words written to slip past a filter: leetspeak (1d10t, sh!t, @ss),
 * masked letters (f*ck, f***ing), stretched letters (stuuuupid) and spaced
 * or dotted letters (i d i o t, s.t.u.p.i.d). The scanner proposes the
 * plain forms such a word could stand for; classify.c keeps a proposal only
 * when it is exactly a derogatory term, so nothing matches inside a longer
 * word (Scunthorpe, cockpit, assassin stay clean). */
#ifndef PREPOST_OBFUSCATION_H
#define PREPOST_OBFUSCATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "util.h"

struct obfuscated {
	uint32_t start, end; /* the span in the original text */
	const char *form;    /* lower-case ASCII; '*' stands for a masked letter */
	size_t len;
	bool masked;
};

typedef void (*obfuscation_fn)(const struct obfuscated *o, void *ctx);

/* Scans text (with its tokens, for spaced letters) and calls fn for each
 * proposal. scratch is reused between calls. */
void obfuscation_scan(const char *text, size_t len, const struct tokens *t, struct buf *scratch,
		      obfuscation_fn fn, void *ctx);

/* The two passes of obfuscation_scan, in its order: runs of letters and
 * substitutes (which needs only the text), then spaced letters. */
void obfuscation_scan_runs(const char *text, size_t len, struct buf *scratch, obfuscation_fn fn,
			   void *ctx);
void obfuscation_scan_spaced(const struct tokens *t, struct buf *scratch, obfuscation_fn fn,
			     void *ctx);

/* The letter a substitute stands for ('0' o, '1' i, '3' e, '4' a, '5' s,
 * '7' t, '@' a, '$' s, '!' i); 0 when it is dropped (dots and dashes
 * between letters), '*' when it hides a letter; any other character in
 * lower case (a digit with no letter stays itself). */
char obfuscation_unleet(unsigned char c);

#endif
