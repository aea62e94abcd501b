/* Ordinary words: the lower-case entries of en_GB.dic (the part before
 * '/'), hashed into an open-addressing set. Inflections: regular English
 * endings are proposed and kept when hunspell spells them and stems them
 * back to the word (or to the word's own stem: wanker and wankers both stem
 * to wank), so irregular spellings are never invented. Answers are
 * memoised per word and the memo is saved as the cache file:
 *
 *   prepost-morphology 3 <hash of en_GB.aff and en_GB.dic> <salt> <stat of both>
 *   idiot<TAB>idiots idiotic
 *   =<salted hash of a word><TAB>1
 *
 * The second kind of line remembers whether a name is a word; only a
 * salted hash of each name is kept, never the name. As git does, the size,
 * modification time and inode of the two dictionary files vouch for the
 * content hash: while they match, a start that finds every answer in the
 * cache reads neither the dictionary nor starts hunspell.
 *
 * A cache that does not parse, or was made from another dictionary, is
 * ignored and rewritten. */
#include "morphology.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hunspell-api.h"
#include "util.h"

#define CACHE_MAGIC "prepost-morphology 4 "
#define MAX_CACHE_BYTES (16u << 20)
#define MAX_DICT_BYTES (64u << 20)

struct memo {
	char *word;
	char *forms; /* space-separated, possibly empty */
	bool used;   /* asked for in this run */
};

struct morphology {
	char *aff, *dic;
	const struct hunspell_api *hs; /* loaded and */
	Hunhandle *h;                  /* started only when the cache misses */
	const char *hs_error;          /* why hunspell could not be loaded */
	bool used_hunspell;
	uint64_t *words; /* hashes of dictionary words; 0 is empty */
	size_t words_mask;
	uint64_t dict_id;
	bool have_id; /* dict_id came from a cache whose stamp matched */
	bool words_loaded;
	char stamp[128]; /* size, mtime and inode of the .aff and .dic */
	uint64_t salt;
	struct memo *memo;
	size_t memo_count, memo_cap;
	uint32_t *memo_index; /* 1 + index into memo; 0 is empty */
	size_t memo_mask;
	bool dirty;
	char *cache_path;
};

static const char *const search_dirs[] = {
	"/usr/share/hunspell",
	"/usr/share/myspell",
	"/usr/share/myspell/dicts",
	"/usr/local/share/hunspell",
	"/opt/homebrew/share/hunspell",
	"/Library/Spelling",
};

static uint64_t hash64(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = hash64(s, n, 0xcbf29ce484222325ULL);
	return h ? h : 1;
}

static void words_add(struct morphology *m, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & m->words_mask;
	while (m->words[i] && m->words[i] != h)
		i = (i + 1) & m->words_mask;
	m->words[i] = h;
}

static bool read_dictionary(struct morphology *m);
#define PROPER_SALT 0x5bd1e9955bd1e995ULL
void morphology_clear_cache(struct morphology *m);

/* Whether hash h is in the word list, read on first use. */
static bool in_words(struct morphology *m, uint64_t h)
{
	if (!m->words_loaded) {
		m->words_loaded = true;
		read_dictionary(m);
	}
	if (!m->words)
		return false;
	for (size_t i = (size_t)(h ^ (h >> 29)) & m->words_mask; m->words[i];
	     i = (i + 1) & m->words_mask)
		if (m->words[i] == h)
			return true;
	return false;
}

static bool in_word_list(struct morphology *m, const char *word)
{
	return in_words(m, word_hash(word, strlen(word)));
}

/* Whether the folded word is a proper noun of the word list. */
static bool in_proper_list(struct morphology *m, const char *word)
{
	return in_words(m, word_hash(word, strlen(word)) ^ PROPER_SALT);
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k + 1 && memcmp(s + n - k, suffix, k) == 0;
}

bool morphology_is_listed(struct morphology *m, const char *word)
{
	if (in_word_list(m, word) || in_proper_list(m, word))
		return true;
	static const struct {
		const char *end, *put;
	} endings[] = {
		{"ies", "y"}, {"es", ""}, {"s", ""},	{"ed", ""},  {"ed", "e"},  {"ing", ""},
		{"ing", "e"}, {"ers", ""}, {"er", ""}, {"ers", "e"}, {"er", "e"}, {"ly", ""},
		{"y", ""},
	};
	size_t n = strlen(word);
	char stem[64];
	for (size_t i = 0; i < ARRAY_SIZE(endings); i++) {
		size_t el = strlen(endings[i].end), pl = strlen(endings[i].put);
		if (n <= el + 2 || n - el + pl >= sizeof(stem) || !ends_with(word, n, endings[i].end))
			continue;
		memcpy(stem, word, n - el);
		memcpy(stem + n - el, endings[i].put, pl + 1);
		if (in_word_list(m, stem))
			return true;
		/* "bigger", "slimmer", "fitting": a consonant doubled */
		size_t sl = n - el;
		if (!pl && sl >= 3 && stem[sl - 1] == stem[sl - 2]) {
			stem[sl - 1] = '\0';
			if (in_word_list(m, stem))
				return true;
		}
	}
	return false;
}

static struct memo *memo_find(struct morphology *m, const char *word);
static struct memo *memo_add(struct morphology *m, const char *word, size_t wlen,
			     const char *forms, size_t flen);
static void start_hunspell(struct morphology *m);

bool morphology_is_word(struct morphology *m, const char *word)
{
	if (!m->dic || !word[0])
		return false;
	size_t n = strlen(word);
	char key[20];
	snprintf(key, sizeof(key), "=%016llx",
		 (unsigned long long)hash64(word, n, m->salt ^ 0xcbf29ce484222325ULL));
	struct memo *e = memo_find(m, key);
	if (!e) {
		bool yes = in_word_list(m, word);
		/* Derived forms (baker, walker, hunter) are not in the list of
		 * base words; only those can need hunspell. */
		static const char *const suffixes[] = {"er", "ers", "s", "es", "ed", "ing", "y",
						       "ly"};
		bool derived = false;
		for (size_t i = 0; i < ARRAY_SIZE(suffixes) && !yes && !derived; i++)
			derived = ends_with(word, n, suffixes[i]);
		if (!yes && derived) {
			start_hunspell(m);
			yes = m->h && m->hs->spell(m->h, word);
		}
		e = memo_add(m, key, strlen(key), yes ? "1" : "0", 1);
		m->dirty = true;
	}
	e->used = true;
	return e->forms[0] == '1';
}

/* Content hash, eight bytes at a time: a megabyte of dictionary in well
 * under a millisecond. */
static uint64_t content_hash(const char *s, size_t n, uint64_t h)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 31;
	}
	return hash64(s + i, n - i, h);
}

/* Reads the word list and computes the dictionary's identity: one pass,
 * each plain lower-case word hashed as it is scanned. */
static bool read_dictionary(struct morphology *m)
{
	char *aff, *dic;
	size_t aff_len, dic_len;
	if (read_file(m->aff, MAX_DICT_BYTES, &aff, &aff_len) < 0)
		return false;
	if (read_file(m->dic, MAX_DICT_BYTES, &dic, &dic_len) < 0) {
		free(aff);
		return false;
	}
	uint64_t id = content_hash(dic, dic_len, content_hash(aff, aff_len, 0xcbf29ce484222325ULL));
	if (m->have_id && id != m->dict_id) {
		/* the stamp vouched for a hash the content no longer has: what
		 * the cache said may be wrong, so forget it */
		morphology_clear_cache(m);
	}
	m->dict_id = id;
	m->have_id = true;
	free(aff);
	/* one word a line at most (the first line, a count, may follow a BOM) */
	size_t lines = 0;
	for (const char *q = dic; (q = memchr(q, '\n', (size_t)(dic + dic_len - q))); q++)
		lines++;
	size_t cap = 1024;
	while (cap < lines * 2)
		cap *= 2;
	m->words = xcalloc(cap, sizeof(*m->words));
	m->words_mask = cap - 1;
	const char *p = memchr(dic, '\n', dic_len), *end = dic + dic_len;
	size_t added = 0;
	while (p && ++p < end) {
		uint64_t h = 0xcbf29ce484222325ULL;
		const char *w = p;
		/* a proper noun ("Bart", "Cnut") is kept apart, folded, for
		 * morphology_is_listed() only: as an ordinary word it would
		 * make every name that is also a place or a saint one */
		bool proper = p < end && *p >= 'A' && *p <= 'Z';
		if (proper) {
			h = (h ^ (unsigned char)(*p - 'A' + 'a')) * 0x100000001b3ULL;
			p++;
		}
		while (p < end && *p >= 'a' && *p <= 'z') {
			h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
			p++;
		}
		/* a plain word ends the entry or comes before its flags */
		if (p > w + proper &&
		    (p == end || *p == '/' || *p == '\n' || *p == '\t' || *p == '\r') &&
		    added * 2 < cap) {
			words_add(m, (h ? h : 1) ^ (proper ? PROPER_SALT : 0));
			added++;
		}
		p = memchr(p, '\n', (size_t)(end - p));
	}
	free(dic);
	return true;
}

static struct memo *memo_find(struct morphology *m, const char *word)
{
	if (!m->memo_index)
		return NULL;
	uint64_t h = word_hash(word, strlen(word));
	for (size_t i = (size_t)h & m->memo_mask; m->memo_index[i]; i = (i + 1) & m->memo_mask) {
		struct memo *e = &m->memo[m->memo_index[i] - 1];
		if (strcmp(e->word, word) == 0)
			return e;
	}
	return NULL;
}

static struct memo *memo_add(struct morphology *m, const char *word, size_t wlen,
			     const char *forms, size_t flen)
{
	if ((m->memo_count + 1) * 2 > m->memo_mask + 1 || !m->memo_index) {
		size_t cap = m->memo_index ? (m->memo_mask + 1) * 2 : 1024;
		uint32_t *idx = xcalloc(cap, sizeof(*idx));
		for (size_t k = 0; k < m->memo_count; k++) {
			uint64_t h = word_hash(m->memo[k].word, strlen(m->memo[k].word));
			size_t i = (size_t)h & (cap - 1);
			while (idx[i])
				i = (i + 1) & (cap - 1);
			idx[i] = (uint32_t)k + 1;
		}
		free(m->memo_index);
		m->memo_index = idx;
		m->memo_mask = cap - 1;
	}
	grow_array((void **)&m->memo, &m->memo_cap, m->memo_count + 1, sizeof(*m->memo));
	struct memo *e = &m->memo[m->memo_count];
	e->word = xstrndup(word, wlen);
	e->forms = xstrndup(forms, flen);
	e->used = false;
	uint64_t h = word_hash(e->word, wlen);
	size_t i = (size_t)h & m->memo_mask;
	while (m->memo_index[i])
		i = (i + 1) & m->memo_mask;
	m->memo_index[i] = (uint32_t)++m->memo_count;
	return e;
}

static char *cache_dir(void)
{
	const char *env = getenv("PREPOST_CACHE_DIR");
	if (env && env[0])
		return xstrdup(env);
	const char *xdg = getenv("XDG_CACHE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/prepost", xdg);
	const char *home = getenv("HOME");
	if (home && home[0])
		return xasprintf("%s/.cache/prepost", home);
	return NULL;
}

void morphology_clear_cache(struct morphology *m)
{
	for (size_t i = 0; i < m->memo_count; i++) {
		free(m->memo[i].word);
		free(m->memo[i].forms);
	}
	m->memo_count = 0;
	if (m->memo_index)
		memset(m->memo_index, 0, (m->memo_mask + 1) * sizeof(*m->memo_index));
}

void morphology_cache_header(const struct morphology *m, char *buf, size_t n)
{
	snprintf(buf, n, CACHE_MAGIC "%016llx %016llx %s\n", (unsigned long long)m->dict_id,
		 (unsigned long long)m->salt, m->stamp);
}

/* Parses a cache; a header that does not match this dictionary, format or
 * files means the whole cache is ignored (and rewritten); a damaged line
 * ends parsing, keeping what came before it. */
void morphology_read_cache_bytes(struct morphology *m, const char *data, size_t len)
{
	/* the header: magic, dictionary hash, salt, stamp */
	const char *eol = memchr(data, '\n', len);
	char header[256];
	unsigned long long id, salt;
	char stamp[128];
	size_t hl = eol ? (size_t)(eol - data) : 0;
	if (!eol || hl >= sizeof(header)) {
		m->dirty = true;
		return;
	}
	memcpy(header, data, hl);
	header[hl] = '\0';
	if (strncmp(header, CACHE_MAGIC, strlen(CACHE_MAGIC)) != 0 ||
	    sscanf(header + strlen(CACHE_MAGIC), "%16llx %16llx %127[0-9 ]", &id, &salt, stamp) != 3 ||
	    strcmp(stamp, m->stamp) != 0) {
		m->dirty = true; /* another dictionary, format or file: rewrite it */
		return;
	}
	m->dict_id = id;
	m->have_id = true;
	m->salt = salt;
	const char *p = eol + 1, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *tab = nl ? memchr(p, '\t', (size_t)(nl - p)) : NULL;
		if (!nl || !tab || tab == p || memchr(p, '\0', (size_t)(nl - p)) ||
		    memchr(p, ' ', (size_t)(tab - p))) {
			m->dirty = true;
			break; /* a damaged line: keep what came before it */
		}
		char *word = xstrndup(p, (size_t)(tab - p));
		if (!memo_find(m, word))
			memo_add(m, p, (size_t)(tab - p), tab + 1, (size_t)(nl - tab - 1));
		free(word);
		p = nl + 1;
	}
}

static void read_cache(struct morphology *m)
{
	char *data;
	size_t len;
	if (!m->cache_path || read_file(m->cache_path, MAX_CACHE_BYTES, &data, &len) < 0)
		return;
	morphology_read_cache_bytes(m, data, len);
	free(data);
}

/* Writes the words asked for in this run, atomically, readable by the
 * user only. Failing to write is not an error: the next start is slower. */
static void write_cache(struct morphology *m)
{
	if (!m->cache_path || !m->dirty)
		return;
	char *dir = path_dirname(m->cache_path);
	char *parent = path_dirname(dir);
	mkdir(parent, 0700);
	mkdir(dir, 0700);
	free(parent);
	free(dir);
	char *tmp = xasprintf("%s.%ld.tmp", m->cache_path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		free(tmp);
		return;
	}
	if (!m->have_id) {
		/* nothing vouches for the hash yet: compute it before saving */
		m->words_loaded = true;
		read_dictionary(m);
	}
	fprintf(f, CACHE_MAGIC "%016llx %016llx %s\n", (unsigned long long)m->dict_id,
		(unsigned long long)m->salt, m->stamp);
	for (size_t i = 0; i < m->memo_count; i++)
		if (m->memo[i].used)
			fprintf(f, "%s\t%s\n", m->memo[i].word, m->memo[i].forms);
	if (fclose(f) == 0)
		rename(tmp, m->cache_path);
	unlink(tmp);
	free(tmp);
}

struct morphology *morphology_create(struct problems *problems)
{
	struct morphology *m = xcalloc(1, sizeof(*m));
	const char *env = getenv("PREPOST_HUNSPELL_DIR");
	for (size_t i = 0; i < ARRAY_SIZE(search_dirs) + 1 && !m->dic; i++) {
		const char *dir = i == 0 ? env : search_dirs[i - 1];
		if (!dir || !dir[0])
			continue;
		char *aff = xasprintf("%s/en_GB.aff", dir);
		char *dic = xasprintf("%s/en_GB.dic", dir);
		if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
			m->aff = aff;
			m->dic = dic;
		} else {
			free(aff);
			free(dic);
		}
	}
	struct stat sa, sd;
	if (!m->dic || stat(m->aff, &sa) < 0 || stat(m->dic, &sd) < 0) {
		problems_add(problems, "The en_GB hunspell dictionary was not found (install "
				       "hunspell-en-gb): names that are also ordinary words cannot be "
				       "told apart and fewer word forms are matched.");
		free(m->aff);
		free(m->dic);
		m->aff = m->dic = NULL;
		return m;
	}
	snprintf(m->stamp, sizeof(m->stamp), "%lld %lld %llu %lld %lld %llu",
		 (long long)sa.st_size, (long long)sa.st_mtim.tv_sec * 1000000000LL + sa.st_mtim.tv_nsec,
		 (unsigned long long)sa.st_ino, (long long)sd.st_size,
		 (long long)sd.st_mtim.tv_sec * 1000000000LL + sd.st_mtim.tv_nsec,
		 (unsigned long long)sd.st_ino);
	char *dir = cache_dir();
	if (dir) {
		m->cache_path = xasprintf("%s/morphology-v3", dir);
		free(dir);
	}
	/* a fresh salt, unless the cache brings its own */
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, &m->salt, sizeof(m->salt)) != (ssize_t)sizeof(m->salt))
		m->salt = (uint64_t)getpid() * 0x9e3779b97f4a7c15ULL ^ (uint64_t)time(NULL);
	if (fd >= 0)
		close(fd);
	read_cache(m);
	return m;
}

void morphology_destroy(struct morphology *m)
{
	if (!m)
		return;
	write_cache(m);
	if (m->h)
		m->hs->destroy(m->h);
	for (size_t i = 0; i < m->memo_count; i++) {
		free(m->memo[i].word);
		free(m->memo[i].forms);
	}
	free(m->memo);
	free(m->memo_index);
	free(m->words);
	free(m->aff);
	free(m->dic);
	free(m->cache_path);
	free(m);
}

const char *morphology_dictionary(const struct morphology *m)
{
	return m->dic;
}

bool morphology_used_hunspell(const struct morphology *m)
{
	return m->used_hunspell;
}

const char *morphology_hunspell_error(const struct morphology *m)
{
	return m->hs_error;
}

static void start_hunspell(struct morphology *m)
{
	if (m->h || !m->dic || m->hs_error)
		return;
	m->hs = hunspell_api(&m->hs_error);
	if (!m->hs)
		return;
	m->h = m->hs->create(m->aff, m->dic);
	m->used_hunspell = true;
}

static bool has_stem(const struct hunspell_api *hs, Hunhandle *h, const char *form,
		     const char *word, char **word_stems, int nword)
{
	char **stems;
	int n = hs->stem(h, &stems, form);
	bool found = false;
	for (int i = 0; i < n && !found; i++) {
		if (strcmp(stems[i], word) == 0)
			found = true;
		for (int j = 0; j < nword && !found; j++)
			found = strcmp(stems[i], word_stems[j]) == 0;
	}
	hs->free_list(h, &stems, n);
	return found;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Appends the inflections of word to out, space-separated. */
static void compute(struct morphology *m, const char *word, struct buf *out)
{
	size_t n = strlen(word);
	char last = word[n - 1];
	bool sibilant = last == 's' || last == 'x' || last == 'z' ||
			strcmp(word + n - 2, "sh") == 0 || strcmp(word + n - 2, "ch") == 0;
	char stem_y[64] = "", stem_e[64] = "", stem_double[64] = "";
	if (last == 'y' && n < sizeof(stem_y) && !is_vowel(word[n - 2]))
		snprintf(stem_y, sizeof(stem_y), "%.*si", (int)(n - 1), word);
	if (last == 'e' && n < sizeof(stem_e))
		snprintf(stem_e, sizeof(stem_e), "%.*s", (int)(n - 1), word);
	if (n + 1 < sizeof(stem_double) && !is_vowel(last) && last != 'w' && last != 'x' &&
	    last != 'y' && is_vowel(word[n - 2]) && !is_vowel(word[n - 3]))
		snprintf(stem_double, sizeof(stem_double), "%s%c", word, last);

	char *cand[16];
	size_t nc = 0;
	if (stem_y[0]) {
		cand[nc++] = xasprintf("%ses", stem_y);
		cand[nc++] = xasprintf("%sed", stem_y);
		cand[nc++] = xasprintf("%ser", stem_y);
		cand[nc++] = xasprintf("%sest", stem_y);
	} else {
		cand[nc++] = xasprintf("%s%s", word, sibilant ? "es" : "s");
	}
	if (stem_e[0]) {
		cand[nc++] = xasprintf("%sd", word);
		cand[nc++] = xasprintf("%sing", stem_e);
		cand[nc++] = xasprintf("%sr", word);
		cand[nc++] = xasprintf("%srs", word);
		cand[nc++] = xasprintf("%sst", word);
	} else {
		cand[nc++] = xasprintf("%sed", word);
		cand[nc++] = xasprintf("%sing", word);
		cand[nc++] = xasprintf("%ser", word);
		cand[nc++] = xasprintf("%sers", word);
		cand[nc++] = xasprintf("%sest", word);
	}
	if (stem_double[0]) {
		cand[nc++] = xasprintf("%sed", stem_double);
		cand[nc++] = xasprintf("%sing", stem_double);
		cand[nc++] = xasprintf("%ser", stem_double);
		cand[nc++] = xasprintf("%sers", stem_double);
		cand[nc++] = xasprintf("%sest", stem_double);
	}
	if (last == 'y')
		cand[nc++] = xasprintf("%ss", word);

	start_hunspell(m);
	if (m->h && m->hs->spell(m->h, word)) {
		char **ws;
		int nw = m->hs->stem(m->h, &ws, word);
		for (size_t i = 0; i < nc; i++) {
			if (m->hs->spell(m->h, cand[i]) &&
			    has_stem(m->hs, m->h, cand[i], word, ws, nw)) {
				if (out->len)
					buf_append_char(out, ' ');
				buf_append(out, cand[i], strlen(cand[i]));
			}
		}
		m->hs->free_list(m->h, &ws, nw);
	} else {
		/* Slang the dictionary lacks (bellend, numpty's cousins): the
		 * regular plural only. */
		buf_append(out, cand[0], strlen(cand[0]));
	}
	for (size_t i = 0; i < nc; i++)
		free(cand[i]);
}

void morphology_inflect(struct morphology *m, const char *word,
			void (*add)(const char *form, void *ctx), void *ctx)
{
	size_t n = strlen(word);
	if (n < 3 || strchr(word, ' ') || strchr(word, '\t') || strchr(word, '\n'))
		return;
	struct memo *e = memo_find(m, word);
	if (!e) {
		struct buf forms;
		buf_init(&forms);
		compute(m, word, &forms);
		e = memo_add(m, word, n, forms.data ? forms.data : "", forms.len);
		buf_finish(&forms);
		m->dirty = true;
	}
	e->used = true;
	/* a noun made from a verb has a plural the dictionary may not give
	 * ("warning/M" in en_GB: "written warnings"); it is added here, after
	 * the cache, so caches written before stay right */
	bool ing_plural = n >= 5 && memcmp(word + n - 3, "ing", 3) == 0;
	const char *p = e->forms;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		if (len) {
			if (len == n + 1 && memcmp(p, word, n) == 0 && p[n] == 's')
				ing_plural = false;
			char *form = xstrndup(p, len);
			add(form, ctx);
			free(form);
		}
		p += len + (sp ? 1 : 0);
	}
	if (ing_plural) {
		char *form = xmalloc(n + 2);
		memcpy(form, word, n);
		memcpy(form + n, "s", 2);
		add(form, ctx);
		free(form);
	}
}
