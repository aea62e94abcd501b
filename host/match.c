/* Two open-addressing hash tables: folded token text → token id, and
 * (node, token id) → child node, with the root's children in an array by
 * token id, since every token of a text is looked up from the root and
 * most of them are no phrase's start. Payloads are collected as (node, payload)
 * pairs while loading and sorted by node when the dictionary is frozen, so a
 * node's payloads are one contiguous run. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct token_slot {
	uint32_t hash;
	uint32_t id; /* MATCH_NO_TOKEN when empty */
};

struct edge_slot {
	uint64_t key; /* node << 32 | token; UINT64_MAX when empty */
	uint32_t child;
};

struct node_payload {
	uint32_t node;
	struct payload p;
};

struct match_dict {
	/* token text arena: token i is arena[tok_off[i], tok_off[i] + tok_len[i]) */
	char *arena;
	size_t arena_len, arena_cap;
	uint32_t *tok_off, *tok_len;
	size_t tok_count, tok_cap;
	struct token_slot *tokens;
	size_t tokens_mask;

	struct edge_slot *edges;
	size_t edges_mask, edge_count;
	uint32_t node_count;
	/* one bit for each hash of a (node, token) edge: most steps inside a
	 * phrase find no edge, and the bit says so without a probe into the
	 * far larger table (a Bloom filter with one hash) */
	uint64_t *bloom;
	size_t bloom_mask;
	/* the root's child by token id, MATCH_NO_NODE past root_len */
	uint32_t *root;
	size_t root_len, root_cap;

	struct node_payload *pending;
	size_t pending_count, pending_cap;

	/* after freeze: payloads of node n are payloads[first[n], first[n+1]) */
	struct payload *payloads;
	uint32_t *first;
	size_t phrase_count;
	bool frozen;

	struct tokens scratch;
};

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* The filter has four bits for each slot of the edge table. */
static void bloom_size(struct match_dict *d)
{
	free(d->bloom);
	d->bloom_mask = (d->edges_mask + 1) / 16 - 1;
	d->bloom = xcalloc(d->bloom_mask + 1, sizeof(*d->bloom));
}

static void bloom_add(struct match_dict *d, uint64_t h)
{
	d->bloom[(h >> 40) & d->bloom_mask] |= 1ull << ((h >> 34) & 63);
}

static bool bloom_has(const struct match_dict *d, uint64_t h)
{
	return d->bloom[(h >> 40) & d->bloom_mask] >> ((h >> 34) & 63) & 1;
}

/* How full each table may get, in eighths. Tokens half: most words of a
 * text are in no list, and a word that is not found probes until an
 * empty slot. Phrase steps seven eighths: a step inside a phrase reads
 * the Bloom filter before it probes, and a step from the root an array,
 * so a longer probe is rare. At half, then three quarters, the shipped
 * lexicons doubled the step table (past 32,767 steps, then past three
 * quarters of 65,536 in session 24, then past seven eighths in session
 * 26), each time about 1 MiB more and a few milliseconds of start-up in
 * page faults on this VM; checking was no slower either time
 * (docs/performance.md). */
enum { TOKENS_FULL_EIGHTHS = 4, EDGES_FULL_EIGHTHS = 7 };

/* Whether one more entry would take a table of mask + 1 slots past
 * eighths eighths full. */
static bool too_full(size_t count, size_t mask, size_t eighths)
{
	return (count + 1) * 8 > (mask + 1) * eighths;
}

/* The smallest power of two less one, at least 1023, whose table holds n
 * entries at most eighths eighths full. */
static size_t mask_for(size_t n, size_t eighths)
{
	size_t mask = 1023;
	while (mask < SIZE_MAX / 8 && too_full(n, mask, eighths))
		mask = mask * 2 + 1;
	return mask;
}

struct match_dict *match_dict_create(void)
{
	return match_dict_create_sized(0, 0);
}

struct match_dict *match_dict_create_sized(size_t edges, size_t tokens)
{
	struct match_dict *d = xcalloc(1, sizeof(*d));
	d->tokens_mask = mask_for(tokens, TOKENS_FULL_EIGHTHS);
	d->tokens = xmalloc((d->tokens_mask + 1) * sizeof(*d->tokens));
	for (size_t i = 0; i <= d->tokens_mask; i++)
		d->tokens[i].id = MATCH_NO_TOKEN;
	d->edges_mask = mask_for(edges, EDGES_FULL_EIGHTHS);
	d->edges = xmalloc((d->edges_mask + 1) * sizeof(*d->edges));
	for (size_t i = 0; i <= d->edges_mask; i++)
		d->edges[i].key = UINT64_MAX;
	bloom_size(d);
	d->node_count = 1; /* the root */
	tokens_init(&d->scratch);
	return d;
}

void match_dict_destroy(struct match_dict *d)
{
	if (!d)
		return;
	free(d->arena);
	free(d->tok_off);
	free(d->tok_len);
	free(d->tokens);
	free(d->edges);
	free(d->bloom);
	free(d->root);
	free(d->pending);
	free(d->payloads);
	free(d->first);
	tokens_finish(&d->scratch);
	free(d);
}

uint32_t match_dict_token(const struct match_dict *d, const char *s, size_t len, uint32_t hash)
{
	for (size_t i = hash & d->tokens_mask;; i = (i + 1) & d->tokens_mask) {
		const struct token_slot *slot = &d->tokens[i];
		if (slot->id == MATCH_NO_TOKEN)
			return MATCH_NO_TOKEN;
		if (slot->hash == hash && d->tok_len[slot->id] == len &&
		    memcmp(d->arena + d->tok_off[slot->id], s, len) == 0)
			return slot->id;
	}
}

static void tokens_rehash(struct match_dict *d)
{
	size_t mask = d->tokens_mask * 2 + 1;
	struct token_slot *slots = xmalloc((mask + 1) * sizeof(*slots));
	for (size_t i = 0; i <= mask; i++)
		slots[i].id = MATCH_NO_TOKEN;
	for (size_t i = 0; i <= d->tokens_mask; i++) {
		struct token_slot s = d->tokens[i];
		if (s.id == MATCH_NO_TOKEN)
			continue;
		size_t j = s.hash & mask;
		while (slots[j].id != MATCH_NO_TOKEN)
			j = (j + 1) & mask;
		slots[j] = s;
	}
	free(d->tokens);
	d->tokens = slots;
	d->tokens_mask = mask;
}

static uint32_t intern(struct match_dict *d, const char *s, size_t len, uint32_t hash)
{
	uint32_t id = match_dict_token(d, s, len, hash);
	if (id != MATCH_NO_TOKEN)
		return id;
	if (too_full(d->tok_count, d->tokens_mask, TOKENS_FULL_EIGHTHS))
		tokens_rehash(d);
	grow_array((void **)&d->arena, &d->arena_cap, d->arena_len + len, 1);
	memcpy(d->arena + d->arena_len, s, len);
	size_t old_cap = d->tok_cap;
	grow_array((void **)&d->tok_off, &d->tok_cap, d->tok_count + 1, sizeof(*d->tok_off));
	if (d->tok_cap != old_cap)
		d->tok_len = xrealloc(d->tok_len, d->tok_cap * sizeof(*d->tok_len));
	id = (uint32_t)d->tok_count++;
	d->tok_off[id] = (uint32_t)d->arena_len;
	d->tok_len[id] = (uint32_t)len;
	d->arena_len += len;
	size_t i = hash & d->tokens_mask;
	while (d->tokens[i].id != MATCH_NO_TOKEN)
		i = (i + 1) & d->tokens_mask;
	d->tokens[i].hash = hash;
	d->tokens[i].id = id;
	return id;
}

uint32_t match_dict_step(const struct match_dict *d, uint32_t node, uint32_t token)
{
	if (node == MATCH_ROOT)
		return token < d->root_len ? d->root[token] : MATCH_NO_NODE;
	uint64_t key = (uint64_t)node << 32 | token, h = mix64(key);
	if (!bloom_has(d, h))
		return MATCH_NO_NODE;
	for (size_t i = h & d->edges_mask;; i = (i + 1) & d->edges_mask) {
		if (d->edges[i].key == key)
			return d->edges[i].child;
		if (d->edges[i].key == UINT64_MAX)
			return MATCH_NO_NODE;
	}
}

static void edges_rehash(struct match_dict *d)
{
	size_t mask = d->edges_mask * 2 + 1;
	struct edge_slot *slots = xmalloc((mask + 1) * sizeof(*slots));
	for (size_t i = 0; i <= mask; i++)
		slots[i].key = UINT64_MAX;
	for (size_t i = 0; i <= d->edges_mask; i++) {
		if (d->edges[i].key == UINT64_MAX)
			continue;
		size_t j = mix64(d->edges[i].key) & mask;
		while (slots[j].key != UINT64_MAX)
			j = (j + 1) & mask;
		slots[j] = d->edges[i];
	}
	free(d->edges);
	d->edges = slots;
	d->edges_mask = mask;
	bloom_size(d);
	for (size_t i = 0; i <= mask; i++)
		if (slots[i].key != UINT64_MAX)
			bloom_add(d, mix64(slots[i].key));
}

static uint32_t step_or_add(struct match_dict *d, uint32_t node, uint32_t token)
{
	uint32_t child = match_dict_step(d, node, token);
	if (child != MATCH_NO_NODE)
		return child;
	if (node == MATCH_ROOT) {
		if (token >= d->root_len) {
			grow_array((void **)&d->root, &d->root_cap, (size_t)token + 1, sizeof(*d->root));
			for (size_t i = d->root_len; i <= token; i++)
				d->root[i] = MATCH_NO_NODE;
			d->root_len = (size_t)token + 1;
		}
		return d->root[token] = d->node_count++;
	}
	if (too_full(d->edge_count, d->edges_mask, EDGES_FULL_EIGHTHS))
		edges_rehash(d);
	uint64_t key = (uint64_t)node << 32 | token, h = mix64(key);
	bloom_add(d, h);
	size_t i = h & d->edges_mask;
	while (d->edges[i].key != UINT64_MAX)
		i = (i + 1) & d->edges_mask;
	d->edges[i].key = key;
	d->edges[i].child = d->node_count++;
	d->edge_count++;
	return d->edges[i].child;
}

uint32_t match_dict_intern(struct match_dict *d, const char *s, size_t len)
{
	return intern(d, s, len, text_hash(s, len));
}

const char *match_dict_token_text(const struct match_dict *d, uint32_t id, size_t *len)
{
	*len = d->tok_len[id];
	return d->arena + d->tok_off[id];
}

static void add_payload(struct match_dict *d, uint32_t node, const struct payload *p)
{
	grow_array((void **)&d->pending, &d->pending_cap, d->pending_count + 1, sizeof(*d->pending));
	d->pending[d->pending_count].node = node;
	d->pending[d->pending_count].p = *p;
	d->pending_count++;
}

uint32_t match_dict_extend(struct match_dict *d, uint32_t from, const char *const *tok,
			   const uint32_t *len, size_t n)
{
	uint32_t node = from;
	for (size_t i = 0; i < n; i++)
		node = step_or_add(d, node, intern(d, tok[i], len[i], text_hash(tok[i], len[i])));
	return node;
}

uint32_t match_dict_extend_ids(struct match_dict *d, uint32_t from, const uint32_t *ids, size_t n)
{
	uint32_t node = from;
	for (size_t i = 0; i < n; i++)
		node = step_or_add(d, node, ids[i]);
	return node;
}

void match_dict_add_at(struct match_dict *d, uint32_t node, const struct payload *p)
{
	add_payload(d, node, p);
}

size_t match_dict_add_tokens(struct match_dict *d, const char *const *tok, const uint32_t *len,
			     size_t n, const struct payload *p, unsigned flags)
{
	if (n == 0 || n > MATCH_MAX_PHRASE_TOKENS)
		return 0;
	add_payload(d, match_dict_extend(d, MATCH_ROOT, tok, len, n), p);
	if ((flags & MATCH_ADD_JOINED) && n > 1) {
		char joined[MATCH_MAX_PHRASE_TOKENS * 64];
		size_t total = 0;
		for (size_t i = 0; i < n; i++)
			total += len[i];
		if (total <= sizeof(joined)) {
			size_t k = 0;
			for (size_t i = 0; i < n; i++) {
				memcpy(joined + k, tok[i], len[i]);
				k += len[i];
			}
			uint32_t id = intern(d, joined, k, text_hash(joined, k));
			add_payload(d, step_or_add(d, MATCH_ROOT, id), p);
		}
	}
	return n;
}

size_t match_dict_add(struct match_dict *d, const char *phrase, size_t len,
		      const struct payload *p, unsigned flags)
{
	struct tokens *t = &d->scratch;
	text_tokenize(t, phrase, len);
	if (t->count == 0 || t->count > MATCH_MAX_PHRASE_TOKENS)
		return 0;
	const char *tok[MATCH_MAX_PHRASE_TOKENS];
	uint32_t lens[MATCH_MAX_PHRASE_TOKENS];
	for (size_t i = 0; i < t->count; i++) {
		tok[i] = token_text(t, &t->items[i]);
		lens[i] = t->items[i].norm_len;
	}
	return match_dict_add_tokens(d, tok, lens, t->count, p, flags);
}

/* Groups payloads by node with a counting sort (one pass to count, one to
 * place); within a node, a few payloads at most, sorted by insertion and
 * de-duplicated. */
void match_dict_freeze(struct match_dict *d)
{
	free(d->payloads);
	free(d->first);
	d->first = xcalloc((size_t)d->node_count + 1, sizeof(*d->first));
	for (size_t i = 0; i < d->pending_count; i++)
		d->first[d->pending[i].node + 1]++;
	for (uint32_t i = 0; i < d->node_count; i++)
		d->first[i + 1] += d->first[i];
	struct payload *placed = xmalloc((d->pending_count ? d->pending_count : 1) * sizeof(*placed));
	uint32_t *fill = xmalloc(((size_t)d->node_count + 1) * sizeof(*fill));
	memcpy(fill, d->first, ((size_t)d->node_count + 1) * sizeof(*fill));
	for (size_t i = 0; i < d->pending_count; i++)
		placed[fill[d->pending[i].node]++] = d->pending[i].p;

	/* sort and de-duplicate each node's run in place, compacting */
	d->payloads = xmalloc((d->pending_count ? d->pending_count : 1) * sizeof(*d->payloads));
	size_t out = 0;
	d->phrase_count = 0;
	for (uint32_t node = 0; node < d->node_count; node++) {
		uint32_t a = d->first[node], b = d->first[node + 1];
		size_t start = out;
		for (uint32_t i = a; i < b; i++) {
			struct payload p = placed[i];
			size_t j = out;
			while (j > start && memcmp(&d->payloads[j - 1], &p, sizeof(p)) > 0)
				j--;
			if (j > start && memcmp(&d->payloads[j - 1], &p, sizeof(p)) == 0)
				continue;
			memmove(&d->payloads[j + 1], &d->payloads[j], (out - j) * sizeof(p));
			d->payloads[j] = p;
			out++;
		}
		fill[node] = (uint32_t)start;
		if (out > start)
			d->phrase_count++;
	}
	fill[d->node_count] = (uint32_t)out;
	free(d->first);
	d->first = fill;
	free(placed);
	free(d->pending);
	d->pending = NULL;
	d->pending_count = d->pending_cap = 0;
	tokens_finish(&d->scratch);
	d->frozen = true;
}

const struct payload *match_dict_payloads(const struct match_dict *d, uint32_t node, size_t *count)
{
	if (!d->frozen || node >= d->node_count) {
		*count = 0;
		return NULL;
	}
	*count = d->first[node + 1] - d->first[node];
	return *count ? d->payloads + d->first[node] : NULL;
}

size_t match_dict_phrase_count(const struct match_dict *d)
{
	return d->phrase_count;
}

size_t match_dict_memory(const struct match_dict *d)
{
	return d->arena_cap + d->tok_cap * 8 + (d->tokens_mask + 1) * sizeof(*d->tokens) +
	       (d->edges_mask + 1) * sizeof(*d->edges) + d->root_cap * sizeof(*d->root) +
	       (d->bloom_mask + 1) * sizeof(*d->bloom) +
	       (size_t)(d->node_count + 1) * 4 +
	       d->phrase_count * sizeof(struct payload);
}
