/* The phrase dictionary. Every term the checker knows (a pupil's forename,
 * a full name, a school's name, a lexicon phrase) is a sequence of folded
 * tokens; the dictionary interns the tokens and stores the phrases as a trie
 * over token ids, with edges in one hash table. Each phrase end carries one
 * or more payloads saying what the phrase is.
 *
 * Built once at load time; lookups allocate nothing and cost the same for a
 * roster of 400 pupils or 20,000. */
#ifndef PREPOST_MATCH_H
#define PREPOST_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MATCH_NO_TOKEN UINT32_MAX
#define MATCH_NO_NODE UINT32_MAX
#define MATCH_ROOT 0u
/* Phrases longer than this many tokens are refused at load time. */
#define MATCH_MAX_PHRASE_TOKENS 16

/* What a phrase means; interpreted by classify.c. */
struct payload {
	uint8_t category; /* enum category */
	uint8_t kind;     /* enum term_kind */
	uint8_t severity; /* enum severity: the base severity */
	uint8_t flags;    /* enum term_flag */
	uint16_t label;   /* index of the message/advice/policy to show */
	uint16_t reserved;
};

struct match_dict;

struct match_dict *match_dict_create(void);
/* The same, with room for about `edges` phrase steps and `tokens` distinct
 * words before its tables grow. */
struct match_dict *match_dict_create_sized(size_t edges, size_t tokens);
void match_dict_destroy(struct match_dict *d);

enum match_add_flag {
	/* Also add the tokens run together as one token, so "Mia Chen" is found
	 * in "#miachen" and "O'Neill" in "ONEILL". */
	MATCH_ADD_JOINED = 1 << 0,
};

/* Adds a phrase given as UTF-8 text, folded and tokenised as texts are.
 * Returns the number of tokens (0 when the phrase has no word in it, or more
 * than MATCH_MAX_PHRASE_TOKENS, in which case nothing is added). */
size_t match_dict_add(struct match_dict *d, const char *phrase, size_t len,
		      const struct payload *p, unsigned flags);

/* Adds a phrase given as folded tokens (as text_tokenize makes them).
 * Returns n, or 0 when n is 0 or over MATCH_MAX_PHRASE_TOKENS. */
size_t match_dict_add_tokens(struct match_dict *d, const char *const *tok, const uint32_t *len,
			     size_t n, const struct payload *p, unsigned flags);

/* The node the folded tokens reach from node `from`, adding what is
 * missing, and a payload at a node: a beginning that many phrases share (a
 * frame) is walked once and each ending added from where it left off. */
uint32_t match_dict_extend(struct match_dict *d, uint32_t from, const char *const *tok,
			   const uint32_t *len, size_t n);
/* The same with tokens interned already (match_dict_intern): a term added
 * after many frames is hashed once, not once a frame. */
uint32_t match_dict_extend_ids(struct match_dict *d, uint32_t from, const uint32_t *ids, size_t n);
void match_dict_add_at(struct match_dict *d, uint32_t node, const struct payload *p);

/* The id of a folded token, adding it if new: for callers that keep data
 * per distinct token while loading. */
uint32_t match_dict_intern(struct match_dict *d, const char *s, size_t len);

/* The folded text of token id (not NUL-terminated), its length in *len. */
const char *match_dict_token_text(const struct match_dict *d, uint32_t id, size_t *len);

/* Sorts and de-duplicates payloads; call once after the last add and before
 * any lookup. */
void match_dict_freeze(struct match_dict *d);

/* The id of a folded token, or MATCH_NO_TOKEN when no phrase uses it. */
uint32_t match_dict_token(const struct match_dict *d, const char *s, size_t len, uint32_t hash);
/* The trie node reached from node by token, or MATCH_NO_NODE. */
uint32_t match_dict_step(const struct match_dict *d, uint32_t node, uint32_t token);
/* The payloads of the phrase ending at node (NULL and 0 when none). */
const struct payload *match_dict_payloads(const struct match_dict *d, uint32_t node, size_t *count);

size_t match_dict_phrase_count(const struct match_dict *d);
/* Bytes held by the dictionary's tables, for reporting. */
size_t match_dict_memory(const struct match_dict *d);

#endif
